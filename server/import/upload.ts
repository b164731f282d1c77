import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseImportText, type ImportKind } from '@/lib/import';
import type { Tables } from '../db/tables';
import { MiB } from '../http/limits';
import { importReport, type ImportReport } from './report';
import { storeImport } from './store-import';

/** The URL says page_views (URLs are snake_case); the import library says pageViews. */
const KINDS: Record<string, ImportKind> = { profiles: 'profiles', page_views: 'pageViews', content: 'content' };
export const ImportKindParamSchema = z.object({ kind: z.enum(['profiles', 'page_views', 'content']) });
export type ImportKindParam = z.infer<typeof ImportKindParamSchema>['kind'];

/** A marketing export is far bigger than an API call; beyond this, split the file. */
export const IMPORT_MAX_BYTES = 50 * MiB;

export type UploadOutcome = { ok: true; report: ImportReport } | { ok: false; error: string; report: ImportReport };

/**
 * One uploaded file, as the admin-token import (/v1/import) and the dashboard's (/api/import) both
 * take it: the body is the file itself, `Content-Type: text/csv` or `application/json` says which
 * (else the first character decides, as in the extension's Options → Import). Parsed and checked by
 * lib/import, the valid rows stored for the team in one transaction, and the row report.
 */
export async function importUpload(db: Kysely<Tables>, teamId: string, kind: ImportKindParam, text: string, contentType: string | undefined): Promise<UploadOutcome> {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const fileName = type === 'application/json' ? 'upload.json' : type === 'text/csv' ? 'upload.csv' : 'upload';
  const parsed = await parseImportText(fileName, text, KINDS[kind]!);
  if (parsed.fatal) return { ok: false, error: `Nothing to import: ${parsed.fatal}`, report: importReport(parsed) };
  return { ok: true, report: importReport(parsed, await storeImport(db, teamId, parsed)) };
}
