import type { Database } from '../db/database';
import { clearSignInFailures, findSignInCandidates, recordSignInFailure, type SignInCandidate } from '../db/queries/sign-in';
import { lockedUntil } from './lockout';
import type { DashboardOptions } from './options';
import { verifyAgainstDummy, verifyPassword } from './password';

export type SignInOutcome =
  | { kind: 'signed-in'; account: SignInCandidate }
  /** Wrong password, unknown e-mail, or an account without a password: deliberately one outcome. */
  | { kind: 'refused' }
  | { kind: 'locked'; until: Date }
  /** The password is right but the account is a rep's. */
  | { kind: 'rep' }
  /** The e-mail and password fit accounts in several teams: the caller must name one. */
  | { kind: 'choose-team'; teams: { id: string; name: string }[] };

/**
 * Checks an e-mail and password. Whether the e-mail exists never shows: an unknown one costs the same
 * scrypt work (a dummy hash), is counted towards the lockout the same way, and gets the same answer.
 */
export async function checkSignIn(database: Database, attempt: { email: string; password: string; teamId?: string }, options: DashboardOptions): Promise<SignInOutcome> {
  const emailLower = attempt.email.trim().toLowerCase();
  const until = await lockedUntil(database.db, emailLower, options);
  if (until) return { kind: 'locked', until };

  const candidates = await findSignInCandidates(database.db, emailLower, attempt.teamId);
  const matches: SignInCandidate[] = [];
  if (candidates.length === 0) await verifyAgainstDummy(attempt.password);
  for (const candidate of candidates) if (await verifyPassword(attempt.password, candidate.passwordHash)) matches.push(candidate);
  if (matches.length === 0) {
    await recordSignInFailure(database.db, emailLower, options.now());
    return { kind: 'refused' };
  }

  await clearSignInFailures(database.db, emailLower, options.now());
  const dashboardAccounts = matches.filter((account) => account.role !== 'rep');
  if (dashboardAccounts.length === 0) return { kind: 'rep' };
  if (dashboardAccounts.length > 1) return { kind: 'choose-team', teams: dashboardAccounts.map((account) => ({ id: account.teamId, name: account.teamName })) };
  return { kind: 'signed-in', account: dashboardAccounts[0]! };
}
