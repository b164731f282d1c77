import { sql, type Kysely } from 'kysely';
import type { ContentCounts } from '@/lib/insights/aggregate';
import { ChannelSchema, VerdictSchema, type Verdict } from '@/lib/schema';
import type { TeamStats } from '@/lib/schema/rest-api';
import type { Tables } from '../tables';
import { utcDay } from './deliveries';

const MAX_REQUESTS = 200;
const DAY_MS = 86_400_000;

/**
 * The team's numbers for Insights, since an instant (or all time). Content counts come from the daily
 * rollups (plus, when `since` falls inside a day, that day's events read by time), ratings and verdicts
 * from feedback: never a scan of all content events, so this stays fast at millions of them. The
 * counting rules are lib/insights/aggregate.ts's: each lead counts once with its latest verdict, each
 * lead's latest rating of an item counts once.
 */
export async function teamStats(db: Kysely<Tables>, teamId: string, since?: Date): Promise<TeamStats> {
  const [counts, ratings, leadQuality, requests, team, catalog] = await Promise.all([
    contentCounts(db, teamId, since),
    latestRatings(db, teamId, { since }),
    latestVerdicts(db, teamId, since),
    fieldRequests(db, teamId, since),
    teamSummary(db, teamId, since),
    db.selectFrom('content').select('id').where('team_id', '=', teamId).where('retired_at', 'is', null).orderBy('position').execute(),
  ]);

  const rows = new Map<string, TeamStats['content'][number]>();
  const row = (contentId: string) => {
    let entry = rows.get(contentId);
    if (!entry) rows.set(contentId, (entry = { contentId, suggested: 0, opened: 0, linkCopied: 0, useful: 0, notUseful: 0 }));
    return entry;
  };
  // The catalog appears even unused: that is marketing's never-used list.
  for (const { id } of catalog) row(id);
  for (const count of counts) {
    const entry = row(count.contentId);
    entry.suggested += count.suggested;
    entry.opened += count.opened;
    entry.linkCopied += count.linkCopied;
  }
  for (const rating of ratings) {
    const entry = row(rating.contentId);
    entry.useful += rating.useful;
    entry.notUseful += rating.notUseful;
  }
  const content = [...rows.values()].sort(
    (a, b) => b.opened + b.linkCopied - (a.opened + a.linkCopied) || b.suggested - a.suggested || (a.contentId < b.contentId ? -1 : 1),
  );
  return { content, leadQuality, team, requests };
}

async function contentCounts(db: Kysely<Tables>, teamId: string, since?: Date): Promise<ContentCounts[]> {
  // The team's per-day rollup (a few hundred rows a day), not the per-rep one, which is about as big as the events.
  let rollups = db
    .selectFrom('content_team_daily')
    .select([
      'content_id as contentId',
      sql<number>`sum(suggested)::int`.as('suggested'),
      sql<number>`sum(opened)::int`.as('opened'),
      sql<number>`sum(link_copied)::int`.as('linkCopied'),
    ])
    .where('team_id', '=', teamId)
    .groupBy('content_id');
  if (!since) return rollups.execute();

  // Whole days from the rollups; the part of the first day after `since` from that day's events.
  const firstDay = utcDay(since);
  const startsAtMidnight = since.getTime() === Date.parse(`${firstDay}T00:00:00Z`);
  rollups = rollups.where(sql<string>`day`, startsAtMidnight ? '>=' : '>', firstDay);
  if (startsAtMidnight) return rollups.execute();
  const dayEnd = new Date(Date.parse(`${firstDay}T00:00:00Z`) + DAY_MS);
  const partial = db
    .selectFrom('content_events')
    .select([
      'content_id as contentId',
      sql<number>`(count(*) filter (where type = 'suggested'))::int`.as('suggested'),
      sql<number>`(count(*) filter (where type = 'opened'))::int`.as('opened'),
      sql<number>`(count(*) filter (where type = 'link_copied'))::int`.as('linkCopied'),
    ])
    .where('team_id', '=', teamId)
    .where('at', '>=', since)
    .where('at', '<', dayEnd)
    .groupBy('content_id');
  const [whole, first] = await Promise.all([rollups.execute(), partial.execute()]);
  return [...whole, ...first];
}

/** Which feedback a count reads: from `since` (inclusive) to `until` (exclusive), optionally one rep's. */
export interface FeedbackRange {
  since?: Date;
  until?: Date;
  userId?: string;
}

/** Per item: how many leads' latest rating (in the range) says useful, and how many not. */
export async function latestRatings(db: Kysely<Tables>, teamId: string, { since, until, userId }: FeedbackRange = {}) {
  const latest = db
    .selectFrom('feedback')
    .select(['content_id', 'useful'])
    .distinctOn(['lead_key', 'content_id'])
    .where('team_id', '=', teamId)
    // A literal, not a parameter, so the planner always matches the partial index (migration 0005).
    .where(sql<boolean>`kind = 'content_rating'`)
    .$if(since !== undefined, (query) => query.where('created_at', '>=', since!))
    .$if(until !== undefined, (query) => query.where('created_at', '<', until!))
    .$if(userId !== undefined, (query) => query.where('user_id', '=', userId!))
    .orderBy('lead_key')
    .orderBy('content_id')
    .orderBy('created_at', 'desc');
  const rows = await db
    .selectFrom(latest.as('latest'))
    .select([
      'content_id',
      sql<number>`(count(*) filter (where useful))::int`.as('useful'),
      sql<number>`(count(*) filter (where not useful))::int`.as('notUseful'),
    ])
    .groupBy('content_id')
    .execute();
  return rows.map((row) => ({ contentId: row.content_id ?? '', useful: row.useful, notUseful: row.notUseful }));
}

