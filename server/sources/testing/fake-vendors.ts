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
  /** Every request is refused with the vendor's recorded 401: to both vendors (true), or to one of them only. */
  unauthorized: boolean | 'hubspot' | 'mautic';
  /** HubSpot's content table: both pages, or only the second (as if the first page's rows were deleted). */
  hubdb: 'both' | 'second-only';
  /**
   * Every note created, as the vendor would store it: counted, never deduplicated (the vendors
   * cannot dedup either), so a test sees a repeated forward as a second note.
   */
  notes: { hubspot: FakeNote[]; mautic: FakeNote[] };
  /** Every message posted to the Slack webhook, as text. */
  slackPosts: string[];
  /** Faults to answer with, one per request at that point, in order (then normal answers again). */
  faults: Partial<Record<FaultPoint, Fault[]>>;
}

export const SLACK_WEBHOOK = 'https://hooks.slack.example/services/T0001/B0001/fakefakefake';

export interface FakeNote {
  id: string;
  text: string;
}

/** Where a fault can be injected: creating a note at either vendor, or posting to Slack. */
export type FaultPoint = 'hubspot-note' | 'mautic-note' | 'slack';

export type Fault =
  /** Refused before anything is stored. */
  | { status: 500 }
  | { status: 429; retryAfterSeconds: number }
  /** Stored, then no answer until the client gives up (the nasty case: the client cannot know). */
  | { timeout: true }
  /**
   * Stored, then no answer ever, whatever the client does: the process that sent it died. Settles
   * (with a dropped connection) only when `release` is called, to let the test end cleanly.
   */
  | { hang: true; release: Promise<void> };

type Reply = { status?: number; body: unknown };

/** Stubs global fetch with both vendors; restore with vi.unstubAllGlobals(). */
export function fakeVendors(): FakeVendors {
  const state: FakeVendors = { calls: [], unauthorized: false, hubdb: 'both', notes: { hubspot: [], mautic: [] }, slackPosts: [], faults: {} };
  vi.stubGlobal('fetch', async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const authorization = new Headers(init.headers).get('Authorization');
    state.calls.push({ method, url, authorization });
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const written = await writes(state, method, url, body, init.signal ?? undefined);
    if (written) return written;
    const reply = url.host === 'api.hubapi.com' ? hubspot(state, method, url, body) : url.origin === MAUTIC_BASE ? mautic(state, method, url) : undefined;
    if (!reply) return new Response(JSON.stringify({ message: `No fake for ${method} ${url}` }), { status: 404 });
    return new Response(JSON.stringify(reply.body), { status: reply.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  });
  return state;
}

/** Whether this vendor refuses every request now. */
const refuses = (state: FakeVendors, vendor: 'hubspot' | 'mautic') => state.unauthorized === true || state.unauthorized === vendor;

function hubspot(state: FakeVendors, method: string, url: URL, body: Record<string, unknown> | undefined): Reply | undefined {
  if (refuses(state, 'hubspot')) return { status: 401, body: hubspot401 };
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
  if (refuses(state, 'mautic')) return { status: 401, body: mautic401 };
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

/**
 * The writes the forward tests count: HubSpot's and Mautic's note creation and search (the search
 * finds notes by the text they hold, as the vendors' full-text search does), and Slack's webhook.
 * A fault is taken at the write: 500 and 429 before storing, a timeout or hang after.
 */
async function writes(state: FakeVendors, method: string, url: URL, body: Record<string, unknown> | undefined, signal: AbortSignal | undefined): Promise<Response | undefined> {
  const route = `${method} ${url.origin}${url.pathname}`;
  if (route === 'POST https://api.hubapi.com/crm/v3/objects/notes/search' && !refuses(state, 'hubspot')) {
    const filter = (body?.filterGroups as { filters: { value: string }[] }[] | undefined)?.[0]?.filters[0]?.value ?? '';
    const found = state.notes.hubspot.filter((note) => note.text.includes(filter));
    return json({ total: found.length, results: found.map((note) => ({ id: note.id, properties: { hs_note_body: note.text } })) });
  }
  if (route === `GET ${MAUTIC_BASE}/api/notes` && !refuses(state, 'mautic')) {
    const search = url.searchParams.get('search') ?? '';
    const found = state.notes.mautic.filter((note) => note.text.includes(search));
    return json({ total: found.length, notes: found.map((note) => ({ id: Number(note.id), text: note.text, type: 'general', lead: { id: 1042 } })) });
  }
  let point: FaultPoint;
  let store: () => Response;
  if (route === 'POST https://api.hubapi.com/crm/v3/objects/notes' && !refuses(state, 'hubspot')) {
    point = 'hubspot-note';
    store = () => {
      const note = { id: String(90_000_000 + state.notes.hubspot.length), text: String((body?.properties as Record<string, unknown>)?.hs_note_body) };
      state.notes.hubspot.push(note);
      return json({ id: note.id, properties: { hs_note_body: note.text }, archived: false }, 201);
    };
  } else if (route === `POST ${MAUTIC_BASE}/api/notes/new` && !refuses(state, 'mautic')) {
    point = 'mautic-note';
    store = () => {
      const note = { id: String(6000 + state.notes.mautic.length), text: String(body?.text) };
      state.notes.mautic.push(note);
      return json({ note: { id: Number(note.id), text: note.text, type: 'general', lead: { id: body?.lead } } }, 201);
    };
  } else if (route === `POST ${new URL(SLACK_WEBHOOK).origin}${new URL(SLACK_WEBHOOK).pathname}`) {
    point = 'slack';
    store = () => {
      state.slackPosts.push(String(body?.text));
      return new Response('ok', { status: 200 });
    };
  } else {
    return undefined;
  }
  const fault = state.faults[point]?.shift();
  if (!fault) return store();
  if ('status' in fault) {
    if (fault.status === 429) return json({ status: 'error', message: 'You have reached the ten second limit.', category: 'RATE_LIMITS' }, 429, { 'Retry-After': String(fault.retryAfterSeconds) });
    return json({ status: 'error', message: 'internal error', category: 'INTERNAL_ERROR', errors: [{ message: 'internal error', code: 500 }] }, 500);
  }
  store();
  if ('timeout' in fault) {
    // Answers nothing until the client aborts, as a slow vendor does; real fetch then rejects with the reason.
    await new Promise<never>((_, reject) => {
      if (signal?.aborted) reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
  if ('hang' in fault) await fault.release;
  throw new TypeError('fetch failed: the connection was dropped');
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}
