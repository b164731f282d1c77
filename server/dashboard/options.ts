/** How dashboard sign-in behaves; tests inject the clock and may shorten the periods. */
export interface DashboardOptions {
  /** The time as sessions and the lockout see it (tests move it instead of sleeping). */
  now: () => Date;
  /** A session unused this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, however active. */
  sessionMaxMs: number;
  /** This many failed sign-ins for one e-mail within `windowMs` lock it for `lockMs`. */
  lockout: { failures: number; windowMs: number; lockMs: number };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A working day of idleness (the dashboard is left open in a tab between meetings) and a week at most,
 * so a forgotten session on a shared screen does not last.
 */
export const DEFAULT_DASHBOARD_OPTIONS: DashboardOptions = {
  now: () => new Date(),
  sessionIdleMs: 12 * HOUR,
  sessionMaxMs: 7 * 24 * HOUR,
  lockout: { failures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
};

export const dashboardOptions = (overrides: Partial<DashboardOptions> = {}): DashboardOptions => ({ ...DEFAULT_DASHBOARD_OPTIONS, ...overrides });
