import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env';
import { jsonError } from '../http/errors';

export interface RateLimitOptions {
  /** Requests a token may make at once after a quiet spell. */
  burst: number;
  /** Requests per second it regains. */
  perSecond: number;
}

/** Generous for a rep's extension (a lookup or a batch every few seconds), tight for a runaway script. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 300, perSecond: 20 };

/**
 * A token bucket per token, in this instance's memory. Per-instance is acceptable: the limit guards
 * the server against a runaway or leaked token, not a billing quota, so with N instances behind a load
 * balancer a token gets at most N times the rate, still bounded; and it keeps a database write off
 * every request. Everything the server must not lose lives in PostgreSQL; losing buckets on a restart
 * only forgives a few requests.
 */
export function rateLimitPerToken(options: RateLimitOptions = DEFAULT_RATE_LIMIT): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillMs = (options.burst / options.perSecond) * 1000;

  return async (c, next) => {
    const key = c.get('caller').tokenId;
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
    bucket.tokens = Math.min(options.burst, bucket.tokens + ((now - bucket.at) / 1000) * options.perSecond);
    bucket.at = now;
    buckets.set(key, bucket);
    if (buckets.size > 10_000) forgetFullBuckets(buckets, now, refillMs);
    if (bucket.tokens < 1) {
      const waitSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
      return jsonError(c, 429, `Too many requests for this token: wait ${waitSeconds} s and try again.`, { 'Retry-After': String(waitSeconds) });
    }
    bucket.tokens -= 1;
    await next();
  };
}

/** A bucket untouched long enough to be full again is the same as no bucket: memory stays bounded. */
function forgetFullBuckets(buckets: Map<string, { at: number }>, now: number, refillMs: number) {
  for (const [key, bucket] of buckets) if (now - bucket.at > refillMs) buckets.delete(key);
}
