import { Hono } from 'hono';
import { z } from 'zod';
import { ChannelSchema } from '@/lib/schema';
import { DashboardFilterSchema, LeadDrillQuerySchema, LeadQualityQuerySchema } from '@/lib/schema/dashboard';
import type { Database } from '../../db/database';
import { leadQualityLeads, leadQualityReport, type LeadDrillFilter } from '../../db/queries/dashboard/lead-quality';
import { jsonError } from '../../http/errors';
import { validate } from '../../http/validate';
import type { DashboardEnv } from '../env';
import { resolveTeamFilter } from '../filter';
import { DASHBOARD_ROLES } from '../roles';
import type { DashboardAuth } from '../session-auth';

/** `?channel=` is one of the channels or empty (the leads that carried none). */
const DrillQuerySchema = z.intersection(
  DashboardFilterSchema,
  LeadDrillQuerySchema.extend({ channel: z.union([z.literal(''), ChannelSchema]).optional() }),
);

/**
 * GET /api/lead-quality?by=source|campaign&from=&to=&rep= (LeadQualitySchema) and
 * GET /api/lead-quality/leads?channel=&campaign=&from=&to=&rep= (LeadDrillSchema): the leads behind a
 * row. In the drill-down an absent parameter means any, an empty one the leads that carried none.
 * Marketers and admins.
 */
export function leadQualityRoutes(database: Database, auth: DashboardAuth, now: () => Date): Hono<DashboardEnv> {
  const routes = new Hono<DashboardEnv>();
  const allowed = auth.requireDashboardUser(DASHBOARD_ROLES);

  routes.get('/lead-quality', allowed, validate('query', z.intersection(DashboardFilterSchema, LeadQualityQuerySchema)), async (c) => {
    const { teamId } = c.get('session');
    const query = c.req.valid('query');
    const filter = await resolveTeamFilter(database.db, teamId, query, now());
    if ('error' in filter) return jsonError(c, 400, filter.error, undefined, filter.coded);
    return c.json(await leadQualityReport(database.db, teamId, filter.window, query.by));
  });

  routes.get('/lead-quality/leads', allowed, validate('query', DrillQuerySchema), async (c) => {
    const { teamId } = c.get('session');
    const query = c.req.valid('query');
    const filter = await resolveTeamFilter(database.db, teamId, query, now());
    if ('error' in filter) return jsonError(c, 400, filter.error, undefined, filter.coded);
    const drill: LeadDrillFilter = {
      ...(query.channel !== undefined ? { channel: query.channel === '' ? null : query.channel } : {}),
      ...(query.campaign !== undefined ? { campaign: query.campaign === '' ? null : query.campaign } : {}),
    };
    return c.json(await leadQualityLeads(database.db, teamId, filter.window, drill));
  });

  return routes;
}
