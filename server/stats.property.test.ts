// @vitest-environment node
import fc from 'fast-check';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentUsage, countEvents, fieldRequests, leadQuality } from '@/lib/insights/aggregate';
import { ChannelSchema, VerdictSchema, type ContentEvent, type FeedbackItem } from '@/lib/schema';
import { TeamStatsSchema, type TeamStats } from '@/lib/schema/rest-api';
import { createApp } from './app';
import type { Database } from './db/database';
import { openTestDatabase } from './test-support/database';
import { client } from './test-support/http';
import { createTestTeam, event, rating, request, verdict } from './test-support/team';

/**
 * The team stats the server computes from its rollups and SQL equal what lib/insights computes from
 * the raw items (the extension's own counting rules), and the daily rollups equal a brute-force count
 * over content_events, on random data.
 */
let database: Database;
let app: Hono;
let runs = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ database, rateLimit: false });
});
afterAll(() => database.close());

const START = Date.parse('2026-11-28T00:00:00Z');
const HOUR = 3_600_000;
const contentIds = ['c1', 'c2', 'c3'];
const leadKeys = ['l1', 'l2', 'l3', 'l4'];

/** Distinct instants (no ties, which "latest" could break either way) within a few days. */
const instants = (count: number) => fc.uniqueArray(fc.integer({ min: 0, max: 5 * 24 * 60 }), { minLength: count, maxLength: count }).map((minutes) => minutes.map((m) => new Date(START + m * 60_000).toISOString()));

const feedbackArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom('verdict', 'content_rating', 'content_request', 'prospect_question'),
      lead: fc.constantFrom(...leadKeys),
      content: fc.constantFrom(...contentIds),
      verdict: fc.constantFrom(...VerdictSchema.options),
      useful: fc.boolean(),
      channel: fc.option(fc.constantFrom(...ChannelSchema.options.slice(0, 3)), { nil: undefined }),
      campaign: fc.option(fc.constantFrom('Spring', 'Fall'), { nil: undefined }),
      rep: fc.constantFrom('rep', 'rep2'),
    }),
    { maxLength: 25 },
  )
  .chain((specs) => instants(specs.length).map((times) => specs.map((spec, index) => ({ ...spec, at: times[index]! }))));

const eventArb = fc.array(
  fc.record({
    type: fc.constantFrom('suggested', 'opened', 'link_copied'),
    content: fc.constantFrom(...contentIds),
    minutes: fc.integer({ min: 0, max: 5 * 24 * 60 }),
    rep: fc.constantFrom('rep', 'rep2'),
  }),
  { maxLength: 40 },
);

/** Since: all time, a midnight, or inside a day (the partial first day is read from events). */
const sinceArb = fc.option(fc.integer({ min: 0, max: 5 * 24 }).map((hours) => new Date(START + hours * HOUR + (hours % 3 === 0 ? 0 : 17 * 60_000)).toISOString()), { nil: undefined });

