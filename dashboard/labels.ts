import type { TFunction } from 'i18next';
import { formatDateTime } from '@/lib/format/time';
import type { ContentType } from '@/lib/schema/content';
import type { Share } from '@/lib/schema/dashboard';
import type { Verdict } from '@/lib/schema/feedback';
import type { Channel } from '@/lib/schema/lead';

/**
 * How the dashboard writes numbers, shares, durations, days and its enum values, in the UI's
 * locale: numbers and dates through `Intl`, names through the `dashboard` messages. `locale` is the
 * BCP 47 tag from useIntlLocale(); hooks/use-labels.ts binds these to the page's locale.
 */
type DashboardT = TFunction<['dashboard', 'common']>;

export const numberText = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** 0.4 → "40%" ("40 %" in German, French). */
export const percent = (share: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** A change against the period before: "+3", "−2" (zero is not shown as a change). */
export const deltaText = (change: number, locale: string) => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(change);

/** "40% (12–71%)": the share with its 95% interval, so a small row reads as uncertain. */
export const shareText = (share: Share, locale: string) => `${percent(share.share, locale)} (${percent(share.low, locale)}–${percent(share.high, locale)})`;

/** Hours as people say them, in the locale's units: "45 min", "5.5 hr", "3.2 days" ("5,5 Std."). */
export function hoursText(hours: number | null, locale: string): string {
  if (hours === null) return '—';
  const unit = (value: number, name: 'minute' | 'hour' | 'day') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  if (hours < 1) return unit(Math.round(hours * 60), 'minute');
  if (hours < 48) return unit(Math.round(hours * 10) / 10, 'hour');
  return unit(Math.round((hours / 24) * 10) / 10, 'day');
}

/** A UTC calendar day ('2026-11-12') as "12 Nov 2026" / "12. Nov. 2026", the same day whatever the viewer's zone. */
export const dayText = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** A moment ("12 Nov, 14:05") in the viewer's zone. */
export const dateTimeText = (iso: string, locale: string) => formatDateTime(iso, locale);

/** How the dashboard names a lead's source; leads without one are grouped, not hidden. */
export const channelLabel = (channel: Channel | null, t: DashboardT) => (channel ? t(`dashboard:channel.${channel}`) : t('dashboard:channel.none'));

/** A campaign's name is marketing's data (never translated); only its absence is our words. */
export const campaignLabel = (campaign: string | null, t: DashboardT) => campaign ?? t('dashboard:noCampaign');

/** "case_study" → "Case study" (a content type the dashboard does not know yet is shown as stored). */
export const typeLabel = (type: ContentType | string, t: DashboardT) => t(`dashboard:contentType.${type as ContentType}`, { defaultValue: type });

export const verdictLabel = (verdict: Verdict, t: DashboardT) => t(`common:verdict.${verdict}`);

/** Whether the window is at least as wide as a small laptop: charts give their labels more room. */
export const isWide = () => window.matchMedia('(min-width: 700px)').matches;
