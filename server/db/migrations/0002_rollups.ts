import { sql, type Kysely } from 'kysely';

/**
 * What keeps team stats fast at millions of events: content events rolled up per UTC day, content
 * item and rep (kept current in the same transaction as each event insert), and the indexes the stats
 * and lookups read. Events stored before this migration are rolled up here, so none is lost.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_daily')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('content_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('suggested', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('opened', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('link_copied', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('content_daily_pk', ['team_id', 'day', 'content_id', 'user_id'])
    .execute();

  await sql`
    insert into content_daily (team_id, day, content_id, user_id, suggested, opened, link_copied)
    select team_id, (at at time zone 'UTC')::date, content_id, user_id,
           count(*) filter (where type = 'suggested'),
           count(*) filter (where type = 'opened'),
           count(*) filter (where type = 'link_copied')
    from content_events
    group by 1, 2, 3, 4
  `.execute(db);

  // The partial first day of a `since` reads events by time; everything before is rollups.
  await db.schema.createIndex('content_events_team_at').on('content_events').columns(['team_id', 'at']).execute();
  // Latest verdict per lead, latest rating per lead and item, requests newest first.
  await db.schema.createIndex('feedback_team_kind_created').on('feedback').columns(['team_id', 'kind', 'created_at']).execute();
  await db.schema.createIndex('feedback_team_user_created').on('feedback').columns(['team_id', 'user_id', 'created_at']).execute();
  await db.schema.createIndex('content_daily_team_user_day').on('content_daily').columns(['team_id', 'user_id', 'day']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('content_daily_team_user_day').execute();
  await db.schema.dropIndex('feedback_team_user_created').execute();
  await db.schema.dropIndex('feedback_team_kind_created').execute();
  await db.schema.dropIndex('content_events_team_at').execute();
  await db.schema.dropTable('content_daily').execute();
}
