import { randomUUID } from 'node:crypto';
import type { ContentEvent, ContentItem, FeedbackItem, LeadProfile } from '@/lib/schema';
import { addTeam, addUser, issueToken } from '../admin/accounts';
import type { Database } from '../db/database';
import { storeRecords } from '../import/store-import';

export interface TestTeam {
  teamId: string;
  users: Record<'rep' | 'rep2' | 'marketer' | 'admin', { id: string; token: string; name: string }>;
}

/** A team with two reps, a marketer and an admin, each with a token valid for a day. */
export async function createTestTeam(database: Database, name: string): Promise<TestTeam> {
  const teamId = await addTeam(database, name);
  const users = {} as TestTeam['users'];
  const people = [
    ['rep', 'rep', `Rep of ${name}`],
    ['rep2', 'rep', `Second rep of ${name}`],
    ['marketer', 'marketer', `Marketer of ${name}`],
    ['admin', 'admin', `Admin of ${name}`],
  ] as const;
  for (const [key, role, userName] of people) {
    const email = `${key}@${name.toLowerCase().replace(/\W+/g, '-')}.example`;
    const id = await addUser(database, teamId, { email, role, name: userName });
    users[key] = { id, name: userName, token: (await issueToken(database, { email, teamId, days: 1 })).token };
  }
  return { teamId, users };
}

export const profile = (id: string, extra: Partial<LeadProfile> = {}): LeadProfile => ({
  id,
  email: `${id}@prospect.example`,
  name: `Person ${id}`,
  company: `Company of ${id}`,
  crmIds: {},
  source: { channel: 'paid_search', utm: {} },
  pageViews: [],
  problems: [],
  contact: { doNotCall: false, doNotEmail: false },
  highIntent: [],
  ...extra,
});

export const contentItem = (id: string, extra: Partial<ContentItem> = {}): ContentItem => ({
  id,
  title: `Title of ${id}`,
  type: 'case_study',
  url: `https://content.example/${id}`,
  summary: '',
  topics: [],
  industries: [],
  personas: [],
  stages: [],
  ...extra,
});

/** Stores profiles and content for a team, as an import would. */
export async function storeMarketingData(database: Database, teamId: string, data: { profiles?: LeadProfile[]; content?: ContentItem[] }) {
  await storeRecords(database.db, teamId, { profiles: data.profiles ?? [], pageViews: [], content: data.content ?? [] });
}

export const lead = (key: string, extra: Partial<FeedbackItem['lead']> = {}): FeedbackItem['lead'] => ({ key, crm: 'salesforce', recordId: `rec-${key}`, name: `Lead ${key}`, ...extra });

export function verdict(leadKey: string, verdictName: 'good_fit' | 'demo_booked' | 'not_ready' | 'not_a_fit' | 'bad_data', createdAt: string, source: FeedbackItem['source'] = {}): FeedbackItem {
  return { id: randomUUID(), createdAt, lead: lead(leadKey), source, kind: 'verdict', verdict: verdictName, reasons: [] };
}

export function rating(leadKey: string, contentId: string, useful: boolean, createdAt: string): FeedbackItem {
  return { id: randomUUID(), createdAt, lead: lead(leadKey), source: {}, kind: 'content_rating', contentId, useful };
}

export function request(leadKey: string, kind: 'content_request' | 'prospect_question', text: string, createdAt: string): FeedbackItem {
  return { id: randomUUID(), createdAt, lead: lead(leadKey), source: {}, kind, text };
}

export function event(type: ContentEvent['type'], contentId: string, at: string, extra: Partial<ContentEvent> = {}): ContentEvent {
  return { id: randomUUID(), type, contentId, at, source: {}, ...extra };
}

/** The body of POST /deliveries for some feedback and events. */
export function deliveryBody(items: (FeedbackItem | ContentEvent)[]) {
  return {
    items: items.map((item) => ('kind' in item ? { kind: 'feedback' as const, id: item.id, item } : { kind: 'event' as const, id: item.id, item })),
  };
}
