import type { Connector } from '@/lib/connectors/types';
import type { FieldSignal } from '@/lib/schema/rest-api';
import { db, type StoredFieldSignals } from '@/lib/store/db';
import { FIELD_WINDOW_DAYS, fieldSignalsBySegment, segmentOf, type FieldObservation } from '@/lib/suggest/field';

/**
 * The field signals the ranker learns from (lib/suggest/field.ts), kept beside the catalog: fetched
 * from the source when the catalog is downloaded (the Leadside server's `/field-signals`), or, where
 * the source has none (demo data, HubSpot, Mautic, a file import, a gateway answering 404), counted
 * from this browser's own ratings and opens. A brief never waits for them: it ranks with what memory
 * holds, which a worker that just woke reads from IndexedDB along with the catalog.
 */

const DAY_MS = 86_400_000;

let memory: Pick<StoredFieldSignals, 'sourceId' | 'fetchedAt' | 'origin' | 'signals'> | undefined;
/** When memory was last compared with IndexedDB (Date.now()). */
let checkedAt = 0;
/**
 * How often a reader looks again at what IndexedDB holds: the side panel builds cached briefs too, and
 * the signals the worker stores behind a catalog download reach the panel this soon after.
 */
export const RECHECK_MS = 60_000;
/** The refresh under way, shared by every caller meanwhile (one request per catalog download, not one per tab). */
let refreshing: { sourceId: string; done: Promise<void> } | undefined;

/**
 * The signals kept for this source, from memory: never waits and never asks the network. At most every
 * RECHECK_MS it looks at IndexedDB behind the answer, for signals another context (the worker) stored.
 */
export function fieldSignalsOf(sourceId: string, now = Date.now()): readonly FieldSignal[] | undefined {
  if (now - checkedAt >= RECHECK_MS) {
    checkedAt = now;
    void loadStoredFieldSignals(sourceId).catch(() => undefined);
  }
  return memory?.sourceId === sourceId ? memory.signals : undefined;
}

/**
 * Reads the stored signals of this source into memory, as the catalog is read from IndexedDB (a
 * worker that just woke, a side panel building a cached brief): IndexedDB only.
 */
export async function loadStoredFieldSignals(sourceId: string): Promise<void> {
  checkedAt = Date.now();
  const stored = await db.catalogMeta.get('field-signals');
  if (stored?.id !== 'field-signals' || stored.sourceId !== sourceId) return;
  // The same copy keeps its list, so what the ranker worked out for it (by the list's identity) stays.
  if (memory?.sourceId === sourceId && memory.fetchedAt === stored.fetchedAt) return;
  memory = stored;
}

/**
 * Fetches the team's signals again (or counts the local ones), stores and keeps them. Never throws:
 * when the source fails, the stored copy stays (the rep's own signals if there is none), and the
 * next catalog download tries again.
 */
export function refreshFieldSignals(connector: Connector, now: () => Date = () => new Date()): Promise<void> {
  if (refreshing?.sourceId !== connector.id) {
    const done = refresh(connector, now())
      // IndexedDB refused (full, or closed when local data was cleared): the brief ranks as before, and the next download tries again.
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'DatabaseClosedError')) console.warn('Leadside: the field signals could not be stored.', error);
      })
      .finally(() => {
        if (refreshing?.done === done) refreshing = undefined;
      });
    refreshing = { sourceId: connector.id, done };
  }
  return refreshing.done;
}

async function refresh(connector: Connector, now: Date): Promise<void> {
  let team: readonly FieldSignal[] | null = null;
  try {
    team = connector.fieldSignals ? ((await connector.fieldSignals(AbortSignal.timeout(30_000)))?.signals ?? null) : null;
  } catch (error) {
    if (memory?.sourceId !== connector.id) await loadStoredFieldSignals(connector.id);
    // Last download's team signals beat this browser's few: keep them until the server answers again.
    if (memory?.sourceId === connector.id && memory.origin === 'team') return;
    console.warn('Leadside: the team’s field signals could not be read; ranking learns from this browser’s own ratings meanwhile.', error);
  }
  const row: StoredFieldSignals = team
    ? { id: 'field-signals', sourceId: connector.id, fetchedAt: now.toISOString(), origin: 'team', signals: [...team] }
    : { id: 'field-signals', sourceId: connector.id, fetchedAt: now.toISOString(), origin: 'local', signals: await localFieldSignals(now) };
  await db.catalogMeta.put(row);
  memory = row;
}

/**
 * The rep's own ratings and opens in this browser over the last FIELD_WINDOW_DAYS, per item and
 * segment of leads, counted as the team server counts the team's: each lead's latest rating of an
 * item once, each lead an item was opened for once, the segment from the lead's cached profile (a
 * lead no longer cached is left out).
 */
export async function localFieldSignals(now: Date = new Date()): Promise<FieldSignal[]> {
  const since = new Date(now.getTime() - FIELD_WINDOW_DAYS * DAY_MS).toISOString();
  const latestRating = new Map<string, { at: string; useful: boolean }>();
  await db.feedback
    .where('kind')
    .equals('content_rating')
    .each((item) => {
      if (item.kind !== 'content_rating' || item.createdAt < since) return;
      const pair = `${item.lead.key}\n${item.contentId}`;
      const known = latestRating.get(pair);
      if (!known || known.at < item.createdAt) latestRating.set(pair, { at: item.createdAt, useful: item.useful });
    });
  const opened = new Set<string>();
  await db.contentEvents
    .where('at')
    .aboveOrEqual(since)
    .each((event) => {
      if (event.type === 'opened' && event.leadKey) opened.add(`${event.leadKey}\n${event.contentId}`);
    });

  const pairs = new Set([...latestRating.keys(), ...opened]);
  const leadKeys = [...new Set([...pairs].map((pair) => pair.slice(0, pair.indexOf('\n'))))];
  const cached = await db.profiles.bulkGet(leadKeys);
  const segments = new Map(leadKeys.map((key, index) => [key, cached[index]?.profile ? segmentOf(cached[index]!.profile!) : undefined]));
  const observations: FieldObservation[] = [];
  for (const pair of pairs) {
    const [leadKey, contentId] = [pair.slice(0, pair.indexOf('\n')), pair.slice(pair.indexOf('\n') + 1)];
    const segment = segments.get(leadKey);
    if (!segment) continue;
    const rating = latestRating.get(pair);
    observations.push({ contentId, segment, useful: rating?.useful ? 1 : 0, notUseful: rating && !rating.useful ? 1 : 0, opened: opened.has(pair) ? 1 : 0 });
  }
  return fieldSignalsBySegment(observations);
}
