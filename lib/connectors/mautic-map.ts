import { z } from 'zod';
import {
  ContentItemSchema,
  LEAD_LIMITS,
  TimeZoneSchema,
  type Activity,
  type Channel,
  type ContentItem,
  type ContentType,
  type FeedbackItem,
  type LeadSource,
  type LifecycleStage,
  type OptOut,
  type PageView,
  type StatedProblem,
  type Utm,
  CHANNEL_LABELS,
  VERDICT_LABELS,
} from '@/lib/schema';
import { intentOf } from '@/lib/leads/visits';
import { preferredChannelOf } from '@/lib/leads/contact-channel';
import { MAUTIC_MAPPING_DEFAULTS, type MauticMappings } from '@/lib/schema/sources';
import { LeadLanguageSchema } from '@/lib/schema/lead';
import { bestTimeFrom, parseBestTime } from '@/lib/leads/best-time';
import {
  AssetDownloadDetailsSchema,
  EmailReadDetailsSchema,
  FormSubmittedDetailsSchema,
  PageHitDetailsSchema,
  UtmTagsAddedDetailsSchema,
  type MauticAsset,
  type MauticField,
  type MauticContact,
  type MauticEvent,
  type MauticUtmTag,
} from './mautic-api';
import type { ProfileSummary } from './types';
import { clip, httpUrl, oneLineText, pageUrl, textOfHtml, utmFromUrl, utmValue } from './vendor-text';

/*
 * Pure mapping from Mautic's payloads to Leadside's domain objects. The connector parses the result
 * with LeadProfileSchema / ContentItemSchema, so anything produced here that does not fit is caught
 * there; the functions below still drop what cannot be shown (non-http links, bad dates, bad zones)
 * so one odd value never costs the whole brief.
 */

/** The marker every note carries, so an unclear delivery can be found again instead of sent twice. */
export const noteMarker = (id: string) => `leadside-id: ${id}`;

// --- Small value helpers -------------------------------------------------------------------------

/** A Mautic date as canonical UTC ISO text, or undefined. Canonical so string sorting is time order. */
export function toTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  // Mautic's API dates are ISO 8601 with an offset (JMS serializer format "c"); a few places
  // (email openDetails) use the database form "Y-m-d H:i:s", which Mautic stores in UTC.
  const iso = z.iso.datetime({ offset: true }).safeParse(text).success
    ? text
    : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)
      ? `${text.replace(' ', 'T')}Z`
      : undefined;
  if (!iso || !z.iso.datetime({ offset: true }).safeParse(iso).success) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}


const nonEmpty = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text ? text : undefined;
};

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A contact field's value. Mautic sends `fields.all` (`{alias: value}`) and the grouped form
 * (`fields.core.<alias>.value`, `fields.social.…`); either may be missing, and values may be numbers.
 */
export function fieldValue(fields: Record<string, unknown>, alias: string): string | undefined {
  const all = fields.all;
  if (isRecord(all) && alias in all) return nonEmpty(all[alias]);
  for (const [group, entries] of Object.entries(fields)) {
    if (group === 'all' || !isRecord(entries)) continue;
    const entry = entries[alias];
    if (isRecord(entry)) return nonEmpty(entry.value);
  }
  return undefined;
}

/** A field's stored value and, for select, lookup and boolean fields, the label Mautic shows for it. */
export interface FieldReading {
  value: string;
  label?: string;
  /** The field's type when the grouped form says ("select", "boolean", "text"). */
  type?: string;
}

/** Option labels by field alias, then by stored value (from /api/fields/contact; see fieldOptionLabels()). */
export type FieldLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * A field's value and its label. The label comes from the grouped form's `normalizedValue`
 * (CustomFieldValueHelper::normalizeValues puts the option label or yes/no word there), else from the
 * field's options when known.
 */
export function fieldReading(fields: Record<string, unknown>, alias: string, labels?: FieldLabels): FieldReading | undefined {
  const value = fieldValue(fields, alias);
  if (!value) return undefined;
  let label: string | undefined;
  let type: string | undefined;
  for (const [group, entries] of Object.entries(fields)) {
    if (group === 'all' || !isRecord(entries)) continue;
    const entry = entries[alias];
    if (!isRecord(entry)) continue;
    type = nonEmpty(entry.type);
    label = nonEmpty(entry.normalizedValue);
    // The options themselves, when the entry carries them as JSON (Mautic's own form is a PHP-serialized string).
    if (!label && isRecord(entry.properties)) {
      const inline = fieldOptionLabels({ type, properties: entry.properties });
      if (inline.size) label = value.split('|').map((part) => inline.get(part.trim()) ?? part.trim()).join(', ');
    }
  }
  const options = labels?.get(alias);
  label ??= options ? value.split('|').map((part) => options.get(part.trim()) ?? part.trim()).join(', ') : undefined;
  return { value, ...(label && label !== value ? { label } : {}), ...(type ? { type } : {}) };
}

/**
 * The labels of a field's options by stored value, in every form Mautic keeps them:
 * `{"list": [{"label", "value"}]}`, `{"list": {"value": "label"}}`, `{"list": "a|b|c"}` (value and
 * label alike), and a boolean's `{"yes": "Yes", "no": "No"}` (stored as 1 and 0).
 */
