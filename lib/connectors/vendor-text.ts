import { DecodingMode, decodeHTML } from 'entities';
import { HttpUrlSchema } from '@/lib/schema/common';
import { LEAD_LIMITS, type Utm } from '@/lib/schema/lead';

/**
 * Text as a vendor stores or sends it, made into the plain text a lead profile and an error message
 * hold. Shared by the connectors; no browser or server specifics (the server imports it too).
 */

/**
 * Text cut to what a lead profile holds, its end marked as cut: a vendor field may hold more than the
 * profile keeps (HubSpot caps nothing a form submits), and one long value must never lose the lead.
 */
export function clip(text: string, max: number = LEAD_LIMITS.text): string {
  if (text.length <= max) return text;
  // Never between the two halves of an emoji (or any character outside the BMP).
  const end = /[\uD800-\uDBFF]/.test(text[max - 2]!) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/**
 * HTML entities decoded. Mautic stored submitted values encoded before 5.x (`O&#39;Brien`), and a
 * value saved again through its API was encoded a second time (`O&amp;#039;Neill`): decoded until
 * nothing changes, at most twice, so a lead who really typed an entity keeps it after the second.
 * Strict mode decodes only entities that end in ";", which is all Mautic's encoding writes: a URL's
 * "&para=2" or "&copy" in a lead's own words stays as it is.
 */
export function decodeEntities(text: string): string {
  let decoded = text;
  for (let round = 0; round < 2 && decoded.includes('&'); round += 1) {
    const next = decodeHTML(decoded, DecodingMode.Strict);
    if (next === decoded) break;
    decoded = next;
  }
  return decoded;
}

/** A tag, never a lone "<" in prose ("<200 users", "a < b"): a letter, "/" or "!" right after it. */
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->|<!doctype[^>]*>/gi;
/** Tags that end a line of text where they are. */
const LINE_END = /<br\s*\/?>|<\/(?:p|div|li|h[1-6]|tr)>/gi;

/**
 * The text of a value that may hold HTML (a rich-text field, a textarea that allows it): tags out,
 * line ends kept where paragraphs and breaks were, entities decoded. Never rendered as HTML anywhere:
 * this only keeps the markup's words and drops its syntax.
 */
export function textOfHtml(text: string): string {
  if (!/<[a-z!/]/i.test(text)) return decodeEntities(text);
  const lines = text
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(LINE_END, '\n')
    .replace(TAG, '');
  return decodeEntities(lines)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line, index, all) => line || (index > 0 && all[index - 1]))
    .join('\n')
    .trim();
}

/** A value's words on one line, its markup (a rich-text cell's, an editor's) dropped; none when it holds none. */
export function oneLineText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : textOfHtml(value).replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * A UTM value as the lead's click carried it, or none for a tracking template's placeholder nobody
 * filled in: Google Ads' ValueTrack `{keyword}`, `{creative}`, Meta's `{{ad.name}}`, a `%%campaign%%`
 * macro. An ad network that does not know another's placeholders passes them through verbatim.
 */
export function utmValue(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text || /^(?:\{\{?\s*[\w.:-]+\s*\}?\}|%%[\w.:-]+%%|\[[\w.:-]+\])$/.test(text)) return undefined;
  return text;
}

/**
 * What an error page says, for a message: a proxy's or a maintenance page's HTML (Cloudflare's "502
 * Bad Gateway", a host's "Service temporarily unavailable") by its title, else its text on one line.
 * Other text is returned as it came.
 */
export function errorPageText(text: string): string {
  // A page, or any element closed (or a line break): PHP's own error printed where the JSON should be
  // (`<br />\n<b>Fatal error</b>: …`) is HTML too, where a lone `<none>` in a JSON message is not.
  if (!/^\s*<(?:!doctype|html|head|body|\?xml)|<\/[a-z][a-z0-9]*\s*>|<br\s*\/?>/i.test(text)) return text;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  return textOfHtml(title?.trim() ? title : text.replace(/<head\b[\s\S]*?<\/head>/i, '')).replace(/\s+/g, ' ').trim();
}

/** UTM parameters from an address's query, absolute or relative ("/events/x?utm_medium=event"). */
export function utmFromUrl(url: string | null | undefined): Utm {
  if (!url?.includes('?')) return {};
  let params: URLSearchParams;
  try {
    params = new URL(url, 'https://relative.invalid').searchParams;
  } catch {
    return {};
  }
  const utm: Utm = {};
  for (const key of ['source', 'medium', 'campaign', 'term', 'content'] as const) {
    const value = utmValue(params.get(`utm_${key}`));
    if (value) utm[key] = value;
  }
  return utm;
}

/**
 * A vendor's URL as a profile holds it: http(s) only, at most LEAD_LIMITS.url characters. An address
 * over it (a tracking link's query, a calculator's state in the URL) keeps its page without the
 * fragment, then without the query; one still longer is none: one long address never loses the lead.
 */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = HttpUrlSchema.safeParse(value.trim());
  if (!parsed.success) return undefined;
  let url = parsed.data;
  if (url.length > LEAD_LIMITS.url) url = url.split('#')[0]!;
  if (url.length > LEAD_LIMITS.url) url = url.split('?')[0]!;
  return url.length <= LEAD_LIMITS.url ? url : undefined;
}

/**
 * Query parameters that identify one click, recipient or visitor, not the page: HubSpot's e-mail and
 * cross-domain tracking (`_hsenc`, `_hsmi`, `__hstc`, `__hssc`, `__hsfp`, `hsCtaTracking`), Mautic's
 * contact id (`mtc_id`), the ad networks' click ids and analytics' linker. UTM tags stay: they say
 * which campaign brought the lead to the page, the same for everyone who came that way.
 */
const TRACKING_PARAMETER = /^(?:_hsenc|_hsmi|__hstc|__hssc|__hsfp|hsctatracking|mtc_id|gclid|gbraid|wbraid|dclid|fbclid|msclkid|li_fat_id|ttclid|twclid|yclid|igshid|mc_eid|_ga|_gl)$/i;

/**
 * A page the lead read, as one address whatever tracked the visit: http(s), the host in lower case
 * (WWW.EXAMPLE.COM is www.example.com's page), without the parameters that identify a click or a
 * visitor, so the same page read from two e-mails is one page, and no one's tracking id is shown.
 */
export function pageUrl(value: unknown): string | undefined {
  const url = httpUrl(value);
  if (!url) return undefined;
  const parsed = new URL(url);
  // Deleting re-encodes the rest of the query, so a query with nothing to take out is left as it came.
  for (const name of [...parsed.searchParams.keys()].filter((key) => TRACKING_PARAMETER.test(key))) parsed.searchParams.delete(name);
  return httpUrl(parsed.href);
}

