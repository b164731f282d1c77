// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  ContentPageSchema,
  DeliveryResponseSchema,
  ErrorBodySchema,
  FieldSignalsSchema,
  ProfileResponseSchema,
  ProfileSearchResponseSchema,
  TeamStatsSchema,
} from '@/lib/schema/rest-api';
import { RequestStatusesResponseSchema } from '@/lib/schema/dashboard';
import { createApp } from './app';
import type { Database } from './db/database';
import { setTeamSource } from './sources/manage';
import { SECRETS_KEY_ENV } from './sources/secrets-crypto';
import { fakeVendors, HUBSPOT_TOKEN } from './sources/testing/fake-vendors';
import { openTestDatabase } from './test-support/database';
import { client } from './test-support/http';
import { contentItem, createTestTeam, deliveryBody, event, profile, request, storeMarketingData, verdict, type TestTeam } from './test-support/team';

/**
 * Every path and status code of docs/api/openapi.json, exercised in-process against the server,
 * success bodies checked with the contract's zod schemas and error bodies with ErrorBodySchema. Each
 * check records which test covered which pair; the last test walks the document and fails on a pair
 * no test covered.
 */
const DOCUMENT = JSON.parse(readFileSync('docs/api/openapi.json', 'utf8')) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

const SUCCESS: Record<string, z.ZodType> = {
  '/profiles': ProfileResponseSchema,
  '/profiles/{id}': ProfileResponseSchema,
  '/profiles/search': ProfileSearchResponseSchema,
  '/content': ContentPageSchema,
  '/deliveries': DeliveryResponseSchema,
  '/stats': TeamStatsSchema,
  '/requests/status': RequestStatusesResponseSchema,
  '/field-signals': FieldSignalsSchema,
};

/** `GET /profiles 404` → the test that covered it. */
const covered = new Map<string, string>();

async function check(response: Response, method: 'get' | 'post', path: string, status: number) {
  const body = (await response.json()) as unknown;
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  const schema = status === 200 ? SUCCESS[path]! : ErrorBodySchema;
  const parsed = schema.safeParse(body);
  expect(parsed.success, `${method} ${path} ${status}: ${JSON.stringify(body)}`).toBe(true);
  covered.set(`${method.toUpperCase()} ${path} ${status}`, expect.getState().currentTestName ?? '?');
  return body as never;
}

let database: Database;
let app: Hono;
let team: TestTeam;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ database });
  team = await createTestTeam(database, 'Contract');
  await storeMarketingData(database, team.teamId, {
    profiles: [profile('p1', { name: 'Priya Raman', company: 'Ledgerly', crmIds: { salesforce: '00Q8d00000XyZ1aEAF' } }), profile('p2', { name: 'Ben Okafor' })],
    content: [contentItem('c1'), contentItem('c2'), contentItem('c3')],
  });
});
afterAll(() => database.close());

describe('GET /profiles', () => {
  it('finds a lead by CRM record id (200), by e-mail when the id is unknown, and says 404 when marketing does not know the person', async () => {
    const api = client(app, team.users.rep.token);
    const byRecord = await check(await api.get('/v1/profiles?crm=salesforce&recordId=00Q8d00000XyZ1aEAF'), 'get', '/profiles', 200);
    expect(byRecord).toMatchObject({ profile: { id: 'p1' } });
    // Salesforce's 15-character form of the same id finds the same lead.
    expect(await (await api.get('/v1/profiles?crm=salesforce&recordId=00Q8d00000XyZ1a')).json()).toMatchObject({ profile: { id: 'p1' } });
    const byEmail = await check(await api.get('/v1/profiles?crm=hubspot&recordId=999&email=P2@Prospect.example'), 'get', '/profiles', 200);
    expect(byEmail).toMatchObject({ profile: { id: 'p2' } });
    const unknown = await check(await api.get('/v1/profiles?crm=hubspot&recordId=999&email=nobody@prospect.example'), 'get', '/profiles', 404);
    expect(unknown).toEqual({ error: 'Marketing does not know this person.' });
  });

  it('answers 400 naming the parameter for a missing record id or an unknown CRM', async () => {
    const api = client(app, team.users.rep.token);
    expect(await check(await api.get('/v1/profiles?crm=salesforce'), 'get', '/profiles', 400)).toMatchObject({ error: expect.stringContaining('recordId') });
    expect(await check(await api.get('/v1/profiles?crm=myspace&recordId=1'), 'get', '/profiles', 400)).toMatchObject({ error: expect.stringContaining('crm') });
  });
});

describe('GET /profiles/{id}', () => {
  it('answers the profile by id, and 404 for an id this team does not have', async () => {
    const api = client(app, team.users.marketer.token);
    expect(await check(await api.get('/v1/profiles/p2'), 'get', '/profiles/{id}', 200)).toMatchObject({ profile: { id: 'p2', name: 'Ben Okafor' } });
    expect(await check(await api.get('/v1/profiles/nope'), 'get', '/profiles/{id}', 404)).toEqual({ error: 'No such profile.' });
  });
});

