import { Hono } from 'hono';
import { z } from 'zod';
import { parseImportText, type ImportKind } from '@/lib/import';
import { requireRole } from '../auth/authenticate';
import type { Database } from '../db/database';
import type { AppEnv } from '../http/env';
import { jsonError } from '../http/errors';
import { limitBody, MiB } from '../http/limits';
import { validate } from '../http/validate';
import { importReport } from '../import/report';
import { storeImport } from '../import/store-import';

/** The URL says page_views (URLs are snake_case); the import library says pageViews. */
const KINDS: Record<string, ImportKind> = { profiles: 'profiles', page_views: 'pageViews', content: 'content' };
const KindParamSchema = z.object({ kind: z.enum(['profiles', 'page_views', 'content']) });

/** A marketing export is far bigger than an API call; beyond this, split the file. */
export const IMPORT_MAX_BYTES = 50 * MiB;

/**
 * Admin-only file import: the same CSV or JSON columns, checks and row report as the extension's
 * Options → Import. The body is the file itself; `Content-Type: text/csv` or `application/json`
 * says which (else the first character decides, as in the extension).
 */
export function importRoutes(database: Database) {
  return new Hono<AppEnv>().post('/import/:kind', requireRole('admin'), limitBody(IMPORT_MAX_BYTES), validate('param', KindParamSchema), async (c) => {
    const kind = KINDS[c.req.valid('param').kind]!;
    const text = await c.req.text();
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
    const fileName = type === 'application/json' ? 'upload.json' : type === 'text/csv' ? 'upload.csv' : 'upload';
    const parsed = await parseImportText(fileName, text, kind);
    if (parsed.fatal) return c.json({ error: `Nothing to import: ${parsed.fatal}`, report: importReport(parsed) }, 400);
    const outcome = await storeImport(database.db, c.get('caller').teamId, parsed);
    return c.json(importReport(parsed, outcome));
  });
}
