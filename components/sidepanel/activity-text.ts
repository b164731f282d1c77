import type { Activity, OptOut } from '@/lib/schema';
import type { PanelWords } from './use-panel-words';

/*
 * The words the panel uses for activity that is not a page view and for do-not-contact entries, in
 * the UI's language. Plain text only: titles from a marketing system are shown as text, never as HTML.
 */

/** "45 s", "12 min", "2 h", "3 days": the time between two moments, in the rep's locale's words and digits. */
export function formatElapsed(fromIso: string, toIso: string, locale?: string): string | undefined {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const seconds = ms / 1000;
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day', unitDisplay: 'short' | 'long' = 'short') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay, maximumFractionDigits: 0 }).format(Math.round(value));
  if (seconds < 60) return unit(seconds, 'second');
  if (seconds < 3600) return unit(seconds / 60, 'minute');
  if (seconds < 2 * 86400) return unit(seconds / 3600, 'hour');
  return unit(seconds / 86400, 'day', 'long');
}

/** A character no translation holds: where the title goes, so it can be shown as a link between the words. */
const TITLE = '\u0000';

/** A translated sentence cut around its title: the words before it and after it. */
function around(sentence: string): { before: string; after: string } {
  const at = sentence.indexOf(TITLE);
  return at < 0 ? { before: sentence, after: '' } : { before: sentence.slice(0, at), after: sentence.slice(at + TITLE.length) };
}

/** What the lead did, as a sentence without its time: "Downloaded …", "Opened the e-mail '…' …", "Submitted the form '…'". */
export function activityText(activity: Activity, t: PanelWords, locale?: string): { before: string; title: string; after: string } {
  switch (activity.kind) {
    case 'download':
      return { ...around(t('activity.download', { title: TITLE })), title: activity.title };
    case 'email_open': {
      const { before, after } = around(t('activity.emailOpen', { title: TITLE }));
      const subject = activity.subject && activity.subject !== activity.title ? t('activity.subject', { subject: activity.subject }) : '';
      const elapsed = activity.sentAt ? formatElapsed(activity.sentAt, activity.at, locale) : undefined;
      return { before, title: activity.title, after: `${after}${subject}${elapsed ? t('activity.afterSent', { elapsed }) : ''}` };
    }
    case 'form_submission':
      return { ...around(t('activity.form', { title: TITLE })), title: activity.title };
  }
}

/** The whole sentence as plain text (for tests, titles and screen readers). */
export function activitySentence(activity: Activity, t: PanelWords, locale?: string): string {
  const { before, title, after } = activityText(activity, t, locale);
  return `${before}${title}${after}`;
}

const KNOWN_CHANNELS = ['email', 'sms', 'phone', 'call', 'notification'] as const;
const isKnownChannel = (channel: string): channel is (typeof KNOWN_CHANNELS)[number] => (KNOWN_CHANNELS as readonly string[]).includes(channel);

/** "E-mail: unsubscribed", "SMS: bounced", the channel's own name (as the source spells it) otherwise. */
export function optOutHeadline(optOut: OptOut, t: PanelWords): string {
  const channel = isKnownChannel(optOut.channel) ? t(`dnc.channel.${optOut.channel}`) : optOut.channel.charAt(0).toUpperCase() + optOut.channel.slice(1);
  return t('dnc.headline', { channel, reason: t(`dnc.reason.${optOut.reason}`) });
}
