/**
 * Test double for HubSpot and Mautic: global fetch answered with the recorded vendor payloads the
 * connectors' own tests use (test/fixtures/api), every request recorded so a test can count vendor
 * calls. Only for tests.
 */
import { vi } from 'vitest';
import contact51001 from '@/test/fixtures/api/hubspot/contact-51001.json';
import contactsList from '@/test/fixtures/api/hubspot/contacts-list.json';
import searchEmpty from '@/test/fixtures/api/hubspot/contacts-search-empty.json';
import searchPriya from '@/test/fixtures/api/hubspot/contacts-search-priya.json';
import searchText from '@/test/fixtures/api/hubspot/contacts-search-text.json';
import hubspot401 from '@/test/fixtures/api/hubspot/error-401.json';
import eventsPage1 from '@/test/fixtures/api/hubspot/events-51001-page1.json';
import eventsPage2 from '@/test/fixtures/api/hubspot/events-51001-page2.json';
import rowsPage1 from '@/test/fixtures/api/hubspot/hubdb-rows-page1.json';
import rowsPage2 from '@/test/fixtures/api/hubspot/hubdb-rows-page2.json';
import notesList from '@/test/fixtures/api/hubspot/notes-list.json';
import activityPage1 from '@/test/fixtures/api/mautic/activity-1042-page1.json';
import activityPage2 from '@/test/fixtures/api/mautic/activity-1042-page2.json';
import assetsPage1 from '@/test/fixtures/api/mautic/assets-page1.json';
import assetsPage2 from '@/test/fixtures/api/mautic/assets-page2.json';
import contactsByEmail from '@/test/fixtures/api/mautic/contacts-by-email-priya.json';
import contactsEmpty from '@/test/fixtures/api/mautic/contacts-empty.json';
import mautic401 from '@/test/fixtures/api/mautic/error-401.json';
import permissionCheck from '@/test/fixtures/api/mautic/users-permissioncheck.json';
import usersSelf from '@/test/fixtures/api/mautic/users-self.json';

export const HUBSPOT_TOKEN = 'pat-na1-5f0e1d2c-3b4a-4958-8877-665544332211';
export const HUBSPOT_TABLE = '5729341';
export const MAUTIC_BASE = 'https://mautic.keyline.example';
export const MAUTIC_PASSWORD = 'Sécret-Pässword-42';

export interface VendorCall {
  method: string;
  url: URL;
  authorization: string | null;
}

export interface FakeVendors {
  calls: VendorCall[];
  /** Every request is refused with the vendor's recorded 401. */
  unauthorized: boolean;
  /** HubSpot's content table: both pages, or only the second (as if the first page's rows were deleted). */
  hubdb: 'both' | 'second-only';
}

type Reply = { status?: number; body: unknown };

/** Stubs global fetch with both vendors; restore with vi.unstubAllGlobals(). */
export function fakeVendors(): FakeVendors {
  const state: FakeVendors = { calls: [], unauthorized: false, hubdb: 'both' };
  vi.stubGlobal('fetch', async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const authorization = new Headers(init.headers).get('Authorization');
    state.calls.push({ method, url, authorization });
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const reply = url.host === 'api.hubapi.com' ? hubspot(state, method, url, body) : url.origin === MAUTIC_BASE ? mautic(state, method, url) : undefined;
    if (!reply) return new Response(JSON.stringify({ message: `No fake for ${method} ${url}` }), { status: 404 });
    return new Response(JSON.stringify(reply.body), { status: reply.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  });
  return state;
}

function hubspot(state: FakeVendors, method: string, url: URL, body: Record<string, unknown> | undefined): Reply | undefined {
  if (state.unauthorized) return { status: 401, body: hubspot401 };
  switch (`${method} ${url.pathname}`) {
    case 'GET /crm/v3/objects/contacts/51001':
      return { body: contact51001 };
    case 'GET /crm/v3/objects/contacts':
      return { body: contactsList };
    case 'POST /crm/v3/objects/contacts/search': {
      if (typeof body?.query === 'string') return { body: body.query.toLowerCase().includes('priya') ? searchText : searchEmpty };
      return { body: JSON.stringify(body).includes('priya.raman@ledgerly.io') ? searchPriya : searchEmpty };
    }
    case 'GET /events/v3/events':
      return { body: url.searchParams.has('after') ? eventsPage2 : eventsPage1 };
    case `GET /cms/v3/hubdb/tables/${HUBSPOT_TABLE}/rows`:
      if (state.hubdb === 'second-only') return { body: { ...rowsPage2 } };
      return { body: url.searchParams.has('after') ? rowsPage2 : rowsPage1 };
    case 'GET /crm/v3/objects/notes':
      return { body: notesList };
    default:
      return undefined;
  }
}

function mautic(state: FakeVendors, method: string, url: URL): Reply | undefined {
  if (state.unauthorized) return { status: 401, body: mautic401 };
  switch (`${method} ${url.pathname}`) {
    case 'GET /api/contacts':
      return { body: url.searchParams.get('where[0][val]') === 'priya.raman@ledgerly.io' ? contactsByEmail : contactsEmpty };
    case 'GET /api/contacts/1042/activity':
      return { body: url.searchParams.get('page') === '2' ? activityPage2 : activityPage1 };
    case 'GET /api/assets':
      return { body: url.searchParams.get('start') === '0' ? assetsPage1 : assetsPage2 };
    case 'GET /api/users/self':
      return { body: usersSelf };
    case 'POST /api/users/7/permissioncheck':
      return { body: permissionCheck };
    default:
      return undefined;
  }
}
