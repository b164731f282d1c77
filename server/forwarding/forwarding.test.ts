import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackItem } from '@/lib/schema';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { listForwards } from '../db/queries/forwards';
import { startJobRunner, type JobRunner, type JobRunnerOptions } from '../jobs/runner';
import { setTeamSource } from '../sources/manage';
import { SECRETS_KEY_ENV } from '../sources/secrets-crypto';
import { fakeVendors, HUBSPOT_TABLE, HUBSPOT_TOKEN, MAUTIC_BASE, MAUTIC_PASSWORD, SLACK_WEBHOOK, type FakeVendors } from '../sources/testing/fake-vendors';
import { openTestDatabase } from '../test-support/database';
import { client } from '../test-support/http';
import { createTestTeam, deliveryBody, event, lead, rating, request, verdict, type TestTeam } from '../test-support/team';
import { retryDelayMs } from './backoff';
import { FORWARD_COMMANDS } from './commands';
import { drainTeamForwards } from './drain';

const savedKey = process.env[SECRETS_KEY_ENV];
let database: Database | undefined;
const runners: JobRunner[] = [];
let vendors: FakeVendors;

beforeEach(() => {
  process.env[SECRETS_KEY_ENV] = randomBytes(32).toString('base64');
  vendors = fakeVendors();
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.stop(2_000);
  await database?.close();
  database = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  if (savedKey === undefined) delete process.env[SECRETS_KEY_ENV];
  else process.env[SECRETS_KEY_ENV] = savedKey;
});

/** Fast timing for tests: vendors time out after 1 s, retries come within 2 s. */
const FAST: JobRunnerOptions = {
  pollingIntervalSeconds: 0.5,
  forwarding: { batchSize: 3, leaseMs: 20_000, backoff: { baseMs: 100, maxMs: 2_000, maxAttempts: 30 } },
};

async function runner(options: JobRunnerOptions = FAST): Promise<JobRunner> {
  const started = await startJobRunner(database!, options);
  runners.push(started);
  return started;
}

async function eventually<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The contact both vendors' recorded answers know. */
const PRIYA = 'priya.raman@ledgerly.io';
const forPriya = (item: FeedbackItem): FeedbackItem => ({ ...item, lead: lead(item.lead.key, { email: PRIYA, name: 'Priya Raman' }) });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString();

const SOURCES = {
  hubspot: { kind: 'hubspot', config: { contentTableId: HUBSPOT_TABLE, timeoutSeconds: 1 }, secrets: { token: HUBSPOT_TOKEN } },
  mautic: { kind: 'mautic', config: { baseUrl: MAUTIC_BASE, auth: { method: 'basic', username: 'leadside-api' }, timeoutSeconds: 1 }, secrets: { password: MAUTIC_PASSWORD } },
} as const;

async function teamWith(kind: keyof typeof SOURCES | 'none', slack: boolean): Promise<TestTeam> {
  const team = await createTestTeam(database!, `Team ${randomBytes(3).toString('hex')}`);
  if (kind !== 'none') await setTeamSource(database!, team.teamId, SOURCES[kind]);
  if (slack) await FORWARD_COMMANDS['set-webhook']!(database!, { team: team.teamId, url: SLACK_WEBHOOK });
  vendors.calls.length = 0;
  return team;
}

async function deliver(team: TestTeam, items: Parameters<typeof deliveryBody>[0]) {
  const app = createApp({ database: database!, rateLimit: false });
  const response = await client(app, team.users.rep.token).post('/v1/deliveries', deliveryBody(items));
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: { id: string; status: string }[] }).results;
}

const notesOf = (kind: keyof typeof SOURCES) => vendors.notes[kind];
/** How many of the vendor's notes carry this item's marker (the count the acceptance is about). */
const notesFor = (kind: keyof typeof SOURCES, id: string) => notesOf(kind).filter((note) => note.text.includes(`leadside-id: ${id}`)).length;
const waiting = async (teamId: string) => listForwards(database!.db, teamId, ['pending', 'failed']);

