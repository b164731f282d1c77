import { Hono } from 'hono';
import { z } from 'zod';
import { ContentItemSchema, summarizeZodError } from '@/lib/schema';
import { CatalogEditSchema, type CatalogEntry } from '@/lib/schema/dashboard';
import type { Database } from '../../db/database';
import { applyCatalogEdit, getCatalogEntry, listCatalog, saveCatalogEdit, setCatalogRetired } from '../../db/queries/catalog-edit';
import { jsonError } from '../../http/errors';
import { limitBody } from '../../http/limits';
import { requireJson, validate } from '../../http/validate';
import { IMPORT_MAX_BYTES, importUpload, ImportKindParamSchema } from '../../import/upload';
import type { DashboardEnv } from '../env';
import { DASHBOARD_ROLES } from '../roles';
import type { DashboardAuth } from '../session-auth';
import { serverErrorText } from '@/lib/schema/server-error-codes';

const IdParamSchema = z.object({ id: z.string().min(1) });

const notFound = (id: string) => `No catalog item with id ${id} in your team's catalog.`;

/**
 * The catalog for marketers and admins: GET /api/catalog (every item, retired ones too, in catalog
 * order), PATCH /api/catalog/:id (an edit over the stored item), POST /api/catalog/:id/retire and
 * /restore, and POST /api/import/:kind (the file import's columns and row report, as /v1/import).
 *
 * Reps see a change on their extension's next catalog refresh: the extension reads the whole of
 * GET /v1/content (retired items left out) once its copy is older than its cache time (an hour by
 * default) and replaces its copy, so an edit or a retirement reaches every rep within that time. A
 * vendor sync keeps the change (server/db/queries/sources.ts: saveVendorContent).
 */
export function catalogRoutes(database: Database, auth: DashboardAuth, now: () => Date): Hono<DashboardEnv> {
  const routes = new Hono<DashboardEnv>();
  const allowed = auth.requireDashboardUser(DASHBOARD_ROLES);

  routes.get('/catalog', allowed, async (c) => c.json({ items: await listCatalog(database.db, c.get('session').teamId) }));

  routes.patch('/catalog/:id', allowed, requireJson, validate('param', IdParamSchema), validate('json', CatalogEditSchema), async (c) => {
    const { teamId } = c.get('session');
    const { id } = c.req.valid('param');
    const edit = c.req.valid('json');
    const stored = await getCatalogEntry(database.db, teamId, id);
    if (!stored) return jsonError(c, 404, notFound(id), undefined, serverErrorText('server.catalogItemNotFound', { id }));
    if (edit.replacedBy !== undefined && edit.replacedBy !== null) {
      if (edit.replacedBy === id) {
        return jsonError(c, 400, 'An item cannot replace itself: name another catalog item in replacedBy.', undefined, serverErrorText('server.replacesItself', {}));
      }
      if (!(await getCatalogEntry(database.db, teamId, edit.replacedBy))) {
        return jsonError(c, 400, `replacedBy names ${edit.replacedBy}, which is not in your team's catalog.`, undefined, serverErrorText('server.replacedByUnknown', { id: edit.replacedBy }));
      }
    }
    const at = now();
    const merged = ContentItemSchema.safeParse({ ...applyCatalogEdit(stored.item, edit), id, updatedAt: at.toISOString() });
    if (!merged.success) {
      const summary = summarizeZodError(merged.error);
      return jsonError(c, 400, `The edited item is not valid: ${summary}`, undefined, serverErrorText('server.invalidItem', {}, summary));
    }
    const saved: CatalogEntry | undefined = await saveCatalogEdit(database.db, teamId, merged.data, edit, at);
    return saved ? c.json(saved) : jsonError(c, 404, notFound(id), undefined, serverErrorText('server.catalogItemNotFound', { id }));
  });

  for (const action of ['retire', 'restore'] as const) {
    routes.post(`/catalog/:id/${action}`, allowed, validate('param', IdParamSchema), async (c) => {
      const { teamId, userId } = c.get('session');
      const { id } = c.req.valid('param');
      const change = action === 'retire' ? { retiredBy: userId } : { restore: true as const };
      const entry = await setCatalogRetired(database.db, teamId, id, change, now());
      return entry ? c.json(entry) : jsonError(c, 404, notFound(id), undefined, serverErrorText('server.catalogItemNotFound', { id }));
    });
  }

  routes.post('/import/:kind', allowed, limitBody(IMPORT_MAX_BYTES), validate('param', ImportKindParamSchema), async (c) => {
    const outcome = await importUpload(database.db, c.get('session').teamId, c.req.valid('param').kind, await c.req.text(), c.req.header('Content-Type'));
    return outcome.ok ? c.json(outcome.report) : c.json({ error: outcome.error, report: outcome.report }, 400);
  });

  return routes;
}
