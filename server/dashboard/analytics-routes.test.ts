// @vitest-environment node
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadLook } from '@/lib/schema';
import {
  ContentReportSchema,
  DEFAULT_FOLLOW_UP_SETTINGS,
  FollowUpSchema,
  FollowUpSettingsSchema,
  LeadDrillSchema,
  LeadQualitySchema,
  OverviewSchema,
} from '@/lib/schema/dashboard';
import { DeliveryResponseSchema } from '@/lib/schema/rest-api';
import { addUser } from '../admin/accounts';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { openTestDatabase } from '../test-support/database';
import { signInToDashboard, type DashboardCaller } from '../test-support/dashboard-session';
import { client } from '../test-support/http';
import { contentItem, createTestTeam, deliveryBody, event, lead, profile, storeMarketingData, verdict, type TestTeam } from '../test-support/team';

/**
 * The analytics routes over HTTP: who may read them (marketers and admins; a rep's session 403, no
 * session 401), the period filter's errors, the follow-up settings' PUT with its CSRF token, the
 * `look` delivery, and that one team's answers never hold another team's data.
 */
let database: Database;
let app: Hono;
let teamA: TestTeam;
let teamB: TestTeam;
let marketer: DashboardCaller;
let admin: DashboardCaller;
let formerMarketer: DashboardCaller;
let marketerB: DashboardCaller;
const NOW = new Date('2026-12-03T12:00:00Z');
const PERIOD = 'from=2026-11-27&to=2026-12-03';
const READS = [
  ['/api/overview', OverviewSchema],
  ['/api/content', ContentReportSchema],
  ['/api/lead-quality', LeadQualitySchema],
  ['/api/lead-quality?by=campaign', LeadQualitySchema],
  ['/api/lead-quality/leads', LeadDrillSchema],
  ['/api/follow-up', FollowUpSchema],
  ['/api/settings/follow-up', FollowUpSettingsSchema],
] as const;
const withPeriod = (path: string) => `${path}${path.includes('?') ? '&' : '?'}${PERIOD}`;

const lookItem = (profileId: string, at: string): LeadLook => ({ id: randomUUID(), at, lead: { ...lead(`key-${profileId}`), profileId }, source: { channel: 'webinar' } });

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ database, rateLimit: false, dashboard: { now: () => NOW } });
  teamA = await createTestTeam(database, 'Analytics A');
  teamB = await createTestTeam(database, 'Analytics B');
  const email = (team: TestTeam, key: 'marketer' | 'admin') => `${key}@${team === teamA ? 'analytics-a' : 'analytics-b'}.example`;
  marketer = await signInToDashboard(app, database, { teamId: teamA.teamId, userId: teamA.users.marketer.id, email: email(teamA, 'marketer') });
  admin = await signInToDashboard(app, database, { teamId: teamA.teamId, userId: teamA.users.admin.id, email: email(teamA, 'admin') });
  marketerB = await signInToDashboard(app, database, { teamId: teamB.teamId, userId: teamB.users.marketer.id, email: email(teamB, 'marketer') });
  // A marketer made a rep while signed in: the session lives on, the dashboard does not let it in.
  const demotedId = await addUser(database, teamA.teamId, { email: 'demoted@analytics-a.example', role: 'marketer', name: 'Demoted' });
  formerMarketer = await signInToDashboard(app, database, { teamId: teamA.teamId, userId: demotedId, email: 'demoted@analytics-a.example' });
  await database.db.updateTable('users').set({ role: 'rep' }).where('team_id', '=', teamA.teamId).where('id', '=', demotedId).execute();

  for (const [team, campaign] of [
    [teamA, 'A-campaign'],
    [teamB, 'B-only-campaign'],
  ] as const) {
    await storeMarketingData(database, team.teamId, {
      profiles: [profile(`${campaign}-p1`, { stage: 'mql', qualifiedAt: '2026-12-01T00:00:00Z', source: { channel: 'webinar', campaign, utm: {} } })],
      content: [contentItem(`${campaign}-c1`)],
    });
    const items = [
      verdict(`${campaign}-l1`, 'demo_booked', '2026-12-01T10:00:00Z', { channel: 'webinar', campaign }),
      event('opened', `${campaign}-c1`, '2026-12-01T09:00:00Z', { leadKey: `${campaign}-l1`, source: { channel: 'webinar', campaign } }),
    ];
    const answer = await client(app, team.users.rep.token).post('/v1/deliveries', deliveryBody(items));
    expect(answer.status).toBe(200);
  }
});
afterAll(() => database.close());

