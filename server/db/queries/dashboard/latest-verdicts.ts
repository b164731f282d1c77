import { sql, type Kysely } from 'kysely';
import { ChannelSchema, VerdictSchema, type Channel, type Verdict } from '@/lib/schema';
import type { Tables } from '../../tables';
import { periodEnd, periodStart, type ReportPeriod } from './window';

/**
 * Each lead once, with its latest verdict given in the period (by the rep, when one is named): the
 * counting rule of every lead-quality number, as lib/insights/aggregate.ts counts in the extension.
 * A subquery the reports group further. Ties on the instant go to the larger id, so every report
 * picks the same verdict.
 */
export function latestVerdictsIn(db: Kysely<Tables>, teamId: string, period: ReportPeriod, rep?: string) {
  return db
    .selectFrom('feedback')
    .select(['id', 'lead_key', 'lead_label', 'verdict', 'channel', 'campaign', 'created_at', 'user_id', 'reasons', 'note'])
    .distinctOn('lead_key')
    .where('team_id', '=', teamId)
    // A literal, not a parameter, so the planner matches the partial indexes (migrations 0005, 0008).
    .where(sql<boolean>`kind = 'verdict'`)
    .where('created_at', '>=', periodStart(period))
    .where('created_at', '<', periodEnd(period))
    .$if(rep !== undefined, (query) => query.where('user_id', '=', rep!))
    .orderBy('lead_key')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
}

/** A stored channel as the contract's enum; anything else (or none) is null. */
export const channelOrNull = (value: string | null | undefined): Channel | null => ChannelSchema.safeParse(value).data ?? null;

/** A stored verdict as the contract's enum, undefined for anything else. */
export const verdictOf = (value: string | null | undefined): Verdict | undefined => VerdictSchema.safeParse(value).data;

/** Zero of every verdict, ready to count into. */
export { noVerdicts } from '../stats';

/** Orders rows by a name that may be missing: named ones first in code-point order, then the unnamed. */
export const byNameThenNone = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
