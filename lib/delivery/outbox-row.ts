import type { OutboxQueue, OutboxRow } from '@/lib/store/db';

/** A fresh outbox row: queued, due at once; for the team's webhook when `to` says so. */
export function newOutboxRow(id: string, kind: OutboxRow['kind'], to?: { destination: 'webhook'; itemId: string; webhookHost: string }): OutboxRow {
  return inState({ id, kind, attempts: 0, nextAttemptAt: 0, unclear: false, ...to }, 'queued');
}

/** The delivery queue a row waits in while it is queued. */
export function queueOf(row: Pick<OutboxRow, 'destination' | 'kind'>): OutboxQueue {
  return row.destination ?? (row.kind === 'look' ? 'looks' : 'source');
}

/**
 * The row moved to `state`. Only a queued row carries `queue`, and the outbox's due-index is keyed
 * on it, so a delivered row drops out of that index instead of being stepped over by every later
 * batch (which made draining a large backlog quadratic). Every write of a row's state goes through
 * here so the two never disagree.
 */
export function inState(row: Omit<OutboxRow, 'state' | 'queue'> & { queue?: OutboxQueue }, state: OutboxRow['state']): OutboxRow {
  const { queue: _previous, ...rest } = row;
  return state === 'queued' ? { ...rest, state, queue: queueOf(row) } : { ...rest, state };
}
