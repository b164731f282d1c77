import { CrmIdSchema, CRM_LABELS, type CrmId } from '@/lib/schema/record';
import type { ImportKind } from './types';

/**
 * The documented column sets of importable files (docs/file-import.md lists the same, a test keeps
 * them in step, and public/templates/*.csv are generated from the examples here).
 */
export interface ColumnDoc {
  name: string;
  /** `true`: every row needs a value. A string names a group of which one column is needed. */
  required?: true | string;
  description: string;
  /** The value shown in the downloadable template. */
  example: string;
}

/** The column of each CRM's record id: `salesforce_id`, `hubspot_id`, … */
export const crmColumn = (crm: CrmId) => `${crm}_id`;
export const CRM_COLUMNS: ReadonlyArray<{ crm: CrmId; column: string }> = CrmIdSchema.options.map((crm) => ({ crm, column: crmColumn(crm) }));

const CRM_EXAMPLES: Partial<Record<CrmId, string>> = { salesforce: '00Q8d00000AbC1dEAF', hubspot: '51001' };
/** The forms of an id that are matched (lib/import/keys.ts crmKey). */
const CRM_ID_NOTES: Partial<Record<CrmId, string>> = {
  salesforce: ' (15 or 18 characters; both forms are matched)',
  dynamics: ' (a GUID, bare or in braces, in any case; all forms are matched)',
};

export const PROFILE_COLUMNS: readonly ColumnDoc[] = [
  { name: 'id', required: true, description: "The lead's id in marketing's system; re-importing a row with the same id replaces the lead.", example: 'lead-0001' },
  { name: 'email', description: 'E-mail address; leads are found by it (ignoring case) when no CRM id matches.', example: 'jane.doe@example.com' },
  { name: 'name', description: 'Full name.', example: 'Jane Doe' },
  { name: 'company', description: 'Company name.', example: 'Example Corp' },
  { name: 'title', description: 'Job title.', example: 'VP Security' },
  { name: 'industry', description: 'Industry, as the content catalog names it.', example: 'Fintech' },
  { name: 'persona', description: 'Buyer persona, as the content catalog names it. Empty: inferred from the job title.', example: 'CISO' },
  { name: 'language', description: 'The language to write to them in, as a BCP 47 tag (de, pt-BR). Empty: the language of their stated problem, else their country\'s.', example: 'en' },
  { name: 'country', description: 'Country, as an ISO 3166 code (DE) or a name.', example: 'US' },
  { name: 'customer', description: 'Already a customer (yes/no). Empty: told by the stage (customer, evangelist).', example: 'no' },
  { name: 'products_owned', description: 'Products a customer already has, as the content catalog names them, separated by ";".', example: '' },
  ...CRM_COLUMNS.map(({ crm, column }) => ({
    name: column,
    description: `The lead's record id in ${CRM_LABELS[crm]}${CRM_ID_NOTES[crm] ?? ''}.`,
    example: CRM_EXAMPLES[crm] ?? '',
  })),
  { name: 'channel', description: 'First-touch channel: paid_search, organic_search, paid_social, organic_social, email, referral, event, webinar, partner, direct or other. Empty means other.', example: 'paid_search' },
  { name: 'campaign', description: 'First-touch campaign name.', example: 'Q3 SOC 2 Readiness - Google Ads' },
  { name: 'utm_source', description: 'utm_source of the first touch.', example: 'google' },
  { name: 'utm_medium', description: 'utm_medium of the first touch.', example: 'cpc' },
  { name: 'utm_campaign', description: 'utm_campaign of the first touch.', example: 'soc2-readiness-q3' },
  { name: 'utm_term', description: 'utm_term of the first touch.', example: 'soc 2 audit software' },
  { name: 'utm_content', description: 'utm_content of the first touch.', example: 'rsa-evidence-headline' },
  { name: 'first_page', description: 'First page seen (an http or https URL).', example: 'https://www.example.com/product/soc-2' },
  { name: 'referrer', description: 'Referrer of the first visit.', example: 'https://www.google.com/' },
  { name: 'first_seen', description: 'When the lead was first seen: 2026-09-14, or a date-time such as 2026-09-14T13:22:05Z.', example: '2026-09-14T13:22:05Z' },
  { name: 'latest_channel', description: 'Channel of the most recent touch, when it differs from the first.', example: 'email' },
  { name: 'latest_campaign', description: 'Campaign of the most recent touch.', example: 'Nurture: SOC 2 Countdown' },
  { name: 'latest_at', description: 'When the most recent touch happened.', example: '2026-11-12T15:40:00Z' },
  { name: 'problem_text', description: 'The problem the lead described in a form, in their words.', example: 'Our access reviews still live in spreadsheets.' },
  { name: 'problem_form', description: 'The form they wrote it in. Empty means "Imported".', example: 'Demo request' },
  { name: 'problem_date', description: 'When they sent it; needed with problem_text.', example: '2026-11-16T13:09:30Z' },
  { name: 'preferred_channel', description: 'How they like to be contacted: email, phone, sms, linkedin or video_call.', example: 'email' },
  { name: 'best_time_start', description: 'Start of the best time to reach them, HH:MM in their time zone.', example: '09:00' },
  { name: 'best_time_end', description: 'End of that window, HH:MM.', example: '11:00' },
  { name: 'best_time_weekdays_only', description: 'The window is on weekdays only (yes/no).', example: 'yes' },
  { name: 'time_zone', description: 'IANA time zone, e.g. America/New_York.', example: 'America/New_York' },
  { name: 'do_not_call', description: 'Do not call (yes/no, true/false, 1/0). Empty means no.', example: 'no' },
  { name: 'do_not_email', description: 'Do not e-mail (yes/no). Empty means no.', example: 'no' },
  { name: 'do_not_text', description: 'Do not send text messages (yes/no). Empty means no.', example: 'no' },
  { name: 'score', description: 'Lead score (a number).', example: '82' },
  { name: 'stage', description: 'Lifecycle stage: subscriber, lead, mql, sql, opportunity, customer, evangelist or other.', example: 'mql' },
  { name: 'qualified_at', description: "When your system marked the lead qualified (e.g. became an MQL): starts the team server's follow-up clock.", example: '2026-11-16T13:10:00Z' },
];

