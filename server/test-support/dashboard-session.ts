import type { Hono } from 'hono';
import { hashPassword } from '../dashboard/password';
import type { Database } from '../db/database';
import { setPasswordHash } from '../db/queries/sign-in';

export const TEST_PASSWORD = 'correct horse battery staple';
/** The origin app.request() calls see as the server's own (http://localhost). */
export const OWN_ORIGIN = 'http://localhost';

export interface DashboardCaller {
  /** A dashboard call as the web app makes it: the session cookie, the CSRF token on state changes, same origin. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  cookie: string;
  csrfToken: string;
}

/**
 * Gives a user a password and signs them in through POST /api/session, as the dashboard does; the
 * caller then sends the session cookie and, on POST/PUT/PATCH/DELETE, the X-CSRF-Token.
 */
export async function signInToDashboard(app: Hono, database: Database, user: { teamId: string; userId: string; email: string }): Promise<DashboardCaller> {
  await setPasswordHash(database.db, user.teamId, user.userId, await hashPassword(TEST_PASSWORD));
  const response = await app.request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: OWN_ORIGIN },
    body: JSON.stringify({ email: user.email, password: TEST_PASSWORD, teamId: user.teamId }),
  });
  if (response.status !== 200) throw new Error(`Signing ${user.email} in answered ${response.status}: ${await response.text()}`);
  const cookie = /^leadside_session=[^;]*/.exec(response.headers.get('Set-Cookie') ?? '')![0];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    call: async (method, path, body, headers = {}) =>
      app.request(path, {
        method,
        headers: {
          Cookie: cookie,
          ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken, Origin: OWN_ORIGIN }),
          ...(body === undefined ? {} : { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
