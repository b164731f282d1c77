/**
 * Lookups, tenth set (L01…L12): a lead looked up from a CRM other than Salesforce and HubSpot (Pipedrive person ids, Zoho
 * lead ids, Dynamics 365 GUIDs in braces or upper case, Close `lead_…`/`cont_…` ids, Twenty UUIDs, Freshsales and Capsule
 * ids) through the connectors' CRM-id mapping (Mautic: `mappings.crmIdField` + `mappings.crm`; HubSpot: only a Salesforce-id
 * property, so any other CRM is looked up by the page's e-mail), and lookups where the page's e-mail differs in case, has
 * surrounding spaces or is the vendor's secondary address.
 *
 * The fakes answer as the vendors do: Mautic's `search` (command terms as `LIKE '%…%'`, `+` strict, case aside under MySQL's
 * `_ci` collations; a plain word on name, e-mail and company) and `where[]` (`eq`, `in`, `like`); HubSpot's CRM search
 * (filterGroups OR-ed, filters AND-ed; `EQ`/`IN` case aside, `CONTAINS_TOKEN` on tokens, as a tokenizing index answers).
 * Written from the vendors' documents without reading the connectors. What is asserted must hold: the record's own lead is
 * found (never another person, never nobody when the vendor holds the record's id or address), no request names this CRM's
 * record id where it could match someone else, clear errors. Shapes and sources: section "lookups10/ (tenth set)" of
 * test/fixtures/api/variants/README.md.
 */
import { describe, expect, it } from 'vitest';
import type { LeadProfile } from '@/lib/schema';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import eventsEmpty from '@/test/fixtures/api/hubspot/events-empty.json';
import pipedriveNeighbours from '@/test/fixtures/api/variants/lookups10/contacts-pipedrive-4410-neighbours.json';
import guidPlain from '@/test/fixtures/api/variants/lookups10/contacts-dynamics-guid-plain.json';
import guidBraced from '@/test/fixtures/api/variants/lookups10/contacts-dynamics-guid-braced.json';
import closeLeadTwo from '@/test/fixtures/api/variants/lookups10/contacts-close-lead-two-people.json';
import closeContact from '@/test/fixtures/api/variants/lookups10/contacts-close-contact.json';
import twentyUnsynced from '@/test/fixtures/api/variants/lookups10/contacts-twenty-unsynced.json';
import freshsalesCollision from '@/test/fixtures/api/variants/lookups10/contacts-freshsales-id-collision.json';
import zohoNewAddress from '@/test/fixtures/api/variants/lookups10/contacts-zoho-lead-new-address.json';
import error403Mautic from '@/test/fixtures/api/variants/lookups10/error-403-mautic-access.json';
import error401HubSpot from '@/test/fixtures/api/variants/lookups10/error-401-hubspot.json';
import hubspotStore from '@/test/fixtures/api/variants/lookups10/hubspot-contacts.json';
import { ConnectorError, type LookupQuery } from './types';
import { describeOutcome, hub, json, mauticSearchTerms, mt, MT_ACTIVITY, rawServer, rejection, resetBetweenTests, signal, wellFormed, withMappings, type RawCall } from '@/test/support/vendor-variants';

resetBetweenTests();

// ---------------------------------------------------------------------------------------------
// A fake Mautic: GET /api/contacts as LeadApiController/CommonRepository answer it, GET /api/contacts/{id}, activity.

type Contact = { id: number; fields: { all: Record<string, unknown> } };
const contactsOf = (list: { contacts: Record<string, unknown> }) => list.contacts as unknown as Record<string, Contact>;

/** MySQL's LIKE under a `_ci` collation: "%" and "_" wildcards, case aside. */
function like(value: string, pattern: string): boolean {
  const regex = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '[\\s\\S]*').replace(/_/g, '[\\s\\S]');
  return new RegExp(`^${regex}$`, 'i').test(value);
}