describe('GET /profiles/search', () => {
  it('matches name, e-mail or company, best first, and answers no results for an empty query', async () => {
    const api = client(app, team.users.rep.token);
    const found = await check(await api.get('/v1/profiles/search?q=ledger'), 'get', '/profiles/search', 200);
    expect(found).toEqual({ results: [{ id: 'p1', name: 'Priya Raman', email: 'p1@prospect.example', company: 'Ledgerly' }] });
    expect(await check(await api.get('/v1/profiles/search?q='), 'get', '/profiles/search', 200)).toEqual({ results: [] });
    expect(await check(await api.get('/v1/profiles/search'), 'get', '/profiles/search', 400)).toMatchObject({ error: expect.stringContaining('q') });
  });
});

describe('GET /content', () => {
  it('pages through the catalog in order with an opaque cursor', async () => {
    const api = client(app, team.users.rep.token);
    const first = await check(await api.get('/v1/content?limit=2'), 'get', '/content', 200);
    expect(first).toMatchObject({ items: [{ id: 'c1' }, { id: 'c2' }], nextCursor: expect.any(String) });
    const second = await check(await api.get(`/v1/content?limit=2&cursor=${(first as { nextCursor: string }).nextCursor}`), 'get', '/content', 200);
    expect(second).toMatchObject({ items: [{ id: 'c3' }], nextCursor: null });
  });

  it('answers 400 for a limit over 100 or a cursor it did not give out', async () => {
    const api = client(app, team.users.rep.token);
    expect(await check(await api.get('/v1/content?limit=101'), 'get', '/content', 400)).toMatchObject({ error: expect.stringContaining('limit') });
    expect(await check(await api.get('/v1/content?cursor=forged'), 'get', '/content', 400)).toMatchObject({ error: expect.stringContaining('cursor') });
  });
});

describe('POST /deliveries', () => {
  it('stores each item once and answers one result per item', async () => {
    const api = client(app, team.users.rep.token);
    const body = deliveryBody([verdict('lead-1', 'good_fit', '2026-12-01T10:00:00Z'), event('opened', 'c1', '2026-12-01T10:01:00Z')]);
    const answer = await check(await api.post('/v1/deliveries', body), 'post', '/deliveries', 200);
    expect(answer).toEqual({ results: body.items.map(({ id }) => ({ id, status: 'stored' })) });
    expect(await check(await api.post('/v1/deliveries', { items: [] }), 'post', '/deliveries', 200)).toEqual({ results: [] });
  });

  it('answers 400 for a body that is not JSON, over 100 items, or an item without an id', async () => {
    const api = client(app, team.users.rep.token);
    expect(await check(await api.post('/v1/deliveries', '{"items": ['), 'post', '/deliveries', 400)).toEqual({ error: 'Malformed JSON in request body', code: 'server.invalidRequest', detail: 'Malformed JSON in request body' });
    const many = deliveryBody(Array.from({ length: 101 }, () => event('opened', 'c1', '2026-12-01T10:00:00Z')));
    expect(await check(await api.post('/v1/deliveries', many), 'post', '/deliveries', 400)).toMatchObject({ error: expect.stringContaining('At most 100') });
    expect(await check(await api.post('/v1/deliveries', { items: [{ kind: 'event' }] }), 'post', '/deliveries', 400)).toMatchObject({ error: expect.stringContaining('items.0.id') });
  });

  it('answers 403 to a marketer: only reps and admins give feedback', async () => {
    const api = client(app, team.users.marketer.token);
    const answer = await check(await api.post('/v1/deliveries', deliveryBody([event('opened', 'c1', '2026-12-01T10:00:00Z')])), 'post', '/deliveries', 403);
    expect(answer).toMatchObject({ error: expect.stringContaining('rep or admin') });
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const api = client(app, team.users.rep.token);
    const huge = JSON.stringify({ items: [], padding: 'x'.repeat(1024 * 1024) });
    expect(await check(await api.post('/v1/deliveries', huge), 'post', '/deliveries', 413)).toMatchObject({ error: expect.stringContaining('too large') });
  });
});

describe('GET /stats', () => {
  it('answers the team numbers, all time and since an instant', async () => {
    const api = client(app, team.users.marketer.token);
    const all = await check(await api.get('/v1/stats'), 'get', '/stats', 200);
    expect(all).toMatchObject({ team: { name: 'Contract', reps: 1 } });
    const later = await check(await api.get('/v1/stats?since=2026-12-02T00:00:00Z'), 'get', '/stats', 200);
    expect(later).toMatchObject({ team: { reps: 0 }, leadQuality: [] });
  });

  it('answers 400 for a since that is not an ISO date-time', async () => {
    const api = client(app, team.users.marketer.token);
    expect(await check(await api.get('/v1/stats?since=yesterday'), 'get', '/stats', 400)).toMatchObject({ error: expect.stringContaining('since') });
  });
});

