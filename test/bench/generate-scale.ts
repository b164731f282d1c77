/**
 * Seeded data for the scale benchmark: cached lead profiles (each with its page views) and content
 * events, as Leadside stores them in Dexie. Built from the demo dataset's vocabulary (companies'
 * industries, titles, sources, stated problems, the pages leads read, the catalog's content ids), so
 * lookups, ranking and Insights see realistic values, and from one seed, so every run and machine
 * gets the same rows. Imports nothing but data and types: it also runs inside an extension page,
 * bundled, where the benchmark fills the real extension's IndexedDB.
 */
import contentFile from '@/public/demo/content.json';
import leadsFile from '@/public/demo/leads.json';
import type { CachedProfile } from '@/lib/store/db';
import type { ContentEvent, ContentEventType, LeadProfile, PageView } from '@/lib/schema';
import { pick, seededRandom } from './random';

/** The sizes the issue names: 50,000 cached profiles, 1,000,000 page views, 200,000 events over ~90 days. */
export const SCALE_SIZES = { profiles: 50_000, pageViewsPerProfile: 20, events: 200_000, days: 90 } as const;

export interface ScaleOptions {
  seed: number;
  /** Epoch ms everything is dated back from (profiles are fetched then, events happen before). */
  now: number;
  profiles: number;
  /** The mean; each pair of profiles has exactly twice it between them. */
  pageViewsPerProfile: number;
  events: number;
  days: number;
}

