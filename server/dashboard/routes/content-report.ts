import { Hono } from 'hono';
import { DashboardFilterSchema } from '@/lib/schema/dashboard';
import type { Database } from '../../db/database';
import { contentReport } from '../../db/queries/dashboard/content-report';
import { jsonError } from '../../http/errors';
import { validate } from '../../http/validate';
import type { DashboardEnv } from '../env';
import { resolveTeamFilter } from '../filter';
import { DASHBOARD_ROLES } from '../roles';
import type { DashboardAuth } from '../session-auth';

/** GET /api/content?from=&to=&rep=: the content funnel per item and per rep (ContentReportSchema). Marketers and admins. */
export function contentReportRoutes(database: Database, auth: DashboardAuth, now: () => Date): Hono<DashboardEnv> {
  return new Hono<DashboardEnv>().get('/content', auth.requireDashboardUser(DASHBOARD_ROLES), validate('query', DashboardFilterSchema), async (c) => {
    const { teamId } = c.get('session');
    const filter = await resolveTeamFilter(database.db, teamId, c.req.valid('query'), now());
    if ('error' in filter) return jsonError(c, 400, filter.error, undefined, filter.coded);
    return c.json(await contentReport(database.db, teamId, filter.window));
  });
}
