import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, Tables } from '../tables';

export interface StoredSession {
  id: string;
  teamId: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  user: { name: string; email: string; role: Role; disabledAt: Date | null };
  team: { name: string };
}

export async function insertSession(
  db: Kysely<Tables>,
  teamId: string,
  session: { userId: string; tokenHash: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('sessions')
    .values({
      team_id: teamId,
      id,
      user_id: session.userId,
      token_hash: session.tokenHash,
      csrf_token: session.csrfToken,
      created_at: session.now,
      expires_at: session.expiresAt,
      last_seen_at: session.now,
    })
    .execute();
  return id;
}

/**
 * The session (with its user and team) a cookie's hash names. Like tokens, the one lookup not scoped
 * by team: the session is what tells us the team.
 */
export async function findSessionByHash(db: Kysely<Tables>, tokenHash: string): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', (join) => join.onRef('users.team_id', '=', 'sessions.team_id').onRef('users.id', '=', 'sessions.user_id'))
    .innerJoin('teams', 'teams.id', 'sessions.team_id')
    .select([
      'sessions.id as id',
      'sessions.team_id as teamId',
      'sessions.user_id as userId',
      'sessions.csrf_token as csrfToken',
      'sessions.created_at as createdAt',
      'sessions.expires_at as expiresAt',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.revoked_at as revokedAt',
      'users.name as userName',
      'users.email as email',
      'users.role as role',
      'users.disabled_at as disabledAt',
      'teams.name as teamName',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { userName, email, role, disabledAt, teamName, ...session } = row;
  return { ...session, user: { name: userName, email, role, disabledAt }, team: { name: teamName } };
}

/** Records use at most once a minute per session, so browsing the dashboard does not write on every request. */
export async function touchSession(db: Kysely<Tables>, teamId: string, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('team_id', '=', teamId)
    .where('id', '=', sessionId)
    .where('last_seen_at', '<', new Date(now.getTime() - 60_000))
    .execute();
}

export async function revokeSession(db: Kysely<Tables>, teamId: string, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('team_id', '=', teamId).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Signs a user out everywhere (a new password). */
export async function revokeUserSessions(db: Kysely<Tables>, teamId: string, userId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('team_id', '=', teamId).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/** A user's sessions that can never be used again, dropped when they sign in anew so the table stays small. */
export async function deleteEndedSessions(db: Kysely<Tables>, teamId: string, userId: string, now: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('revoked_at', 'is not', null)]))
    .execute();
}
