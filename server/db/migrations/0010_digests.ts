import { sql, type Kysely } from 'kysely';

/**
 * The weekly digest (server/digest): one row per team and ISO week (its Monday) once the scheduled
 * job has claimed that week. The key is what keeps a week from being posted twice, whichever
 * instance runs the job and however often it runs: the job claims the row before posting and only
 * a post refused before anything was posted ('failed') is ever tried again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('digests')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('week_start', 'date', (col) => col.notNull())
    // sending: claimed, the post under way (or its process died mid-post: never retried, it may be in Slack);
    // sent; failed: Slack refused before posting (5xx, 429, 4xx), retried; unclear: no answer, never retried.
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('sending', 'sent', 'failed', 'unclear')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('last_error', 'text')
    .addColumn('claimed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    // Who posted it: the weekly job, or a marketer's "send now" (which the job then does not repeat).
    .addColumn('trigger', 'text', (col) => col.notNull().check(sql`trigger in ('schedule', 'manual')`))
    .addPrimaryKeyConstraint('digests_pkey', ['team_id', 'week_start'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('digests').execute();
}
