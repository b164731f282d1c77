import { sql, type Kysely } from 'kysely';
import type { Role, Tables } from '../tables';

export interface SignInCandidate {
  teamId: string;
  userId: string;
  teamName: string;
  name: string;
  email: string;
  role: Role;
  passwordHash: string;
}

/**
 * The enabled accounts with this e-mail that have a password, in every team (or one): who a dashboard
 * sign-in may be. Oldest team first, so the order is stable.
 */
export async function findSignInCandidates(db: Kysely<Tables>, email: string, teamId?: string): Promise<SignInCandidate[]> {
  let query = db
    .selectFrom('users')
    .innerJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.team_id as teamId', 'users.id as userId', 'teams.name as teamName', 'users.name as name', 'users.email as email', 'users.role as role', 'users.password_hash as passwordHash'])
    .where(sql<string>`lower(users.email)`, '=', email.trim().toLowerCase())
    .where('users.password_hash', 'is not', null)
    .where('users.disabled_at', 'is', null)
    .orderBy('teams.created_at');
  if (teamId) query = query.where('users.team_id', '=', teamId);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, passwordHash: row.passwordHash! }));
}

export async function setPasswordHash(db: Kysely<Tables>, teamId: string, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('team_id', '=', teamId).where('id', '=', userId).execute();
}

export async function recordSignInFailure(db: Kysely<Tables>, emailLower: string, at: Date): Promise<void> {
  await db.insertInto('sign_in_failures').values({ email_lower: emailLower, at }).execute();
}

/** The latest failures for an e-mail since a moment, newest first: what the lockout decides on. */
export async function recentSignInFailures(db: Kysely<Tables>, emailLower: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('at')
    .where('email_lower', '=', emailLower)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.at);
}

/** A successful sign-in forgives the e-mail's failures; failures older than a day are dropped on the way. */
export async function clearSignInFailures(db: Kysely<Tables>, emailLower: string, now: Date): Promise<void> {
  await db
    .deleteFrom('sign_in_failures')
    .where((eb) => eb.or([eb('email_lower', '=', emailLower), eb('at', '<', new Date(now.getTime() - 86_400_000))]))
    .execute();
}