export function fieldOptionLabels(field: Pick<MauticField, 'type' | 'properties'>): Map<string, string> {
  const labels = new Map<string, string>();
  const properties = field.properties;
  if (!isRecord(properties)) return labels;
  const add = (value: unknown, label: unknown) => {
    const key = nonEmpty(value);
    const text = nonEmpty(label);
    if (key !== undefined && text) labels.set(key, text);
  };
  if (field.type === 'boolean') {
    add('1', properties.yes);
    add('0', properties.no);
    return labels;
  }
  const list = isRecord(properties.list) && 'list' in properties.list ? properties.list.list : properties.list;
  if (typeof list === 'string') {
    for (const item of list.split('|')) add(item.trim(), item.trim());
  } else if (Array.isArray(list)) {
    for (const item of list) {
      if (!isRecord(item)) continue;
      // `{"label": …, "value": …}`, or one option as `{"<value>": "<label>"}` (CustomFieldValueHelper reads both).
      if ('value' in item) add(item.value, item.label ?? item.value);
      else for (const [value, label] of Object.entries(item)) add(value, label);
    }
  } else if (isRecord(list)) {
    for (const [value, label] of Object.entries(list)) add(value, label);
  }
  return labels;
}

// --- Channel, stage ----------------------------------------------------------------------------

const SOCIAL_HOSTS = /(^|\.)(linkedin\.com|lnkd\.in|facebook\.com|fb\.com|fb\.me|instagram\.com|t\.co|twitter\.com|x\.com|reddit\.com|youtube\.com|youtu\.be|tiktok\.com|threads\.net|bsky\.app|xing\.com)$/;
const SEARCH_HOSTS = /(^|\.)(google\.[a-z.]+|bing\.com|duckduckgo\.com|yahoo\.[a-z.]+|baidu\.com|yandex\.[a-z.]+|ecosia\.org|qwant\.com|startpage\.com|search\.brave\.com|naver\.com|seznam\.cz)$/;
const MAIL_HOSTS = /(^|\.)(mail\.google\.com|outlook\.live\.com|outlook\.office\.com|outlook\.office365\.com|mail\.yahoo\.com)$/;
const SOCIAL_SOURCES = /^(linkedin|facebook|fb|meta|instagram|ig|twitter|x|reddit|youtube|tiktok|xing)$/;

/**
 * The channel a utm_medium names, following the common GA-style conventions. `cpc` on a social
 * network's source is paid social, not paid search. Undefined when there is no medium.
 */
export function channelFromUtm(medium: string | undefined, source: string | undefined): Channel | undefined {
  if (!medium) return undefined;
  const m = medium.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  const s = (source ?? '').toLowerCase().trim();
  if (/^(cpc|ppc|paid|paid_?search|sem|search_?ads?|adwords|google_?ads|bing_?ads)$/.test(m)) {
    return SOCIAL_SOURCES.test(s) ? 'paid_social' : 'paid_search';
  }
  if (/^(paid_?social|social_?paid|social_?ads?|social_?cpc|sponsored)$/.test(m)) return 'paid_social';
  if (/^(social|social_?media|organic_?social|sm)$/.test(m)) return 'organic_social';
  if (/^(e_?mail|newsletter|nurture|mail|edm)$/.test(m)) return 'email';
  if (/^(referral|referrer|link)$/.test(m)) return 'referral';
  if (/^(events?|conference|trade_?show|booth|field_?event|meetup)$/.test(m)) return 'event';
  if (/^webinars?$/.test(m)) return 'webinar';
  if (/^(partners?|affiliates?|reseller|co_?marketing)$/.test(m)) return 'partner';
  if (/^(organic|seo|organic_?search)$/.test(m)) return 'organic_search';
  if (/^(direct|none)$/.test(m)) return 'direct';
  // display, cpm, retargeting, video, or a team's own word: Leadside has no finer bucket.
  return 'other';
}

/** The channel a referrer implies; undefined for none or a page of the site itself. */
export function channelFromReferrer(referrer: string | undefined, siteHost: string | undefined): Channel | undefined {
  const host = hostOf(httpUrl(referrer));
  if (!host || (siteHost && host === siteHost)) return undefined;
  if (MAIL_HOSTS.test(host)) return 'email';
  if (SEARCH_HOSTS.test(host)) return 'organic_search';
  if (SOCIAL_HOSTS.test(host)) return 'organic_social';
  return 'referral';
}

const STAGE_NAMES: ReadonlyArray<readonly [RegExp, LifecycleStage]> = [
  [/^(subscriber|newsletter subscriber|subscribed)$/, 'subscriber'],
  [/^(lead|new lead|raw lead|known lead)$/, 'lead'],
  [/^(mql|marketing qualified( lead)?)$/, 'mql'],
  [/^(sql|sal|sales qualified( lead)?|sales accepted( lead)?)$/, 'sql'],
  [/^(opportunity|opp|open opportunity)$/, 'opportunity'],
  [/^(customer|client|closed won|won)$/, 'customer'],
  [/^(evangelist|advocate|promoter|champion)$/, 'evangelist'],
];

