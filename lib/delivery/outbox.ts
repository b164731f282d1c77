import Dexie from 'dexie';
import { db, type OutboxQueue, type OutboxRow } from '@/lib/store/db';
import { inState } from './outbox-row';
import { ConnectorError, type Connector, type DeliveryResult, type OutboxEntry } from '@/lib/connectors/types';
import { asConnectorError } from '@/lib/connectors/message-codes';
import { coded } from '@/lib/schema/coded-text';

/** The most items one delivery may carry: the REST gateway contract's limit (DeliveryRequestSchema). */
const BATCH_SIZE = 100;
const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** The browser stops an idle worker after ~30 s; leave what is left to the next wake-up. */
const DRAIN_BUDGET_MS = 25_000;

/** Exponential backoff with full jitter (half to all of the step), capped. */
export function backoffMs(attempts: number, random = Math.random): number {
  const step = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Failures no retry fixes without a person: a wrong token, an item the receiver refuses. */
const NEEDS_A_PERSON = new Set(['auth', 'rejected']);
/** Failures after which the receiver may or may not have stored the batch. */
const UNCLEAR = new Set(['timeout', 'network']);
/**
 * How often items refused for a wrong or expired token are tried again on their own. They show as
 * failed (a person should fix the token), but the fix may happen on the other side, where the
 * extension cannot see it; re-saving the source retries them at once.
 */
export const AUTH_RETRY_MS = 30 * 60_000;


export interface DrainReport {
  delivered: number;
  retried: number;
  failed: number;
  local: number;
}

let draining: Promise<DrainReport> | undefined;

/** Who receives what: the configured source, and the team's webhook when one is set. */
type Receiver = Pick<Connector, 'deliver' | 'resendSettleMs'>;

export interface Destinations {
  connector: Receiver;
  webhook?: Receiver;
  /**
   * The host of the webhook the settings name now (null: none). Queued copies for any other webhook
   * are dropped, not re-routed: they were meant for a receiver the team has since removed or
   * replaced. Undefined: not known, nothing is dropped (the webhook may only be paused).
   */
  webhookHost?: string | null;
}

/**
 * Delivers what is due in the outbox, batch by batch, until nothing is due or the time budget is
 * spent. One drain at a time per worker; everything it needs is in IndexedDB, so a worker killed
 * mid-drain loses nothing: rows sent without an answer are marked unclear and resent (receivers
 * dedup by id, or look for the id first).
 */
export function drainOutbox(destinations: Destinations | Connector, now: () => number = Date.now): Promise<DrainReport> {
  const to = 'connector' in destinations ? destinations : { connector: destinations };
  draining ??= exclusively(() => drain(to, now)).finally(() => (draining = undefined));
  return draining;
}

/** Drains and `withDeliveryPaused` work run one after another, never interleaved. */
let turn: Promise<unknown> = Promise.resolve();
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const mine = turn.then(work);
  turn = mine.catch(() => undefined);
  return mine;
}

/**
 * Runs `work` with no delivery in flight: it waits for a running drain to finish and no drain starts
 * until it is done. Clearing local data mid-drain would let the drain write its rows back afterwards
 * (rows with no item left, retried forever).
 */
export function withDeliveryPaused<T>(work: () => Promise<T>): Promise<T> {
  return exclusively(work);
}

/**
 * The items not yet delivered (queued or failed), each once: a feedback item posted to the webhook
 * too has two rows, but it is one item the rep would lose.
 */
export async function undeliveredItems(): Promise<Array<{ kind: OutboxRow['kind']; itemId: string }>> {
  const rows = await db.outbox.where('state').anyOf('queued', 'failed').toArray();
  const kinds = new Map(rows.map((row) => [row.itemId ?? row.id, row.kind] as const));
  return [...kinds].map(([itemId, kind]) => ({ itemId, kind }));
}

async function drain(to: Destinations, now: () => number): Promise<DrainReport> {
  const report: DrainReport = { delivered: 0, retried: 0, failed: 0, local: 0 };
  const startedAt = now();
  if (to.webhookHost !== undefined) await dropWebhookCopiesNotFor(to.webhookHost);
  await requeueAuthFailures(now());
  for (const queue of QUEUES) {
    const receiver = queue === 'webhook' ? to.webhook : to.connector;
    if (!receiver) continue;
    let after: OutboxRow | undefined;
    while (now() - startedAt < DRAIN_BUDGET_MS) {
      const { rows, entries, last } = await takeBatch(queue, now(), after);
      if (!last) {
        if (!after) break;
        // Rows queued since the drain began sort before where it has got to: one look from the start.
        after = undefined;
        continue;
      }
      after = last;
      if (rows.length) await deliverBatch(receiver, rows, entries, now, report);
    }
  }
  return report;
}