function fakeMautic(contacts: Record<string, Contact>, refuse?: (url: URL) => Response | undefined) {
  const fields = new Set(['id', ...Object.values(contacts).flatMap((contact) => Object.keys(contact.fields.all))]);
  const value = (contact: Contact, alias: string) => String(alias === 'id' ? contact.id : (contact.fields.all[alias] ?? ''));
  function list(url: URL): Response {
    const where: { col?: string; expr?: string; val?: string }[] = [];
    for (const [key, val] of url.searchParams) {
      const match = /^where\[(\d+)\]\[(col|column|expr|val|value)\]$/.exec(key);
      if (!match) continue;
      const slot = (where[Number(match[1])] ??= {});
      const part = match[2] === 'column' ? 'col' : match[2] === 'value' ? 'val' : (match[2] as 'col' | 'expr' | 'val');
      slot[part] = val;
    }
    if (where.some((clause) => clause?.col && !fields.has(clause.col.replace(/^l\./, '')))) return json(500, { errors: [{ code: 500, message: 'Looks like I encountered an error (error #500). If I do it again, please report me to the system administrator!', details: [] }] });
    const { terms, or } = mauticSearchTerms(url.searchParams.get('search') ?? '');
    const found = Object.values(contacts).filter((contact) => {
      const whereOk = where.every((clause) => {
        if (!clause?.col) return true;
        const col = clause.col.replace(/^l\./, '');
        const expr = (clause.expr ?? 'eq').toLowerCase();
        const have = value(contact, col);
        if (expr === 'like') return like(have, clause.val ?? '');
        if (expr === 'in') return (clause.val ?? '').split(',').map((part) => part.trim().toLowerCase()).includes(have.toLowerCase());
        if (expr === 'neq') return have.toLowerCase() !== (clause.val ?? '').toLowerCase();
        return have.toLowerCase() === (clause.val ?? '').toLowerCase();
      });
      if (!whereOk) return false;
      const results = terms
        .map((term) => {
          const pattern = term.strict || term.string.includes('%') ? term.string : `%${term.string}%`;
          let result: boolean | undefined;
          if (term.command === 'ids') result = term.string.split(',').map((id) => id.trim()).includes(String(contact.id));
          else if (term.command && fields.has(term.command)) result = like(value(contact, term.command), pattern);
          else if (term.command) result = undefined; // a command Mautic does not know adds no condition
          else result = ['firstname', 'lastname', 'email', 'company'].some((alias) => like(value(contact, alias), pattern));
          return result === undefined ? undefined : term.not ? !result : result;
        })
        .filter((result): result is boolean => result !== undefined);
      if (results.length === 0) return true;
      return or ? results.some(Boolean) : results.every(Boolean);
    });
    const start = Number(url.searchParams.get('start') ?? 0) || 0;
    const limit = Number(url.searchParams.get('limit') ?? 30) || 30;
    const page = found.slice(start, start + limit);
    return json(200, { total: String(found.length), contacts: page.length ? Object.fromEntries(page.map((contact) => [String(contact.id), contact])) : [] });
  }
  const answer = (call: RawCall): Response => {
    const path = call.url.pathname;
    const refused = refuse?.(call.url);
    if (refused) return refused;
    if (call.method === 'GET' && path === '/api/contacts') return list(call.url);
    const one = /^\/api\/contacts\/(\d+)$/.exec(path);
    if (call.method === 'GET' && one) return contacts[one[1]!] ? json(200, { contact: contacts[one[1]!] }) : json(404, { errors: [{ code: 404, message: 'Item was not found.', details: [] }] });
    if (call.method === 'GET' && MT_ACTIVITY.test(path)) return json(200, activityEmpty);
    return json(404, { errors: [{ message: `Requested URL not found: ${path}`, code: 404, type: null }] });
  };
  return answer;
}

const serveMautic = (contacts: Record<string, Contact>, refuse?: (url: URL) => Response | undefined) => rawServer(fakeMautic(contacts, refuse));
/** Every contact list request as Mautic read it, for messages. */
const asked = (calls: RawCall[]) =>
  calls
    .filter((call) => call.url.pathname === '/api/contacts')
    .map((call) => [...call.url.searchParams].filter(([key]) => key === 'search' || key.startsWith('where')).map(([key, val]) => `${key}=${val}`).join('&'))
    .join(' | ') || '(no contact search)';
/** Whether any request's query values hold the text (case aside). */
const anyRequestNames = (calls: RawCall[], text: string) => calls.some((call) => [...call.url.searchParams.values()].some((val) => val.toLowerCase().includes(text.toLowerCase())) || call.url.pathname.includes(text));

