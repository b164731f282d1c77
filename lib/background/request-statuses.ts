import type { RequestStatuses } from '@/lib/schema/dashboard';
import type { PageResponse } from '@/lib/messaging/messages';
import { loadSettings } from '@/lib/store/settings';
import { connectorFor } from './connectors';

type Status = RequestStatuses['statuses'][number];

/**
 * How long one answer serves every panel that shows a log: marketing changes a status a few times a
 * week, while a rep switching records shows the log many times a minute. The worker's own life (it
 * stops after ~30 s idle) bounds it too, so a status marketing set is seen within half a minute.
 */
export const STATUS_CACHE_MS = 30_000;
const STATUS_TIMEOUT_MS = 8_000;

interface Fetched {
  sourceId: string;
  at: number;
  byId: ReadonlyMap<string, Status>;
}

let cached: Fetched | undefined;
let inFlight: { sourceId: string; answer: Promise<Fetched> } | undefined;

/**
 * The statuses of the rep's own requests among `ids`, from the configured source. A source without
 * them, or one that fails, answers none: the log then shows its items without a status, as before.
 * Fetched again when the cached answer is older than STATUS_CACHE_MS or lacks an id (a request the
 * source has stored since, which it knows as new).
 */
export async function requestStatuses(ids: readonly string[], now: () => number = Date.now): Promise<PageResponse<'request-statuses'>> {
  try {
    const connector = await connectorFor((await loadSettings()).source);
    if (!connector.requestStatuses) return { statuses: [] };
    const fresh = cached && cached.sourceId === connector.id && now() - cached.at < STATUS_CACHE_MS ? cached : undefined;
    const fetched = fresh && ids.every((id) => fresh.byId.has(id)) ? fresh : await fetchShared(connector.id, connector.requestStatuses.bind(connector), now);
    return { statuses: ids.flatMap((id) => fetched.byId.get(id) ?? []) };
  } catch (error) {
    console.warn('Leadside: could not load the status of your requests:', error instanceof Error ? error.message : error);
    return { statuses: [] };
  }
}

/** One fetch at a time per source, shared by every panel asking meanwhile; a success is cached. */
function fetchShared(sourceId: string, fetchStatuses: (signal: AbortSignal) => Promise<RequestStatuses | null>, now: () => number): Promise<Fetched> {
  if (inFlight?.sourceId === sourceId) return inFlight.answer;
  const answer = fetchStatuses(AbortSignal.timeout(STATUS_TIMEOUT_MS))
    .then((found): Fetched => {
      cached = { sourceId, at: now(), byId: new Map((found?.statuses ?? []).map((status) => [status.id, status])) };
      return cached;
    })
    .finally(() => {
      if (inFlight?.answer === answer) inFlight = undefined;
    });
  inFlight = { sourceId, answer };
  return answer;
}

/** Forgets the cached answer (the source changed, or a test starts afresh). */
export function forgetRequestStatuses(): void {
  cached = undefined;
  inFlight = undefined;
}
