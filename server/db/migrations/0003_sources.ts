import { sql, type Kysely } from 'kysely';

/**
 * A team's marketing system (HubSpot or Mautic) that the server syncs the catalog from and looks
 * leads up in: its settings, its secrets (AES-256-GCM ciphertext, never plain text: see
 * server/sources/secrets-crypto.ts) and how the last sync went. Content rows learn where they came
 * from, so a sync retires only the items its vendor stopped listing, never imported ones.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('team_sources')
    .addColumn('team_id', 'text', (col) => col.primaryKey().references('teams.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('hubspot', 'mautic')`))
    .addColumn('config', 'jsonb', (col) => col.notNull())
    .addColumn('secrets', 'text', (col) => col.notNull())
    .addColumn('last_sync_at', 'timestamptz')
    .addColumn('last_sync_error', 'text')
    .addColumn('catalog_count', 'integer')
    // A lease, so two instances (or the CLI and a job) never sync one team at the same time.
    .addColumn('sync_started_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  // null: imported or sent through the API; else the vendor kind that listed it.
  await db.schema.alterTable('content').addColumn('origin', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('content').dropColumn('origin').execute();
  await db.schema.dropTable('team_sources').execute();
}
