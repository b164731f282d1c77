import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeCrm } from './close';
import { freshsales } from './freshsales';
import { pipedrive } from './pipedrive';

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const signal = () => new AbortController().signal;

afterEach(() => vi.unstubAllGlobals());

describe('pipedrive.fetchIdentity (v1 persons and deals, same origin)', () => {
  it('reads the person: name, primary e-mail, organization', async () => {
    const fetchMock = answer(200, {
      success: true,
      data: { id: 1207, name: 'Amara Okafor', email: [{ label: 'home', value: 'amara@home.example', primary: false }, { label: 'work', value: 'Amara@Auditwise.example', primary: true }], org_id: { name: 'Auditwise', value: 77 } },
    });
    await expect(pipedrive.fetchIdentity!({ crm: 'pipedrive', objectType: 'person', recordId: '1207' }, signal())).resolves.toEqual({ name: 'Amara Okafor', email: 'amara@auditwise.example', company: 'Auditwise' });
    expect(fetchMock.mock.calls[0]![0]).toBe(`${location.origin}/api/v1/persons/1207`);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ credentials: 'same-origin' });
  });

  it('never asks the persons resource for an organization’s or a lead’s id (another record’s number)', async () => {
    const fetchMock = answer(200, { data: { id: 812, name: 'Someone Else', email: [{ value: 'else@example.com', primary: true }] } });
    await expect(pipedrive.fetchIdentity!({ crm: 'pipedrive', objectType: 'organization', recordId: '812' }, signal())).resolves.toEqual({});
    await expect(pipedrive.fetchIdentity!({ crm: 'pipedrive', objectType: 'lead', recordId: '8f3c2d10-4b5a-11ef-9c2e-5b7a1d3e4f60', personFromPage: true }, signal())).resolves.toEqual({});
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('turns a deal into its person’s own record, and a deal the API says has nobody into the deal it is', async () => {
    answer(200, { data: { person_id: { value: 5521, name: 'Noor Haddad', email: [{ value: 'noor@cedar.example', primary: true }] }, org_id: { name: 'Cedar' } } });
    await expect(pipedrive.fetchIdentity!({ crm: 'pipedrive', objectType: 'deal', recordId: '311', personFromPage: true }, signal())).resolves.toEqual({
      record: { objectType: 'person', recordId: '5521' },
      name: 'Noor Haddad',
      email: 'noor@cedar.example',
      company: 'Cedar',
    });
    answer(200, { data: { person_id: null, org_id: null } });
    await expect(pipedrive.fetchIdentity!({ crm: 'pipedrive', objectType: 'deal', recordId: '312' }, signal())).resolves.toEqual({
      record: { objectType: 'deal', recordId: '312', nonPerson: 'deal' },
    });
    // No answer (signed out, an HTML page) says nothing about the deal's person.
    answer(401, { success: false });
    await expect(pipedrive.fetchIdentity!({ crm: 'pipedrive', objectType: 'deal', recordId: '312' }, signal())).resolves.toEqual({});
  });

  it('gives nothing when signed out or on an unexpected answer (an HTML page)', async () => {
    answer(401, { success: false, error: 'unauthorized access' });
    await expect(pipedrive.fetchIdentity!({ crm: 'pipedrive', objectType: 'person', recordId: '1' }, signal())).resolves.toEqual({});
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<!doctype html>', { status: 200 })));
    await expect(pipedrive.fetchIdentity!({ crm: 'pipedrive', objectType: 'person', recordId: '1' }, signal())).resolves.toEqual({});
  });

  it('gives nothing for an answer of another shape than the API reference’s, so the page’s reading stands', async () => {
    answer(200, { data: { name: 'Amara Okafor', email: 'amara@auditwise.example', org_id: 77 } });
    await expect(pipedrive.fetchIdentity!({ crm: 'pipedrive', objectType: 'person', recordId: '1207' }, signal())).resolves.toEqual({});
  });
});

