import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, Tables } from '../tables';

export interface StoredToken {
  id: string;
  teamId: string;
  userId: string;
  role: Role;
  expiresAt: Date | null;
  revokedAt: Date | null;
  userDisabledAt: Date | null;
}

export async function insertToken(
  db: Kysely<Tables>,
  teamId: string,
  token: { userId: string; hash: string; label: string; expiresAt: Date | null },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('tokens')
    .values({ team_id: teamId, id, user_id: token.userId, token_hash: token.hash, label: token.label, expires_at: token.expiresAt })
    .execute();
  return id;
}

/**
 * The token (and its user) a request's bearer hash names. The only lookup not scoped by team: the
 * token is what tells us the team.
 */
export async function findTokenByHash(db: Kysely<Tables>, hash: string): Promise<StoredToken | undefined> {
  const row = await db
    .selectFrom('tokens')
    .innerJoin('users', (join) => join.onRef('users.team_id', '=', 'tokens.team_id').onRef('users.id', '=', 'tokens.user_id'))
    .select([
      'tokens.id as id',
      'tokens.team_id as teamId',
      'tokens.user_id as userId',
      'users.role as role',
      'tokens.expires_at as expiresAt',
      'tokens.revoked_at as revokedAt',
      'users.disabled_at as userDisabledAt',
    ])
    .where('tokens.token_hash', '=', hash)
    .executeTakeFirst();
  return row;
}

/** Best effort and at most once a minute per token, so a busy rep does not write on every request. */
export async function touchToken(db: Kysely<Tables>, teamId: string, tokenId: string): Promise<void> {
  const minuteAgo = new Date(Date.now() - 60_000);
  await db
    .updateTable('tokens')
    .set({ last_used_at: new Date() })
    .where('team_id', '=', teamId)
    .where('id', '=', tokenId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', minuteAgo)]))
    .execute();
}

export interface TokenListing {
  id: string;
  userId: string;
  /** The user's name. */
  user: string;
  email: string;
  label: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export async function listTokens(db: Kysely<Tables>, teamId: string): Promise<TokenListing[]> {
  return tokenListings(db, teamId).orderBy('tokens.created_at').execute();
}

/** One token of the team as listTokens shows it. */
export async function getTokenListing(db: Kysely<Tables>, teamId: string, tokenId: string): Promise<TokenListing | undefined> {
  return tokenListings(db, teamId).where('tokens.id', '=', tokenId).executeTakeFirst();
}

function tokenListings(db: Kysely<Tables>, teamId: string) {
  return db
    .selectFrom('tokens')
    .innerJoin('users', (join) => join.onRef('users.team_id', '=', 'tokens.team_id').onRef('users.id', '=', 'tokens.user_id'))
    .select([
      'tokens.id as id',
      'tokens.user_id as userId',
      'users.name as user',
      'users.email as email',
      'tokens.label as label',
      'tokens.created_at as createdAt',
      'tokens.expires_at as expiresAt',
      'tokens.revoked_at as revokedAt',
      'tokens.last_used_at as lastUsedAt',
    ])
    .where('tokens.team_id', '=', teamId);
}

/** Revokes a token by its id (ids are random UUIDs, so the admin CLI need not name the team). */
export const revokeToken = (db: Kysely<Tables>, tokenId: string): Promise<boolean> => revoke(db, { tokenId, at: new Date() });

/** Revokes one of the team's tokens (the dashboard names the team); false when it has no such token or it was revoked already. */
export const revokeTeamToken = (db: Kysely<Tables>, teamId: string, tokenId: string, at: Date): Promise<boolean> => revoke(db, { teamId, tokenId, at });

async function revoke(db: Kysely<Tables>, target: { teamId?: string; tokenId: string; at: Date }): Promise<boolean> {
  let query = db.updateTable('tokens').set({ revoked_at: target.at }).where('id', '=', target.tokenId).where('revoked_at', 'is', null);
  if (target.teamId !== undefined) query = query.where('team_id', '=', target.teamId);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
