import type { Kysely } from 'kysely';
import { recentSignInFailures } from '../db/queries/sign-in';
import type { Tables } from '../db/tables';
import type { DashboardOptions } from './options';

/**
 * When the e-mail's lock ends, or undefined when it may try to sign in. Counted from the database, so
 * every instance sees the same failures. Locked: the last `failures` failures fell within `windowMs`
 * and the newest is less than `lockMs` ago. Attempts while locked are refused before any password is
 * checked and are not recorded, so the lock ends `lockMs` after the failure that set it.
 */
export async function lockedUntil(db: Kysely<Tables>, emailLower: string, options: DashboardOptions): Promise<Date | undefined> {
  const { failures, windowMs, lockMs } = options.lockout;
  const now = options.now();
  const recent = await recentSignInFailures(db, emailLower, new Date(now.getTime() - windowMs - lockMs), failures);
  if (recent.length < failures) return undefined;
  const newest = recent[0]!.getTime();
  const oldest = recent[recent.length - 1]!.getTime();
  if (newest - oldest > windowMs) return undefined;
  const until = new Date(newest + lockMs);
  return until > now ? until : undefined;
}
