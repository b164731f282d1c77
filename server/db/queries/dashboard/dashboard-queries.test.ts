// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackItem, LeadLook } from '@/lib/schema';
import { ContentReportSchema, FollowUpSchema, LeadDrillSchema, LeadQualitySchema, OverviewSchema } from '@/lib/schema/dashboard';
import type { Database } from '../../database';
import { openTestDatabase } from '../../../test-support/database';
import { contentItem, createTestTeam, event, lead, profile, rating, storeMarketingData, verdict, type TestTeam } from '../../../test-support/team';
import { storeDeliveries, type Delivery } from '../deliveries';
import { contentReport } from './content-report';
import { followUpReport } from './follow-up';
import { getFollowUpSettings, saveFollowUpSettings } from './follow-up-settings';
import { leadQualityLeads, leadQualityReport } from './lead-quality';
import { dashboardOverview } from './overview';
import { reportWindow } from './window';

/**
 * The dashboard's queries on a small hand-made team, every number worked out by hand here: what each
 * page's counting rule means (latest verdict per lead, periods, rep filter, stale content, the SLA).
 */
let database: Database;
let team: TestTeam;
let other: TestTeam;
const NOW = new Date('2026-12-03T12:00:00Z');
const window = reportWindow({ from: '2026-11-27', to: '2026-12-03' }, NOW);

const feedback = (item: FeedbackItem, extra: { reasons?: string[]; note?: string; lead?: FeedbackItem['lead'] } = {}): Delivery => ({ kind: 'feedback', id: item.id, item: { ...item, ...extra } as FeedbackItem });
const look = (profileId: string, at: string): Delivery => {
  const item: LeadLook = { id: randomUUID(), at, lead: { ...lead(profileId), profileId }, source: {} };
  return { kind: 'look', id: item.id, item };
};

beforeAll(async () => {
  database = await openTestDatabase();
  team = await createTestTeam(database, 'Queries');
  other = await createTestTeam(database, 'Other queries');
  const { rep, rep2 } = team.users;
  await storeMarketingData(database, team.teamId, {
    profiles: [
      profile('p1', { stage: 'mql', qualifiedAt: '2026-12-01T00:00:00Z', crmIds: { salesforce: 'rec-l1' } }),
      profile('p2', { stage: 'sql', qualifiedAt: '2026-12-02T00:00:00Z', source: { channel: 'webinar', utm: {} } }),
      profile('p3', { stage: 'lead', score: 90, qualifiedAt: '2026-12-02T00:00:00Z' }),
      profile('p4', { stage: 'mql', qualifiedAt: '2026-11-01T00:00:00Z' }),
    ],
    content: [contentItem('c1'), contentItem('c2', { reviewBy: '2026-12-01' }), contentItem('c3', { replacedBy: 'c1' }), contentItem('c4')],
  });
  await storeDeliveries(database.db, team.teamId, rep.id, [
    // l1: good fit in the previous period, demo booked in this one (its latest), twice rated in the period.
    feedback(verdict('l1', 'good_fit', '2026-11-25T10:00:00Z', { channel: 'paid_search' }), { reasons: ['Budget'] }),
    feedback(verdict('l1', 'not_ready', '2026-11-28T10:00:00Z', { channel: 'paid_search' })),
    feedback(verdict('l1', 'demo_booked', '2026-12-01T10:00:00Z', { channel: 'paid_search', campaign: 'Spring' }), { reasons: ['Inbound request'], note: 'Wants a pilot' }),
    feedback(rating('l1', 'c1', false, '2026-11-28T11:00:00Z')),
    feedback(rating('l1', 'c1', true, '2026-11-29T11:00:00Z')),
    { kind: 'event', id: 'e1', item: event('opened', 'c1', '2026-11-28T09:00:00Z', { id: 'e1', leadKey: 'l1', source: { channel: 'paid_search' } }) },
    { kind: 'event', id: 'e2', item: event('opened', 'c3', '2026-11-30T09:00:00Z', { id: 'e2', leadKey: 'l1', source: { channel: 'paid_search' } }) },
    { kind: 'event', id: 'e3', item: event('suggested', 'c2', '2026-11-30T09:00:00Z', { id: 'e3' }) },
    // Before the period: counts nowhere.
    { kind: 'event', id: 'e0', item: event('opened', 'c4', '2026-11-20T09:00:00Z', { id: 'e0' }) },
    look('p1', '2026-12-01T05:00:00Z'),
  ]);
  await storeDeliveries(database.db, team.teamId, rep2.id, [
    feedback(verdict('l2', 'good_fit', '2026-12-02T10:00:00Z', { channel: 'webinar' })),
    feedback(verdict('l3', 'not_a_fit', '2026-12-02T11:00:00Z'), { lead: lead('l3', { email: 'P2@prospect.example' }) }),
    { kind: 'event', id: 'e4', item: event('link_copied', 'c2', '2026-12-02T09:00:00Z', { id: 'e4', leadKey: 'l2', source: { channel: 'webinar' } }) },
    // A later look by another rep, and an earlier one arriving second: the earliest is kept.
    look('p1', '2026-12-01T09:00:00Z'),
    look('p2', '2026-12-02T20:00:00Z'),
    look('p2', '2026-12-02T03:00:00Z'),
  ]);
  // Another team's lead, verdict and open: never in this team's numbers.
  await storeDeliveries(database.db, other.teamId, other.users.rep.id, [
    feedback(verdict('l1', 'demo_booked', '2026-12-01T10:00:00Z', { channel: 'paid_search' })),
    { kind: 'event', id: 'x1', item: event('opened', 'c1', '2026-12-01T09:00:00Z', { id: 'x1', leadKey: 'l1', source: { channel: 'paid_search' } }) },
  ]);
});
afterAll(() => database.close());

