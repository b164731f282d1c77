import { beforeEach, describe, expect, it, vi } from 'vitest';
import contentFile from '@/public/demo/content.json';
import leadsFile from '@/public/demo/leads.json';
import { DemoContentFileSchema, DemoLeadsFileSchema } from '@/lib/connectors/demo';
import type { Connector } from '@/lib/connectors/types';
import type { DataSource } from '@/lib/schema/sources';
import type { DetectedRecord } from '@/lib/schema/record';
import { db } from '@/lib/store/db';
import { saveSettings } from '@/lib/store/settings';
import { setTabRecord } from '@/lib/store/tab-records';
import { PageRequestSchema } from '@/lib/messaging/messages';
import { handleContentScriptRequest } from './content-script-requests';
import { handlePageRequest } from './page-requests';

const [priya] = DemoLeadsFileSchema.parse(leadsFile).leads;
const catalog = DemoContentFileSchema.parse(contentFile).items;
let found: typeof priya | null = priya!;

const connector = {
  id: 'fake',
  label: 'Fake source',
  findProfile: vi.fn(async () => found),
  getProfile: vi.fn(async () => found),
  listContent: vi.fn(async () => catalog),
} as unknown as Connector;

// The configured source's connector is the fake; its lookup time limit stays the settings' own.
vi.mock('@/lib/background/connectors', async () => {
  const { lookupTimeoutMs } = await import('@/lib/brief/profiles');
  return {
    connectorFor: async () => connector,
    leadConnector: async (settings: { source: DataSource }) => ({ connector, timeoutMs: lookupTimeoutMs(settings.source) }),
  };
});
// Delivery is the outbox's business (tested there): here, only what gets queued.
vi.mock('@/lib/background/delivery', () => ({ deliverDue: vi.fn(async () => undefined) }));

const TAB = 7;
const record: DetectedRecord = {
  crm: 'salesforce',
  objectType: 'lead',
  recordId: '00Q8d00000XyZ1aEAF',
  url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view',
};
const LEADSIDE: DataSource = { kind: 'leadside', serverUrl: 'https://leadside.acme.example', timeoutSeconds: 8 };

const ask = (message: unknown) => handlePageRequest(PageRequestSchema.parse(message));
/** The looks recorded, once the brief's fire-and-forget recording has had its turn. */
const looksQueued = async () => {
  await new Promise((resolve) => setTimeout(resolve, 100));
  return db.leadLooks.toArray();
};

describe('the worker reports a first look', () => {
  beforeEach(async () => {
    found = priya!;
    await db.delete();
    await db.open();
    await setTabRecord(TAB, record);
  });

  it('when the panel gets a found brief from the Leadside server, once however often it is shown', async () => {
    await saveSettings({ source: LEADSIDE });
    expect(await ask({ type: 'get-brief', tabId: TAB })).toMatchObject({ state: 'found' });
    await ask({ type: 'get-brief', tabId: TAB, refresh: true });
    expect(await looksQueued()).toEqual([
      expect.objectContaining({ lead: expect.objectContaining({ key: 'salesforce:00Q8d00000XyZ1aEAF', profileId: priya!.id, email: priya!.email }) }),
    ]);
  });

  it('to a REST gateway too, but never to the demo data or a vendor, and never for a miss', async () => {
    await saveSettings({ source: { kind: 'demo' } });
    await ask({ type: 'get-brief', tabId: TAB });
    await saveSettings({ source: { kind: 'hubspot', apiBase: 'https://api.hubapi.com', mappings: { problem: 'message', preferredChannel: '', bestTime: '', timeZone: 'hs_timezone', salesforceId: 'salesforceleadid', score: 'hubspotscore' }, contentTableId: '', timeoutSeconds: 8 } });
    await ask({ type: 'get-brief', tabId: TAB, refresh: true });
    expect(await looksQueued()).toEqual([]);

    await saveSettings({ source: { kind: 'rest', baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 } });
    found = null;
    expect(await ask({ type: 'get-brief', tabId: TAB, refresh: true })).toMatchObject({ state: 'not-found' });
    expect(await looksQueued()).toEqual([]);
    found = priya!;
    await ask({ type: 'get-brief', tabId: TAB, refresh: true });
    expect(await looksQueued()).toHaveLength(1);
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ kind: 'look', queue: 'looks' })]);
  });

  it('when the rep opens the lead\'s record, panel closed (the worker looks the lead up for the glance)', async () => {
    await saveSettings({ source: LEADSIDE });
    await setTabRecord(TAB, null);
    await handleContentScriptRequest({ type: 'record-detected', record }, { tabId: TAB });
    await vi.waitFor(async () => expect(await db.leadLooks.count()).toBe(1));
    expect((await db.leadLooks.toArray())[0]?.lead.profileId).toBe(priya!.id);
  });

  it('and names the brief\'s marketing profile in the feedback the rep gives', async () => {
    await saveSettings({ source: LEADSIDE });
    await ask({ type: 'get-brief', tabId: TAB });
    const id = crypto.randomUUID();
    await ask({ type: 'submit-feedback', tabId: TAB, leadKey: 'salesforce:00Q8d00000XyZ1aEAF', id, payload: { kind: 'verdict', verdict: 'good_fit', reasons: [] } });
    expect((await db.feedback.get(id))?.lead).toEqual({
      key: 'salesforce:00Q8d00000XyZ1aEAF',
      crm: 'salesforce',
      recordId: '00Q8d00000XyZ1aEAF',
      email: priya!.email,
      name: priya!.name,
      profileId: priya!.id,
    });
  });
});
