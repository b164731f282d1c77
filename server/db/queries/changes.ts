import { sql } from 'kysely';

/** What an upsert changed, in the import report's terms (re-importing a file changes nothing). */
export interface Changes {
  added: number;
  updated: number;
  unchanged: number;
}

export const NO_CHANGES: Changes = { added: 0, updated: 0, unchanged: 0 };

export const addChanges = (a: Changes, b: Changes): Changes => ({
  added: a.added + b.added,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});

/**
 * `returning` this from `insert … on conflict do update … where <differs>`: true for a new row,
 * false for an updated one (PostgreSQL's xmax is 0 only for a row this statement inserted); rows
 * equal to what is stored are not returned at all.
 */
export const insertedFlag = sql<boolean>`(xmax = 0)`.as('inserted');

export function countChanges(batchSize: number, returned: readonly { inserted: boolean }[]): Changes {
  const added = returned.filter((row) => row.inserted).length;
  return { added, updated: returned.length - added, unchanged: batchSize - returned.length };
}

/** Splits rows into statements that stay well under PostgreSQL's 65,535 parameters. */
export function* batches<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
