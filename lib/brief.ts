import { connectorFor } from '@/lib/connectors';
import { getCatalog } from '@/lib/catalog';
import { recordSuggested } from '@/lib/content-events';
import { broadcast } from '@/lib/messages';
import { lookupProfile } from '@/lib/profiles';
import type { Brief } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';
import { recordKey } from '@/lib/schema/record';
import { loadSettings } from '@/lib/settings';
import { sourceSnapshot } from '@/lib/source-snapshot';
import { suggestContent } from '@/lib/suggest/rank';
import { getTabRecord } from '@/lib/tab-records';

/** Builds the side panel's brief for whatever record the tab shows now. Never throws. */
export async function briefForTab(tabId: number, refresh = false): Promise<Brief> {
  const record = await getTabRecord(tabId);
  if (!record) return { state: 'no-record' };
  return briefForRecord(record, refresh);
}

export async function briefForRecord(record: DetectedRecord, refresh = false): Promise<Brief> {
  try {
    const settings = await loadSettings();
    const connector = await connectorFor(settings.source);
    const lookup = await lookupProfile(record, {
      connector,
      ttlMinutes: settings.cacheTtlMinutes,
      refresh,
      onRefreshed: () => void broadcast({ type: 'brief-updated', leadKey: recordKey(record) }),
    });
    const cached = lookup.entry;
    if (!cached.profile) return { state: 'not-found', record };
    const catalog = await getCatalog(connector, settings.cacheTtlMinutes);
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
