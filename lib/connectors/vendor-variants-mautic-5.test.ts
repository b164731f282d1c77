/**
 * Mautic variants, fifth set (M57…M71): answers and answer sequences Mautic 4, 5 and 6 really give that
 * the first four sets (vendor-variants.test.ts M01–M12, vendor-variants-mautic-2.test.ts M13–M26,
 * vendor-variants-mautic-3.test.ts M27–M41, vendor-variants-mautic-4.test.ts M42–M56) do not have. They
 * read; this set mostly writes and lists content. Writing the rep's feedback back as a note on the contact
 * (what README.md's source table and docs/architecture.md promise for Mautic): the note API's 201 answer
 * with the whole contact serialized in it, a role that may edit only its own contacts (a 403 for one note
 * of a batch), a role that may read but not create notes (every note refused, and the connection test's
 * permission check answering false), a contact merged into another or deleted between the lookup and the
 * write, a rep's corrected match (the profile the brief showed is not the one the CRM's address finds), a
 * resend after Mautic stored the note but the answer was lost (Mautic's own notes search, a LIKE on the
 * text), the OAuth2 token expiring in the middle of a batch and Mautic's rate limiter refusing the second
 * note of a batch. Content for suggestions (Mautic assets, which is what the connector lists): publish
 * states the API's `published` filter does not apply (publishUp/publishDown), assets' languages as Mautic
 * locales (`pt_BR`, `zh_Hant_TW`), HTML-encoded titles and remote assets, the token expiring between two
 * pages of a 130-asset catalog. Mautic behind a reverse proxy under a sub-path that generates its links
 * with the internal address. Reading: stage and points history in the timeline (the contact's points are
 * the score, not the history's sum), and do-not-contact entries an integration added on a `phone` channel.
 *
 * Points, tags and do-not-contact are not written here: Leadside's documents promise Mautic only a note on
 * the contact, so no test asserts that the connector edits them (the fakes would answer those endpoints as
 * Mautic does, with the whole contact, if it did).
 *
 * Written from Mautic's source (mautic/mautic), its developer documentation (mautic/developer-documentation-new),
 * friendsofsymfony/oauth2-php and public issue threads, without reading the connector's mapping or client code.
 * Each expectation is what Mautic's documented meaning says a rep should see, or what must hold (nothing
 * crashes, nothing is lost or written twice or to another person, a clear error, a wait where Mautic says
 * to wait); where the right answer is a product choice only that is asserted. Shapes and sources:
 * section "mautic5/ (fifth set)" of the variants README (test/fixtures/api/variants/README.md).
 */
import { describe, expect, it } from 'vitest';
import { ContentEventSchema, ContentItemSchema, FeedbackItemSchema, VERDICT_LABELS, type ContentItem, type Verdict } from '@/lib/schema';
import { MauticSourceSchema } from '@/lib/schema/sources';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import freya from '@/test/fixtures/api/variants/mautic5/contacts-freya.json';
import noteCreated from '@/test/fixtures/api/variants/mautic5/note-created-full-lead.json';
import tomasOwn from '@/test/fixtures/api/variants/mautic5/contacts-tomas-own.json';
import yukiOtherOwner from '@/test/fixtures/api/variants/mautic5/contacts-yuki-other-owner.json';
import error403 from '@/test/fixtures/api/variants/mautic5/error-403-access-denied.json';
import mergedSurvivor from '@/test/fixtures/api/variants/mautic5/contacts-merged-survivor.json';
import error404ContactNotFound from '@/test/fixtures/api/variants/mautic5/error-404-contact-notfound.json';
import error404ItemNotFound from '@/test/fixtures/api/variants/mautic5/error-404-item-not-found.json';
import sharedInboxAda from '@/test/fixtures/api/variants/mautic5/contacts-shared-inbox-ada.json';
import samChosen from '@/test/fixtures/api/variants/mautic5/contacts-sam-chosen.json';
import usersSelfReadOnly from '@/test/fixtures/api/variants/mautic5/users-self-read-only-role.json';
import readOnlyGranted from '@/test/fixtures/api/variants/mautic5/role-read-only-granted.json';
import oauthTokenA from '@/test/fixtures/api/variants/mautic5/oauth-token-a.json';
import oauthTokenB from '@/test/fixtures/api/variants/mautic5/oauth-token-b.json';
import error401Expired from '@/test/fixtures/api/variants/mautic5/error-401-token-expired.json';
import assetsPublishStates from '@/test/fixtures/api/variants/mautic5/assets-publish-states.json';
import assetsLocales from '@/test/fixtures/api/variants/mautic5/assets-locales.json';
import assetsEncodedRemote from '@/test/fixtures/api/variants/mautic5/assets-encoded-remote.json';
import assetTemplate from '@/test/fixtures/api/variants/mautic5/asset-template.json';
import assetsBehindProxy from '@/test/fixtures/api/variants/mautic5/assets-behind-proxy.json';
import noorBehindProxy from '@/test/fixtures/api/variants/mautic5/contacts-noor-behind-proxy.json';
import mateoHistory from '@/test/fixtures/api/variants/mautic5/contacts-mateo-history.json';
import activityStagePoints from '@/test/fixtures/api/variants/mautic5/activity-stage-points-history.json';
import pointsGroupsMateo from '@/test/fixtures/api/variants/mautic5/points-groups-mateo.json';
import hannahDncPhone from '@/test/fixtures/api/variants/mautic5/contacts-hannah-dnc-phone.json';
import activityDncEvents from '@/test/fixtures/api/variants/mautic5/activity-dnc-events.json';
import error429RateLimiter from '@/test/fixtures/api/variants/mautic5/error-429-rate-limiter.json';
import { clearBackoffs } from './backoff';
import { createMauticConnector } from './mautic';
import { ConnectorError, type DeliveryResult, type OutboxEntry } from './types';
import { describeOutcome, json, noteAsRead, rawServer, type RawCall } from '@/test/support/vendor-variants';
import { instant, MT_ACTIVITY, MT_BASE, MT_PASSWORD as PASSWORD, mt, mtActivity, mtList, mtQuery, rejection, resetBetweenTests, serve, signal, wellFormed } from '@/test/support/vendor-variants';

// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

resetBetweenTests();

/** HTML entities as Mautic stores them, which a rep must never read. */
const ENTITY = /&(amp|quot|lt|gt|apos|#\d+|#x[0-9a-f]+);/i;
/** An HTML tag or doctype: what a message must not carry from an HTML page. */
const HTML_TAG = /<[a-z!/]/i;

// ---------------------------------------------------------------------------------------------
// A fake Mautic for the write and OAuth2 cases, on the harness's raw fake server (rawServer).

/** Mautic's answer to a route it does not have (RouteNotFound through the API's exception listener). */
const routeNotFound = (path: string) => json(404, { errors: [{ message: `Requested URL not found: ${path}`, code: 404, type: null }] });

/** The parameters of a GET as PHP reads them (`where[0][val]`, `search`). */
const queryText = (url: URL) => [...url.searchParams.values()].join(' ').toLowerCase();
/** A contact list answered to a search that names `address` (Mautic's `where` / `search` on the e-mail). */
const listFor = (url: URL, answers: Record<string, unknown>) => {
  const text = queryText(url);
  const hit = Object.entries(answers).find(([address]) => text.includes(address.toLowerCase()));
  return hit ? hit[1] : { total: '0', contacts: [] };
};
type ContactList = { contacts: Record<string, unknown> };
const byId = (...lists: ContactList[]) => Object.assign({}, ...lists.map((list) => list.contacts)) as Record<string, unknown>;

/**
 * Mautic's notes, as NoteApiController stores and lists them: `POST /api/notes/new` needs a `lead` that exists
 * (`checkLeadAccess`: an id that is no contact answers 404 `mautic.contact.error.notfound`) and answers 201
 * with the note, the whole contact serialized in it (`leadNoteDetails`, `leadList`) and a Location header;
 * `GET /api/notes?search=` is a LIKE on the text (LeadNoteRepository::addCatchAllWhereClause), its list keyed
 * by id; `GET /api/contacts/{id}/notes` lists one contact's notes.
 */
interface StoredNote {
  id: number;
  lead: number;
  text: string;
}
function noteBook(contacts: Record<string, unknown>, firstId = 5731) {
  const notes: StoredNote[] = [];
  let nextId = firstId;
  const noteJson = (note: StoredNote) => {
    const contact = contacts[String(note.lead)] as { points?: number; color?: unknown; fields?: unknown } | undefined;
    return {
      ...noteCreated.note,
      id: note.id,
      text: note.text,
      lead: { id: note.lead, points: contact?.points ?? 0, color: contact?.color ?? null, fields: contact?.fields ?? [] },
    };
  };
  return {
    notes,
    /** Stores the note the request posts (when its contact exists) and answers as Mautic does. */
    create(call: RawCall, base = MT_BASE): Response {
      const leadId = Number.parseInt(String(call.json?.lead ?? ''), 10);
      if (!leadId) return json(400, { errors: [{ code: 400, message: 'lead ID is mandatory', details: [], type: null }] });
      if (!contacts[String(leadId)]) return json(404, error404ContactNotFound);
      const text = String(call.json?.text ?? '');
      if (!text.trim()) return json(400, { errors: [{ code: 400, message: 'text: A value is required.', details: { text: ['A value is required.'] }, type: null }] });
      const note = { id: nextId++, lead: leadId, text };
      notes.push(note);
      return json(201, { note: noteJson(note) }, { Location: `${base}/api/notes/${note.id}` });
    },
    /** `GET /api/notes` and `GET /api/contacts/{id}/notes`, or undefined for another path. */
    list(call: RawCall, path: string): Response | undefined {
      if (path === '/api/notes') {
        const search = (call.url.searchParams.get('search') ?? '').toLowerCase();
        const found = notes.filter((note) => note.text.toLowerCase().includes(search));
        return json(200, { total: found.length, notes: Object.fromEntries(found.map((note) => [String(note.id), noteJson(note)])) });
      }
      const own = /^\/api\/contacts\/(\d+)\/notes$/.exec(path);
      if (own) {
        const found = notes.filter((note) => String(note.lead) === own[1]);
        return json(200, { total: found.length, notes: found.map((note) => ({ id: note.id, text: note.text, type: 'general', dateTime: noteCreated.note.dateTime })) });
      }
      return undefined;
    },
  };
}

/**
 * The read side of a Mautic that knows `contacts` (by id) and answers e-mail searches from `searches`:
 * the list, a contact by id (404 "Item was not found." for one it does not have), an empty activity.
 */
function readSide(call: RawCall, path: string, contacts: Record<string, unknown>, searches: Record<string, unknown>): Response | undefined {
  if (call.method !== 'GET') return undefined;
  if (path === '/api/contacts') return json(200, listFor(call.url, searches));
  const one = /^\/api\/contacts\/(\d+)$/.exec(path);
  if (one) return contacts[one[1]!] ? json(200, { contact: contacts[one[1]!] }) : json(404, error404ItemNotFound);
  if (MT_ACTIVITY.test(path)) return json(200, activityEmpty);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Feedback as the outbox hands it to the connector.

const REP = 'Dana Whitfield';
let itemCount = 0;
function verdictEntry(lead: { email?: string; name?: string; profileId?: string; recordId?: string }, note: string, verdict: Verdict = 'good_fit'): OutboxEntry {
  itemCount += 1;
  const id = `5e0c${String(itemCount).padStart(4, '0')}-7a1b-4c2d-9e3f-${String(itemCount).padStart(12, '0')}`;
  const recordId = lead.recordId ?? `00Q5e00000Mz${String(itemCount).padStart(4, '0')}`;
  const item = FeedbackItemSchema.parse({
    id,
    createdAt: '2026-12-07T09:14:00.000Z',
    lead: { key: `salesforce:${recordId}`, crm: 'salesforce', recordId, email: lead.email, name: lead.name, profileId: lead.profileId },
    source: { channel: 'paid_search', campaign: 'SOC 2 – EMEA brand' },
    rep: REP,
    kind: 'verdict',
    verdict,
    reasons: verdict === 'good_fit' ? ['Clear need', 'Right persona'] : [],
    note,
  });
  return { kind: 'feedback', item, id, attempts: 0, unclear: false };
}

/** Any other feedback kind about the same kind of lead reference (a content request, a prospect's question, a rating). */
function feedbackEntry(lead: { email?: string; name?: string; profileId?: string }, payload: Record<string, unknown>): OutboxEntry {
  itemCount += 1;
  const id = `5e0c${String(itemCount).padStart(4, '0')}-7a1b-4c2d-9e3f-${String(itemCount).padStart(12, '0')}`;
  const recordId = `00Q5e00000Mz${String(itemCount).padStart(4, '0')}`;
  const item = FeedbackItemSchema.parse({
    id,
    createdAt: '2026-12-07T09:20:00.000Z',
    lead: { key: `salesforce:${recordId}`, crm: 'salesforce', recordId, ...lead },
    source: { channel: 'paid_search', campaign: 'SOC 2 – EMEA brand' },
    rep: REP,
    ...payload,
  });
  return { kind: 'feedback', item, id, attempts: 0, unclear: false };
}
/** A content event (the rep opened an item): the outbox hands these to every connector. */
function openedEvent(): OutboxEntry {
  itemCount += 1;
  const id = `5e0c${String(itemCount).padStart(4, '0')}-7a1b-4c2d-9e3f-${String(itemCount).padStart(12, '0')}`;
  const item = ContentEventSchema.parse({ id, type: 'opened', contentId: 'mautic-asset-12', at: '2026-12-07T09:21:00.000Z', leadKey: 'salesforce:00Q5e00000Mz9999', source: { channel: 'paid_search' } });
  return { kind: 'event', item, id, attempts: 0, unclear: false };
}


/** What a batch came back with: its results, or what it was rejected with. */
async function deliverOutcome(promise: Promise<DeliveryResult[]>): Promise<DeliveryResult[] | ConnectorError | unknown> {
  const outcome = await rejection(promise);
  return outcome && typeof outcome === 'object' && 'resolved' in outcome ? (outcome as { resolved: DeliveryResult[] }).resolved : outcome;
}
const resultFor = (results: DeliveryResult[], entry: OutboxEntry) => results.find((result) => result.id === entry.id);

/** Not delivered, and said why: a result that is not `delivered` with its reason, or a clear error for the batch. */
function expectRefusedWithReason(outcome: unknown, entry: OutboxEntry, kinds: string[]) {
  if (Array.isArray(outcome)) {
    const result = resultFor(outcome as DeliveryResult[], entry);
    expect(result, describeOutcome(outcome)).toBeDefined();
    expect.soft(['rejected', 'retry'], describeOutcome(result)).toContain(result!.outcome);
    if (result && (result.outcome === 'rejected' || result.outcome === 'retry')) {
      expect.soft(result.error.trim().length, 'the reason').toBeGreaterThan(0);
      expect.soft(result.error).not.toMatch(HTML_TAG);
      expect.soft(result.error).not.toContain(PASSWORD);
    }
    return;
  }
  expect(outcome, describeOutcome(outcome)).toBeInstanceOf(ConnectorError);
  expect.soft(kinds, describeOutcome(outcome)).toContain((outcome as ConnectorError).kind);
  expect.soft((outcome as ConnectorError).message).not.toMatch(HTML_TAG);
  expect.soft((outcome as ConnectorError).message).not.toContain(PASSWORD);
}

// ---------------------------------------------------------------------------------------------
// OAuth2 (client credentials): a token answer carries no refresh token (oauth2-php's
// grantAccessTokenClientCredentials sets `issue_refresh_token => false`), so a new token is asked for with the
// client's own credentials.

const CLIENT_ID = '9_4tq0x8m2vkcgk8ws0ggoc4w4kk0gc8o0sk8gsw4c84sc8wogk4';
const CLIENT_SECRET = '5y2k7bn1xwcg8o4ws8c4sk0gg8wwck4k0oc4kgw0o8kk4wsk0s';
const TOKEN_PATH = '/oauth/v2/token';
const oauthSource = (baseUrl = MT_BASE) => MauticSourceSchema.parse({ kind: 'mautic', baseUrl, auth: { method: 'oauth2', clientId: CLIENT_ID } });
const mtOauth = (baseUrl = MT_BASE) => createMauticConnector(oauthSource(baseUrl), { clientSecret: CLIENT_SECRET });
const bearerOf = (call: RawCall) => (call.headers.get('Authorization') ?? '').replace(/^Bearer\s+/i, '');
const expired = () => json(401, error401Expired, { 'WWW-Authenticate': 'Bearer realm="Service", error="invalid_grant", error_description="The access token provided has expired."' });

// ---------------------------------------------------------------------------------------------
// Content

/** What a listed item must be wherever it came from: an item the catalog accepts, nothing encoded, no "null". */
function expectCatalogItems(items: ContentItem[]) {
  for (const item of items) {
    const parsed = ContentItemSchema.safeParse(item);
    expect.soft(parsed.success, `${item.id}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    expect.soft(`${item.title} ${item.summary}`, item.id).not.toMatch(ENTITY);
    expect.soft(JSON.stringify(item), item.id).not.toMatch(/"(null|undefined|NaN)"/);
  }
}
/** An item by the asset id it came from (the catalog id names the asset however the connector writes it). */
const itemFor = (items: ContentItem[], assetId: number, title: string) =>
  items.find((item) => item.title === title) ?? items.find((item) => new RegExp(`(^|\\D)${assetId}$`).test(item.id));
async function listed(promise: Promise<ContentItem[]>): Promise<ContentItem[]> {
  const outcome = await rejection(promise);
  expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(Error);
  return (outcome as { resolved: ContentItem[] }).resolved;
}

// ---------------------------------------------------------------------------------------------

describe('Mautic variants, fifth set (writing back, content, proxies, history)', () => {
  // --- M57: the note API's own answer -------------------------------------------------------------

  it('M57: a verdict becomes a note on the lead’s contact; Mautic answers 201 with the whole contact in `lead` and a Location: delivered once, the rep’s words kept', async () => {
    const contacts = byId(freya);
    const book = noteBook(contacts);
    const calls = rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') return book.create(call);
      return book.list(call, path) ?? readSide(call, path, contacts, { 'freya.lindgren@contoso-pharma.example': freya }) ?? routeNotFound(path);
    });
    const words = 'Wants SSO & SCIM before the Q2 audit; budget < €50k, call after 14:00 CET ("not Mondays")';
    const entry = verdictEntry({ email: 'freya.lindgren@contoso-pharma.example', name: 'Freya Lindgren', profileId: '5701' }, words);
    const outcome = await deliverOutcome(mt().deliver([entry], signal));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    const result = resultFor(outcome as DeliveryResult[], entry);
    expect.soft(result?.outcome, describeOutcome(result)).toBe('delivered');
    if (result?.outcome === 'delivered' && result.remoteId !== undefined) expect.soft(result.remoteId).toBe('5731');
    expect.soft(book.notes.map((note) => note.lead), 'notes written, by contact').toEqual([5701]);
    const text = noteAsRead(book.notes[0]?.text ?? '');
    expect.soft(text, 'the rep’s note as Mautic shows it').toContain(words);
    expect.soft(text).toContain(VERDICT_LABELS.good_fit);
    // The 201's Location names the note; the token and password go nowhere else than the API calls made.
    expect.soft(calls.every((call) => call.url.origin === MT_BASE)).toBe(true);
  });

  it('M57b: a content request and a prospect’s question about the lead go to Mautic as notes on the contact too, and a content event gets its own result: one result per entry, no words lost', async () => {
    const contacts = byId(freya);
    const book = noteBook(contacts);
    rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') return book.create(call);
      return book.list(call, path) ?? readSide(call, path, contacts, { 'freya.lindgren@contoso-pharma.example': freya }) ?? routeNotFound(path);
    });
    const lead = { email: 'freya.lindgren@contoso-pharma.example', name: 'Freya Lindgren', profileId: '5701' };
    const request = feedbackEntry(lead, { kind: 'content_request', text: 'A one-pager on GxP & Annex 11 evidence for EU pharma QA teams' });
    const question = feedbackEntry(lead, { kind: 'prospect_question', text: 'Can auditors get read-only access without a seat licence?' });
    const opened = openedEvent();
    const outcome = await deliverOutcome(mt().deliver([request, question, opened], signal));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    const results = outcome as DeliveryResult[];
    expect.soft(results.map((result) => result.id).sort(), 'one result per entry').toEqual([request.id, question.id, opened.id].sort());
    // README.md: for Mautic, feedback "goes to a note on the contact".
    const written = book.notes.filter((note) => note.lead === 5701).map((note) => noteAsRead(note.text));
    for (const [kind, entry, words] of [
      ['content request', request, 'A one-pager on GxP & Annex 11 evidence for EU pharma QA teams'],
      ['prospect question', question, 'Can auditors get read-only access without a seat licence?'],
    ] as const) {
      expect.soft(resultFor(results, entry)?.outcome, `${kind}: ${describeOutcome(resultFor(results, entry))}`).toBe('delivered');
      expect.soft(written.some((text) => text.includes(words)), `${kind}: its words in a note on the contact`).toBe(true);
    }
    expect.soft(['unsupported', 'delivered'], 'a content event').toContain(resultFor(results, opened)?.outcome);
  });

  // --- M58: a role that may edit only its own contacts ------------------------------------------------

  it('M58: a batch of two notes where Mautic refuses one with 403 (its contact belongs to another user): the other is delivered, the refused one is not lost and says why', async () => {
    const contacts = byId(tomasOwn, yukiOtherOwner);
    const book = noteBook(contacts);
    rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') {
        // checkLeadAccess: lead:leads:editown only, and 5712 is owned by another user.
        if (String(call.json?.lead) === '5712') return json(403, error403);
        return book.create(call);
      }
      return (
        book.list(call, path) ??
        readSide(call, path, contacts, { 'tomas.herrera@adventure-works.example': tomasOwn, 'yuki.sato@fabrikam-jp.example': yukiOtherOwner }) ??
        routeNotFound(path)
      );
    });
    const own = verdictEntry({ email: 'tomas.herrera@adventure-works.example', name: 'Tomás Herrera', profileId: '5702' }, 'Budget approved for Q1.');
    const notOwn = verdictEntry({ email: 'yuki.sato@fabrikam-jp.example', name: 'Yuki Sato', profileId: '5712' }, 'Security review scheduled with the CISO.');
    const outcome = await deliverOutcome(mt().deliver([own, notOwn], signal));
    // Not the whole batch failing the same way: one result per entry, not a thrown error (types.ts, Connector.deliver).
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    const results = outcome as DeliveryResult[];
    expect.soft(results.map((result) => result.id).sort()).toEqual([own.id, notOwn.id].sort());
    expect.soft(resultFor(results, own)?.outcome, describeOutcome(resultFor(results, own))).toBe('delivered');
    expectRefusedWithReason(results, notOwn, []);
    expect.soft(book.notes.map((note) => note.lead)).toEqual([5702]);
  });

  // --- M59: merged or deleted between the lookup and the write -------------------------------------

  it('M59a: the brief’s contact (5703) was merged into 5710 before the rep’s verdict was sent: the note is on the surviving contact, as Mautic moves notes on a merge', async () => {
    const contacts = byId(mergedSurvivor);
    const book = noteBook(contacts);
    const calls = rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') return book.create(call);
      return book.list(call, path) ?? readSide(call, path, contacts, { 'priyanka.nair@litware-health.example': mergedSurvivor }) ?? routeNotFound(path);
    });
    const entry = verdictEntry({ email: 'priyanka.nair@litware-health.example', name: 'Priyanka Nair', profileId: '5703' }, 'Wants a pilot in the India entity first.');
    const outcome = await deliverOutcome(mt().deliver([entry], signal));
    const posted = calls.filter((call) => call.method === 'POST' && call.url.pathname === '/api/notes/new').map((call) => String(call.json?.lead));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    expect.soft(resultFor(outcome as DeliveryResult[], entry)?.outcome, `${describeOutcome(outcome)}; notes posted for: ${posted.join(', ')}`).toBe('delivered');
    expect.soft(book.notes.map((note) => note.lead)).toEqual([5710]);
  });

  it('M59b: the brief’s contact (5703) was deleted and no contact has the address any more: not delivered, with a reason (never "delivered" with no note written)', async () => {
    const contacts = {};
    const book = noteBook(contacts);
    rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') return book.create(call);
      return book.list(call, path) ?? readSide(call, path, contacts, {}) ?? routeNotFound(path);
    });
    const entry = verdictEntry({ email: 'priyanka.nair@litware-health.example', name: 'Priyanka Nair', profileId: '5703' }, 'Wants a pilot in the India entity first.');
    const outcome = await deliverOutcome(mt().deliver([entry], signal));
    expect.soft(book.notes).toEqual([]);
    expectRefusedWithReason(outcome, entry, ['not-found', 'rejected']);
  });

  // --- M60: a corrected match ---------------------------------------------------------------------------

  it('M60: the rep corrected the match (the CRM’s shared inbox is Ada’s contact; the brief showed Sam, 5721): the verdict is noted on Sam, never on Ada', async () => {
    const contacts = byId(sharedInboxAda, samChosen);
    const book = noteBook(contacts);
    rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') return book.create(call);
      return (
        book.list(call, path) ??
        readSide(call, path, contacts, { 'info@okafor-logistics.example': sharedInboxAda, 's.okafor@okafor-logistics.example': samChosen }) ??
        routeNotFound(path)
      );
    });
    // LeadRef.profileId: "The marketing profile the brief showed for this record" (lib/schema/feedback.ts).
    const entry = verdictEntry({ email: 'info@okafor-logistics.example', name: 'Sam Okafor', profileId: '5721' }, 'Decision maker; wants pricing for 12 depots.');
    const outcome = await deliverOutcome(mt().deliver([entry], signal));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    expect.soft(resultFor(outcome as DeliveryResult[], entry)?.outcome).toBe('delivered');
    expect.soft(book.notes.map((note) => note.lead), 'the contacts the note was written on').toEqual([5721]);
  });

  it('M60b: a verdict for a record whose page showed no e-mail (the rep picked the profile by name): the profile id the brief showed is enough to write the note', async () => {
    const contacts = byId(samChosen);
    const book = noteBook(contacts);
    rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') return book.create(call);
      return book.list(call, path) ?? readSide(call, path, contacts, {}) ?? routeNotFound(path);
    });
    const entry = verdictEntry({ name: 'Sam Okafor', profileId: '5721' }, 'Decision maker; wants pricing for 12 depots.');
    const outcome = await deliverOutcome(mt().deliver([entry], signal));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    expect.soft(resultFor(outcome as DeliveryResult[], entry)?.outcome, describeOutcome(outcome)).toBe('delivered');
    expect.soft(book.notes.map((note) => note.lead), 'the contacts the note was written on').toEqual([5721]);
  });

  // --- M61: a role that can read but not write ------------------------------------------------------

  it('M61: an API user whose role reads contacts but may not create notes (403 on every note; the permission check answers false): nothing delivered, and the connection test does not report writing as working', async () => {
    const contacts = byId(freya);
    const granted = new Set(readOnlyGranted.granted);
    rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') return json(403, error403);
      if (path === '/api/users/self') return json(200, usersSelfReadOnly);
      if (call.method === 'POST' && path === `/api/users/${usersSelfReadOnly.id}/permissioncheck`) {
        const asked: unknown = call.json?.permissions ?? new URLSearchParams(call.body ?? '').getAll('permissions[]');
        const list = (Array.isArray(asked) ? asked : [asked]).map(String);
        if (list.length === 0) return json(400, { errors: [{ code: 400, message: 'Request must include permissions[] parameter', details: [], type: null }] });
        return json(200, Object.fromEntries(list.map((permission) => [permission, granted.has(permission)])));
      }
      if (path === '/api/assets') return json(200, { total: 0, assets: [] });
      if (path === '/api/notes') return json(200, { total: 0, notes: [] });
      return readSide(call, path, contacts, { 'freya.lindgren@contoso-pharma.example': freya }) ?? routeNotFound(path);
    });
    const entry = verdictEntry({ email: 'freya.lindgren@contoso-pharma.example', name: 'Freya Lindgren', profileId: '5701' }, 'Ready for a security review.');
    const outcome = await deliverOutcome(mt().deliver([entry], signal));
    expectRefusedWithReason(outcome, entry, ['auth', 'rejected']);
    const checks = await mt().testConnection(signal);
    const write = checks.find((check) => check.capability === 'write');
    expect.soft(write?.ok, `write check: ${write?.message}`).toBe(false);
    expect.soft(checks.find((check) => check.capability === 'lookup')?.ok, 'the role can read contacts').toBe(true);
    for (const check of checks) expect.soft(check.message, check.capability).not.toMatch(HTML_TAG);
  });

  // --- M62: a resend after the answer was lost ------------------------------------------------------

  it('M62: Mautic stored the note but the connection dropped before its answer; the resend (unclear) finds it through Mautic’s notes search: one note, delivered', async () => {
    const contacts = byId(freya);
    const book = noteBook(contacts);
    let dropNext = true;
    rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') {
        const answer = book.create(call);
        if (dropNext) {
          dropNext = false;
          throw new TypeError('fetch failed: other side closed');
        }
        return answer;
      }
      return book.list(call, path) ?? readSide(call, path, contacts, { 'freya.lindgren@contoso-pharma.example': freya }) ?? routeNotFound(path);
    });
    const entry = verdictEntry({ email: 'freya.lindgren@contoso-pharma.example', name: 'Freya Lindgren', profileId: '5701' }, 'Asked for the DPA before the call.');
    const connector = mt();
    const first = await deliverOutcome(connector.deliver([entry], signal));
    if (Array.isArray(first)) expect.soft(resultFor(first as DeliveryResult[], entry)?.outcome, 'no answer came: not known as delivered').not.toBe('delivered');
    expect(book.notes, 'Mautic stored the first attempt').toHaveLength(1);
    // The outbox marks the entry unclear (types.ts OutboxEntry.unclear) and sends it again.
    const second = await deliverOutcome(connector.deliver([{ ...entry, attempts: 1, unclear: true }], signal));
    expect(Array.isArray(second), describeOutcome(second)).toBe(true);
    expect.soft(resultFor(second as DeliveryResult[], entry)?.outcome).toBe('delivered');
    expect.soft(book.notes.map((note) => note.lead), 'notes written in all, by contact').toEqual([5701]);
  });

  // --- M63: OAuth2 token expiry in the middle of a batch ---------------------------------------------

  it('M63: OAuth2: the token expires between the first and the second note of a batch: a new token, each note written once, both delivered', async () => {
    const contacts = byId(freya, tomasOwn);
    const book = noteBook(contacts);
    let tokensIssued = 0;
    const calls = rawServer((call) => {
      const path = call.url.pathname;
      if (path === TOKEN_PATH) {
        tokensIssued += 1;
        return json(200, tokensIssued === 1 ? oauthTokenA : oauthTokenB);
      }
      const bearer = bearerOf(call);
      // Token A works until the first note is written; from then on only token B does.
      const valid = bearer === oauthTokenB.access_token || (bearer === oauthTokenA.access_token && book.notes.length === 0);
      if (!valid) return expired();
      if (call.method === 'POST' && path === '/api/notes/new') return book.create(call);
      return (
        book.list(call, path) ??
        readSide(call, path, contacts, { 'freya.lindgren@contoso-pharma.example': freya, 'tomas.herrera@adventure-works.example': tomasOwn }) ??
        routeNotFound(path)
      );
    });
    const first = verdictEntry({ email: 'freya.lindgren@contoso-pharma.example', name: 'Freya Lindgren', profileId: '5701' }, 'Ready for a security review.');
    const second = verdictEntry({ email: 'tomas.herrera@adventure-works.example', name: 'Tomás Herrera', profileId: '5702' }, 'Budget approved for Q1.');
    const outcome = await deliverOutcome(mtOauth().deliver([first, second], signal));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    const results = outcome as DeliveryResult[];
    expect.soft(resultFor(results, first)?.outcome, describeOutcome(resultFor(results, first))).toBe('delivered');
    expect.soft(resultFor(results, second)?.outcome, describeOutcome(resultFor(results, second))).toBe('delivered');
    expect.soft(book.notes.map((note) => note.lead).sort()).toEqual([5701, 5702]);
    expect.soft(calls.filter((call) => call.url.pathname === TOKEN_PATH)).toHaveLength(2);
    for (const call of calls) expect.soft(call.url.search, 'the secret is never in a URL').not.toContain(CLIENT_SECRET);
  });

  // --- M64–M66: assets as Mautic lists them -----------------------------------------------------------

  it('M64: assets whose publishDown has passed, whose publishUp is still ahead, or that are unpublished (all in the list: its `published` filter checks only the flag) are not suggested; the published ones are', async () => {
    serve([{ method: 'GET', path: '/api/assets', body: assetsPublishStates }]);
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    const titles = items.map((item) => item.title);
    expect.soft(titles).toContain('Vendor risk questionnaire template');
    expect.soft(titles).toContain('Access review playbook');
    // The public download of each answers 403 to a lead (AssetBundle PublicController: isPublished() checks the dates too).
    expect.soft(titles, 'expired on 30 June 2025').not.toContain('SOC 2 pricing sheet 2025');
    expect.soft(titles, 'unpublished draft').not.toContain('ISO 42001 readiness guide (draft)');
    expect.soft(titles, 'embargoed until 2031').not.toContain('Continuous compliance for AI vendors');
  });

  it('M65: assets whose language is a Mautic locale (pt_BR, zh_Hant_TW, de_CH, en_US) are catalog items with a BCP 47 language that keeps the variant', async () => {
    serve([{ method: 'GET', path: '/api/assets', body: assetsLocales }]);
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    const language = (id: number, title: string) => itemFor(items, id, title)?.language?.toLowerCase();
    expect.soft(items).toHaveLength(4);
    expect.soft(language(41, 'Guia de prontidão SOC 2'), 'Brazilian Portuguese').toBe('pt-br');
    // Traditional Chinese as written in Taiwan: "zh" alone would let the ranker take it for Simplified.
    expect.soft(['zh-hant-tw', 'zh-hant', 'zh-tw'], 'the language of the zh_Hant_TW asset').toContain(language(42, 'SOC 2 合規準備清單'));
    expect.soft(language(43, 'Leitfaden Zugriffsüberprüfung')?.split('-')[0], 'Swiss German').toBe('de');
    expect.soft(language(44, 'Access review playbook (US edition)')?.split('-')[0]).toBe('en');
  });

  it('M66: HTML-encoded titles and descriptions (Q&amp;A, &#39;, &lt;, &#8211;), a null and an empty description, assets stored remotely (a CDN file, a video): read as written, each with a working https link', async () => {
    serve([{ method: 'GET', path: '/api/assets', body: assetsEncodedRemote }]);
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    expect.soft(items.map((item) => item.title).sort()).toEqual(['Keyline\'s platform datasheet', 'Q&A: SOC 2 & ISO 27001 in one audit', 'Webinar recording: <30 days to SOC 2']);
    const qa = itemFor(items, 51, 'Q&A: SOC 2 & ISO 27001 in one audit');
    expect.soft(qa?.summary).toBe('Answers to the 12 questions CISOs ask most – "one audit, two reports".');
    for (const item of items) expect.soft(new URL(item.url).protocol, item.url).toBe('https:');
    const video = itemFor(items, 53, 'Webinar recording: <30 days to SOC 2');
    expect.soft(['video', 'webinar'], 'an mp4 recording').toContain(video?.type);
  });

  // --- M67: OAuth2 token expiry between two pages of the catalog ------------------------------------------

  it('M67: OAuth2: the token expires between page 1 and page 2 of a 130-asset catalog: a new token, all 130 listed', async () => {
    const assets = Array.from({ length: 130 }, (_, index) => {
      const id = 1001 + index;
      const alias = `soc-2-control-guide-${String(index + 1).padStart(3, '0')}`;
      return { ...assetTemplate, id, title: `SOC 2 control guide ${index + 1}`, alias, downloadUrl: `${MT_BASE}/asset/${id}:${alias}` };
    });
    let tokensIssued = 0;
    let pagesServed = 0;
    const calls = rawServer((call) => {
      const path = call.url.pathname;
      if (path === TOKEN_PATH) {
        tokensIssued += 1;
        return json(200, tokensIssued === 1 ? oauthTokenA : oauthTokenB);
      }
      const bearer = bearerOf(call);
      const valid = bearer === oauthTokenB.access_token || (bearer === oauthTokenA.access_token && pagesServed === 0);
      if (!valid) return expired();
      if (path === '/api/assets') {
        // FetchCommonApiController::getEntitiesAction: `start` and `limit` (default: default_pagelimit, 30).
        const start = Number.parseInt(call.url.searchParams.get('start') ?? '0', 10) || 0;
        const limit = Number.parseInt(call.url.searchParams.get('limit') ?? '30', 10) || 30;
        pagesServed += 1;
        return json(200, { total: assets.length, assets: assets.slice(start, start + limit) });
      }
      return routeNotFound(path);
    });
    const items = await listed(mtOauth().listContent(signal));
    expect.soft(new Set(items.map((item) => item.title)).size, `pages asked: ${calls.filter((call) => call.url.pathname === '/api/assets').map((call) => call.url.search).join(' | ')}`).toBe(130);
    expect.soft(items.some((item) => item.title === 'SOC 2 control guide 130')).toBe(true);
    expect.soft(tokensIssued).toBe(2);
  });

  // --- M68: behind a reverse proxy under a sub-path -----------------------------------------------------

  it('M68: Mautic behind a reverse proxy at https://www.keyline.example/marketing (no trusted proxies: its links say http://mautic/…): every call under the sub-path, nothing sent to the internal address, asset links the lead can open', async () => {
    const PUBLIC = 'https://www.keyline.example';
    const BASE = `${PUBLIC}/marketing`;
    const contacts = byId(noorBehindProxy);
    const book = noteBook(contacts, 5741);
    let issued = 0;
    const calls = rawServer((call) => {
      if (call.url.host === 'mautic') throw new TypeError('fetch failed: getaddrinfo ENOTFOUND mautic');
      if (call.url.origin !== PUBLIC || !call.url.pathname.startsWith('/marketing/')) {
        // The public website answers what is not under /marketing: its own HTML 404.
        return new Response('<!doctype html><html><head><title>Page not found – Keyline</title></head><body><h1>Page not found</h1></body></html>', {
          status: 404,
          headers: { 'Content-Type': 'text/html; charset=UTF-8' },
        });
      }
      const path = call.url.pathname.slice('/marketing'.length);
      if (path === TOKEN_PATH) {
        issued += 1;
        return call.method === 'POST' ? json(200, oauthTokenA) : json(405, { errors: [{ message: 'Method Not Allowed', code: 405, type: null }] });
      }
      if (bearerOf(call) !== oauthTokenA.access_token) return json(401, { errors: [{ message: 'API authorization denied.', code: 401, type: 'access_denied' }] });
      // Mautic builds absolute URLs from the request it sees: http, Host "mautic", no /marketing prefix.
      if (call.method === 'POST' && path === '/api/notes/new') return book.create(call, 'http://mautic');
      if (path === '/api/assets') {
        const start = Number.parseInt(call.url.searchParams.get('start') ?? '0', 10) || 0;
        return json(200, { total: assetsBehindProxy.total, assets: start === 0 ? assetsBehindProxy.assets : [] });
      }
      return book.list(call, path) ?? readSide(call, path, contacts, { 'noor.haddad@woodgrove-gulf.example': noorBehindProxy }) ?? routeNotFound(path);
    });
    const connector = mtOauth(BASE);
    const profile = wellFormed(await connector.findProfile(mtQuery('noor.haddad@woodgrove-gulf.example'), signal));
    expect.soft(profile.id).toBe('5740');
    const items = await listed(connector.listContent(signal));
    expectCatalogItems(items);
    expect.soft(items.map((item) => item.title).sort(), 'the catalog Mautic lists (two published assets)').toEqual(['Case study: Northwind passes SOC 2 in 90 days', 'SOC 2 readiness checklist']);
    // Mautic's downloadUrl (http://mautic/asset/21:…) only works inside the proxy; the asset's public route is under the base URL.
    for (const item of items) expect.soft(item.url, `${item.title}: the link a lead would get`).toMatch(/^https:\/\/www\.keyline\.example\/marketing\//);
    const entry = verdictEntry({ email: 'noor.haddad@woodgrove-gulf.example', name: 'Noor Haddad', profileId: '5740' }, 'Needs Arabic-language evidence packs.');
    const outcome = await deliverOutcome(connector.deliver([entry], signal));
    expect.soft(Array.isArray(outcome) ? resultFor(outcome as DeliveryResult[], entry)?.outcome : describeOutcome(outcome)).toBe('delivered');
    expect.soft(book.notes.map((note) => note.lead)).toEqual([5740]);
    const outside = calls.filter((call) => !`${call.url.origin}${call.url.pathname}`.startsWith(`${BASE}/`)).map((call) => `${call.method} ${call.url.href}`);
    expect.soft(outside, 'requests outside the configured base URL').toEqual([]);
    expect.soft(issued).toBeGreaterThan(0);
  });

  // --- M69: stage and points history ------------------------------------------------------------------

  it('M69: stage changes and point changes in the timeline (a campaign moved the lead to MQL, a manual -30, a point group): the score is the contact’s points, the stage MQL, none of it an activity', async () => {
    serve([
      ...mtList(mateoHistory),
      ...mtActivity(activityStagePoints),
      { method: 'GET', path: '/api/contacts/5750/points/groups', body: pointsGroupsMateo },
    ]);
    const profile = wellFormed(await mt().findProfile(mtQuery('mateo.rossi@tailspin-energy.example'), signal));
    expect.soft(profile.id).toBe('5750');
    // `points` is the contact's current number of points; the history's deltas add up to 45 and the "Product interest" group holds 80.
    expect.soft(profile.score).toBe(35);
    expect.soft(profile.stage).toBe('mql');
    if (profile.qualifiedAt !== undefined) expect.soft(instant(profile.qualifiedAt), 'when the campaign moved the lead to MQL').toBe(Date.parse('2026-11-19T10:05:00Z'));
    expect.soft(profile.activities ?? []).toEqual([]);
    expect.soft(profile.pageViews).toEqual([]);
    expect.soft(profile.problems).toEqual([]);
    expect.soft(JSON.stringify(profile)).not.toContain('/s/stages/');
  });

  // --- M70: do-not-contact an integration added on a phone channel ---------------------------------------

  it('M70: do-not-contact on channel "phone" (reason 3, added through /dnc/phone/add with a comment) and "sms" (reason 1): do not call, with why and when; e-mail still allowed; the DNC event is no activity', async () => {
    serve([...mtList(hannahDncPhone), ...mtActivity(activityDncEvents)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('hannah.becker@proseware-bank.example'), signal));
    expect.soft(profile.id).toBe('5760');
    expect.soft(profile.contact.doNotCall, 'a do-not-contact entry on the phone channel').toBe(true);
    expect.soft(profile.contact.doNotEmail, 'no entry on the email channel').toBe(false);
    const optOuts = profile.contact.optOuts ?? [];
    const phone = optOuts.find((entry) => entry.channel === 'phone');
    expect.soft(phone?.reason).toBe('manual');
    expect.soft(phone?.comment).toBe('Asked us on the phone to stop calling; e-mail is fine.');
    expect.soft(instant(phone?.at)).toBe(Date.parse('2026-11-30T15:12:44Z'));
    expect.soft(optOuts.find((entry) => entry.channel === 'sms')?.reason).toBe('unsubscribed');
    expect.soft(profile.pageViews.map((view) => view.url)).toEqual(['https://www.keyline.example/de/preise']);
    expect.soft(profile.activities ?? []).toEqual([]);
  });

  // --- M71: the rate limiter in the middle of a batch ---------------------------------------------------

  it('M71: Mautic’s rate limiter refuses the second note of a batch (429 text/html, X-RateLimit-Reset 40 minutes ahead): a wait, and once it is over each note exists once', async () => {
    const contacts = byId(freya, tomasOwn);
    const book = noteBook(contacts);
    let limited = true;
    const reset = Math.floor(Date.now() / 1000) + 2400;
    rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') {
        if (limited && book.notes.length === 1) {
          return new Response(JSON.stringify(error429RateLimiter), {
            status: 429,
            headers: { 'Content-Type': 'text/html; charset=UTF-8', 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
          });
        }
        return book.create(call);
      }
      return (
        book.list(call, path) ??
        readSide(call, path, contacts, { 'freya.lindgren@contoso-pharma.example': freya, 'tomas.herrera@adventure-works.example': tomasOwn }) ??
        routeNotFound(path)
      );
    });
    const first = verdictEntry({ email: 'freya.lindgren@contoso-pharma.example', name: 'Freya Lindgren', profileId: '5701' }, 'Ready for a security review.');
    const second = verdictEntry({ email: 'tomas.herrera@adventure-works.example', name: 'Tomás Herrera', profileId: '5702' }, 'Budget approved for Q1.');
    const connector = mt();
    const outcome = await deliverOutcome(connector.deliver([first, second], signal));
    // What the outbox sends again: the whole batch after a thrown error (an answer came, so nothing is unclear),
    // else the entries not delivered.
    let again: OutboxEntry[];
    if (Array.isArray(outcome)) {
      const results = outcome as DeliveryResult[];
      const waiting = resultFor(results, second);
      expect.soft(waiting?.outcome, describeOutcome(waiting)).not.toBe('delivered');
      again = [first, second].filter((entry) => resultFor(results, entry)?.outcome !== 'delivered');
    } else {
      expect(outcome, describeOutcome(outcome)).toBeInstanceOf(ConnectorError);
      expect.soft((outcome as ConnectorError).kind).toBe('rate-limited');
      const expectedMs = reset * 1000 - Date.now();
      expect.soft((outcome as ConnectorError).retryAfterMs ?? 0, 'the wait X-RateLimit-Reset states').toBeGreaterThan(expectedMs - 15_000);
      again = [first, second];
    }
    // The hour is over.
    limited = false;
    clearBackoffs();
    const retried = await deliverOutcome(connector.deliver(again.map((entry) => ({ ...entry, attempts: entry.attempts + 1 })), signal));
    expect(Array.isArray(retried), describeOutcome(retried)).toBe(true);
    for (const entry of again) expect.soft(resultFor(retried as DeliveryResult[], entry)?.outcome).toBe('delivered');
    // One verdict per contact here: a contact with two notes holds one verdict twice.
    expect.soft(book.notes.map((note) => note.lead).sort(), 'notes written, by contact').toEqual([5701, 5702]);
  });
});
