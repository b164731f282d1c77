import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addTeam } from '../admin/accounts';
import type { Database } from '../db/database';
import { getTeamSource } from '../db/queries/sources';
import { openTestDatabase } from '../test-support/database';
import { setTeamSource } from '../sources/manage';
import { SECRETS_KEY_ENV } from '../sources/secrets-crypto';
import { SYNC_QUEUE, SYNC_SCHEDULE } from '../sources/sync-job';
import { fakeVendors, HUBSPOT_TABLE, HUBSPOT_TOKEN, MAUTIC_BASE, MAUTIC_PASSWORD, type FakeVendors } from '../sources/testing/fake-vendors';
import { startJobRunner, type JobRunner } from './runner';

const savedKey = process.env[SECRETS_KEY_ENV];
let database: Database | undefined;
let runner: JobRunner | undefined;
let vendors: FakeVendors;

beforeEach(() => {
  process.env[SECRETS_KEY_ENV] = randomBytes(32).toString('base64');
  vendors = fakeVendors();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(async () => {
  await runner?.stop(5_000);
  await database?.close();
  runner = undefined;
  database = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  if (savedKey === undefined) delete process.env[SECRETS_KEY_ENV];
  else process.env[SECRETS_KEY_ENV] = savedKey;
});

/** Polls until `probe` answers something truthy (the worker runs on its own schedule). */
async function eventually<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const activeCatalog = async (db: Database, teamId: string) =>
  (await db.db.selectFrom('content').select('id').where('team_id', '=', teamId).where('retired_at', 'is', null).orderBy('position').execute()).map((row) => row.id);

describe('the sync-source job queue (pg-boss on the server database)', () => {
  it('runs an on-demand sync end to end, and schedules every team every 15 minutes', async () => {
    database = await openTestDatabase();
    const teamId = await addTeam(database, 'Synced team');
    await setTeamSource(database, teamId, { kind: 'hubspot', config: { contentTableId: HUBSPOT_TABLE }, secrets: { token: HUBSPOT_TOKEN } });
    vendors.calls.length = 0;
    runner = await startJobRunner(database, { pollingIntervalSeconds: 0.5 });

    const jobId = await runner.requestSync(teamId);
    expect(jobId).toEqual(expect.any(String));
    const synced = await eventually(async () => (await getTeamSource(database!.db, teamId))?.lastSyncAt);
    expect(synced).toBeInstanceOf(Date);
    expect(await getTeamSource(database.db, teamId)).toMatchObject({ lastSyncError: null, syncStartedAt: null });
    expect((await activeCatalog(database, teamId)).length).toBeGreaterThan(2);
    expect(vendors.calls.some((call) => call.url.pathname === `/cms/v3/hubdb/tables/${HUBSPOT_TABLE}/rows`)).toBe(true);
    const job = await eventually(async () => {
      const found = await runner!.boss.getJobById<{ teamId: string }>(SYNC_QUEUE, jobId!);
      return found?.state === 'completed' ? found : undefined;
    });
    expect(job.data).toEqual({ teamId });
    expect(job.singletonKey).toBe(teamId);

    const schedules = await sql<{ name: string; cron: string }>`select name, cron from pgboss.schedule`.execute(database.db);
    // (The forward queue's sweep has a schedule of its own: server/forwarding.)
    expect(schedules.rows.filter((row) => row.name === SYNC_QUEUE)).toEqual([{ name: SYNC_QUEUE, cron: SYNC_SCHEDULE }]);

    // One waiting job per team, whoever sends it (the worker is stopped so none is taken meanwhile);
    // another team's job is not held up.
    await runner.boss.offWork(SYNC_QUEUE);
    expect(await runner.boss.send(SYNC_QUEUE, { teamId }, { singletonKey: teamId })).toEqual(expect.any(String));
    expect(await runner.requestSync(teamId)).toBeNull();
    expect(await runner.requestSync('another-team')).toEqual(expect.any(String));
  });

  it("the scheduled job syncs every team with a source, each with its own vendor, and records a vendor's 401", async () => {
    database = await openTestDatabase();
    const hubspotTeam = await addTeam(database, 'HubSpot team');
    const mauticTeam = await addTeam(database, 'Mautic team');
    const noSource = await addTeam(database, 'No source');
    await setTeamSource(database, hubspotTeam, { kind: 'hubspot', config: { contentTableId: HUBSPOT_TABLE }, secrets: { token: HUBSPOT_TOKEN } });
    await setTeamSource(database, mauticTeam, {
      kind: 'mautic',
      config: { baseUrl: MAUTIC_BASE, auth: { method: 'basic', username: 'leadside-api' } },
      secrets: { password: MAUTIC_PASSWORD },
    });
    vendors.unauthorized = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    runner = await startJobRunner(database, { pollingIntervalSeconds: 0.5 });

    // What the cron sends every 15 minutes.
    expect(await runner.boss.send(SYNC_QUEUE, {}, { singletonKey: 'all-teams' })).toEqual(expect.any(String));
    const errors = await eventually(async () => {
      const [hubspot, mautic] = await Promise.all([getTeamSource(database!.db, hubspotTeam), getTeamSource(database!.db, mauticTeam)]);
      return hubspot?.lastSyncError && mautic?.lastSyncError ? [hubspot.lastSyncError, mautic.lastSyncError] : undefined;
    });
    expect(errors[0]).toMatch(/^HubSpot answered 401: Authentication credentials not found/);
    expect(errors[1]).toMatch(/^Mautic \(mautic\.keyline\.example\) answered 401: API authorization denied\./);

    vendors.unauthorized = false;
    await runner.requestSync(mauticTeam);
    await eventually(async () => ((await getTeamSource(database!.db, mauticTeam))?.lastSyncError === null ? true : undefined));
    expect(await activeCatalog(database, mauticTeam)).toEqual(['mautic-asset-12', 'mautic-asset-14', 'mautic-asset-15', 'mautic-asset-17', 'mautic-asset-18']);
    expect(await activeCatalog(database, hubspotTeam)).toEqual([]);
    expect(await activeCatalog(database, noSource)).toEqual([]);
  });

  // PGlite is one session: a pg-boss statement sent straight to it while Kysely holds a transaction
  // would run inside that transaction (and be rolled back with it). On PostgreSQL they are separate
  // connections anyway.
  it.skipIf(!!process.env.LEADSIDE_TEST_DATABASE_URL)('on PGlite, a job statement waits for a Kysely transaction instead of running inside it', async () => {
    database = await openTestDatabase();
    runner = await startJobRunner(database, { pollingIntervalSeconds: 0.5 });
    let sent: string | null | undefined;
    await database.db.transaction().execute(async (trx) => {
      void runner!.boss.send(SYNC_QUEUE, { teamId: 'no-such-team' }, { singletonKey: 'no-such-team' }).then((id) => (sent = id));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(sent).toBeUndefined();
      const inside = await sql<{ count: number }>`select count(*)::int as count from pgboss.job where data->>'teamId' = 'no-such-team'`.execute(trx);
      expect(inside.rows[0]!.count).toBe(0);
    });
    expect(await eventually(async () => sent)).toEqual(expect.any(String));
  });
});
