// @vitest-environment node
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, TeamStatsSchema } from '@/lib/schema/rest-api';
import { createApp } from './app';
import type { Database } from './db/database';
import { openTestDatabase } from './test-support/database';
import { client } from './test-support/http';
import { contentItem, createTestTeam, deliveryBody, event, profile, storeMarketingData, verdict, type TestTeam } from './test-support/team';

/**
 * A token of one team never reaches another team's data, and bad requests (a stale token, malformed
 * or oversized bodies, unknown paths) get a clear 4xx JSON error, store nothing, and leave the
 * server answering.
 */
let database: Database;
let app: Hono;
let teamA: TestTeam;
let teamB: TestTeam;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ database, rateLimit: false });
  teamA = await createTestTeam(database, 'Team A');
  teamB = await createTestTeam(database, 'Team B');
  await storeMarketingData(database, teamA.teamId, {
    profiles: [profile('secret-lead', { name: 'Alice Secret', crmIds: { salesforce: 'A-REC-1' } })],
    content: [contentItem('a-only')],
  });
  await client(app, teamA.users.rep.token).post(
    '/v1/deliveries',
    deliveryBody([verdict('a-lead', 'good_fit', '2026-12-01T10:00:00Z'), event('opened', 'a-only', '2026-12-01T10:00:00Z', { id: 'shared-id' })]),
  );
});
afterAll(() => database.close());

const rowCount = async (table: 'deliveries' | 'feedback' | 'content_events' | 'profiles' | 'content', teamId: string) =>
  (await database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).where('team_id', '=', teamId).executeTakeFirstOrThrow()).n;

async function expectError(response: Response, status: number, message: RegExp) {
  expect(response.status).toBe(status);
  const body = ErrorBodySchema.parse(await response.json());
  expect(body.error).toMatch(message);
}

describe('a token of team B', () => {
  it("cannot read team A's profiles by record id, e-mail, id or search", async () => {
    const b = client(app, teamB.users.admin.token);
    await expectError(await b.get('/v1/profiles?crm=salesforce&recordId=A-REC-1&email=secret-lead@prospect.example'), 404, /does not know/);
    await expectError(await b.get('/v1/profiles/secret-lead'), 404, /No such profile/);
    expect(await (await b.get('/v1/profiles/search?q=alice')).json()).toEqual({ results: [] });
    // Team A's own token does find it: the lead exists.
    expect((await client(app, teamA.users.rep.token).get('/v1/profiles/secret-lead')).status).toBe(200);
  });

  it("sees neither team A's catalog nor its stats", async () => {
    const b = client(app, teamB.users.marketer.token);
    expect(await (await b.get('/v1/content')).json()).toEqual({ items: [], nextCursor: null });
    const stats = TeamStatsSchema.parse(await (await b.get('/v1/stats')).json());
    expect(stats).toEqual({ content: [], leadQuality: [], team: { name: 'Team B', reps: 0 }, requests: [] });
  });

  it("stores its own delivery with an id team A used, without touching team A's", async () => {
    const before = await database.db.selectFrom('deliveries').select('payload').where('team_id', '=', teamA.teamId).where('id', '=', 'shared-id').executeTakeFirstOrThrow();
    const answer = await client(app, teamB.users.rep.token).post('/v1/deliveries', deliveryBody([event('suggested', 'b-item', '2026-12-01T11:00:00Z', { id: 'shared-id' })]));
    expect(await answer.json()).toEqual({ results: [{ id: 'shared-id', status: 'stored' }] });
    const after = await database.db.selectFrom('deliveries').select('payload').where('team_id', '=', teamA.teamId).where('id', '=', 'shared-id').executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const statsA = TeamStatsSchema.parse(await (await client(app, teamA.users.marketer.token).get('/v1/stats')).json());
    expect(statsA.content.find((row) => row.contentId === 'b-item')).toBeUndefined();
  });
});

