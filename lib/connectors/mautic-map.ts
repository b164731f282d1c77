import { z } from 'zod';
import {
  HttpUrlSchema,
  TimeZoneSchema,
  type Channel,
  type ContentItem,
  type ContentType,
  type FeedbackItem,
  type LeadSource,
  type LifecycleStage,
  type PageView,
  type StatedProblem,
  type Utm,
  CHANNEL_LABELS,
  VERDICT_LABELS,
} from '@/lib/schema';
import { intentOf } from '@/lib/leads/visits';
import {
  AssetDownloadDetailsSchema,
  EmailReadDetailsSchema,
  FormSubmittedDetailsSchema,
  PageHitDetailsSchema,
  type MauticAsset,
  type MauticContact,
  type MauticEvent,
  type MauticUtmTag,
} from './mautic-api';
import type { ProfileSummary } from './types';

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

/** An http(s) link Leadside may render, or undefined (javascript:, relative paths, junk). */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = HttpUrlSchema.safeParse(value.trim());
  return parsed.success ? parsed.data : undefined;
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

function pageHit(event: MauticEvent): Hit | undefined {
  const parsed = PageHitDetailsSchema.safeParse(detailsOf(event));
  const hit = parsed.success ? parsed.data.hit : undefined;
  const label = event.eventLabel;
  const url = httpUrl(hit?.url) ?? (typeof label === 'object' && label?.isExternal ? httpUrl(label.href) : undefined);
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

function assetDownload(event: MauticEvent): Hit | undefined {
  const parsed = AssetDownloadDetailsSchema.safeParse(detailsOf(event));
  if (!parsed.success) return undefined;
  const url = httpUrl(parsed.data.assetDownloadUrl);
  const viewedAt = toTimestamp(event.timestamp);
  if (!url || !viewedAt) return undefined;
  // The download link is the asset's downloadUrl, the same URL listContent() gives the catalog
  // item, so suggestions skip what the lead already has.
  return { url, title: `Downloaded: ${nonEmpty(parsed.data.asset?.title) ?? labelOf(event) ?? url}`, viewedAt };
}

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
 * The lead's own words from a form submission: the longest free-text answer (at least a few words,
 * not an e-mail address, link or number), skipping the fields that identify the person.
 */
export function problemText(results: Record<string, unknown>): string | undefined {
  let best: string | undefined;
  for (const [alias, raw] of Object.entries(results)) {
    if (NON_PROBLEM_FIELDS.has(alias.toLowerCase())) continue;
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text.length < 15 || !/\s/.test(text)) continue;
    if (/^\S+@\S+$/.test(text) || /^https?:\/\//i.test(text) || /^[\d\s()+.-]+$/.test(text)) continue;
    if (!best || text.length > best.length) best = text;
  }
  return best;
}

function formSubmission(event: MauticEvent): (StatedProblem & { submittedAt: string }) | { form: string; submittedAt: string } | undefined {
  const parsed = FormSubmittedDetailsSchema.safeParse(detailsOf(event));
  if (!parsed.success) return undefined;
  const { submission, form } = parsed.data;
  const submittedAt = toTimestamp(submission.dateSubmitted) ?? toTimestamp(event.timestamp);
  if (!submittedAt) return undefined;
  const formName = nonEmpty(form?.name) ?? nonEmpty(submission.form?.name) ?? labelOf(event) ?? 'Mautic form';
  const text = problemText(submission.results);
  return text ? { text, form: formName, submittedAt } : { form: formName, submittedAt };
}

function emailRead(event: MauticEvent): { name: string; at: string } | undefined {
  const parsed = EmailReadDetailsSchema.safeParse(detailsOf(event));
  const at = toTimestamp(parsed.data?.stat.dateRead) ?? toTimestamp(event.timestamp);
  const name = nonEmpty(parsed.data?.stat.emailName) ?? nonEmpty(parsed.data?.stat.storedSubject) ?? nonEmpty(parsed.data?.stat.subject) ?? labelOf(event);
  return at && name ? { name, at } : undefined;
}

/** What the activity timeline says, sorted out by kind. */
export interface ActivitySummary {
  pageViews: PageView[];
  problems: StatedProblem[];
  forms: Array<{ form: string; submittedAt: string }>;
  emailReads: Array<{ name: string; at: string }>;
  /** The earliest page hit: its URL and referrer, when no UTM tag says where the lead came from. */
  firstHit?: { url: string; referer?: string; at: string };
}

