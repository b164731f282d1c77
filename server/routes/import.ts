import { Hono } from 'hono';
import { requireRole } from '../auth/authenticate';
import type { Database } from '../db/database';
import type { AppEnv } from '../http/env';
import { limitBody } from '../http/limits';
import { validate } from '../http/validate';
import { IMPORT_MAX_BYTES, ImportKindParamSchema, importUpload } from '../import/upload';

/**
 * Admin-only file import: the same CSV or JSON columns, checks and row report as the extension's
 * Options → Import (server/import/upload.ts, shared with the dashboard's import).
 */
export function importRoutes(database: Database) {
  return new Hono<AppEnv>().post('/import/:kind', requireRole('admin'), limitBody(IMPORT_MAX_BYTES), validate('param', ImportKindParamSchema), async (c) => {
    const outcome = await importUpload(database.db, c.get('caller').teamId, c.req.valid('param').kind, await c.req.text(), c.req.header('Content-Type'));
    return outcome.ok ? c.json(outcome.report) : c.json({ error: outcome.error, report: outcome.report }, 400);
  });
}
