import { sql, type Kysely } from 'kysely';

/**
 * Teams, their people and tokens, marketing's data (profiles, page views, content) and what the
 * reps deliver (deliveries, feedback, content events). Every table is keyed by team_id first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('rep', 'marketer', 'admin')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .addPrimaryKeyConstraint('users_pk', ['team_id', 'id'])
    .execute();
  // One account per e-mail in a team, whatever its case.
  await sql`create unique index users_team_email on users (team_id, lower(email))`.execute(db);

  await db.schema
    .createTable('tokens')
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('label', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addPrimaryKeyConstraint('tokens_pk', ['team_id', 'id'])
    .addForeignKeyConstraint('tokens_user_fk', ['team_id', 'user_id'], 'users', ['team_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('tokens_id').on('tokens').column('id').execute();

  await db.schema
    .createTable('profiles')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('email_lower', 'text')
    .addColumn('name', 'text')
    .addColumn('company', 'text')
    .addColumn('profile', 'jsonb', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('profiles_pk', ['team_id', 'id'])
    .execute();
  await db.schema.createIndex('profiles_team_email').on('profiles').columns(['team_id', 'email_lower']).execute();

  await db.schema
    .createTable('profile_crm_ids')
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('crm', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('profile_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('profile_crm_ids_pk', ['team_id', 'crm', 'record_id'])
    .addForeignKeyConstraint('profile_crm_ids_profile_fk', ['team_id', 'profile_id'], 'profiles', ['team_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('profile_crm_ids_profile').on('profile_crm_ids').columns(['team_id', 'profile_id']).execute();

  await db.schema
    .createTable('page_views')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('profile_key', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('viewed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('duration_sec', 'double precision')
    .addColumn('visit_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('page_views_pk', ['team_id', 'profile_key', 'url', 'viewed_at'])
    .execute();

  await db.schema
    .createTable('content')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('item', 'jsonb', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addColumn('retired_at', 'timestamptz')
    .addPrimaryKeyConstraint('content_pk', ['team_id', 'id'])
    .execute();
  await db.schema.createIndex('content_team_order').on('content').columns(['team_id', 'position', 'id']).execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('feedback', 'event')`))
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // The exactly-once guarantee: an id is stored once per team, whoever sends it again.
    .addPrimaryKeyConstraint('deliveries_pk', ['team_id', 'id'])
    .execute();

  await db.schema
    .createTable('feedback')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('lead_key', 'text', (col) => col.notNull())
    .addColumn('lead_label', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('verdict', 'text')
    .addColumn('content_id', 'text')
    .addColumn('useful', 'boolean')
    .addColumn('text', 'text')
    .addColumn('channel', 'text')
    .addColumn('campaign', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('feedback_pk', ['team_id', 'id'])
    .execute();

  await db.schema
    .createTable('content_events')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('content_id', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull().check(sql`type in ('suggested', 'opened', 'link_copied')`))
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('lead_key', 'text')
    .addColumn('channel', 'text')
    .addColumn('campaign', 'text')
    .addPrimaryKeyConstraint('content_events_pk', ['team_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['content_events', 'feedback', 'deliveries', 'content', 'page_views', 'profile_crm_ids', 'profiles', 'tokens', 'users', 'teams']) {
    await db.schema.dropTable(table).execute();
  }
}
