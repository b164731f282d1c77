import { sql, type Kysely, type Transaction } from 'kysely';
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
  /** The team's order of its sources; the first is the main one (it gets forwarded verdicts). */
  position: number;
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

const selectSources = (db: Kysely<Tables>, teamId: string) =>
  db
    .selectFrom('team_sources')
    .select([
      'team_id as teamId',
      'kind',
      'position',
      'config',
      'secrets',
      'last_sync_at as lastSyncAt',
      'last_sync_error as lastSyncError',
      'catalog_count as catalogCount',
      'sync_started_at as syncStartedAt',
      'updated_at as updatedAt',
    ])
    .where('team_id', '=', teamId);

/** The team's sources, main first. */
export async function listTeamSources(db: Kysely<Tables>, teamId: string): Promise<StoredSource[]> {
  return selectSources(db, teamId).orderBy('position').orderBy('kind').execute();
}

/** The team's source of this kind; without a kind, its main source. */
export async function getTeamSource(db: Kysely<Tables>, teamId: string, kind?: SourceKind): Promise<StoredSource | undefined> {
  const query = selectSources(db, teamId);
  if (kind) return query.where('kind', '=', kind).executeTakeFirst();
  return query.orderBy('position').orderBy('kind').limit(1).executeTakeFirst();
}

/**
 * Sets (or replaces) the team's source of this kind; how its last sync went stays until the next
 * one. A new kind goes after the team's other sources; `main` puts it first. Answers whether it was new.
 */
export async function saveTeamSource(
  db: Kysely<Tables>,
  teamId: string,
  source: { kind: SourceKind; config: unknown; secrets: string; main?: boolean },
): Promise<{ added: boolean }> {
  return db.transaction().execute(async (trx) => {
    // Serializes two admins adding sources to one team at once, so positions stay distinct.
    await trx.selectFrom('teams').select('id').where('id', '=', teamId).forUpdate().execute();
    const existing = await listTeamSources(trx, teamId);
    const now = new Date();
    const known = existing.find((stored) => stored.kind === source.kind);
    if (known) {
      await trx
        .updateTable('team_sources')
        .set({ config: jsonb(source.config), secrets: source.secrets, updated_at: now })
        .where('team_id', '=', teamId)
        .where('kind', '=', source.kind)
        .execute();
    } else {
      const position = existing.length === 0 ? 0 : Math.max(...existing.map((stored) => stored.position)) + 1;
      await trx
        .insertInto('team_sources')
        .values({ team_id: teamId, kind: source.kind, position, config: jsonb(source.config), secrets: source.secrets, updated_at: now })
        .execute();
    }
    if (source.main) await reorder(trx, teamId, source.kind);
    return { added: !known };
  });
}

/** Makes this kind the team's main source, the others keeping their order after it. False when the team has no such source. */
export async function setMainSource(db: Kysely<Tables>, teamId: string, kind: SourceKind): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const sources = await listTeamSources(trx, teamId);
    if (!sources.some((stored) => stored.kind === kind)) return false;
    await reorder(trx, teamId, kind);
    return true;
  });
}

/**
 * Positions 0, 1, … in the team's order with `first` at the front. updated_at moves with the order,
 * so every instance's cached connector (server/sources/connector.ts) learns of the new main source.
 */
async function reorder(trx: Transaction<Tables>, teamId: string, first: SourceKind): Promise<void> {
  const sources = await listTeamSources(trx, teamId);
  const ordered = [...sources.filter((stored) => stored.kind === first), ...sources.filter((stored) => stored.kind !== first)];
  const now = new Date();
  for (const [position, stored] of ordered.entries()) {
    if (stored.position === position) continue;
    await trx.updateTable('team_sources').set({ position, updated_at: now }).where('team_id', '=', teamId).where('kind', '=', stored.kind).execute();
  }
}

/**
 * Removes the team's source of this kind, and retires (never deletes) the catalog items it synced:
 * no sync will list them again, and another vendor's sync never retires them. Set again and synced,
 * they come back in their places. The remaining sources close up their order. Null when there was none.
 */
export async function removeTeamSource(db: Kysely<Tables>, teamId: string, kind: SourceKind): Promise<{ retired: number } | null> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('team_sources').where('team_id', '=', teamId).where('kind', '=', kind).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return null;
    const remaining = await listTeamSources(trx, teamId);
    if (remaining[0]) await reorder(trx, teamId, remaining[0].kind);
    const items = await trx.selectFrom('content').select('id').where('team_id', '=', teamId).where('origin', '=', kind).where('retired_at', 'is', null).execute();
    return { retired: await retireContent(trx, teamId, items.map((row) => row.id)) };
  });
}

