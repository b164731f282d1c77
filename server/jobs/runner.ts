import type PgBoss from 'pg-boss';
import type { Database } from '../db/database';
import { registerSyncJobs, type SyncJobs } from '../sources/sync-job';
import { startJobQueue } from './queue';

export interface JobRunner extends SyncJobs {
  readonly boss: PgBoss;
  /** Lets running jobs finish (up to `timeoutMs`), then stops; the database stays open. */
  stop(timeoutMs?: number): Promise<void>;
}

/** The server's durable jobs: pg-boss on its database, with every queue's worker and schedule. */
export async function startJobRunner(database: Database, options: { pollingIntervalSeconds?: number } = {}): Promise<JobRunner> {
  const boss = await startJobQueue(database);
  try {
    const sync = await registerSyncJobs(boss, database, options);
    return {
      boss,
      ...sync,
      stop: (timeoutMs = 10_000) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
    };
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }
}
