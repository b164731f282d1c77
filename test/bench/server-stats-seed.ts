import { sql, type Kysely } from 'kysely';
import type { Database } from '@/server/db/database';
import type { Tables } from '@/server/db/tables';

export const STATS_REPS = 200;
export const STATS_CONTENT_ITEMS = 100;
/** Events spread over two years back from the seeding time. */
export const STATS_DAYS = 730;
/** One feedback item (verdict, rating, request) per this many content events. */
const EVENTS_PER_FEEDBACK = 100;

export interface SeededStats {
  events: number;
  feedback: number;
  rollupRows: number;
  teamRollupRows: number;
  seedMs: number;
}

/**
 * Fills a team's tables as the server's own writes leave them, in SQL so ten million events take
 * minutes rather than hours: reps, a catalog, content events (reps in turn, items skewed towards
 * the first ones as real catalogs are, times evenly spread over STATS_DAYS up to now), feedback, and then the daily
 * rollups from the events with one `insert … select … group by` (the statement migration 0002 uses
 * for events stored before it), and the team's rollup from those. Not seeded: the deliveries log, which the stats never read.
 * Values derive from the row number through hashint4, so every run seeds the same data.
 */
export async function seedStats(database: Database, teamId: string, events: number): Promise<SeededStats> {
  // One connection throughout, so the session settings hold for every statement.
  return database.db.connection().execute(async (db) => {
    await bulkSettings(db);
    return seedOnConnection(database, db, teamId, events);
  });
}

/** Generous memory for a session's sorts and index builds: the seed is one-off bulk work. */
async function bulkSettings(db: Kysely<Tables>): Promise<void> {
  await sql`set maintenance_work_mem = '1GB'`.execute(db);
  await sql`set work_mem = '1GB'`.execute(db);
}

/**
 * PostgreSQL runs an `insert … select` on one core; the two big ones are split in halves run on two
 * connections at once, so a 2-core machine seeds in about half the time.
 */
async function inHalves(database: Database, statement: (db: Kysely<Tables>, half: 0 | 1) => Promise<unknown>): Promise<void> {
  await Promise.all(
    ([0, 1] as const).map((half) =>
      database.db.connection().execute(async (db) => {
        await bulkSettings(db);
        await statement(db, half);
      }),
    ),
  );
}

