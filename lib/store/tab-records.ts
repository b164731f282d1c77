import { browser } from 'wxt/browser';
import { db } from './db';
import { recordKey, reportedIdentity, type DetectedRecord } from '@/lib/schema/record';

export type TabRecordChange = 'new-record' | 'identity' | 'none';

/**
 * The worker's own copy of what each tab shows. Every record switch reads and writes it, and an
 * IndexedDB transaction costs a few milliseconds the rep would wait for; IndexedDB keeps the copy
 * only so a worker the browser stopped while idle still knows the tabs when it wakes.
 */
const memory = new Map<number, DetectedRecord | null>();
/** Changes apply one after another, so "before" is always the previous change's "after". */
let queue: Promise<unknown> = Promise.resolve();

/**
 * This browser session's id, kept in `storage.session`, which the browser empties when it quits.
 * Tab ids start over after a restart, so a stored row from an earlier session describes some other
 * tab: reading it would show (and file feedback against) a lead the tab never showed. Rows carry
 * their session and a row from another one reads as "no record". No clearing at start-up is
 * needed, so tabs restored before the worker wakes cannot race it.
 */
let session: Promise<string> | undefined;
export function browserSession(): Promise<string> {
  return (session ??= (async () => {
    const { tabSession } = await browser.storage.session.get('tabSession');
    if (typeof tabSession === 'string') return tabSession;
    const id = crypto.randomUUID();
    await browser.storage.session.set({ tabSession: id });
    return id;
  })().catch((error: unknown) => {
    session = undefined;
    throw error;
  }));
}

/** Remembers which record a tab shows and says how that differs from what it showed before. */
export function setTabRecord(tabId: number, record: DetectedRecord | null): Promise<TabRecordChange> {
  const change = queue.then(async () => {
    const before = await getTabRecord(tabId);
    memory.set(tabId, record);
    // Written behind the answer: in order (IndexedDB runs transactions on one store in order), and
    // a failure costs only the copy a restarted worker would read.
    browserSession()
      .then((current) => db.tabs.put({ tabId, record, updatedAt: new Date().toISOString(), session: current }))
      .catch((error: unknown) => console.warn('Leadside: could not keep the tab record', error));
    return changeBetween(before, record);
  });
  queue = change.catch(() => undefined);
  return change;
}

export async function getTabRecord(tabId: number): Promise<DetectedRecord | null> {
  if (memory.has(tabId)) return memory.get(tabId)!;
  const [row, current] = await Promise.all([db.tabs.get(tabId), browserSession()]);
  const stored = row?.session === current ? row.record : null;
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

/** For tests: as a worker that wakes in a new browser session (or the same one, after a stop). */
export function forgetBrowserSessionInMemory(): void {
  memory.clear();
  session = undefined;
}

function changeBetween(before: DetectedRecord | null, after: DetectedRecord | null): TabRecordChange {
  if (!before || !after) return before === after ? 'none' : 'new-record';
  if (recordKey(before) !== recordKey(after)) return 'new-record';
  // The kind counts too: a record reported at once is refined by its page (a Capsule party that
  // turns out to be an organisation, a Salesforce Account that turns out to be a business's)
  // without any of the person's fields changing.
  return reportedIdentity(before) === reportedIdentity(after) ? 'none' : 'identity';
}
