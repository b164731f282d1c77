import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../tables';
import type { ReportPeriod } from './window';

export interface FunnelCounts {
  suggested: number;
  opened: number;
  linkCopied: number;
}

/**
 * Suggested, opened and link-copied per content item over whole days, from the rollups only (never
 * the events, which run to millions): the team's per-day rollup, or the per-rep one when a rep is named.
 */
export async function contentFunnelByItem(db: Kysely<Tables>, teamId: string, period: ReportPeriod, rep?: string): Promise<Map<string, FunnelCounts>> {
  const rows = rep
    ? await db
        .selectFrom('content_daily')
        .select(['content_id', ...sums])
        .where('team_id', '=', teamId)
        .where('user_id', '=', rep)
        .where(sql<string>`day`, '>=', period.from)
        .where(sql<string>`day`, '<=', period.to)
        .groupBy('content_id')
        .execute()
    : await db
        .selectFrom('content_team_daily')
        .select(['content_id', ...sums])
        .where('team_id', '=', teamId)
        .where(sql<string>`day`, '>=', period.from)
        .where(sql<string>`day`, '<=', period.to)
        .groupBy('content_id')
        .execute();
  return new Map(rows.map(({ content_id, ...counts }) => [content_id, counts]));
}

/**
 * The same funnel per rep (every rep with activity in the period), from the per-rep-and-source rollup:
 * a few hundred rows a day, where the per-item-and-rep one has thousands.
 */
export async function contentFunnelByRep(db: Kysely<Tables>, teamId: string, period: ReportPeriod): Promise<Map<string, FunnelCounts>> {
  const rows = await db
    .selectFrom('content_source_daily')
    .select(['user_id', ...sums])
    .where('team_id', '=', teamId)
    .where(sql<string>`day`, '>=', period.from)
    .where(sql<string>`day`, '<=', period.to)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map(({ user_id, ...counts }) => [user_id, counts]));
}

/** Content opens per lead channel ('' = none), from the per-rep-and-source rollup (migration 0008). */
export async function contentOpensByChannel(db: Kysely<Tables>, teamId: string, period: ReportPeriod, rep?: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('content_source_daily')
    .select(['channel', sql<number>`sum(opened)::int`.as('opened')])
    .where('team_id', '=', teamId)
    .where(sql<string>`day`, '>=', period.from)
    .where(sql<string>`day`, '<=', period.to)
    .$if(rep !== undefined, (query) => query.where('user_id', '=', rep!))
    .groupBy('channel')
    // The rollup counts every event type: a source with only suggestions opened nothing.
    .having(sql`sum(opened)`, '>', 0)
    .execute();
  return new Map(rows.map((row) => [row.channel, row.opened]));
}

const sums = [
  sql<number>`sum(suggested)::int`.as('suggested'),
  sql<number>`sum(opened)::int`.as('opened'),
  sql<number>`sum(link_copied)::int`.as('linkCopied'),
] as const;
