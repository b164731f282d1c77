import { z } from 'zod';
import {
  AudienceSchema,
  BuyerStageSchema,
  ChannelSchema,
  ContactChannelSchema,
  ContactPreferencesSchema,
  ContentItemSchema,
  ContentTypeSchema,
  LeadProfileSchema,
  LifecycleStageSchema,
  HttpUrlSchema,
  PageViewSchema,
  TimeZoneSchema,
  type ContentItem,
  type LeadProfile,
  type PageView,
} from '@/lib/schema';
import { enumKey, parseTimestamp, quote, RowReader, type Cells } from './cells';
import { CRM_COLUMNS } from './columns';
import { viewsByEmail, viewsById } from './keys';
import type { ImportedPageView, RowError } from './types';
import { importText, issueText } from './message-codes';

type CellErrors = Array<Pick<RowError, 'column' | 'message' | 'coded'>>;
export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: CellErrors };

const EmailSchema = LeadProfileSchema.shape.email.unwrap();
const LeadLanguageSchema = LeadProfileSchema.shape.language.unwrap();

/**
 * The time zone check, remembered: TimeZoneSchema builds an Intl.DateTimeFormat per call (~90 µs),
 * which alone would cap an import at ~10,000 rows/s; a file has a handful of distinct zones.
 */
const knownZones = new Map<string, boolean>();
const RememberedTimeZoneSchema = z.string().refine(
  (zone) => {
    let known = knownZones.get(zone);
    if (known === undefined) {
      known = TimeZoneSchema.safeParse(zone).success;
      if (knownZones.size < 1_000) knownZones.set(zone, known);
    }
    return known;
  },
  { message: 'Unknown IANA time zone' },
);

/** LeadProfileSchema, with the same time zone rule checked once per distinct zone. */
const ImportProfileSchema = LeadProfileSchema.extend({
  contact: ContactPreferencesSchema.extend({ timeZone: RememberedTimeZoneSchema.optional() }).default({ doNotCall: false, doNotEmail: false }),
});

/**
 * A copy without the undefined properties, so stored rows hold only what the file had. (A copy
 * rather than `delete`, which would leave V8 a slow dictionary-mode object for zod to walk.)
 */
function defined<T extends object>(value: T): T {
  const copy = {} as T;
  for (const key in value) if (value[key] !== undefined) copy[key] = value[key];
  return copy;
}

/**
 * Runs the domain schema over what the cells gave, adding its refusals to the cell errors: a column
 * the reader already refused is not reported twice.
 */
