import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { FeedbackItem } from '@/lib/schema';
import type { ForwardsTable, Tables } from '../tables';

export type ForwardTarget = ForwardsTable['target'];
export type ForwardState = 'pending' | 'sent' | 'failed';

/** The feedback kinds marketing's systems hear of; content ratings stay in the team's stats. */
export const FORWARDED_KINDS = ['verdict', 'content_request', 'prospect_question'] as const;
export const isForwarded = (item: FeedbackItem) => (FORWARDED_KINDS as readonly string[]).includes(item.kind);

/**
 * Adds the outbox rows for freshly stored feedback, inside the transaction that stores it: one per
 * destination the team has now (its main vendor source, its Slack webhook). A team with neither gets none.
 * `on conflict do nothing`: the key (team, delivery, target) is the never-twice guarantee.
 */
export async function queueForwards(trx: Transaction<Tables>, teamId: string, deliveryIds: readonly string[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  const ids = sql.join(deliveryIds.map((id) => sql`(${id})`));
  await sql`
    insert into forwards (team_id, delivery_id, target)
    select ${teamId}, d.id, t.target
    from (values ${ids}) as d(id)
    cross join (
      -- One vendor row however many systems the team reads: it goes to the main source only.
      select 'vendor' as target where exists (select 1 from team_sources where team_id = ${teamId})
      union all
      select 'slack' as target from team_webhooks where team_id = ${teamId}
    ) as t
    on conflict do nothing
  `.execute(trx);
}

export interface ClaimedForward {
  teamId: string;
  deliveryId: string;
  target: ForwardTarget;
  attempts: number;
  /** The last attempt got no answer, or a worker took the row and never settled it (it died mid-call). */
  unclear: boolean;
  remoteId: string | null;
  /** The delivered item as stored (JSON), validated by the caller. */
  payload: string;
  claimId: string;
}

/**
 * Takes up to `limit` of the team's due rows for one worker: `for update skip locked` keeps two
 * workers (two instances) off the same rows, and the lease keeps them off while the vendor is being
 * called. A row whose lease ran out is taken again, as unclear: whoever held it may have sent it.
 */
export async function claimDueForwards(db: Kysely<Tables>, teamId: string, options: { limit: number; leaseMs: number }): Promise<ClaimedForward[]> {
  const claimId = randomUUID();
  return db.transaction().execute(async (trx) => {
    const due = await sql<{ delivery_id: string; target: ForwardTarget; attempts: number; unclear: boolean; remote_id: string | null; abandoned: boolean; payload: string }>`
      select f.delivery_id, f.target, f.attempts, f.unclear, f.remote_id, f.lease_until is not null as abandoned, d.payload
      from forwards f
      join deliveries d on d.team_id = f.team_id and d.id = f.delivery_id
      where f.team_id = ${teamId} and f.state = 'pending' and f.next_attempt_at <= now()
        and (f.lease_until is null or f.lease_until < now())
      order by f.next_attempt_at, f.created_at, f.delivery_id
      limit ${options.limit}
      for update of f skip locked
    `.execute(trx);
    if (due.rows.length === 0) return [];
    const keys = sql.join(due.rows.map((row) => sql`(${row.delivery_id}, ${row.target})`));
    await sql`
      update forwards set claim_id = ${claimId}, lease_until = now() + ${`${options.leaseMs} milliseconds`}::interval
      where team_id = ${teamId} and (delivery_id, target) in (${keys})
    `.execute(trx);
    return due.rows.map((row) => ({
      teamId,
      deliveryId: row.delivery_id,
      target: row.target,
      attempts: row.attempts,
      unclear: row.unclear || row.abandoned,
      remoteId: row.remote_id,
      payload: row.payload,
      claimId,
    }));
  });
}

export type Settlement =
  | { state: 'sent'; remoteId?: string }
  | { state: 'pending'; error: string; unclear: boolean; nextAttemptAt: Date }
  | { state: 'failed'; error: string };

/**
 * Records how an attempt ended, only while the worker still holds the claim: a worker that outlived
 * its lease (another took the row since) changes nothing. Answers whether the row was updated.
 */
export async function settleForward(db: Kysely<Tables>, claim: ClaimedForward, settlement: Settlement): Promise<boolean> {
  const now = new Date();
  const common = { attempts: claim.attempts + 1, claim_id: null, lease_until: null };
  const values =
    settlement.state === 'sent'
      ? { ...common, state: 'sent' as const, unclear: false, remote_id: settlement.remoteId ?? claim.remoteId, last_error: null, settled_at: now }
      : settlement.state === 'pending'
        ? { ...common, state: 'pending' as const, unclear: settlement.unclear, last_error: settlement.error, next_attempt_at: settlement.nextAttemptAt }
        : { ...common, state: 'failed' as const, unclear: false, last_error: settlement.error, settled_at: now };
  const result = await db
    .updateTable('forwards')
    .set(values)
    .where('team_id', '=', claim.teamId)
    .where('delivery_id', '=', claim.deliveryId)
    .where('target', '=', claim.target)
    .where('claim_id', '=', claim.claimId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** When the team's next pending row falls due (a held row: when its lease runs out), or null when none waits. */
export async function nextForwardDueAt(db: Kysely<Tables>, teamId: string): Promise<Date | null> {
  const row = await sql<{ due: Date | string | null }>`
    select min(greatest(next_attempt_at, coalesce(lease_until, next_attempt_at))) as due
    from forwards where team_id = ${teamId} and state = 'pending'
  `.execute(db);
  const due = row.rows[0]?.due;
  return due ? new Date(due) : null;
}

/** Teams with a row due now, for the scheduled sweep (which also picks up rows of a worker that died). */
export async function teamsWithDueForwards(db: Kysely<Tables>): Promise<string[]> {
  const rows = await sql<{ team_id: string }>`
    select distinct team_id from forwards
    where state = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
  `.execute(db);
  return rows.rows.map((row) => row.team_id);
}

export interface ForwardRow {
  deliveryId: string;
  target: ForwardTarget;
  state: ForwardState;
  attempts: number;
  unclear: boolean;
  remoteId: string | null;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  settledAt: Date | null;
}

/** The team's forwards in the given states, oldest first. */
export async function listForwards(db: Kysely<Tables>, teamId: string, states: readonly ForwardState[]): Promise<ForwardRow[]> {
  if (states.length === 0) return [];
  return db
    .selectFrom('forwards')
    .select([
      'delivery_id as deliveryId',
      'target',
      'state',
      'attempts',
      'unclear',
      'remote_id as remoteId',
      'last_error as lastError',
      'next_attempt_at as nextAttemptAt',
      'created_at as createdAt',
      'settled_at as settledAt',
    ])
    .where('team_id', '=', teamId)
    .where('state', 'in', [...states])
    .orderBy('created_at')
    .orderBy('delivery_id')
    .orderBy('target')
    .execute();
}

/** Sets a failed row back to pending, due now (after the admin fixed what refused it). Answers how many. */
export async function retryFailedForwards(db: Kysely<Tables>, teamId: string): Promise<number> {
  const result = await db
    .updateTable('forwards')
    .set({ state: 'pending', next_attempt_at: new Date(), settled_at: null })
    .where('team_id', '=', teamId)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// --- The team's Slack webhook ------------------------------------------------------------------

export async function getTeamWebhook(db: Kysely<Tables>, teamId: string): Promise<{ url: string; host: string; updatedAt: Date } | undefined> {
  return db.selectFrom('team_webhooks').select(['url', 'host', 'updated_at as updatedAt']).where('team_id', '=', teamId).executeTakeFirst();
}

/** Sets or replaces the webhook; `encryptedUrl` is ciphertext (server/sources/secrets-crypto.ts). */
export async function saveTeamWebhook(db: Kysely<Tables>, teamId: string, encryptedUrl: string, host: string): Promise<void> {
  const now = new Date();
  await db
    .insertInto('team_webhooks')
    .values({ team_id: teamId, url: encryptedUrl, host, updated_at: now })
    .onConflict((oc) => oc.column('team_id').doUpdateSet({ url: encryptedUrl, host, updated_at: now }))
    .execute();
}

export async function deleteTeamWebhook(db: Kysely<Tables>, teamId: string): Promise<boolean> {
  const result = await db.deleteFrom('team_webhooks').where('team_id', '=', teamId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