/** Mautic stages are named by each team: matched by name, ignoring case and punctuation; else "other". */
export function stageFor(name: string | undefined): LifecycleStage | undefined {
  if (!name?.trim()) return undefined;
  const normalized = name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return STAGE_NAMES.find(([pattern]) => pattern.test(normalized))?.[1] ?? 'other';
}

// --- Activity ----------------------------------------------------------------------------------

/** A new visit starts after 30 minutes without a hit: Mautic's API exposes no session id. */
const VISIT_GAP_MS = 30 * 60 * 1000;
const MAX_HIGH_INTENT = 5;

function detailsOf(event: MauticEvent): unknown {
  return event.details ?? event.extra;
}

function labelOf(event: MauticEvent): string | undefined {
  const label = event.eventLabel;
  return nonEmpty(typeof label === 'string' ? label : label?.label);
}

type Hit = Omit<PageView, 'visitId'>;

/** Mautic's tracking pixel, which a hit records as its URL when the page sent none. */
const TRACKING_PIXEL = /\/mtracking\.gif$/i;

function pageHit(event: MauticEvent): Hit | undefined {
  const parsed = PageHitDetailsSchema.safeParse(detailsOf(event));
  const hit = parsed.success ? parsed.data.hit : undefined;
  const label = event.eventLabel;
  // Mautic stores what the tracking script sent, else the request's own path (PageModel): a path
  // without its site (a single-page app's "/app/checkout"), or the pixel's "/mtracking.gif?d=…". The
  // label's link is that path on Mautic's own host, no page the lead read: it stands in only for a
  // hit with no URL at all.
  const written = hit?.url?.trim();
  const url = written ? pageUrl(written) : typeof label === 'object' && label?.isExternal ? pageUrl(label.href) : undefined;
  if (url && TRACKING_PIXEL.test(new URL(url).pathname)) return undefined;
  const viewedAt = toTimestamp(hit?.dateHit) ?? toTimestamp(event.timestamp);
  if (!url || !viewedAt) return undefined;
  const left = toTimestamp(hit?.dateLeft);
  const durationSec = left ? Math.round((Date.parse(left) - Date.parse(viewedAt)) / 1000) : undefined;
  return {
    url,
    title: nonEmpty(hit?.urlTitle) ?? labelOf(event) ?? url,
    viewedAt,
    ...(durationSec !== undefined && durationSec >= 0 ? { durationSec } : {}),
  };
}

/**
 * An asset's link as a lead can open it. Mautic builds the link from the request it saw, so behind a
 * proxy it does not trust it gives the scheme, host or path the proxy hides (`http://mautic/asset/21:…`
 * for an instance at https://www.keyline.example/marketing, mautic/mautic#7931): a link to Mautic's
 * asset route that is not under the address the admin gave is put under it. Any other link is kept.
 */
export function publicAssetUrl(url: string | null | undefined, baseUrl: string | undefined): string | undefined {
  if (!url || !baseUrl || !URL.canParse(url) || !URL.canParse(baseUrl)) return url ?? undefined;
  const base = new URL(baseUrl);
  const link = new URL(url);
  const basePath = base.pathname.replace(/\/+$/, '');
  if (link.origin === base.origin && link.pathname.startsWith(`${basePath}/`)) return url;
  const route = link.pathname.indexOf('/asset/');
  return route < 0 ? url : `${base.origin}${basePath}${link.pathname.slice(route)}${link.search}`;
}

/** A download is activity of its own kind, not a page read: it never joins the pages or their count. */
function assetDownload(event: MauticEvent, baseUrl: string | undefined): Activity | undefined {
  const parsed = AssetDownloadDetailsSchema.safeParse(detailsOf(event));
  const at = toTimestamp(event.timestamp);
  // The download link is the asset's downloadUrl, the same URL listContent() gives the catalog
  // item, so suggestions skip what the lead already has.
  const url = httpUrl(publicAssetUrl(parsed.data?.assetDownloadUrl, baseUrl));
  const title = nonEmpty(parsed.data?.asset?.title) ?? labelOf(event) ?? url;
  if (!at || !title) return undefined;
  return { kind: 'download', title: clip(title), ...(url ? { url } : {}), at };
}

/** Text for a field capped at the profile's limit, so one long title never costs the whole brief. */

/** Hits grouped into visits by time, newest first. */
export function toPageViews(hits: readonly Hit[]): PageView[] {
  const ascending = [...hits].sort((a, b) => a.viewedAt.localeCompare(b.viewedAt));
  const views: PageView[] = [];
  let visitId = '';
  let last = -Infinity;
  for (const hit of ascending) {
    const at = Date.parse(hit.viewedAt);
    if (at - last > VISIT_GAP_MS) visitId = `mautic-visit-${hit.viewedAt}`;
    last = at;
    views.push({ ...hit, visitId });
  }
  return views.reverse();
}