describe('closeCrm.fetchIdentity (lead resource, same origin)', () => {
  const LEAD = 'lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW';
  const CONT = 'cont_o0kP3Nqyq0wxr5DLWIEm8mVr6ZpI0AhonKLDG0V5Qjh';

  it('names the one contact of a lead, under the contact’s own record id', async () => {
    const fetchMock = answer(200, { display_name: 'Wayne Enterprises', contacts: [{ id: CONT, name: 'Bruce Wayne', emails: [{ type: 'office', email: 'Bruce@Wayne.example' }] }] });
    await expect(closeCrm.fetchIdentity!({ crm: 'close', objectType: 'lead', recordId: LEAD, personFromPage: true }, signal())).resolves.toEqual({
      record: { objectType: 'lead', recordId: `${LEAD}/${CONT}` },
      name: 'Bruce Wayne',
      email: 'bruce@wayne.example',
      company: 'Wayne Enterprises',
    });
    expect(fetchMock.mock.calls[0]![0]).toBe(`${location.origin}/api/v1/lead/${LEAD}/?_fields=display_name,contacts`);
  });

  it('leaves the choice among several contacts to the page', async () => {
    answer(200, { display_name: 'Nordlys', contacts: [{ id: CONT, name: 'A', emails: [] }, { id: `${CONT}x`, name: 'B', emails: [] }] });
    await expect(closeCrm.fetchIdentity!({ crm: 'close', objectType: 'lead', recordId: LEAD }, signal())).resolves.toEqual({ company: 'Nordlys' });
  });
});

describe('freshsales.fetchIdentity (contacts resource, same origin)', () => {
  it('reads the primary address and the display name', async () => {
    const fetchMock = answer(200, { contact: { id: 5022967901, display_name: 'Ruth Adeyemi', email: 'old@accra.example', emails: [{ value: 'ruth@home.example', is_primary: false }, { value: 'ruth.adeyemi@accra.example', is_primary: true }] } });
    await expect(freshsales.fetchIdentity!({ crm: 'freshsales', objectType: 'contact', recordId: '5022967901' }, signal())).resolves.toEqual({ name: 'Ruth Adeyemi', email: 'ruth.adeyemi@accra.example' });
    expect(fetchMock.mock.calls[0]![0]).toBe(`${location.origin}/api/contacts/5022967901`);
  });

  it('reads a Classic lead from the leads resource', async () => {
    const fetchMock = answer(200, { lead: { id: 5023107745, first_name: 'Aisha', last_name: 'Bello', email: 'Aisha.Bello@harmattan.example' } });
    await expect(freshsales.fetchIdentity!({ crm: 'freshsales', objectType: 'lead', recordId: '5023107745' }, signal())).resolves.toEqual({ name: 'Aisha Bello', email: 'aisha.bello@harmattan.example' });
    expect(fetchMock.mock.calls[0]![0]).toBe(`${location.origin}/api/leads/5023107745`);
  });
});

describe('getSameOrigin: an API answer’s nulls', () => {
  it('are read as absent fields, so a field that may be null needs no nullable schema', async () => {
    const LEAD = 'lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW';
    const CONT = 'cont_o0kP3Nqyq0wxr5DLWIEm8mVr6ZpI0AhonKLDG0V5Qjh';
    answer(200, { display_name: 'Nordlys', contacts: [{ id: CONT, name: null, emails: [{ type: 'office', email: null }, { type: 'home', email: 'Ola@Nordlys.example' }] }] });
    await expect(closeCrm.fetchIdentity!({ crm: 'close', objectType: 'lead', recordId: LEAD, personFromPage: true }, signal())).resolves.toEqual({
      record: { objectType: 'lead', recordId: `${LEAD}/${CONT}` },
      email: 'ola@nordlys.example',
      company: 'Nordlys',
    });
    answer(200, { contact: { display_name: 'Ruth Adeyemi', email: null, emails: [{ value: 'ruth@accra.example', is_primary: null }] } });
    await expect(freshsales.fetchIdentity!({ crm: 'freshsales', objectType: 'contact', recordId: '5022967901' }, signal())).resolves.toEqual({ name: 'Ruth Adeyemi', email: 'ruth@accra.example' });
    answer(200, { data: { name: 'Amara Okafor', email: null, org_id: null, org_name: null } });
    await expect(pipedrive.fetchIdentity!({ crm: 'pipedrive', objectType: 'person', recordId: '1207' }, signal())).resolves.toEqual({ name: 'Amara Okafor' });
  });

  it('in a list leave a gap there, which the list’s schema refuses as it refused null', async () => {
    answer(200, { contact: { display_name: 'Ruth Adeyemi', emails: [null, { value: 'ruth@accra.example', is_primary: true }] } });
    await expect(freshsales.fetchIdentity!({ crm: 'freshsales', objectType: 'contact', recordId: '5022967901' }, signal())).resolves.toEqual({});
  });
});
