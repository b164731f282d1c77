import { sql, type Kysely } from 'kysely';

/**
 * Dashboard sign-in (server/dashboard): a password for marketers and admins, their sessions, and the
 * failed sign-ins that lock an e-mail out. Sessions and failures live here, not in an instance's memory,
 * because any number of stateless instances may serve one team.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // scrypt with its salt and parameters (server/dashboard/password.ts); null = cannot sign in.
  await db.schema.alterTable('users').addColumn('password_hash', 'text').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    // sha256 of the cookie's secret: a copy of this table signs nobody in.
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    // The absolute end; the idle end is last_seen_at plus the idle limit.
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addPrimaryKeyConstraint('sessions_pk', ['team_id', 'id'])
    .addForeignKeyConstraint('sessions_user_fk', ['team_id', 'user_id'], 'users', ['team_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['team_id', 'user_id']).execute();

  // Keyed by e-mail, not team: a sign-in names no team, and an unknown e-mail is counted the same way.
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('email_lower', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create index sign_in_failures_email_at on sign_in_failures (email_lower, at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema.alterTable('users').dropColumn('password_hash').execute();
}
