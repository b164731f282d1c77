import type PgBoss from 'pg-boss';
import type { Database } from '../db/database';
import { registerDigestJobs, type DigestJobOptions } from '../digest/digest-job';
import { registerForwardJobs, type ForwardJobs } from '../forwarding/forward-job';
import type { DrainOptions } from '../forwarding/drain';
import { registerSyncJobs, type SyncJobs } from '../sources/sync-job';
import { startJobQueue } from './queue';

export interface JobRunner extends SyncJobs, Pick<ForwardJobs, 'requestForward'> {
  readonly boss: PgBoss;
  /** Lets running jobs finish (up to `timeoutMs`), then stops; the database stays open. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobRunnerOptions {
  pollingIntervalSeconds?: number;
  /** Batch, lease and retry timing of feedback forwarding (tests shorten them). */
  forwarding?: DrainOptions;
  /** The weekly digest's clock (tests move it). */
  digest?: DigestJobOptions;
}

/** The server's durable jobs: pg-boss on its database, with every queue's worker and schedule. */
export async function startJobRunner(database: Database, options: JobRunnerOptions = {}): Promise<JobRunner> {
  const boss = await startJobQueue(database);
  let forward: ForwardJobs | undefined;
  try {
    const sync = await registerSyncJobs(boss, database, options);
    forward = await registerForwardJobs(boss, database, { ...options.forwarding, pollingIntervalSeconds: options.pollingIntervalSeconds });
    await registerDigestJobs(boss, database, { pollingIntervalSeconds: options.pollingIntervalSeconds, ...options.digest });
    const { requestForward, detach } = forward;
    return {
      boss,
      ...sync,
      requestForward,
      stop: async (timeoutMs = 10_000) => {
        detach();
        await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      },
    };
  } catch (error) {
    forward?.detach();
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }
}
