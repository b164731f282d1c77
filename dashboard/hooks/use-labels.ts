import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIntlLocale } from '@/components/ui/locale-provider';
import type { ContentType } from '@/lib/schema/content';
import type { Share } from '@/lib/schema/dashboard';
import type { Verdict } from '@/lib/schema/feedback';
import type { Channel } from '@/lib/schema/lead';
import * as labels from '../labels';

/** labels.ts bound to the page's UI locale: what every page formats its numbers, days and names with. */
export function useLabels() {
  const { t } = useTranslation(['dashboard', 'common']);
  const locale = useIntlLocale();
  return useMemo(
    () => ({
      locale,
      number: (value: number) => labels.numberText(value, locale),
      percent: (share: number) => labels.percent(share, locale),
      delta: (change: number) => labels.deltaText(change, locale),
      share: (share: Share) => labels.shareText(share, locale),
      hours: (hours: number | null) => labels.hoursText(hours, locale),
      day: (day: string) => labels.dayText(day, locale),
      dateTime: (iso: string) => labels.dateTimeText(iso, locale),
      channel: (channel: Channel | null) => labels.channelLabel(channel, t),
      campaign: (campaign: string | null) => labels.campaignLabel(campaign, t),
      type: (type: ContentType | string) => labels.typeLabel(type, t),
      verdict: (verdict: Verdict) => labels.verdictLabel(verdict, t),
    }),
    [locale, t],
  );
}
export type Labels = ReturnType<typeof useLabels>;
