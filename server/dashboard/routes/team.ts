import { Hono } from 'hono';
import type { Database } from '../../db/database';
import { listTeamMembers } from '../../db/queries/team-members';
import type { DashboardEnv } from '../env';
import { DASHBOARD_ROLES } from '../roles';
import type { DashboardAuth } from '../session-auth';

/** GET /api/team: the signed-in user's team and its people, for marketers and admins. */
export function teamRoutes(database: Database, auth: DashboardAuth): Hono<DashboardEnv> {
  const routes = new Hono<DashboardEnv>();
  routes.get('/team', auth.requireDashboardUser(DASHBOARD_ROLES), async (c) => {
    const session = c.get('session');
    const members = await listTeamMembers(database.db, session.teamId);
    return c.json({
      team: session.team,
      users: members.map((member) => ({ ...member, lastSeenAt: member.lastSeenAt?.toISOString() ?? null })),
    });
  });
  return routes;
}
