import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from './db';
import type { DetectedRecord } from '@/lib/schema/record';
import { forgetTabsInMemory, getTabRecord, setTabRecord } from './tab-records';

const lead = (recordId: string, extra: Partial<DetectedRecord> = {}): DetectedRecord => ({
  crm: 'salesforce',
  objectType: 'lead',
  recordId,
  url: `https://acme.lightning.force.com/lightning/r/Lead/${recordId}/view`,
  ...extra,
});

describe('tab records', () => {
  beforeEach(async () => {
    forgetTabsInMemory();
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
    vi.resetModules(); // a new worker: nothing in memory
    const restarted = await import('./tab-records');
    expect((await restarted.getTabRecord(7))?.recordId).toBe('00Q000000000003');
    expect(await restarted.setTabRecord(7, lead('00Q000000000003', { email: 'kenji@example.jp' }))).toBe('none');
  });

  it('forgets what tabs showed once local data is cleared', async () => {
    await setTabRecord(1, lead('00Q000000000001'));
    await db.tabs.clear();
    forgetTabsInMemory();
    expect(await getTabRecord(1)).toBeNull();
  });
});
