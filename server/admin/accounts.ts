import type { Database } from '../db/database';
import { newTokenSecret, hashToken } from '../auth/token-secret';
import { createTeam, getTeam } from '../db/queries/teams';
import { insertToken } from '../db/queries/tokens';
import { createUser, findUserByEmail, findUsersByEmailAnyTeam } from '../db/queries/users';
import type { Role, User } from '../db/tables';

/** A mistake in what an admin asked for: the CLI prints the message, without a stack. */
export class AdminError extends Error {}

export async function addTeam(database: Database, name: string): Promise<string> {
  if (!name.trim()) throw new AdminError('A team needs a name (--name).');
  return createTeam(database.db, name.trim());
}

export async function addUser(database: Database, teamId: string, user: { email: string; role: Role; name?: string }): Promise<string> {
  if (!(await getTeam(database.db, teamId))) throw new AdminError(`No team with id ${teamId}.`);
  if (await findUserByEmail(database.db, teamId, user.email)) throw new AdminError(`${user.email} is already a user of this team.`);
  return createUser(database.db, teamId, { email: user.email, role: user.role, name: user.name?.trim() || user.email.split('@')[0]! });
}

export interface IssuedToken {
  token: string;
  tokenId: string;
  teamId: string;
  userId: string;
  expiresAt: Date | null;
}

/**
 * A new token for a user, found by e-mail (and team, when the e-mail is in several). The secret is
 * returned once; only its hash is stored. `days` 0 means it never expires.
 */
export async function issueToken(database: Database, options: { email: string; teamId?: string; days?: number; label?: string }): Promise<IssuedToken> {
  return issueTokenForUser(database, await findAccount(database, options.email, options.teamId), options);
}

/** A new token for a user already found (the CLI finds them by e-mail, the dashboard by id). */
export async function issueTokenForUser(database: Database, user: User, options: { days?: number; label?: string }): Promise<IssuedToken> {
  if (user.disabled_at) throw new AdminError(`${user.email} is disabled: enable the account before giving it a token.`);
  const days = options.days ?? 90;
  const expiresAt = days > 0 ? new Date(Date.now() + days * 86_400_000) : null;
  const token = newTokenSecret();
  const tokenId = await insertToken(database.db, user.team_id, { userId: user.id, hash: hashToken(token), label: options.label ?? '', expiresAt });
  return { token, tokenId, teamId: user.team_id, userId: user.id, expiresAt };
}

/** The user an admin command names by e-mail (and team, needed only when the e-mail is in several). */
export async function findAccount(database: Database, email: string, teamId?: string): Promise<User> {
  const user = teamId ? await findUserByEmail(database.db, teamId, email) : await onlyUser(database, email);
  if (!user) throw new AdminError(`No user ${email}${teamId ? ` in team ${teamId}` : ''}.`);
  return user;
}

async function onlyUser(database: Database, email: string) {
  const users = await findUsersByEmailAnyTeam(database.db, email);
  if (users.length > 1) throw new AdminError(`${email} is a user of ${users.length} teams: say which with --team.`);
  return users[0];
}