function finish<T>(schema: z.ZodType<T>, candidate: unknown, reader: RowReader, columnOf: (path: PropertyKey[]) => string): RowResult<T> {
  const parsed = schema.safeParse(candidate);
  const errors: CellErrors = [...reader.errors];
  if (!parsed.success) {
    const seen = new Set(errors.map((error) => error.column));
    for (const issue of parsed.error.issues) {
      const column = columnOf(issue.path);
      if (seen.has(column)) continue;
      seen.add(column);
      const value = valueAt(candidate, issue.path);
      errors.push({ column, message: value === undefined ? issue.message : `${issue.message}: ${quote(value)}`, coded: issueText(issue, value) });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: (parsed as { data: T }).data };
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === null || typeof value === 'object' ? undefined : value;
}

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** Content and page views are flat: the last named segment is the column (`stages.2` → stages). */
function flatColumn(path: PropertyKey[]): string {
  const named = path.filter((key): key is string => typeof key === 'string');
  return snake(named.at(-1) ?? '(row)');
}

/** A number in scientific notation, as Excel shows a long number it rounded ("1.05123E+11", "1,05123E+11"). */
const ROUNDED_NUMBER = /^\d(?:[.,]\d+)?E\+?\d+$/i;

/**
 * The id the CRM knows the record by, as its pages and API show it: Zoho CRM's CSV export writes
 * every record id with a `zcrm_` prefix ("zcrm_5725767000000432002") that no Zoho URL or API has.
 */
function crmRecordId(crm: string, value: string): string {
  return crm === 'zoho' ? value.replace(/^zcrm_(?=\d+$)/, '') : value;
}

/**
 * A profile from one flat row (CSV, or a JSON object with the same keys).
 *
 * Each cell is checked with the domain's own zod schema for that field (EmailSchema, HttpUrlSchema,
 * the clock and time-zone rules) or, for typed cells, by the reader, and the profile is built in
 * LeadProfileSchema's shape with its defaults. The whole-object parse is left out on purpose: in an
 * extension page zod cannot compile its object parsers (no eval under the CSP), and that parse was
 * half the cost of a row. A property test holds the two equal: every profile this accepts is one
 * LeadProfileSchema parses to itself, and the connector parses every profile again on the way out.
 */
export function readProfileRow(cells: Cells): RowResult<LeadProfile> {
  const r = new RowReader(cells);
  const id = r.required('id');
  const crmIds: Record<string, string> = {};
  for (const { crm, column } of CRM_COLUMNS) {
    const value = r.text(column);
    // Excel shows a long numeric id it was not told is text as "1.05123E+11": the id's digits are gone.
    if (value !== undefined && ROUNDED_NUMBER.test(value)) r.fail(column, `A number Excel rounded (shown in scientific notation), not the record id: format the column as text in the sheet and export it again: ${quote(value)}`, importText('import.roundedId', {}, value));
    else if (value !== undefined) crmIds[crm] = crmRecordId(crm, value);
  }
  const email = check(r, 'email', EmailSchema, r.text('email'));

  // A lead with no recorded channel still has a brief; "other" is what the UI already shows for unknowns.
  const channel = r.oneOf('channel', ChannelSchema.options, 'channel') ?? 'other';
  const latestChannel = r.oneOf('latest_channel', ChannelSchema.options, 'channel');
  const latestCampaign = r.text('latest_campaign');
  const latestAt = r.timestamp('latest_at');
  if (!latestChannel && (latestCampaign || latestAt) && !r.has('latest_channel')) r.fail('latest_channel', 'Required when latest_campaign or latest_at is given');

  const problemText = r.text('problem_text');
  const problemForm = r.shortText('problem_form');
  const problemDate = r.timestamp('problem_date');
  if (problemText && !r.has('problem_date')) r.fail('problem_date', 'Required when problem_text is given', importText('import.requiredWhen', { other: 'problem_text' }));
  if (!problemText && !r.refused('problem_text') && (problemForm || r.has('problem_date'))) {
    r.fail('problem_text', 'Required when problem_form or problem_date is given', importText('import.requiredWhen', { other: 'problem_form, problem_date' }));
  }

  const start = check(r, 'best_time_start', ClockTimeSchema, r.clock('best_time_start'));
  const end = check(r, 'best_time_end', ClockTimeSchema, r.clock('best_time_end'));
  const weekdaysOnly = r.boolean('best_time_weekdays_only');
  if (start && !end && !r.has('best_time_end')) r.fail('best_time_end', 'Required when best_time_start is given', importText('import.requiredWhen', { other: 'best_time_start' }));
  if (end && !start && !r.has('best_time_start')) r.fail('best_time_start', 'Required when best_time_end is given', importText('import.requiredWhen', { other: 'best_time_end' }));

  const utm: LeadProfile['source']['utm'] = {};
  for (const part of UTM_PARTS) {
    const value = r.text(`utm_${part}`);
    if (value !== undefined) utm[part] = value;
  }
  const source: LeadProfile['source'] = { channel, utm };
  optional(source, 'campaign', r.text('campaign'));
  optional(source, 'firstPage', check(r, 'first_page', HttpUrlSchema, r.text('first_page')));
  optional(source, 'referrer', r.text('referrer'));
  optional(source, 'firstSeen', r.timestamp('first_seen'));
  if (latestChannel) {
    const latest: NonNullable<LeadProfile['source']['latest']> = { channel: latestChannel };
    optional(latest, 'campaign', latestCampaign);
    optional(latest, 'at', latestAt);
    source.latest = latest;
  }

  const contact: LeadProfile['contact'] = { doNotCall: false, doNotEmail: false };
  optional(contact, 'preferredChannel', r.oneOf('preferred_channel', ContactChannelSchema.options, 'contact channel'));
  if (start && end) contact.bestTime = { start, end, weekdaysOnly: weekdaysOnly ?? false };
  optional(contact, 'timeZone', check(r, 'time_zone', RememberedTimeZoneSchema, r.text('time_zone')));
  contact.doNotCall = r.boolean('do_not_call') ?? false;
  contact.doNotEmail = r.boolean('do_not_email') ?? false;
  if (r.boolean('do_not_text')) contact.doNotText = true;

  const name = r.shortText('name');
  const company = r.shortText('company');
  const title = r.shortText('title');
  const industry = r.shortText('industry');
  const persona = r.shortText('persona');
  const language = check(r, 'language', LeadLanguageSchema, r.text('language'));
  const country = r.shortText('country');
  const customer = r.boolean('customer');
  const productsOwned = r.list('products_owned');
  const score = r.number('score');
  const stage = r.oneOf('stage', LifecycleStageSchema.options, 'stage');
  const qualifiedAt = r.timestamp('qualified_at');
  if (r.errors.length > 0 || id === undefined) return { ok: false, errors: r.errors };

  // Built in the schema's key order, with its defaults, as LeadProfileSchema.parse would return it.
  const profile = { id } as LeadProfile;
  optional(profile, 'email', email);
  optional(profile, 'name', name);
  optional(profile, 'company', company);
  optional(profile, 'title', title);
  optional(profile, 'industry', industry);
  optional(profile, 'persona', persona);
  optional(profile, 'language', language);
  optional(profile, 'country', country);
  optional(profile, 'customer', customer);
  if (productsOwned.length > 0) profile.productsOwned = productsOwned;
  profile.crmIds = crmIds;
  profile.source = source;
  profile.pageViews = [];
  profile.problems = problemText && problemDate ? [{ text: problemText, form: problemForm ?? 'Imported', submittedAt: problemDate }] : [];
  profile.contact = contact;
  optional(profile, 'score', score);
  optional(profile, 'stage', stage);
  optional(profile, 'qualifiedAt', qualifiedAt);
  profile.highIntent = [];
  return { ok: true, value: profile };
}

const UTM_PARTS = ['source', 'medium', 'campaign', 'term', 'content'] as const;
const ClockTimeSchema = ContactPreferencesSchema.shape.bestTime.unwrap().shape.start;

/** Sets a property only when there is a value, so stored rows hold only what the file had. */
function optional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** The value if the field's own schema accepts it; else the schema's message for that column. */
function check<T>(r: RowReader, column: string, schema: z.ZodType<T>, value: T | undefined): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  r.fail(column, `${issue?.message ?? 'Invalid'}: ${quote(value)}`, issue ? issueText(issue, value) : importText('import.notAccepted', {}, value));
  return undefined;
}

