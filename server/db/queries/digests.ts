import { sql, type Kysely } from 'kysely';
import type { DigestsTable, Tables } from '../tables';

export type DigestState = DigestsTable['state'];
export type DigestTrigger = DigestsTable['trigger'];

/**
 * Claims a team's week for the scheduled digest: true when this caller may post it now. A week is
 * claimed once (the row's key); the only row taken again is one whose earlier post Slack refused
 * before posting anything ('failed'), and then only `maxAttempts` times. A row left 'sending' by a
 * process that died mid-post is never taken again: Slack may have posted it, and an incoming
 * webhook cannot be asked.
 */
export async function claimDigestWeek(db: Kysely<Tables>, teamId: string, weekStart: string, options: { maxAttempts: number; trigger: DigestTrigger }): Promise<boolean> {
  const { rows } = await sql<{ week_start: string }>`
    insert into digests (team_id, week_start, state, trigger)
    values (${teamId}, ${weekStart}::date, 'sending', ${options.trigger})
    on conflict (team_id, week_start) do update
      set state = 'sending', attempts = digests.attempts + 1, claimed_at = now(), trigger = excluded.trigger
      where digests.state = 'failed' and digests.attempts < ${options.maxAttempts}
    returning week_start::text
  `.execute(db);
  return rows.length > 0;
}

/** Records how a claimed week's post ended. */
export async function settleDigestWeek(db: Kysely<Tables>, teamId: string, weekStart: string, outcome: { state: Exclude<DigestState, 'sending'>; error?: string }): Promise<void> {
  await db
    .updateTable('digests')
    .set({ state: outcome.state, last_error: outcome.error ?? null, sent_at: outcome.state === 'sent' ? new Date() : null })
    .where('team_id', '=', teamId)
    .where('week_start', '=', weekStart)
    .execute();
}

/**
 * A marketer's "send now" posted the week: the scheduled job must not post it again. A week the
 * job already holds or settled keeps its row as it is.
 */
export async function recordManualDigest(db: Kysely<Tables>, teamId: string, weekStart: string): Promise<void> {
  await sql`
    insert into digests (team_id, week_start, state, trigger, sent_at)
    values (${teamId}, ${weekStart}::date, 'sent', 'manual', now())
    on conflict (team_id, week_start) do update
      set state = 'sent', trigger = 'manual', sent_at = now(), last_error = null
      where digests.state = 'failed'
  `.execute(db);
}

export interface StoredDigest {
  weekStart: string;
  state: DigestState;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  trigger: DigestTrigger;
}

/** The team's digest rows, newest week first. */
export async function listDigests(db: Kysely<Tables>, teamId: string): Promise<StoredDigest[]> {
  const rows = await db
    .selectFrom('digests')
    .select([sql<string>`week_start::text`.as('weekStart'), 'state', 'attempts', 'last_error as lastError', 'sent_at as sentAt', 'trigger'])
    .where('team_id', '=', teamId)
    .orderBy('week_start', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, sentAt: row.sentAt ? new Date(row.sentAt) : null }));
}

/**
 * Teams with a Slack webhook whose week is not settled yet: no row, or a refused post with attempts
 * left. What the scheduled job goes through. Only webhooks set before the week ended: setting one
 * (or a first start of this version) does not post a digest of a week already over.
 */
export async function teamsDueDigest(db: Kysely<Tables>, weekStart: string, maxAttempts: number): Promise<string[]> {
  const { rows } = await sql<{ team_id: string }>`
    select w.team_id
    from team_webhooks w
    left join digests d on d.team_id = w.team_id and d.week_start = ${weekStart}::date
    where w.updated_at < (${weekStart}::date + 7)::timestamp at time zone 'UTC'
      and (d.team_id is null or (d.state = 'failed' and d.attempts < ${maxAttempts}))
    order by w.team_id
  `.execute(db);
  return rows.map((row) => row.team_id);
}