/** Feedback and events first; first looks last, as the least urgent (the server keeps the earliest look's time). */
const QUEUES: readonly OutboxQueue[] = ['source', 'webhook', 'looks'];

/**
 * A queue's rows due by `at`, in due order, from an index that holds only queued rows; past `after`
 * when given. Chromium's IndexedDB keeps a deleted index entry as a tombstone until it compacts, so a
 * scan from the start steps over every row delivered so far; a drain resumes after its last batch.
 */
/** Deletes queued webhook copies bound to another webhook than `host` (all of them when there is none). */
export async function dropWebhookCopiesNotFor(host: string | null): Promise<number> {
  return db.outbox
    .where('[queue+nextAttemptAt+id]')
    .between(['webhook', Dexie.minKey, Dexie.minKey], ['webhook', Infinity, Dexie.maxKey])
    .filter((row) => host === null || (row.webhookHost !== undefined && row.webhookHost !== host))
    .delete();
}

function dueRows(queue: OutboxQueue, at: number, after?: OutboxRow) {
  const from = after ? [queue, after.nextAttemptAt, after.id] : [queue, Dexie.minKey, Dexie.minKey];
  return db.outbox.where('[queue+nextAttemptAt+id]').between(from, [queue, at, Dexie.maxKey], !after, true);
}

/**
 * The next batch with the items it carries, marked unclear before it is sent (if the worker dies
 * before the answer, the next attempt knows), all in one transaction. `last`: the last due row read,
 * where the next batch starts (undefined when none was due).
 */
async function takeBatch(
  queue: OutboxQueue,
  at: number,
  after: OutboxRow | undefined,
): Promise<{ rows: OutboxRow[]; entries: OutboxEntry[]; last?: OutboxRow }> {
  return db.transaction('rw', db.outbox, db.feedback, db.contentEvents, db.leadLooks, async () => {
    const due = await dueRows(queue, at, after).limit(BATCH_SIZE).toArray();
    const last = due.at(-1);
    if (!last) return { rows: due, entries: [], last };
    const entries = await toEntries(due);
    // A row whose item is gone (erased) has nothing left to send: it leaves the outbox.
    const sending = new Set(entries.map((entry) => entry.id));
    const orphans = due.filter((row) => !sending.has(row.id)).map((row) => row.id);
    if (orphans.length) await db.outbox.bulkDelete(orphans);
    const rows = due.filter((row) => sending.has(row.id));
    await db.outbox.bulkPut(rows.map((row) => ({ ...row, unclear: true })));
    return { rows, entries, last };
  });
}

async function toEntries(rows: OutboxRow[]): Promise<OutboxEntry[]> {
  const itemIdsOf = (kind: OutboxRow['kind']) => rows.filter((row) => row.kind === kind).map((row) => row.itemId ?? row.id);
  const byId = <T extends { id: string }>(items: (T | undefined)[]) => new Map(items.flatMap((item) => (item ? [[item.id, item] as const] : [])));
  const [feedback, events, looks] = await Promise.all([
    db.feedback.bulkGet(itemIdsOf('feedback')).then(byId),
    db.contentEvents.bulkGet(itemIdsOf('event')).then(byId),
    db.leadLooks.bulkGet(itemIdsOf('look')).then(byId),
  ]);
  // An item cleared locally meanwhile has nothing left to send.
  return rows.flatMap((row): OutboxEntry[] => {
    const common = { id: row.id, attempts: row.attempts, unclear: row.unclear, remoteId: row.remoteId };
    const itemId = row.itemId ?? row.id;
    switch (row.kind) {
      case 'feedback': {
        const item = feedback.get(itemId);
        return item ? [{ ...common, kind: 'feedback', item }] : [];
      }
      case 'look': {
        const item = looks.get(itemId);
        return item ? [{ ...common, kind: 'look', item }] : [];
      }
      case 'event': {
        const item = events.get(itemId);
        return item ? [{ ...common, kind: 'event', item }] : [];
      }
    }
  });
}

/**
 * Sends one batch and records each row's outcome. A receiver that refuses the whole batch (a 400 for
 * one bad item) gets it again in halves, so only the item it refuses ends up failed, not the 99
 * beside it.
 */
async function deliverBatch(
  receiver: Receiver,
  rows: OutboxRow[],
  entries: OutboxEntry[],
  now: () => number,
  report: DrainReport,
): Promise<void> {
  try {
    const results = await receiver.deliver(entries, AbortSignal.timeout(60_000));
    await applyResults(rows, results, now(), report);
  } catch (error) {
    if (!(error instanceof ConnectorError && error.kind === 'rejected' && entries.length > 1)) {
      await applyBatchFailure(rows, error, now(), report, receiver.resendSettleMs ?? 0);
      return;
    }
    const half = Math.ceil(entries.length / 2);
    // takeBatch gives every row its entry, so each row is in exactly one half.
    for (const part of [entries.slice(0, half), entries.slice(half)]) {
      const ids = new Set(part.map((entry) => entry.id));
      await deliverBatch(receiver, rows.filter((row) => ids.has(row.id)), part, now, report);
    }
  }
}

