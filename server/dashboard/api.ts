import { Hono } from 'hono';
import type { Database } from '../db/database';
import { limitBody, MiB } from '../http/limits';
import type { DashboardEnv } from './env';
import type { DashboardOptions } from './options';
import { refuseBearerTokens, requireSameOrigin } from './request-guards';
import { dashboardAuth } from './session-auth';
import { sessionRoutes } from './routes/session';
import { teamRoutes } from './routes/team';
import { digestRoutes } from './routes/digest';

/**
 * The dashboard's JSON API, mounted at /api: signed into with a password and a session cookie, never
 * with API tokens (those are /v1's). Cross-site state changes are refused by origin and CSRF token.
 */
export function dashboardApi(database: Database, options: DashboardOptions): Hono<DashboardEnv> {
  const api = new Hono<DashboardEnv>();
  api.use(refuseBearerTokens);
  api.use(requireSameOrigin);
  api.use(limitBody(MiB));
  // Answers name the signed-in user and their team: no shared or browser cache may keep them.
  api.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const auth = dashboardAuth(database, options);
  api.route('/', sessionRoutes(database, options, auth));
  api.route('/', teamRoutes(database, auth));
  api.route('/', digestRoutes(database, auth, options));
  return api;
}
