/**
 * HubSpot payload schemas and the pure mapping from HubSpot's shapes to Leadside's (contact →
 * LeadProfile, web-analytics event → PageView, HubDB row → ContentItem, feedback → note body).
 * Nothing here talks to the network, so every rule can be tested on its own.
 *
 * Shapes, from HubSpot's own OpenAPI models (HubSpot/hubspot-api-nodejs codegen/, the same specs as
 * developers.hubspot.com/docs/api-reference):
 * - CRM objects (contacts, notes): SimplePublicObject {id, properties: {name: string|null}, createdAt,
 *   updatedAt, archived, propertiesWithHistory?: {name: ValueWithTimestamp[]}} —
 *   codegen/crm/contacts/models/SimplePublicObjectWithAssociations.ts, ValueWithTimestamp.ts.
 * - Search: CollectionResponseWithTotalSimplePublicObjectForwardPaging {total, results, paging?.next.after}.
 * - Events: CollectionResponseExternalUnifiedEvent {results: ExternalUnifiedEvent[], paging?.next.after};
 *   an event is {objectType, objectId, eventType, occurredAt, id, properties: {hs_url, hs_title,
 *   hs_session_id, …}} — codegen/events/models/ExternalUnifiedEvent.ts (its own example sends
 *   occurredAt as epoch ms, the schema says ISO 8601: both are read).
 * - HubDB: {total, results: HubDbTableRowV3[] {id, values: {column: any}, name, path, updatedAt},
 *   paging?.next.after} — codegen/cms/hubdb/models/HubDbTableRowV3.ts; select cells are Option
 *   {id, name, type: "option", order} (Option.ts), multiselect cells arrays of them.
 * - Errors: {status: "error", message, correlationId, category, errors?: [{message, context:
 *   {requiredScopes: [...]}}]} (MISSING_SCOPES example in HubSpot/hubspot-api-nodejs#268).
 */
import { z } from 'zod';
import { channelFromWords } from '@/lib/leads/contact-channel';
import {
  CHANNEL_LABELS,
  CRM_LABELS,
  ContentItemSchema,
  LeadProfileSchema,
  newestProblemFirst,
  VERDICT_LABELS,
  summarizeZodError,
  type Channel,
  type ContentItem,
  type ContentType,
  type DataGap,
  type FeedbackItem,
  type LeadProfile,
  type LeadSource,
  type LifecycleStage,
  type PageView,
  type StatedProblem,
  type Utm,
} from '@/lib/schema';
import { AudienceSchema, BuyerStageSchema } from '@/lib/schema/content';
import type { HubSpotSource } from '@/lib/schema/sources';
import { LEAD_LIMITS, LeadLanguageSchema } from '@/lib/schema/lead';
import { bestTimeFrom } from '@/lib/leads/best-time';
import { isSalesforceId } from '@/lib/leads/salesforce-id';
import { clip, httpUrl, oneLineText, pageUrl, textOfHtml, utmFromUrl } from './vendor-text';

// ---------------------------------------------------------------------------------------------
// Payload schemas: what HubSpot documents, read leniently where HubSpot is loose (numbers as
// strings, nulls for unset properties, extra fields), strictly where the structure is the contract.

/** A property value: HubSpot sends strings or null; numbers and booleans are read as their text. */
const PropertyValueSchema = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((value) => (value === null || value === undefined ? undefined : String(value)));

const PropertiesSchema = z.record(z.string(), PropertyValueSchema);
export type HubSpotProperties = z.infer<typeof PropertiesSchema>;

/** Object ids are strings in v3 ("51001"); an integer is read as its text. */
const IdSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

const PagingSchema = z
  .object({
    next: z
      .object({
        after: z.union([z.string(), z.number()]).transform(String).optional(),
        // HubDB's random-access pages page by offset instead (BoundedNextPage.ts).
        offset: z.number().int().nonnegative().optional(),
        link: z.string().optional(),
      })
      .nullish(),
  })
  .nullish();

export const CrmObjectSchema = z.object({
  id: IdSchema,
  // Required, as HubSpot's own model has it: an answer without it is no contact to show as one.
  properties: PropertiesSchema,
  // Entries are checked one by one in readHistory(): one odd entry must not lose the contact.
  propertiesWithHistory: z.record(z.string(), z.array(z.unknown())).nullish(),
  /** A deleted (archived) object: never shown as the lead, whatever answered with it. */
  archived: z.boolean().nullish(),
});
export type CrmObject = z.infer<typeof CrmObjectSchema>;

/**
 * A property's definition (GET /crm/v3/properties/contacts/{name}): a choice property (radio,
 * dropdown, checkboxes) answers its options' internal values ("option_3"), which only the
 * definition turns into the words the marketer wrote ("Weekdays 09:00-11:00").
 */
/**
 * Internal option names (`option_1`, `weekday_mornings`; `;`-separated for checkboxes): lower-case
 * words joined by `_`, which nobody writes as their own words (a lone word, "mornings", may be).
 */
const INTERNAL_OPTION_VALUES = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:;[a-z][a-z0-9]*(?:_[a-z0-9]+)+)*$/;