/** Form fields that hold who the lead is, not what they said. */
const NON_PROBLEM_FIELDS = new Set([
  'email', 'firstname', 'lastname', 'f_name', 'l_name', 'name', 'full_name', 'fullname', 'phone', 'mobile', 'company',
  'companyname', 'position', 'title', 'job_title', 'jobtitle', 'website', 'city', 'state', 'country', 'zipcode', 'zip',
  'address1', 'address2', 'form_id', 'formid', 'return', 'submit', 'consent', 'gdpr', 'timezone', 'preferred_locale', 'linkedin',
]);

/**
 * Words in a field's alias that say the form, not the lead, wrote its value: a consent or terms
 * checkbox (whose value is the sentence agreed to), a subscription, and the hidden fields a page fills
 * from its URL (UTMs, click ids, the landing page).
 */
const NON_PROBLEM_ALIAS_WORDS =
  /(?:^|[_-])(?:consent|gdpr|agree|agreed|agreement|privacy|terms|tos|optin|opt|subscribe|subscription|newsletter|permission|legal|utm|gclid|gbraid|wbraid|fbclid|msclkid|landing|referrer|referer|campaign)(?:$|[_-])/i;

/**
 * The lead's own words from a form submission: the longest free-text answer (at least a few words,
 * not an e-mail address, link or number), skipping the fields that identify the person or that the
 * form fills in itself.
 */
export function problemText(results: Record<string, unknown>): string | undefined {
  let best: string | undefined;
  for (const [alias, raw] of Object.entries(results)) {
    if (NON_PROBLEM_FIELDS.has(alias.toLowerCase()) || NON_PROBLEM_ALIAS_WORDS.test(alias)) continue;
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text.length < 15 || !/\s/.test(text)) continue;
    if (/^\S+@\S+$/.test(text) || /^https?:\/\//i.test(text) || /^[\d\s()+.-]+$/.test(text)) continue;
    if (!best || text.length > best.length) best = text;
  }
  return best;
}

interface FormSubmission {
  form: string;
  submittedAt: string;
  /** The page the form was on. */
  url?: string;
  text?: string;
}

function formSubmission(event: MauticEvent): FormSubmission | undefined {
  const parsed = FormSubmittedDetailsSchema.safeParse(detailsOf(event));
  const submission = parsed.data?.submission;
  const submittedAt = toTimestamp(submission?.dateSubmitted) ?? toTimestamp(event.timestamp);
  if (!submittedAt) return undefined;
  const formName = nonEmpty(parsed.data?.form?.name) ?? nonEmpty(submission?.form?.name) ?? labelOf(event) ?? 'Mautic form';
  const said = submission ? problemText(submission.results) : undefined;
  // A form's textarea may allow HTML; the lead's words are its text.
  const text = said && clip(textOfHtml(said), LEAD_LIMITS.longText);
  const url = httpUrl(submission?.referer);
  return { form: clip(formName), submittedAt, ...(url ? { url } : {}), ...(text ? { text } : {}) };
}

interface EmailRead {
  /** The e-mail's name in Mautic, else its subject. */
  name: string;
  at: string;
  sentAt?: string;
  subject?: string;
}

function emailRead(event: MauticEvent): EmailRead | undefined {
  const stat = EmailReadDetailsSchema.safeParse(detailsOf(event)).data?.stat;
  const at = toTimestamp(stat?.dateRead) ?? toTimestamp(event.timestamp);
  const subject = nonEmpty(stat?.storedSubject) ?? nonEmpty(stat?.subject);
  // The timeline labels a one-off e-mail "Custom Email: <subject>"; the name says more when there is one.
  const name = nonEmpty(stat?.emailName) ?? labelOf(event) ?? subject;
  const sentAt = toTimestamp(stat?.dateSent);
  if (!at || !name) return undefined;
  return { name: clip(name), at, ...(sentAt && sentAt <= at ? { sentAt } : {}), ...(subject ? { subject: clip(subject) } : {}) };
}

/** When each UTM tag set was recorded, by its id, from the `lead.utmtagsadded` timeline events. */
function utmTagDate(event: MauticEvent): { id: string; at: string } | undefined {
  const tag = UtmTagsAddedDetailsSchema.safeParse(detailsOf(event)).data?.utmtags;
  const id = tag?.id ?? event.eventId?.replace(/^lead\.utmtagsadded/, '');
  const at = toTimestamp(tag?.date_added) ?? toTimestamp(event.timestamp);
  return id && /^\d+$/.test(id) && at ? { id, at } : undefined;
}

/** What the activity timeline says, sorted out by kind. */
export interface ActivitySummary {
  pageViews: PageView[];
  problems: StatedProblem[];
  forms: FormSubmission[];
  emailReads: EmailRead[];
  downloads: Activity[];
  /** When each UTM tag set was recorded, by tag id. */
  utmTagDates: Map<string, string>;
  /** The earliest page hit: its URL and referrer, when no UTM tag says where the lead came from. */
  firstHit?: { url: string; referer?: string; at: string };
}

