import { useLocation } from './use-location';
import { query } from '../api/queries';

/**
 * The filter bar's state, kept in the address: `?period=7|30|90` (the last N days up to today, UTC)
 * or `?period=custom&from=YYYY-MM-DD&to=YYYY-MM-DD`, and `&rep=<user id>`. A link opens the same view.
 */
/** Named in the filter bar as `dashboard:filters.period_<value>`. */
export const PERIOD_CHOICES = ['7', '30', '90', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

export const DEFAULT_PERIOD: PeriodChoice = '30';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface Filters {
  period: PeriodChoice;
  /** Set only for a custom period. */
  from?: string;
  to?: string;
  rep?: string;
}

export const utcDay = (date: Date) => date.toISOString().slice(0, 10);
export const daysBefore = (day: string, days: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000));

export function readFilters(search: URLSearchParams): Filters {
  const raw = search.get('period');
  const period: PeriodChoice = PERIOD_CHOICES.some((choice) => choice === raw) ? (raw as PeriodChoice) : DEFAULT_PERIOD;
  const rep = search.get('rep') || undefined;
  if (period !== 'custom') return { period, rep };
  const today = utcDay(new Date());
  const to = DAY.test(search.get('to') ?? '') ? search.get('to')! : today;
  const from = DAY.test(search.get('from') ?? '') ? search.get('from')! : daysBefore(to, 29);
  return { period, from, to, rep };
}

/** The `from`/`to`/`rep` parameters the analytics routes take (DashboardFilterSchema). */
export function filterQuery(filters: Filters, extra: Record<string, string | undefined> = {}): string {
  const to = filters.period === 'custom' ? filters.to : utcDay(new Date());
  const from = filters.period === 'custom' ? filters.from : daysBefore(to!, Number(filters.period) - 1);
  return query({ from, to, rep: filters.rep, ...extra });
}

/** The address's query for these filters (what the nav links carry from page to page). */
export function filterSearch(filters: Filters): string {
  return query({
    period: filters.period === DEFAULT_PERIOD ? undefined : filters.period,
    from: filters.period === 'custom' ? filters.from : undefined,
    to: filters.period === 'custom' ? filters.to : undefined,
    rep: filters.rep,
  });
}

export function useFilters(): { filters: Filters; setFilters(next: Filters): void; search: string } {
  const { path, search, navigate } = useLocation();
  const filters = readFilters(search);
  const setFilters = (next: Filters) => {
    // Other parameters of the page (e.g. lead quality's `by`) stay.
    const params = new URLSearchParams(search);
    for (const key of ['period', 'from', 'to', 'rep']) params.delete(key);
    for (const [key, value] of new URLSearchParams(filterSearch(next))) params.set(key, value);
    const text = params.toString();
    navigate(`${path}${text ? `?${text}` : ''}`, { replace: true });
  };
  return { filters, setFilters, search: filterSearch(filters) };
}
