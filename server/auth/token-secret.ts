import { createHash, randomBytes } from 'node:crypto';

/** The visible prefix says what the secret is (and lets secret scanners recognise a leaked one). */
const PREFIX = 'lsk_';

/** A new API token: 32 random bytes, base64url. Shown once; only its hash is stored. */
export const newTokenSecret = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

/**
 * How a token is stored and looked up. A plain sha256 suffices (no salt or slow hash): the token
 * carries 256 random bits, so there is nothing to brute-force, and lookups stay one index probe.
 */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
