// @vitest-environment node
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test-support/database';
import type { Database } from './database';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

const LATEST = Object.keys(MIGRATIONS).at(-1)!;
// The rollups' migration is what the data test below checks; later ones have tests of their own.
const PREVIOUS = '0001_core';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

const tables = async (db: Database['db']) =>
  (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() order by 1`.execute(db)).rows.map(
    (row) => row.name,
  );

describe('migrations', () => {
  it('build the whole schema from an empty database, and running them again changes nothing', async () => {
    database = await openTestDatabase();
    const before = await tables(database.db);
    expect(before).toEqual(expect.arrayContaining(['teams', 'users', 'tokens', 'profiles', 'profile_crm_ids', 'page_views', 'content', 'deliveries', 'feedback', 'content_events', 'content_daily']));
    await migrate(database.db);
    expect(await tables(database.db)).toEqual(before);
  });

  it(`keep every row when going from ${PREVIOUS} to ${LATEST}, and roll up the events stored before`, async () => {
    database = await openTestDatabase({ migrateTo: PREVIOUS });
    const { db } = database;
    expect(await tables(db)).not.toContain('content_daily');
    await db.insertInto('teams').values({ id: 't1', name: 'Team one' }).execute();
    await db.insertInto('users').values({ team_id: 't1', id: 'u1', email: 'rep@example.com', name: 'Rep', role: 'rep' }).execute();
    await db.insertInto('deliveries').values({ team_id: 't1', id: 'd1', kind: 'event', user_id: 'u1', payload: '{"id":"d1"}' }).execute();
    const events = [
      { id: 'e1', type: 'opened', at: '2026-11-30T23:59:00Z' },
      { id: 'e2', type: 'opened', at: '2026-11-30T08:00:00Z' },
      { id: 'e3', type: 'suggested', at: '2026-12-01T00:00:00Z' },
    ] as const;
    await db
      .insertInto('content_events')
      .values(events.map((event) => ({ team_id: 't1', user_id: 'u1', content_id: 'c1', lead_key: null, channel: null, campaign: null, ...event })))
      .execute();

    await migrate(db);

    expect(await db.selectFrom('deliveries').select(['id', 'payload']).execute()).toEqual([{ id: 'd1', payload: '{"id":"d1"}' }]);
    expect((await db.selectFrom('content_events').select('id').orderBy('id').execute()).map((row) => row.id)).toEqual(['e1', 'e2', 'e3']);
    expect(await db.selectFrom('users').select('email').execute()).toEqual([{ email: 'rep@example.com' }]);
    const daily = await db
      .selectFrom('content_daily')
      .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'suggested', 'opened', 'link_copied'])
      .orderBy('day')
      .execute();
    expect(daily).toEqual([
      { day: '2026-11-30', suggested: 0, opened: 2, link_copied: 0 },
      { day: '2026-12-01', suggested: 1, opened: 0, link_copied: 0 },
    ]);
  });

  it('keep every feedback row going from 0004 to 0005, and the stats read the latest verdict and rating from its indexes', async () => {
    database = await openTestDatabase({ migrateTo: '0004_content_team_daily' });
    const { db } = database;
    await db.insertInto('teams').values({ id: 't1', name: 'Team one' }).execute();
    const row = { team_id: 't1', user_id: 'u1', lead_label: 'Lead', text: null, channel: 'email', campaign: null };
    await db
      .insertInto('feedback')
      .values([
        { ...row, id: 'f1', lead_key: 'l1', kind: 'verdict', verdict: 'not_ready', content_id: null, useful: null, created_at: '2026-12-01T09:00:00Z' },
        { ...row, id: 'f2', lead_key: 'l1', kind: 'verdict', verdict: 'demo_booked', content_id: null, useful: null, created_at: '2026-12-01T10:00:00Z' },
        { ...row, id: 'f3', lead_key: 'l1', kind: 'content_rating', verdict: null, content_id: 'c1', useful: true, created_at: '2026-12-01T10:00:00Z' },
      ])
      .execute();

    await migrate(db);

    expect((await db.selectFrom('feedback').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['f1', 'f2', 'f3']);
    await sql`set enable_seqscan = off`.execute(db);
    const plan = (query: string) => sql.raw<{ 'QUERY PLAN': string }>(`explain ${query}`).execute(db).then((result) => result.rows.map((r) => r['QUERY PLAN']).join('\n'));
    expect(await plan("select distinct on (lead_key) verdict from feedback where team_id = 't1' and kind = 'verdict' order by lead_key, created_at desc")).toContain('feedback_latest_verdict');
    expect(await plan("select distinct on (lead_key, content_id) useful from feedback where team_id = 't1' and kind = 'content_rating' order by lead_key, content_id, created_at desc")).toContain('feedback_latest_rating');
  });

  it('can be taken back down to nothing and up again', async () => {
    database = await openTestDatabase();
    await migrate(database.db, 'none');
    expect(await tables(database.db)).not.toContain('teams');
    await migrate(database.db);
    expect(await tables(database.db)).toContain('content_daily');
  });
});
