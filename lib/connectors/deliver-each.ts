import { ConnectorError, type DeliveryResult, type OutboxEntry } from './types';

type FeedbackEntry = Extract<OutboxEntry, { kind: 'feedback' }>;

/**
 * How long HubSpot's and Mautic's search take to show a note just created: a resend after an
 * unanswered request searches for the note first, and searching sooner would find nothing and
 * create it twice.
 */
export const SEARCH_INDEX_SETTLE_MS = 30_000;

/** Failures every later item in the batch would meet too. */
const BATCH_WIDE = new Set(['rate-limited', 'auth', 'timeout', 'network']);

/**
 * Delivers a batch item by item, for vendors that take one note per request (HubSpot, Mautic).
 * Content events and first looks have no place there. A refused item is rejected, a server error retried; a failure
 * every later item would meet too (auth, network, timeout, rate limit) fails the whole batch while
 * nothing was stored yet, so the outbox backs off (honouring Retry-After), and otherwise reports what
 * was stored and leaves the rest to the next attempt, so no created note's id is lost.
 */
export async function deliverEach(
  entries: readonly OutboxEntry[],
  signal: AbortSignal,
  deliverOne: (entry: FeedbackEntry) => Promise<DeliveryResult>,
): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = [];
  let delivered = 0;
  for (const [index, entry] of entries.entries()) {
    if (entry.kind !== 'feedback') {
      results.push({ id: entry.id, outcome: 'unsupported' });
      continue;
    }
    try {
      const result = await deliverOne(entry);
      if (result.outcome === 'delivered') delivered++;
      results.push(result);
    } catch (error) {
      if (signal.aborted || !(error instanceof ConnectorError)) throw error;
      if (!BATCH_WIDE.has(error.kind)) {
        const refused = error.kind === 'rejected' || error.kind === 'not-found';
        results.push({ id: entry.id, outcome: refused ? 'rejected' : 'retry', error: error.message, ...(error.coded ? { coded: error.coded } : {}) });
        continue;
      }
      if (delivered === 0) throw error;
      for (const rest of entries.slice(index)) {
        results.push(
          rest.kind !== 'feedback' ? { id: rest.id, outcome: 'unsupported' } : { id: rest.id, outcome: 'retry', error: error.message, ...(error.coded ? { coded: error.coded } : {}) },
        );
      }
      break;
    }
  }
  return results;
}
