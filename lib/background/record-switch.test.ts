import { beforeEach, describe, expect, it, vi } from 'vitest';
import contentFile from '@/public/demo/content.json';
import leadsFile from '@/public/demo/leads.json';
import { DemoContentFileSchema, DemoLeadsFileSchema } from '@/lib/connectors/demo';
import { createMergedConnector } from '@/lib/connectors/merged';
import type { Connector, LookupQuery } from '@/lib/connectors/types';
import type { LeadProfile } from '@/lib/schema';
import type { DataSource } from '@/lib/schema/sources';
import type { DetectedRecord } from '@/lib/schema/record';
import { PageRequestSchema } from '@/lib/messaging/messages';
import { db } from '@/lib/store/db';
import { forgetTabsInMemory, getTabRecord } from '@/lib/store/tab-records';
import { handleContentScriptRequest, noteTabRecord } from './content-script-requests';
import { handlePageRequest } from './page-requests';

/**
 * One record switch as the worker sees it: the content script reports the record from the URL at
 * once and again when the page shows the e-mail, the worker looks the lead up for the glance, and
 * the side panel asks for the brief. However those interleave, the source is asked once, or twice
 * only when the first answer could not know (it found nobody by record id, and the e-mail came later).
 */

const [priya] = DemoLeadsFileSchema.parse(leadsFile).leads;
const catalog = DemoContentFileSchema.parse(contentFile).items;

/** A source whose answers the test releases by hand, so the e-mail can arrive while a lookup is out. */
function heldSource(id: string, answer: (query: LookupQuery) => LeadProfile | null) {
  const pending: Array<() => void> = [];
  const findProfile = vi.fn(
    (query: LookupQuery) => new Promise<LeadProfile | null>((resolve) => pending.push(() => resolve(answer(query)))),
  );
  const connector = {
    id,
    label: id,
    findProfile,
    getProfile: vi.fn(async () => null),
    listContent: vi.fn(async () => catalog),
  } as unknown as Connector;
  /** Answers every lookup asked so far, and waits until the worker has taken the answers in. */
  const answerAll = async () => {
    await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0));
    pending.splice(0).forEach((resolve) => resolve());
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { connector, findProfile, answerAll };
}

let source: Connector;
vi.mock('@/lib/background/connectors', async () => {
  const { lookupTimeoutMs } = await import('@/lib/brief/profiles');
  return {
    connectorFor: async () => source,
    leadConnector: async (settings: { source: DataSource }) => ({ connector: source, timeoutMs: lookupTimeoutMs(settings.source) }),
  };
});
vi.mock('@/lib/background/delivery', () => ({ deliverDue: vi.fn(async () => undefined) }));

const TAB = 11;
const fromUrl: DetectedRecord = {
  crm: 'salesforce',
  objectType: 'lead',
  recordId: '00Q8d00000XyZ1aEAF',
  url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view',
};
const withPerson: DetectedRecord = { ...fromUrl, name: priya!.name, email: priya!.email };

/** The content script's report as far as the worker has noted it (its answer, the glance, waits for the lookup). */
const report = (record: DetectedRecord) => noteTabRecord(TAB, record);
const panelAsks = () => handlePageRequest(PageRequestSchema.parse({ type: 'get-brief', tabId: TAB }));

beforeEach(async () => {
  await db.delete();
  await db.open();
  forgetTabsInMemory();
});