describe.each(['hubspot', 'mautic'] as const)('forwarding to %s and Slack (pg-boss on the server database)', (kind) => {
  it('ends with exactly one note and one Slack post per verdict and field request, under 500s, 429s and timeouts', async () => {
    database = await openTestDatabase();
    const team = await teamWith(kind, true);
    const point = kind === 'hubspot' ? 'hubspot-note' : 'mautic-note';
    // Two timeouts: the vendor stored the note and the client never heard. A retry that created
    // again instead of searching first would leave two notes for that item.
    vendors.faults[point] = [{ status: 500 }, { status: 429, retryAfterSeconds: 1 }, { timeout: true }, { status: 500 }, { timeout: true }];
    vendors.faults.slack = [{ status: 500 }, { status: 429, retryAfterSeconds: 1 }, { status: 500 }];
    await runner();

    const forwarded = [
      verdict('a', 'demo_booked', at(1)),
      verdict('b', 'not_a_fit', at(2)),
      request('c', 'content_request', 'A one-pager on SOC 2 for CFOs', at(3)),
      verdict('d', 'good_fit', at(4)),
      request('e', 'prospect_question', 'Do you support SAML?', at(5)),
    ].map(forPriya);
    const notForwarded = [forPriya(rating('f', 'case-1', true, at(6))), event('opened', 'case-1', at(7))];
    const results = await deliver(team, [...forwarded, ...notForwarded]);
    expect(results.every((result) => result.status === 'stored')).toBe(true);

    const sent = await eventually(async () => {
      const rows = await listForwards(database!.db, team.teamId, ['sent']);
      return rows.length === forwarded.length * 2 ? rows : undefined;
    });
    expect(await waiting(team.teamId)).toEqual([]);
    expect(vendors.faults[point]).toEqual([]);
    expect(vendors.faults.slack).toEqual([]);
    for (const item of forwarded) expect(notesFor(kind, item.id), `notes for ${item.kind} ${item.id}`).toBe(1);
    expect(notesOf(kind)).toHaveLength(forwarded.length);
    expect(vendors.slackPosts).toHaveLength(forwarded.length);
    expect(vendors.slackPosts.filter((text) => text.includes('Demo booked'))).toHaveLength(1);
    expect(vendors.slackPosts.filter((text) => text.includes('Content request') && text.includes('SOC 2'))).toHaveLength(1);
    // Each note's vendor id is kept; the items that timed out were found by their marker, not re-created.
    const vendorRows = sent.filter((row) => row.target === 'vendor');
    expect(new Set(vendorRows.map((row) => row.remoteId))).toEqual(new Set(notesOf(kind).map((note) => note.id)));
    expect(Math.max(...vendorRows.map((row) => row.attempts))).toBeGreaterThan(1);
  }, 90_000);

  it('a runner stopped mid-call (the note stored, no answer ever) is taken over by a new one on the same database: still one note each', async () => {
    database = await openTestDatabase();
    const team = await teamWith(kind, false);
    const point = kind === 'hubspot' ? 'hubspot-note' : 'mautic-note';
    let release!: () => void;
    vendors.faults[point] = [{ hang: true, release: new Promise<void>((resolve) => (release = resolve)) }];
    const options: JobRunnerOptions = { ...FAST, forwarding: { ...FAST.forwarding, batchSize: 1, leaseMs: 3_000 } };
    const first = await runner(options);

    const items = [verdict('a', 'demo_booked', at(1)), verdict('b', 'good_fit', at(2)), request('c', 'prospect_question', 'Pricing for 50 seats?', at(3))].map(forPriya);
    await deliver(team, items);
    // The first note is stored and its worker will never hear back: as good as dead.
    await eventually(async () => notesOf(kind).length === 1);
    await first.stop(300);
    runners.splice(runners.indexOf(first), 1);

    await runner(options);
    await eventually(async () => (await listForwards(database!.db, team.teamId, ['sent'])).length === items.length);
    for (const item of items) expect(notesFor(kind, item.id)).toBe(1);
    expect(notesOf(kind)).toHaveLength(items.length);
    // The row whose call hung was found by its marker on the new runner, not created again.
    const hung = items.find((item) => notesOf(kind)[0]!.text.includes(`leadside-id: ${item.id}`));
    const taken = (await listForwards(database.db, team.teamId, ['sent'])).find((row) => row.deliveryId === hung?.id);
    expect(taken?.remoteId).toBe(notesOf(kind)[0]!.id);

    // The dead worker's call finally fails: it no longer holds the row and changes nothing.
    release();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await listForwards(database.db, team.teamId, ['sent'])).toHaveLength(items.length);
    expect(notesOf(kind)).toHaveLength(items.length);
  }, 90_000);
});

