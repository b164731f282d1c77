import { db } from '@/lib/store/db';
import type { Connector } from '@/lib/connectors/types';
import type { ContentItem } from '@/lib/schema';

/** In-memory copy for the worker's lifetime: the ranking index is keyed on this array's identity. */
let memory: { sourceId: string; fetchedAt: string; items: ContentItem[] } | undefined;

/**
 * The content catalog: from memory, else Dexie, else the connector. Refreshed when older than the
 * TTL, replacing the stored catalog in one transaction so readers never see half of it.
 */
export async function getCatalog(connector: Connector, ttlMinutes: number): Promise<ContentItem[]> {
  const cached = await getCachedCatalog(connector, ttlMinutes);
  if (cached) return cached;
  const items = await connector.listContent(AbortSignal.timeout(30_000));
  const fetchedAt = new Date().toISOString();
  await db.transaction('rw', db.content, db.catalogMeta, async () => {
    await db.content.clear();
    await db.content.bulkPut(items);
    await db.catalogMeta.put({ id: 'catalog', fetchedAt, sourceId: connector.id });
  });
  memory = { sourceId: connector.id, fetchedAt, items };
  return items;
}

/** The catalog if a fresh copy is in memory or Dexie; undefined when only the connector has it. */
export async function getCachedCatalog(connector: Connector, ttlMinutes: number): Promise<ContentItem[] | undefined> {
  const meta = await db.catalogMeta.get('catalog');
  const fresh = meta && meta.sourceId === connector.id && Date.now() - Date.parse(meta.fetchedAt) < ttlMinutes * 60_000;
  if (!fresh) return undefined;
  if (memory?.sourceId === meta.sourceId && memory.fetchedAt === meta.fetchedAt) return memory.items;
  memory = { sourceId: meta.sourceId, fetchedAt: meta.fetchedAt, items: await db.content.toArray() };
  return memory.items;
}
