// @vitest-environment node
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerdictSchema, type Channel, type ContentEvent, type FeedbackItem, type LeadLook, type LifecycleStage, type Verdict } from '@/lib/schema';
import { ContentReportSchema, FollowUpSchema, LeadQualitySchema, OverviewSchema, type FollowUpSettings } from '@/lib/schema/dashboard';
import type { Database } from '../db/database';
import { contentReport } from '../db/queries/dashboard/content-report';
import { followUpReport } from '../db/queries/dashboard/follow-up';
import { leadQualityReport } from '../db/queries/dashboard/lead-quality';
import { dashboardOverview } from '../db/queries/dashboard/overview';
import { addDays, reportWindow } from '../db/queries/dashboard/window';
import { storeDeliveries, type Delivery } from '../db/queries/deliveries';
import { openTestDatabase } from '../test-support/database';
import { contentItem, createTestTeam, lead, profile, storeMarketingData } from '../test-support/team';

/**
 * The dashboard's numbers, computed in SQL over rollups, equal a brute-force count in plain TypeScript
 * over the same random items (verdicts, ratings, content events, looks, profiles), stored through the
 * real ingest (storeDeliveries), for a random period and, half the time, one rep.
 */
let database: Database;
let runs = 0;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const START = Date.parse('2026-11-02T00:00:00Z'); // a Monday
const SPAN_MINUTES = 24 * 24 * 60;
const NOW = new Date(START + SPAN_MINUTES * 60_000);
const CONTENT = ['c1', 'c2', 'c3', 'c4'];
const LEADS = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8'];
const CHANNELS: Channel[] = ['paid_search', 'webinar', 'email'];
const REPS = ['rep', 'rep2'] as const;
type RepKey = (typeof REPS)[number];
const at = (minute: number) => new Date(START + minute * 60_000).toISOString();
const day = (iso: string) => iso.slice(0, 10);

const channelArb = fc.option(fc.constantFrom(...CHANNELS), { nil: undefined });
/** Distinct minutes for feedback, so "latest" never ties. */
const feedbackArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom('verdict', 'verdict', 'content_rating'),
      lead: fc.constantFrom(...LEADS),
      verdict: fc.constantFrom(...VerdictSchema.options),
      content: fc.constantFrom(...CONTENT),
      useful: fc.boolean(),
      channel: channelArb,
      rep: fc.constantFrom(...REPS),
    }),
    { maxLength: 30 },
  )
  .chain((specs) =>
    fc.uniqueArray(fc.integer({ min: 0, max: SPAN_MINUTES - 1 }), { minLength: specs.length, maxLength: specs.length }).map((minutes) => specs.map((spec, index) => ({ ...spec, minute: minutes[index]! }))),
  );
const eventArb = fc.array(
  fc.record({
    type: fc.constantFrom('suggested', 'opened', 'opened', 'link_copied'),
    content: fc.constantFrom(...CONTENT),
    lead: fc.option(fc.constantFrom(...LEADS), { nil: undefined }),
    channel: channelArb,
    minute: fc.integer({ min: 0, max: SPAN_MINUTES - 1 }),
    rep: fc.constantFrom(...REPS),
  }),
  { maxLength: 40 },
);
const lookArb = fc.array(fc.record({ lead: fc.constantFrom(...LEADS), minute: fc.integer({ min: 0, max: SPAN_MINUTES - 1 }), rep: fc.constantFrom(...REPS) }), { maxLength: 30 });
const profileArb = fc.array(
  fc.record({
    stage: fc.option(fc.constantFrom<LifecycleStage>('lead', 'mql', 'sql'), { nil: undefined, freq: 6 }),
    score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    // Mostly marketing's own time; now and then none, so the server's first-seen time stands in.
    qualifiedMinute: fc.option(fc.integer({ min: 0, max: SPAN_MINUTES - 1 }), { nil: undefined, freq: 8 }),
    channel: fc.constantFrom(...CHANNELS),
  }),
  { minLength: LEADS.length, maxLength: LEADS.length },
);
const settingsArb: fc.Arbitrary<FollowUpSettings> = fc.record({
  qualifiedStages: fc.subarray<LifecycleStage>(['lead', 'mql', 'sql'], { minLength: 1 }),
  minScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  lookSlaHours: fc.integer({ min: 1, max: 96 }),
  verdictSlaHours: fc.integer({ min: 1, max: 200 }),
});
/** Any period within the data, most of them long enough to hold several leads of a source. */
const periodArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 }), fc.boolean())
  .map(([a, b, wide]) => ({ from: addDays(day(at(0)), wide ? Math.min(a, b, 3) : Math.min(a, b)), to: addDays(day(at(0)), wide ? Math.max(a, b, 20) : Math.max(a, b)) }));