describe('what is forwarded, and what is not', () => {
  it('a redelivered item is not forwarded again', async () => {
    database = await openTestDatabase();
    const team = await teamWith('hubspot', true);
    const items = [verdict('a', 'demo_booked', at(1)), request('b', 'content_request', 'ROI calculator', at(2))].map(forPriya);
    await deliver(team, items);
    expect(await drainTeamForwards(database, team.teamId)).toMatchObject({ sent: 4, retrying: 0, failed: 0 });

    // The rep's outbox resends (it never saw the answer): stored once, forwarded once.
    expect((await deliver(team, items)).map((result) => result.status)).toEqual(['duplicate', 'duplicate']);
    expect(await drainTeamForwards(database, team.teamId)).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(await listForwards(database.db, team.teamId, ['pending', 'sent', 'failed'])).toHaveLength(4);
    expect(vendors.notes.hubspot).toHaveLength(2);
    expect(vendors.slackPosts).toHaveLength(2);
  }, 60_000);

  it('a team without a source or webhook forwards nothing; one with only Slack posts only there', async () => {
    database = await openTestDatabase();
    const bare = await teamWith('none', false);
    await deliver(bare, [verdict('a', 'demo_booked', at(1))]);
    expect(await listForwards(database.db, bare.teamId, ['pending', 'sent', 'failed'])).toEqual([]);
    expect(await drainTeamForwards(database, bare.teamId)).toEqual({ sent: 0, retrying: 0, failed: 0, superseded: 0 });
    expect(vendors.calls).toEqual([]);

    const slackOnly = await teamWith('none', true);
    await deliver(slackOnly, [verdict('a', 'not_ready', at(1))]);
    expect(await drainTeamForwards(database, slackOnly.teamId)).toMatchObject({ sent: 1 });
    expect(vendors.slackPosts).toEqual([expect.stringContaining('Not ready')]);
    expect(vendors.notes).toEqual({ hubspot: [], mautic: [] });
  }, 60_000);

  it("records a vendor's refusal with its text, lists it in `forwards`, and keeps the Slack URL encrypted", async () => {
    database = await openTestDatabase();
    const team = await teamWith('mautic', true);
    const stranger: FeedbackItem = { ...verdict('z', 'bad_data', at(1)), lead: lead('z', { email: 'nobody@unknown.example' }) };
    await deliver(team, [stranger]);
    expect(await drainTeamForwards(database, team.teamId)).toMatchObject({ sent: 1, failed: 1 });

    const lines = await FORWARD_COMMANDS.forwards!(database, { team: team.teamId });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(stranger.id);
    expect(lines[0]).toContain('failed');
    expect(lines[0]).toContain('has no contact with the e-mail nobody@unknown.example');
    expect(await FORWARD_COMMANDS['retry-forwards']!(database, { team: team.teamId })).toEqual([expect.stringContaining('1 failed forward queued again')]);
    expect(await FORWARD_COMMANDS.forwards!(database, { team: team.teamId })).toEqual([expect.stringContaining('pending')]);

    const stored = await database.db.selectFrom('team_webhooks').select(['url', 'host']).where('team_id', '=', team.teamId).executeTakeFirstOrThrow();
    expect(stored.host).toBe('hooks.slack.example');
    expect(stored.url).not.toContain('fakefakefake');
    await expect(FORWARD_COMMANDS['set-webhook']!(database, { team: team.teamId, url: 'http://hooks.slack.example/x' })).rejects.toThrow('https');
  }, 60_000);
});

describe('retry delays', () => {
  it('double from the base, honour Retry-After, and stay bounded', () => {
    const options = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 10 };
    const middle = () => 0.5;
    expect(retryDelayMs(1, options, undefined, middle)).toBe(1_000);
    expect(retryDelayMs(3, options, undefined, middle)).toBe(4_000);
    expect(retryDelayMs(1, options, 30_000, middle)).toBe(30_000);
    expect(retryDelayMs(1, options, 86_400_000, middle)).toBe(60_000);
    expect(retryDelayMs(20, options, undefined, middle)).toBe(60_000);
  });
});