async function lookup(promise: Promise<LeadProfile | null>, calls: RawCall[]): Promise<LeadProfile | null> {
  const outcome = await rejection(promise);
  expect(outcome, `${describeOutcome(outcome)}; asked: ${asked(calls)}`).not.toBeInstanceOf(Error);
  return (outcome as { resolved: LeadProfile | null }).resolved;
}

// ---------------------------------------------------------------------------------------------
// A fake HubSpot: POST /crm/v3/objects/contacts/search evaluated on a store, GET a contact by id, no events.

type HsContact = { id: string; properties: Record<string, string | null> };
const HS_CONTACTS = hubspotStore.contacts as HsContact[];
const tokens = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function hsMatches(contact: HsContact, filter: { propertyName: string; operator: string; value?: unknown; values?: unknown[] }): boolean {
  const raw = contact.properties[filter.propertyName];
  const have = raw === null || raw === undefined ? '' : String(raw);
  const wanted = filter.value === undefined ? '' : String(filter.value);
  switch (filter.operator) {
    case 'EQ':
      return have !== '' && have.toLowerCase() === wanted.toLowerCase();
    case 'IN':
      return (filter.values ?? []).some((val) => have !== '' && String(val).toLowerCase() === have.toLowerCase());
    case 'CONTAINS_TOKEN': {
      // A tokenizing index: every token of the value among the property's tokens (so "olivia@fabrikam.example" also
      // answers "olivia@fabrikam.example.cn"); "*" a wildcard.
      if (wanted.includes('*')) return like(have, wanted.replace(/\*/g, '%'));
      const own = new Set(tokens(have));
      const want = tokens(wanted);
      return want.length > 0 && want.every((token) => own.has(token));
    }
    case 'HAS_PROPERTY':
      return have !== '';
    default:
      return false;
  }
}

function fakeHubSpot(options: { refuse?: Response } = {}) {
  return (call: RawCall): Response => {
    if (options.refuse) return options.refuse.clone();
    const path = call.url.pathname;
    if (call.method === 'POST' && path === '/crm/v3/objects/contacts/search') {
      const body = call.json ?? {};
      const groups: { filters: any[] }[] = body.filterGroups ?? [];
      const text = typeof body.query === 'string' ? tokens(body.query) : [];
      const results = HS_CONTACTS.filter((contact) => {
        const byGroups = groups.length === 0 || groups.some((group) => (group.filters ?? []).every((filter) => hsMatches(contact, filter)));
        const byQuery =
          text.length === 0 || text.every((token) => ['email', 'hs_additional_emails', 'firstname', 'lastname', 'company', 'phone'].some((prop) => tokens(contact.properties[prop] ?? '').includes(token)));
        return byGroups && byQuery && (groups.length > 0 || text.length > 0);
      });
      const properties: string[] | undefined = body.properties;
      const shown = results.map((contact) => ({
        ...contact,
        properties: properties?.length ? Object.fromEntries(['hs_object_id', 'createdate', 'lastmodifieddate', ...properties].map((prop) => [prop, contact.properties[prop] ?? null])) : contact.properties,
      }));
      return json(200, { total: shown.length, results: shown });
    }
    const one = /^\/crm\/v3\/objects\/contacts\/([^/]+)$/.exec(path);
    if (call.method === 'GET' && one) {
      const contact = HS_CONTACTS.find((candidate) => candidate.id === one[1]);
      return contact
        ? json(200, contact)
        : json(404, { status: 'error', message: 'Object not found.  objectId are usually numeric.', correlationId: '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', category: 'OBJECT_NOT_FOUND' });
    }
    if (call.method === 'GET' && path === '/events/v3/events') return json(200, eventsEmpty);
    return json(404, { status: 'error', message: 'not found', category: 'OBJECT_NOT_FOUND' });
  };
}
const hubspotSearches = (calls: RawCall[]) =>
  calls.filter((call) => call.url.pathname === '/crm/v3/objects/contacts/search').map((call) => call.body).join(' | ') || '(no search)';

// ---------------------------------------------------------------------------------------------

