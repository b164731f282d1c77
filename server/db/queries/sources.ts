import { sql, type Kysely } from 'kysely';
import { ContentItemSchema, type ContentItem } from '@/lib/schema';
import { jsonb } from '../json';
import type { Tables, TeamSourcesTable } from '../tables';
import { NO_CHANGES, type Changes } from './changes';
import { applyCatalogEdit, dashboardChanges, type StoredEdit } from './catalog-edit';
import { retireContent } from './content';
import { saveContent } from './marketing-data';

export type SourceKind = TeamSourcesTable['kind'];

export interface StoredSource {
  teamId: string;
  kind: SourceKind;
  /** As stored; server/sources validates it with the source's schema before use. */
  config: unknown;
  /** Ciphertext (server/sources/secrets-crypto.ts). */
  secrets: string;
  lastSyncAt: Date | null;
  lastSyncError: string | null;
  catalogCount: number | null;
  syncStartedAt: Date | null;
  updatedAt: Date;
}

export async function getTeamSource(db: Kysely<Tables>, teamId: string): Promise<StoredSource | undefined> {
  const row = await db
    .selectFrom('team_sources')
    .select([
      'team_id as teamId',
      'kind',
      'config',
      'secrets',
      'last_sync_at as lastSyncAt',
      'last_sync_error as lastSyncError',
      'catalog_count as catalogCount',
      'sync_started_at as syncStartedAt',
      'updated_at as updatedAt',
    ])
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return row;
}

/** Sets (or replaces) the team's source; how its last sync went stays until the next one. */
export async function saveTeamSource(db: Kysely<Tables>, teamId: string, source: { kind: SourceKind; config: unknown; secrets: string }): Promise<void> {
  const now = new Date();
  await db
    .insertInto('team_sources')
    .values({ team_id: teamId, kind: source.kind, config: jsonb(source.config), secrets: source.secrets, updated_at: now })
    .onConflict((oc) =>
      oc.column('team_id').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        config: eb.ref('excluded.config'),
        secrets: eb.ref('excluded.secrets'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** Every team that has a source: the scheduled sync visits each. */
export async function teamsWithSources(db: Kysely<Tables>): Promise<string[]> {
  return (await db.selectFrom('team_sources').select('team_id').orderBy('team_id').execute()).map((row) => row.team_id);
}

/**
 * Takes the team's sync lease: true when no sync is running, or the one running started longer ago
 * than `staleAfterMs` (its process died). One statement, so two instances cannot both win.
 */
export async function claimSync(db: Kysely<Tables>, teamId: string, staleAfterMs: number): Promise<boolean> {
  const staleBefore = new Date(Date.now() - staleAfterMs);
  const claimed = await db
    .updateTable('team_sources')
    .set({ sync_started_at: new Date() })
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('sync_started_at', 'is', null), eb('sync_started_at', '<', staleBefore)]))
    .returning('team_id')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** Ends a sync: when it ran, its error (null when it worked) and, on success, the catalog's size. */
export async function finishSync(db: Kysely<Tables>, teamId: string, result: { at: Date; error: string | null; catalogCount?: number }): Promise<void> {
  await db
    .updateTable('team_sources')
    .set({
      last_sync_at: result.at,
      last_sync_error: result.error,
      sync_started_at: null,
      ...(result.catalogCount === undefined ? {} : { catalog_count: result.catalogCount }),
    })
    .where('team_id', '=', teamId)
    .execute();
}

/**
 * The vendor's whole catalog in, in one transaction: items upserted by the import's own saveContent
 * (known items keep their place, new ones go after), marked as the vendor's, and the vendor's items
 * it no longer lists retired (not deleted: their events and ratings stay counted). Imported items
 * are never retired here.
 */
export async function saveVendorContent(
  db: Kysely<Tables>,
  teamId: string,
  origin: SourceKind,
  items: readonly ContentItem[],
): Promise<Changes & { retired: number }> {
  return db.transaction().execute(async (trx) => {
    const ids = [...new Set(items.map((item) => item.id))];
    // What marketing changed in the dashboard outlives the vendor's listing: its edits are laid over
    // the vendor's items, and an item a marketer retired stays retired (and as it was).
    const kept = await dashboardChanges(trx, teamId, ids);
    const toSave = items.filter((item) => !kept.retiredByUser.has(item.id)).map((item) => withDashboardEdit(item, kept.edits.get(item.id)));
    const saved = toSave.length > 0 ? await saveContent(trx, teamId, toSave) : NO_CHANGES;
    const changes = { ...saved, unchanged: saved.unchanged + (items.length - toSave.length) };
    if (ids.length > 0) {
      await trx
        .updateTable('content')
        .set({ origin })
        .where('team_id', '=', teamId)
        .where('id', 'in', ids)
        .where(sql<boolean>`origin is distinct from ${origin}`)
        .execute();
    }
    const listed = new Set(ids);
    const vendorItems = await trx
      .selectFrom('content')
      .select('id')
      .where('team_id', '=', teamId)
      .where('origin', 'is not', null)
      .where('retired_at', 'is', null)
      .execute();
    const gone = vendorItems.map((row) => row.id).filter((id) => !listed.has(id));
    return { ...changes, retired: await retireContent(trx, teamId, gone) };
  });
}

/** The vendor's item with marketing's edit over it; the vendor's own when the two no longer make a valid item. */
function withDashboardEdit(item: ContentItem, edit: StoredEdit | undefined): ContentItem {
  if (!edit) return item;
  return ContentItemSchema.safeParse(applyCatalogEdit(item, edit)).data ?? item;
}