export const PropertyDefinitionSchema = z.object({
  name: z.string(),
  /** `enumeration`, `string`, `number`, `date`, `datetime`, `bool` (properties API). */
  type: z.string().optional().catch(undefined),
  options: z
    .array(z.object({ label: z.string(), value: z.string() }).nullable().catch(null))
    .nullish()
    .transform((options) => (options ?? []).filter((option) => option !== null)),
});
export type PropertyDefinition = z.infer<typeof PropertyDefinitionSchema>;

/**
 * Values as a person reads them: choices as their options' labels (";"-separated for checkboxes; a
 * value no option has stays as it is), and a date or date-time property's epoch milliseconds as the
 * day (dates are midnight UTC) or the UTC instant they stand for. A property whose definition HubSpot
 * refused (`null`) may be a choice whose value is an internal name (HubSpot's own example is
 * `option_1`): a value shaped like one is left out rather than shown as the lead's words.
 */
export function withReadableValues(contact: CrmObject, definitions: ReadonlyMap<string, PropertyDefinition | null>): CrmObject {
  const properties = { ...contact.properties };
  for (const [name, definition] of definitions) {
    const value = properties[name];
    if (typeof value !== 'string') continue;
    if (!definition) {
      if (INTERNAL_OPTION_VALUES.test(value.trim())) delete properties[name];
      continue;
    }
    if ((definition.type === 'date' || definition.type === 'datetime') && /^\d{10,}$/.test(value.trim())) {
      const iso = new Date(Number(value.trim())).toISOString();
      properties[name] = definition.type === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
      continue;
    }
    if (definition.options.length === 0) continue;
    const labels = new Map(definition.options.map((option) => [option.value, option.label]));
    properties[name] = value
      .split(';')
      .map((part) => labels.get(part) ?? part)
      .join(';');
  }
  return { ...contact, properties };
}

export const CrmSearchResponseSchema = z.object({
  total: z.number().optional(),
  results: z.array(CrmObjectSchema),
  paging: PagingSchema,
});

/** GET /crm/v3/objects/{type}?limit=1: the same collection without a total. */
/** POST /oauth/v2/private-apps/get/access-token-info: a private app token's info, the scopes it was granted among it. */
export const TokenInfoSchema = z.object({ scopes: z.array(z.string()).optional() });
export const CrmListResponseSchema = z.object({ results: z.array(CrmObjectSchema), paging: PagingSchema });

export const EventsPageSchema = z.object({
  // Events are checked one by one (EventSchema) so one odd event costs only itself.
  results: z.array(z.unknown()),
  paging: PagingSchema,
});

const EventSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  eventType: z.string().optional(),
  occurredAt: z.union([z.string(), z.number()]),
  properties: PropertiesSchema.default({}),
});

export const HubDbRowsPageSchema = z.object({
  total: z.number().optional(),
  // Rows are checked one by one: a half-filled row in the marketer's table skips only itself.
  results: z.array(z.unknown()),
  paging: PagingSchema,
});

const HubDbRowSchema = z.object({
  id: IdSchema,
  values: z.record(z.string(), z.unknown()).default({}),
  name: z.string().nullish(),
  updatedAt: z.union([z.string(), z.number()]).nullish(),
});

