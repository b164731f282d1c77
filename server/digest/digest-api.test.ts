// @vitest-environment node
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentEvent, FeedbackItem } from '@/lib/schema';
import { DigestSchema, DigestSentSchema } from '@/lib/schema/dashboard';
import { createApp } from '../app';
import { hashPassword } from '../dashboard/password';
import type { Database } from '../db/database';
import { followUpReport } from '../db/queries/dashboard/follow-up';
import { reportWindow } from '../db/queries/dashboard/window';
import { listDigests } from '../db/queries/digests';
import { setPasswordHash } from '../db/queries/sign-in';
import { SECRETS_KEY_ENV } from '../sources/secrets-crypto';
import { openTestDatabase } from '../test-support/database';
import { client } from '../test-support/http';
import { contentItem, createTestTeam, deliveryBody, event, profile, rating, request, storeMarketingData, verdict, type TestTeam } from '../test-support/team';
import { runDigestSweep } from './digest-job';
import { NO_WEBHOOK_MESSAGE } from './send';
import { setLocalWebhook, startSlackReceiver, type SlackReceiver } from './testing/slack-receiver';

/**
 * GET /api/digest and POST /api/digest/send on seeded data: what the digest says for a week (and the
 * week before), who may ask, and sending it by hand to a local Slack receiver.
 */
const PASSWORD = 'correct horse battery staple';
/** A Tuesday: the last full week is 23–29 Nov 2026. */
const NOW = new Date('2026-12-01T09:00:00Z');
const savedKey = process.env[SECRETS_KEY_ENV];

let database: Database;
let app: Hono;
let team: TestTeam;
let quiet: TestTeam;
let receiver: SlackReceiver;

const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const paid = { channel: 'paid_search' as const, campaign: 'Brand' };
const webinar = { channel: 'webinar' as const };

async function deliver(who: TestTeam['users']['rep'], items: (FeedbackItem | ContentEvent)[]) {
  const response = await client(createApp({ database, rateLimit: false }), who.token).post('/v1/deliveries', deliveryBody(items));
  expect(response.status).toBe(200);
}