export function summarizeActivity(events: readonly MauticEvent[], baseUrl?: string): ActivitySummary {
  const hits: Hit[] = [];
  const problems: StatedProblem[] = [];
  const forms: ActivitySummary['forms'] = [];
  const emailReads: ActivitySummary['emailReads'] = [];
  const downloads: Activity[] = [];
  const utmTagDates = new Map<string, string>();
  let firstHit: ActivitySummary['firstHit'];
  for (const event of events) {
    switch (event.event) {
      case 'page.hit': {
        const hit = pageHit(event);
        if (!hit) break;
        hits.push(hit);
        if (!firstHit || hit.viewedAt < firstHit.at) {
          const referer = PageHitDetailsSchema.safeParse(detailsOf(event)).data?.hit.referer ?? undefined;
          firstHit = { url: hit.url, at: hit.viewedAt, ...(referer ? { referer } : {}) };
        }
        break;
      }
      case 'asset.download': {
        const download = assetDownload(event, baseUrl);
        if (download) downloads.push(download);
        break;
      }
      case 'form.submitted': {
        const submission = formSubmission(event);
        if (!submission) break;
        forms.push(submission);
        if (submission.text) problems.push({ text: submission.text, form: submission.form, submittedAt: submission.submittedAt });
        break;
      }
      case 'email.read': {
        const read = emailRead(event);
        if (read) emailReads.push(read);
        break;
      }
      case 'lead.utmtagsadded': {
        const dated = utmTagDate(event);
        if (dated) utmTagDates.set(dated.id, dated.at);
        break;
      }
      default:
        break; // other timeline events (points, segments, campaign actions) say nothing the brief shows
    }
  }
  problems.sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
  forms.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  emailReads.sort((a, b) => b.at.localeCompare(a.at));
  return { pageViews: toPageViews(hits), problems, forms, emailReads, downloads, utmTagDates, ...(firstHit ? { firstHit } : {}) };
}

/** Downloads, e-mail opens and form submissions, newest first, capped at the profile's limit. */
export function activitiesOf(activity: ActivitySummary): Activity[] {
  const opens: Activity[] = activity.emailReads.map((read) => ({
    kind: 'email_open',
    title: read.name,
    at: read.at,
    ...(read.sentAt ? { sentAt: read.sentAt } : {}),
    ...(read.subject ? { subject: read.subject } : {}),
  }));
  const submissions: Activity[] = activity.forms.map((form) => ({
    kind: 'form_submission',
    title: form.form,
    at: form.submittedAt,
    ...(form.url ? { url: form.url } : {}),
  }));
  return [...activity.downloads, ...opens, ...submissions].sort((a, b) => b.at.localeCompare(a.at)).slice(0, LEAD_LIMITS.activities);
}

/** How each intent from lib/visits reads as a moment. */
const INTENT_LABELS: Record<string, string> = {
  Pricing: 'Viewed pricing',
  'Demo request': 'Viewed the demo page',
  Security: 'Read about security',
  Integrations: 'Looked at integrations',
  Comparison: 'Compared alternatives',
};
const HAND_RAISE_FORM = /demo|trial|contact|sales|quote|pricing|meeting|call/i;

/** Recent buying signals: intent pages (pricing, demo, security, …) and hand-raise forms, newest first. */
export function highIntentMoments(activity: ActivitySummary): Array<{ label: string; at: string }> {
  const byIntent = new Map<string, { count: number; at: string }>();
  for (const view of activity.pageViews) {
    const intent = intentOf(view);
    if (!intent) continue;
    const seen = byIntent.get(intent);
    byIntent.set(intent, { count: (seen?.count ?? 0) + 1, at: seen && seen.at > view.viewedAt ? seen.at : view.viewedAt });
  }
  const moments = [...byIntent].map(([intent, { count, at }]) => ({
    label: `${INTENT_LABELS[intent] ?? `Viewed ${intent.toLowerCase()} pages`}${count > 1 ? ` (${count}×)` : ''}`,
    at,
  }));
  for (const form of activity.forms) {
    if (HAND_RAISE_FORM.test(form.form)) moments.push({ label: `Submitted “${form.form}”`, at: form.submittedAt });
  }
  return moments.sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_HIGH_INTENT);
}

// --- Source ------------------------------------------------------------------------------------

function utmOf(tag: MauticUtmTag): Utm {
  const utm: Utm = {};
  // A tag set added through the API may hold only its `url` (Mautic sets the columns it is given):
  // the tags are then in that address's query.
  const fromUrl = utmFromUrl(tag.url);
  const set = (key: keyof Utm, value: string | null | undefined) => {
    const text = utmValue(nonEmpty(value)) ?? fromUrl[key];
    if (text) utm[key] = text;
  };
  set('source', tag.utmSource);
  set('medium', tag.utmMedium);
  set('campaign', tag.utmCampaign);
  set('term', tag.utmTerm);
  set('content', tag.utmContent);
  return utm;
}

/**
 * Where the lead came from. The first UTM tag set (lowest id: Mautic records them as they arrive)
 * gives the UTMs, first page and referrer; the channel comes from utm_medium, else the referrer
 * (search engines → organic search, social networks → organic social), else direct. Without UTM tags
 * the earliest page hit stands in. The latest touch is the last UTM tag set when it differs, else
 * the latest e-mail read when the lead first came from elsewhere.
 */