/** Leads by the source of their latest verdict, each lead once. */
async function latestVerdicts(db: Kysely<Tables>, teamId: string, since?: Date): Promise<TeamStats['leadQuality']> {
  const latest = db
    .selectFrom('feedback')
    .select(['verdict', 'channel', 'campaign'])
    .distinctOn('lead_key')
    .where('team_id', '=', teamId)
    .where(sql<boolean>`kind = 'verdict'`)
    .$if(since !== undefined, (query) => query.where('created_at', '>=', since!))
    .orderBy('lead_key')
    .orderBy('created_at', 'desc');
  const rows = await db
    .selectFrom(latest.as('latest'))
    .select(['channel', 'campaign', 'verdict', sql<number>`count(*)::int`.as('leads')])
    .groupBy(['channel', 'campaign', 'verdict'])
    .execute();

  const groups = new Map<string, TeamStats['leadQuality'][number]>();
  for (const row of rows) {
    const key = `${row.channel ?? ''}\n${row.campaign ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      const channel = ChannelSchema.safeParse(row.channel).data;
      group = { ...(channel ? { channel } : {}), ...(row.campaign !== null ? { campaign: row.campaign } : {}), leads: 0, verdicts: noVerdicts() };
      groups.set(key, group);
    }
    const verdict = VerdictSchema.safeParse(row.verdict).data;
    if (!verdict) continue;
    group.leads += row.leads;
    group.verdicts[verdict] += row.leads;
  }
  return [...groups.values()].sort((a, b) => b.leads - a.leads || (a.campaign ?? '').localeCompare(b.campaign ?? ''));
}

export const noVerdicts = () => Object.fromEntries(VerdictSchema.options.map((verdict) => [verdict, 0])) as Record<Verdict, number>;

/** Content requests and prospect questions, newest first, with the rep who sent each. */
async function fieldRequests(db: Kysely<Tables>, teamId: string, since?: Date): Promise<NonNullable<TeamStats['requests']>> {
  const rows = await db
    .selectFrom('feedback')
    .leftJoin('users', (join) => join.onRef('users.team_id', '=', 'feedback.team_id').onRef('users.id', '=', 'feedback.user_id'))
    .select(['feedback.id', 'feedback.kind', 'feedback.text', 'feedback.created_at', 'feedback.lead_label', 'users.name as rep'])
    .where('feedback.team_id', '=', teamId)
    .where('feedback.kind', 'in', ['content_request', 'prospect_question'])
    .$if(since !== undefined, (query) => query.where('feedback.created_at', '>=', since!))
    .orderBy('feedback.created_at', 'desc')
    .orderBy('feedback.id')
    .limit(MAX_REQUESTS)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind === 'content_request' ? 'content_request' : 'prospect_question',
    text: row.text ?? '',
    createdAt: row.created_at.toISOString(),
    lead: row.lead_label,
    ...(row.rep ? { rep: row.rep } : {}),
  }));
}

/** The team's name, and how many of its reps delivered anything in the period. */
async function teamSummary(db: Kysely<Tables>, teamId: string, since?: Date): Promise<NonNullable<TeamStats['team']>> {
  const sinceDay = since ? utcDay(since) : undefined;
  // One index probe per rep (a team has hundreds at most), rather than a distinct over all activity.
  const row = await db
    .selectFrom('teams')
    .select((eb) => [
      'teams.name',
      eb
        .selectFrom('users')
        .select(sql<number>`count(*)::int`.as('reps'))
        .where('users.team_id', '=', teamId)
        .where('users.role', '=', 'rep')
        .where((inner) =>
          inner.or([
            inner.exists(
              inner
                .selectFrom('content_daily')
                .select(sql`1`.as('one'))
                .where('content_daily.team_id', '=', teamId)
                .whereRef('content_daily.user_id', '=', 'users.id')
                .$if(sinceDay !== undefined, (query) => query.where(sql<string>`content_daily.day`, '>=', sinceDay!)),
            ),
            inner.exists(
              inner
                .selectFrom('feedback')
                .select(sql`1`.as('one'))
                .where('feedback.team_id', '=', teamId)
                .whereRef('feedback.user_id', '=', 'users.id')
                .$if(since !== undefined, (query) => query.where('feedback.created_at', '>=', since!)),
            ),
          ]),
        )
        .as('reps'),
    ])
    .where('teams.id', '=', teamId)
    .executeTakeFirstOrThrow();
  return { name: row.name, reps: row.reps ?? 0 };
}
