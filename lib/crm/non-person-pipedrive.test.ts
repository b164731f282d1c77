/** Pipedrive's records that are not a person: an organization by its URL, a deal by the deals API's word that it has no person (pipedrive.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pipedrive } from './pipedrive';
import { readPageIdentity, readRecordPage } from './read-page';
import type { CrmDetector } from './types';
import { watchRecords, type WatchedRecord } from './watch';

const match = (url: string) => pipedrive.matchUrl(new URL(url))!;
const signal = () => new AbortController().signal;

afterEach(() => vi.unstubAllGlobals());

describe('Pipedrive organization', () => {
  const organization = match('https://acme.pipedrive.com/organization/42');

  it('reads no person from a page that shows a name and an address', () => {
    document.body.innerHTML = `<div class="viewContainer"><div class="detailView organizationDetails">
      <div class="infoBlock"><h1>Nordvik Logistics</h1></div>
      <div class="fieldsList"><a href="mailto:info@nordvik.example">info@nordvik.example</a></div>
      <ul class="people"><li><a href="/person/1207">Sofia Lindqvist</a> <a href="mailto:sofia@nordvik.example">sofia@nordvik.example</a></li></ul></div></div>`;
    expect(organization.nonPerson).toBe('organisation');
    expect(pipedrive.readIdentity(document, organization)).toEqual({ notAPerson: true });
    expect(readRecordPage(pipedrive, document, organization)).toEqual({ crm: 'pipedrive', type: 'organization', id: '42', email: undefined, name: undefined });
  });

  it('asks the API nothing (the persons resource would answer a person with that number)', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ data: { name: 'Someone Else', email: [{ value: 'else@example.com', primary: true }] } })));
    vi.stubGlobal('fetch', fetchMock);
    await expect(pipedrive.fetchIdentity!(organization, signal())).resolves.toEqual({});
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('Pipedrive deal', () => {
  const deal = match('https://acme.pipedrive.com/deal/313');
  const dealPage = (person: string) =>
    `<div class="viewContainer"><div class="detailView dealDetails"><h1>Fleet renewal deal</h1>${person}
      <a href="/organization/42">Nordvik Logistics</a> <a href="mailto:deals@nordvik.example">deals@nordvik.example</a>
      <section class="deal-participants"><a href="/person/1209">Diego Ramírez</a> <a href="mailto:diego@nordvik.example">diego@nordvik.example</a></section></div></div>`;

  it('that links no person reads none, its participants and address aside, and stays the deal reported by its URL', () => {
    document.body.innerHTML = dealPage('');
    expect(deal.nonPerson).toBeUndefined();
    expect(pipedrive.readIdentity(document, deal)).toEqual({ notAPerson: true });
    expect(readRecordPage(pipedrive, document, deal)).toEqual({ crm: 'pipedrive', type: 'deal', id: '313', email: undefined, name: undefined });
  });

  it('is its person’s record once it links one', () => {
    document.body.innerHTML = dealPage('<a href="/person/1213">Robin Vale</a>');
    const identity = pipedrive.readIdentity(document, deal);
    expect(identity).toMatchObject({ record: { objectType: 'person', recordId: '1213' }, name: 'Robin Vale' });
    expect(identity.record).not.toHaveProperty('nonPerson');
    expect(identity.notAPerson).toBeUndefined();
  });

  it('is a deal’s record once the deals API says it has no person, and its person’s once the page links one', async () => {
    document.body.innerHTML = dealPage('');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ data: { person_id: null, org_id: { name: 'Nordvik Logistics', value: 42 } } }), { status: 200 })));
    // The tab's URL cannot be Pipedrive's here: the detector sees the deal's URL whatever the tab's.
    const detector: CrmDetector = { ...pipedrive, matchUrl: () => deal };
    const reported: WatchedRecord[] = [];
    const controller = new AbortController();
    watchRecords(window, [detector], { signal: controller.signal, onRecord: (record) => reported.push(record), onNoRecord() {} });
    await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ objectType: 'deal', recordId: '313', nonPerson: 'deal' }));
    expect(reported.at(-1)!.email).toBeUndefined();

    // The rep links a person to the deal: the page's link outranks the API's earlier word.
    document.querySelector('.dealDetails')!.insertAdjacentHTML('afterbegin', '<a href="/person/1213">Robin Vale</a>');
    await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ objectType: 'person', recordId: '1213', name: 'Robin Vale' }));
    expect(reported.at(-1)!.nonPerson).toBeUndefined();
    controller.abort();
  });

  it('is the open lead’s person in the Leads Inbox, not another lead’s in the list or in a hover card over it', () => {
    const lead = match('https://acme.pipedrive.com/leads/inbox/550e8400-e29b-41d4-a716-446655440000');
    const list = `<table><tr><td><a href="/person/31802">Eirik Sandvold</a></td></tr><tr aria-current="true"><td><a href="/person/31846">Ragnhild Brattli</a></td></tr></table>
      <div role="tooltip" class="hovercard"><a href="/person/31802">Eirik Sandvold</a> <a href="mailto:eirik@sandvold.example">eirik@sandvold.example</a></div>`;
    document.body.innerHTML = list;
    expect(pipedrive.readIdentity(document, lead)).toMatchObject({ record: { objectType: 'person', recordId: '31846' }, name: 'Ragnhild Brattli', email: undefined });
    document.body.insertAdjacentHTML('beforeend', '<section class="lead-detail"><div><a href="/person/31846">Ragnhild Brattli</a><br><a href="mailto:ragnhild@brattli.example">ragnhild@brattli.example</a></div></section>');
    expect(pipedrive.readIdentity(document, lead)).toMatchObject({ record: { objectType: 'person', recordId: '31846' }, email: 'ragnhild@brattli.example' });
  });

  it('leaves a lead that links no person as it was: not a person, and no record of its own', () => {
    document.body.innerHTML = '<div class="lead-view"><h1>Inbound: fleet tracking</h1><a href="mailto:hello@nordvik.example">hello@nordvik.example</a></div>';
    const lead = match('https://acme.pipedrive.com/leads/inbox/550e8400-e29b-41d4-a716-446655440000');
    expect(readPageIdentity(pipedrive, document, lead)).toEqual({ record: undefined, notAPerson: true });
  });
});