describe('Lookups, tenth set: records from Pipedrive, Zoho, Dynamics 365, Close, Twenty, Freshsales and Capsule', () => {
  // --- HubSpot: no mapping for these CRMs, so the page's e-mail finds the lead --------------------------------------

  it('L01: HubSpot, a Pipedrive person 51001 whose page shows "  Dana.Ortiz@Acme.Example " (spaces, capitals): Dana Ortiz (64011), and HubSpot contact 51001 (another person) is never read as the lead', async () => {
    const calls = rawServer(fakeHubSpot());
    const query: LookupQuery = { crm: 'pipedrive', recordId: '51001', email: '  Dana.Ortiz@Acme.Example ' };
    const profile = await lookup(hub().findProfile(query, signal), calls);
    expect(profile, `nobody found; HubSpot was asked: ${hubspotSearches(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id, 'Priya Raman is HubSpot contact 51001, not Pipedrive person 51001').not.toBe('51001');
    expect.soft(lead.id).toBe('64011');
    expect.soft(lead.name).toBe('Dana Ortiz');
    expect.soft(lead.email).toBe('dana.ortiz@acme.example');
    const byPipedriveId = calls.filter((call) => call.url.pathname === '/crm/v3/objects/contacts/51001');
    expect.soft(byPipedriveId.map((call) => `${call.method} ${call.url.pathname}`), 'a Pipedrive id used as a HubSpot contact id').toEqual([]);
  });

  it('L02: HubSpot, a Zoho contact 4876876000000624001 whose page shows "MERCY@Okafor-Consulting.example", HubSpot holding it as the second of two secondary addresses (hs_additional_emails): Mercy Okafor (64021), her primary address shown', async () => {
    const calls = rawServer(fakeHubSpot());
    const profile = await lookup(hub().findProfile({ crm: 'zoho', recordId: '4876876000000624001', email: 'MERCY@Okafor-Consulting.example' }, signal), calls);
    expect(profile, `nobody found; HubSpot was asked: ${hubspotSearches(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('64021');
    expect.soft(lead.name).toBe('Mercy Okafor');
    expect.soft(lead.email).toBe('mercy.okafor@tailspin.example');
    expect.soft(anyRequestNames(calls, '4876876000000624001'), 'a Zoho id sent to HubSpot').toBe(false);
  });

  it('L03: HubSpot, a Twenty person (UUID) whose page shows "Olivia@Fabrikam.example", the search answering first a contact whose secondary address is olivia@fabrikam.example.cn (every token matches): Olivia Brown (64031), never Wei Chen', async () => {
    const calls = rawServer(fakeHubSpot());
    const profile = await lookup(hub().findProfile({ crm: 'twenty', recordId: '0f8a3c1e-7b2d-4e5f-9a6b-1c2d3e4f5a6b', email: 'Olivia@Fabrikam.example' }, signal), calls);
    expect.soft(profile?.id, 'Wei Chen’s address is another one').not.toBe('64032');
    expect(profile, `nobody found; HubSpot was asked: ${hubspotSearches(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('64031');
    expect.soft(lead.name).toBe('Olivia Brown');
  });

  // --- Mautic: the record's id in the mapped CRM-id field ---------------------------------------------------------

  it('L04: Mautic, `pipedrive_person_id` mapped for Pipedrive, person 4410 (page shows no e-mail), beside contacts holding 14410 and 44101 (both answer a LIKE %4410%, and come first): Ingrid Solberg (13041)', async () => {
    const calls = serveMautic(contactsOf(pipedriveNeighbours));
    const source = withMappings({ crmIdField: 'pipedrive_person_id', crm: 'pipedrive' });
    const profile = await lookup(mt(source).findProfile({ crm: 'pipedrive', recordId: '4410' }, signal), calls);
    expect.soft(['13042', '13043'], `another Pipedrive person taken for 4410; Mautic was asked: ${asked(calls)}`).not.toContain(profile?.id);
    expect(profile, `nobody found; Mautic was asked: ${asked(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('13041');
    expect.soft(lead.name).toBe('Ingrid Solberg');
    expect.soft(lead.company).toBe('Fjordline Logistics AS');
  });

  it('L05: Mautic, `dynamics_contact_id` mapped for Dynamics 365, the page’s id "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}" (braces, upper case) and Mautic holding 3f2504e0-…-0305e82c3301: Thandiwe Mokoena (13051), never the neighbouring GUID …3302', async () => {
    const calls = serveMautic(contactsOf(guidPlain));
    const source = withMappings({ crmIdField: 'dynamics_contact_id', crm: 'dynamics' });
    const profile = await lookup(mt(source).findProfile({ crm: 'dynamics', recordId: '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}' }, signal), calls);
    expect.soft(profile?.id, 'another Dynamics contact').not.toBe('13052');
    expect(profile, `the same GUID without braces and in lower case is the same record; Mautic was asked: ${asked(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('13051');
    expect.soft(lead.name).toBe('Thandiwe Mokoena');
  });

  it('L06: Mautic, `dynamics_contact_id` holding "{8D1B6C2A-0F4E-4B7C-9E21-5A6B7C8D9E0F}" (braces, upper case, as an older sync wrote it) and the page’s id 8d1b6c2a-0f4e-4b7c-9e21-5a6b7c8d9e0f: Mateus Ferreira (13061), never …9E10', async () => {
    const calls = serveMautic(contactsOf(guidBraced));
    const source = withMappings({ crmIdField: 'dynamics_contact_id', crm: 'dynamics' });
    const profile = await lookup(mt(source).findProfile({ crm: 'dynamics', recordId: '8d1b6c2a-0f4e-4b7c-9e21-5a6b7c8d9e0f' }, signal), calls);
    expect.soft(profile?.id, 'another Dynamics contact').not.toBe('13062');
    expect(profile, `the same GUID in braces and upper case is the same record; Mautic was asked: ${asked(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('13061');
    expect.soft(lead.name).toBe('Mateus Ferreira');
  });

  it('L07: Mautic, `close_lead_id` mapped for Close (a Close lead is a company: two of its contacts hold the same `lead_…`), the page showing "Hyun-woo.Park@Wingtip-Air.example": Hyun-woo Park (13071), never his colleague Ji-ho Lee', async () => {
    const calls = serveMautic(contactsOf(closeLeadTwo));
    const source = withMappings({ crmIdField: 'close_lead_id', crm: 'close' });
    const query: LookupQuery = { crm: 'close', recordId: 'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O', email: 'Hyun-woo.Park@Wingtip-Air.example' };
    const profile = await lookup(mt(source).findProfile(query, signal), calls);
    expect.soft(profile?.id, `Ji-ho Lee shown for Hyun-woo Park’s page; Mautic was asked: ${asked(calls)}`).not.toBe('13072');
    expect(profile, `nobody found; Mautic was asked: ${asked(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('13071');
    expect.soft(lead.name).toBe('Hyun-woo Park');
  });

  it('L08: Mautic, `close_contact_id` mapped for Close, the contact `cont_8xQ2…CnB` whose Mautic contact has no e-mail, from a page showing none: Sipho Dlamini (13081), no address invented', async () => {
    const calls = serveMautic(contactsOf(closeContact));
    const source = withMappings({ crmIdField: 'close_contact_id', crm: 'close' });
    const profile = await lookup(mt(source).findProfile({ crm: 'close', recordId: 'cont_8xQ2mLkT0bWcV9rNpY4sZ1aE6dH3fJ7gK5uR2oXiCnB' }, signal), calls);
    expect(profile, `nobody found; Mautic was asked: ${asked(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('13081');
    expect.soft(lead.name).toBe('Sipho Dlamini');
    expect.soft(lead.email).toBeUndefined();
  });

  it('L09: Mautic, `twenty_person_id` mapped for Twenty but not synced yet (null), the page showing "  aiko.tanaka@CONTOSO.JP " and Mautic holding "Aiko.Tanaka@Contoso.jp" (as typed), beside aiko.tanaka@contoso.jp.example: Aiko Tanaka (13091)', async () => {
    const calls = serveMautic(contactsOf(twentyUnsynced));
    const source = withMappings({ crmIdField: 'twenty_person_id', crm: 'twenty' });
    const query: LookupQuery = { crm: 'twenty', recordId: '0f8a3c1e-7b2d-4e5f-9a6b-1c2d3e4f5a6b', email: '  aiko.tanaka@CONTOSO.JP ' };
    const profile = await lookup(mt(source).findProfile(query, signal), calls);
    expect.soft(profile?.id, 'aiko.tanaka@contoso.jp.example is another address').not.toBe('13092');
    expect(profile, `nobody found; Mautic was asked: ${asked(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('13091');
    expect.soft(lead.name).toBe('Aiko Tanaka');
    expect.soft(lead.company).toBe('Contoso Japan KK');
  });

  it('L10: Mautic, `freshsales_contact_id` mapped for Freshsales, looked up from a Capsule party 239847102 (showing "Olu.Adeyemi@Litware.example") while a contact’s Freshsales id is also 239847102: Oluwaseun Adeyemi (13101), the Capsule id never asked in the Freshsales field', async () => {
    const calls = serveMautic(contactsOf(freshsalesCollision));
    const source = withMappings({ crmIdField: 'freshsales_contact_id', crm: 'freshsales' });
    const profile = await lookup(mt(source).findProfile({ crm: 'capsule', recordId: '239847102', email: 'Olu.Adeyemi@Litware.example' }, signal), calls);
    expect.soft(profile?.id, `Greta Lindahl’s Freshsales id is not a Capsule party id; Mautic was asked: ${asked(calls)}`).not.toBe('13102');
    expect.soft(anyRequestNames(calls, '239847102'), `a Capsule id asked in the Freshsales field; Mautic was asked: ${asked(calls)}`).toBe(false);
    expect(profile, `nobody found; Mautic was asked: ${asked(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('13101');
    expect.soft(lead.name).toBe('Oluwaseun Adeyemi');
  });

  it('L11: Mautic, `zoho_lead_id` mapped for Zoho, the lead 4876876000000624001 whose page shows a new address Mautic does not know (priyanka.n@new-employer.example): the contact holding the id, Priyanka Nair (13111), never …624011', async () => {
    const calls = serveMautic(contactsOf(zohoNewAddress));
    const source = withMappings({ crmIdField: 'zoho_lead_id', crm: 'zoho' });
    const profile = await lookup(mt(source).findProfile({ crm: 'zoho', recordId: '4876876000000624001', email: 'priyanka.n@new-employer.example' }, signal), calls);
    expect.soft(profile?.id, 'another Zoho lead').not.toBe('13112');
    expect(profile, `Mautic holds the record’s id; Mautic was asked: ${asked(calls)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('13111');
    expect.soft(lead.name).toBe('Priyanka Nair');
  });

  // --- Errors -----------------------------------------------------------------------------------------------------

  it('L12a: Mautic answers the lookup of Freshsales contact 16000418822 with 403 "You do not have access to the requested area/action.": a clear permission error, not "not in Mautic", and nobody else shown', async () => {
    const calls = serveMautic(contactsOf(freshsalesCollision), (url) => (url.pathname === '/api/contacts' ? json(403, error403Mautic) : undefined));
    const source = withMappings({ crmIdField: 'freshsales_contact_id', crm: 'freshsales' });
    const outcome = await rejection(mt(source).findProfile({ crm: 'freshsales', recordId: '16000418822', email: 'olu.adeyemi@litware.example' }, signal));
    expect(outcome, `${describeOutcome(outcome)}; asked: ${asked(calls)}`).toBeInstanceOf(ConnectorError);
    const error = outcome as ConnectorError;
    expect.soft(['auth', 'rejected']).toContain(error.kind);
    expect.soft(error.message).toContain('You do not have access to the requested area/action.');
    expect.soft(error.message).not.toMatch(/\b(null|undefined|NaN)\b|<[a-z!/]/i);
  });

  it('L12b: HubSpot answers a lookup from a Dynamics 365 record with 401 INVALID_AUTHENTICATION: an auth error, not "not in HubSpot", without the token in the message', async () => {
    const calls = rawServer(fakeHubSpot({ refuse: json(401, error401HubSpot) }));
    const outcome = await rejection(hub().findProfile({ crm: 'dynamics', recordId: '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}', email: 'thandiwe.mokoena@woodgrove.example' }, signal));
    expect(outcome, `${describeOutcome(outcome)}; requests: ${calls.length}`).toBeInstanceOf(ConnectorError);
    const error = outcome as ConnectorError;
    expect.soft(error.kind).toBe('auth');
    expect.soft(error.message).not.toContain('pat-na1-');
    expect.soft(error.message).not.toMatch(/\b(null|undefined|NaN)\b/);
    expect.soft(calls.some((call) => /\/crm\/v3\/objects\/contacts\/[^/]*3F2504E0/i.test(call.url.pathname)), 'a Dynamics GUID used as a HubSpot contact id').toBe(false);
  });
});