async function applyResults(rows: OutboxRow[], results: DeliveryResult[], at: number, report: DrainReport): Promise<void> {
  const byId = new Map(results.map((result) => [result.id, result]));
  await db.outbox.bulkPut(
    rows.map((row): OutboxRow => {
      const result = byId.get(row.id);
      const attempts = row.attempts + 1;
      switch (result?.outcome) {
        case 'delivered':
          report.delivered++;
          return inState({ ...row, attempts, unclear: false, lastError: undefined, lastErrorCoded: undefined, remoteId: result.remoteId ?? row.remoteId }, 'sent');
        case 'unsupported':
          report.local++;
          return inState({ ...row, attempts, unclear: false }, 'local');
        case 'rejected':
          report.failed++;
          return inState({ ...row, attempts, unclear: false, lastError: result.error, lastErrorCoded: result.coded, failedBecause: 'rejected' }, 'failed');
        default:
          report.retried++;
          return inState(
            {
              ...row,
              attempts,
              unclear: false,
              nextAttemptAt: at + backoffMs(attempts),
              lastError: result?.outcome === 'retry' ? result.error : 'No answer for this item',
              lastErrorCoded: result?.outcome === 'retry' ? result.coded : coded('delivery.noAnswer'),
            },
            'queued',
          );
      }
    }),
  );
}

/** `settleMs`: the receiver's wait before resending what got no answer (Connector.resendSettleMs). */
async function applyBatchFailure(rows: OutboxRow[], error: unknown, at: number, report: DrainReport, settleMs: number): Promise<void> {
  const kind = error instanceof ConnectorError ? error.kind : 'network';
  const { message, coded: lastErrorCoded } = asConnectorError(error);
  const retryAfter = error instanceof ConnectorError ? (error.retryAfterMs ?? 0) : 0;
  const needsPerson = NEEDS_A_PERSON.has(kind);
  const unclear = UNCLEAR.has(kind);
  if (needsPerson) report.failed += rows.length;
  else report.retried += rows.length;
  const wait = (attempts: number) =>
    Math.max(retryAfter, kind === 'auth' ? AUTH_RETRY_MS : needsPerson ? MAX_BACKOFF_MS : backoffMs(attempts), unclear ? settleMs : 0);
  await db.outbox.bulkPut(
    rows.map((row): OutboxRow => {
      const attempts = row.attempts + 1;
      return inState(
        {
          ...row,
          attempts,
          unclear,
          nextAttemptAt: at + wait(attempts),
          lastError: message,
          lastErrorCoded,
          failedBecause: needsPerson ? (kind as 'auth' | 'rejected') : undefined,
        },
        // A wrong token fails every item until it is fixed: shown as failed, tried again every AUTH_RETRY_MS.
        needsPerson ? 'failed' : 'queued',
      );
    }),
  );
}

/** Failed-for-auth rows whose slow retry is due go back in the queue. */
async function requeueAuthFailures(at: number): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const due = await db.outbox
      .where('state')
      .equals('failed')
      .filter((row) => row.failedBecause === 'auth' && row.nextAttemptAt <= at)
      .toArray();
    if (due.length) await db.outbox.bulkPut(due.map((row) => inState(row, 'queued')));
  });
}

/** Puts failed items back in the queue, due now: the rep's or admin's "Retry". */
export async function retryFailed(ids?: readonly string[]): Promise<number> {
  const rows = ids ? (await db.outbox.bulkGet([...ids])).filter((row): row is OutboxRow => row?.state === 'failed') : await db.outbox.where('state').equals('failed').toArray();
  await db.outbox.bulkPut(rows.map((row) => inState({ ...row, nextAttemptAt: 0 }, 'queued')));
  return rows.length;
}

/** When the next retry is due (epoch ms), for the alarm that wakes the worker; undefined when none. */
export async function nextDueAt(): Promise<number | undefined> {
  const firsts = await Promise.all(QUEUES.map((queue) => dueRows(queue, Number.POSITIVE_INFINITY).first()));
  const authRetries = await db.outbox
    .where('state')
    .equals('failed')
    .filter((row) => row.failedBecause === 'auth')
    .toArray();
  const times = [...firsts, ...authRetries].flatMap((row) => (row ? [row.nextAttemptAt] : []));
  return times.length ? Math.min(...times) : undefined;
}