describe('a record switch asks the source once', () => {
  it('when the e-mail arrives while the lookup by record id is out and that lookup finds the lead', async () => {
    const held = heldSource('by-id', () => priya!);
    source = held.connector;
    await report(fromUrl);
    const first = panelAsks();
    await report(withPerson);
    const second = panelAsks();
    await held.answerAll();
    expect(await first).toMatchObject({ state: 'found', profile: { id: priya!.id } });
    expect(await second).toMatchObject({ state: 'found', profile: { id: priya!.id } });
    expect(held.findProfile).toHaveBeenCalledTimes(1);
    expect(held.findProfile.mock.calls[0]![0]).toEqual({ crm: 'salesforce', recordId: fromUrl.recordId, objectType: fromUrl.objectType, email: undefined, name: undefined });
  });

  it('with the record id and the e-mail together when the page shows the person at once', async () => {
    const held = heldSource('at-once', () => priya!);
    source = held.connector;
    await report(withPerson);
    const brief = panelAsks();
    await held.answerAll();
    expect(await brief).toMatchObject({ state: 'found' });
    // A later report that adds nothing the lookup lacked (the company, say) asks nothing more.
    await report({ ...withPerson, company: 'Ledgerly' });
    expect(await panelAsks()).toMatchObject({ state: 'found' });
    expect(held.findProfile).toHaveBeenCalledTimes(1);
    expect(held.findProfile.mock.calls[0]![0]).toMatchObject({ email: priya!.email });
  });

  it('and once more, with the e-mail, only when the record id found nobody', async () => {
    // A source that knows leads by e-mail alone.
    const held = heldSource('by-email', (query) => (query.email ? priya! : null));
    source = held.connector;
    await report(fromUrl);
    const first = panelAsks();
    await report(withPerson);
    const second = panelAsks();
    await held.answerAll(); // the lookup by record id: nobody
    await held.answerAll(); // the one refine, with the e-mail
    expect(await first).toMatchObject({ state: 'not-found' });
    expect(await second).toMatchObject({ state: 'found', profile: { id: priya!.id } });
    expect(held.findProfile).toHaveBeenCalledTimes(2);
    expect(held.findProfile.mock.calls.map(([query]) => query.email)).toEqual([undefined, priya!.email]);
  });

  it('and a miss cached before the e-mail was shown is refined once when it is', async () => {
    const held = heldSource('by-email', (query) => (query.email ? priya! : null));
    source = held.connector;
    await report(fromUrl);
    const first = panelAsks();
    await held.answerAll();
    expect(await first).toMatchObject({ state: 'not-found' });
    await report(withPerson);
    const second = panelAsks();
    await held.answerAll();
    expect(await second).toMatchObject({ state: 'found' });
    expect(await panelAsks()).toMatchObject({ state: 'found' });
    expect(held.findProfile).toHaveBeenCalledTimes(2);
  });

  it('each system of a merged source once, when the page shows the e-mail while they are asked', async () => {
    const main = heldSource('HubSpot', () => priya!);
    const beside = heldSource('Mautic', () => priya!);
    source = createMergedConnector({ connector: main.connector, timeoutMs: 8_000 }, [{ connector: beside.connector, timeoutMs: 8_000 }]);
    await report(fromUrl);
    const first = panelAsks();
    await report(withPerson);
    const second = panelAsks();
    await Promise.all([main.answerAll(), beside.answerAll()]);
    expect(await first).toMatchObject({ state: 'found' });
    expect(await second).toMatchObject({ state: 'found' });
    expect(main.findProfile).toHaveBeenCalledTimes(1);
    expect(beside.findProfile).toHaveBeenCalledTimes(1);
  });
});

