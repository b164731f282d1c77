import { sql, type Kysely } from 'kysely';

/**
 * What the dashboard's analytics pages read (server/db/queries/dashboard):
 * - `feedback` keeps a verdict's reason chips and note (the lead-quality drill-down shows them) and the
 *   marketing profile the lead is (the follow-up clock runs from the profile's qualification). Stored
 *   verdicts get theirs from the delivery they came in, which kept the whole item.
 * - `lead_looks`: the first time each rep opened a lead's record (a `look` delivery), earliest kept.
 * - `team_settings`: the team's follow-up definition and SLA (FollowUpSettingsSchema).
 * - `profiles.first_seen_at`: when the server first stored the lead, the qualification time of a
 *   profile that does not carry its own `qualifiedAt`. Existing rows take their last update, the
 *   closest thing they have.
 * - `content_source_daily`: content events per day, rep and lead channel, so "opens by source" and the
 *   funnel per rep over a period read a rollup of a few thousand rows a day at most, instead of the
 *   period's events or the per-item-and-rep rollup (at 10,000,000 events, 30 days of content_daily are
 *   about 260,000 rows: 0.7 s to sum per rep on PostgreSQL).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feedback').addColumn('reasons', 'jsonb').addColumn('note', 'text').addColumn('profile_id', 'text').execute();
  await sql`
    update feedback set
      reasons = coalesce(payload.item -> 'reasons', '[]'::jsonb),
      note = payload.item ->> 'note'
    from (select team_id, id, payload::jsonb as item from deliveries where kind = 'feedback') as payload
    where feedback.kind = 'verdict' and payload.team_id = feedback.team_id and payload.id = feedback.id
  `.execute(db);
  await sql`
    update feedback set profile_id = payload.item -> 'lead' ->> 'profileId'
    from (select team_id, id, payload::jsonb as item from deliveries where kind = 'feedback') as payload
    where payload.team_id = feedback.team_id and payload.id = feedback.id
  `.execute(db);
  // Older items named no profile: the record's known CRM id, else the lead's e-mail, as the lookup does.
  await sql`
    update feedback set profile_id = coalesce(
      (select ids.profile_id from profile_crm_ids ids
        where ids.team_id = feedback.team_id and ids.crm = payload.item -> 'lead' ->> 'crm' and ids.record_id = payload.record_id),
      (select profiles.id from profiles
        where profiles.team_id = feedback.team_id and profiles.email_lower = lower(trim(payload.item -> 'lead' ->> 'email'))
        order by profiles.id limit 1)
    )
    from (
      select team_id, id, payload::jsonb as item,
        -- As normalizeRecordId keys them: an 18-character Salesforce id stands for its first 15.
        case when payload::jsonb -> 'lead' ->> 'crm' = 'salesforce' and (payload::jsonb -> 'lead' ->> 'recordId') ~ '^[a-zA-Z0-9]{18}$'
          then left(payload::jsonb -> 'lead' ->> 'recordId', 15) else payload::jsonb -> 'lead' ->> 'recordId' end as record_id
      from deliveries where kind = 'feedback'
    ) as payload
    where feedback.profile_id is null and payload.team_id = feedback.team_id and payload.id = feedback.id
  `.execute(db);
  // A lead's first verdict (follow-up), and the period's verdicts by week.
  await sql`create index feedback_profile_verdict on feedback (team_id, profile_id, created_at) where kind = 'verdict' and profile_id is not null`.execute(db);

  await sql`alter table deliveries drop constraint deliveries_kind_check`.execute(db);
  await sql`alter table deliveries add constraint deliveries_kind_check check (kind in ('feedback', 'event', 'look'))`.execute(db);

  await db.schema
    .createTable('lead_looks')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('profile_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('first_at', 'timestamptz', (col) => col.notNull())
    .addColumn('lead_key', 'text', (col) => col.notNull())
    .addColumn('lead_label', 'text', (col) => col.notNull())
    .addColumn('channel', 'text')
    .addColumn('campaign', 'text')
    // One row per rep and lead: the primary key's prefix also answers "first look at this lead by anyone".
    .addPrimaryKeyConstraint('lead_looks_pk', ['team_id', 'profile_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('team_settings')
    .addColumn('team_id', 'text', (col) => col.primaryKey().references('teams.id').onDelete('cascade'))
    .addColumn('follow_up', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.alterTable('profiles').addColumn('first_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`)).execute();
  await sql`update profiles set first_seen_at = updated_at`.execute(db);

  await db.schema
    .createTable('content_source_daily')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    // '' = the lead carried no channel (a key column cannot be null).
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('suggested', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('opened', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('link_copied', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('content_source_daily_pk', ['team_id', 'day', 'user_id', 'channel'])
    .execute();
  await sql`
    insert into content_source_daily (team_id, day, user_id, channel, suggested, opened, link_copied)
    select team_id, (at at time zone 'UTC')::date, user_id, coalesce(channel, ''),
           count(*) filter (where type = 'suggested'),
           count(*) filter (where type = 'opened'),
           count(*) filter (where type = 'link_copied')
    from content_events
    group by 1, 2, 3, 4
  `.execute(db);

  // "Opened for leads that later booked a demo": a demo lead's opens, found by the lead.
  await sql`create index content_events_lead_opened on content_events (team_id, lead_key, at) include (content_id) where type = 'opened' and lead_key is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('content_events_lead_opened').execute();
  await db.schema.dropTable('content_source_daily').execute();
  await db.schema.alterTable('profiles').dropColumn('first_seen_at').execute();
  await db.schema.dropTable('team_settings').execute();
  await db.schema.dropTable('lead_looks').execute();
  await sql`delete from deliveries where kind = 'look'`.execute(db);
  await sql`alter table deliveries drop constraint deliveries_kind_check`.execute(db);
  await sql`alter table deliveries add constraint deliveries_kind_check check (kind in ('feedback', 'event'))`.execute(db);
  await db.schema.dropIndex('feedback_profile_verdict').execute();
  await db.schema.alterTable('feedback').dropColumn('profile_id').dropColumn('note').dropColumn('reasons').execute();
}
