import { db } from './db';
import { recordKey, type DetectedRecord } from '@/lib/schema/record';

export type TabRecordChange = 'new-record' | 'identity' | 'none';

/**
 * The worker's own copy of what each tab shows. Every record switch reads and writes it, and an
 * IndexedDB transaction costs a few milliseconds the rep would wait for; IndexedDB keeps the copy
 * only so a worker the browser stopped while idle still knows the tabs when it wakes.
 */
const memory = new Map<number, DetectedRecord | null>();
/** Changes apply one after another, so "before" is always the previous change's "after". */
let queue: Promise<unknown> = Promise.resolve();

/** Remembers which record a tab shows and says how that differs from what it showed before. */
export function setTabRecord(tabId: number, record: DetectedRecord | null): Promise<TabRecordChange> {
  const change = queue.then(async () => {
    const before = await getTabRecord(tabId);
    memory.set(tabId, record);
    // Written behind the answer: in order (IndexedDB runs transactions on one store in order), and
    // a failure costs only the copy a restarted worker would read.
    db.tabs
      .put({ tabId, record, updatedAt: new Date().toISOString() })
      .catch((error: unknown) => console.warn('Leadside: could not keep the tab record', error));
    return changeBetween(before, record);
  });
  queue = change.catch(() => undefined);
  return change;
}

export async function getTabRecord(tabId: number): Promise<DetectedRecord | null> {
  if (memory.has(tabId)) return memory.get(tabId)!;
  const stored = (await db.tabs.get(tabId))?.record ?? null;
  // A change made while this read was out wins over what the read found.
  if (!memory.has(tabId)) memory.set(tabId, stored);
  return memory.get(tabId)!;
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  await db.tabs.delete(tabId);
}

/** After local data was cleared: what the tabs showed is read again from IndexedDB (now empty). */
export function forgetTabsInMemory(): void {
  memory.clear();
}

function changeBetween(before: DetectedRecord | null, after: DetectedRecord | null): TabRecordChange {
  if (!before || !after) return before === after ? 'none' : 'new-record';
  if (recordKey(before) !== recordKey(after)) return 'new-record';
  const same = before.name === after.name && before.email === after.email && before.company === after.company;
  return same ? 'none' : 'identity';
}
