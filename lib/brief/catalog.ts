import { db } from '@/lib/store/db';
import type { Connector } from '@/lib/connectors/types';
import type { ContentItem } from '@/lib/schema';
import { catalogIndex } from '@/lib/suggest/catalog-index';
import type { FieldSignal } from '@/lib/schema/rest-api';
import { fieldSignalsOf, loadStoredFieldSignals, refreshFieldSignals } from './field-signals';
import { asConnectorError } from '@/lib/connectors/message-codes';
import type { CodedText } from '@/lib/schema/coded-text';

/** In-memory copy for the life of the worker (or side panel) that read it: the ranking index is keyed on this array's identity. */
let memory: { sourceId: string; fetchedAt: string; items: ContentItem[] } | undefined;

/**
 * How stale the catalog may get, whatever the cache time set in Options. Marketing edits and retires
 * items on the Leadside server (and its vendor sync runs every 15 minutes), and a rep's brief shows
 * them only after this browser next downloads the catalog: the first brief built once the stored copy
 * is older than this (or than the cache time, if shorter) waits for a fresh one, so an edit reaches
 * every rep within 15 minutes of their next brief. A refresh replaces the whole catalog, so a retired
 * item (which the server no longer lists) leaves with it. Leads stay cached for the full cache time.
 */
export const CATALOG_MAX_AGE_MINUTES = 15;

export interface CatalogRead {
  items: ContentItem[];
  /** Set when the list is an out-of-date copy because downloading a fresh one failed. */
  stale?: { fetchedAt: string; error: string; coded?: CodedText };
}

/** The download under way, shared by every brief built meanwhile (one request, not one per tab). */
let refreshing: { sourceId: string; done: Promise<ContentItem[]> } | undefined;

/**
 * The content catalog: from memory, else Dexie, else the connector. Refreshed when older than the
 * TTL (at most CATALOG_MAX_AGE_MINUTES), replacing the stored catalog in one transaction so readers
 * never see half of it. When the refresh fails, the stored copy of the same source serves, however
 * old, marked stale: suggestions from last week's list beat a brief that is all error.
 */
export async function getCatalog(connector: Connector, ttlMinutes: number): Promise<CatalogRead> {
  const cached = await getCachedCatalog(connector.id, ttlMinutes);
  if (cached) return { items: cached };
  try {
    return { items: await downloadOnce(connector) };
  } catch (error) {
    const meta = await db.catalogMeta.get('catalog');
    if (meta?.sourceId !== connector.id) throw error;
    const failure = asConnectorError(error);
    return { items: await storedItems(meta), stale: { fetchedAt: meta.fetchedAt, error: failure.message, ...(failure.coded ? { coded: failure.coded } : {}) } };
  }
}

function downloadOnce(connector: Connector): Promise<ContentItem[]> {
  if (refreshing?.sourceId !== connector.id) {
    const done = download(connector).finally(() => {
      if (refreshing?.done === done) refreshing = undefined;
    });
    refreshing = { sourceId: connector.id, done };
  }
  return refreshing.done;
}

async function download(connector: Connector): Promise<ContentItem[]> {
  const items = await connector.listContent(AbortSignal.timeout(30_000));
  const fetchedAt = new Date().toISOString();
  await db.transaction('rw', db.content, db.catalogMeta, async () => {
    await db.content.clear();
    await db.content.bulkPut(items);
    await db.catalogMeta.put({ id: 'catalog', fetchedAt, sourceId: connector.id });
  });
  memory = { sourceId: connector.id, fetchedAt, items };
  indexSoon(items);
  // The team's ratings come with the catalog, behind it: no brief waits for them.
  void refreshFieldSignals(connector);
  return items;
}

/**
 * Builds the ranking's index of a catalog just read (lib/suggest/catalog-index.ts keeps it per list),
 * so the first brief ranks with it instead of building it on its own path.
 */
function indexSoon(items: readonly ContentItem[]): void {
  setTimeout(() => void catalogIndex(items), 0);
}

/**
 * The catalog if a fresh copy of source `sourceId`'s (a connector's id) is in memory or Dexie;
 * undefined when only the connector has it. Needs no connector, so the side panel reads it too.
 */
export async function getCachedCatalog(sourceId: string, ttlMinutes: number): Promise<ContentItem[] | undefined> {
  const meta = await db.catalogMeta.get('catalog');
  const maxAgeMinutes = Math.min(ttlMinutes, CATALOG_MAX_AGE_MINUTES);
  const fresh = meta && meta.sourceId === sourceId && Date.now() - Date.parse(meta.fetchedAt) < maxAgeMinutes * 60_000;
  return fresh ? storedItems(meta) : undefined;
}

/** The stored catalog `meta` describes: the worker's copy in memory when it is that one, else read from Dexie (and kept). */
async function storedItems(meta: { sourceId: string; fetchedAt: string }): Promise<ContentItem[]> {
  if (memory?.sourceId === meta.sourceId && memory.fetchedAt === meta.fetchedAt) return memory.items;
  const [items] = await Promise.all([db.content.toArray(), loadStoredFieldSignals(meta.sourceId)]);
  memory = { sourceId: meta.sourceId, fetchedAt: meta.fetchedAt, items };
  indexSoon(memory.items);
  return memory.items;
}

/** The field signals (lib/brief/field-signals.ts) kept with this catalog, when `items` is the catalog read last. */
export function fieldSignalsFor(items: readonly ContentItem[]): readonly FieldSignal[] | undefined {
  return memory?.items === items ? fieldSignalsOf(memory.sourceId) : undefined;
}
