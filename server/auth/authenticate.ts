import type { MiddlewareHandler } from 'hono';
import type { Database } from '../db/database';
import { findTokenByHash, touchToken } from '../db/queries/tokens';
import type { Role } from '../db/tables';
import type { AppEnv } from '../http/env';
import { jsonError } from '../http/errors';
import { hashToken } from './token-secret';

/**
 * Resolves `Authorization: Bearer <token>` to the caller (team, user, role) or answers 401 saying
 * why: missing, unknown, expired, revoked, or the user disabled. The token is only ever hashed, never
 * logged.
 */
export function authenticate(database: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
    if (!match) return jsonError(c, 401, header ? 'The Authorization header must be "Bearer <token>".' : 'Missing bearer token: send "Authorization: Bearer <token>".', wwwAuthenticate);
    const token = await findTokenByHash(database.db, hashToken(match[1]!));
    if (!token) return jsonError(c, 401, 'Unknown token: it was never issued here, or was mistyped.', wwwAuthenticate);
    if (token.revokedAt) return jsonError(c, 401, `This token was revoked on ${token.revokedAt.toISOString()}; ask an admin for a new one.`, wwwAuthenticate);
    if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) {
      return jsonError(c, 401, `This token expired on ${token.expiresAt.toISOString()}; ask an admin for a new one.`, wwwAuthenticate);
    }
    if (token.userDisabledAt) return jsonError(c, 401, "This token's user account is disabled.", wwwAuthenticate);
    c.set('caller', { teamId: token.teamId, userId: token.userId, role: token.role, tokenId: token.id });
    // Recording use writes at most once a minute per token, and its failure must not fail the request.
    await touchToken(database.db, token.teamId, token.id).catch(() => undefined);
    await next();
  };
}

const wwwAuthenticate = { 'WWW-Authenticate': 'Bearer' };

/** Only callers with one of these roles may go on; others get a 403 that names who may. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get('caller');
    if (!roles.includes(role)) return jsonError(c, 403, `Only ${roles.join(' or ')} accounts may do this; this token belongs to a ${role}.`);
    await next();
  };
}
