import type { Brief } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';
import { assemble } from './assemble';
import { getCachedCatalog } from './catalog';
import { readCachedLookup, type CachedLookup } from './profiles';

/** What building a brief from the cache needs to know of the configured source (no connector, no secret). */
export interface BriefSource {
  /** The lead connector's id, which the stored catalog must be of. */
  id: string;
  label: string;
  ttlMinutes: number;
}

/**
 * A found lead's brief when the cache holds the lead and the catalog (a stale lead counts, marked
 * refreshing), else undefined. Never asks the source and starts nothing, so the side panel builds it
 * from the IndexedDB it shares with the worker, as soon as the CRM page reports the record.
 * `onStale`: called when the lead's copy is due for a refresh (the worker starts it there).
 * Only a found lead's: a miss cached before the page showed the e-mail may not be the last word.
 */
export async function cachedFoundBrief(record: DetectedRecord, source: BriefSource, onStale?: (lookup: CachedLookup) => void): Promise<Brief | undefined> {
  const startedAt = performance.now();
  const [lookup, items] = await Promise.all([readCachedLookup(record, source.ttlMinutes), getCachedCatalog(source.id, source.ttlMinutes)]);
  if (lookup?.needsRefresh) onStale?.(lookup);
  if (!lookup?.entry.profile || !items) return undefined;
  return assemble(record, lookup, { items }, startedAt, source.label);
}
