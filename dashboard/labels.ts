import { CHANNEL_LABELS, type Channel } from '@/lib/schema/lead';
import type { Share } from '@/lib/schema/dashboard';

/** How the dashboard names a lead's source; leads without one are grouped, not hidden. */
export const channelLabel = (channel: Channel | null) => (channel ? CHANNEL_LABELS[channel] : 'No source');
export const campaignLabel = (campaign: string | null) => campaign ?? 'No campaign';

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** "40% (12–71%)": the share with its 95% interval, so a small row reads as uncertain. */
export const shareText = (share: Share) => `${percent(share.share)} (${percent(share.low)}–${percent(share.high)})`;

/** Hours as people say them: "45 min", "5.5 h", "3.2 days". */
export function hoursText(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/** A UTC calendar day ('2026-11-12') as "12 Nov 2026", the same day whatever the viewer's zone. */
export const dayText = (day: string) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** "case_study" → "Case study". */
export const typeLabel = (type: string) => type.replace(/_/g, ' ').replace(/^roi\b/, 'ROI').replace(/^\w/, (letter) => letter.toUpperCase());

/** Whether the window is at least as wide as a small laptop: charts give their labels more room. */
export const isWide = () => window.matchMedia('(min-width: 700px)').matches;
