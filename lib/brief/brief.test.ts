import type { DataSource } from '@/lib/schema/sources';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import contentFile from '@/public/demo/content.json';
import leadsFile from '@/public/demo/leads.json';
import { db } from '@/lib/store/db';
import { saveSettings } from '@/lib/store/settings';
import { DemoContentFileSchema, DemoLeadsFileSchema } from '@/lib/connectors/demo';
import type { Connector } from '@/lib/connectors/types';
import type { DetectedRecord } from '@/lib/schema/record';
import { briefForRecord } from './brief';
import { cachedFoundBrief } from './cached-brief';

const lead = DemoLeadsFileSchema.parse(leadsFile).leads[0]!;
const catalog = DemoContentFileSchema.parse(contentFile).items;

const connector = {
  id: 'fake',
  label: 'Fake source',
  findProfile: vi.fn(async () => lead),
  getProfile: vi.fn(async () => lead),
  listContent: vi.fn(async () => catalog),
} as unknown as Connector & { findProfile: ReturnType<typeof vi.fn>; listContent: ReturnType<typeof vi.fn> };

// The configured source's connector is the fake; its lookup time limit stays the settings' own.
vi.mock('@/lib/background/connectors', async () => {
  const { lookupTimeoutMs } = await import('@/lib/brief/profiles');
  return {
    connectorFor: async () => connector,
    leadConnector: async (settings: { source: DataSource }) => ({ connector, timeoutMs: lookupTimeoutMs(settings.source) }),
  };
});

/** What the side panel builds a cached brief with: the fake source's id and name, the default cache time. */
const fromSource = { id: connector.id, label: connector.label, ttlMinutes: 60 };
const cachedBriefForRecord = (asked: DetectedRecord) => cachedFoundBrief(asked, fromSource);

const record: DetectedRecord = {
  crm: 'salesforce',
  objectType: 'lead',
  recordId: lead.crmIds.salesforce ?? '00Q8d00000XyZ1aEAF',
  url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view',
  email: lead.email,
};

describe('briefs', () => {
  beforeEach(async () => {
    vi.clearAllMocks();
    await db.delete();
    await db.open();
  });

  it('does not answer a record from a lookup made with another e-mail than the page now shows', async () => {
    // The page was read while it still showed someone else (a CRM keeps the old form in the DOM while
    // the next record renders): the lookup with that e-mail found the other person.
    const other = DemoLeadsFileSchema.parse(leadsFile).leads[1]!;
    connector.findProfile.mockImplementationOnce(async () => other);
    const misread = await briefForRecord({ ...record, email: other.email });
    expect(misread).toMatchObject({ state: 'found', profile: { id: other.id } });

    // The page now shows this record's own e-mail: the cached lookup is not its answer.
    expect(await cachedBriefForRecord(record)).toBeUndefined();
    expect(await briefForRecord(record)).toMatchObject({ state: 'found', profile: { id: lead.id } });
    expect(connector.findProfile).toHaveBeenCalledTimes(2);
  });

  it("gives a lookup the admin's timeout for the source, not a fixed 8 s", async () => {
    await saveSettings({ source: { kind: 'rest', baseUrl: 'https://gateway.acme.example', timeoutSeconds: 25 } });
    const timeout = vi.spyOn(AbortSignal, 'timeout');
    await briefForRecord(record);
    expect(timeout).toHaveBeenCalledWith(25_000);
    expect(timeout).not.toHaveBeenCalledWith(8_000);
    timeout.mockRestore();
  });

  it('builds the brief from the source, with suggestions, and caches what it asked', async () => {
    const brief = await briefForRecord(record);
    expect(brief).toMatchObject({ state: 'found', profile: { email: lead.email }, refreshing: false });
    expect(brief.state === 'found' && brief.suggestions.length).toBeGreaterThan(0);
    expect(connector.findProfile).toHaveBeenCalledTimes(1);
    expect(connector.listContent).toHaveBeenCalledTimes(1);
  });

  it('answers from the cache alone, without asking the source', async () => {
    const asked = await briefForRecord(record);
    vi.clearAllMocks();
    const cached = await cachedBriefForRecord(record);
    expect(cached).toEqual({ ...asked, state: 'found' });
    expect(connector.findProfile).not.toHaveBeenCalled();
    expect(connector.listContent).not.toHaveBeenCalled();
  });

  it('says nothing, and asks nothing, when the lead is not cached', async () => {
    expect(await cachedBriefForRecord(record)).toBeUndefined();
    expect(connector.findProfile).not.toHaveBeenCalled();
  });

  it('says nothing when the lead is cached but the catalog is not', async () => {
    await briefForRecord(record);
    await db.catalogMeta.clear();
    vi.clearAllMocks();
    expect(await cachedBriefForRecord(record)).toBeUndefined();
    expect(connector.listContent).not.toHaveBeenCalled();
  });
});