describe('the worker answers a record report', () => {
  it('with the glance for the pill, on the report’s own channel, once the lead is looked up', async () => {
    const held = heldSource('by-id', () => priya!);
    source = held.connector;
    const answer = handleContentScriptRequest({ type: 'record-detected', record: withPerson }, { tabId: TAB });
    await held.answerAll();
    expect(await answer).toEqual({
      ok: true,
      glance: { recordKey: 'salesforce:00Q8d00000XyZ1aEAF', glance: expect.objectContaining({ name: priya!.name }) },
    });
  });

  it('with the glance again for a report that changes nothing, when the tab has none yet (a reload of the record it showed)', async () => {
    const held = heldSource('by-id', () => priya!);
    source = held.connector;
    const first = handleContentScriptRequest({ type: 'record-detected', record: withPerson }, { tabId: TAB + 40 });
    await held.answerAll();
    expect(await first).toMatchObject({ glance: { recordKey: 'salesforce:00Q8d00000XyZ1aEAF' } });
    expect(await handleContentScriptRequest({ type: 'record-detected', record: withPerson }, { tabId: TAB + 40 })).toEqual({ ok: true });
    expect(await handleContentScriptRequest({ type: 'record-detected', record: withPerson, wantsGlance: true }, { tabId: TAB + 40 })).toMatchObject({
      glance: { recordKey: 'salesforce:00Q8d00000XyZ1aEAF' },
    });
    expect(held.findProfile).toHaveBeenCalledTimes(1);
  });

  it('that marketing does not know the lead (a pill kept from an earlier visit must go), and with nothing when the report changes nothing', async () => {
    const held = heldSource('nobody', () => null);
    source = held.connector;
    const answer = handleContentScriptRequest({ type: 'record-detected', record: fromUrl }, { tabId: TAB });
    await held.answerAll();
    expect(await answer).toEqual({ ok: true, noLead: true });
    expect(await handleContentScriptRequest({ type: 'record-detected', record: fromUrl }, { tabId: TAB })).toEqual({ ok: true });
  });
});

describe('the worker answers a record opened before its page is read', () => {
  // Tabs of their own: each tab's lookups are budgeted (lookup-budget.ts), and the other tests' tab has spent some.
  const READ_IN = 31;
  const OPENED_IN = 32;
  const opened = (record: DetectedRecord) => handleContentScriptRequest({ type: 'record-opened', record }, { tabId: OPENED_IN });

  it('from the cache, with the person its page showed, when marketing ties the lead to the record and the page showed the lead’s address', async () => {
    const held = heldSource('by-id', () => priya!);
    source = held.connector;
    const read = handleContentScriptRequest({ type: 'record-detected', record: withPerson }, { tabId: READ_IN });
    await held.answerAll();
    await read;
    const answer = await opened(fromUrl);
    expect(answer).toEqual({
      ok: true,
      glance: { recordKey: 'salesforce:00Q8d00000XyZ1aEAF', glance: expect.objectContaining({ name: priya!.name }) },
      known: { name: priya!.name, email: priya!.email },
    });
    // The tab's record is the person as the page showed them, as a read would have reported it.
    expect(await getTabRecord(OPENED_IN)).toEqual({ ...fromUrl, name: priya!.name, email: priya!.email });
    expect(held.findProfile).toHaveBeenCalledTimes(1);
  });

  it('from the cache, too, for a lead found by the record id alone whose page then showed their address', async () => {
    const held = heldSource('by-id', () => priya!);
    source = held.connector;
    const byUrl = handleContentScriptRequest({ type: 'record-detected', record: fromUrl }, { tabId: READ_IN + 5 });
    await held.answerAll();
    await byUrl;
    // The page not read yet: the URL alone says nothing of who the page shows.
    expect(await opened(fromUrl)).toEqual({ ok: true });
    await handleContentScriptRequest({ type: 'record-detected', record: withPerson }, { tabId: READ_IN + 5 });
    await vi.waitFor(async () => expect(await opened(fromUrl)).toMatchObject({ known: { name: priya!.name, email: priya!.email } }));
    expect(held.findProfile).toHaveBeenCalledTimes(1);
  });

  it('from the cache, that marketing does not know the lead, when the lookup made with the address the page showed found nobody', async () => {
    const held = heldSource('nobody', () => null);
    source = held.connector;
    const read = handleContentScriptRequest({ type: 'record-detected', record: withPerson }, { tabId: READ_IN + 6 });
    await held.answerAll();
    await read;
    expect(await opened(fromUrl)).toEqual({ ok: true, noLead: true, known: { name: priya!.name, email: priya!.email } });
    expect(held.findProfile).toHaveBeenCalledTimes(1);
  });

  it('with nothing, and no lookup or change to the tab, when the worker does not know the record', async () => {
    const held = heldSource('by-id', () => priya!);
    source = held.connector;
    expect(await opened(fromUrl)).toEqual({ ok: true });
    expect(await getTabRecord(OPENED_IN)).toBeNull();
    expect(held.findProfile).not.toHaveBeenCalled();
  });

  it('with nothing when the page showed someone else, or only its URL was looked up, or marketing does not tie the lead to the record', async () => {
    const cases: Array<{ lead: LeadProfile; record: DetectedRecord }> = [
      { lead: priya!, record: { ...withPerson, email: 'someone.else@ledgerly.io' } },
      { lead: priya!, record: fromUrl },
      { lead: { ...priya!, crmIds: {} }, record: withPerson },
      // Another account's record with the same id (record ids are one account's).
      { lead: priya!, record: { ...withPerson, url: 'https://globex.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view' } },
    ];
    // A miss is "nobody" only for the address it was looked up with; looked up by the URL alone, it says nothing.
    cases.push({ lead: null as unknown as LeadProfile, record: fromUrl });
    for (const [index, { lead, record }] of cases.entries()) {
      await db.profiles.clear();
      const held = heldSource('by-id', () => lead);
      source = held.connector;
      const read = handleContentScriptRequest({ type: 'record-detected', record }, { tabId: READ_IN + 10 + index });
      await held.answerAll();
      await read;
      expect(await opened(fromUrl), JSON.stringify(record)).toEqual({ ok: true });
    }
  });
  it('with nothing on another account’s page of the same host, where the account is in the path (Zoho’s org)', async () => {
    const id = '4150868000001234567';
    const zohoRecord = (org: string): DetectedRecord => ({ crm: 'zoho', objectType: 'contact', recordId: id, url: `https://crm.zoho.com/crm/${org}/tab/Contacts/${id}` });
    const held = heldSource('by-id', () => ({ ...priya!, crmIds: { zoho: id } }));
    source = held.connector;
    const read = handleContentScriptRequest({ type: 'record-detected', record: { ...zohoRecord('org700112233'), name: priya!.name, email: priya!.email } }, { tabId: READ_IN + 20 });
    await held.answerAll();
    await read;
    expect(await opened(zohoRecord('org700112233'))).toMatchObject({ known: { email: priya!.email } });
    expect(await opened(zohoRecord('org771234567'))).toEqual({ ok: true });
  });
});