export function summarizeActivity(events: readonly MauticEvent[]): ActivitySummary {
  const hits: Hit[] = [];
  const problems: StatedProblem[] = [];
  const forms: ActivitySummary['forms'] = [];
  const emailReads: ActivitySummary['emailReads'] = [];
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
        const download = assetDownload(event);
        if (download) hits.push(download);
        break;
      }
      case 'form.submitted': {
        const submission = formSubmission(event);
        if (!submission) break;
        forms.push({ form: submission.form, submittedAt: submission.submittedAt });
        if ('text' in submission) problems.push(submission);
        break;
      }
      case 'email.read': {
        const read = emailRead(event);
        if (read) emailReads.push(read);
        break;
      }
      default:
        break; // other timeline events (points, segments, campaign actions) say nothing the brief shows
    }
  }
  problems.sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
  forms.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  emailReads.sort((a, b) => b.at.localeCompare(a.at));
  return { pageViews: toPageViews(hits), problems, forms, emailReads, ...(firstHit ? { firstHit } : {}) };
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
  const set = (key: keyof Utm, value: string | null | undefined) => {
    const text = nonEmpty(value);
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
  const tags = [...contact.utmtags].sort((a, b) => Number(a.id ?? 0) - Number(b.id ?? 0));
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
  const channel = channelFromUtm(utm.medium, utm.source) ?? channelFromReferrer(referrer, siteHost) ?? 'direct';
  const firstSeen = toTimestamp(contact.dateAdded) ?? activity.firstHit?.at;

  let latest: LeadSource['latest'];
  const last = tags.length > 1 ? tags[tags.length - 1] : undefined;
  if (last) {
    const lastUtm = utmOf(last);
    const lastChannel = channelFromUtm(lastUtm.medium, lastUtm.source) ?? channelFromReferrer(nonEmpty(last.referer), siteHost) ?? 'direct';
    if (lastChannel !== channel || lastUtm.campaign !== utm.campaign) {
      latest = { channel: lastChannel, ...(lastUtm.campaign ? { campaign: lastUtm.campaign } : {}) };
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

/** The profile as plain data; the connector validates it with LeadProfileSchema. */
export function contactToProfile(contact: MauticContact, events: readonly MauticEvent[]): unknown {
  const field = (alias: string) => fieldValue(contact.fields, alias);
  const activity = summarizeActivity(events);
  const email = field('email');
  const name = [field('firstname'), field('lastname')].filter(Boolean).join(' ');
  const zone = field('timezone');
  const channels = contact.doNotContact.map((entry) => entry.channel?.toLowerCase() ?? 'email');
  const stage = stageFor(contact.stage?.name);
  return {
    id: contact.id,
    ...(email && EmailSchema.safeParse(email).success ? { email } : {}),
    ...(name ? { name } : {}),
    ...optional('company', field('company')),
    // Mautic's `title` is the salutation (Mr, Ms); the job title is `position`.
    ...optional('title', field('position')),
    // Not a core field; read when the team added one with this alias.
    ...optional('industry', field('industry')),
    crmIds: {},
    source: leadSource(contact, activity),
    pageViews: activity.pageViews,
    problems: activity.problems,
    contact: {
      ...(zone && TimeZoneSchema.safeParse(zone).success ? { timeZone: zone } : {}),
      // DNC on e-mail blocks e-mail; on SMS or phone the rep should not call or text either.
      doNotEmail: channels.includes('email'),
      doNotCall: channels.some((channel) => channel === 'sms' || channel === 'phone' || channel === 'call'),
    },
    ...(contact.points !== undefined && contact.points !== null ? { score: contact.points } : {}),
    ...(stage ? { stage } : {}),
    highIntent: highIntentMoments(activity),
  };
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
export function assetToContent(asset: MauticAsset, now = Date.now()): Partial<ContentItem> | undefined {
  const title = nonEmpty(asset.title);
  const url = httpUrl(asset.downloadUrl) ?? httpUrl(asset.url);
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
    summary: nonEmpty(asset.description) ?? '',
    topics: topic ? [topic] : [],
    industries: [],
    personas: [],
    stages: [],
    ...(updatedAt ? { updatedAt } : {}),
  };
}

// --- Feedback notes ------------------------------------------------------------------------------

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The note body for one feedback item. Mautic note text is HTML (notes.rst), so the rep's words are
 * escaped and lines joined with <br>. The last line is the marker deliver() looks for.
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
  return lines.map(escapeHtml).join('<br>');
}
