import { afterEach, describe, expect, it, vi } from 'vitest';
import { dynamics } from './dynamics';

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