const ErrorBodySchema = z.object({
  message: z.string(),
  category: z.string().optional(),
  correlationId: z.string().max(100).optional().catch(undefined),
  context: z.record(z.string(), z.unknown()).optional(),
  errors: z
    .array(z.object({ message: z.string().optional(), context: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
});

/**
 * HubSpot's own error text, with the scopes it names when it names them, so the admin sees exactly
 * which checkbox to tick on the private app ("… (required scopes: crm.objects.contacts.read)"), and
 * for a failure on HubSpot's side the correlation id its support asks for.
 */
export function hubspotErrorText(body: unknown, status: number): string | undefined {
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const scopes = new Set<string>();
  const collect = (context: Record<string, unknown> | undefined) => {
    for (const key of ['requiredScopes', 'missingScopes', 'requiredGranularScopes']) {
      const list = context?.[key];
      if (Array.isArray(list)) for (const scope of list) if (typeof scope === 'string' && scope) scopes.add(scope);
    }
  };
  collect(parsed.data.context);
  for (const detail of parsed.data.errors ?? []) collect(detail.context);
  const message = parsed.data.message.trim() || parsed.data.category || 'no message';
  const said = scopes.size ? `${message} (required scopes: ${[...scopes].join(', ')})` : message;
  // A failure on HubSpot's side is one its support finds by this id; a refusal says what to change.
  return status >= 500 && parsed.data.correlationId ? `${said} (correlation id ${parsed.data.correlationId})` : said;
}

// ---------------------------------------------------------------------------------------------
// Which contact properties Leadside reads.

/** Standard contact properties (HubSpot's default contact property set). */
const STANDARD_PROPERTIES = [
  'email',
  // The contact's other addresses: a lookup by one of them checks the record still holds it.
  'hs_additional_emails',
  'firstname',
  'lastname',
  'company',
  'jobtitle',
  'industry',
  'hs_language',
  'country',
  'lifecyclestage',
  'hs_lifecyclestage_marketingqualifiedlead_date',
  'hs_email_optout',
  // Original source and its drill-downs, first page/referrer/time.
  'hs_analytics_source',
  'hs_analytics_source_data_1',
  'hs_analytics_source_data_2',
  'hs_analytics_first_url',
  'hs_analytics_first_referrer',
  'hs_analytics_first_timestamp',
  'hs_analytics_first_visit_timestamp',
  // Latest source.
  'hs_latest_source',
  'hs_latest_source_data_1',
  'hs_latest_source_data_2',
  'hs_latest_source_timestamp',
  // Visit summary: the page-view fallback when the events API is not available.
  'hs_analytics_num_page_views',
  'hs_analytics_num_visits',
  'hs_analytics_last_url',
  'hs_analytics_last_visit_timestamp',
  'hs_analytics_last_timestamp',
  // When nothing dates the last page: the newest time the contact has.
  'lastmodifieddate',
  // Form conversions: which form a stated problem came from; high-intent moments.
  'first_conversion_event_name',
  'first_conversion_date',
  'recent_conversion_event_name',
  'recent_conversion_date',
] as const;

/** The properties to request for a profile: the standard ones plus whatever the admin mapped. */
export function contactProperties(source: HubSpotSource): string[] {
  const mapped = Object.values(source.mappings).filter(Boolean);
  return [...new Set([...STANDARD_PROPERTIES, ...mapped, ...salesforceProperties(source)])];
}

/**
 * Where the synced Salesforce id may be: the mapped property, and with a standard mapping both of
 * the sync's properties (a converted lead has a contact id too), the mapped one first.
 */
export function salesforceProperties(source: HubSpotSource): string[] {
  const mapped = source.mappings.salesforceId;
  if (mapped === 'salesforceleadid') return ['salesforceleadid', 'salesforcecontactid'];
  if (mapped === 'salesforcecontactid') return ['salesforcecontactid', 'salesforceleadid'];
  return mapped ? [mapped] : [];
}

// ---------------------------------------------------------------------------------------------
// Small readers.

/** Text of a property, trimmed; empty means absent. */
function text(properties: HubSpotProperties, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const value = properties[name]?.trim();
  return value ? value : undefined;
}

/**
 * A HubSpot time as an ISO timestamp with `Z`: v3 sends datetime properties as ISO strings, older
 * and custom ones as epoch-millisecond strings, date properties as "YYYY-MM-DD" (UTC midnight).
 * Anything else, or a time outside 1990–2200, is dropped.
 */
export function toTimestamp(value: unknown): string | undefined {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (typeof value !== 'string' || !value.trim()) return undefined;
  else {
    const trimmed = value.trim();
    if (/^\d{10,16}$/.test(trimmed)) ms = Number(trimmed);
    else if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) ms = Date.parse(`${trimmed}T00:00:00Z`);
    else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(trimmed)) ms = Date.parse(`${trimmed}Z`); // no offset: HubSpot stores UTC
    else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) ms = Date.parse(trimmed);
    else return undefined;
  }
  if (!Number.isFinite(ms) || ms < Date.UTC(1990, 0, 1) || ms > Date.UTC(2200, 0, 1)) return undefined;
  return new Date(ms).toISOString();
}


function isEmail(value: string | undefined): value is string {
  return !!value && z.email().safeParse(value).success;
}

// ---------------------------------------------------------------------------------------------
// Source.

/**
 * HubSpot's source categories (hs_analytics_source / hs_latest_source enumeration options) to our
 * channels. OTHER_CAMPAIGNS means "tracked by UTM, but not email/paid/social": the UTM medium or
 * source often says what it really was (webinar, event, partner).
 */
const SOURCE_CHANNELS: Record<string, Channel> = {
  ORGANIC_SEARCH: 'organic_search',
  PAID_SEARCH: 'paid_search',
  EMAIL_MARKETING: 'email',
  SOCIAL_MEDIA: 'organic_social',
  PAID_SOCIAL: 'paid_social',
  REFERRALS: 'referral',
  AI_REFERRALS: 'referral',
  DIRECT_TRAFFIC: 'direct',
  OTHER_CAMPAIGNS: 'other',
  OFFLINE: 'other',
};

export function channelFor(source: string | undefined, utm: Utm = {}): Channel {
  const key = source?.trim().toUpperCase() ?? '';
  const channel = SOURCE_CHANNELS[key] ?? 'other';
  if (key !== 'OTHER_CAMPAIGNS') return channel;
  const hint = `${utm.medium ?? ''} ${utm.source ?? ''}`.toLowerCase();
  if (/webinar/.test(hint)) return 'webinar';
  if (/\b(event|events|conference|tradeshow|trade-show|meetup|booth)\b/.test(hint)) return 'event';
  if (/\b(partner|partners|affiliate|reseller)\b/.test(hint)) return 'partner';
  return 'other';
}

/**
 * HubSpot's words for a keyword the search engine withheld ("Unknown keywords (SSL)",
 * knowledge.hubspot.com "Understand source properties"): no keyword the lead typed.
 */