describe('bad credentials', () => {
  it('refuses an expired token, saying so', async () => {
    await database.db.updateTable('tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', teamA.users.rep2.id).execute();
    await expectError(await client(app, teamA.users.rep2.token).get('/v1/content'), 401, /expired/);
    await expectError(await client(app, teamA.users.rep2.token).post('/v1/deliveries', deliveryBody([event('opened', 'x', '2026-12-01T10:00:00Z')])), 401, /expired/);
  });

  it('refuses a revoked token, saying so, and a disabled user', async () => {
    await database.db.updateTable('tokens').set({ revoked_at: new Date() }).where('user_id', '=', teamB.users.rep2.id).execute();
    await expectError(await client(app, teamB.users.rep2.token).get('/v1/content'), 401, /revoked/);
    await database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', teamB.users.marketer.id).execute();
    await expectError(await client(app, teamB.users.marketer.token).get('/v1/stats'), 401, /disabled/);
  });
});

describe('bad input', () => {
  it('answers malformed, mistyped, oversized bodies and unknown paths with a 4xx JSON error, stores nothing, and keeps serving', async () => {
    const rep = client(app, teamA.users.rep.token);
    const before = { deliveries: await rowCount('deliveries', teamA.teamId), feedback: await rowCount('feedback', teamA.teamId), events: await rowCount('content_events', teamA.teamId) };

    await expectError(await rep.post('/v1/deliveries', '{"items": [{"kind": "event",'), 400, /Malformed JSON/);
    await expectError(await rep.post('/v1/deliveries', 'items=1', { 'Content-Type': 'application/x-www-form-urlencoded' }), 400, /Content-Type: application\/json/);
    await expectError(await rep.post('/v1/deliveries', '[]'), 400, /Invalid request body/);
    await expectError(await rep.post('/v1/deliveries', JSON.stringify({ items: [{ kind: 'event', id: 'big', item: { pad: 'x'.repeat(2 * 1024 * 1024) } }] })), 413, /too large/);
    await expectError(await rep.get('/v1/no-such-thing'), 404, /No such endpoint: GET \/v1\/no-such-thing/);
    await expectError(await app.request('/nowhere'), 404, /No such endpoint/);
    await expectError(await rep.post('/v1/profiles', {}), 404, /No such endpoint: POST/);

    expect({ deliveries: await rowCount('deliveries', teamA.teamId), feedback: await rowCount('feedback', teamA.teamId), events: await rowCount('content_events', teamA.teamId) }).toEqual(before);
    expect((await rep.get('/v1/content')).status).toBe(200);
    expect(await (await app.request('/healthz')).json()).toMatchObject({ ok: true });
  });

  it('answers an oversized body sent without a length (chunked) with 413 too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await app.request('/v1/deliveries', {
      method: 'POST',
      headers: { Authorization: `Bearer ${teamA.users.rep.token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectError(response, 413, /too large/);
  });
});

describe('CORS', () => {
  it('lets extension origins read answers, and no web page', async () => {
    const preflight = (origin: string) =>
      app.request('/v1/content', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect((await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).headers.get('Access-Control-Allow-Origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect((await preflight('moz-extension://0b5e7c1a-1111-2222-3333-444455556666')).headers.get('Access-Control-Allow-Origin')).toBe('moz-extension://0b5e7c1a-1111-2222-3333-444455556666');
    for (const origin of ['https://evil.example', 'null', 'chrome-extension://abc.evil.example']) {
      expect((await preflight(origin)).headers.get('Access-Control-Allow-Origin')).toBeNull();
    }
  });
});

describe('health', () => {
  it('answers 503 with a JSON error when the database is gone, so a balancer routes around it', async () => {
    const lost = await openTestDatabase();
    const orphan = createApp({ database: lost });
    expect((await orphan.request('/healthz')).status).toBe(200);
    await lost.close();
    const response = await orphan.request('/healthz');
    expect(response.status).toBe(503);
    expect(ErrorBodySchema.parse(await response.json()).error).toBe('The database is unreachable.');
  });
});
