import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import { TeamStatsSchema } from '@/lib/schema/rest-api';
import { openDatabase, type Database } from '@/server/db/database';
import { createPostgresDatabase, createTeamWithCaller } from './server-databases';
import { fetchExpecting } from './server-load';
import { startServerProcess } from './server-process';
import { seedStats, STATS_REPS, type SeededStats } from './server-stats-seed';
import { summarize, type Summary } from './stats';

const DAY_MS = 86_400_000;
/** The baseline counts every event each time; a run is stopped at this, and its figure says so. */
export const BASELINE_CAP_MS = 20_000;
const BASELINE_RUNS = 3;

export interface StatsFigures {
  seeded: SeededStats;
  allTime: Summary;
  last30Days: Summary;
  /** The same content counts and active reps counted from content_events, ms per run; undefined = capped. */
  baselineAllTime: Summary | undefined;
  baseline30Days: Summary | undefined;
}

/**
 * GET /v1/stats for all time and for the last 30 days (from a time inside a day, as Insights asks:
 * whole days from the rollups plus that first day's events), one request at a time after two
 * warm-ups, over `events` seeded content events on a fresh PostgreSQL database. The answer must count
 * every seeded event. The baseline asks PostgreSQL for the same content counts and active reps by
 * counting content_events directly (no rollups, no HTTP), at most BASELINE_CAP_MS per statement.
 */
export async function measureStats(options: { postgresUrl: string; events: number; samples: number }): Promise<StatsFigures> {
  const databaseUrl = await createPostgresDatabase(options.postgresUrl, 'stats');
  const database = await openDatabase({ databaseUrl });
  try {
    const caller = await createTeamWithCaller(database, 'marketer');
    const seeded = await seedStats(database, caller.teamId, options.events);
    const since = new Date(Date.now() - 30 * DAY_MS).toISOString();

    const server = await startServerProcess({ databaseUrl });
    let allTime: Summary;
    let last30Days: Summary;
    try {
      const headers = { Authorization: `Bearer ${caller.token}` };
      const ask = async (query: string) => {
        const t0 = performance.now();
        const response = await fetchExpecting(`${server.url}/v1/stats${query}`, { headers });
        const stats = TeamStatsSchema.parse(await response.json());
        const elapsed = performance.now() - t0;
        if (!query) {
          const counted = stats.content.reduce((sum, row) => sum + row.suggested + row.opened + row.linkCopied, 0);
          if (counted !== options.events) throw new Error(`/v1/stats counts ${counted} events of the ${options.events} seeded.`);
          if (stats.team?.reps !== STATS_REPS) throw new Error(`/v1/stats says ${stats.team?.reps} active reps, not ${STATS_REPS}.`);
        }
        return elapsed;
      };
      const sample = async (query: string) => {
        for (let i = 0; i < 2; i++) await ask(query);
        const times: number[] = [];
        for (let i = 0; i < options.samples; i++) times.push(await ask(query));
        return summarize(times);
      };
      allTime = await sample('');
      last30Days = await sample(`?since=${encodeURIComponent(since)}`);
    } finally {
      await server.stop();
    }

    const baselineAllTime = await countFromEvents(database, caller.teamId);
    const baseline30Days = await countFromEvents(database, caller.teamId, new Date(since));
    return { seeded, allTime, last30Days, baselineAllTime, baseline30Days };
  } finally {
    await database.close();
  }
}

/** The content counts and active reps from content_events alone, BASELINE_RUNS times; undefined when a run hits the cap. */
async function countFromEvents(database: Database, teamId: string, since?: Date): Promise<Summary | undefined> {
  return database.db.connection().execute(async (db) => {
    await sql.raw(`set statement_timeout = ${BASELINE_CAP_MS}`).execute(db);
    const times: number[] = [];
    try {
      for (let i = 0; i < BASELINE_RUNS; i++) {
        const t0 = performance.now();
        await db
            .selectFrom('content_events')
            .select([
              'content_id',
              sql<number>`count(*) filter (where type = 'suggested')`.as('suggested'),
              sql<number>`count(*) filter (where type = 'opened')`.as('opened'),
              sql<number>`count(*) filter (where type = 'link_copied')`.as('link_copied'),
            ])
            .where('team_id', '=', teamId)
            .$if(since !== undefined, (query) => query.where('at', '>=', since!))
            .groupBy('content_id')
            .execute();
        await db
          .selectFrom('content_events')
          .select(sql<number>`count(distinct user_id)`.as('reps'))
          .where('team_id', '=', teamId)
          .$if(since !== undefined, (query) => query.where('at', '>=', since!))
          .execute();
        times.push(performance.now() - t0);
      }
    } catch (error) {
      if (/statement timeout/i.test(String(error))) return undefined;
      throw error;
    } finally {
      await sql`reset statement_timeout`.execute(db);
    }
    return summarize(times);
  });
}
