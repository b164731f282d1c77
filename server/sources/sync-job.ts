import type PgBoss from 'pg-boss';
import { z } from 'zod';
import { ConnectorError, type ConnectorErrorKind } from '@/lib/connectors/types';
import type { Database } from '../db/database';
import { teamsWithSources, type SourceKind } from '../db/queries/sources';
import { SERVER_SOURCE_KINDS, VENDOR_LABELS } from './connector';
import { describeSync, SyncNotStartedError, syncTeamSource, syncTeamSources, type SourceSyncOutcome } from './sync';

export const SYNC_QUEUE = 'sync-source';
/** Every team's catalog is refreshed this often (cron: every 15 minutes). */
export const SYNC_SCHEDULE = '*/15 * * * *';
/** The scheduled job's key: it fans out one job per team. */
const ALL_TEAMS = 'all-teams';

/**
 * A job names one team (and, for the dashboard's "Sync now" on one source, its kind), or none: the
 * scheduled fan-out to every team with a source. A team's job syncs every source it has.
 */
const SyncJobSchema = z.object({ teamId: z.string().min(1).optional(), kind: z.enum(SERVER_SOURCE_KINDS).optional() });

/** Failures worth a retry by pg-boss; the others (a wrong token) wait for the admin and the next round. */
const TRANSIENT: readonly ConnectorErrorKind[] = ['timeout', 'network', 'server', 'rate-limited'];

export interface SyncJobs {
  /** Queues a sync of one team's sources (or of its source of this kind) now; null when one is already waiting. */
  requestSync(teamId: string, kind?: SourceKind): Promise<string | null>;
}

/**
 * The `sync-source` queue: the schedule, the on-demand sends and the worker that runs the syncs.
 * The queue is `stately`, keyed by team (or team and kind for one source): at most one waiting and
 * one running job per key across every instance (each source's own lease in team_sources keeps any
 * two syncs of one source apart, the CLI's direct syncs too).
 */
export async function registerSyncJobs(boss: PgBoss, database: Database, options: { pollingIntervalSeconds?: number } = {}): Promise<SyncJobs> {
  await boss.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, policy: 'stately', retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 });
  await boss.schedule(SYNC_QUEUE, SYNC_SCHEDULE, {}, { singletonKey: ALL_TEAMS });

  const send = (teamId: string, kind?: SourceKind) =>
    boss.send(SYNC_QUEUE, kind ? { teamId, kind } : { teamId }, { singletonKey: kind ? `${teamId}:${kind}` : teamId });

  const workerId = await boss.work(SYNC_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
    const outputs = [];
    for (const job of jobs) outputs.push(await runJob(database, job.data, send));
    return outputs;
  });

  return {
    async requestSync(teamId, kind) {
      const id = await send(teamId, kind);
      // Do not wait for the next poll.
      boss.notifyWorker(workerId);
      return id;
    },
  };
}

async function runJob(database: Database, data: unknown, send: (teamId: string) => Promise<string | null>) {
  const parsed = SyncJobSchema.safeParse(data);
  if (!parsed.success) return { error: 'Not a sync job this server sends.' };
  const { teamId, kind } = parsed.data;
  if (!teamId) {
    const teams = await teamsWithSources(database.db);
    for (const team of teams) await send(team);
    return { queued: teams.length };
  }
  const outcomes: SourceSyncOutcome[] = kind
    ? [await syncTeamSource(database, teamId, { kind }).then((report) => ({ kind, report }), (error: unknown) => ({ kind, error }))]
    : await syncTeamSources(database, teamId);
  const results = outcomes.map((outcome) => {
    if ('report' in outcome) {
      console.log(`Team ${teamId}: ${describeSync(outcome.report)}`);
      return { ...outcome.report, at: outcome.report.at.toISOString() };
    }
    const { error } = outcome;
    if (error instanceof SyncNotStartedError) return { kind: outcome.kind, skipped: error.message };
    const message = error instanceof Error ? error.message : String(error);
    // Recorded on the source as last_sync_error already; logged without secrets (connectors cut them out).
    console.error(`Team ${teamId}: sync of ${VENDOR_LABELS[outcome.kind]} failed: ${message}`);
    return { kind: outcome.kind, error: message };
  });
  // A source that failed for a while (a timeout, a 5xx, a rate limit) is worth pg-boss's retry; the
  // retry syncs the team's other sources again too, which changes nothing when their lists did not.
  const transient = outcomes.find((outcome) => 'error' in outcome && outcome.error instanceof ConnectorError && TRANSIENT.includes(outcome.error.kind));
  if (transient && 'error' in transient) throw transient.error;
  return { sources: results };
}
