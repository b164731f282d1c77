import { leadConnector } from '@/lib/background/connectors';
import { getCachedCatalog, getCatalog, type CatalogRead } from './catalog';
import { broadcast } from '@/lib/messaging/messages';
import { lookupCachedProfile, lookupProfile, type Lookup } from './profiles';
import type { Brief } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';
import { recordKey } from '@/lib/schema/record';
import { loadSettings } from '@/lib/store/settings';
import { suggestContent } from '@/lib/suggest/rank';
import { getTabRecord } from '@/lib/store/tab-records';
import type { DataSource } from '@/lib/schema/sources';
import { errorBrief } from './error-brief';

/** Builds the side panel's brief for whatever record the tab shows now. Never throws. */
export async function briefForTab(tabId: number, refresh = false): Promise<Brief> {
  const record = await getTabRecord(tabId);
  if (!record) return { state: 'no-record' };
  return briefForRecord(record, refresh);
}

/** The brief for a record, asking marketing's source when the cache cannot answer. Never throws. */
export async function briefForRecord(record: DetectedRecord, refresh = false): Promise<Brief> {
  const startedAt = performance.now();
  let main: { kind: DataSource['kind']; label: string } | undefined;
  try {
    const { connector, ttlMinutes, timeoutMs, kind } = await sourceSettings();
    main = { kind, label: connector.label };
    // Read beside the lookup rather than after it; only a found lead's brief waits for it (or its failure).
    const catalogRead = getCatalog(connector, ttlMinutes);
    catalogRead.catch(() => undefined);
    const lookup = await lookupProfile(record, { connector, ttlMinutes, timeoutMs, refresh, onRefreshed: announceRefresh(record) });
    return assemble(record, lookup, lookup.entry.profile ? await catalogRead : { items: [] }, startedAt, connector.label);
  } catch (error) {
    return errorBrief(record, error, main);
  }
}

/**
 * The brief when the cache has the lead and the catalog (a stale lead counts: a refresh starts
 * behind it), else undefined. Never waits for the source, so the worker can send it along with the
 * news that the tab changed record.
 */
export async function cachedBriefForRecord(record: DetectedRecord): Promise<Brief | undefined> {
  const startedAt = performance.now();
  try {
    const { connector, ttlMinutes, timeoutMs } = await sourceSettings();
    const [lookup, catalog] = await Promise.all([
      lookupCachedProfile(record, { connector, ttlMinutes, timeoutMs, onRefreshed: announceRefresh(record) }),
      getCachedCatalog(connector, ttlMinutes),
    ]);
    if (!lookup) return undefined;
    if (!lookup.entry.profile) return assemble(record, lookup, { items: [] }, startedAt, connector.label);
    return catalog && assemble(record, lookup, { items: catalog }, startedAt, connector.label);
  } catch {
    return undefined; // briefForRecord, asked next, says what went wrong
  }
}

async function sourceSettings() {
  const settings = await loadSettings();
  return { ...(await leadConnector(settings)), ttlMinutes: settings.cacheTtlMinutes, kind: settings.source.kind };
}

const announceRefresh = (record: DetectedRecord) => () => void broadcast({ type: 'brief-updated', leadKey: recordKey(record) });

/**
 * `startedAt`: when building began (performance.now()), for the leadside:brief-built measure.
 * `sourceLabel`: the source's name, for a profile that does not say which systems know the lead.
 */
function assemble(record: DetectedRecord, lookup: Lookup, catalog: CatalogRead, startedAt: number, sourceLabel: string): Brief {
  const cached = lookup.entry;
  if (!cached.profile) return { state: 'not-found', record, asked: askedSystems(sourceLabel) };
  const suggestions = suggestContent(cached.profile, catalog.items);
  // What building costs without any message: half of the benchmark's floor for time to brief.
  performance.measure('leadside:brief-built', { start: startedAt, detail: recordKey(record) });
  return {
    state: 'found',
    record,
    profile: cached.profile,
    from: cached.profile.systems ? cached.profile.systems.filter((system) => system.found).map((system) => system.name) : [sourceLabel],
    suggestions,
    fetchedAt: cached.fetchedAt,
    chosenByRep: Boolean(cached.chosenByRep),
    refreshing: lookup.refreshing,
    warning: lookup.warning,
    catalogStale: catalog.stale,
  };
}

/** The systems a merged source asked ("HubSpot and Mautic" is the merged connector's label), by name. */
function askedSystems(label: string): string[] {
  return label.split(/, and |, | and /).map((name) => name.trim()).filter(Boolean);
}
