import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import type { Database } from '../db/database';
import { findSessionByHash, touchSession, type StoredSession } from '../db/queries/sessions';
import type { Role } from '../db/tables';
import { jsonError } from '../http/errors';
import { clearSessionCookie, readSessionCookie } from './cookie';
import type { DashboardEnv, DashboardSession } from './env';
import type { DashboardOptions } from './options';
import { isStateChanging } from './request-guards';
import { serverErrorText } from '@/lib/schema/server-error-codes';

/** A session's cookie secret and CSRF token: 32 random bytes each. */
export const newSessionSecret = (): string => randomBytes(32).toString('base64url');

/** Stored and looked up as sha256, like API tokens: 256 random bits leave nothing to brute-force. */
export const hashSessionSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const REP_REFUSAL = 'Reps use the Leadside extension; the dashboard is for marketers and admins.';

export interface DashboardAuth {
  /** A live session from the cookie (any role), and the CSRF token on state-changing requests. */
  requireSession: MiddlewareHandler<DashboardEnv>;
  /** requireSession, then only these roles: what every dashboard route but sign-out uses. */
  requireDashboardUser(roles: readonly Role[]): MiddlewareHandler<DashboardEnv>;
}

export function dashboardAuth(database: Database, options: DashboardOptions): DashboardAuth {
  const requireSession: MiddlewareHandler<DashboardEnv> = async (c, next) => {
    const secret = readSessionCookie(c);
    if (!secret) return jsonError(c, 401, 'Not signed in: sign in with your e-mail and password (POST /api/session).', undefined, serverErrorText('server.notSignedIn', {}));
    const session = await findSessionByHash(database.db, hashSessionSecret(secret));
    const now = options.now();
    const problem = sessionProblem(session, now, options);
    if (problem || !session) {
      clearSessionCookie(c);
      return jsonError(c, 401, problem ?? 'Not signed in.', undefined, serverErrorText(problem ? 'server.sessionEnded' : 'server.notSignedIn', {}));
    }
    if (isStateChanging(c) && !sameSecret(c.req.header('X-CSRF-Token'), session.csrfToken)) {
      return jsonError(c, 403, 'Missing or wrong X-CSRF-Token header: send the csrfToken that signing in (or GET /api/session) returned.', undefined, serverErrorText('server.csrf', {}));
    }
    c.set('session', {
      id: session.id,
      teamId: session.teamId,
      userId: session.userId,
      role: session.user.role,
      csrfToken: session.csrfToken,
      user: { name: session.user.name, email: session.user.email, role: session.user.role },
      team: session.team,
    });
    // Recording use must not fail the request it rides on.
    await touchSession(database.db, session.teamId, session.id, now).catch(() => undefined);
    await next();
  };

  const requireRole = (roles: readonly Role[]): MiddlewareHandler<DashboardEnv> => async (c, next) => {
    const { role } = c.get('session');
    if (role === 'rep') return jsonError(c, 403, REP_REFUSAL, undefined, serverErrorText('server.repRefused', {}));
    if (!roles.includes(role)) {
      return jsonError(c, 403, `Only ${roles.join(' or ')} accounts may do this; you are signed in as a ${role}.`, undefined, serverErrorText('server.roleRefused', { roles: roles.join(', '), role }));
    }
    await next();
  };

  return { requireSession, requireDashboardUser: (roles) => every(requireSession, requireRole(roles)) };
}

/** Why a session cannot be used, or undefined when it can. */
function sessionProblem(session: StoredSession | undefined, now: Date, options: DashboardOptions): string | undefined {
  if (!session) return 'This session is unknown (it was never issued here or has been cleared); sign in again.';
  if (session.revokedAt) return 'This session was signed out; sign in again.';
  if (session.expiresAt <= now) return `This session expired (a sign-in lasts at most ${hours(options.sessionMaxMs)} hours); sign in again.`;
  if (session.lastSeenAt.getTime() + options.sessionIdleMs <= now.getTime()) return `This session ended after ${hours(options.sessionIdleMs)} hours without use; sign in again.`;
  if (session.user.disabledAt) return 'This account is disabled; ask an admin.';
  return undefined;
}

const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10;

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Shared by the session routes: what the dashboard learns about who is signed in. */
export const sessionBody = (session: Pick<DashboardSession, 'user' | 'team' | 'csrfToken'>) => ({ user: session.user, team: session.team, csrfToken: session.csrfToken });
