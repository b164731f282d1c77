import { Hono } from 'hono';
import type { Database } from '../db/database';
import { pingDatabase } from '../db/queries/health';
import { jsonError } from '../http/errors';

/**
 * For load balancers and `docker healthcheck`: 200 when this instance can reach its database, 503
 * when it cannot (so the balancer sends traffic elsewhere). Public, and says nothing about any team.
 */
export function healthRoutes(database: Database) {
  return new Hono().get('/healthz', async (c) => {
    try {
      await pingDatabase(database.db);
      return c.json({ ok: true, database: database.dialect });
    } catch {
      return jsonError(c, 503, 'The database is unreachable.');
    }
  });
}
