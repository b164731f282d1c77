import { db } from '@/lib/db';
import { recordKey, type DetectedRecord } from '@/lib/schema/record';

export type TabRecordChange = 'new-record' | 'identity' | 'none';

/** Remembers which record a tab shows and says how that differs from what it showed before. */
export async function setTabRecord(tabId: number, record: DetectedRecord | null): Promise<TabRecordChange> {
  return db.transaction('rw', db.tabs, async () => {
    const before = (await db.tabs.get(tabId))?.record ?? null;
    await db.tabs.put({ tabId, record, updatedAt: new Date().toISOString() });
    if (!before || !record) return before === record ? 'none' : 'new-record';
    if (recordKey(before) !== recordKey(record)) return 'new-record';
    const same = before.name === record.name && before.email === record.email && before.company === record.company;
    return same ? 'none' : 'identity';
  });
}

export async function getTabRecord(tabId: number): Promise<DetectedRecord | null> {
  return (await db.tabs.get(tabId))?.record ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await db.tabs.delete(tabId);
}
