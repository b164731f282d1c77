import { createRestConnector } from '@/lib/connectors/rest';
import { ConnectorError } from '@/lib/connectors/types';
import type { RestSource } from '@/lib/schema/sources';
import type { SampleItem } from './sample-items';

/** The contract's limit, and what the extension's outbox sends at once. */
const BATCH_SIZE = 100;
const BACKOFF_FIRST_MS = 50;
const BACKOFF_MAX_MS = 2_000;

export interface RepFigures {
  attempts: number;
  failedAttempts: number;
  /** Items the connector answered `retry` for, one per answer. */
  retriedItems: number;
  rejected: { id: string; error: string }[];
  /** Items not delivered when the deadline came or the run was ended (should be none). */
  undelivered: number;
  lastError?: string;
}

/**
 * One rep's extension delivering its outbox through the real REST connector: batches of up to 100, an
 * item leaves the queue only when the connector says `delivered`; anything else (a thrown
 * ConnectorError for the whole batch, a `retry` answer for an item) is sent again after an exponential
 * backoff with full jitter, capped at 2 s, until everything is delivered or the deadline passes. That is
 * the bound: a server that never comes back ends the run with the undelivered count, not a hang.
 */
export async function deliverAll(options: {
  baseUrl: string;
  token: string;
  items: readonly SampleItem[];
  deadline: number;
  /** Ends the run early (the server crashed on its own, so waiting for the deadline would tell nothing more). */
  signal: AbortSignal;
  random: () => number;
  onDelivered: (count: number) => void;
}): Promise<RepFigures> {
  // Built directly, not through RestSourceSchema: that schema only accepts https, because the extension
  // may only call https services; the test's server listens on plain http on 127.0.0.1, and the
  // connector itself does not care which.
  const source: RestSource = { kind: 'rest', baseUrl: options.baseUrl, timeoutSeconds: 10 };
  const connector = createRestConnector(source, { token: options.token });
  const figures: RepFigures = { attempts: 0, failedAttempts: 0, retriedItems: 0, rejected: [], undelivered: 0 };
  const queue = options.items.map((item) => ({ ...item.entry }));
  let backoffMs = 0;
  let waitMs = 0;
  const backOff = (hintedMs = 0) => {
    backoffMs = Math.min(BACKOFF_MAX_MS, backoffMs ? backoffMs * 2 : BACKOFF_FIRST_MS);
    // A Retry-After from the server is a floor; the jitter spreads the 20 reps apart after an outage.
    waitMs = Math.max(hintedMs, backoffMs * options.random());
  };

  while (queue.length > 0 && Date.now() < options.deadline && !options.signal.aborted) {
    if (waitMs > 0) await sleep(Math.min(waitMs, options.deadline - Date.now()));
    waitMs = 0;
    const batch = queue.slice(0, BATCH_SIZE);
    figures.attempts++;
    let results;
    try {
      results = await connector.deliver(batch, AbortSignal.any([options.signal, AbortSignal.timeout(Math.max(1, options.deadline - Date.now()))]));
    } catch (error) {
      figures.failedAttempts++;
      figures.lastError = error instanceof Error ? error.message : String(error);
      for (const entry of batch) {
        entry.attempts++;
        // No answer: the server may have stored the batch (as the outbox marks it).
        entry.unclear = !(error instanceof ConnectorError) || ['network', 'timeout', 'server'].includes(error.kind);
      }
      backOff(error instanceof ConnectorError ? error.retryAfterMs : undefined);
      continue;
    }
    const outcome = new Map(results.map((result) => [result.id, result]));
    let delivered = 0;
    let retry = false;
    for (const entry of batch) {
      const result = outcome.get(entry.id);
      if (result?.outcome === 'delivered') {
        queue.splice(queue.indexOf(entry), 1);
        delivered++;
      } else if (result?.outcome === 'rejected') {
        queue.splice(queue.indexOf(entry), 1);
        figures.rejected.push({ id: entry.id, error: result.error });
      } else {
        entry.attempts++;
        figures.retriedItems++;
        retry = true;
      }
    }
    options.onDelivered(delivered);
    if (retry) backOff();
    else backoffMs = 0;
  }
  figures.undelivered = queue.length;
  return figures;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