const reviewArb = fc.array(fc.record({ reviewBy: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }), replaced: fc.boolean() }), { minLength: CONTENT.length, maxLength: CONTENT.length });

/** SQL's percentile_cont: linear interpolation between the closest ranks. */
function percentileCont(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

const mondayOf = (iso: string) => {
  const date = new Date(`${day(iso)}T00:00:00Z`);
  return addDays(day(iso), -((date.getUTCDay() + 6) % 7));
};

describe('dashboard analytics', () => {
  it('equal a brute-force count of the same items', async () => {
    await fc.assert(
      fc.asyncProperty(
        feedbackArb,
        eventArb,
        lookArb,
        profileArb,
        settingsArb,
        periodArb,
        fc.option(fc.constantFrom(...REPS), { nil: undefined }),
        reviewArb,
        async (feedbackSpecs, eventSpecs, lookSpecs, profileSpecs, settings, period, repKey, reviews) => {
          const team = await createTestTeam(database, `Analytics property ${runs++}`);
          const userOf = (key: RepKey) => team.users[key].id;
          await storeMarketingData(database, team.teamId, {
            profiles: LEADS.map((key, index) => {
              const spec = profileSpecs[index]!;
              return profile(`p-${key}`, {
                crmIds: { salesforce: `rec-${key}` },
                source: { channel: spec.channel, utm: {} },
                ...(spec.stage ? { stage: spec.stage } : {}),
                ...(spec.score !== undefined ? { score: spec.score } : {}),
                ...(spec.qualifiedMinute !== undefined ? { qualifiedAt: at(spec.qualifiedMinute) } : {}),
              });
            }),
            content: CONTENT.map((id, index) =>
              contentItem(id, {
                ...(reviews[index]!.reviewBy !== undefined ? { reviewBy: addDays(day(at(0)), reviews[index]!.reviewBy!) } : {}),
                ...(reviews[index]!.replaced ? { replacedBy: 'c1' } : {}),
              }),
            ),
          });
          await database.db
            .insertInto('team_settings')
            .values({ team_id: team.teamId, follow_up: JSON.stringify(settings) })
            .execute();

          const feedback = feedbackSpecs.map((spec) => {
            const source = spec.channel ? { channel: spec.channel } : {};
            // Half the verdicts name their profile; the rest are tied to it by the record's CRM id.
            const leadRef = spec.minute % 2 === 0 ? { ...lead(spec.lead), profileId: `p-${spec.lead}` } : lead(spec.lead);
            const item: FeedbackItem =
              spec.kind === 'verdict'
                ? { id: randomUUID(), createdAt: at(spec.minute), lead: leadRef, source, kind: 'verdict', verdict: spec.verdict, reasons: [] }
                : { id: randomUUID(), createdAt: at(spec.minute), lead: leadRef, source, kind: 'content_rating', contentId: spec.content, useful: spec.useful };
            return { item, rep: spec.rep };
          });
          const events = eventSpecs.map((spec) => {
            const item: ContentEvent = {
              id: randomUUID(),
              type: spec.type,
              contentId: spec.content,
              at: at(spec.minute),
              ...(spec.lead ? { leadKey: spec.lead } : {}),
              source: spec.channel ? { channel: spec.channel } : {},
            };
            return { item, rep: spec.rep };
          });
          const looks = lookSpecs.map((spec) => {
            const item: LeadLook = { id: randomUUID(), at: at(spec.minute), lead: { ...lead(spec.lead), profileId: `p-${spec.lead}` }, source: {} };
            return { item, rep: spec.rep };
          });
          for (const rep of REPS) {
            const deliveries: Delivery[] = [
              ...feedback.filter((entry) => entry.rep === rep).map(({ item }) => ({ kind: 'feedback' as const, id: item.id, item })),
              ...events.filter((entry) => entry.rep === rep).map(({ item }) => ({ kind: 'event' as const, id: item.id, item })),
              ...looks.filter((entry) => entry.rep === rep).map(({ item }) => ({ kind: 'look' as const, id: item.id, item })),
            ];
            // Several batches, so rollup rows and looks are updated as well as created.
            for (let start = 0; start < deliveries.length; start += 9) await storeDeliveries(database.db, team.teamId, userOf(rep), deliveries.slice(start, start + 9));
          }

          const window = reportWindow(period, NOW, repKey ? userOf(repKey) : undefined);
          const inRange = (iso: string, range: { from: string; to: string }) => day(iso) >= range.from && day(iso) <= range.to;
          const byRep = (rep: RepKey) => !repKey || rep === repKey;
          const verdicts = feedback.flatMap(({ item, rep }) => (item.kind === 'verdict' ? [{ item, rep }] : []));
          const latestPerLead = (range: { from: string; to: string }) => {
            const latest = new Map<string, (typeof verdicts)[number]['item']>();
            for (const { item } of verdicts.filter((entry) => inRange(entry.item.createdAt, range) && byRep(entry.rep))) {
              const known = latest.get(item.lead.key);
              if (!known || item.createdAt > known.createdAt) latest.set(item.lead.key, item);
            }
            return [...latest.values()];
          };
          const current = latestPerLead(window.period);
          const previous = latestPerLead(window.previous);
          const periodEvents = events.filter((entry) => inRange(entry.item.at, window.period) && byRep(entry.rep)).map((entry) => entry.item);

          // Overview.
          const overview = OverviewSchema.parse(await dashboardOverview(database.db, team.teamId, window));
          const demos = (rows: typeof current) => rows.filter((item) => item.verdict === 'demo_booked').length;
          expect(overview.demosBooked).toEqual({ current: demos(current), previous: demos(previous) });
          expect(overview.leadsRated).toEqual({ current: current.length, previous: previous.length });
          const used = new Set(periodEvents.filter((item) => item.type !== 'suggested').map((item) => item.contentId));
          expect(overview.contentUsed).toEqual({ used: used.size, catalog: CONTENT.length });
          const expectedSources = new Map<string, { leadsRated: number; demosBooked: number; goodFit: number; contentOpened: number }>();
          const sourceRow = (channel: Channel | undefined) => {
            const key = channel ?? '';
            if (!expectedSources.has(key)) expectedSources.set(key, { leadsRated: 0, demosBooked: 0, goodFit: 0, contentOpened: 0 });
            return expectedSources.get(key)!;
          };
          for (const item of current) {
            const row = sourceRow(item.source.channel);
            row.leadsRated++;
            if (item.verdict === 'demo_booked') row.demosBooked++;
            if (item.verdict === 'good_fit') row.goodFit++;
          }
          for (const item of periodEvents) if (item.type === 'opened') sourceRow(item.source.channel).contentOpened++;
          expect(Object.fromEntries(overview.bySource.map(({ channel, ...counts }) => [channel ?? '', counts]))).toEqual(Object.fromEntries(expectedSources));
          const weekly = new Map<string, (typeof verdicts)[number]['item']>();
          for (const { item } of verdicts.filter((entry) => inRange(entry.item.createdAt, window.period) && byRep(entry.rep))) {
            const key = `${mondayOf(item.createdAt)}|${item.lead.key}`;
            const known = weekly.get(key);
            if (!known || item.createdAt > known.createdAt) weekly.set(key, item);
          }
          const expectedWeekly: Record<string, number> = {};
          for (const [key, item] of weekly) {
            const cell = `${key.split('|')[0]}|${item.source.channel ?? ''}|${item.verdict}`;
            expectedWeekly[cell] = (expectedWeekly[cell] ?? 0) + 1;
          }
          const actualWeekly: Record<string, number> = {};
          for (const week of overview.weekly) {
            for (const [verdict, count] of Object.entries(week.verdicts)) if (count > 0) actualWeekly[`${week.weekStart}|${week.channel ?? ''}|${verdict}`] = count;
          }
          expect(actualWeekly).toEqual(expectedWeekly);

          // Content report.
          const report = ContentReportSchema.parse(await contentReport(database.db, team.teamId, window));
          const latestVerdictEver = new Map<string, Verdict>();
          for (const { item } of verdicts.toSorted((a, b) => a.item.createdAt.localeCompare(b.item.createdAt))) latestVerdictEver.set(item.lead.key, item.verdict);
          const ratingsIn = (filter: (rep: RepKey) => boolean) => {
            const latest = new Map<string, { contentId: string; useful: boolean; createdAt: string; rep: RepKey }>();
            for (const { item, rep } of feedback) {
              if (item.kind !== 'content_rating' || !inRange(item.createdAt, window.period) || !filter(rep)) continue;
              const key = `${item.lead.key}|${item.contentId}`;
              const known = latest.get(key);
              if (!known || item.createdAt > known.createdAt) latest.set(key, { contentId: item.contentId, useful: item.useful, createdAt: item.createdAt, rep });
            }
            return [...latest.values()];
          };
          const ratings = ratingsIn(byRep);
          const today = day(NOW.toISOString());
          for (const [index, contentId] of CONTENT.entries()) {
            const mine = periodEvents.filter((item) => item.contentId === contentId);
            const count = (type: ContentEvent['type']) => mine.filter((item) => item.type === type).length;
            const reviewBy = reviews[index]!.reviewBy !== undefined ? addDays(day(at(0)), reviews[index]!.reviewBy!) : undefined;
            expect(report.items.find((item) => item.contentId === contentId)).toMatchObject({
              suggested: count('suggested'),
              opened: count('opened'),
              linkCopied: count('link_copied'),
              useful: ratings.filter((rating) => rating.contentId === contentId && rating.useful).length,
              notUseful: ratings.filter((rating) => rating.contentId === contentId && !rating.useful).length,
              openedForDemoLeads: new Set(mine.filter((item) => item.type === 'opened' && item.leadKey && latestVerdictEver.get(item.leadKey) === 'demo_booked').map((item) => item.leadKey)).size,
              stale: reviews[index]!.replaced || (reviewBy !== undefined && reviewBy < today),
            });
          }
          expect(report.items).toHaveLength(CONTENT.length);
          expect(report.neverUsed.toSorted()).toEqual(CONTENT.filter((id) => !used.has(id)));
          expect(report.staleStillOpened.toSorted()).toEqual(report.items.filter((item) => item.stale && item.opened > 0).map((item) => item.contentId).toSorted());
          for (const rep of REPS) {
            const repEvents = events.filter((entry) => entry.rep === rep && inRange(entry.item.at, window.period)).map((entry) => entry.item);
            const repRatings = ratingsIn((who) => who === rep);
            expect(report.byRep.find((row) => row.userId === userOf(rep))).toEqual({
              userId: userOf(rep),
              rep: team.users[rep].name,
              suggested: repEvents.filter((item) => item.type === 'suggested').length,
              opened: repEvents.filter((item) => item.type === 'opened').length,
              linkCopied: repEvents.filter((item) => item.type === 'link_copied').length,
              useful: repRatings.filter((rating) => rating.useful).length,
              notUseful: repRatings.filter((rating) => !rating.useful).length,
            });
          }

          // Lead quality by source.
          const quality = LeadQualitySchema.parse(await leadQualityReport(database.db, team.teamId, window, 'source'));
          const expectedQuality: Record<string, { leads: number; good: number; demo: number; tooFew: boolean }> = {};
          for (const item of current) {
            const key = item.source.channel ?? '';
            const row = (expectedQuality[key] ??= { leads: 0, good: 0, demo: 0, tooFew: true });
            row.leads++;
            if (item.verdict === 'good_fit' || item.verdict === 'demo_booked') row.good++;
            if (item.verdict === 'demo_booked') row.demo++;
            row.tooFew = row.leads < 10;
          }
          expect(Object.fromEntries(quality.rows.map((row) => [row.channel ?? '', { leads: row.leads, good: row.good.count, demo: row.demoBooked.count, tooFew: row.good.tooFew }]))).toEqual(expectedQuality);
          for (const row of quality.rows) expect(row.good.low).toBeLessThanOrEqual(row.good.share);

          // Follow-up.
          const stored = await database.db.selectFrom('profiles').select(['id', 'first_seen_at']).where('team_id', '=', team.teamId).execute();
          const firstSeen = new Map(stored.map((row) => [row.id, new Date(row.first_seen_at).getTime()]));
          const followUp = FollowUpSchema.parse(await followUpReport(database.db, team.teamId, window));
          const HOUR = 3_600_000;
          const expectedFollowUp = new Map<string, { qualified: number; looked: number; rated: number; look: number[]; verdict: number[]; pastSla: number }>();
          const expectedMissed: { profileId: string; qualifiedAt: number; missed: 'look' | 'verdict' }[] = [];
          for (const [index, key] of LEADS.entries()) {
            const spec = profileSpecs[index]!;
            const qualifies = (spec.stage !== undefined && settings.qualifiedStages.includes(spec.stage)) || (settings.minScore !== null && spec.score !== undefined && spec.score >= settings.minScore);
            const qualifiedAt = spec.qualifiedMinute !== undefined ? Date.parse(at(spec.qualifiedMinute)) : firstSeen.get(`p-${key}`)!;
            if (!qualifies || !inRange(new Date(qualifiedAt).toISOString(), window.period)) continue;
            const lookTimes = looks.filter((entry) => entry.item.lead.key === key && byRep(entry.rep)).map((entry) => Date.parse(entry.item.at));
            const verdictTimes = verdicts.filter((entry) => entry.item.lead.key === key && byRep(entry.rep)).map((entry) => Date.parse(entry.item.createdAt));
            const firstLook = lookTimes.length > 0 ? Math.min(...lookTimes) : undefined;
            const firstVerdict = verdictTimes.length > 0 ? Math.min(...verdictTimes) : undefined;
            const row = expectedFollowUp.get(spec.channel) ?? { qualified: 0, looked: 0, rated: 0, look: [], verdict: [], pastSla: 0 };
            expectedFollowUp.set(spec.channel, row);
            row.qualified++;
            if (firstLook !== undefined) {
              row.looked++;
              row.look.push(Math.max(0, (firstLook - qualifiedAt) / HOUR));
            }
            if (firstVerdict !== undefined) {
              row.rated++;
              row.verdict.push(Math.max(0, (firstVerdict - qualifiedAt) / HOUR));
            }
            const missed = (first: number | undefined, slaHours: number) => {
              const due = qualifiedAt + slaHours * HOUR;
              return first === undefined ? due < NOW.getTime() : first > due;
            };
            const which = missed(firstLook, settings.lookSlaHours) ? 'look' : missed(firstVerdict, settings.verdictSlaHours) ? 'verdict' : undefined;
            if (which) {
              row.pastSla++;
              expectedMissed.push({ profileId: `p-${key}`, qualifiedAt, missed: which });
            }
          }
          expect(followUp.settings).toEqual(settings);
          expect(followUp.bySource).toHaveLength(expectedFollowUp.size);
          for (const row of followUp.bySource) {
            const expected = expectedFollowUp.get(row.channel!)!;
            expect({ qualified: row.qualified, looked: row.looked, rated: row.rated, pastSla: row.pastSla }).toEqual({
              qualified: expected.qualified,
              looked: expected.looked,
              rated: expected.rated,
              pastSla: expected.pastSla,
            });
            const close = (actual: number | null, wanted: number | null) => (wanted === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(wanted, 6));
            close(row.toFirstLook.median, percentileCont(expected.look, 0.5));
            close(row.toFirstLook.p90, percentileCont(expected.look, 0.9));
            close(row.toFirstVerdict.median, percentileCont(expected.verdict, 0.5));
            close(row.toFirstVerdict.p90, percentileCont(expected.verdict, 0.9));
          }
          const oldestFirst = expectedMissed.toSorted((a, b) => a.qualifiedAt - b.qualifiedAt || a.profileId.localeCompare(b.profileId));
          expect(followUp.pastSla.map((row) => ({ profileId: row.profileId, qualifiedAt: Date.parse(row.qualifiedAt), missed: row.missed }))).toEqual(oldestFirst);
        },
      ),
      { numRuns: 12 },
    );
  });
});
