import { sql, type Kysely } from 'kysely';

/**
 * Forwarding feedback back to marketing's own systems (server/forwarding). `team_webhooks` holds a
 * team's Slack incoming-webhook URL, encrypted like vendor secrets (the URL is the credential).
 * `forwards` is the server's outbox: one row per stored verdict or field request and destination,
 * written in the same transaction as the delivery, so a crash between storing and sending loses
 * nothing, and keyed by (team, delivery, target), so a redelivered item is never forwarded twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('team_webhooks')
    .addColumn('team_id', 'text', (col) => col.primaryKey().references('teams.id').onDelete('cascade'))
    .addColumn('url', 'text', (col) => col.notNull())
    // Shown by the CLI; the URL itself never is.
    .addColumn('host', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('forwards')
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('delivery_id', 'text', (col) => col.notNull())
    .addColumn('target', 'text', (col) => col.notNull().check(sql`target in ('vendor', 'slack')`))
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('pending').check(sql`state in ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    // The last attempt got no answer (timeout, dropped connection, a worker that died mid-call).
    .addColumn('unclear', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('remote_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // Set while a worker holds the row; a claim whose lease ran out was never settled.
    .addColumn('claim_id', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('settled_at', 'timestamptz')
    .addPrimaryKeyConstraint('forwards_pkey', ['team_id', 'delivery_id', 'target'])
    .addForeignKeyConstraint('forwards_delivery_fkey', ['team_id', 'delivery_id'], 'deliveries', ['team_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  // What the worker looks for: a team's pending rows, due first.
  await sql`create index forwards_pending on forwards (team_id, next_attempt_at) where state = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('forwards').execute();
  await db.schema.dropTable('team_webhooks').execute();
}