export const PAGE_VIEW_COLUMNS: readonly ColumnDoc[] = [
  { name: 'profile_id', required: 'profile_id or email', description: 'The id of the lead (the id column of the profiles file).', example: 'lead-0001' },
  { name: 'email', required: 'profile_id or email', description: "The lead's e-mail, when the file has no profile id (matched ignoring case).", example: '' },
  { name: 'url', required: true, description: 'The page (an http or https URL).', example: 'https://www.example.com/pricing' },
  { name: 'title', description: 'Page title. Empty means the URL is shown.', example: 'Pricing' },
  { name: 'viewed_at', required: true, description: 'When the page was viewed: a date-time such as 2026-11-16T13:05:20Z (no offset means UTC).', example: '2026-11-16T13:05:20Z' },
  { name: 'duration_sec', description: 'Seconds on the page (a number, 0 or more).', example: '88' },
  { name: 'visit_id', description: 'Views with the same visit id are one visit. Empty means one visit per lead and day.', example: 'v4' },
];

export const CONTENT_COLUMNS: readonly ColumnDoc[] = [
  { name: 'id', required: true, description: "The item's id; re-importing a row with the same id replaces the item.", example: 'cs-example-soc2' },
  { name: 'title', required: true, description: 'Title shown to the rep.', example: 'Example Corp: first SOC 2 Type II in 11 weeks' },
  { name: 'type', required: true, description: 'case_study, one_pager, battlecard, whitepaper, ebook, webinar, video, deck, blog_post, datasheet, guide, checklist or roi_calculator.', example: 'case_study' },
  { name: 'url', required: true, description: 'Where the item is (an http or https URL).', example: 'https://www.example.com/resources/soc2-case-study' },
  { name: 'summary', description: 'One or two sentences for the rep.', example: 'How a 90-person fintech passed its first Type II audit.' },
  { name: 'topics', description: 'Problems it answers, in prospects\' words, separated by ";".', example: 'SOC 2 audit;evidence collection;access reviews' },
  { name: 'industries', description: 'Industries it suits, separated by ";". Empty means any.', example: 'Fintech' },
  { name: 'personas', description: 'Personas it suits, separated by ";". Empty means any.', example: 'CISO;Compliance Manager' },
  { name: 'stages', description: 'Lifecycle stages it suits, separated by ";". Empty means any.', example: 'mql;sql' },
  { name: 'updated_at', description: 'When the item was last updated (a date or date-time).', example: '2026-08-20' },
  { name: 'language', description: 'The language it is written in, as a BCP 47 tag (en, de, pt-BR). Empty means the catalog\'s main language.', example: 'en' },
  { name: 'translation_of', description: 'The id of the item this one translates (its twin in another language).', example: '' },
  { name: 'buyer_stages', description: 'Buyer\'s journey stages it fits: awareness, consideration, decision, expansion, separated by ";". Empty means any.', example: 'consideration;decision' },
  { name: 'audience', description: 'Who it is for: prospect or customer. Empty means both.', example: 'prospect' },
  { name: 'products', description: 'Products it is about, separated by ";".', example: 'Evidence Hub' },
  { name: 'competitors', description: 'Competitors it is about (a battlecard\'s rival), separated by ";": it is only suggested when the lead shows that competitor.', example: '' },
  { name: 'review_by', description: 'The day to check it again (YYYY-MM-DD); after it the item is not suggested.', example: '2027-06-30' },
  { name: 'expires_at', description: 'The last day it may be sent (YYYY-MM-DD), e.g. a price sheet\'s validity.', example: '' },
  { name: 'replaced_by', description: 'The id of the item that replaces it; a replaced item is not suggested, and its replacement says so.', example: '' },
];

