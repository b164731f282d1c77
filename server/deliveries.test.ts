// @vitest-environment node
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryResponseSchema } from '@/lib/schema/rest-api';
import { createApp } from './app';
import type { Database } from './db/database';
import { openTestDatabase } from './test-support/database';
import { client } from './test-support/http';
import { createTestTeam, deliveryBody, event, request, verdict, type TestTeam } from './test-support/team';

let database: Database;
let app: Hono;
let team: TestTeam;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ database, rateLimit: false });
  team = await createTestTeam(database, 'Exactly once');
});
afterAll(() => database.close());

const count = async (table: 'deliveries' | 'feedback' | 'content_events', id: string) =>
  (await database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).where('team_id', '=', team.teamId).where('id', '=', id).executeTakeFirstOrThrow()).n;

const deliver = async (token: string, body: unknown) => DeliveryResponseSchema.parse(await (await client(app, token).post('/v1/deliveries', body)).json());

describe('deliveries', () => {
  it('store an id once: the same item again is a duplicate, counted once everywhere', async () => {
    const item = event('opened', 'c1', '2026-12-01T10:00:00Z');
    const body = deliveryBody([item]);
    expect((await deliver(team.users.rep.token, body)).results).toEqual([{ id: item.id, status: 'stored' }]);
    expect((await deliver(team.users.rep.token, body)).results).toEqual([{ id: item.id, status: 'duplicate' }]);
    // Another rep of the team sending the same id (a shared outbox export, a replay) is a duplicate too.
    expect((await deliver(team.users.rep2.token, body)).results).toEqual([{ id: item.id, status: 'duplicate' }]);
    expect(await count('deliveries', item.id)).toBe(1);
    expect(await count('content_events', item.id)).toBe(1);
    const daily = await database.db.selectFrom('content_daily').select(['opened', 'user_id']).where('team_id', '=', team.teamId).where('content_id', '=', 'c1').execute();
    expect(daily).toEqual([{ opened: 1, user_id: team.users.rep.id }]);
  });

  it('keep the payload byte for byte as it was validated, with the caller as the rep', async () => {
    const item = verdict('lead-9', 'demo_booked', '2026-12-01T11:00:00.123Z', { channel: 'webinar', campaign: 'Q4 – “Ünïcode” webinar' });
    await deliver(team.users.rep2.token, deliveryBody([item]));
    const row = await database.db.selectFrom('deliveries').select(['payload', 'user_id', 'kind']).where('team_id', '=', team.teamId).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ payload: JSON.stringify(item), user_id: team.users.rep2.id, kind: 'feedback' });
    const feedback = await database.db.selectFrom('feedback').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(feedback).toMatchObject({ user_id: team.users.rep2.id, lead_key: 'lead-9', verdict: 'demo_booked', channel: 'webinar', campaign: 'Q4 – “Ünïcode” webinar' });
  });

  it('answer the second of two items with one id in a batch as a duplicate', async () => {
    const item = request('lead-3', 'content_request', 'A SOC 2 one-pager in German', '2026-12-01T12:00:00Z');
    const body = deliveryBody([item, item]);
    expect((await deliver(team.users.rep.token, body)).results).toEqual([
      { id: item.id, status: 'stored' },
      { id: item.id, status: 'duplicate' },
    ]);
    expect(await count('feedback', item.id)).toBe(1);
  });

  it('reject an invalid item with the reason and still store the rest of the batch', async () => {
    const good = event('link_copied', 'c2', '2026-12-01T13:00:00Z');
    const body = { items: [{ kind: 'event', id: 'bad-1', item: { id: 'bad-1', type: 'teleported', contentId: 'c2', at: 'noon' } }, ...deliveryBody([good]).items] };
    const { results } = await deliver(team.users.rep.token, body);
    expect(results[0]).toMatchObject({ id: 'bad-1', status: 'rejected', error: expect.stringMatching(/type|at/) });
    expect(results[1]).toEqual({ id: good.id, status: 'stored' });
    expect(await count('deliveries', 'bad-1')).toBe(0);
  });

  it('store each id once when many requests race with the same items', async () => {
    const items = Array.from({ length: 50 }, (_, index) => event('suggested', `race-${index % 5}`, '2026-12-02T09:00:00Z'));
    const body = deliveryBody(items);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => deliver(index % 2 ? team.users.rep.token : team.users.rep2.token, body)));
    for (const item of items) {
      const statuses = answers.map((answer) => answer.results.find((result) => result.id === item.id)?.status);
      expect(statuses.filter((status) => status === 'stored')).toHaveLength(1);
      expect(statuses.filter((status) => status === 'duplicate')).toHaveLength(7);
    }
    const stored = await database.db
      .selectFrom('content_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('team_id', '=', team.teamId)
      .where('content_id', 'like', 'race-%')
      .executeTakeFirstOrThrow();
    expect(stored.n).toBe(50);
    const rolled = await database.db
      .selectFrom('content_daily')
      .select(sql<number>`sum(suggested)::int`.as('n'))
      .where('team_id', '=', team.teamId)
      .where('content_id', 'like', 'race-%')
      .executeTakeFirstOrThrow();
    expect(rolled.n).toBe(50);
  });
});