describe('team stats', () => {
  it('equal lib/insights on the same items, and the rollups equal a count of the events', async () => {
    await fc.assert(
      fc.asyncProperty(feedbackArb, eventArb, sinceArb, async (feedbackSpecs, eventSpecs, since) => {
        const team = await createTestTeam(database, `Stats ${runs++}`);
        const feedback: (FeedbackItem & { by: 'rep' | 'rep2' })[] = feedbackSpecs.map((spec) => {
          const source = { ...(spec.channel ? { channel: spec.channel } : {}), ...(spec.campaign ? { campaign: spec.campaign } : {}) };
          const item =
            spec.kind === 'verdict'
              ? verdict(spec.lead, spec.verdict, spec.at, source)
              : spec.kind === 'content_rating'
                ? rating(spec.lead, spec.content, spec.useful, spec.at)
                : request(spec.lead, spec.kind, `Text at ${spec.at}`, spec.at);
          return { ...item, by: spec.rep };
        });
        const events: (ContentEvent & { by: 'rep' | 'rep2' })[] = eventSpecs.map((spec) => ({
          ...event(spec.type, spec.content, new Date(START + spec.minutes * 60_000).toISOString()),
          by: spec.rep,
        }));
        for (const by of ['rep', 'rep2'] as const) {
          const items = [
            ...feedback.filter((item) => item.by === by).map(({ by: _by, ...item }) => ({ kind: 'feedback', id: item.id, item })),
            ...events.filter((item) => item.by === by).map(({ by: _by, ...item }) => ({ kind: 'event', id: item.id, item })),
          ];
          // Several batches, so rollup rows are updated as well as created.
          for (let start = 0; start < items.length; start += 7) {
            const answer = await client(app, team.users[by].token).post('/v1/deliveries', { items: items.slice(start, start + 7) });
            expect(answer.status).toBe(200);
          }
        }

        // Rollups vs brute force, per content item, over all time.
        const brute = await database.db
          .selectFrom('content_events')
          .select(['content_id', 'type', sql<number>`count(*)::int`.as('n')])
          .where('team_id', '=', team.teamId)
          .groupBy(['content_id', 'type'])
          .execute();
        const rolled = await database.db
          .selectFrom('content_daily')
          .select(['content_id', sql<number>`sum(suggested)::int`.as('suggested'), sql<number>`sum(opened)::int`.as('opened'), sql<number>`sum(link_copied)::int`.as('link_copied')])
          .where('team_id', '=', team.teamId)
          .groupBy('content_id')
          .execute();
        for (const row of rolled) {
          for (const type of ['suggested', 'opened', 'link_copied'] as const) {
            expect(row[type]).toBe(brute.find((entry) => entry.content_id === row.content_id && entry.type === type)?.n ?? 0);
          }
        }
        expect(rolled.reduce((sum, row) => sum + row.suggested + row.opened + row.link_copied, 0)).toBe(events.length);

        // The API's stats vs lib/insights on the items in the period.
        const response = await client(app, team.users.marketer.token).get(`/v1/stats${since ? `?since=${since}` : ''}`);
        const stats = TeamStatsSchema.parse(await response.json());
        const inPeriod = feedback.filter((item) => !since || item.createdAt >= since);
        const eventsInPeriod = events.filter((item) => !since || item.at >= since);
        const expectedCounts = countEvents(eventsInPeriod);
        const usage = contentUsage([], expectedCounts, inPeriod);
        for (const row of usage) {
          expect(stats.content.find((entry) => entry.contentId === row.contentId)).toEqual({
            contentId: row.contentId,
            suggested: row.suggested,
            opened: row.opened,
            linkCopied: row.linkCopied,
            useful: row.useful,
            notUseful: row.notUseful,
          });
        }
        expect(stats.content.filter((row) => row.suggested + row.opened + row.linkCopied + row.useful + row.notUseful > 0)).toHaveLength(usage.length);

        expect(byDimension(stats, 'channel')).toEqual(fromInsights(leadQuality(inPeriod, 'channel')));
        expect(byDimension(stats, 'campaign')).toEqual(fromInsights(leadQuality(inPeriod, 'campaign')));

        expect(stats.requests?.map(({ rep: _rep, ...rest }) => rest)).toEqual(fieldRequests(inPeriod).map(({ rep: _rep, ...rest }) => rest));
        const repName = (by: 'rep' | 'rep2') => team.users[by].name;
        expect(stats.requests?.map((entry) => entry.rep)).toEqual(
          fieldRequests(inPeriod).map((entry) => repName(feedback.find((item) => item.id === entry.id)!.by)),
        );

        const activeReps = new Set([...inPeriod.map((item) => item.by), ...events.filter((item) => !since || item.at.slice(0, 10) >= since.slice(0, 10)).map((item) => item.by)]);
        expect(stats.team).toEqual({ name: `Stats ${runs - 1}`, reps: activeReps.size });
      }),
      { numRuns: 12 },
    );
  });
});

type Grouped = Record<string, { leads: number; verdicts: Record<string, number> }>;

/** The API's (channel, campaign) rows summed by one dimension, as Insights groups them. */
function byDimension(stats: TeamStats, by: 'channel' | 'campaign'): Grouped {
  const grouped: Grouped = {};
  for (const row of stats.leadQuality) {
    const key = row[by] ?? '(unknown)';
    const entry = (grouped[key] ??= { leads: 0, verdicts: Object.fromEntries(VerdictSchema.options.map((v) => [v, 0])) });
    entry.leads += row.leads;
    for (const [name, count] of Object.entries(row.verdicts)) entry.verdicts[name]! += count;
  }
  return grouped;
}

const fromInsights = (rows: ReturnType<typeof leadQuality>): Grouped =>
  Object.fromEntries(rows.map((row) => [row.key, { leads: row.leads, verdicts: { ...row.verdicts } }]));
