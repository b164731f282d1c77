import { addDays } from '../db/queries/dashboard/window';

/**
 * The digest's weeks: ISO weeks in UTC, named by their Monday ('YYYY-MM-DD'), Monday to Sunday.
 */
export interface DigestWeek {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
/** When the weekly digest goes out: Monday 07:00 UTC, before the week's sales–marketing meeting. */
export const DIGEST_POST_HOUR_UTC = 7;

const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The Monday of the ISO week `instant` falls in (UTC). */
export function mondayOf(instant: Date): string {
  const daysSinceMonday = (instant.getUTCDay() + 6) % 7;
  return dayOf(new Date(instant.getTime() - daysSinceMonday * DAY_MS));
}

export const isMonday = (day: string): boolean => new Date(`${day}T00:00:00Z`).getUTCDay() === 1;

export const weekStarting = (monday: string): DigestWeek => ({ from: monday, to: addDays(monday, 6) });

/** The last week that has ended by `now`: what GET /api/digest shows by default. */
export const lastFullWeek = (now: Date): DigestWeek => weekStarting(addDays(mondayOf(now), -7));

/**
 * The week the scheduled digest should have posted by `now`: the last full week once it is Monday
 * 07:00, the one before until then. A server that was down on Monday posts it when it is back.
 */
export const dueWeek = (now: Date): DigestWeek => lastFullWeek(new Date(now.getTime() - DIGEST_POST_HOUR_UTC * 3_600_000));
