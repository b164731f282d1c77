import type { Kysely } from 'kysely';
import { ContentItemSchema, type ContentItem } from '@/lib/schema';
import type { Tables } from '../tables';

/** Where a catalog page starts: after this item in (position, id) order. */
export interface ContentCursor {
  position: number;
  id: string;
}

/** One page of the team's current catalog (retired items left out), in a stable order. */
export async function listContentPage(
  db: Kysely<Tables>,
  teamId: string,
  page: { limit: number; after?: ContentCursor },
): Promise<{ items: ContentItem[]; next: ContentCursor | null }> {
  let query = db
    .selectFrom('content')
    .select(['id', 'position', 'item'])
    .where('team_id', '=', teamId)
    .where('retired_at', 'is', null);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('position', '>', after.position), eb.and([eb('position', '=', after.position), eb('id', '>', after.id)])]),
    );
  }
  // One more than asked says whether there is a next page without a count.
  const rows = await query.orderBy('position').orderBy('id').limit(page.limit + 1).execute();
  const pageRows = rows.slice(0, page.limit);
  const lastRow = pageRows.at(-1);
  return {
    items: pageRows.map((row) => ContentItemSchema.parse(row.item)),
    next: rows.length > page.limit && lastRow ? { position: lastRow.position, id: lastRow.id } : null,
  };
}

/** Takes items out of the catalog reps get (their events and ratings stay counted). */
export async function retireContent(db: Kysely<Tables>, teamId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('content')
    .set({ retired_at: new Date() })
    .where('team_id', '=', teamId)
    .where('id', 'in', ids)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