describe('GET /requests/status', () => {
  it("answers the statuses of the caller's own content requests and prospect questions, not another rep's", async () => {
    const mine = request('lead-r', 'content_request', 'A SOC 2 one-pager, please', '2026-11-01T10:00:00Z');
    const theirs = request('lead-r', 'prospect_question', 'Do you do SSO?', '2026-11-01T11:00:00Z');
    await client(app, team.users.rep.token).post('/v1/deliveries', deliveryBody([mine]));
    await client(app, team.users.rep2.token).post('/v1/deliveries', deliveryBody([theirs]));
    const answer = await check(await client(app, team.users.rep.token).get('/v1/requests/status'), 'get', '/requests/status', 200);
    expect(answer).toEqual({ statuses: [{ id: mine.id, status: 'new', content: null, changedAt: null }] });
  });
});

describe('GET /field-signals', () => {
  it("answers the team's ratings per item and segment of leads (server/field-signals.test.ts counts them)", async () => {
    const answer = await check(await client(app, team.users.rep.token).get('/v1/field-signals'), 'get', '/field-signals', 200);
    expect(answer).toMatchObject({ signals: expect.any(Array) });
  });
});

describe("the team's marketing system behind the profile paths", () => {
  it("answers 502 with the vendor's own words when the server has no match and the team's HubSpot fails", async () => {
    const savedKey = process.env[SECRETS_KEY_ENV];
    process.env[SECRETS_KEY_ENV] = randomBytes(32).toString('base64');
    const vendors = fakeVendors();
    try {
      const withVendor = await createTestTeam(database, 'Contract with HubSpot');
      await setTeamSource(database, withVendor.teamId, { kind: 'hubspot', config: {}, secrets: { token: HUBSPOT_TOKEN } });
      vendors.unauthorized = true;
      const api = client(app, withVendor.users.rep.token);
      const calls = [
        ['/profiles', '/v1/profiles?crm=hubspot&recordId=51001'],
        ['/profiles/{id}', '/v1/profiles/51001'],
        ['/profiles/search', '/v1/profiles/search?q=priya'],
      ] as const;
      for (const [path, url] of calls) expect(await check(await api.get(url), 'get', path, 502)).toEqual({ error: expect.stringMatching(/^HubSpot answered 401: /) });
    } finally {
      vi.unstubAllGlobals();
      if (savedKey === undefined) delete process.env[SECRETS_KEY_ENV];
      else process.env[SECRETS_KEY_ENV] = savedKey;
    }
  });
});

describe('every path', () => {
  const calls: ['get' | 'post', string, string][] = [
    ['get', '/profiles', '/v1/profiles?crm=salesforce&recordId=1'],
    ['get', '/profiles/{id}', '/v1/profiles/p1'],
    ['get', '/profiles/search', '/v1/profiles/search?q=a'],
    ['get', '/content', '/v1/content'],
    ['post', '/deliveries', '/v1/deliveries'],
    ['get', '/stats', '/v1/stats'],
    ['get', '/requests/status', '/v1/requests/status'],
    ['get', '/field-signals', '/v1/field-signals'],
  ];

  it.each(calls)('%s %s answers 401 without a token, with an unknown one, or a malformed header', async (method, path, url) => {
    for (const api of [client(app), client(app, 'lsk_not-a-real-token')]) {
      const response = method === 'get' ? await api.get(url) : await api.post(url, { items: [] });
      await check(response, method, path, 401);
      expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
    }
    const basic = await app.request(url, { method: method.toUpperCase(), headers: { Authorization: 'Basic abc' } });
    expect(await check(basic, method, path, 401)).toMatchObject({ error: expect.stringContaining('Bearer') });
  });

  it.each(calls)('%s %s answers 429 with Retry-After when the token is over its rate limit', async (method, path, url) => {
    const limited = createApp({ database, rateLimit: { burst: 2, perSecond: 0.01 } });
    const api = client(limited, team.users.admin.token);
    const call = () => (method === 'get' ? api.get(url) : api.post(url, { items: [] }));
    await call();
    await call();
    const response = await call();
    expect(response.headers.get('Retry-After')).toMatch(/^\d+$/);
    await check(response, method, path, 429);
  });
});

describe('the OpenAPI document', () => {
  it('has every path and status code covered by a test above', () => {
    const pairs = Object.entries(DOCUMENT.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => Object.keys(operation.responses).map((status) => `${method.toUpperCase()} ${path} ${status}`)),
    );
    expect(pairs.length).toBeGreaterThan(20);
    const missing = pairs.filter((pair) => !covered.has(pair));
    expect(missing, 'path/status pairs without a test').toEqual([]);
    // The coverage table, for whoever wonders which test proves a pair.
    for (const pair of pairs) expect(covered.get(pair)).toBeTruthy();
  });

  it('is served at /openapi.json with this server as its base, and rendered at /docs without a CDN', async () => {
    const served = (await (await app.request('/openapi.json')).json()) as { paths: unknown; servers: { url: string }[] };
    expect(served.paths).toEqual(DOCUMENT.paths);
    expect(served.servers).toEqual([{ url: '/v1', description: 'This Leadside server' }]);
    const page = await (await app.request('/docs')).text();
    expect(page).toContain('/docs/swagger-ui-bundle.js');
    expect(page).not.toMatch(/https?:\/\//);
    const bundle = await app.request('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const init = await (await app.request('/docs/init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
  });

  it('reports health at /healthz', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true, database: database.dialect });
  });
});
