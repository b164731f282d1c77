import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/database';
import { deleteEndedSessions, insertSession, revokeSession } from '../../db/queries/sessions';
import { jsonError } from '../../http/errors';
import { requireJson, validate } from '../../http/validate';
import { clearSessionCookie, setSessionCookie } from '../cookie';
import type { DashboardEnv } from '../env';
import type { DashboardOptions } from '../options';
import { PASSWORD_MAX_LENGTH } from '../password';
import { DASHBOARD_ROLES } from '../roles';
import { hashSessionSecret, newSessionSecret, REP_REFUSAL, sessionBody, type DashboardAuth } from '../session-auth';
import { checkSignIn } from '../sign-in';
import { serverErrorText } from '@/lib/schema/server-error-codes';

const SignInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail.').max(320),
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
  /** Only when the e-mail has dashboard accounts in several teams (the 409 answer lists them). */
  teamId: z.string().min(1).optional(),
});

/** Sign in (POST), who is signed in (GET), sign out (DELETE): /api/session. */
export function sessionRoutes(database: Database, options: DashboardOptions, auth: DashboardAuth): Hono<DashboardEnv> {
  const routes = new Hono<DashboardEnv>();

  routes.post('/session', requireJson, validate('json', SignInSchema), async (c) => {
    const outcome = await checkSignIn(database, c.req.valid('json'), options);
    switch (outcome.kind) {
      case 'refused':
        return jsonError(c, 401, 'Wrong e-mail or password.', undefined, serverErrorText('server.wrongPassword', {}));
      case 'locked': {
        const seconds = Math.max(1, Math.ceil((outcome.until.getTime() - options.now().getTime()) / 1000));
        const minutes = Math.ceil(seconds / 60);
        return jsonError(c, 429, `Too many failed sign-ins for this e-mail: try again in ${minutes} minutes.`, { 'Retry-After': String(seconds) }, serverErrorText('server.lockedOut', { count: minutes }));
      }
      case 'rep':
        return jsonError(c, 403, REP_REFUSAL, undefined, serverErrorText('server.repRefused', {}));
      case 'choose-team':
        return c.json({ error: 'This e-mail and password open accounts in several teams: sign in again with the teamId of one of them.', code: 'server.severalTeams', teams: outcome.teams }, 409);
      case 'signed-in': {
        const { account } = outcome;
        const now = options.now();
        const secret = newSessionSecret();
        const csrfToken = newSessionSecret();
        await deleteEndedSessions(database.db, account.teamId, account.userId, now);
        await insertSession(database.db, account.teamId, {
          userId: account.userId,
          tokenHash: hashSessionSecret(secret),
          csrfToken,
          now,
          expiresAt: new Date(now.getTime() + options.sessionMaxMs),
        });
        setSessionCookie(c, secret, options.sessionMaxMs);
        return c.json(sessionBody({ user: { name: account.name, email: account.email, role: account.role }, team: { name: account.teamName }, csrfToken }));
      }
    }
  });

  routes.get('/session', auth.requireDashboardUser(DASHBOARD_ROLES), (c) => c.json(sessionBody(c.get('session'))));

  // Any role may sign out, so a session whose user was made a rep can still be ended.
  routes.delete('/session', auth.requireSession, async (c) => {
    const session = c.get('session');
    await revokeSession(database.db, session.teamId, session.id, options.now());
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  return routes;
}
