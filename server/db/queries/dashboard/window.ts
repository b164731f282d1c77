/**
 * The period a dashboard query covers: whole UTC days, `from` and `to` inclusive ('YYYY-MM-DD'), the
 * period of equal length just before it, and optionally one rep. server/dashboard/filter.ts makes one
 * from the request's filter; the digest makes one per week.
 */
export interface ReportPeriod {
  from: string;
  to: string;
}

export interface ReportWindow {
  period: ReportPeriod;
  previous: ReportPeriod;
  /** A rep's user id: only what that rep did (their verdicts, ratings, content events, looks). */
  rep?: string;
  /** The instant "now" for anything judged against today (stale items, leads past the SLA). */
  now: Date;
}

const DAY_MS = 86_400_000;

/** The instant a period starts (its first day's midnight, UTC). */
export const periodStart = (period: ReportPeriod): Date => new Date(`${period.from}T00:00:00Z`);

/** The instant a period ends, exclusive (the midnight after its last day). */
export const periodEnd = (period: ReportPeriod): Date => new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY_MS);

/** `day` moved by a number of days. */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** How many days a period spans, both ends counted. */
export const periodDays = (period: ReportPeriod): number => Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS) + 1;

/** The window of a period: the previous one is as long and ends the day before it starts. */
export function reportWindow(period: ReportPeriod, now: Date, rep?: string): ReportWindow {
  const length = periodDays(period);
  const previous = { from: addDays(period.from, -length), to: addDays(period.from, -1) };
  return { period, previous, ...(rep ? { rep } : {}), now };
}
