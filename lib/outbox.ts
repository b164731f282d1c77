import { db, type OutboxRow } from '@/lib/db';
import { ConnectorError, type Connector, type DeliveryResult, type OutboxEntry } from '@/lib/connectors/types';

const BATCH_SIZE = 50;
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

export interface DrainReport {
  delivered: number;
  retried: number;
  failed: number;
  local: number;
}

let draining: Promise<DrainReport> | undefined;

/**
 * Delivers what is due in the outbox, batch by batch, until nothing is due or the time budget is
 * spent. One drain at a time per worker; everything it needs is in IndexedDB, so a worker killed
 * mid-drain loses nothing: rows sent without an answer are marked unclear and resent (receivers
 * dedup by id, or look for the id first).
 */
/** Who receives what: the configured source, and the team's webhook when one is set. */
export interface Destinations {
  connector: Pick<Connector, 'deliver'>;
  webhook?: Pick<Connector, 'deliver'>;
}

export function drainOutbox(destinations: Destinations | Connector, now: () => number = Date.now): Promise<DrainReport> {
  const to = 'connector' in destinations ? destinations : { connector: destinations };
  draining ??= drain(to, now).finally(() => (draining = undefined));
  return draining;
}

async function drain(to: Destinations, now: () => number): Promise<DrainReport> {
  const report: DrainReport = { delivered: 0, retried: 0, failed: 0, local: 0 };
  const startedAt = now();
  for (const destination of [undefined, 'webhook'] as const) {
    const receiver = destination === 'webhook' ? to.webhook : to.connector;
    while (now() - startedAt < DRAIN_BUDGET_MS) {
      const due = await db.outbox
        .where('nextAttemptAt')
        .belowOrEqual(now())
        .filter((row) => row.state === 'queued' && row.destination === destination)
        .limit(BATCH_SIZE)
        .toArray();
      if (due.length === 0 || !receiver) break;
      const entries = await toEntries(due);
      // Marked before sending: if the worker dies before the answer, the next attempt knows it is unclear.
      await db.outbox.bulkUpdate(due.map((row) => ({ key: row.id, changes: { unclear: true } })));
      try {
        const results = await receiver.deliver(entries, AbortSignal.timeout(60_000));
        await applyResults(due, results, now(), report);
      } catch (error) {
        await applyBatchFailure(due, error, now(), report);
      }
    }
  }
  return report;
}

async function toEntries(rows: OutboxRow[]): Promise<OutboxEntry[]> {
  const itemIds = rows.map((row) => row.itemId ?? row.id);
  const [feedback, events] = await Promise.all([db.feedback.bulkGet(itemIds), db.contentEvents.bulkGet(itemIds)]);
  return rows.flatMap((row, index): OutboxEntry[] => {
    const common = { id: row.id, attempts: row.attempts, unclear: row.unclear, remoteId: row.remoteId };
    const item = row.kind === 'feedback' ? feedback[index] : events[index];
    if (!item) return []; // cleared locally meanwhile: nothing left to send
    return [row.kind === 'feedback' ? { ...common, kind: 'feedback', item: feedback[index]! } : { ...common, kind: 'event', item: events[index]! }];
  });
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
          return { ...row, state: 'sent', attempts, unclear: false, lastError: undefined, remoteId: result.remoteId ?? row.remoteId };
        case 'unsupported':
          report.local++;
          return { ...row, state: 'local', attempts, unclear: false };
        case 'rejected':
          report.failed++;
          return { ...row, state: 'failed', attempts, unclear: false, lastError: result.error };
        default:
          report.retried++;
          return {
            ...row,
            state: 'queued',
            attempts,
            unclear: false,
            nextAttemptAt: at + backoffMs(attempts),
            lastError: result?.outcome === 'retry' ? result.error : 'No answer for this item',
          };
      }
    }),
  );
}

async function applyBatchFailure(rows: OutboxRow[], error: unknown, at: number, report: DrainReport): Promise<void> {
  const kind = error instanceof ConnectorError ? error.kind : 'network';
  const message = error instanceof Error ? error.message : String(error);
  const retryAfter = error instanceof ConnectorError ? (error.retryAfterMs ?? 0) : 0;
  const needsPerson = NEEDS_A_PERSON.has(kind);
  if (needsPerson) report.failed += rows.length;
  else report.retried += rows.length;
  await db.outbox.bulkPut(
    rows.map((row): OutboxRow => {
      const attempts = row.attempts + 1;
      return {
        ...row,
        // A wrong token fails every item until an admin fixes it: shown as failed, retried slowly.
        state: needsPerson ? 'failed' : 'queued',
        attempts,
        unclear: UNCLEAR.has(kind),
        nextAttemptAt: at + Math.max(retryAfter, needsPerson ? MAX_BACKOFF_MS : backoffMs(attempts)),
        lastError: message,
      };
    }),
  );
}

/** Puts failed items back in the queue, due now: the rep's or admin's "Retry". */
export async function retryFailed(ids?: readonly string[]): Promise<number> {
  const rows = ids ? (await db.outbox.bulkGet([...ids])).filter((row): row is OutboxRow => row?.state === 'failed') : await db.outbox.where('state').equals('failed').toArray();
  await db.outbox.bulkPut(rows.map((row) => ({ ...row, state: 'queued', nextAttemptAt: 0 })));
  return rows.length;
}

/** When the next retry is due (epoch ms), for the alarm that wakes the worker; undefined when none. */
export async function nextDueAt(): Promise<number | undefined> {
  const next = await db.outbox.orderBy('nextAttemptAt').filter((row) => row.state === 'queued').first();
  return next?.nextAttemptAt;
}
