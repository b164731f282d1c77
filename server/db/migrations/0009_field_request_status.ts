import { sql, type Kysely } from 'kysely';

/**
 * From the field (dashboard issue, items 6 and 7):
 * - `field_request_status`: the status marketing gives a rep's content request or prospect question
 *   (new → planned → published, naming the catalog item that answers it). A request without a row is
 *   `new`, so nothing is written when a rep sends one.
 * - Two columns on `content` that let a marketer's catalog edits outlive the vendor sync, which
 *   rewrites the vendor's items every 15 minutes: `edited` (the fields changed in the dashboard, laid
 *   over what the vendor lists) and `retired_by` (a dashboard user retired it: the sync does not bring
 *   it back while the vendor still lists it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('field_request_status')
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('feedback_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('new', 'planned', 'published')`))
    .addColumn('content_id', 'text')
    .addColumn('changed_at', 'timestamptz', (col) => col.notNull())
    // The marketer's user id; users are disabled, never deleted, so no foreign key is needed to keep it readable.
    .addColumn('changed_by', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('field_request_status_pk', ['team_id', 'feedback_id'])
    .addForeignKeyConstraint('field_request_status_feedback_fk', ['team_id', 'feedback_id'], 'feedback', ['team_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();

  // The dashboard lists a team's requests newest first, and a rep's extension asks for its own.
  await sql`create index feedback_requests on feedback (team_id, created_at desc) where kind in ('content_request', 'prospect_question')`.execute(db);
  await sql`create index feedback_requests_by_user on feedback (team_id, user_id, created_at desc) where kind in ('content_request', 'prospect_question')`.execute(db);

  await db.schema.alterTable('content').addColumn('edited', 'jsonb').execute();
  await db.schema.alterTable('content').addColumn('retired_by', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('content').dropColumn('retired_by').execute();
  await db.schema.alterTable('content').dropColumn('edited').execute();
  await db.schema.dropIndex('feedback_requests_by_user').execute();
  await db.schema.dropIndex('feedback_requests').execute();
  await db.schema.dropTable('field_request_status').execute();
}
