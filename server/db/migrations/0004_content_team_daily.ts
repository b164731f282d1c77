import { sql, type Kysely } from 'kysely';

/**
 * Team stats at millions of events: content_daily has a row per day, item and rep, so over a year of
 * a busy team it holds about as many rows as there are events, and summing it for "all time" took
 * seconds (npm run bench, 10,000,000 events). This rolls it up once more, per day and item for the
 * whole team (a few hundred rows a day at most), which is what the stats' content counts need.
 *
 * Kept by a row trigger on content_daily, so the delivery code and its one transaction stay as they
 * are: each rollup row inserted or updated adds its change here. Row triggers fire in the order the
 * rows were written, and deliveries write their rollup rows in key order (day, item, rep), so
 * concurrent deliveries take these rows' locks in the same order too and cannot deadlock.
 * content_daily rows are never deleted except with their team, whose rows here go with it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_team_daily')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('content_id', 'text', (col) => col.notNull())
    .addColumn('suggested', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('opened', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('link_copied', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('content_team_daily_pk', ['team_id', 'day', 'content_id'])
    .execute();

  await sql`
    insert into content_team_daily (team_id, day, content_id, suggested, opened, link_copied)
    select team_id, day, content_id, sum(suggested), sum(opened), sum(link_copied)
    from content_daily
    group by 1, 2, 3
  `.execute(db);

  await sql`
    create function content_team_daily_add() returns trigger language plpgsql as $$
    begin
      insert into content_team_daily as total (team_id, day, content_id, suggested, opened, link_copied)
      values (
        new.team_id, new.day, new.content_id,
        new.suggested - case when tg_op = 'UPDATE' then old.suggested else 0 end,
        new.opened - case when tg_op = 'UPDATE' then old.opened else 0 end,
        new.link_copied - case when tg_op = 'UPDATE' then old.link_copied else 0 end
      )
      on conflict (team_id, day, content_id) do update set
        suggested = total.suggested + excluded.suggested,
        opened = total.opened + excluded.opened,
        link_copied = total.link_copied + excluded.link_copied;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger content_team_daily_add after insert or update on content_daily
    for each row execute function content_team_daily_add()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger content_team_daily_add on content_daily`.execute(db);
  await sql`drop function content_team_daily_add()`.execute(db);
  await db.schema.dropTable('content_team_daily').execute();
}
