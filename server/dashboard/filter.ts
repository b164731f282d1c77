import type { DashboardFilter } from '@/lib/schema/dashboard';
import { addDays, periodDays, reportWindow, type ReportWindow } from '../db/queries/dashboard/window';
import { utcDay } from '../db/queries/deliveries';

/** The default period: the last 30 days, today (UTC) included. */
export const DEFAULT_PERIOD_DAYS = 30;
/** Longer periods are refused: their weekly charts and previous-period comparisons stop meaning much, and cost. */
export const MAX_PERIOD_DAYS = 3 * 366;

export type FilterOutcome = { window: ReportWindow } | { error: string };

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
    return { error: `Invalid query: the period from ${from} to ${to} is longer than ${MAX_PERIOD_DAYS} days; choose a shorter one.` };
  }
  return { window: reportWindow(period, now, filter.rep) };
}
