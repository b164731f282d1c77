import type { Kysely } from 'kysely';
import type { ImportOutcome, ImportRecords, ParsedImport } from '@/lib/import/types';
import type { Tables } from '../db/tables';
import { NO_CHANGES, type Changes } from '../db/queries/changes';
import { saveContent, savePageViews, saveProfiles } from '../db/queries/marketing-data';

/**
 * Stores a parsed file's valid rows for one team in one transaction: all of them or, on any failure,
 * none. The outcome counts what the file's kind is about, as the extension's import does (a JSON
 * profile's own page views are saved too, but the report counts profiles).
 */
export async function storeImport(db: Kysely<Tables>, teamId: string, parsed: ParsedImport): Promise<ImportOutcome> {
  if (parsed.fatal) throw new Error(`Nothing to import: ${parsed.fatal}`);
  const changes = await storeRecords(db, teamId, parsed.records);
  return { kind: parsed.kind, ...changes[parsed.kind] };
}

/** Profiles, page views and content for one team, in one transaction; what each changed. */
export async function storeRecords(db: Kysely<Tables>, teamId: string, records: ImportRecords): Promise<Record<keyof ImportRecords, Changes>> {
  return db.transaction().execute(async (trx) => ({
    profiles: records.profiles.length > 0 ? await saveProfiles(trx, teamId, records.profiles) : NO_CHANGES,
    pageViews: records.pageViews.length > 0 ? await savePageViews(trx, teamId, records.pageViews) : NO_CHANGES,
    content: records.content.length > 0 ? await saveContent(trx, teamId, records.content) : NO_CHANGES,
  }));
}