/** Every team that has a source: the scheduled sync visits each. */
export async function teamsWithSources(db: Kysely<Tables>): Promise<string[]> {
  return (await db.selectFrom('team_sources').select('team_id').distinct().orderBy('team_id').execute()).map((row) => row.team_id);
}

/**
 * Takes the sync lease of the team's source of this kind: true when no sync of it is running, or the
 * one running started longer ago than `staleAfterMs` (its process died). One statement, so two
 * instances cannot both win. Each source has its own lease: HubSpot's sync never waits for Mautic's.
 */
export async function claimSync(db: Kysely<Tables>, teamId: string, kind: SourceKind, staleAfterMs: number): Promise<boolean> {
  const staleBefore = new Date(Date.now() - staleAfterMs);
  const claimed = await db
    .updateTable('team_sources')
    .set({ sync_started_at: new Date() })
    .where('team_id', '=', teamId)
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('sync_started_at', 'is', null), eb('sync_started_at', '<', staleBefore)]))
    .returning('team_id')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** Ends a sync of one source: when it ran, its error (null when it worked) and, on success, the catalog's size. */
export async function finishSync(
  db: Kysely<Tables>,
  teamId: string,
  kind: SourceKind,
  result: { at: Date; error: string | null; catalogCount?: number },
): Promise<void> {
  await db
    .updateTable('team_sources')
    .set({
      last_sync_at: result.at,
      last_sync_error: result.error,
      sync_started_at: null,
      ...(result.catalogCount === undefined ? {} : { catalog_count: result.catalogCount }),
    })
    .where('team_id', '=', teamId)
    .where('kind', '=', kind)
    .execute();
}

/**
 * One vendor's whole catalog in, in one transaction: items upserted by the import's own saveContent
 * (known items keep their place, new ones go after), marked with the vendor as their origin, and
 * this vendor's items it no longer lists retired (not deleted: their events and ratings stay
 * counted). Imported items and other vendors' items are never retired here. With several sources,
 * an item a source earlier in the team's order (`yieldTo`) already lists, by id or by URL, is left
 * to it, as the extension's merged catalog keeps the main system's copy: never listed twice.
 */
export async function saveVendorContent(
  db: Kysely<Tables>,
  teamId: string,
  origin: SourceKind,
  items: readonly ContentItem[],
  options: { yieldTo?: readonly SourceKind[] } = {},
): Promise<Changes & { retired: number; duplicates: number }> {
  return db.transaction().execute(async (trx) => {
    const yieldTo = (options.yieldTo ?? []).filter((kind) => kind !== origin);
    const earlier =
      yieldTo.length === 0
        ? []
        : await trx
            .selectFrom('content')
            .select(['id', sql<string | null>`item->>'url'`.as('url')])
            .where('team_id', '=', teamId)
            .where('origin', 'in', yieldTo)
            .where('retired_at', 'is', null)
            .execute();
    const takenIds = new Set(earlier.map((row) => row.id));
    const takenUrls = new Set(earlier.map((row) => row.url));
    const own = items.filter((item) => !takenIds.has(item.id) && !takenUrls.has(item.url));
    const ids = [...new Set(own.map((item) => item.id))];
    // What marketing changed in the dashboard outlives the vendor's listing: its edits are laid over
    // the vendor's items, and an item a marketer retired stays retired (and as it was).
    const kept = await dashboardChanges(trx, teamId, ids);
    const toSave = own.filter((item) => !kept.retiredByUser.has(item.id)).map((item) => withDashboardEdit(item, kept.edits.get(item.id)));
    const saved = toSave.length > 0 ? await saveContent(trx, teamId, toSave) : NO_CHANGES;
    const changes = { ...saved, unchanged: saved.unchanged + (own.length - toSave.length) };
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
      .where('origin', '=', origin)
      .where('retired_at', 'is', null)
      .execute();
    const gone = vendorItems.map((row) => row.id).filter((id) => !listed.has(id));
    return { ...changes, retired: await retireContent(trx, teamId, gone), duplicates: items.length - own.length };
  });
}

/** The vendor's item with marketing's edit over it; the vendor's own when the two no longer make a valid item. */
function withDashboardEdit(item: ContentItem, edit: StoredEdit | undefined): ContentItem {
  if (!edit) return item;
  return ContentItemSchema.safeParse(applyCatalogEdit(item, edit)).data ?? item;
}
