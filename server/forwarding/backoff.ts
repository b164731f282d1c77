/** How long a forward waits before its next attempt. */
export interface BackoffOptions {
  /** The first retry's delay; each further one doubles it. */
  baseMs: number;
  /** No wait is longer, not even one a vendor's Retry-After asks for. */
  maxMs: number;
  /** After this many attempts a forward that still fails is marked failed (the CLI lists why). */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 15_000, maxMs: 15 * 60_000, maxAttempts: 12 };

/**
 * The delay before attempt `attempts + 1`: doubling from `baseMs`, and never shorter than what the
 * vendor asked for (Retry-After), but never longer than `maxMs` either: a Retry-After of a day must
 * not park a verdict for a day. A little jitter keeps many teams' retries from landing together.
 */
export function retryDelayMs(attempts: number, options: BackoffOptions, retryAfterMs?: number, random = Math.random): number {
  const doubling = options.baseMs * 2 ** Math.max(0, attempts - 1);
  const jittered = doubling * (0.8 + 0.4 * random());
  return Math.min(options.maxMs, Math.max(jittered, retryAfterMs ?? 0));
}