const WITHHELD = /^\s*unknown keywords?\b/i;

/**
 * The campaign and keyword HubSpot's two drill-down properties hold for each source
 * (knowledge.hubspot.com "Understand source properties"): paid search → campaign / keyword,
 * organic search → search term, email and other campaigns → the utm_campaign, social → network /
 * campaign. Everything else carries no campaign.
 */
function drillDown(source: string | undefined, drilled1: string | undefined, drilled2: string | undefined): { campaign?: string; keyword?: string } {
  const [first, second] = [drilled1, drilled2].map((value) => (value && WITHHELD.test(value) ? undefined : value));
  switch (source?.trim().toUpperCase()) {
    case 'PAID_SEARCH':
      return { campaign: first, keyword: second };
    case 'ORGANIC_SEARCH':
      return { keyword: first };
    case 'EMAIL_MARKETING':
      return { campaign: first ?? second };
    case 'OTHER_CAMPAIGNS':
      return { campaign: first };
    case 'SOCIAL_MEDIA':
    case 'PAID_SOCIAL':
      return { campaign: second };
    default:
      return {};
  }
}

export function leadSource(properties: HubSpotProperties): LeadSource {
  const firstUrl = text(properties, 'hs_analytics_first_url');
  const urlUtm = utmFromUrl(firstUrl);
  const original = text(properties, 'hs_analytics_source');
  const drill = drillDown(original, text(properties, 'hs_analytics_source_data_1'), text(properties, 'hs_analytics_source_data_2'));
  const utm: Utm = { ...urlUtm, ...(urlUtm.term || !drill.keyword ? {} : { term: drill.keyword }) };
  const channel = channelFor(original, utm);
  // The drill-down is the campaign's name in HubSpot (the ads integration's, for paid search),
  // which reads better than the URL's slug; the slug stays in utm.campaign.
  const campaign = drill.campaign ?? urlUtm.campaign;

  const latestSource = text(properties, 'hs_latest_source');
  let latest: LeadSource['latest'];
  if (latestSource) {
    const latestDrill = drillDown(latestSource, text(properties, 'hs_latest_source_data_1'), text(properties, 'hs_latest_source_data_2'));
    const latestChannel = channelFor(latestSource);
    // Only a touch that differs from the first one is news for the rep.
    if (latestChannel !== channel || (latestDrill.campaign && latestDrill.campaign !== campaign)) {
      latest = {
        channel: latestChannel,
        ...(latestDrill.campaign ? { campaign: latestDrill.campaign } : {}),
        ...optional('at', toTimestamp(text(properties, 'hs_latest_source_timestamp'))),
      };
    }
  }

  return {
    channel,
    ...optional('campaign', campaign),
    utm,
    ...optional('firstPage', httpUrl(firstUrl)),
    // Only a real link: the referrer is shown and may be opened.
    ...optional('referrer', httpUrl(text(properties, 'hs_analytics_first_referrer'))),
    ...optional('firstSeen', toTimestamp(text(properties, 'hs_analytics_first_timestamp') ?? text(properties, 'hs_analytics_first_visit_timestamp'))),
    ...optional('latest', latest),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

// ---------------------------------------------------------------------------------------------
// Page views.

/** Web-analytics page-view events (e_visited_page) as page views, newest first; odd events skipped. */
export function pageViewsFromEvents(events: readonly unknown[]): PageView[] {
  const views: PageView[] = [];
  const seen = new Set<string>();
  for (const raw of events) {
    const parsed = EventSchema.safeParse(raw);
    if (!parsed.success) continue;
    const event = parsed.data;
    if (event.eventType && event.eventType !== 'e_visited_page') continue;
    // Older page-view events name the page hs_page_url and hs_page_title (the title is read so too).
    const url = pageUrl(event.properties.hs_url ?? event.properties.hs_page_url);
    const viewedAt = toTimestamp(event.occurredAt);
    if (!url || !viewedAt) continue;
    const key = event.id ?? `${url}@${viewedAt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A title is the page's own text: its entities (`Pricing &amp; plans`) are characters.
    const title = oneLineText(event.properties.hs_title) ?? oneLineText(event.properties.hs_page_title) ?? url;
    // hs_session_id groups views into visits; without it, one visit per day is the honest guess.
    const visitId = event.properties.hs_session_id?.trim() || `day:${viewedAt.slice(0, 10)}`;
    views.push({ url, title, viewedAt, visitId });
  }
  return views.sort((a, b) => b.viewedAt.localeCompare(a.viewedAt));
}

/** Marks page views that come from HubSpot's summary properties rather than real page-view events. */
export const SUMMARY_VISIT_ID = 'summary';

/**
 * Without the events API (Enterprise only, or the token lacks its scope) HubSpot still keeps the
 * first and last page and the totals on the contact. One view per known URL, titled so the rep sees
 * this is a summary and not the whole trail.
 */
export function summaryPageViews(properties: HubSpotProperties): PageView[] {
  const views = Number(text(properties, 'hs_analytics_num_page_views'));
  const visits = Number(text(properties, 'hs_analytics_num_visits'));
  const counts = [
    Number.isFinite(views) && views >= 0 ? `${views} page view${views === 1 ? '' : 's'}` : undefined,
    Number.isFinite(visits) && visits >= 0 ? `${visits} visit${visits === 1 ? '' : 's'}` : undefined,
  ].filter(Boolean);
  const summary = counts.length ? `HubSpot summary: ${counts.join(' over ')}` : 'HubSpot summary';

  const result: PageView[] = [];
  const first = pageUrl(text(properties, 'hs_analytics_first_url'));
  const firstAt = toTimestamp(text(properties, 'hs_analytics_first_timestamp') ?? text(properties, 'hs_analytics_first_visit_timestamp'));
  const last = pageUrl(text(properties, 'hs_analytics_last_url'));
  const lastAt = toTimestamp(text(properties, 'hs_analytics_last_visit_timestamp') ?? text(properties, 'hs_analytics_last_timestamp'));
  if (last && lastAt) result.push({ url: last, title: `Last page seen (${summary})`, viewedAt: lastAt, visitId: SUMMARY_VISIT_ID });
  else if (last && last !== first) {
    // HubSpot keeps the last URL without its time on some contacts: the page is still worth showing,
    // placed at the newest time the contact has, and titled so nobody takes that for its date.
    const placedAt = newestTime(properties, ['hs_latest_source_timestamp', 'recent_conversion_date', 'lastmodifieddate']) ?? firstAt;
    if (placedAt) result.push({ url: last, title: `Last page seen, date unknown (${summary})`, viewedAt: placedAt, visitId: SUMMARY_VISIT_ID });
  }
  if (first && firstAt && !(first === last && firstAt === lastAt)) {
    result.push({ url: first, title: `First page seen (${summary})`, viewedAt: firstAt, visitId: SUMMARY_VISIT_ID });
  }
  return result.sort((a, b) => b.viewedAt.localeCompare(a.viewedAt));
}

function newestTime(properties: HubSpotProperties, names: readonly string[]): string | undefined {
  const times = names.map((name) => toTimestamp(text(properties, name))).filter((at): at is string => at !== undefined);
  return times.sort().at(-1);
}

// ---------------------------------------------------------------------------------------------
// Reachability.

/**
 * HubSpot's hs_timezone options are IANA names spelled as option values: "america_slash_new_york",
 * "america_slash_port_hyphen_au_hyphen_prince". The runtime's own time-zone database decides whether
 * the result is real (and gives its canonical spelling, since it matches case-insensitively).
 */
export function ianaTimeZone(value: string | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw || raw.length > 100) return undefined;
  const candidate = raw
    .replace(/_slash_/gi, '/')
    .replace(/_hyphen_/gi, '-')
    .replace(/_plus_/gi, '+')
    .replace(/_minus_/gi, '-');
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(candidate)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: candidate }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Best time is free text in HubSpot (a text property): read by the shared parser (lib/leads/best-time.ts). */
export { parseBestTime } from '@/lib/leads/best-time';

/** HubSpot's default lifecycle stages; custom stages (numeric ids) have no place in ours. */
const STAGES: Record<string, LifecycleStage> = {
  subscriber: 'subscriber',
  lead: 'lead',
  marketingqualifiedlead: 'mql',
  mql: 'mql',
  salesqualifiedlead: 'sql',
  sql: 'sql',
  opportunity: 'opportunity',
  customer: 'customer',
  evangelist: 'evangelist',
  other: 'other',
};

export function lifecycleStage(value: string | undefined): LifecycleStage | undefined {
  const key = value?.trim().toLowerCase().replace(/[\s_-]+/g, '');
  if (!key) return undefined;
  return STAGES[key];
}

// ---------------------------------------------------------------------------------------------
// Stated problems and high-intent moments.

const HistoryEntrySchema = z.object({
  value: PropertyValueSchema,
  timestamp: z.union([z.string(), z.number()]),
  sourceType: z.string().nullish(),
  sourceLabel: z.string().nullish(),
});

interface Conversion {
  name: string;
  at: string;
}

function conversions(properties: HubSpotProperties): Conversion[] {
  const list: Conversion[] = [];
  for (const prefix of ['recent', 'first'] as const) {
    const name = text(properties, `${prefix}_conversion_event_name`);
    const at = toTimestamp(text(properties, `${prefix}_conversion_date`));
    if (name && at && !list.some((known) => known.name === name && known.at === at)) list.push({ name, at });
  }
  return list;
}

/** The form a value came from: the conversion within a minute of it, else what HubSpot says. */
function formFor(at: string, sourceType: string | undefined, sourceLabel: string | undefined, known: Conversion[]): string {
  const near = known.find((conversion) => Math.abs(Date.parse(conversion.at) - Date.parse(at)) <= 60_000);
  if (near) return near.name;
  if (sourceLabel?.trim()) return sourceLabel.trim();
  switch (sourceType) {
    case 'FORM':
      return 'HubSpot form';
    case 'CRM_UI':
      return 'Entered in HubSpot';
    case 'IMPORT':
      return 'Import';
    default:
      return 'HubSpot';
  }
}

/**
 * What the lead wrote in the mapped "problem" field, newest first. With the property's history each
 * submission is its own quote, dated; without it, the current value dated by the last conversion, or
 * undated when HubSpot sent no conversion date either: the lead's words are never dropped for a date.
 */
export function statedProblems(contact: CrmObject, problemProperty: string): StatedProblem[] {
  if (!problemProperty) return [];
  const known = conversions(contact.properties);
  const problems: StatedProblem[] = [];
  for (const raw of contact.propertiesWithHistory?.[problemProperty] ?? []) {
    const entry = HistoryEntrySchema.safeParse(raw);
    if (!entry.success) continue;
    // A rich-text property (fieldType html) keeps the lead's words in markup: its words, never its tags.
    const value = entry.data.value && textOfHtml(entry.data.value);
    const at = toTimestamp(entry.data.timestamp);
    if (!value || !at || problems.some((problem) => problem.text === value)) continue;
    problems.push({ text: clip(value, LEAD_LIMITS.longText), form: formFor(at, entry.data.sourceType ?? undefined, entry.data.sourceLabel ?? undefined, known), submittedAt: at });
  }
  if (problems.length === 0) {
    const raw = text(contact.properties, problemProperty);
    const value = raw && textOfHtml(raw);
    const latest = known[0];
    // HubSpot caps nothing a form submits: a message longer than a profile holds is cut, not refused.
    const said = value && clip(value, LEAD_LIMITS.longText);
    if (said) problems.push(latest ? { text: said, form: latest.name, submittedAt: latest.at } : { text: said, form: text(contact.properties, 'recent_conversion_event_name') ?? 'HubSpot' });
  }
  return problems.sort(newestProblemFirst).slice(0, 5);
}

/** Page patterns that say "buying", in the order a rep cares about them. */
const INTENT_PAGES: readonly { label: string; pattern: RegExp }[] = [
  { label: 'Viewed the demo page', pattern: /\/(demo|request-a-demo|book-a-demo|contact-sales)(\/|$|\?)/i },
  { label: 'Viewed pricing', pattern: /\/(pricing|plans|price)(\/|$|\?)/i },
  { label: 'Read the security pages', pattern: /\/(security|trust|compliance)(\/|$|\?)/i },
  { label: 'Looked at integrations', pattern: /\/integrations?(\/|$|\?)/i },
];

/** Form conversions and visits to buying pages, newest first. */
export function highIntent(properties: HubSpotProperties, pageViews: readonly PageView[]): { label: string; at: string }[] {
  const moments = conversions(properties).map((conversion) => ({ label: `Submitted “${conversion.name}”`, at: conversion.at }));
  for (const { label, pattern } of INTENT_PAGES) {
    const hits = pageViews.filter((view) => view.visitId !== SUMMARY_VISIT_ID && pattern.test(view.url));
    if (hits.length === 0) continue;
    const newest = hits.reduce((a, b) => (a.viewedAt > b.viewedAt ? a : b));
    moments.push({ label: hits.length > 1 ? `${label} ${hits.length}×` : label, at: newest.viewedAt });
  }
  return moments.sort((a, b) => b.at.localeCompare(a.at));
}

// ---------------------------------------------------------------------------------------------
// The profile.

/** The CRM record ids HubSpot knows this contact by: its own id, and the synced Salesforce id. */
function crmIds(contact: CrmObject, source: HubSpotSource): Record<string, string> {
  const ids: Record<string, string> = { hubspot: contact.id };
  const salesforce = salesforceProperties(source)
    .map((name) => text(contact.properties, name))
    .find((value) => value && isSalesforceId(value));
  if (salesforce) ids.salesforce = salesforce;
  return ids;
}

export class ProfileMappingError extends Error {}

const clipped = (value: string | undefined) => (value === undefined ? undefined : clip(value));

/** A contact (and its page views) as a LeadProfile, validated so nothing invalid leaves here. */
export function toLeadProfile(contact: CrmObject, pageViews: readonly PageView[], source: HubSpotSource, gaps: readonly DataGap[] = []): LeadProfile {
  const p = contact.properties;
  const email = text(p, 'email')?.toLowerCase();
  const name = [text(p, 'firstname'), text(p, 'lastname')].filter(Boolean).join(' ');
  const score = Number(text(p, source.mappings.score));
  const candidate = {
    id: contact.id,
    ...optional('email', isEmail(email) ? email : undefined),
    ...optional('name', name || undefined),
    // A form stores whatever it is sent (a bot's 700-character company): cut, never the lead lost.
    ...optional('company', clipped(text(p, 'company'))),
    ...optional('title', clipped(text(p, 'jobtitle'))),
    ...optional('industry', clipped(text(p, 'industry'))),
    ...optional('language', LeadLanguageSchema.safeParse(text(p, 'hs_language')).data),
    ...optional('country', text(p, 'country')),
    crmIds: crmIds(contact, source),
    source: leadSource(p),
    pageViews,
    problems: statedProblems(contact, source.mappings.problem),
    contact: {
      // A free-text or dropdown property; multi-checkbox values are ";"-separated (the first is read).
      ...optional('preferredChannel', channelFromWords(text(p, source.mappings.preferredChannel))),
      // The lead's words always; the window only when they could be read.
      ...bestTimeFrom(text(p, source.mappings.bestTime)),
      ...optional('timeZone', ianaTimeZone(text(p, source.mappings.timeZone))),
      // HubSpot has no standard do-not-call property; only "unsubscribed from all email".
      doNotCall: false,
      doNotEmail: text(p, 'hs_email_optout')?.toLowerCase() === 'true',
    },
    ...optional('score', text(p, source.mappings.score) !== undefined && Number.isFinite(score) ? score : undefined),
    ...optional('stage', lifecycleStage(text(p, 'lifecyclestage'))),
    // HubSpot's own "Became a Marketing Qualified Lead Date": the team's follow-up clock starts there.
    ...optional('qualifiedAt', toTimestamp(text(p, 'hs_lifecyclestage_marketingqualifiedlead_date'))),
    highIntent: highIntent(p, pageViews),
    ...(gaps.length ? { gaps } : {}),
  };
  const parsed = LeadProfileSchema.safeParse(candidate);
  if (!parsed.success) throw new ProfileMappingError(summarizeZodError(parsed.error));
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Content from HubDB.

/**
 * The HubDB table the admin points Leadside at holds one row per content item, with these column
 * names (labels are free; names matter):
 *   title      Text        the item's title (falls back to the row's hs_name)
 *   url        URL or Text the link reps send (http/https only)
 *   type       Select/Text case_study, one_pager, battlecard, whitepaper, ebook, webinar, video,
 *                          deck, blog_post, datasheet, guide, checklist, roi_calculator
 *                          (labels such as "Case study" or "One-pager" are read too)
 *   summary    Text/Rich text  one or two sentences (HTML is reduced to text)
 *   topics     Multi-select or comma-separated text: the problems it answers
 *   industries Multi-select or text; empty = any industry
 *   personas   Multi-select or text; empty = any persona
 *   stages     Multi-select or text of lifecycle stages (subscriber, lead, mql, sql, …); empty = any
 * and, optionally, the columns the file import knows (docs/file-import.md), for ranking:
 *   language        Text: a BCP 47 tag (en, de, pt-BR); empty = the catalog's main language
 *   translation_of  Text: the row id of the item this one translates
 *   buyer_stages    Multi-select or text: awareness, consideration, decision, expansion; empty = any
 *   audience        Select/Text: prospect or customer; empty = both
 *   competitors     Multi-select or text: the rivals a battlecard is about
 *   products        Multi-select or text
 *   review_by, expires_at  Date (HubDB sends midnight UTC in ms) or YYYY-MM-DD text
 *   replaced_by     Text: the row id of the item that supersedes this one
 * A value in these columns that does not read is left out, not a reason to skip the row.
 * Rows missing a title, an http(s) url or a known type are skipped and counted.
 */
export function contentFromRow(raw: unknown): { item: ContentItem } | { skipped: string } {
  const row = HubDbRowSchema.safeParse(raw);
  if (!row.success) return { skipped: `a row HubSpot sent without an id or values` };
  const { values } = row.data;
  // A rich-text title is its words; one that holds none (an empty paragraph) is none, as is a blank.
  const title = oneLineText(cellText(values.title)) ?? oneLineText(row.data.name ?? undefined);
  const label = title ? `“${title.slice(0, 60)}”` : `row ${row.data.id}`;
  if (!title) return { skipped: `${label} has no title` };
  const url = httpUrl(cellText(values.url));
  if (!url) return { skipped: `${label} has no http(s) url` };
  const type = contentType(cellText(values.type));
  if (!type) return { skipped: `${label} has no known type (${cellText(values.type) ?? 'empty'})` };
  const candidate = {
    id: row.data.id,
    title,
    type,
    url,
    summary: oneLineText(cellText(values.summary)) ?? '',
    topics: cellList(values.topics),
    industries: cellList(values.industries),
    personas: cellList(values.personas),
    stages: [...new Set(cellList(values.stages).map(lifecycleStage).filter((stage) => stage !== undefined))],
    ...optional('updatedAt', toTimestamp(row.data.updatedAt ?? undefined)),
    ...rankingColumns(values),
  };
  const parsed = ContentItemSchema.safeParse(candidate);
  return parsed.success ? { item: parsed.data } : { skipped: `${label}: ${summarizeZodError(parsed.error, 1)}` };
}

const CONTENT_TYPES: Record<string, ContentType> = {
  case_study: 'case_study',
  customer_story: 'case_study',
  one_pager: 'one_pager',
  onepager: 'one_pager',
  battlecard: 'battlecard',
  battle_card: 'battlecard',
  whitepaper: 'whitepaper',
  white_paper: 'whitepaper',
  ebook: 'ebook',
  e_book: 'ebook',
  webinar: 'webinar',
  video: 'video',
  deck: 'deck',
  slides: 'deck',
  presentation: 'deck',
  blog_post: 'blog_post',
  blog: 'blog_post',
  datasheet: 'datasheet',
  data_sheet: 'datasheet',
  guide: 'guide',
  checklist: 'checklist',
  roi_calculator: 'roi_calculator',
  calculator: 'roi_calculator',
};

function contentType(value: string | undefined): ContentType | undefined {
  const key = value?.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return key ? CONTENT_TYPES[key] : undefined;
}

/** A HubDB option cell ({id, name, label?, type: "option"}) as its name. */
const OptionSchema = z.object({ name: z.string().optional(), label: z.string().optional() });

function cellText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const option = OptionSchema.safeParse(value);
  if (option.success && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return (option.data.name ?? option.data.label)?.trim() || undefined;
  }
  return undefined;
}

function cellList(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(cellText) : (cellText(value)?.split(/[;,\n]/) ?? []);
  return [...new Set(parts.map((part) => part?.trim()).filter((part): part is string => !!part))].slice(0, 50);
}

/** Rich text as plain text: tags dropped, entities decoded by the `entities` library (never rendered as HTML). */
/** The optional ranking columns of a HubDB row, each left out when it is empty or does not read. */
function rankingColumns(values: Record<string, unknown>): Partial<ContentItem> {
  const shape = ContentItemSchema.shape;
  const read = <T>(schema: { safeParse(value: unknown): { data?: T } }, value: unknown): T | undefined => (value === undefined ? undefined : schema.safeParse(value).data);
  const list = (value: unknown) => {
    const items = cellList(value);
    return items.length > 0 ? items : undefined;
  };
  const lower = (value: unknown) => cellText(value)?.toLowerCase().replace(/[\s-]+/g, '_');
  const buyerStages = cellList(values.buyer_stages).flatMap((stage) => read(BuyerStageSchema, stage.toLowerCase()) ?? []);
  return {
    ...optional('language', read(shape.language, cellText(values.language))),
    ...optional('translationOf', cellText(values.translation_of)),
    ...optional('buyerStages', buyerStages.length > 0 ? [...new Set(buyerStages)] : undefined),
    ...optional('audience', read(AudienceSchema, lower(values.audience))),
    ...optional('competitors', list(values.competitors)),
    ...optional('products', list(values.products)),
    ...optional('reviewBy', read(shape.reviewBy, cellDay(values.review_by))),
    ...optional('expiresAt', read(shape.expiresAt, cellDay(values.expires_at))),
    ...optional('replacedBy', cellText(values.replaced_by)),
  };
}

/** A HubDB date cell (ms since the epoch at midnight UTC) or a YYYY-MM-DD text, as YYYY-MM-DD. */
function cellDay(value: unknown): string | undefined {
  if (typeof value === 'number') {
    // Beyond the dates JavaScript can hold (±8.64e15 ms), a number is no day at all.
    const day = new Date(value);
    return Number.isNaN(day.getTime()) ? undefined : day.toISOString().slice(0, 10);
  }
  return cellText(value)?.slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Feedback as a note.

/** The line that identifies a note as this feedback item, so a retry can find it instead of repeating it. */
export function noteMarker(id: string): string {
  return `leadside-id: ${id}`;
}

/** HubSpot renders hs_note_body as HTML: everything we put there is escaped text. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** The note's lines, plain text: what was said, by whom, about whom, from which source. */
export function noteLines(item: FeedbackItem, id: string): string[] {
  const lines: string[] = [];
  switch (item.kind) {
    case 'verdict':
      lines.push(`Leadside lead verdict: ${VERDICT_LABELS[item.verdict]}`);
      if (item.reasons.length) lines.push(`Reasons: ${item.reasons.join(', ')}`);
      if (item.note?.trim()) lines.push(`Note: ${item.note.trim()}`);
      break;
    case 'content_rating':
      lines.push(`Leadside content rating: ${item.useful ? 'useful' : 'not useful'} (content ${item.contentId})`);
      break;
    case 'content_request':
      lines.push(`Leadside content request: ${item.text.trim()}`);
      break;
    case 'prospect_question':
      lines.push(`Leadside prospect question: ${item.text.trim()}`);
      break;
  }
  if (item.rep?.trim()) lines.push(`Rep: ${item.rep.trim()}`);
  const who = [item.lead.name, item.lead.email && `<${item.lead.email}>`].filter(Boolean).join(' ');
  lines.push(`Lead: ${who ? `${who}, ` : ''}${CRM_LABELS[item.lead.crm]} record ${item.lead.recordId}`);
  const source = [item.source.channel && CHANNEL_LABELS[item.source.channel], item.source.campaign].filter(Boolean).join(' · ');
  lines.push(`Source when given: ${source || 'unknown'}`);
  lines.push(`Given: ${item.createdAt}`);
  lines.push(noteMarker(id));
  return lines;
}

/** The note body: each line escaped, line breaks kept (HubSpot would otherwise collapse them). */
export function noteBody(item: FeedbackItem, id: string): string {
  return noteLines(item, id)
    .map((line) => escapeHtml(line).replace(/\r?\n/g, '<br>'))
    .join('<br>');
}