export const COLUMNS: Record<ImportKind, readonly ColumnDoc[]> = {
  profiles: PROFILE_COLUMNS,
  pageViews: PAGE_VIEW_COLUMNS,
  content: CONTENT_COLUMNS,
};

/** Other spellings accepted for a documented column (after normalizeColumnName). */
export const COLUMN_ALIASES: Record<ImportKind, Record<string, string>> = {
  // Spellings that differ only in "_" need none: "HubSpot ID" (hub_spot_id) and "E-mail" (e_mail) are matched by their letters.
  profiles: { hs_language: 'language', preferred_locale: 'language', locale: 'language', is_customer: 'customer', email_address: 'email', source_channel: 'channel', source_campaign: 'campaign', first_page_url: 'first_page' },
  pageViews: { email_address: 'email', lead_id: 'profile_id', page_url: 'url', page_title: 'title' },
  content: { content_type: 'type', lang: 'language', locale: 'language', stages_of_journey: 'buyer_stages', journey_stages: 'buyer_stages', product: 'products', competitor: 'competitors' },
};

export const KIND_LABELS: Record<ImportKind, string> = {
  profiles: 'Profiles',
  pageViews: 'Page views',
  content: 'Content catalog',
};

/** What one row is, singular and plural, for messages ("Imported 3 profiles"). */
export const KIND_NOUNS: Record<ImportKind, [string, string]> = {
  profiles: ['profile', 'profiles'],
  pageViews: ['page view', 'page views'],
  content: ['content item', 'content items'],
};

export const TEMPLATE_FILES: Record<ImportKind, string> = {
  profiles: 'profiles.csv',
  pageViews: 'page-views.csv',
  content: 'content.csv',
};

export function countOf(kind: ImportKind, count: number): string {
  const [one, many] = KIND_NOUNS[kind];
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/**
 * A header or JSON key as the documented name: trimmed, lower case, camelCase and spaces to
 * snake_case ("Viewed At", "viewedAt" and "viewed-at" all become `viewed_at`).
 */
export function normalizeColumnName(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The documented column a header stands for, or undefined when it is not one. Names and aliases are
 * compared without their "_" too, so one written as one word ("timezone", Mautic's own field name)
 * is its column (`time_zone`). A Map, so a header named "constructor" is data, not Object.prototype's.
 */
export function resolveColumn(kind: ImportKind, raw: string): string | undefined {
  return BY_LETTERS[kind].get(normalizeColumnName(raw).replaceAll('_', ''));
}

/** A kind's documented names and aliases by their letters and digits alone ("timezone" → `time_zone`). */
const byLetters = (kind: ImportKind): ReadonlyMap<string, string> =>
  new Map([...COLUMNS[kind].map((column) => [column.name, column.name] as const), ...Object.entries(COLUMN_ALIASES[kind])].map(([name, column]) => [name.replaceAll('_', ''), column]));
const BY_LETTERS: Record<ImportKind, ReadonlyMap<string, string>> = {
  profiles: byLetters('profiles'),
  pageViews: byLetters('pageViews'),
  content: byLetters('content'),
};

/** Required columns (or groups) the given columns lack, worded for the user. */
export function missingColumns(kind: ImportKind, present: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  const groups = new Map<string, boolean>();
  for (const column of COLUMNS[kind]) {
    if (column.required === true && !present.has(column.name)) missing.push(column.name);
    if (typeof column.required === 'string') groups.set(column.required, (groups.get(column.required) ?? false) || present.has(column.name));
  }
  for (const [group, satisfied] of groups) if (!satisfied) missing.push(group);
  return missing;
}

/**
 * The kind whose documented columns the headers match best, to say "this looks like a page views
 * file": one the file has every required column of, and that matches them better than the `chosen`
 * kind does (a content export that lacks only its title is still no profiles file).
 */
export function guessKind(headers: readonly string[], chosen?: ImportKind): ImportKind | undefined {
  const scoreOf = (kind: ImportKind) => {
    const present = new Set(headers.map((header) => resolveColumn(kind, header)).filter((name): name is string => Boolean(name)));
    return { present, score: present.size / COLUMNS[kind].length };
  };
  const floor = chosen ? scoreOf(chosen).score : 0;
  let best: { kind: ImportKind; score: number } | undefined;
  for (const kind of Object.keys(COLUMNS) as ImportKind[]) {
    const { present, score } = scoreOf(kind);
    if (missingColumns(kind, present).length > 0) continue;
    if (score > floor && (!best || score > best.score)) best = { kind, score };
  }
  return best?.kind;
}
