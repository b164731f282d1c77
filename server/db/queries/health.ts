import { sql, type Kysely } from 'kysely';
import type { Tables } from '../tables';

/** One round trip to the database: throws when it is unreachable. Not about any team. */
export async function pingDatabase(db: Kysely<Tables>): Promise<void> {
  await sql`select 1`.execute(db);
}