describe('dashboard queries', () => {
  it('overview: latest verdict per lead per period, content used, by source, weekly', async () => {
    const overview = OverviewSchema.parse(await dashboardOverview(database.db, team.teamId, window));
    expect(overview.period).toEqual({ from: '2026-11-27', to: '2026-12-03' });
    expect(overview.previous).toEqual({ from: '2026-11-20', to: '2026-11-26' });
    expect(overview.demosBooked).toEqual({ current: 1, previous: 0 });
    expect(overview.leadsRated).toEqual({ current: 3, previous: 1 });
    // c1 and c3 opened, c2 link-copied; c4's open was before the period.
    expect(overview.contentUsed).toEqual({ used: 3, catalog: 4 });
    expect(overview.bySource).toEqual([
      { channel: 'paid_search', leadsRated: 1, demosBooked: 1, goodFit: 0, contentOpened: 2 },
      { channel: 'webinar', leadsRated: 1, demosBooked: 0, goodFit: 1, contentOpened: 0 },
      { channel: null, leadsRated: 1, demosBooked: 0, goodFit: 0, contentOpened: 0 },
    ]);
    const weeks = overview.weekly.map((week) => ({ weekStart: week.weekStart, channel: week.channel, ...Object.fromEntries(Object.entries(week.verdicts).filter(([, n]) => n > 0)) }));
    expect(weeks).toEqual([
      { weekStart: '2026-11-23', channel: 'paid_search', not_ready: 1 },
      { weekStart: '2026-11-30', channel: 'paid_search', demo_booked: 1 },
      { weekStart: '2026-11-30', channel: 'webinar', good_fit: 1 },
      { weekStart: '2026-11-30', channel: null, not_a_fit: 1 },
    ]);

    const rep2Only = OverviewSchema.parse(await dashboardOverview(database.db, team.teamId, { ...window, rep: team.users.rep2.id }));
    expect(rep2Only.demosBooked.current).toBe(0);
    expect(rep2Only.leadsRated.current).toBe(2);
    expect(rep2Only.contentUsed.used).toBe(1);
  });

  it('content: funnel, ratings, opened for demo leads, never used, stale still opened, by rep', async () => {
    const report = ContentReportSchema.parse(await contentReport(database.db, team.teamId, window));
    const c1 = report.items.find((item) => item.contentId === 'c1');
    expect(c1).toMatchObject({ title: 'Title of c1', opened: 1, suggested: 0, useful: 1, notUseful: 0, openedForDemoLeads: 1, stale: false });
    expect(report.items.find((item) => item.contentId === 'c2')).toMatchObject({ suggested: 1, linkCopied: 1, stale: true, reviewBy: '2026-12-01' });
    expect(report.items.find((item) => item.contentId === 'c3')).toMatchObject({ opened: 1, stale: true, replacedBy: 'c1', openedForDemoLeads: 1 });
    expect(report.neverUsed).toEqual(['c4']);
    expect(report.staleStillOpened).toEqual(['c3']);
    expect(report.byRep).toEqual([
      { userId: team.users.rep.id, rep: team.users.rep.name, suggested: 1, opened: 2, linkCopied: 0, useful: 1, notUseful: 0 },
      { userId: team.users.rep2.id, rep: team.users.rep2.name, suggested: 0, opened: 0, linkCopied: 1, useful: 0, notUseful: 0 },
    ]);
    const rep2Only = ContentReportSchema.parse(await contentReport(database.db, team.teamId, { ...window, rep: team.users.rep2.id }));
    expect(rep2Only.items.find((item) => item.contentId === 'c1')).toMatchObject({ opened: 0, useful: 0, openedForDemoLeads: 0 });
    expect(rep2Only.neverUsed).toEqual(['c1', 'c3', 'c4']);
    expect(rep2Only.byRep).toHaveLength(2);
  });

  it('lead quality by source and campaign with Wilson intervals, and the drill-down', async () => {
    const bySource = LeadQualitySchema.parse(await leadQualityReport(database.db, team.teamId, window, 'source'));
    expect(bySource.rows.map((row) => [row.channel, row.campaign, row.leads, row.good.count, row.demoBooked.count, row.good.tooFew])).toEqual([
      ['paid_search', null, 1, 1, 1, true],
      ['webinar', null, 1, 1, 0, true],
      [null, null, 1, 0, 0, true],
    ]);
    const paid = bySource.rows.find((row) => row.channel === 'paid_search')!;
    expect(paid.good.low).toBeCloseTo(0.2065, 3);
    expect(paid.good.high).toBe(1);
    const byCampaign = LeadQualitySchema.parse(await leadQualityReport(database.db, team.teamId, window, 'campaign'));
    expect(byCampaign.rows.map((row) => [row.channel, row.campaign, row.leads])).toEqual([
      [null, null, 2],
      [null, 'Spring', 1],
    ]);

    const drill = LeadDrillSchema.parse(await leadQualityLeads(database.db, team.teamId, window, { channel: 'paid_search' }));
    expect(drill.leads).toEqual([
      { leadKey: 'l1', lead: 'Lead l1', verdict: 'demo_booked', reasons: ['Inbound request'], note: 'Wants a pilot', rep: team.users.rep.name, at: '2026-12-01T10:00:00.000Z', verdictCount: 2 },
    ]);
    const none = LeadDrillSchema.parse(await leadQualityLeads(database.db, team.teamId, window, { channel: null }));
    expect(none.leads.map((row) => row.leadKey)).toEqual(['l3']);
    const noCampaign = LeadDrillSchema.parse(await leadQualityLeads(database.db, team.teamId, window, { campaign: null }));
    expect(noCampaign.leads.map((row) => row.leadKey)).toEqual(['l3', 'l2']);
  });

  it('ties feedback to profiles: named, by CRM record id, or by e-mail', async () => {
    const rows = await database.db.selectFrom('feedback').select(['lead_key', 'profile_id', 'kind', 'reasons']).where('team_id', '=', team.teamId).where('kind', '=', 'verdict').orderBy('created_at').execute();
    // l1's record rec-l1 is p1's Salesforce id; l3's e-mail is p2's (any case); l2 is unknown.
    expect(rows.map((row) => [row.lead_key, row.profile_id])).toEqual([
      ['l1', 'p1'],
      ['l1', 'p1'],
      ['l1', 'p1'],
      ['l2', null],
      ['l3', 'p2'],
    ]);
    expect(rows[0]!.reasons).toEqual(['Budget']);
    const looks = await database.db.selectFrom('lead_looks').select(['profile_id', 'user_id', 'first_at']).where('team_id', '=', team.teamId).orderBy('profile_id').orderBy('first_at').execute();
    expect(looks.map((row) => [row.profile_id, row.user_id, new Date(row.first_at).toISOString()])).toEqual([
      ['p1', team.users.rep.id, '2026-12-01T05:00:00.000Z'],
      ['p1', team.users.rep2.id, '2026-12-01T09:00:00.000Z'],
      ['p2', team.users.rep2.id, '2026-12-02T03:00:00.000Z'],
    ]);
  });

  it('follow-up: qualified leads, hours to first look and verdict, past the SLA', async () => {
    expect(await getFollowUpSettings(database.db, team.teamId)).toEqual({ qualifiedStages: ['mql', 'sql'], minScore: null, lookSlaHours: 24, verdictSlaHours: 72 });
    const report = FollowUpSchema.parse(await followUpReport(database.db, team.teamId, window));
    // p1 (mql): look after 5 h, verdict after 10 h. p2 (sql): look after 3 h, verdict after 11 h. p3 is a "lead"; p4 qualified before the period.
    expect(report.bySource).toEqual([
      { channel: 'paid_search', qualified: 1, looked: 1, rated: 1, toFirstLook: { median: 5, p90: 5 }, toFirstVerdict: { median: 0, p90: 0 }, pastSla: 0 },
      { channel: 'webinar', qualified: 1, looked: 1, rated: 1, toFirstLook: { median: 3, p90: 3 }, toFirstVerdict: { median: 11, p90: 11 }, pastSla: 0 },
    ]);
    expect(report.pastSla).toEqual([]);

    await saveFollowUpSettings(database.db, team.teamId, { qualifiedStages: ['mql'], minScore: 80, lookSlaHours: 4, verdictSlaHours: 10 });
    const strict = FollowUpSchema.parse(await followUpReport(database.db, team.teamId, window));
    expect(strict.settings.minScore).toBe(80);
    expect(strict.bySource.map((row) => [row.channel, row.qualified, row.looked, row.pastSla])).toEqual([['paid_search', 2, 1, 2]]);
    expect(strict.pastSla).toEqual([
      { profileId: 'p1', lead: 'Person p1', channel: 'paid_search', campaign: null, qualifiedAt: '2026-12-01T00:00:00.000Z', firstLookAt: '2026-12-01T05:00:00.000Z', firstVerdictAt: '2026-11-25T10:00:00.000Z', missed: 'look' },
      { profileId: 'p3', lead: 'Person p3', channel: 'paid_search', campaign: null, qualifiedAt: '2026-12-02T00:00:00.000Z', firstLookAt: null, firstVerdictAt: null, missed: 'look' },
    ]);
    await saveFollowUpSettings(database.db, team.teamId, { qualifiedStages: ['mql', 'sql'], minScore: null, lookSlaHours: 24, verdictSlaHours: 72 });
  });
});