export function leadSource(contact: MauticContact, activity: ActivitySummary): LeadSource {
  // Mautic records tag sets as they arrive, so ids are in time order; a date, where known, says it outright.
  const dateOf = (tag: MauticUtmTag) => toTimestamp(tag.dateAdded) ?? (tag.id ? activity.utmTagDates.get(tag.id) : undefined);
  const tags = [...contact.utmtags].sort((a, b) => {
    const [dateA, dateB] = [dateOf(a), dateOf(b)];
    return dateA && dateB && dateA !== dateB ? dateA.localeCompare(dateB) : Number(a.id ?? 0) - Number(b.id ?? 0);
  });
  const first = tags[0];
  const utm = first ? utmOf(first) : {};
  // UTM tag URLs may be relative ("/product/x/"); only absolute http(s) links are usable.
  const firstPage = httpUrl(first?.url) ?? activity.firstHit?.url;
  const siteHost = hostOf(firstPage);
  // Only an outside http(s) referrer says where the lead came from; a page of the site does not.
  const external = (url: string | null | undefined) => {
    const link = httpUrl(url);
    return link && hostOf(link) !== siteHost ? link : undefined;
  };
  const referrer = external(first?.referer) ?? external(activity.firstHit?.referer);
  // Direct is a visit with nothing that says where it came from; with no visit tracked at all, where
  // the lead came from is unknown ("other"), never a claim that they typed the address.
  const channel = channelFromUtm(utm.medium, utm.source) ?? channelFromReferrer(referrer, siteHost) ?? (first || activity.firstHit ? 'direct' : 'other');
  const firstSeen = toTimestamp(contact.dateAdded) ?? activity.firstHit?.at;

  let latest: LeadSource['latest'];
  const last = tags.length > 1 ? tags[tags.length - 1] : undefined;
  if (last) {
    const lastUtm = utmOf(last);
    const lastChannel = channelFromUtm(lastUtm.medium, lastUtm.source) ?? channelFromReferrer(nonEmpty(last.referer), siteHost) ?? 'direct';
    const at = dateOf(last);
    // A later tag set is a touch of its own: shown with its keyword and date even when its campaign repeats the first.
    if (lastChannel !== channel || lastUtm.campaign !== utm.campaign || lastUtm.term !== utm.term || at) {
      latest = {
        channel: lastChannel,
        ...(lastUtm.campaign ? { campaign: lastUtm.campaign } : {}),
        ...(lastUtm.term ? { term: lastUtm.term } : {}),
        ...(at ? { at } : {}),
      };
    }
  }
  const read = activity.emailReads[0];
  if (!latest && read && channel !== 'email') latest = { channel: 'email', campaign: read.name, at: read.at };

  return {
    channel,
    ...(utm.campaign ? { campaign: utm.campaign } : {}),
    utm,
    ...(firstPage ? { firstPage } : {}),
    ...(referrer ? { referrer } : {}),
    ...(firstSeen ? { firstSeen } : {}),
    ...(latest ? { latest } : {}),
  };
}

// --- Profile -----------------------------------------------------------------------------------

const EmailSchema = z.email();

const OPT_OUT_REASONS: Record<string, OptOut['reason']> = { 1: 'unsubscribed', 2: 'bounced', 3: 'manual', unsubscribed: 'unsubscribed', bounced: 'bounced', manual: 'manual' };

/** Each do-not-contact entry with its reason, date and comment, newest first. Reason 0 means "contactable": skipped. */
export function optOutsOf(contact: MauticContact): OptOut[] {
  return contact.doNotContact
    .filter((entry) => entry.reason !== 0 && entry.reason !== '0')
    .map((entry) => {
      const at = toTimestamp(entry.dateAdded);
      // A comment an integration or an admin wrote may hold markup: its words only. An SMTP answer's
      // "<nadia@…>" is no tag, and stays.
      const comment = oneLineText(nonEmpty(entry.comments));
      return {
        channel: clip(entry.channel?.trim().toLowerCase() || 'email'),
        reason: OPT_OUT_REASONS[String(entry.reason ?? '').trim().toLowerCase()] ?? 'other',
        ...(at ? { at } : {}),
        ...(comment ? { comment: clip(comment) } : {}),
      };
    })
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))
    .slice(0, LEAD_LIMITS.optOuts);
}

/** What the admin mapped in Options, and the option labels of those fields where Mautic gave them. */
export interface ProfileOptions {
  mappings?: MauticMappings;
  labels?: FieldLabels;
  /** The address the admin gave for Mautic: asset links are put under it (publicAssetUrl). */
  baseUrl?: string;
}

