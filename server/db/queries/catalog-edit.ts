import { sql, type Kysely, type Transaction } from 'kysely';
import { ContentItemSchema, type ContentItem } from '@/lib/schema';
import type { CatalogEdit, CatalogEntry } from '@/lib/schema/dashboard';
import { jsonb } from '../json';
import type { Tables } from '../tables';

type Db = Kysely<Tables> | Transaction<Tables>;

/** The edit the dashboard stores: a CatalogEdit whose null means "take this field off". */
export type StoredEdit = Partial<Record<keyof CatalogEdit, unknown>>;

/**
 * An item with a marketer's edit laid over it: fields sent replace the item's, a null removes an
 * optional field (reviewBy, replacedBy). Used for an edit in the dashboard, and by the vendor sync so
 * the vendor's next listing does not undo what marketing changed.
 */
export function applyCatalogEdit(item: ContentItem, edit: StoredEdit): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...item, ...edit };
  for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
  return merged;
}

function toEntry(row: { item: unknown; retired_at: Date | null; updated_at: Date; origin: string | null }): CatalogEntry {
  return {
    item: ContentItemSchema.parse(row.item),
    retired: row.retired_at !== null,
    updatedAt: new Date(row.updated_at).toISOString(),
    origin: row.origin,
  };
}

const ENTRY_COLUMNS = ['item', 'retired_at', 'updated_at', 'origin'] as const;

/** The whole catalog, retired items too, in catalog order (what the dashboard's Catalog page lists). */
export async function listCatalog(db: Db, teamId: string): Promise<CatalogEntry[]> {
  const rows = await db.selectFrom('content').select(ENTRY_COLUMNS).where('team_id', '=', teamId).orderBy('position').orderBy('id').execute();
  return rows.map(toEntry);
}

export async function getCatalogEntry(db: Db, teamId: string, id: string): Promise<CatalogEntry | undefined> {
  const row = await db.selectFrom('content').select(ENTRY_COLUMNS).where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
  return row && toEntry(row);
}

/**
 * Stores an edited item (already validated) and adds the edit to the item's stored edit, in one
 * statement. `updated_at` moves, so the change is the newest thing about the item.
 */
export async function saveCatalogEdit(db: Db, teamId: string, item: ContentItem, edit: StoredEdit, at: Date): Promise<CatalogEntry | undefined> {
  const row = await db
    .updateTable('content')
    .set({
      item: jsonb(item),
      // jsonb's || keeps the earlier edit's other fields: an edit of the title today and of the topics
      // tomorrow both outlive the next vendor sync.
      edited: sql<string>`coalesce(edited, '{}'::jsonb) || ${jsonb(edit)}`,
      updated_at: at,
    })
    .where('team_id', '=', teamId)
    .where('id', '=', item.id)
    .returning(ENTRY_COLUMNS)
    .executeTakeFirst();
  return row && toEntry(row);
}

/**
 * Retires an item (by a dashboard user: a vendor sync then leaves it retired) or brings it back. An
 * item already in that state is left as it is.
 */
export async function setCatalogRetired(db: Db, teamId: string, id: string, change: { retiredBy: string } | { restore: true }, at: Date): Promise<CatalogEntry | undefined> {
  const retire = 'retiredBy' in change;
  await db
    .updateTable('content')
    .set(retire ? { retired_at: at, retired_by: change.retiredBy, updated_at: at } : { retired_at: null, retired_by: null, updated_at: at })
    .where('team_id', '=', teamId)
    .where('id', '=', id)
    .where('retired_at', retire ? 'is' : 'is not', null)
    .execute();
  return getCatalogEntry(db, teamId, id);
}

/** Each listed id's stored edit, and the ids a dashboard user retired: what a vendor sync must keep. */
export async function dashboardChanges(db: Db, teamId: string, ids: readonly string[]): Promise<{ edits: Map<string, StoredEdit>; retiredByUser: Set<string> }> {
  const edits = new Map<string, StoredEdit>();
  const retiredByUser = new Set<string>();
  if (ids.length === 0) return { edits, retiredByUser };
  const rows = await db
    .selectFrom('content')
    .select(['id', 'edited', 'retired_at', 'retired_by'])
    .where('team_id', '=', teamId)
    .where('id', 'in', ids)
    .where((eb) => eb.or([eb('edited', 'is not', null), eb('retired_by', 'is not', null)]))
    .execute();
  for (const row of rows) {
    if (row.edited && typeof row.edited === 'object') edits.set(row.id, row.edited as StoredEdit);
    if (row.retired_at !== null && row.retired_by !== null) retiredByUser.add(row.id);
  }
  return { edits, retiredByUser };
}
