// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database';
import { listDigests } from '../db/queries/digests';
import { startJobRunner, type JobRunner } from '../jobs/runner';
import { SECRETS_KEY_ENV } from '../sources/secrets-crypto';
import { openTestDatabase } from '../test-support/database';
import { createTestTeam, type TestTeam } from '../test-support/team';
import { DIGEST_QUEUE, runDigestSweep } from './digest-job';
import { DIGEST_MAX_ATTEMPTS } from './send';
import { setLocalWebhook, startSlackReceiver, type SlackReceiver } from './testing/slack-receiver';

/**
 * The weekly digest job on pg-boss, against a local Slack receiver: each team with a webhook gets
 * each week once, whether the sweep runs twice, at once, or again after a restart; a refused post is
 * tried again, one without an answer is not.
 */
const savedKey = process.env[SECRETS_KEY_ENV];
/** Monday 30 Nov 2026, 07:30 UTC: the week of 23 Nov is due. */
let now = new Date('2026-11-30T07:30:00Z');
const clock = () => now;
const SET_BEFORE = new Date('2026-11-01T00:00:00Z');

let database: Database | undefined;
let receiver: SlackReceiver;
const runners: JobRunner[] = [];

beforeEach(async () => {
  process.env[SECRETS_KEY_ENV] = randomBytes(32).toString('base64');
  now = new Date('2026-11-30T07:30:00Z');
  receiver = await startSlackReceiver();
  for (const method of ['log', 'warn', 'error'] as const) vi.spyOn(console, method).mockImplementation(() => undefined);
});
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.stop(2_000);
  await database?.close();
  database = undefined;
  await receiver.close();
  vi.restoreAllMocks();
  if (savedKey === undefined) delete process.env[SECRETS_KEY_ENV];
  else process.env[SECRETS_KEY_ENV] = savedKey;
});

async function runner(): Promise<JobRunner> {
  const started = await startJobRunner(database!, { pollingIntervalSeconds: 0.5, digest: { now: clock } });
  runners.push(started);
  return started;
}

