// @vitest-environment node
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackItem, LeadLook } from '@/lib/schema';
import { ErrorBodySchema, FieldSignalsSchema } from '@/lib/schema/rest-api';
import { createApp } from './app';
import type { Database } from './db/database';
import { storeDeliveries, type Delivery } from './db/queries/deliveries';
import { FIELD_WINDOW_DAYS } from '@/lib/suggest/field';
import { fieldSignals } from './db/queries/field-signals';
import { openTestDatabase } from './test-support/database';
import { client } from './test-support/http';
import { contentItem, createTestTeam, event, lead, profile, rating, storeMarketingData, type TestTeam } from './test-support/team';

/**
 * Learning from the field on the server: each lead's latest rating and the opens of an item, counted
 * per segment of leads (industry, persona from the persona field or the job title), for the team of
 * the token only.
 */
let database: Database;
let app: Hono;
let team: TestTeam;
let other: TestTeam;
// Now, not a fixed day: the route counts from the real clock's window.
const NOW = new Date();
const daysAgo = (days: number, hour = 10) => new Date(NOW.getTime() - days * 86_400_000 + (hour - 12) * 3_600_000).toISOString();

const feedback = (item: FeedbackItem): Delivery => ({ kind: 'feedback', id: item.id, item });
const opened = (contentId: string, leadKey: string, at: string): Delivery => {
  const item = event('opened', contentId, at, { leadKey });
  return { kind: 'event', id: item.id, item };
};
/** A rep's first look at a record whose brief found this profile: how an open's lead key finds its lead. */
const look = (leadKey: string, profileId: string, at: string): Delivery => {
  const item: LeadLook = { id: randomUUID(), at, lead: { ...lead(leadKey), profileId }, source: {} };
  return { kind: 'look', id: item.id, item };
};

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ database, rateLimit: false });
  team = await createTestTeam(database, 'Field');
  other = await createTestTeam(database, 'Other field');
  await storeMarketingData(database, team.teamId, {
    profiles: [
      // Found by their CRM records (lead(key) is salesforce rec-<key>), as a rating without a profile id is.
      profile('dispatch', { industry: 'Logistics', title: 'Leiter Disposition', crmIds: { salesforce: 'rec-l1' } }),
      profile('ops', { industry: 'Logistics', persona: 'Operations', crmIds: { salesforce: 'rec-l2' } }),
      profile('store', { industry: 'Retail', title: 'Store manager', crmIds: { salesforce: 'rec-l3' } }),
      // Known only through a rep's look at its record.
      profile('fleet', { industry: 'Logistics', title: 'Fleet operations lead' }),
      profile('old', { industry: 'Logistics', persona: 'Operations', crmIds: { salesforce: 'rec-l5' } }),
      profile('nobody', { crmIds: { salesforce: 'rec-l7' } }),
    ],
    content: [contentItem('alerts'), contentItem('portal')],
  });
  // The other team: the same lead keys, profile ids and items, other ratings. None may leak.
  await storeMarketingData(database, other.teamId, {
    profiles: [profile('dispatch', { industry: 'Banking', crmIds: { salesforce: 'rec-l1' } })],
    content: [contentItem('alerts')],
  });
  const { rep, rep2 } = team.users;
  await storeDeliveries(database.db, team.teamId, rep.id, [
    feedback(rating('l1', 'alerts', true, daysAgo(3))),
    opened('alerts', 'l1', daysAgo(3, 9)),
    opened('alerts', 'l1', daysAgo(2, 9)),
    // l2 changed its rep's mind: only the latest rating of a lead counts.
    feedback(rating('l2', 'alerts', true, daysAgo(5))),
    feedback(rating('l3', 'alerts', true, daysAgo(4))),
    // No profile on the server for l4: a lead like no other.
    feedback(rating('l4', 'alerts', true, daysAgo(4))),
    // Older than the window.
    feedback(rating('l5', 'alerts', true, daysAgo(FIELD_WINDOW_DAYS + 1))),
    look('l6', 'fleet', daysAgo(1, 8)),
    opened('portal', 'l6', daysAgo(1, 9)),
    // A profile with neither industry nor persona says nothing about similar leads.
    feedback(rating('l7', 'portal', false, daysAgo(1))),
  ]);
  await storeDeliveries(database.db, team.teamId, rep2.id, [feedback(rating('l2', 'alerts', false, daysAgo(1)))]);
  await storeDeliveries(database.db, other.teamId, other.users.rep.id, [
    feedback(rating('l1', 'alerts', false, daysAgo(1))),
    feedback(rating('l2', 'alerts', false, daysAgo(1))),
    opened('alerts', 'l1', daysAgo(1)),
  ]);
});
afterAll(() => database.close());

describe('the field signals query', () => {
  it("counts each lead's latest rating and its opens per item and segment, the strongest first", async () => {
    const answer = await fieldSignals(database.db, team.teamId, NOW);
    expect(answer.since).toBe(new Date(NOW.getTime() - FIELD_WINDOW_DAYS * 86_400_000).toISOString());
    expect(answer.signals).toEqual([
      // l1 (Leiter Disposition = Operations) useful and opened twice (one lead), l2 not useful at last.
      { contentId: 'alerts', industry: 'Logistics', persona: 'operations', useful: 1, notUseful: 1, opened: 1 },
      { contentId: 'alerts', industry: 'Retail', useful: 1, notUseful: 0, opened: 0 },
      // l6's open, tied to its lead by the rep's look at the record.
      { contentId: 'portal', industry: 'Logistics', persona: 'operations', useful: 0, notUseful: 0, opened: 1 },
    ]);
  });

  it("counts only the team's own ratings and opens, with its own leads' segments", async () => {
    const answer = await fieldSignals(database.db, other.teamId, NOW);
    expect(answer.signals).toEqual([{ contentId: 'alerts', industry: 'Banking', useful: 0, notUseful: 1, opened: 1 }]);
  });

  it('has nothing for a team without ratings or opens', async () => {
    const empty = await createTestTeam(database, 'Quiet field');
    expect((await fieldSignals(database.db, empty.teamId, NOW)).signals).toEqual([]);
  });
});

describe('GET /v1/field-signals', () => {
  it("answers a rep's token with its team's signals, in the contract's shape", async () => {
    const response = await client(app, team.users.rep2.token).get('/v1/field-signals');
    expect(response.status).toBe(200);
    const body = FieldSignalsSchema.parse(await response.json());
    expect(body.signals.map((signal) => [signal.contentId, signal.industry])).toEqual([
      ['alerts', 'Logistics'],
      ['alerts', 'Retail'],
      ['portal', 'Logistics'],
    ]);
    const theirs = FieldSignalsSchema.parse(await (await client(app, other.users.admin.token).get('/v1/field-signals')).json());
    expect(theirs.signals.map((signal) => signal.industry)).toEqual(['Banking']);
  });

  it('refuses a request without a valid token, saying why', async () => {
    const response = await client(app).get('/v1/field-signals');
    expect(response.status).toBe(401);
    expect(ErrorBodySchema.parse(await response.json()).error).toMatch(/token/i);
  });
});
