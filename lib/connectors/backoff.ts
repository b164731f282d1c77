/**
 * Rate-limit back-off shared by every call made with the same credentials: one lookup's 429 holds
 * back the next lookup, the outbox and the connection test alike, until the vendor's window has
 * passed. Keyed by a hash of the credentials, so neither the map nor a log line ever holds a token.
 */
import { ConnectorError } from './types';
import { connectorText } from './message-codes';

/** Until when (epoch ms) each key must not call. */
const closedUntil = new Map<string, number>();

/** The most a 429 without any hint makes Leadside wait: a second more for each attempt. */
const FALLBACK_STEP_MS = 1_000;
/** A daily limit is not worth waiting out in a lookup: this long, or the vendor's own Retry-After. */
const DAILY_WAIT_MS = 60 * 60 * 1000;

export interface RateLimitOptions {
  /** Who shares the back-off: rateLimitKey() of the credentials, never the credentials themselves. */
  key: string;
  /** How many times one call is sent again after a 429 whose window fits maxWaitMs. */
  retries: number;
  /** The longest one call waits for a window; a longer one fails at once (rate-limited, with the wait). */
  maxWaitMs: number;
}

/** A short hash naming the credentials (and the service they are for) in the back-off map and in logs. */
export async function rateLimitKey(service: string, secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${service}\n${secret}`));
  return [...new Uint8Array(digest).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** How long calls under `key` must still wait (0 when they may go now). */
export function backoffRemainingMs(key: string, now = Date.now()): number {
  const until = closedUntil.get(key);
  if (until === undefined) return 0;
  if (until <= now) {
    closedUntil.delete(key);
    return 0;
  }
  return until - now;
}

/** Holds calls under `key` back for `ms` (a later end never shortens an earlier one). */
export function backOff(key: string, ms: number, now = Date.now()): void {
  const until = now + Math.max(0, ms);
  if ((closedUntil.get(key) ?? 0) < until) closedUntil.set(key, until);
}

/** Forgets every back-off (tests). */
export function clearBackoffs(): void {
  closedUntil.clear();
}

/**
 * Waits out the back-off for `key` when it fits `maxWaitMs`; otherwise fails at once as rate-limited
 * with the time left, so the caller can say when it will try again instead of hanging.
 */
export async function waitForWindow(options: RateLimitOptions, vendor: string, signal?: AbortSignal): Promise<void> {
  const remaining = backoffRemainingMs(options.key);
  if (remaining === 0) return;
  if (remaining > options.maxWaitMs) {
    throw new ConnectorError(
      'rate-limited',
      `${vendor} answered 429 (rate limit reached) a moment ago; Leadside asks again in ${Math.ceil(remaining / 1000)} s.`,
      remaining,
      vendor,
      connectorText('source.rateLimitedRecently', { system: vendor, count: Math.ceil(remaining / 1000) }),
    );
  }
  await sleep(remaining, signal);
}

/**
 * How long a 429 asks to wait, from what the vendor said: Retry-After first; then HubSpot's window
 * (X-HubSpot-RateLimit-Interval-Milliseconds) and the policy its body names (TEN_SECONDLY_ROLLING,
 * the secondly search limit, DAILY) as HubSpot's own client reads them (hubspot-api-nodejs
 * RetryDecorator); else one more second for each attempt.
 */
export function rateLimitWaitMs(headers: Headers, body: unknown, attempt: number, retryAfter: number | undefined): number {
  if (retryAfter !== undefined) return retryAfter;
  const policy = policyOf(body);
  if (policy === 'DAILY') return DAILY_WAIT_MS;
  const interval = Number(headers.get('X-HubSpot-RateLimit-Interval-Milliseconds'));
  if (Number.isFinite(interval) && interval > 0) return Math.min(interval, DAILY_WAIT_MS);
  if (policy === 'TEN_SECONDLY_ROLLING') return 10_000;
  if (policy === 'SECONDLY') return 1_000;
  return FALLBACK_STEP_MS * (attempt + 1);
}

/**
 * A successful answer that says the window is used up (X-HubSpot-RateLimit-Remaining: 0) holds the
 * next calls back for the window instead of letting them run into a 429.
 */
export function noteRemaining(key: string, headers: Headers): void {
  const remaining = headers.get('X-HubSpot-RateLimit-Remaining');
  if (remaining === null || remaining.trim() === '' || Number(remaining) > 0) return;
  const interval = Number(headers.get('X-HubSpot-RateLimit-Interval-Milliseconds'));
  if (Number.isFinite(interval) && interval > 0) backOff(key, Math.min(interval, DAILY_WAIT_MS));
}

function policyOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { policyName, message } = body as { policyName?: unknown; message?: unknown };
  if (typeof policyName === 'string' && policyName.trim()) return policyName.trim().toUpperCase();
  if (typeof message === 'string') {
    if (/secondly limit/i.test(message) && !/ten[_ ]secondly/i.test(message)) return 'SECONDLY';
    if (/ten[_ ]secondly/i.test(message)) return 'TEN_SECONDLY_ROLLING';
    if (/daily limit/i.test(message)) return 'DAILY';
  }
  return undefined;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
