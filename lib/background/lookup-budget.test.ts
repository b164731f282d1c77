import type { DataSource } from '@/lib/schema/sources';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import leadsFile from '@/public/demo/leads.json';
import { DemoLeadsFileSchema } from '@/lib/connectors/demo';
import type { Connector } from '@/lib/connectors/types';
import type { DetectedRecord } from '@/lib/schema/record';
import { db } from '@/lib/store/db';
import { forgetBrowserSessionInMemory } from '@/lib/store/tab-records';
import { MAX_CACHED_PROFILES, trimProfileCache } from '@/lib/brief/profiles';
import { handleContentScriptRequest } from './content-script-requests';
import { forgetTabLookups, TAB_LOOKUPS_PER_MINUTE, takeTabLookup } from './lookup-budget';

const [priya] = DemoLeadsFileSchema.parse(leadsFile).leads;
const findProfile = vi.fn(async () => priya!);
const connector = { id: 'fake', label: 'Fake source', findProfile, getProfile: findProfile, listContent: async () => [] } as unknown as Connector;
// The configured source's connector is the fake; its lookup time limit stays the settings' own.
vi.mock('@/lib/background/connectors', async () => {
  const { lookupTimeoutMs } = await import('@/lib/brief/profiles');
  return {
    connectorFor: async () => connector,
    leadConnector: async (settings: { source: DataSource }) => ({ connector, timeoutMs: lookupTimeoutMs(settings.source) }),
  };
});

const record = (index: number): DetectedRecord => {
  const recordId = `00Q${String(index).padStart(12, '0')}`;
  return { crm: 'salesforce', objectType: 'lead', recordId, url: `https://acme.lightning.force.com/lightning/r/Lead/${recordId}/view` };
};

describe('lookups a CRM page can cause', () => {
  beforeEach(async () => {
    forgetBrowserSessionInMemory();
    forgetTabLookups(5);
    findProfile.mockClear();
    await db.delete();
    await db.open();
  });

  it('are budgeted per tab and minute', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    for (let spent = 0; spent < TAB_LOOKUPS_PER_MINUTE; spent += 1) expect(takeTabLookup(9, now)).toBe(true);
    expect(takeTabLookup(9, now + 1000)).toBe(false);
    expect(takeTabLookup(10, now + 1000)).toBe(true);
    expect(takeTabLookup(9, now + 60_001)).toBe(true);
  });

  it('a page reporting record after record gets a dozen looked up, not every one', async () => {
    for (let index = 0; index < 40; index += 1) {
      await handleContentScriptRequest({ type: 'record-detected', record: record(index) }, { tabId: 5 });
    }
    await vi.waitFor(() => expect(findProfile).toHaveBeenCalledTimes(TAB_LOOKUPS_PER_MINUTE));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(findProfile).toHaveBeenCalledTimes(TAB_LOOKUPS_PER_MINUTE);
  });

  it('keeps at most MAX_CACHED_PROFILES profiles, dropping the least recently fetched', async () => {
    const at = (index: number) => new Date(Date.parse('2026-12-01T00:00:00Z') + index * 1000).toISOString();
    await db.profiles.bulkPut(
      Array.from({ length: MAX_CACHED_PROFILES + 5 }, (_, index) => ({ key: `salesforce:${index}`, chosenByRep: false, profile: priya!, fetchedAt: at(index) })),
    );
    await trimProfileCache();
    expect(await db.profiles.count()).toBe(MAX_CACHED_PROFILES);
    expect(await db.profiles.get('salesforce:4')).toBeUndefined();
    expect(await db.profiles.get('salesforce:5')).toBeDefined();
  });
});