/** Signs a user in to the dashboard and returns the cookie and CSRF token a page would keep. */
async function signIn(target: TestTeam, key: keyof TestTeam['users']) {
  await setPasswordHash(database.db, target.teamId, target.users[key].id, await hashPassword(PASSWORD));
  const email = `${key}@${(target === team ? 'Digest team' : 'Quiet team').toLowerCase().replace(/\W+/g, '-')}.example`;
  const response = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('Set-Cookie')!.match(/^leadside_session=([^;]*)/)![1]!;
  return { cookie: `leadside_session=${cookie}`, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

const get = (path: string, who?: { cookie: string }) => app.request(path, { headers: who ? { Cookie: who.cookie } : {} });
const send = (path: string, who: { cookie: string; csrf?: string }) =>
  app.request(path, { method: 'POST', headers: { Cookie: who.cookie, ...(who.csrf ? { 'X-CSRF-Token': who.csrf } : {}) } });

beforeAll(async () => {
  process.env[SECRETS_KEY_ENV] = randomBytes(32).toString('base64');
  database = await openTestDatabase();
  app = createApp({ database, rateLimit: false, dashboard: { now: () => NOW } });
  team = await createTestTeam(database, 'Digest team');
  quiet = await createTestTeam(database, 'Quiet team');
  await storeMarketingData(database, team.teamId, {
    content: ['c1', 'c2', 'c3', 'c4'].map((id) => contentItem(id, { title: `Item ${id}` })),
    profiles: [
      profile('pq1', { name: 'Qualified <Quinn>', stage: 'mql', source: { channel: 'webinar', campaign: 'Q4 launch', utm: {} } }),
      profile('pq2', { name: 'Not qualified', stage: 'subscriber' }),
    ],
  });
  // When the server first stored a profile is its qualification time (no qualifiedAt of its own).
  await database.db.updateTable('profiles').set({ first_seen_at: at('2026-11-24', 8) }).where('team_id', '=', team.teamId).execute();

  const { rep, rep2 } = team.users;
  await deliver(rep, [
    // The week before (16–22 Nov): a demo from paid search and one from a webinar.
    verdict('l1', 'demo_booked', at('2026-11-17'), paid),
    verdict('l2', 'demo_booked', at('2026-11-18'), webinar),
    request('l1', 'content_request', 'Last week\'s request', at('2026-11-20')),
    // The week (23–29 Nov).
    verdict('l3', 'demo_booked', at('2026-11-23'), paid),
    verdict('l4', 'demo_booked', at('2026-11-29', 23), paid),
    verdict('l6', 'demo_booked', at('2026-11-24'), paid),
    verdict('l6', 'not_a_fit', at('2026-11-25'), paid),
    event('opened', 'c1', at('2026-11-24'), { leadKey: 'l3' }),
    event('opened', 'c1', at('2026-11-25'), { leadKey: 'l3' }),
    event('link_copied', 'c1', at('2026-11-25'), { leadKey: 'l3' }),
    event('opened', 'c2', at('2026-11-26'), { leadKey: 'l4' }),
    event('suggested', 'c3', at('2026-11-26'), { leadKey: 'l4' }),
    rating('l3', 'c1', true, at('2026-11-25')),
    // The week after: not in this digest.
    request('l3', 'prospect_question', 'Asked on Monday after', at('2026-11-30')),
    event('opened', 'c3', at('2026-11-30')),
  ]);
  await deliver(rep2, [
    verdict('l5', 'good_fit', at('2026-11-24'), webinar),
    verdict('l5', 'demo_booked', at('2026-11-27'), webinar),
    event('opened', 'c1', at('2026-11-27'), { leadKey: 'l5' }),
    request('l5', 'prospect_question', 'Does it <script>alert(1)</script> & SSO?', at('2026-11-26')),
  ]);
  receiver = await startSlackReceiver();
});
afterAll(async () => {
  await receiver.close();
  await database.close();
  if (savedKey === undefined) delete process.env[SECRETS_KEY_ENV];
  else process.env[SECRETS_KEY_ENV] = savedKey;
});
beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('GET /api/digest', () => {
  it('summarizes the last full week by default: demos by source against the week before, best and never-used content, requests, leads past the SLA', async () => {
    const marketer = await signIn(team, 'marketer');
    const response = await get('/api/digest', marketer);
    expect(response.status).toBe(200);
    const digest = DigestSchema.parse(await response.json());
    expect(digest.week).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(digest.team).toBe('Digest team');
    // l6's latest verdict is not a demo; l5's is, after a good fit.
    expect(digest.demosBySource).toEqual([
      { channel: 'paid_search', demosBooked: 2, previous: 1 },
      { channel: 'webinar', demosBooked: 1, previous: 1 },
    ]);
    expect(digest.bestContent).toEqual([
      { contentId: 'c1', title: 'Item c1', opened: 3, linkCopied: 1, useful: 1, openedForDemoLeads: 2 },
      { contentId: 'c2', title: 'Item c2', opened: 1, linkCopied: 0, useful: 0, openedForDemoLeads: 1 },
    ]);
    expect(digest.neverUsed).toEqual([
      { contentId: 'c3', title: 'Item c3' },
      { contentId: 'c4', title: 'Item c4' },
    ]);
    expect(digest.newRequests.map((item) => [item.text, item.rep, item.status])).toEqual([['Does it <script>alert(1)</script> & SSO?', team.users.rep2.name, 'new']]);
    expect(digest.pastSla).toEqual([
      expect.objectContaining({ lead: 'Qualified <Quinn>', channel: 'webinar', campaign: 'Q4 launch', firstLookAt: null, missed: 'look' }),
    ]);
    // The same answer as the follow-up page's over that week.
    const followUp = await followUpReport(database.db, team.teamId, reportWindow(digest.week, NOW));
    expect(digest.pastSla).toEqual(followUp.pastSla);
  });

  it('gives any earlier week by its Monday, and refuses a day that is not a Monday or a week not begun', async () => {
    const marketer = await signIn(team, 'admin');
    const before = DigestSchema.parse(await (await get('/api/digest?week=2026-11-16', marketer)).json());
    expect(before.demosBySource).toEqual([
      { channel: 'paid_search', demosBooked: 1, previous: 0 },
      { channel: 'webinar', demosBooked: 1, previous: 0 },
    ]);
    expect(before.newRequests.map((item) => item.text)).toEqual(["Last week's request"]);

    const tuesday = await get('/api/digest?week=2026-11-24', marketer);
    expect(tuesday.status).toBe(400);
    expect(((await tuesday.json()) as { error: string }).error).toMatch(/week: must be a Monday/);
    const future = await get('/api/digest?week=2026-12-07', marketer);
    expect(future.status).toBe(400);
    expect(await future.json()).toEqual({ error: 'Invalid query: week: the week of 2026-12-07 has not started yet.', code: 'server.weekNotStarted', params: { week: '2026-12-07' } });
    // The week under way may be looked at so far.
    expect((await get('/api/digest?week=2026-11-30', marketer)).status).toBe(200);
  });

  it('is for marketers and admins of the team only: no session 401, a rep 403, another team sees its own', async () => {
    expect((await get('/api/digest')).status).toBe(401);
    // A rep cannot sign in at all; a marketer made a rep while signed in keeps a session that opens nothing.
    const rep = await signIn(quiet, 'admin');
    await database.db.updateTable('users').set({ role: 'rep' }).where('team_id', '=', quiet.teamId).where('id', '=', quiet.users.admin.id).execute();
    const refused = await get('/api/digest', rep);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: expect.stringContaining('dashboard is for marketers and admins'), code: 'server.repRefused' });
    expect((await send('/api/digest/send', rep)).status).toBe(403);
    const other = DigestSchema.parse(await (await get('/api/digest', await signIn(quiet, 'marketer'))).json());
    expect(other).toMatchObject({ team: 'Quiet team', demosBySource: [], bestContent: [], neverUsed: [], newRequests: [], pastSla: [] });
  });
});

