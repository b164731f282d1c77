import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from './db';
import type { DetectedRecord } from '@/lib/schema/record';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetBrowserSessionInMemory, forgetTabsInMemory, getTabRecord, setTabRecord } from './tab-records';

const lead = (recordId: string, extra: Partial<DetectedRecord> = {}): DetectedRecord => ({
  crm: 'salesforce',
  objectType: 'lead',
  recordId,
  url: `https://acme.lightning.force.com/lightning/r/Lead/${recordId}/view`,
  ...extra,
});

describe('tab records', () => {
  beforeEach(async () => {
    // Each test a fresh worker: the fake browser (its storage.session too) starts empty for each.
    forgetBrowserSessionInMemory();
    await db.delete();
    await db.open();
  });

  it('says how each record differs from the one before', async () => {
    expect(await setTabRecord(1, lead('00Q000000000001'))).toBe('new-record');
    expect(await setTabRecord(1, lead('00Q000000000001'))).toBe('none');
    expect(await setTabRecord(1, lead('00Q000000000001', { email: 'a@example.com' }))).toBe('identity');
    expect(await setTabRecord(1, lead('00Q000000000002'))).toBe('new-record');
    expect(await setTabRecord(1, null)).toBe('new-record');
    expect(await setTabRecord(1, null)).toBe('none');
    expect(await setTabRecord(2, null)).toBe('none');
  });

  it('applies changes sent together in the order they came', async () => {
    const changes = await Promise.all([
      setTabRecord(1, lead('00Q000000000001')),
      setTabRecord(1, lead('00Q000000000001', { name: 'Priya Raman' })),
      setTabRecord(1, lead('00Q000000000002')),
    ]);
    expect(changes).toEqual(['new-record', 'identity', 'new-record']);
    expect((await getTabRecord(1))?.recordId).toBe('00Q000000000002');
  });

  it('keeps the record in IndexedDB for a worker the browser restarts', async () => {
    await setTabRecord(7, lead('00Q000000000003', { email: 'kenji@example.jp' }));
    expect((await db.tabs.get(7))?.record?.email).toBe('kenji@example.jp');
    forgetBrowserSessionInMemory(); // a new worker in the same browser session: nothing in memory
    expect((await getTabRecord(7))?.recordId).toBe('00Q000000000003');
    expect(await setTabRecord(7, lead('00Q000000000003', { email: 'kenji@example.jp' }))).toBe('none');
  });

  it('forgets what tabs showed once local data is cleared', async () => {
    await setTabRecord(1, lead('00Q000000000001'));
    await db.tabs.clear();
    forgetTabsInMemory();
    expect(await getTabRecord(1)).toBeNull();
  });
});

describe('tab records across browser restarts', () => {
  beforeEach(async () => {
    forgetBrowserSessionInMemory();
    await fakeBrowser.storage.session.clear();
    await db.delete();
    await db.open();
  });

  it('after the browser restarts, a reused tab id shows nothing of the earlier session', async () => {
    await setTabRecord(4, lead('00Q000000000001'));
    await vi.waitFor(async () => expect(await db.tabs.count()).toBe(1));
    // The browser quits: storage.session is emptied, IndexedDB stays; tab 4 is now another tab.
    await fakeBrowser.storage.session.clear();
    forgetBrowserSessionInMemory();
    expect(await getTabRecord(4)).toBeNull();
    expect(await setTabRecord(4, lead('00Q000000000009'))).toBe('new-record');
  });
});
