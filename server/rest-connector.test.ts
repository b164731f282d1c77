// @vitest-environment node
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRestConnector } from '@/lib/connectors/rest';
import type { OutboxEntry } from '@/lib/connectors/types';
import { RestSourceSchema } from '@/lib/schema/sources';
import { createApp } from './app';
import type { Database } from './db/database';
import { openTestDatabase } from './test-support/database';
import { contentItem, createTestTeam, event, profile, storeMarketingData, verdict, type TestTeam } from './test-support/team';

/**
 * The extension's REST connector (lib/connectors/rest.ts), unchanged, talking to the server: global
 * fetch is routed into the app in-process, at the base URL a team would enter in Options.
 */
let database: Database;
let app: Hono;
let team: TestTeam;
const signal = new AbortController().signal;
const source = RestSourceSchema.parse({ kind: 'rest', baseUrl: 'https://team.example/v1' });

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ database });
  team = await createTestTeam(database, 'Connector');
  await storeMarketingData(database, team.teamId, {
    profiles: [profile('p1', { name: 'Priya Raman', crmIds: { hubspot: '51001' } })],
    // More than one page of 100, so the connector's paging is exercised.
    content: Array.from({ length: 230 }, (_, index) => contentItem(`c${String(index).padStart(3, '0')}`)),
  });
});
afterAll(() => database.close());
afterEach(() => vi.unstubAllGlobals());

const routeFetchToApp = () =>
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => app.fetch(new Request(input, init)));

const entry = (item: OutboxEntry['item'], kind: OutboxEntry['kind']): OutboxEntry =>
  ({ kind, item, id: item.id, attempts: 0, unclear: false }) as OutboxEntry;

describe('the REST connector against the server', () => {
  it('looks up, searches, lists the whole catalog and delivers exactly once', async () => {
    routeFetchToApp();
    const connector = createRestConnector(source, { token: team.users.rep.token });
    expect(await connector.findProfile({ crm: 'hubspot', recordId: '51001' }, signal)).toMatchObject({ id: 'p1', name: 'Priya Raman' });
    expect(await connector.findProfile({ crm: 'hubspot', recordId: '0', email: 'stranger@nowhere.example' }, signal)).toBeNull();
    expect(await connector.getProfile('p1', signal)).toMatchObject({ id: 'p1' });
    expect(await connector.getProfile('missing', signal)).toBeNull();
    expect(await connector.searchProfiles('priya', signal)).toEqual([{ id: 'p1', name: 'Priya Raman', email: 'p1@prospect.example', company: 'Company of p1' }]);

    const catalog = await connector.listContent(signal);
    expect(catalog).toHaveLength(230);
    expect(catalog.map((item) => item.id)).toEqual(Array.from({ length: 230 }, (_, index) => `c${String(index).padStart(3, '0')}`));

    const entries = [entry(verdict('lead-1', 'good_fit', '2026-12-01T10:00:00Z'), 'feedback'), entry(event('opened', 'c001', '2026-12-01T10:00:00Z'), 'event')];
    expect(await connector.deliver(entries, signal)).toEqual(entries.map(({ id }) => ({ id, outcome: 'delivered' })));
    // A resend after a lost answer is delivered (the server says duplicate) and stored once.
    expect(await connector.deliver(entries, signal)).toEqual(entries.map(({ id }) => ({ id, outcome: 'delivered' })));
    const stored = await database.db.selectFrom('deliveries').select('id').where('team_id', '=', team.teamId).execute();
    expect(stored.map((row) => row.id).sort()).toEqual(entries.map(({ id }) => id).sort());
  });

  it('passes Test connection on every capability', async () => {
    routeFetchToApp();
    const checks = await createRestConnector(source, { token: team.users.rep.token }).testConnection(signal);
    expect(checks.map((check) => [check.capability, check.ok])).toEqual([
      ['auth', true],
      ['lookup', true],
      ['content', true],
      ['write', true],
    ]);
    expect(checks.find((check) => check.capability === 'content')?.message).toBe('230 content items');
  });

  it("shows the server's own words for a revoked token", async () => {
    routeFetchToApp();
    await database.db.updateTable('tokens').set({ revoked_at: new Date() }).where('user_id', '=', team.users.rep2.id).execute();
    const connector = createRestConnector(source, { token: team.users.rep2.token });
    await expect(connector.searchProfiles('priya', signal)).rejects.toThrow(/revoked/);
  });
});