async function seedOnConnection(database: Database, db: Kysely<Tables>, teamId: string, events: number): Promise<SeededStats> {
  const started = Date.now();
  const seededAt = new Date(started).toISOString();
  const spanSeconds = STATS_DAYS * 86_400;
  await sql`
    insert into users (team_id, id, email, name, role)
    select ${teamId}, 'rep-' || r, 'rep' || r || '@bench.leadside.example', 'Rep ' || r, 'rep'
    from generate_series(0, ${STATS_REPS - 1}) r
  `.execute(db);
  await sql`
    insert into content (team_id, id, position, item, updated_at)
    select ${teamId}, 'content-' || c, c, jsonb_build_object('id', 'content-' || c, 'title', 'Item ' || c), now()
    from generate_series(0, ${STATS_CONTENT_ITEMS - 1}) c
  `.execute(db);
  // Indexes (here and for the rollups below) are built once after the load, as migrations 0001 and
  // 0002 define them, instead of updated row by row: several times faster.
  // Every secondary index the migrations put on content_events (the time index, 0008's partial
  // index of opens by lead, any later one) is dropped and built again from its own definition.
  const { rows: eventIndexes } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename = 'content_events' and indexname <> 'content_events_pk'
  `.execute(db);
  await sql`alter table content_events drop constraint content_events_pk`.execute(db);
  for (const index of eventIndexes) await sql`drop index ${sql.ref(index.name)}`.execute(db);
  // Rows arrive in id order and in time order, so the two index builds below sort presorted input.
  const halfway = Math.floor(events / 2);
  await inHalves(database, (db, half) =>
    sql`
      insert into content_events (team_id, id, user_id, content_id, type, at, lead_key, channel, campaign)
      select ${teamId}, 'event-' || lpad(g::text, 9, '0'), 'rep-' || (abs(hashint4(g)) % ${STATS_REPS}),
             'content-' || floor(${STATS_CONTENT_ITEMS} * ((abs(hashint4(g + 1)) % 10000) / 10000.0::float8) ^ 2)::int,
             (array['suggested', 'suggested', 'suggested', 'suggested', 'suggested', 'suggested', 'opened', 'opened', 'opened', 'link_copied'])[1 + abs(hashint4(g + 7)) % 10],
             ${seededAt}::timestamptz - (${events} - g) * ${spanSeconds / events}::float8 * interval '1 second',
             'email:lead-' || (abs(hashint4(g + 17)) % 50000) || '@example.com', 'email', 'campaign-' || (g % 12)
      from generate_series(${half === 0 ? 1 : halfway + 1}::int, ${half === 0 ? halfway : events}::int) g
    `.execute(db),
  );
  await sql`alter table content_events add constraint content_events_pk primary key (team_id, id)`.execute(db);
  for (const index of eventIndexes) await sql.raw(index.definition).execute(db);

  const feedback = Math.floor(events / EVENTS_PER_FEEDBACK);
  await sql`
    -- Verdicts are the rows with g % 10 in (0, 1); their kind of verdict follows g / 10, so all five come up equally.
    insert into feedback (team_id, id, user_id, lead_key, lead_label, kind, verdict, content_id, useful, text, channel, campaign, created_at)
    select ${teamId}, 'feedback-' || g, 'rep-' || (g % ${STATS_REPS}), 'email:lead-' || (abs(hashint4(g + 3)) % 50000) || '@example.com',
           'Lead ' || (abs(hashint4(g + 3)) % 50000), kinds.kind,
           case when kinds.kind = 'verdict' then (array['good_fit', 'demo_booked', 'not_ready', 'not_a_fit', 'bad_data'])[1 + (g / 10) % 5] end,
           case when kinds.kind = 'content_rating' then 'content-' || (g % ${STATS_CONTENT_ITEMS}) end,
           case when kinds.kind = 'content_rating' then g % 3 <> 0 end,
           case when kinds.kind in ('content_request', 'prospect_question') then 'Request number ' || g end,
           'email', 'campaign-' || (g % 12),
           ${seededAt}::timestamptz - (abs(hashint4(g + 5)) % ${spanSeconds}) * interval '1 second'
    from generate_series(1, ${feedback}) g,
         lateral (select (array['verdict', 'verdict', 'content_rating', 'content_rating', 'content_rating', 'content_rating', 'content_rating', 'content_rating', 'content_request', 'prospect_question'])[1 + g % 10] as kind) kinds
  `.execute(db);

  // The trigger that keeps content_team_daily (migration 0004) would fire once per rollup row; the
  // team's rollup is grouped in one statement instead, as that migration's own backfill does.
  await sql`alter table content_daily disable trigger content_team_daily_add`.execute(db);
  await sql`alter table content_daily drop constraint content_daily_pk`.execute(db);
  await sql`drop index content_daily_team_user_day`.execute(db);
  // Halves by rep: a rollup row is one rep's, so each half groups its own rows completely.
  await inHalves(database, (db, half) =>
    sql`
      insert into content_daily (team_id, day, content_id, user_id, suggested, opened, link_copied)
      select team_id, (at at time zone 'UTC')::date, content_id, user_id,
             count(*) filter (where type = 'suggested'),
             count(*) filter (where type = 'opened'),
             count(*) filter (where type = 'link_copied')
      from content_events
      where team_id = ${teamId} and substr(user_id, 5)::int % 2 = ${half}
      group by 1, 2, 3, 4
    `.execute(db),
  );
  await sql`alter table content_daily add constraint content_daily_pk primary key (team_id, day, content_id, user_id)`.execute(db);
  await sql`create index content_daily_team_user_day on content_daily (team_id, user_id, day)`.execute(db);
  await sql`alter table content_daily enable trigger content_team_daily_add`.execute(db);
  await sql`
    insert into content_team_daily (team_id, day, content_id, suggested, opened, link_copied)
    select team_id, day, content_id, sum(suggested), sum(opened), sum(link_copied)
    from content_daily
    where team_id = ${teamId}
    group by 1, 2, 3
  `.execute(db);
  await sql`vacuum analyze`.execute(db);
  const seedMs = Date.now() - started;
  const { rows } = await sql<{ rep: number; team: number }>`
    select (select count(*) from content_daily where team_id = ${teamId})::int as rep,
           (select count(*) from content_team_daily where team_id = ${teamId})::int as team
  `.execute(db);
  await checkRollups(db, teamId, events);
  return { events, feedback, rollupRows: rows[0]!.rep, teamRollupRows: rows[0]!.team, seedMs };
}

const SAMPLED_ROLLUPS = 25;

interface Counts {
  suggested: number;
  opened: number;
  link_copied: number;
}

/**
 * The seed is honest only if its rollups say what the events say: each rollup table counts every
 * event once in total, and a sample of rows of each equals a count of that day's events for its item
 * (and rep).
 */
async function checkRollups(db: Kysely<Tables>, teamId: string, events: number): Promise<void> {
  for (const table of ['content_daily', 'content_team_daily'] as const) {
    const total = await sql<{ n: number }>`
      select coalesce(sum(suggested + opened + link_copied), 0)::int as n from ${sql.table(table)} where team_id = ${teamId}
    `.execute(db);
    if (total.rows[0]!.n !== events) throw new Error(`The seeded ${table} counts ${total.rows[0]!.n} events, not ${events}.`);
    const sample = await sql<Counts & { day: string; content_id: string; user_id: string | null }>`
      select day::text as day, content_id, ${table === 'content_daily' ? sql.ref('user_id') : sql`null::text`} as user_id, suggested, opened, link_copied
      from ${sql.table(table)} tablesample system (1) repeatable (42)
      where team_id = ${teamId} limit ${SAMPLED_ROLLUPS}
    `.execute(db);
    if (sample.rows.length === 0) throw new Error(`No ${table} rows to check.`);
    for (const row of sample.rows) {
      const counted = await sql<Counts>`
        select (count(*) filter (where type = 'suggested'))::int as suggested,
               (count(*) filter (where type = 'opened'))::int as opened,
               (count(*) filter (where type = 'link_copied'))::int as link_copied
        from content_events
        where team_id = ${teamId} and content_id = ${row.content_id}
          and (${row.user_id}::text is null or user_id = ${row.user_id})
          and at >= ${row.day}::date at time zone 'UTC' and at < (${row.day}::date + 1) at time zone 'UTC'
      `.execute(db);
      const fromEvents = counted.rows[0]!;
      if (fromEvents.suggested !== row.suggested || fromEvents.opened !== row.opened || fromEvents.link_copied !== row.link_copied) {
        throw new Error(`Seeded ${table} row ${JSON.stringify(row)} differs from its events' count ${JSON.stringify(fromEvents)}.`);
      }
    }
  }
}
