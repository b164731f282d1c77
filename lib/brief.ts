import { connectorFor } from '@/lib/connectors';
import { getCatalog } from '@/lib/catalog';
import { recordSuggested } from '@/lib/content-events';
import { broadcast } from '@/lib/messages';
import { lookupProfile } from '@/lib/profiles';
import type { Brief } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';
import { recordKey } from '@/lib/schema/record';
import { loadSettings, type Settings } from '@/lib/settings';
import { sourceSnapshot } from '@/lib/source-snapshot';
import { suggestContent } from '@/lib/suggest/rank';
import { getTabRecord } from '@/lib/tab-records';

/** Builds the side panel's brief for whatever record the tab shows now. Never throws. */
export async function briefForTab(tabId: number, refresh = false): Promise<Brief> {
  // Read beside the tab's record rather than after it: the brief waits for one read, not two.
  const settings = loadSettings();
  settings.catch(() => undefined); // awaited (and reported) in briefForRecord; unused for a tab without a record
  const record = await getTabRecord(tabId);
  if (!record) return { state: 'no-record' };
  return briefForRecord(record, refresh, settings);
}

export async function briefForRecord(record: DetectedRecord, refresh = false, settingsRead: Promise<Settings> = loadSettings()): Promise<Brief> {
  try {
    const settings = await settingsRead;
    const connector = await connectorFor(settings.source);
    // Read beside the lookup, for the same reason; only a found lead's brief waits for it (or its failure).
    const catalogRead = getCatalog(connector, settings.cacheTtlMinutes);
    catalogRead.catch(() => undefined);
    const lookup = await lookupProfile(record, {
      connector,
      ttlMinutes: settings.cacheTtlMinutes,
      refresh,
      onRefreshed: () => void broadcast({ type: 'brief-updated', leadKey: recordKey(record) }),
    });
    const cached = lookup.entry;
    if (!cached.profile) return { state: 'not-found', record };
    const catalog = await catalogRead;
    const suggestions = suggestContent(cached.profile, catalog);
    // Not awaited: counting what was suggested must not delay the brief the rep is waiting for.
    void recordSuggested(
      suggestions.map((suggestion) => suggestion.item.id),
      recordKey(record),
      sourceSnapshot(cached.profile),
    ).catch((error: unknown) => console.warn('Leadside: could not count suggestions', error));
    return {
      state: 'found',
      record,
      profile: cached.profile,
      suggestions,
      fetchedAt: cached.fetchedAt,
      chosenByRep: Boolean(cached.chosenByRep),
      refreshing: lookup.refreshing,
      warning: lookup.warning,
    };
  } catch (error) {
    return { state: 'error', record, error: error instanceof Error ? error.message : String(error) };
  }
}
