import { Hono } from 'hono';
import { authenticate } from './auth/authenticate';
import { DEFAULT_RATE_LIMIT, rateLimitPerToken, type RateLimitOptions } from './auth/rate-limit';
import { dashboardApi } from './dashboard/api';
import { dashboardOptions, type DashboardOptions } from './dashboard/options';
import type { RequestSync } from './dashboard/routes/sources';
import { dashboardStatic } from './dashboard/static';
import type { Database } from './db/database';
import type { AppEnv } from './http/env';
import { notFound, onError } from './http/errors';
import { extensionCors, limitBody, MiB } from './http/limits';
import { requestLog } from './http/request-log';
import { contentRoutes } from './routes/content';
import { deliveryRoutes } from './routes/deliveries';
import { docsRoutes } from './routes/docs';
import { fieldSignalRoutes } from './routes/field-signals';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/import';
import { profileRoutes } from './routes/profiles';
import { requestStatusRoutes } from './routes/request-statuses';
import { statsRoutes } from './routes/stats';
import packageJson from '../package.json' with { type: 'json' };

export interface AppDeps {
  database: Database;
  /** Per-token request limit; `false` turns it off (benchmarks that drive one token hard). */
  rateLimit?: RateLimitOptions | false;
  /** The version the OpenAPI document states (package.json's by default). */
  version?: string;
  /** A line per request on stdout (the server process turns it on; tests leave it off). */
  logRequests?: boolean;
  /** Dashboard sign-in: sessions and lockout (tests inject the clock). */
  dashboard?: Partial<DashboardOptions>;
  /** The job queue, when this process runs one: the dashboard queues vendor syncs on it. */
  jobs?: RequestSync;
}

/** JSON API calls are small: a batch of 100 deliveries is a few hundred KiB at most. */
export const API_MAX_BYTES = 1 * MiB;

/**
 * The Leadside server as a Hono app: the REST contract at /v1 (bearer tokens, team-scoped), the
 * dashboard's API at /api (password sign-in, session cookie), the
 * contract and its reference at /openapi.json and /docs, and /healthz. Stateless: everything lives in
 * the database, so any number of instances may serve one team.
 */
export function createApp(deps: AppDeps): Hono {
  const { database } = deps;
  const v1 = new Hono<AppEnv>();
  v1.use(extensionCors());
  v1.use(authenticate(database));
  if (deps.rateLimit !== false) v1.use(rateLimitPerToken(deps.rateLimit ?? DEFAULT_RATE_LIMIT));
  // The import takes whole files and sets its own, larger limit.
  v1.use(async (c, next) => (c.req.path.startsWith('/v1/import/') ? next() : limitBody(API_MAX_BYTES)(c, next)));
  v1.route('/', profileRoutes(database));
  v1.route('/', contentRoutes(database));
  v1.route('/', deliveryRoutes(database));
  v1.route('/', statsRoutes(database));
  v1.route('/', importRoutes(database));
  v1.route('/', requestStatusRoutes(database));
  v1.route('/', fieldSignalRoutes(database));

  const app = new Hono();
  if (deps.logRequests) app.use(requestLog());
  app.route('/', healthRoutes(database));
  app.route('/', docsRoutes(deps.version ?? packageJson.version));
  app.route('/v1', v1);
  app.route('/api', dashboardApi(database, dashboardOptions(deps.dashboard), { jobs: deps.jobs }));
  // Last: the web app takes the GETs no route above answered (its own pages), never /api, /v1 or /docs.
  app.route('/', dashboardStatic());
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
