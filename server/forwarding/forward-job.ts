import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Database } from '../db/database';
import { nextForwardDueAt, teamsWithDueForwards } from '../db/queries/forwards';
import { describeDrain } from './describe';
import { drainTeamForwards, type DrainOptions } from './drain';
import { onForwardsQueued } from './notify';

export const FORWARD_QUEUE = 'forward-feedback';
/** Every minute, a sweep finds rows no job is on its way for: stored by another instance, or held by a worker that died. */
export const FORWARD_SWEEP_SCHEDULE = '* * * * *';
const ALL_TEAMS = 'all-teams';

/** A job names one team, or none: the scheduled sweep over every team with rows due. */
const ForwardJobSchema = z.object({ teamId: z.string().min(1).optional() });

export interface ForwardJobs {
  /** Queues a drain of the team's forwards now; null when one is already waiting. */
  requestForward(teamId: string): Promise<string | null>;
  /** Stops listening to the delivery route (the queue itself stops with pg-boss). */
  detach(): void;
}

export interface ForwardJobOptions extends DrainOptions {
  pollingIntervalSeconds?: number;
}

/**
 * The `forward-feedback` queue. The rows in `forwards` are the truth; a job only says "look at this
 * team". The queue is `short`: at most one waiting job per key, any number running, which is safe
 * because a drain claims its rows (`for update skip locked` and a lease), so two drains of one team
 * never send the same row. A drain that leaves rows waiting for a retry sends itself a job for when
 * the first falls due, under a key of its own time so it neither blocks nor is blocked by new work.
 */
export async function registerForwardJobs(boss: PgBoss, database: Database, options: ForwardJobOptions = {}): Promise<ForwardJobs> {
  await boss.createQueue(FORWARD_QUEUE, { name: FORWARD_QUEUE, policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 });
  await boss.schedule(FORWARD_QUEUE, FORWARD_SWEEP_SCHEDULE, {}, { singletonKey: ALL_TEAMS });

  const send = (teamId: string) => boss.send(FORWARD_QUEUE, { teamId }, { singletonKey: teamId });
  const sendAt = (teamId: string, at: Date) => boss.send(FORWARD_QUEUE, { teamId }, { singletonKey: `${teamId}@${at.toISOString()}`, startAfter: at });

  const runJob = async (data: unknown) => {
    const parsed = ForwardJobSchema.safeParse(data);
    if (!parsed.success) return { error: 'Not a forward job this server sends.' };
    const { teamId } = parsed.data;
    if (!teamId) {
      const teams = await teamsWithDueForwards(database.db);
      for (const team of teams) await send(team);
      return { queued: teams.length };
    }
    const report = await drainTeamForwards(database, teamId, options);
    if (report.sent + report.retrying + report.failed + report.superseded > 0) console.log(`Team ${teamId}: forwards ${describeDrain(report)}`);
    const due = await nextForwardDueAt(database.db, teamId);
    if (due) await sendAt(teamId, due);
    return report;
  };

  const workerId = await boss.work(FORWARD_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
    const outputs = [];
    for (const job of jobs) outputs.push(await runJob(job.data));
    return outputs;
  });

  // At start, not a minute later: rows left by an instance that stopped (or died) go out now.
  await boss.send(FORWARD_QUEUE, {}, { singletonKey: ALL_TEAMS });
  boss.notifyWorker(workerId);

  const requestForward = async (teamId: string) => {
    const id = await send(teamId);
    // Do not wait for the next poll.
    boss.notifyWorker(workerId);
    return id;
  };
  const detach = onForwardsQueued((teamId) => {
    requestForward(teamId).catch((error: unknown) =>
      // The rows are committed: the next sweep sends them.
      console.error(`Team ${teamId}: could not queue the forward job (the sweep will): ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  return { requestForward, detach };
}