/** The profile as plain data; the connector validates it with LeadProfileSchema. */
export function contactToProfile(contact: MauticContact, events: readonly MauticEvent[], options: ProfileOptions = {}): unknown {
  const mappings = options.mappings ?? MAUTIC_MAPPING_DEFAULTS;
  const field = (alias: string) => fieldValue(contact.fields, alias);
  const mapped = (alias: string) => (alias ? fieldReading(contact.fields, alias, options.labels) : undefined);
  const activity = summarizeActivity(events, options.baseUrl);
  const email = field('email');
  const name = [field('firstname'), field('lastname')].filter(Boolean).join(' ');
  const zone = mapped(mappings.timeZone)?.value ?? field('timezone');
  const optOuts = optOutsOf(contact);
  const channels = optOuts.map((entry) => entry.channel);
  const stage = stageFor(contact.stage?.name);
  const channel = mapped(mappings.preferredChannel);
  const preferredChannel = channel && preferredChannelOf(channel.value, channel.label);
  const bestTime = mapped(mappings.bestTime);
  // The label reads as the lead chose it ("Mornings, 9–11"); a window is read from either. A text
  // field that allows HTML keeps markup in its value: its words only, as for the stated problem.
  const { bestTimeText, bestTime: parsedWindow } = bestTimeFrom(oneLineText(bestTime ? (bestTime.label ?? bestTime.value) : undefined));
  const understood = parsedWindow ?? parseBestTime(oneLineText(bestTime?.value));
  const crmId = mapped(mappings.crmIdField)?.value;
  const stated = mapped(mappings.problem);
  const problems = stated ? [statedInField(stated, mappings.problem, activity), ...activity.problems] : activity.problems;
  return {
    id: contact.id,
    ...(email && EmailSchema.safeParse(email).success ? { email } : {}),
    ...(name ? { name } : {}),
    ...optional('company', field('company')),
    // Mautic's `title` is the salutation (Mr, Ms); the job title is `position`.
    ...optional('title', field('position')),
    // Not a core field; read when the team added one with this alias.
    ...optional('industry', field('industry')),
    ...optional('language', LeadLanguageSchema.safeParse(field('preferred_locale')).data),
    ...optional('country', field('country')),
    crmIds: crmId ? { [mappings.crm]: crmId } : {},
    source: leadSource(contact, activity),
    pageViews: activity.pageViews,
    problems: uniqueProblems(problems),
    contact: {
      ...(preferredChannel ? { preferredChannel } : {}),
      ...(bestTimeText ? { bestTimeText: clip(bestTimeText) } : {}),
      ...(understood ? { bestTime: understood } : {}),
      ...(zone && TimeZoneSchema.safeParse(zone).success ? { timeZone: zone } : {}),
      // DNC on e-mail blocks e-mail; on a phone channel (an integration's "phone" or "call"), calls.
      // Mautic's own "sms" is its text messages: a lead who stopped those may still take a call.
      doNotEmail: channels.includes('email'),
      doNotCall: channels.some((channel) => channel === 'phone' || channel === 'call'),
      ...(channels.includes('sms') ? { doNotText: true } : {}),
      ...(optOuts.length ? { optOuts } : {}),
    },
    activities: activitiesOf(activity),
    ...(contact.points !== undefined && contact.points !== null ? { score: contact.points } : {}),
    ...(stage ? { stage } : {}),
    highIntent: highIntentMoments(activity),
  };
}

/**
 * The mapped problem field's text as a stated problem. Mautic keeps no date per field value; the
 * form submission that carried the same words dates it, else it has no date ("date unknown").
 */
function statedInField(reading: FieldReading, alias: string, activity: ActivitySummary): StatedProblem {
  // A textarea field that allows HTML keeps "<p>…</p>" in its value: the lead's words are its text.
  const text = clip(textOfHtml(reading.label ?? reading.value), LEAD_LIMITS.longText);
  const same = activity.problems.find((problem) => sameText(problem.text, text));
  return {
    text,
    form: same?.form ?? clip(`Mautic field ${alias}`),
    ...(same?.submittedAt ? { submittedAt: same.submittedAt } : {}),
  };
}

const normalized = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const sameText = (a: string, b: string) => normalized(a) === normalized(b);