const DAY_MS = 86_400_000;
/** The demo leads as unvalidated JSON: the generator copies their values, the unit test checks the result. */
const TEMPLATES = (leadsFile as unknown as { leads: LeadProfile[] }).leads;
const CONTENT_IDS = (contentFile as unknown as { items: Array<{ id: string }> }).items.map((item) => item.id);
const PAGES = uniquePages(TEMPLATES);
const FIRST_NAMES = ['Avery', 'Bea', 'Chidi', 'Dana', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kenji', 'Lea', 'Mateo', 'Nadia', 'Oskar', 'Priya'];
const LAST_NAMES = ['Adeyemi', 'Berg', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov'];

/** A Salesforce-shaped (18-character) lead id for the index-th generated lead. */
export function scaleRecordId(index: number): string {
  return `00QSc${String(index).padStart(13, '0')}`;
}

/** recordKey() of the index-th generated lead's CRM record. */
export function scaleLeadKey(index: number): string {
  return `salesforce:${scaleRecordId(index)}`;
}

/** Which demo lead the index-th generated lead takes its industry, persona, source and problem from. */
function templateOf(index: number): LeadProfile {
  return TEMPLATES[index % TEMPLATES.length]!;
}

/**
 * `options.profiles` cached lookups, as lib/profiles.ts stores a found lead: keyed by the CRM record,
 * fetched at `now`. Yields one at a time so a caller can write them in batches.
 */
export function* generateCachedProfiles(options: ScaleOptions): Generator<CachedProfile> {
  const random = seededRandom(options.seed);
  const fetchedAt = new Date(options.now).toISOString();
  let deviation = 0;
  for (let index = 0; index < options.profiles; index++) {
    // Pairs balance out, so the total is exactly profiles × mean (for an even count).
    if (index % 2 === 0) deviation = Math.round((random() * 2 - 1) * Math.min(15, options.pageViewsPerProfile));
    const views = options.pageViewsPerProfile + (index % 2 === 0 ? deviation : -deviation);
    const profile = generateProfile(index, views, random, options);
    yield { key: scaleLeadKey(index), email: profile.email, chosenByRep: false, profile, fetchedAt };
  }
}

function generateProfile(index: number, viewCount: number, random: () => number, options: ScaleOptions): LeadProfile {
  const template = templateOf(index);
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const domain = `company${index % 5_000}.example`;
  const pageViews = generatePageViews(viewCount, random, options);
  const firstView = pageViews[0];
  const lastSeen = pageViews.at(-1)?.viewedAt ?? new Date(options.now - DAY_MS).toISOString();
  const profile: LeadProfile = {
    id: `scale-lead-${index}`,
    email: `${first}.${last}${index}@${domain}`.toLowerCase(),
    name: `${first} ${last}`,
    company: `Company ${index % 5_000}`,
    crmIds: { salesforce: scaleRecordId(index) },
    source: {
      channel: template.source.channel,
      utm: template.source.utm ?? {},
      ...(template.source.campaign !== undefined && { campaign: template.source.campaign }),
      ...(firstView && { firstPage: firstView.url, firstSeen: firstView.viewedAt }),
    },
    pageViews,
    problems: random() < 0.6 ? template.problems.slice(0, 1).map((problem) => ({ ...problem, submittedAt: lastSeen })) : [],
    contact: contactOf(template),
    highIntent: [],
  };
  if (template.title !== undefined) profile.title = template.title;
  if (template.industry !== undefined) profile.industry = template.industry;
  if (template.persona !== undefined) profile.persona = template.persona;
  if (template.stage !== undefined) profile.stage = template.stage;
  profile.score = Math.floor(random() * 100);
  return profile;
}

/** `count` views in visits of one to six pages, oldest first, within the last `days`. */
function generatePageViews(count: number, random: () => number, options: ScaleOptions): PageView[] {
  const views: PageView[] = [];
  let visit = 0;
  while (views.length < count) {
    visit++;
    let at = options.now - Math.floor(random() * options.days * DAY_MS);
    const pages = Math.min(count - views.length, 1 + Math.floor(random() * 6));
    for (let page = 0; page < pages; page++) {
      const { url, title } = pick(random, PAGES);
      views.push({ url, title, viewedAt: new Date(at).toISOString(), durationSec: 5 + Math.floor(random() * 300), visitId: `v${visit}` });
      at += 30_000 + Math.floor(random() * 240_000);
    }
  }
  return views.sort((a, b) => (a.viewedAt < b.viewedAt ? -1 : a.viewedAt > b.viewedAt ? 1 : 0));
}

/**
 * `options.events` content events over the last `options.days` days, across the demo catalog's
 * items (a few popular, most in the long tail) and the generated leads: mostly "suggested", as the
 * side panel records them (one per lead, item and day, under the same id), then opened and copied.
 */
export function* generateContentEvents(options: ScaleOptions): Generator<ContentEvent> {
  // Its own stream, so the events do not change when the profile generator does.
  const random = seededRandom(options.seed ^ 0x5eed);
  const suggestedIds = new Set<string>();
  for (let index = 0; index < options.events; ) {
    const lead = Math.floor(random() * options.profiles);
    const leadKey = scaleLeadKey(lead);
    const contentId = CONTENT_IDS[Math.floor(random() * random() * CONTENT_IDS.length)]!;
    const at = new Date(options.now - Math.floor(random() * options.days * DAY_MS)).toISOString();
    const roll = random();
    const type: ContentEventType = roll < 0.75 ? 'suggested' : roll < 0.92 ? 'opened' : 'link_copied';
    let id = `scale-event-${index}`;
    if (type === 'suggested') {
      id = `suggested:${leadKey}:${contentId}:${at.slice(0, 10)}`;
      if (suggestedIds.has(id)) continue; // the panel would not have recorded it twice
      suggestedIds.add(id);
    }
    const template = templateOf(lead);
    yield {
      id,
      type,
      contentId,
      leadKey,
      at,
      source: { channel: template.source.channel, ...(template.source.campaign !== undefined && { campaign: template.source.campaign }) },
    };
    index++;
  }
}

/** The template's contact preferences with the schema's defaults filled in, as a stored profile has them. */
function contactOf(template: LeadProfile): LeadProfile['contact'] {
  const contact: Partial<LeadProfile['contact']> = template.contact ?? {};
  const filled = { doNotCall: false, doNotEmail: false, ...contact };
  if (contact.bestTime) filled.bestTime = { ...contact.bestTime, weekdaysOnly: contact.bestTime.weekdaysOnly ?? false };
  return filled;
}

function uniquePages(leads: readonly LeadProfile[]): Array<Pick<PageView, 'url' | 'title'>> {
  const byUrl = new Map<string, Pick<PageView, 'url' | 'title'>>();
  for (const lead of leads) for (const view of lead.pageViews) byUrl.set(view.url, { url: view.url, title: view.title });
  return [...byUrl.values()];
}