async function eventually<T>(probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Sweeps pg-boss has finished (completed or failed), as a restart's own sweep shows up. */
const finishedSweeps = async () => {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = ${DIGEST_QUEUE} and state in ('completed', 'failed')`.execute(database!.db);
  return rows[0]!.n;
};

const postsTo = (path: string) => receiver.posts.filter((post) => post.path === path);

async function teams(): Promise<{ a: TestTeam; b: TestTeam; none: TestTeam }> {
  const a = await createTestTeam(database!, `Team A ${randomBytes(2).toString('hex')}`);
  const b = await createTestTeam(database!, `Team B ${randomBytes(2).toString('hex')}`);
  const none = await createTestTeam(database!, `Team none ${randomBytes(2).toString('hex')}`);
  await setLocalWebhook(database!, a.teamId, receiver.urlFor('/a'), SET_BEFORE);
  await setLocalWebhook(database!, b.teamId, receiver.urlFor('/b'), SET_BEFORE);
  return { a, b, none };
}

describe('the weekly digest job', () => {
  it('posts each team with a webhook once per week: at start, run twice at once, after a restart, and again the next week', async () => {
    database = await openTestDatabase();
    const { a, b } = await teams();
    const first = await runner();
    // The sweep at start posts the week that is due.
    await eventually(() => receiver.posts.length === 2);
    expect(postsTo('/a')).toHaveLength(1);
    expect(postsTo('/b')).toHaveLength(1);
    expect(postsTo('/a')[0]!.body.text).toContain(`Leadside weekly digest for Team A`);
    expect(JSON.stringify(postsTo('/a')[0]!.body.blocks)).toContain('23 Nov – 29 Nov 2026');

    // Run twice at once, and the cron's own job: nothing more.
    const [one, two] = await Promise.all([runDigestSweep(database, { now: clock }), runDigestSweep(database, { now: clock })]);
    expect({ ...one.outcomes, ...two.outcomes }).toEqual({});
    await first.boss.send(DIGEST_QUEUE, {});
    await eventually(async () => (await finishedSweeps()) >= 2);

    // A restart runs its own sweep at start: still one post each.
    await first.stop(2_000);
    runners.splice(runners.indexOf(first), 1);
    const before = await finishedSweeps();
    await runner();
    await eventually(async () => (await finishedSweeps()) > before);
    expect(receiver.posts).toHaveLength(2);
    for (const team of [a, b]) {
      expect(await listDigests(database.db, team.teamId)).toEqual([expect.objectContaining({ weekStart: '2026-11-23', state: 'sent', trigger: 'schedule', attempts: 1 })]);
    }

    // Until Monday 07:00 the week just ended is not due; from then on it is, once.
    now = new Date('2026-12-07T06:59:00Z');
    expect((await runDigestSweep(database, { now: clock })).outcomes).toEqual({});
    now = new Date('2026-12-07T07:00:00Z');
    const next = await runDigestSweep(database, { now: clock });
    expect(next).toEqual({ week: '2026-11-30', outcomes: { [a.teamId]: 'sent', [b.teamId]: 'sent' } });
    expect((await runDigestSweep(database, { now: clock })).outcomes).toEqual({});
    expect(postsTo('/a')).toHaveLength(2);
    expect(postsTo('/b')).toHaveLength(2);
  });

  it('tries a refused post again (up to its limit), never one that got no answer, and never a team without a webhook', async () => {
    database = await openTestDatabase();
    const { a, b, none } = await teams();
    // B's webhook points at a port nobody listens on: the post may or may not have arrived, as far as the job can tell.
    const closed = await startSlackReceiver();
    const deadUrl = closed.urlFor('/gone');
    await closed.close();
    await setLocalWebhook(database, b.teamId, deadUrl, SET_BEFORE);

    receiver.refusals.push(500, 429);
    await expect(runDigestSweep(database, { now: clock })).rejects.toThrow(/not posted for team .*Slack refused the post/);
    expect(await listDigests(database.db, a.teamId)).toEqual([
      expect.objectContaining({ state: 'failed', attempts: 1, lastError: expect.stringContaining('answered 500') }),
    ]);
    expect(await listDigests(database.db, b.teamId)).toEqual([expect.objectContaining({ state: 'unclear', lastError: expect.stringContaining('did not answer') })]);

    // pg-boss retries the sweep: the 429, then the post.
    await expect(runDigestSweep(database, { now: clock })).rejects.toThrow(/Slack refused/);
    expect(await runDigestSweep(database, { now: clock })).toEqual({ week: '2026-11-23', outcomes: { [a.teamId]: 'sent' } });
    expect(postsTo('/a')).toHaveLength(1);
    expect(await listDigests(database.db, a.teamId)).toEqual([expect.objectContaining({ state: 'sent', attempts: 3, lastError: null })]);
    expect(await listDigests(database.db, b.teamId)).toEqual([expect.objectContaining({ state: 'unclear' })]);
    expect(await listDigests(database.db, none.teamId)).toEqual([]);

    // A webhook refusing every time is given up after DIGEST_MAX_ATTEMPTS.
    now = new Date('2026-12-07T08:00:00Z');
    receiver.refusals.push(...Array.from({ length: DIGEST_MAX_ATTEMPTS + 2 }, () => 404));
    for (let attempt = 0; attempt < DIGEST_MAX_ATTEMPTS; attempt++) await expect(runDigestSweep(database, { now: clock })).rejects.toThrow(/Slack refused/);
    expect((await runDigestSweep(database, { now: clock })).outcomes).toEqual({});
    expect((await listDigests(database.db, a.teamId))[0]).toMatchObject({ weekStart: '2026-11-30', state: 'failed', attempts: DIGEST_MAX_ATTEMPTS });
  });

  it('does not post a week that ended before the team set its webhook', async () => {
    database = await openTestDatabase();
    const team = await createTestTeam(database, 'Late team');
    await setLocalWebhook(database, team.teamId, receiver.urlFor('/late'), new Date('2026-11-30T07:00:00Z'));
    expect((await runDigestSweep(database, { now: clock })).outcomes).toEqual({});
    now = new Date('2026-12-07T07:00:00Z');
    expect((await runDigestSweep(database, { now: clock })).outcomes).toEqual({ [team.teamId]: 'sent' });
  });
});