/** A profile given whole, in Leadside's own shape (JSON only); refusals name the JSON path. */
export function readProfileObject(item: unknown): RowResult<LeadProfile> {
  const parsed = ImportProfileSchema.safeParse(item);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: CellErrors = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const column = issue.path.map(String).join('.') || '(item)';
    if (seen.has(column)) continue;
    seen.add(column);
    const value = valueAt(item, issue.path);
    errors.push({ column, message: value === undefined ? issue.message : `${issue.message}: ${quote(value)}`, coded: issueText(issue, value) });
  }
  return { ok: false, errors };
}

/** One page view from a flat row; the lead is named by profile_id or, failing that, email. */
export function readPageViewRow(cells: Cells): RowResult<ImportedPageView> {
  const r = new RowReader(cells);
  const profileId = r.text('profile_id');
  const email = r.text('email');
  if (email !== undefined && !EmailSchema.safeParse(email).success) r.fail('email', `Invalid email address: ${quote(email)}`, importText('import.notAnEmail', {}, email));
  if (profileId === undefined && email === undefined && !r.errors.some((error) => error.column === 'profile_id')) {
    r.fail('profile_id', 'Required, but empty: give the profile_id or the email of the lead', importText('import.requiredProfileKey', {}));
  }
  const url = r.required('url');
  const viewedAt = r.timestamp('viewed_at');
  if (!r.has('viewed_at')) r.required('viewed_at');
  const candidate = defined({
    url,
    title: r.text('title') ?? url,
    viewedAt,
    durationSec: r.number('duration_sec', { min: 0 }),
    // Without a visit id, a lead's views of one day are one visit: the brief groups pages by visit.
    // (Left empty when viewed_at is bad: that row is refused for viewed_at alone.)
    visitId: r.text('visit_id') ?? viewedAt?.slice(0, 10) ?? '',
  });
  const result = finish<PageView>(PageViewSchema, candidate, r, flatColumn);
  if (!result.ok) return result;
  const profileKey = profileId !== undefined ? viewsById(profileId) : viewsByEmail(email!);
  return { ok: true, value: { profileKey, ...result.value } };
}

