import { afterEach, describe, expect, it, vi } from 'vitest';
import { dynamics, dynamicsOnHost } from './dynamics';
import { readPageIdentity } from './read-page';

const LEAD = { crm: 'dynamics' as const, objectType: 'lead', recordId: '8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c' };
const CONTACT = { crm: 'dynamics' as const, objectType: 'contact', recordId: '0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d' };

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('dynamics.fetchIdentity (Dataverse Web API)', () => {
  it('asks for the lead’s name, e-mail and company, same-origin with the OData headers', async () => {
    const fetchMock = answer(200, {
      '@odata.context': 'https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#leads(fullname,emailaddress1,companyname)/$entity',
      '@odata.etag': 'W/"1"',
      fullname: 'Tomás Ferreira',
      emailaddress1: 'Tomas.Ferreira@MoedaClara.com.br',
      companyname: 'Moeda Clara',
      leadid: LEAD.recordId,
    });
    await expect(dynamics.fetchIdentity!(LEAD, new AbortController().signal)).resolves.toEqual({
      name: 'Tomás Ferreira',
      email: 'tomas.ferreira@moedaclara.com.br',
      company: 'Moeda Clara',
    });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`${location.origin}/api/data/v9.2/leads(${LEAD.recordId})?$select=fullname,emailaddress1,companyname`);
    expect(init).toMatchObject({
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' },
    });
  });

  it('takes a contact’s company from its parent account, and tolerates nulls', async () => {
    const fetchMock = answer(200, { fullname: 'Paul Richter', emailaddress1: null, parentcustomerid_account: { name: 'Kranich Versicherung' } });
    await expect(dynamics.fetchIdentity!(CONTACT, new AbortController().signal)).resolves.toEqual({
      name: 'Paul Richter',
      email: undefined,
      company: 'Kranich Versicherung',
    });
    expect(fetchMock.mock.calls[0]![0]).toContain(`contacts(${CONTACT.recordId})?$select=fullname,emailaddress1&$expand=parentcustomerid_account($select=name)`);
  });

  it('gives nothing for an error answer or an unexpected shape', async () => {
    answer(401, { error: { code: '0x80072560', message: 'The user is not authenticated.' } });
    await expect(dynamics.fetchIdentity!(LEAD, new AbortController().signal)).resolves.toEqual({});
    answer(200, { fullname: 42 });
    await expect(dynamics.fetchIdentity!(LEAD, new AbortController().signal)).resolves.toEqual({});
  });

  it('never builds a request from an id that is not a guid', async () => {
    const fetchMock = answer(200, {});
    await expect(dynamics.fetchIdentity!({ ...LEAD, recordId: 'x)?$select=*' }, new AbortController().signal)).resolves.toEqual({});
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('dynamics accounts and opportunities (records, not a person)', () => {
  const ACCOUNT = 'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=%7BB1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E%7D';
  const OPPORTUNITY = 'https://contoso.crm.dynamics.com/main.aspx#etc=3&pagetype=entityrecord&id=d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70';
  /** A form the person reader knows: the header's name and the e-mail control. */
  const FORM = `<h1 data-id="header_title" title="Kranich Versicherung">Kranich Versicherung - Saved</h1>
    <input data-id="emailaddress1.fieldControl-mail-text-input" value="paul.richter@kranich.example">`;

  afterEach(() => document.body.replaceChildren());

  it('names the person without the state shown beside the header’s title, which its tooltip repeats ("- Read-only")', () => {
    document.body.innerHTML = `<h1 data-id="header_title" title="Solveig Brattebø- Read-only">Solveig Brattebø</h1><span data-id="header_saveStatus">- Read-only</span>`;
    expect(dynamics.readIdentity(document, CONTACT).name).toBe('Solveig Brattebø');
  });

  it('takes the contact’s e-mail control, not the one the parent account’s quick view lays out the same way', () => {
    const control = (address: string) => `<input data-id="emailaddress1.fieldControl-mail-text-input" value="${address}">`;
    document.body.innerHTML = `<h1 data-id="header_title">Małgorzata Żak</h1><div data-id="account_quickview" role="region">${control('biuro@browar.example')}</div>${control('m.zak@browar.example')}`;
    expect(dynamics.readIdentity(document, CONTACT).email).toBe('m.zak@browar.example');
  });

  it('reads the same form as a contact’s person (so the cases below are not empty pages)', () => {
    document.body.innerHTML = FORM;
    expect(dynamics.readIdentity(document, CONTACT)).toMatchObject({ name: 'Kranich Versicherung', email: 'paul.richter@kranich.example' });
  });

  it.each([
    [ACCOUNT, { objectType: 'account', recordId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', nonPerson: 'organisation' }],
    [OPPORTUNITY, { objectType: 'opportunity', recordId: 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70', nonPerson: 'deal' }],
  ])('%s reads no person from its form and asks the Web API nothing', async (url, expected) => {
    const fetchMock = answer(200, { fullname: 'Paul Richter', emailaddress1: 'paul.richter@kranich.example' });
    document.body.innerHTML = FORM;
    const match = dynamics.matchUrl(new URL(url))!;
    expect(match).toEqual({ crm: 'dynamics', ...expected });
    expect(dynamics.readIdentity(document, match)).toEqual({ notAPerson: true });
    expect(readPageIdentity(dynamics, document, match)).toEqual({ notAPerson: true });
    await expect(dynamics.fetchIdentity!(match, new AbortController().signal)).resolves.toEqual({});
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('are the same on an organisation’s own host', async () => {
    const fetchMock = answer(200, {});
    document.body.innerHTML = FORM;
    const detector = dynamicsOnHost('crm.contoso.example');
    const match = detector.matchUrl(new URL('https://crm.contoso.example/main.aspx?etn=opportunity&pagetype=entityrecord&id=d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70'))!;
    expect(match).toEqual({ crm: 'dynamics', objectType: 'opportunity', recordId: 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70', nonPerson: 'deal' });
    expect(readPageIdentity(detector, document, match)).toEqual({ notAPerson: true });
    await expect(detector.fetchIdentity!(match, new AbortController().signal)).resolves.toEqual({});
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
