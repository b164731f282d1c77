import type PgBoss from 'pg-boss';
import { z } from 'zod';
import { ConnectorError, type ConnectorErrorKind } from '@/lib/connectors/types';
import type { Database } from '../db/database';
import { teamsWithSources } from '../db/queries/sources';
import { describeSync, SyncNotStartedError, syncTeamSource } from './sync';

export const SYNC_QUEUE = 'sync-source';
/** Every team's catalog is refreshed this often (cron: every 15 minutes). */
export const SYNC_SCHEDULE = '*/15 * * * *';
/** The scheduled job's key: it fans out one job per team. */
const ALL_TEAMS = 'all-teams';

/** A job names one team, or none: the scheduled fan-out to every team with a source. */
const SyncJobSchema = z.object({ teamId: z.string().min(1).optional() });

/** Failures worth a retry by pg-boss; the others (a wrong token) wait for the admin and the next round. */
const TRANSIENT: readonly ConnectorErrorKind[] = ['timeout', 'network', 'server', 'rate-limited'];

export interface SyncJobs {
  /** Queues a sync of one team now; null when one is already waiting for that team. */
  requestSync(teamId: string): Promise<string | null>;
}

/**
 * The `sync-source` queue: the schedule, the on-demand sends and the worker that runs the syncs.
 * The queue is `stately`, keyed by team: at most one waiting and one running job per team across
 * every instance (the sync's own lease in team_sources guards the CLI's direct syncs too).
 */
export async function registerSyncJobs(boss: PgBoss, database: Database, options: { pollingIntervalSeconds?: number } = {}): Promise<SyncJobs> {
  await boss.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, policy: 'stately', retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 });
  await boss.schedule(SYNC_QUEUE, SYNC_SCHEDULE, {}, { singletonKey: ALL_TEAMS });

  const send = (teamId: string) => boss.send(SYNC_QUEUE, { teamId }, { singletonKey: teamId });

  const workerId = await boss.work(SYNC_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
    const outputs = [];
    for (const job of jobs) outputs.push(await runJob(database, job.data, send));
    return outputs;
  });

  return {
    async requestSync(teamId) {
      const id = await send(teamId);
      // Do not wait for the next poll.
      boss.notifyWorker(workerId);
      return id;
    },
  };
}

async function runJob(database: Database, data: unknown, send: (teamId: string) => Promise<string | null>) {
  const parsed = SyncJobSchema.safeParse(data);
  if (!parsed.success) return { error: 'Not a sync job this server sends.' };
  const { teamId } = parsed.data;
  if (!teamId) {
    const teams = await teamsWithSources(database.db);
    for (const team of teams) await send(team);
    return { queued: teams.length };
  }
  try {
    const report = await syncTeamSource(database, teamId);
    console.log(`Team ${teamId}: ${describeSync(report)}`);
    return { ...report, at: report.at.toISOString() };
  } catch (error) {
    if (error instanceof SyncNotStartedError) return { skipped: error.message };
    const message = error instanceof Error ? error.message : String(error);
    // Recorded on the source as last_sync_error already; logged without secrets (connectors cut them out).
    console.error(`Team ${teamId}: sync failed: ${message}`);
    if (error instanceof ConnectorError && TRANSIENT.includes(error.kind)) throw error;
    return { error: message };
  }
}
