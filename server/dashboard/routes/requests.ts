import { Hono } from 'hono';
import { z } from 'zod';
import { FIELD_REQUESTS_PAGE, FieldRequestUpdateSchema, RequestStatusSchema, type FieldRequest } from '@/lib/schema/dashboard';
import type { Database } from '../../db/database';
import { getCatalogEntry } from '../../db/queries/catalog-edit';
import { fieldRequestExists, getFieldRequest, listFieldRequests, saveFieldRequestStatus } from '../../db/queries/field-requests';
import { jsonError } from '../../http/errors';
import { requireJson, validate } from '../../http/validate';
import type { DashboardEnv } from '../env';
import { DASHBOARD_ROLES } from '../roles';
import type { DashboardAuth } from '../session-auth';

const RequestsQuerySchema = z.object({
  status: RequestStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(2_000).default(FIELD_REQUESTS_PAGE),
});
const IdParamSchema = z.object({ id: z.string().min(1) });

/**
 * From the field: GET /api/requests (the team's content requests and prospect questions, newest
 * first, `?limit=` of them, or those of one `?status=`) and PATCH /api/requests/:id (new → planned → published; a
 * published request names the catalog item that answers it, which the rep then sees in the side
 * panel through GET /v1/requests/status). Marketers and admins.
 */
export function requestRoutes(database: Database, auth: DashboardAuth, now: () => Date): Hono<DashboardEnv> {
  const routes = new Hono<DashboardEnv>();
  const allowed = auth.requireDashboardUser(DASHBOARD_ROLES);

  routes.get('/requests', allowed, validate('query', RequestsQuerySchema), async (c) => {
    // A team's whole history can be tens of thousands: the newest page, and whether there is more.
    const { status, limit } = c.req.valid('query');
    const requests = await listFieldRequests(database.db, c.get('session').teamId, { status, limit: limit + 1 });
    return c.json({ requests: requests.slice(0, limit), more: requests.length > limit });
  });

  routes.patch('/requests/:id', allowed, requireJson, validate('param', IdParamSchema), validate('json', FieldRequestUpdateSchema), async (c) => {
    const { teamId, userId } = c.get('session');
    const { id } = c.req.valid('param');
    const { status, contentId } = c.req.valid('json');
    if (!(await fieldRequestExists(database.db, teamId, id))) return jsonError(c, 404, `No content request or prospect question with id ${id} in your team.`);
    if (status !== 'published' && contentId) {
      return jsonError(c, 400, `Only a published request names the catalog item that answers it: send "contentId": null with status "${status}".`);
    }
    if (status === 'published' && contentId) {
      const entry = await getCatalogEntry(database.db, teamId, contentId);
      if (!entry) return jsonError(c, 400, `No catalog item with id ${contentId} in your team's catalog: publish the answer (or import it) first.`);
      if (entry.retired) return jsonError(c, 400, `The catalog item ${contentId} ("${entry.item.title}") is retired, so reps cannot open it: restore it or pick another.`);
    }
    await saveFieldRequestStatus(database.db, teamId, id, { status, contentId: status === 'published' ? (contentId ?? null) : null, changedBy: userId, at: now() });
    const updated: FieldRequest | undefined = await getFieldRequest(database.db, teamId, id);
    return c.json(updated);
  });

  return routes;
}
