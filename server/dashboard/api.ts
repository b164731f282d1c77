import { Hono } from 'hono';
import type { Database } from '../db/database';
import { limitBody, MiB } from '../http/limits';
import type { DashboardEnv } from './env';
import type { DashboardOptions } from './options';
import { refuseBearerTokens, requireSameOrigin } from './request-guards';
import { dashboardAuth } from './session-auth';
import { sessionRoutes } from './routes/session';
import { teamRoutes } from './routes/team';
import { contentReportRoutes } from './routes/content-report';
import { followUpRoutes } from './routes/follow-up';
import { leadQualityRoutes } from './routes/lead-quality';
import { overviewRoutes } from './routes/overview';
import { catalogRoutes } from './routes/catalog';
import { requestRoutes } from './routes/requests';
import { sourceRoutes, type RequestSync } from './routes/sources';
import { tokenRoutes } from './routes/tokens';
import { userRoutes } from './routes/users';
import { digestRoutes } from './routes/digest';

/**
 * The dashboard's JSON API, mounted at /api: signed into with a password and a session cookie, never
 * with API tokens (those are /v1's). Cross-site state changes are refused by origin and CSRF token.
 */
export function dashboardApi(database: Database, options: DashboardOptions, services: { jobs?: RequestSync } = {}): Hono<DashboardEnv> {
  const api = new Hono<DashboardEnv>();
  api.use(refuseBearerTokens);
  api.use(requireSameOrigin);
  // File imports take whole marketing exports and set their own, larger limit.
  api.use(async (c, next) => (c.req.path.startsWith('/api/import/') ? next() : limitBody(MiB)(c, next)));
  // Answers name the signed-in user and their team: no shared or browser cache may keep them.
  api.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const auth = dashboardAuth(database, options);
  api.route('/', sessionRoutes(database, options, auth));
  api.route('/', teamRoutes(database, auth));
  api.route('/', overviewRoutes(database, auth, options.now));
  api.route('/', contentReportRoutes(database, auth, options.now));
  api.route('/', leadQualityRoutes(database, auth, options.now));
  api.route('/', followUpRoutes(database, auth, options.now));
  api.route('/', requestRoutes(database, auth, options.now));
  api.route('/', catalogRoutes(database, auth, options.now));
  api.route('/', userRoutes(database, auth, options.now));
  api.route('/', tokenRoutes(database, auth, options.now));
  api.route('/', sourceRoutes(database, auth, { now: options.now, jobs: services.jobs }));
  api.route('/', digestRoutes(database, auth, options));
  return api;
}
