import { Hono } from 'hono';
import type { RequestStatuses } from '@/lib/schema/dashboard';
import type { Database } from '../db/database';
import { listRequestStatusesOfUser } from '../db/queries/field-requests';
import type { AppEnv } from '../http/env';

/**
 * GET /v1/requests/status: what marketing did with the content requests and prospect questions this
 * token's user sent (new, planned, or published with the item that answers it), for their side
 * panel. Only the caller's own requests: a rep never learns what another rep asked.
 */
export function requestStatusRoutes(database: Database) {
  return new Hono<AppEnv>().get('/requests/status', async (c) => {
    const { teamId, userId } = c.get('caller');
    const body: RequestStatuses = { statuses: await listRequestStatusesOfUser(database.db, teamId, userId) };
    return c.json(body);
  });
}
