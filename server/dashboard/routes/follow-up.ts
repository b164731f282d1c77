import { Hono } from 'hono';
import { DashboardFilterSchema, FollowUpSettingsSchema } from '@/lib/schema/dashboard';
import type { Database } from '../../db/database';
import { followUpReport } from '../../db/queries/dashboard/follow-up';
import { getFollowUpSettings, saveFollowUpSettings } from '../../db/queries/dashboard/follow-up-settings';
import { jsonError } from '../../http/errors';
import { requireJson, validate } from '../../http/validate';
import type { DashboardEnv } from '../env';
import { resolveTeamFilter } from '../filter';
import { DASHBOARD_ROLES } from '../roles';
import type { DashboardAuth } from '../session-auth';

/**
 * The team's shared definition of a qualified lead and its follow-up SLA: GET/PUT
 * /api/settings/follow-up (FollowUpSettingsSchema; the PUT needs the CSRF token like every change),
 * and GET /api/follow-up?from=&to=&rep= (FollowUpSchema). Marketers and admins, both of whom own the
 * definition: it is what the weekly meeting agrees on.
 */
export function followUpRoutes(database: Database, auth: DashboardAuth, now: () => Date): Hono<DashboardEnv> {
  const routes = new Hono<DashboardEnv>();
  const allowed = auth.requireDashboardUser(DASHBOARD_ROLES);

  routes.get('/settings/follow-up', allowed, async (c) => c.json(await getFollowUpSettings(database.db, c.get('session').teamId)));

  routes.put('/settings/follow-up', allowed, requireJson, validate('json', FollowUpSettingsSchema), async (c) => {
    const { teamId } = c.get('session');
    const settings = c.req.valid('json');
    await saveFollowUpSettings(database.db, teamId, { ...settings, qualifiedStages: [...new Set(settings.qualifiedStages)] }, now());
    return c.json(await getFollowUpSettings(database.db, teamId));
  });

  routes.get('/follow-up', allowed, validate('query', DashboardFilterSchema), async (c) => {
    const { teamId } = c.get('session');
    const filter = await resolveTeamFilter(database.db, teamId, c.req.valid('query'), now());
    if ('error' in filter) return jsonError(c, 400, filter.error, undefined, filter.coded);
    return c.json(await followUpReport(database.db, teamId, filter.window));
  });

  return routes;
}