/** One catalog item from a flat row (CSV, or a JSON object in the ContentItem shape). */
export function readContentRow(cells: Cells): RowResult<ContentItem> {
  const r = new RowReader(cells);
  const stages: string[] = [];
  for (const stage of r.list('stages')) {
    const key = enumKey(stage);
    if ((LifecycleStageSchema.options as readonly string[]).includes(key)) stages.push(key);
    else r.fail('stages', `Unknown stage ${quote(stage)}. Use one of: ${LifecycleStageSchema.options.join(', ')}`, importText('import.unknownValue', { allowed: LifecycleStageSchema.options.join(', ') }, stage));
  }
  const buyerStages: string[] = [];
  for (const stage of r.list('buyer_stages')) {
    const key = enumKey(stage);
    if ((BuyerStageSchema.options as readonly string[]).includes(key)) buyerStages.push(key);
    else r.fail('buyer_stages', `Unknown buyer stage ${quote(stage)}. Use one of: ${BuyerStageSchema.options.join(', ')}`, importText('import.unknownValue', { allowed: BuyerStageSchema.options.join(', ') }, stage));
  }
  // Lists are left out when empty, so a file without the new columns reads exactly as before.
  const nonEmpty = (list: string[]) => (list.length > 0 ? list : undefined);
  const candidate = defined({
    id: r.required('id'),
    title: r.required('title'),
    type: r.oneOf('type', ContentTypeSchema.options, 'content type') ?? (r.has('type') ? undefined : r.required('type')),
    url: r.required('url'),
    summary: r.text('summary') ?? '',
    topics: r.list('topics'),
    industries: r.list('industries'),
    personas: r.list('personas'),
    stages,
    updatedAt: r.timestamp('updated_at'),
    reviewBy: r.text('review_by'),
    replacedBy: r.text('replaced_by'),
    expiresAt: r.text('expires_at'),
    language: r.text('language'),
    translationOf: r.text('translation_of'),
    buyerStages: nonEmpty(buyerStages),
    audience: r.oneOf('audience', AudienceSchema.options, 'audience'),
    competitors: nonEmpty(r.list('competitors')),
    products: nonEmpty(r.list('products')),
  });
  return finish(ContentItemSchema, candidate, r, flatColumn);
}

/** A profile without its page views, and those views as rows of their own (JSON profiles may carry them). */
export function splitPageViews(profile: LeadProfile): { profile: LeadProfile; pageViews: ImportedPageView[] } {
  if (profile.pageViews.length === 0) return { profile, pageViews: [] };
  const profileKey = viewsById(profile.id);
  // The same instant written two ways is one view: keys use the canonical form, as CSV rows do.
  const pageViews = profile.pageViews.map((view) => ({ profileKey, ...view, viewedAt: parseTimestamp(view.viewedAt) ?? view.viewedAt }));
  return { profile: { ...profile, pageViews: [] }, pageViews };
}

/** The primary key of a stored page view: the same lead, instant and URL is the same view. */
export const pageViewKey = (view: Pick<ImportedPageView, 'profileKey' | 'viewedAt' | 'url'>): [string, string, string] => [view.profileKey, view.viewedAt, view.url];
