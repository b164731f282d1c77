import type PgBoss from 'pg-boss';
import type { Database } from '../db/database';
import { teamsDueDigest } from '../db/queries/digests';
import { DIGEST_MAX_ATTEMPTS, sendScheduledDigest, type ScheduledOutcome } from './send';
import { DIGEST_POST_HOUR_UTC, dueWeek } from './week';

export const DIGEST_QUEUE = 'weekly-digest';
/** Monday 07:00 UTC, before the week's sales–marketing meeting (pg-boss cron, UTC). */
export const DIGEST_SCHEDULE = `0 ${DIGEST_POST_HOUR_UTC} * * 1`;
const SWEEP = 'all-teams';

export interface DigestJobOptions {
  /** The clock (tests move it); the week posted is the last full one as of Monday 07:00 UTC. */
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  pollingIntervalSeconds?: number;
}

export interface DigestSweepReport {
  week: string;
  outcomes: Record<string, ScheduledOutcome | 'error'>;
}

/**
 * Posts the due week's digest of every team with a Slack webhook that has not had it. Each team's
 * week is claimed before its post (server/db/queries/digests.ts), so sweeps run twice, at once on
 * two instances or again after a restart post it once. Throws when a team's post was refused or
 * failed, after trying every team, so pg-boss runs the sweep again later for those (the others are
 * claimed and skipped).
 */
export async function runDigestSweep(database: Database, options: DigestJobOptions = {}): Promise<DigestSweepReport> {
  const week = dueWeek(options.now?.() ?? new Date());
  const outcomes: DigestSweepReport['outcomes'] = {};
  const problems: string[] = [];
  for (const teamId of await teamsDueDigest(database.db, week.from, DIGEST_MAX_ATTEMPTS)) {
    try {
      outcomes[teamId] = await sendScheduledDigest(database, teamId, week, { now: options.now?.(), env: options.env });
      if (outcomes[teamId] === 'failed') problems.push(`team ${teamId}: Slack refused the post`);
    } catch (error) {
      outcomes[teamId] = 'error';
      problems.push(`team ${teamId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const sent = Object.values(outcomes).filter((outcome) => outcome === 'sent').length;
  if (sent > 0) console.log(`Weekly digest of ${week.from}: posted for ${sent} team(s).`);
  if (problems.length) throw new Error(`Weekly digest of ${week.from} not posted for ${problems.join('; ')}; it will be tried again.`);
  return { week: week.from, outcomes };
}

/**
 * The `weekly-digest` queue: a cron schedule on Monday 07:00 UTC (pg-boss keeps it in the database,
 * so it outlives restarts and one instance's timekeeper sends it), and a sweep at start, so a week
 * whose Monday found the server down is posted when it is back. pg-boss retries a sweep that threw.
 */
export async function registerDigestJobs(boss: PgBoss, database: Database, options: DigestJobOptions = {}): Promise<void> {
  await boss.createQueue(DIGEST_QUEUE, { name: DIGEST_QUEUE, policy: 'short', retryLimit: 6, retryDelay: 300, retryBackoff: true, expireInSeconds: 15 * 60 });
  await boss.schedule(DIGEST_QUEUE, DIGEST_SCHEDULE, {}, { tz: 'UTC', singletonKey: SWEEP });
  const workerId = await boss.work(DIGEST_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async (jobs) => {
    const reports = [];
    for (const _job of jobs) reports.push(await runDigestSweep(database, options));
    return reports;
  });
  await boss.send(DIGEST_QUEUE, {}, { singletonKey: SWEEP });
  boss.notifyWorker(workerId);
}
