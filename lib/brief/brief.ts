import { leadConnector } from '@/lib/background/connectors';
import { getCatalog } from './catalog';
import { broadcast } from '@/lib/messaging/messages';
import { lookupProfile } from './profiles';
import type { Brief } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';
import { recordKey } from '@/lib/schema/record';
import { loadSettings } from '@/lib/store/settings';
import { getTabRecord } from '@/lib/store/tab-records';
import type { DataSource } from '@/lib/schema/sources';
import { assemble } from './assemble';
import type { BriefSource } from './cached-brief';
import { errorBrief } from './error-brief';
import { notAPersonBrief } from './not-a-person';

/** Builds the side panel's brief for whatever record the tab shows now. Never throws. */
export async function briefForTab(tabId: number, refresh = false): Promise<Brief> {
  const record = await getTabRecord(tabId);
  if (!record) return { state: 'no-record' };
  return briefForRecord(record, refresh);
}

/** The brief for a record, asking marketing's source when the cache cannot answer. Never throws. */
export async function briefForRecord(record: DetectedRecord, refresh = false): Promise<Brief> {
  const notAPerson = notAPersonBrief(record);
  if (notAPerson) return notAPerson;
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

/** The lead connector, its time limit and the cache time: what every lookup of a record needs. */
export async function sourceSettings() {
  const settings = await loadSettings();
  return { ...(await leadConnector(settings)), ttlMinutes: settings.cacheTtlMinutes, kind: settings.source.kind };
}

/** What the side panel needs to build a cached lead's brief itself (lib/brief/cached-brief.ts). */
export async function briefSource(): Promise<BriefSource> {
  const { connector, ttlMinutes } = await sourceSettings();
  return { id: connector.id, label: connector.label, ttlMinutes };
}

/** Tells the panel that a refresh that went on behind a cached brief has finished (or failed). */
export const announceRefresh = (record: DetectedRecord) => () => void broadcast({ type: 'brief-updated', leadKey: recordKey(record) });
