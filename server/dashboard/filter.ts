import type { Kysely } from 'kysely';
import type { DashboardFilter } from '@/lib/schema/dashboard';
import type { Tables } from '../db/tables';
import { findUserById } from '../db/queries/users';
import { addDays, periodDays, reportWindow, type ReportWindow } from '../db/queries/dashboard/window';
import { utcDay } from '../db/queries/deliveries';
import { serverErrorText } from '@/lib/schema/server-error-codes';
import type { CodedText } from '@/lib/schema/coded-text';

/** The default period: the last 30 days, today (UTC) included. */
export const DEFAULT_PERIOD_DAYS = 30;
/** Longer periods are refused: their weekly charts and previous-period comparisons stop meaning much, and cost. */
export const MAX_PERIOD_DAYS = 3 * 366;

export type FilterOutcome = { window: ReportWindow } | { error: string; coded: CodedText };

/**
 * A validated DashboardFilter (the `from`, `to` and `rep` query parameters) as concrete days: `to`
 * defaults to today (UTC), `from` to 29 days before `to`, and the previous period is as long and
 * ends the day before `from`.
 */
export function resolveDashboardFilter(filter: DashboardFilter, now: Date): FilterOutcome {
  const to = filter.to ?? (filter.from && filter.from > utcDay(now) ? filter.from : utcDay(now));
  const from = filter.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  const period = { from, to };
  if (periodDays(period) > MAX_PERIOD_DAYS) {
    return {
      error: `Invalid query: the period from ${from} to ${to} is longer than ${MAX_PERIOD_DAYS} days; choose a shorter one.`,
      coded: serverErrorText('server.periodTooLong', { from, to, count: MAX_PERIOD_DAYS }),
    };
  }
  return { window: reportWindow(period, now, filter.rep) };
}

/**
 * resolveDashboardFilter, and the named rep must be a member of the signed-in user's team: another
 * team's user id (or a typo) is a 400 that says so, never an empty page that looks like "no activity".
 */
export async function resolveTeamFilter(db: Kysely<Tables>, teamId: string, filter: DashboardFilter, now: Date): Promise<FilterOutcome> {
  if (filter.rep && !(await findUserById(db, teamId, filter.rep))) {
    return { error: `Invalid query: rep: no user with id ${filter.rep} in your team (GET /api/team lists them).`, coded: serverErrorText('server.unknownRep', { id: filter.rep }) };
  }
  return resolveDashboardFilter(filter, now);
}