describe('POST /api/digest/send', () => {
  it('says clearly that no webhook is set, and posts nothing', async () => {
    const marketer = await signIn(quiet, 'marketer');
    const response = await send('/api/digest/send', marketer);
    expect(response.status).toBe(200);
    expect(DigestSentSchema.parse(await response.json())).toEqual({ sent: false, message: NO_WEBHOOK_MESSAGE });
    expect(receiver.posts).toEqual([]);
  });

  it('needs the CSRF token', async () => {
    const marketer = await signIn(team, 'marketer');
    const response = await send('/api/digest/send', { cookie: marketer.cookie });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/X-CSRF-Token/);
  });

  it('posts the week to the team\'s Slack now, escaped; a refusal is a 502 that says so; the weekly job then leaves that week alone', async () => {
    await setLocalWebhook(database, team.teamId, receiver.urlFor('/hooks/digest-team'), new Date('2026-11-20T00:00:00Z'));
    const marketer = await signIn(team, 'marketer');

    receiver.refusals.push(500);
    const refused = await send('/api/digest/send', marketer);
    expect(refused.status).toBe(502);
    const refusal = (await refused.json()) as { sent: boolean; message: string; error: string };
    expect(refusal).toMatchObject({ sent: false, message: expect.stringContaining('Slack refused the digest, so nothing was posted'), error: refusal.message });
    expect(receiver.posts).toHaveLength(0);

    const response = await send('/api/digest/send', marketer);
    expect(response.status).toBe(200);
    expect(DigestSentSchema.parse(await response.json())).toEqual({
      sent: true,
      message: "Posted the digest of the week 2026-11-23 – 2026-11-29 to the team's Slack webhook (127.0.0.1:" + new URL(receiver.urlFor('/')).port + ').',
    });
    expect(receiver.posts).toHaveLength(1);
    const posted = JSON.stringify(receiver.posts[0]!.body);
    expect(posted).toContain('Does it &lt;script&gt;alert(1)&lt;/script&gt; &amp; SSO?');
    expect(posted).toContain('Qualified &lt;Quinn&gt;');
    expect(posted).not.toContain('<script>');
    expect(receiver.posts[0]!.body.text).toContain('3 demos booked (the week before: 2)');

    // Monday's job for that week finds it posted by hand.
    const sweep = await runDigestSweep(database, { now: () => new Date('2026-11-30T07:00:00Z') });
    expect(sweep).toEqual({ week: '2026-11-23', outcomes: {} });
    expect(receiver.posts).toHaveLength(1);
    expect(await listDigests(database.db, team.teamId)).toEqual([expect.objectContaining({ weekStart: '2026-11-23', state: 'sent', trigger: 'manual' })]);
  });
});
