import { ConnectorError, type Connector, type DeliveryResult, type OutboxEntry } from '@/lib/connectors/types';
import { createWebhookDelivery } from '@/lib/connectors/webhook';
import { FeedbackItemSchema, summarizeZodError } from '@/lib/schema';
import type { Database } from '../db/database';
import { claimDueForwards, settleForward, type ClaimedForward, type ForwardTarget, type Settlement } from '../db/queries/forwards';
import { loadTeamConnector } from '../sources/connector';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffOptions } from './backoff';
import { loadTeamWebhookUrl } from './webhook';

export interface DrainOptions {
  /** Rows taken per claim (and per vendor call batch). */
  batchSize?: number;
  /** How long a claim holds its rows; no vendor call is allowed to outlive it. */
  leaseMs?: number;
  backoff?: BackoffOptions;
  env?: NodeJS.ProcessEnv;
}

export interface DrainReport {
  sent: number;
  retrying: number;
  failed: number;
  /** Settled by another worker meanwhile (this one outlived its lease): left as that one recorded. */
  superseded: number;
}

const DEFAULTS = { batchSize: 10, leaseMs: 5 * 60_000 };
/** A drain stops after this many claims even if rows keep falling due, and the next job goes on. */
const MAX_ROUNDS = 50;
/** Failures that may have reached the vendor: the next attempt searches before creating. */
const UNCLEAR_KINDS = new Set(['timeout', 'network']);

type Destination = Pick<Connector, 'deliver'>;

/**
 * Sends the team's due forwards, a batch at a time, through the same connectors the extension
 * delivers with: lib/connectors/hubspot.ts and mautic.ts create a note on the contact (and look for
 * an earlier attempt's note by its marker first, whenever the entry was tried before or is unclear),
 * lib/connectors/webhook.ts posts to Slack. Every outcome is written back on the row.
 */
export async function drainTeamForwards(database: Database, teamId: string, options: DrainOptions = {}): Promise<DrainReport> {
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const report: DrainReport = { sent: 0, retrying: 0, failed: 0, superseded: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const claims = await claimDueForwards(database.db, teamId, { limit: batchSize, leaseMs });
    if (claims.length === 0) break;
    // Calls end well before the lease does, so no other worker takes a row this one is still sending.
    const signal = AbortSignal.timeout(Math.max(leaseMs - Math.min(10_000, leaseMs / 5), 1));
    for (const target of ['vendor', 'slack'] as const) {
      const group = claims.filter((claim) => claim.target === target);
      if (group.length === 0) continue;
      const settlements = await sendGroup(database, teamId, target, group, signal, backoff, options.env);
      for (const [index, claim] of group.entries()) {
        const settlement = settlements[index]!;
        if (!(await settleForward(database.db, claim, settlement))) report.superseded++;
        else if (settlement.state === 'sent') report.sent++;
        else if (settlement.state === 'failed') report.failed++;
        else report.retrying++;
      }
    }
  }
  return report;
}

/** One settlement per claim, in the claims' order. */
async function sendGroup(
  database: Database,
  teamId: string,
  target: ForwardTarget,
  claims: readonly ClaimedForward[],
  signal: AbortSignal,
  backoff: BackoffOptions,
  env: NodeJS.ProcessEnv | undefined,
): Promise<Settlement[]> {
  const retry = (claim: ClaimedForward, error: string, unclear: boolean, retryAfterMs?: number): Settlement => {
    const attempts = claim.attempts + 1;
    if (attempts >= backoff.maxAttempts) return { state: 'failed', error: `Gave up after ${attempts} attempts: ${error}` };
    return { state: 'pending', error, unclear, nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts, backoff, retryAfterMs)) };
  };

  let destination: Destination | undefined;
  try {
    destination = await loadDestination(database, teamId, target, env);
  } catch (error) {
    // A stored source or key that does not read is the admin's to fix; the rows wait for that.
    return claims.map((claim) => retry(claim, messageOf(error), claim.unclear));
  }
  if (!destination) {
    const gone = target === 'vendor' ? 'The team no longer has a marketing system set (set-source).' : 'The team no longer has a Slack webhook set (set-webhook).';
    return claims.map((): Settlement => ({ state: 'failed', error: gone }));
  }

  const settlements = new Map<ClaimedForward, Settlement>();
  const entries: OutboxEntry[] = [];
  const byId = new Map<string, ClaimedForward>();
  for (const claim of claims) {
    const item = FeedbackItemSchema.safeParse(safeJson(claim.payload));
    if (!item.success) {
      settlements.set(claim, { state: 'failed', error: `The stored item does not read as feedback: ${summarizeZodError(item.error)}` });
      continue;
    }
    byId.set(claim.deliveryId, claim);
    entries.push({ kind: 'feedback', item: item.data, id: claim.deliveryId, attempts: claim.attempts, unclear: claim.unclear, remoteId: claim.remoteId ?? undefined });
  }

  if (entries.length > 0) {
    let results: DeliveryResult[] | undefined;
    try {
      results = await destination.deliver(entries, signal);
    } catch (error) {
      // The whole batch failed the same way. Without an answer it may have been stored: unclear.
      const known = error instanceof ConnectorError;
      const unclear = !known || UNCLEAR_KINDS.has(error.kind);
      for (const claim of byId.values()) settlements.set(claim, retry(claim, messageOf(error), unclear || claim.unclear, known ? error.retryAfterMs : undefined));
    }
    for (const result of results ?? []) {
      const claim = byId.get(result.id);
      if (claim) settlements.set(claim, settlementOf(claim, result, retry));
    }
  }
  return claims.map((claim) => settlements.get(claim) ?? retry(claim, 'The destination gave no result for this item.', true));
}

function settlementOf(claim: ClaimedForward, result: DeliveryResult, retry: (claim: ClaimedForward, error: string, unclear: boolean) => Settlement): Settlement {
  switch (result.outcome) {
    case 'delivered':
      return { state: 'sent', remoteId: result.remoteId };
    case 'retry':
      return retry(claim, result.error, false);
    case 'rejected':
      return { state: 'failed', error: result.error };
    case 'unsupported':
      return { state: 'failed', error: 'This destination has no place for this kind of item.' };
  }
}

/**
 * Where a target's forwards go. 'vendor' is the team's main source only, whatever other systems it
 * reads beside it: a verdict is one note in one system, as the extension sends feedback to its main
 * source only (the next main source, if the admin changes it, gets the rows still waiting).
 */
async function loadDestination(database: Database, teamId: string, target: ForwardTarget, env: NodeJS.ProcessEnv | undefined): Promise<Destination | undefined> {
  if (target === 'vendor') {
    const main = (await loadTeamConnector(database, teamId, env))?.systems[0];
    if (main?.problem) throw main.problem;
    return main?.connector;
  }
  const url = await loadTeamWebhookUrl(database, teamId, env);
  return url ? createWebhookDelivery(url, 'slack') : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
