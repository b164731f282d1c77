import type { Activity, OptOut } from '@/lib/schema';

/*
 * The words the panel uses for activity that is not a page view and for do-not-contact entries.
 * Plain text only: titles from a marketing system are shown as text, never as HTML.
 */

/** "45 s", "12 min", "2 h", "3 days": the time between two moments, in the rep's locale's digits. */
export function formatElapsed(fromIso: string, toIso: string, locale?: string): string | undefined {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const seconds = ms / 1000;
  if (seconds < 60) return `${number.format(Math.round(seconds))} s`;
  if (seconds < 3600) return `${number.format(Math.round(seconds / 60))} min`;
  if (seconds < 2 * 86400) return `${number.format(Math.round(seconds / 3600))} h`;
  const days = Math.round(seconds / 86400);
  return `${number.format(days)} days`;
}

/** What the lead did, as a sentence without its time: "Downloaded …", "Opened the e-mail '…' …", "Submitted the form '…'". */
export function activityText(activity: Activity, locale?: string): { before: string; title: string; after: string } {
  switch (activity.kind) {
    case 'download':
      return { before: 'Downloaded ', title: activity.title, after: '' };
    case 'email_open': {
      const subject = activity.subject && activity.subject !== activity.title ? ` (sent with the subject '${activity.subject}')` : '';
      const elapsed = activity.sentAt ? formatElapsed(activity.sentAt, activity.at, locale) : undefined;
      return { before: "Opened the e-mail '", title: activity.title, after: `'${subject}${elapsed ? `, ${elapsed} after it was sent` : ''}` };
    }
    case 'form_submission':
      return { before: "Submitted the form '", title: activity.title, after: "'" };
  }
}

/** The whole sentence as plain text (for tests, titles and screen readers). */
export function activitySentence(activity: Activity, locale?: string): string {
  const { before, title, after } = activityText(activity, locale);
  return `${before}${title}${after}`;
}

const REASON_WORDS: Record<OptOut['reason'], string> = {
  unsubscribed: 'unsubscribed',
  bounced: 'bounced',
  manual: 'set by marketing',
  other: 'reason not given',
};

const CHANNEL_WORDS: Record<string, string> = { email: 'E-mail', sms: 'SMS', phone: 'Phone', call: 'Phone', notification: 'Push notifications' };

/** "E-mail: unsubscribed", "SMS: bounced", the channel's own name otherwise. */
export function optOutHeadline(optOut: OptOut): string {
  const channel = CHANNEL_WORDS[optOut.channel] ?? optOut.channel.charAt(0).toUpperCase() + optOut.channel.slice(1);
  return `${channel}: ${REASON_WORDS[optOut.reason]}`;
}