function uniqueProblems(problems: readonly StatedProblem[]): StatedProblem[] {
  return problems.filter((problem, index) => problems.findIndex((other) => sameText(other.text, problem.text)) === index).slice(0, LEAD_LIMITS.problems);
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

export function contactSummary(contact: MauticContact): ProfileSummary {
  const field = (alias: string) => fieldValue(contact.fields, alias);
  const name = [field('firstname'), field('lastname')].filter(Boolean).join(' ');
  return {
    id: contact.id,
    ...(name ? { name } : {}),
    ...optional('email', field('email')),
    ...optional('company', field('company')),
  };
}

// --- Content -----------------------------------------------------------------------------------

const VIDEO_EXTENSIONS = new Set(['mp4', 'mov', 'webm', 'm4v', 'avi']);
const DECK_EXTENSIONS = new Set(['ppt', 'pptx', 'key', 'odp']);

/**
 * Mautic assets carry no content type, so it is inferred, first match wins:
 * 1. case study when the title or category says so (case study, customer/success story);
 * 2. words in the title or category, then in the description: whitepaper → ebook → datasheet
 *    (data/spec/product sheet) → battlecard → checklist → ROI calculator → webinar → guide
 *    (playbook, handbook, how-to);
 * 3. the file extension: video (mp4/mov/webm…), deck (ppt/pptx/key/odp, or "deck"/"presentation");
 * 4. one-pager, the default.
 */
export function contentTypeFor(asset: Pick<MauticAsset, 'title' | 'description' | 'category' | 'extension'>): ContentType {
  const named = `${asset.title ?? ''} ${asset.category?.title ?? ''}`.toLowerCase();
  const described = (asset.description ?? '').toLowerCase();
  const extension = (asset.extension ?? '').toLowerCase().replace(/^\./, '');
  if (CASE_STUDY.test(named)) return 'case_study';
  // The title and category name the piece; the description only breaks a tie, since it often
  // mentions other formats ("the guide to our whitepaper").
  const byWords = (text: string) => CONTENT_WORDS.find(([pattern]) => pattern.test(text))?.[1];
  const typed = byWords(named) ?? byWords(described);
  if (typed) return typed;
  if (VIDEO_EXTENSIONS.has(extension)) return 'video';
  if (DECK_EXTENSIONS.has(extension) || /\bdeck\b|presentation/.test(named)) return 'deck';
  return 'one_pager';
}

const CASE_STUDY = /case[\s-]?stud|customer stor|success stor/;
const CONTENT_WORDS: ReadonlyArray<readonly [RegExp, ContentType]> = [
  [/white[\s-]?paper/, 'whitepaper'],
  [/\be-?book\b/, 'ebook'],
  [/data[\s-]?sheet|spec(ification)?[\s-]?sheet|product sheet/, 'datasheet'],
  [/battle[\s-]?card/, 'battlecard'],
  [/check[\s-]?list/, 'checklist'],
  [/\broi\b|calculator/, 'roi_calculator'],
  [/webinar|on[\s-]demand recording/, 'webinar'],
  [/\bguide\b|playbook|handbook|how[\s-]to/, 'guide'],
];

/** A published asset as a catalog item (plain data; the connector validates it), or undefined. */
export function assetToContent(asset: MauticAsset, baseUrl?: string, now = Date.now()): Partial<ContentItem> | undefined {
  // Mautic's editor writes a description (and an odd title) as HTML: its words are the text.
  const title = oneLineText(nonEmpty(asset.title));
  const url = httpUrl(publicAssetUrl(asset.downloadUrl, baseUrl)) ?? httpUrl(asset.url);
  if (!title || !url) return undefined;
  // Unpublished or outside its publish window: not something a rep should send.
  if (asset.isPublished === false) return undefined;
  const up = toTimestamp(asset.publishUp);
  const down = toTimestamp(asset.publishDown);
  if ((up && Date.parse(up) > now) || (down && Date.parse(down) <= now)) return undefined;
  const topic = nonEmpty(asset.category?.title);
  const updatedAt = toTimestamp(asset.dateModified) ?? toTimestamp(asset.dateAdded);
  return {
    id: `mautic-asset-${asset.id}`,
    title,
    type: contentTypeFor(asset),
    url,
    summary: oneLineText(nonEmpty(asset.description)) ?? '',
    topics: topic ? [topic] : [],
    industries: [],
    personas: [],
    stages: [],
    ...(updatedAt ? { updatedAt } : {}),
    // Mautic keeps each asset's language (Mautic's locale form, pt_BR or zh_Hant_TW) for its translated variants.
    ...optional('language', ContentItemSchema.shape.language.safeParse(asset.language?.replace(/_/g, '-')).data),
  };
}

// --- Feedback notes ------------------------------------------------------------------------------

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The note body for one feedback item. Mautic note text is HTML (notes.rst), so the rep's words are
 * escaped and lines joined with <br>. Mautic URL-decodes a note's text that holds any character
 * beyond ASCII (InputHelper::html, twice), which the source line's "·" always is: a "%" goes as its
 * HTML entity, which survives that and reads as typed ("SOC%202%20guide.pdf", "100%"). The last
 * line is the marker deliver() looks for.
 */
export function noteText(item: FeedbackItem): string {
  const lines: string[] = [];
  switch (item.kind) {
    case 'verdict':
      lines.push(`Leadside feedback: ${VERDICT_LABELS[item.verdict]}`);
      if (item.reasons.length) lines.push(`Reasons: ${item.reasons.join(', ')}`);
      if (item.note) lines.push(`Note: ${item.note}`);
      break;
    case 'content_rating':
      lines.push(`Leadside feedback: content ${item.contentId} rated ${item.useful ? 'useful' : 'not useful'}`);
      break;
    case 'content_request':
      lines.push('Leadside content request', item.text);
      break;
    case 'prospect_question':
      lines.push('Leadside prospect question', item.text);
      break;
  }
  const source = [item.source.channel ? CHANNEL_LABELS[item.source.channel] : undefined, item.source.campaign].filter(Boolean).join(' · ');
  if (source) lines.push(`Lead source when given: ${source}`);
  lines.push(`Given ${item.rep ? `by ${item.rep} ` : ''}on ${item.createdAt}`);
  lines.push(noteMarker(item.id));
  return lines.map(escapeHtml).join('<br>').replaceAll('%', '&#37;');
}
