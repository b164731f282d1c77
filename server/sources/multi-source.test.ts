// @vitest-environment node
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackItem } from '@/lib/schema';
import { SourceChangedSchema, SourcesSchema, SyncQueuedSchema, TestConnectionSchema } from '@/lib/schema/dashboard';
import { ErrorBodySchema, ProfileResponseSchema } from '@/lib/schema/rest-api';
import { AdminError } from '../admin/accounts';
import { runCommand } from '../admin/commands';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { listForwards } from '../db/queries/forwards';
import { getTeamSource, listTeamSources, saveVendorContent } from '../db/queries/sources';
import { drainTeamForwards } from '../forwarding/drain';
import { startJobRunner } from '../jobs/runner';
import { signInToDashboard } from '../test-support/dashboard-session';
import { openTestDatabase } from '../test-support/database';
import { client } from '../test-support/http';
import { contentItem, createTestTeam, deliveryBody, lead, verdict, type TestTeam } from '../test-support/team';
import { SOURCE_COMMANDS } from './commands';
import { setTeamSource } from './manage';
import { SECRETS_KEY_ENV } from './secrets-crypto';
import { syncTeamSources } from './sync';
import { fakeVendors, HUBSPOT_TABLE, HUBSPOT_TOKEN, MAUTIC_BASE, MAUTIC_PASSWORD, type FakeVendors } from './testing/fake-vendors';

/**
 * A team reading HubSpot and Mautic at once (issue 15, "More than one system"): one merged lookup,
 * a note instead of a 502 when one system fails, each source synced on its own (own lease, time,
 * error and origin), verdicts to the main source only, and the admin's CLI and dashboard routes.
 * The vendors are the recorded, vendor-shaped fakes the other server tests use.
 */
const savedKey = process.env[SECRETS_KEY_ENV];
let database: Database;
let app: Hono;
let vendors: FakeVendors;
const requestedSyncs: { teamId: string; kind?: string }[] = [];