describe('a record that is not a person', () => {
  const deal: DetectedRecord = {
    crm: 'salesforce',
    objectType: 'opportunity',
    recordId: '0068d00000Ce4HnAAJ',
    url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0068d00000Ce4HnAAJ/view',
    nonPerson: 'deal',
  };

  it('is said to be one, with no lead looked up and no pill', async () => {
    const held = heldSource('by-id', () => priya!);
    source = held.connector;
    expect(await handleContentScriptRequest({ type: 'record-detected', record: deal }, { tabId: TAB })).toEqual({ ok: true, noLead: true });
    expect(await panelAsks()).toEqual({ state: 'not-a-person', record: deal });
    expect(held.findProfile).not.toHaveBeenCalled();
  });

  it('once the page says so, after the URL alone could not (a Salesforce Account that is a business’s)', async () => {
    const held = heldSource('nobody', () => null);
    source = held.connector;
    const account: DetectedRecord = { ...fromUrl, objectType: 'account', recordId: '0018d00000Pa7KcAAR', url: 'https://acme.lightning.force.com/lightning/r/Account/0018d00000Pa7KcAAR/view' };
    const first = handleContentScriptRequest({ type: 'record-detected', record: account }, { tabId: TAB });
    await held.answerAll();
    expect(await first).toEqual({ ok: true, noLead: true });
    const business = { ...account, nonPerson: 'organisation' as const };
    expect(await handleContentScriptRequest({ type: 'record-detected', record: business }, { tabId: TAB })).toEqual({ ok: true, noLead: true });
    expect(await panelAsks()).toEqual({ state: 'not-a-person', record: business });
    expect(held.findProfile).toHaveBeenCalledTimes(1);
  });
});