describe('dashboard analytics routes', () => {
  it('answer marketers and admins to the contract, for the period asked', async () => {
    for (const caller of [marketer, admin]) {
      for (const [path, schema] of READS) {
        const response = await caller.call('GET', withPeriod(path));
        expect(response.status, path).toBe(200);
        expect(response.headers.get('Cache-Control')).toBe('no-store');
        schema.parse(await response.json());
      }
    }
    const overview = OverviewSchema.parse(await (await marketer.call('GET', withPeriod('/api/overview'))).json());
    expect(overview.period).toEqual({ from: '2026-11-27', to: '2026-12-03' });
    expect(overview.demosBooked).toEqual({ current: 1, previous: 0 });
    expect(overview.contentUsed).toEqual({ used: 1, catalog: 1 });
  });

  it('default to the last 30 days ending today (UTC), and filter by a rep of the team', async () => {
    const overview = OverviewSchema.parse(await (await marketer.call('GET', '/api/overview')).json());
    expect(overview.period).toEqual({ from: '2026-11-04', to: '2026-12-03' });
    expect(overview.previous).toEqual({ from: '2026-10-05', to: '2026-11-03' });
    const rep2 = OverviewSchema.parse(await (await marketer.call('GET', `/api/overview?rep=${teamA.users.rep2.id}`)).json());
    expect(rep2.demosBooked.current).toBe(0);
    const rep = OverviewSchema.parse(await (await marketer.call('GET', `/api/overview?rep=${teamA.users.rep.id}`)).json());
    expect(rep.demosBooked.current).toBe(1);
  });

  it("refuse a rep's session (403) and no session (401)", async () => {
    for (const [path] of READS) {
      const asRep = await formerMarketer.call('GET', withPeriod(path));
      expect(asRep.status, path).toBe(403);
      expect(await asRep.json()).toEqual({ error: expect.stringContaining('Reps use the Leadside extension'), code: 'server.repRefused' });
      const anonymous = await app.request(withPeriod(path));
      expect(anonymous.status, path).toBe(401);
    }
    expect((await formerMarketer.call('PUT', '/api/settings/follow-up', DEFAULT_FOLLOW_UP_SETTINGS)).status).toBe(403);
    // A rep's API token opens nothing here either.
    const withToken = await app.request('/api/overview', { headers: { Authorization: `Bearer ${teamA.users.rep.token}` } });
    expect(withToken.status).toBe(401);
  });

  it('answer a bad filter with a 400 that says what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['/api/overview?from=2026-13-01', /^Invalid query: from:/],
      ['/api/overview?from=2026-12-03&to=2026-12-01', /`from` must be on or before `to`/],
      ['/api/content?from=2020-01-01&to=2026-12-01', /longer than 1098 days/],
      [`/api/follow-up?rep=${teamB.users.rep.id}`, /rep: no user with id .* in your team/],
      ['/api/lead-quality?by=week', /^Invalid query: by:/],
      ['/api/lead-quality/leads?channel=television', /^Invalid query: channel:/],
    ];
    for (const [path, message] of cases) {
      const response = await marketer.call('GET', path);
      expect(response.status, path).toBe(400);
      expect((await response.json()).error, path).toMatch(message);
    }
  });

  it('keep the follow-up settings per team: PUT needs the CSRF token and a valid body', async () => {
    expect(await (await marketer.call('GET', '/api/settings/follow-up')).json()).toEqual(DEFAULT_FOLLOW_UP_SETTINGS);
    const settings = { qualifiedStages: ['sql', 'sql'], minScore: 70, lookSlaHours: 8, verdictSlaHours: 48 };
    const noCsrf = await app.request('/api/settings/follow-up', {
      method: 'PUT',
      headers: { Cookie: marketer.cookie, 'Content-Type': 'application/json', Origin: 'http://localhost' },
      body: JSON.stringify(settings),
    });
    expect(noCsrf.status).toBe(403);
    const invalid = await admin.call('PUT', '/api/settings/follow-up', { ...settings, qualifiedStages: [], lookSlaHours: -1 });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toMatch(/^Invalid request body: .*qualifiedStages/);

    const saved = await admin.call('PUT', '/api/settings/follow-up', settings);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ ...settings, qualifiedStages: ['sql'] });
    const followUp = FollowUpSchema.parse(await (await marketer.call('GET', withPeriod('/api/follow-up'))).json());
    expect(followUp.settings).toEqual({ ...settings, qualifiedStages: ['sql'] });
    // Another team's settings did not move.
    expect(await (await marketerB.call('GET', '/api/settings/follow-up')).json()).toEqual(DEFAULT_FOLLOW_UP_SETTINGS);
    expect((await marketer.call('PUT', '/api/settings/follow-up', DEFAULT_FOLLOW_UP_SETTINGS)).status).toBe(200);
  });

  it('store a look once and start the follow-up clock with it', async () => {
    const profileId = 'A-campaign-p1';
    const first = lookItem(profileId, '2026-12-01T06:00:00Z');
    const body = { items: [{ kind: 'look', id: first.id, item: first }] };
    const stored = DeliveryResponseSchema.parse(await (await client(app, teamA.users.rep.token).post('/v1/deliveries', body)).json());
    expect(stored.results).toEqual([{ id: first.id, status: 'stored' }]);
    const again = DeliveryResponseSchema.parse(await (await client(app, teamA.users.rep.token).post('/v1/deliveries', body)).json());
    expect(again.results).toEqual([{ id: first.id, status: 'duplicate' }]);
    const later = lookItem(profileId, '2026-12-02T06:00:00Z');
    await client(app, teamA.users.rep.token).post('/v1/deliveries', { items: [{ kind: 'look', id: later.id, item: later }] });
    // A look without the profile id is refused: it could not start anyone's clock.
    const { profileId: _missing, ...anonymousLead } = first.lead;
    const bad = DeliveryResponseSchema.parse(
      await (await client(app, teamA.users.rep.token).post('/v1/deliveries', { items: [{ kind: 'look', id: 'no-profile', item: { ...first, id: randomUUID(), lead: anonymousLead } }] })).json(),
    );
    expect(bad.results[0]).toMatchObject({ id: 'no-profile', status: 'rejected', error: expect.stringContaining('profileId') });

    const followUp = FollowUpSchema.parse(await (await marketer.call('GET', withPeriod('/api/follow-up'))).json());
    expect(followUp.bySource).toEqual([
      { channel: 'webinar', qualified: 1, looked: 1, rated: 0, toFirstLook: { median: 6, p90: 6 }, toFirstVerdict: { median: null, p90: null }, pastSla: 0 },
    ]);
    // Looked at within 24 hours; the 72 hours for a verdict run until Dec 4, so nothing is past the SLA yet.
    expect(followUp.pastSla).toEqual([]);
  });

  it("never show another team's data", async () => {
    for (const [path] of READS) {
      const text = await (await marketer.call('GET', withPeriod(path))).text();
      expect(text, path).not.toContain('B-only');
      const textB = await (await marketerB.call('GET', withPeriod(path))).text();
      expect(textB, path).not.toContain('A-campaign');
    }
    const drill = LeadDrillSchema.parse(await (await marketerB.call('GET', withPeriod('/api/lead-quality/leads?campaign=A-campaign'))).json());
    expect(drill.leads).toEqual([]);
  });
});