beforeAll(async () => {
  process.env[SECRETS_KEY_ENV] = randomBytes(32).toString('base64');
  database = await openTestDatabase();
  app = createApp({
    database,
    rateLimit: false,
    jobs: async () => ({
      requestSync: async (teamId: string, kind?: string) => {
        requestedSyncs.push({ teamId, kind });
        return `job-${requestedSyncs.length}`;
      },
    }),
  });
});
afterAll(async () => {
  await database?.close();
  if (savedKey === undefined) delete process.env[SECRETS_KEY_ENV];
  else process.env[SECRETS_KEY_ENV] = savedKey;
});
beforeEach(() => {
  vendors = fakeVendors();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const PRIYA = 'priya.raman@ledgerly.io';
const hubspot = { kind: 'hubspot', config: { contentTableId: HUBSPOT_TABLE, timeoutSeconds: 2 }, secrets: { token: HUBSPOT_TOKEN } };
const mautic = { kind: 'mautic', config: { baseUrl: MAUTIC_BASE, auth: { method: 'basic', username: 'leadside-api' }, timeoutSeconds: 2 }, secrets: { password: MAUTIC_PASSWORD } };

let teams = 0;
/** A team with HubSpot as its main source and Mautic read beside it. */
async function teamWithBoth(): Promise<TestTeam & { get(path: string): Promise<Response> }> {
  const team = await createTestTeam(database, `Both ${++teams}`);
  await setTeamSource(database, team.teamId, hubspot);
  await setTeamSource(database, team.teamId, mautic);
  vendors.calls.length = 0;
  return { ...team, get: async (path: string) => app.request(path, { headers: { Authorization: `Bearer ${team.users.rep.token}` } }) };
}

const hosts = () => [...new Set(vendors.calls.map((call) => call.url.host))].sort();
const activeByOrigin = async (teamId: string) =>
  (await database.db.selectFrom('content').select(['id', 'origin']).where('team_id', '=', teamId).where('retired_at', 'is', null).orderBy('position').execute()).reduce<
    Record<string, string[]>
  >((byOrigin, row) => ({ ...byOrigin, [row.origin ?? 'imported']: [...(byOrigin[row.origin ?? 'imported'] ?? []), row.id] }), {});

describe('a lookup with two sources', () => {
  it('asks both systems, the one that knows leads by e-mail again with the address the other found, and answers one merged profile', async () => {
    const team = await teamWithBoth();
    const response = await team.get('/v1/profiles?crm=hubspot&recordId=51001');
    expect(response.status).toBe(200);
    const { profile } = ProfileResponseSchema.parse(await response.json());
    expect(profile).toMatchObject({ id: '51001', email: PRIYA, crmIds: { hubspot: '51001' } });
    expect(profile.systems?.map((system) => [system.name, system.found, system.error])).toEqual([
      ['HubSpot', true, undefined],
      ['Mautic', true, undefined],
    ]);
    expect(hosts()).toEqual(['api.hubapi.com', 'mautic.keyline.example']);
    // Mautic knows leads by e-mail only: asked again with the one HubSpot's contact has.
    expect(vendors.calls.some((call) => call.url.host === 'mautic.keyline.example' && call.url.searchParams.get('where[0][val]') === PRIYA)).toBe(true);

    // Complete (every system answered): stored, and the next lookup asks no vendor.
    vendors.calls.length = 0;
    const again = ProfileResponseSchema.parse(await (await team.get('/v1/profiles?crm=hubspot&recordId=51001')).json()).profile;
    expect(again.systems).toEqual(profile.systems);
    expect(vendors.calls).toHaveLength(0);
  });

  it('answers with a note when one system fails and another found the lead, stores nothing, and answers 502 only when none answered', async () => {
    const team = await teamWithBoth();
    vendors.unauthorized = 'mautic';
    const path = `/v1/profiles?crm=salesforce&recordId=00Q8d00000XyZ1aEAF&email=${PRIYA}`;
    const response = await team.get(path);
    expect(response.status).toBe(200);
    const { profile } = ProfileResponseSchema.parse(await response.json());
    expect(profile).toMatchObject({ id: '51001', email: PRIYA });
    const [hubspotAnswer, mauticAnswer] = profile.systems ?? [];
    expect(hubspotAnswer).toMatchObject({ name: 'HubSpot', found: true });
    expect(mauticAnswer).toMatchObject({ name: 'Mautic', found: false, error: expect.stringMatching(/401/) });
    expect(mauticAnswer!.error).not.toContain(MAUTIC_PASSWORD);

    // Not stored with Mautic missing: the next lookup asks again, and once Mautic answers the brief is whole.
    vendors.unauthorized = false;
    vendors.calls.length = 0;
    const whole = ProfileResponseSchema.parse(await (await team.get(path)).json()).profile;
    expect(hosts()).toEqual(['api.hubapi.com', 'mautic.keyline.example']);
    expect(whole.systems?.map((system) => [system.name, system.found, system.error])).toEqual([
      ['HubSpot', true, undefined],
      ['Mautic', true, undefined],
    ]);

    // Nobody answered: the vendor's own words, as with one source.
    vendors.unauthorized = true;
    const failed = await team.get(`/v1/profiles?crm=salesforce&recordId=00Q000000000009&email=someone.else@example.com`);
    expect(failed.status).toBe(502);
    expect(ErrorBodySchema.parse(await failed.json()).error).toMatch(/^HubSpot answered 401/);
  });

  it('a source whose stored settings no longer read is a note beside the other, not a failed lookup', async () => {
    const team = await teamWithBoth();
    await database.db.updateTable('team_sources').set({ secrets: 'v1.broken.secret.text', updated_at: new Date() }).where('team_id', '=', team.teamId).where('kind', '=', 'mautic').execute();
    const response = await team.get('/v1/profiles?crm=hubspot&recordId=51001');
    expect(response.status).toBe(200);
    const { profile } = ProfileResponseSchema.parse(await response.json());
    expect(profile.systems?.[1]).toMatchObject({ name: 'Mautic', found: false, error: expect.stringMatching(/secrets/) });
    expect(hosts()).toEqual(['api.hubapi.com']);
  });
});

describe('syncing two sources', () => {
  it('syncs each with its own time, error and origin; one vendor never retires the other’s items', async () => {
    const team = await teamWithBoth();
    const outcomes = await syncTeamSources(database, team.teamId);
    expect(outcomes.map((outcome) => [outcome.kind, 'report' in outcome])).toEqual([
      ['hubspot', true],
      ['mautic', true],
    ]);
    const before = await activeByOrigin(team.teamId);
    expect(before.mautic).toEqual(['mautic-asset-12', 'mautic-asset-14', 'mautic-asset-15', 'mautic-asset-17', 'mautic-asset-18']);
    expect(before.hubspot!.length).toBeGreaterThan(2);
    const [hubspotRow, mauticRow] = await listTeamSources(database.db, team.teamId);
    expect(hubspotRow).toMatchObject({ kind: 'hubspot', position: 0, lastSyncError: null, catalogCount: before.hubspot!.length, syncStartedAt: null });
    expect(mauticRow).toMatchObject({ kind: 'mautic', position: 1, lastSyncError: null, catalogCount: 5, syncStartedAt: null });

    // HubSpot lists fewer items: only HubSpot's are retired.
    vendors.hubdb = 'second-only';
    // Mautic refuses: its error on its row only; the CLI names what synced and what did not, and fails.
    vendors.unauthorized = 'mautic';
    const error = await SOURCE_COMMANDS.sync!(database, { team: team.teamId }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(AdminError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toMatch(/^Synced HubSpot at \S+: \d+ items? listed; 0 added, 0 updated, \d+ unchanged, [1-9]\d* retired\.$/);
    expect(lines[1]).toMatch(/^✗ Mautic did not sync: Mautic \(mautic\.keyline\.example\) answered 401/);
    const after = await activeByOrigin(team.teamId);
    expect(after.mautic).toEqual(before.mautic);
    expect(after.hubspot!.length).toBeLessThan(before.hubspot!.length);
    expect(await getTeamSource(database.db, team.teamId, 'hubspot')).toMatchObject({ lastSyncError: null });
    expect((await getTeamSource(database.db, team.teamId, 'mautic'))!.lastSyncError).toMatch(/answered 401/);

    // One kind alone.
    vendors.unauthorized = false;
    expect(await SOURCE_COMMANDS.sync!(database, { team: team.teamId, kind: 'mautic' })).toEqual([expect.stringMatching(/^Synced Mautic at \S+: 5 items listed; 0 added, 0 updated, 5 unchanged, 0 retired\.$/)]);
    expect(await getTeamSource(database.db, team.teamId, 'mautic')).toMatchObject({ lastSyncError: null });
  });

  it("the job queue syncs one source when asked for its kind, and every source of the team when asked for the team", async () => {
    const team = await teamWithBoth();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const runner = await startJobRunner(database, { pollingIntervalSeconds: 0.5 });
    try {
      const synced = async (kind: 'hubspot' | 'mautic') => (await getTeamSource(database.db, team.teamId, kind))?.lastSyncAt ?? null;
      const until = async (probe: () => Promise<boolean>) => {
        const deadline = Date.now() + 45_000;
        while (!(await probe())) {
          if (Date.now() > deadline) throw new Error('The job did not run within 45 s');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      };
      expect(await runner.requestSync(team.teamId, 'mautic')).toEqual(expect.any(String));
      await until(async () => (await synced('mautic')) !== null);
      expect(await synced('hubspot')).toBeNull();
      expect(await runner.requestSync(team.teamId)).toEqual(expect.any(String));
      await until(async () => (await synced('hubspot')) !== null);
      expect((await activeByOrigin(team.teamId)).hubspot!.length).toBeGreaterThan(0);
    } finally {
      await runner.stop(5_000);
    }
  });

  it('leaves an item the main source already lists (same id or URL) to it, never listed twice', async () => {
    const team = await createTestTeam(database, `Dedup ${++teams}`);
    await saveVendorContent(database.db, team.teamId, 'hubspot', [contentItem('guide', { url: 'https://www.keyline.example/guide' })]);
    const changes = await saveVendorContent(
      database.db,
      team.teamId,
      'mautic',
      [contentItem('mautic-asset-1', { url: 'https://www.keyline.example/guide' }), contentItem('guide'), contentItem('mautic-asset-2', { url: 'https://www.keyline.example/other' })],
      { yieldTo: ['hubspot'] },
    );
    expect(changes).toMatchObject({ added: 1, duplicates: 2, retired: 0 });
    expect(await activeByOrigin(team.teamId)).toEqual({ hubspot: ['guide'], mautic: ['mautic-asset-2'] });
  });
});

describe('forwarding with two sources', () => {
  const deliver = async (team: TestTeam, item: FeedbackItem) => {
    const response = await client(app, team.users.rep.token).post('/v1/deliveries', deliveryBody([item]));
    expect(response.status).toBe(200);
  };
  const forPriya = (item: FeedbackItem): FeedbackItem => ({ ...item, lead: lead(item.lead.key, { email: PRIYA, name: 'Priya Raman' }) });

  it('sends each verdict to the main source only, once; after the admin makes Mautic main, to Mautic', async () => {
    const team = await teamWithBoth();
    const first = forPriya(verdict('a', 'demo_booked', new Date(Date.UTC(2026, 10, 20, 9, 1)).toISOString()));
    await deliver(team, first);
    expect((await listForwards(database.db, team.teamId, ['pending'])).map((row) => row.target)).toEqual(['vendor']);
    expect(await drainTeamForwards(database, team.teamId)).toMatchObject({ sent: 1, failed: 0 });
    expect(vendors.notes.hubspot.filter((note) => note.text.includes(`leadside-id: ${first.id}`))).toHaveLength(1);
    expect(vendors.notes.mautic).toHaveLength(0);

    expect(await SOURCE_COMMANDS['main-source']!(database, { team: team.teamId, kind: 'mautic' })).toEqual([expect.stringMatching(/^Mautic is the main source of team/)]);
    const second = forPriya(verdict('b', 'good_fit', new Date(Date.UTC(2026, 10, 20, 9, 2)).toISOString()));
    await deliver(team, second);
    expect(await drainTeamForwards(database, team.teamId)).toMatchObject({ sent: 1, failed: 0 });
    expect(vendors.notes.mautic.filter((note) => note.text.includes(`leadside-id: ${second.id}`))).toHaveLength(1);
    expect(vendors.notes.hubspot).toHaveLength(1);
  });
});

describe('the admin CLI with two sources', () => {
  it('adds a second kind beside the first, describes both, changes the main one and removes one', async () => {
    const team = await createTestTeam(database, `CLI ${++teams}`);
    const run = (...args: string[]) => runCommand(args[0]!, args.slice(1), async () => ({ ...database, close: async () => undefined }));
    await run('set-source', '--team', team.teamId, '--kind', 'hubspot', '--config', JSON.stringify(hubspot.config), '--secret', `token=${HUBSPOT_TOKEN}`);
    const added = await run('set-source', '--team', team.teamId, '--kind', 'mautic', '--config', JSON.stringify(mautic.config), '--secret', `password=${MAUTIC_PASSWORD}`);
    expect(added.join('\n')).toContain(`Added the Mautic source of team ${team.teamId} (secrets encrypted). It is read beside the main source, HubSpot`);

    const described = (await run('describe-source', '--team', team.teamId)).join('\n');
    expect(described).toMatch(/Source: HubSpot \(main: forwarded verdicts go here\)[\s\S]*Source: Mautic \(read beside the main one\)/);
    expect(described).not.toContain(HUBSPOT_TOKEN);
    expect(described).not.toContain(MAUTIC_PASSWORD);

    // Set again with --main: saved (not added), now first.
    const again = await run('set-source', '--team', team.teamId, '--kind', 'mautic', '--config', JSON.stringify(mautic.config), '--main');
    expect(again.join('\n')).toContain('Saved the Mautic source');
    expect((await run('source', '--team', team.teamId)).join('\n')).toMatch(/Source: Mautic \(main[\s\S]*Source: HubSpot \(read beside/);

    expect((await run('test-source', '--team', team.teamId, '--kind', 'hubspot')).every((line) => line.startsWith('✓') && !line.includes('Mautic'))).toBe(true);
    await expect(run('remove-source', '--team', team.teamId)).rejects.toThrow('Missing --kind (hubspot or mautic).');
    await expect(run('remove-source', '--team', team.teamId, '--kind', 'pipedrive')).rejects.toThrow('--kind must be hubspot or mautic, not "pipedrive".');
    expect(await run('remove-source', '--team', team.teamId, '--kind', 'mautic')).toEqual([
      `Removed the Mautic source of team ${team.teamId}; 0 of its synced catalog items retired.`,
      "HubSpot is the team's main source now.",
    ]);
    await expect(run('remove-source', '--team', team.teamId, '--kind', 'mautic')).rejects.toThrow(`Team ${team.teamId} has no Mautic source to remove.`);
    expect(await listTeamSources(database.db, team.teamId)).toEqual([expect.objectContaining({ kind: 'hubspot', position: 0 })]);
  });
});

describe('the dashboard Sources routes with two sources', () => {
  it('lists both (main first), tests and queues a sync of each on its own, changes the main one and removes one', async () => {
    const team = await createTestTeam(database, `Dashboard ${++teams}`);
    const admin = await signInToDashboard(app, database, { teamId: team.teamId, userId: team.users.admin.id, email: `admin@dashboard-${teams}.example` });
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await admin.call(method, path, body);
      return { status: response.status, json: (await response.json()) as unknown };
    };
    expect((await call('PUT', '/api/sources/hubspot', { config: hubspot.config, secrets: hubspot.secrets })).status).toBe(200);
    expect((await call('PUT', '/api/sources/mautic', { config: mautic.config, secrets: mautic.secrets })).status).toBe(200);
    const listed = SourcesSchema.parse((await call('GET', '/api/sources')).json).sources;
    expect(listed.map((source) => [source.kind, source.main])).toEqual([
      ['hubspot', true],
      ['mautic', false],
    ]);

    vendors.unauthorized = 'mautic';
    expect(TestConnectionSchema.parse((await call('POST', '/api/sources/hubspot/test')).json)).toMatchObject({ ok: true });
    const mauticTest = TestConnectionSchema.parse((await call('POST', '/api/sources/mautic/test')).json);
    expect(mauticTest.ok).toBe(false);
    expect(mauticTest.message).toMatch(/401/);

    requestedSyncs.length = 0;
    const queued = await call('POST', '/api/sources/mautic/sync');
    expect(queued.status).toBe(202);
    expect(SyncQueuedSchema.parse(queued.json).message).toMatch(/^A sync from Mautic is queued/);
    expect(requestedSyncs).toEqual([{ teamId: team.teamId, kind: 'mautic' }]);

    expect(SourceChangedSchema.parse((await call('POST', '/api/sources/mautic/main')).json).message).toMatch(/^Mautic is the main source/);
    expect(SourcesSchema.parse((await call('GET', '/api/sources')).json).sources.map((source) => [source.kind, source.main])).toEqual([
      ['mautic', true],
      ['hubspot', false],
    ]);

    expect(SourceChangedSchema.parse((await call('DELETE', '/api/sources/mautic')).json).message).toMatch(/^Mautic removed; 0 of its synced catalog items retired\. HubSpot is the main source now\.$/);
    expect(SourcesSchema.parse((await call('GET', '/api/sources')).json).sources.map((source) => [source.kind, source.main])).toEqual([['hubspot', true]]);
    expect(await call('DELETE', '/api/sources/mautic')).toMatchObject({ status: 404, json: { error: 'Your team has no Mautic source; its marketing system is HubSpot.' } });
    expect(await call('POST', '/api/sources/mautic/main')).toMatchObject({ status: 404 });
  });
});
