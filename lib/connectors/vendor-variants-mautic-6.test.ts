/**
 * Mautic variants, sixth set (M72…M86): answers and answer sequences Mautic 4, 5 and 6 really give that the
 * first five sets (vendor-variants.test.ts M01–M12, vendor-variants-mautic-2.test.ts M13–M26,
 * vendor-variants-mautic-3.test.ts M27–M41, vendor-variants-mautic-4.test.ts M42–M56,
 * vendor-variants-mautic-5.test.ts M57–M71) do not have: the contact list's total taken from Mautic's count
 * cache (a lead created seconds ago listed under `total: 0`, a deleted one counted with nobody listed); the
 * mapped fields in an admin's own field group (`fields.qualification`, a numeric select whose label is only in
 * `normalizedValue`); wrong credentials in Mautic 5's own words and in a Spanish instance's; page hits stored
 * without a page URL (null, the tracking pixel's request URI, a single-page app's relative path made absolute
 * with Mautic's own site_url); a contact the API user created but another user owns (listed, its record and
 * activity refused), also as the rep's chosen match; a contact merged away between two activity pages; a role
 * that reads contacts but not assets; a phone-only contact found through the mapped CRM id; an activity and a
 * search that never answer; the rep's search for a company with "&"; a note whose emoji a utf8 (3-byte) MySQL
 * column refuses; assets whose download links say http; mapped select and multiselect values whose option was
 * deleted.
 *
 * Written from Mautic's source (mautic/mautic), its developer documentation and public issue threads, without
 * reading the connector's mapping or client code. Each expectation is what Mautic's documented meaning says a
 * rep should see, or what must hold (nothing crashes, nothing is lost, never a wrong value, a clear specific
 * error); where the right answer is a product choice only that is asserted. Shapes and sources: section
 * "mautic6/ (sixth set)" of the variants README (test/fixtures/api/variants/README.md).
 */
import { describe, expect, it, vi } from 'vitest';
import { ContentItemSchema, FeedbackItemSchema, type ContentItem, type LeadProfile } from '@/lib/schema';
import { MauticSourceSchema } from '@/lib/schema/sources';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import countCacheNewLead from '@/test/fixtures/api/variants/mautic6/contacts-count-cache-new-lead.json';
import countCacheDeleted from '@/test/fixtures/api/variants/mautic6/contacts-count-cache-deleted.json';
import customFieldGroup from '@/test/fixtures/api/variants/mautic6/contacts-custom-field-group.json';
import error401InvalidCredentials from '@/test/fixtures/api/variants/mautic6/error-401-invalid-credentials.json';
import error401Es from '@/test/fixtures/api/variants/mautic6/error-401-es.json';
import marta from '@/test/fixtures/api/variants/mautic6/contacts-marta.json';
import hitsWithoutPageUrl from '@/test/fixtures/api/variants/mautic6/activity-hits-without-page-url.json';
import ownedByOther from '@/test/fixtures/api/variants/mautic6/contacts-created-by-api-owned-by-other.json';
import error403 from '@/test/fixtures/api/variants/mautic6/error-403-access-denied.json';
import chloe from '@/test/fixtures/api/variants/mautic6/contacts-chloe.json';
import chloeHits from '@/test/fixtures/api/variants/mautic6/activity-chloe-30-hits.json';
import error404ItemNotFound from '@/test/fixtures/api/variants/mautic6/error-404-item-not-found.json';
import adaeze from '@/test/fixtures/api/variants/mautic6/contacts-adaeze.json';
import noEmailCrmId from '@/test/fixtures/api/variants/mautic6/contacts-no-email-crm-id.json';
import ravi from '@/test/fixtures/api/variants/mautic6/contacts-ravi.json';
import searchSmithSon from '@/test/fixtures/api/variants/mautic6/contacts-search-smith-son.json';
import grace from '@/test/fixtures/api/variants/mautic6/contacts-grace.json';
import tom from '@/test/fixtures/api/variants/mautic6/contacts-tom.json';
import noteCreated from '@/test/fixtures/api/variants/mautic6/note-created.json';
import error500Generic from '@/test/fixtures/api/variants/mautic6/error-500-generic.json';
import assetsHttpDownloadUrl from '@/test/fixtures/api/variants/mautic6/assets-http-download-url.json';
import staleOptions from '@/test/fixtures/api/variants/mautic6/contacts-stale-options.json';
import { ConnectorError, type DeliveryResult, type OutboxEntry } from './types';
import { describeOutcome, hangWhere, json, mt, MT_ACTIVITY, MT_BASE, MT_PASSWORD as PASSWORD, mtActivity, mtList, mtQuery, mtSource, noteAsRead, rawServer, rejection, resetBetweenTests, serve, signal, type RawCall, wellFormed, withMappings, MT_EMPTY_LIST as EMPTY_LIST, mtListWhenAsked as listWhenAsked, queryValues } from '@/test/support/vendor-variants';

// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

resetBetweenTests();

const withSettings = (settings: Record<string, unknown>) => MauticSourceSchema.parse({ ...mtSource, ...settings });

/** HTML entities as Mautic stores them, which a rep must never read. */
const ENTITY = /&(amp|quot|lt|gt|apos|#\d+|#x[0-9a-f]+);/i;
/** An HTML tag or doctype: what a message must not carry. */
const HTML_TAG = /<[a-z!/]/i;

/** The profile a lookup resolved with, failing the test with what it was rejected with otherwise. */
function resolvedProfile(outcome: unknown): LeadProfile | null {
  expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(Error);
  return (outcome as { resolved: LeadProfile | null }).resolved;
}


// ---------------------------------------------------------------------------------------------
// Notes (M84): Mautic's NoteApiController as the fifth set describes it, on a MySQL whose lead_notes.text column is
// still `utf8` (3 bytes): a text with a character outside the Basic Multilingual Plane (an emoji) fails the INSERT
// (SQLSTATE 1366 "Incorrect string value"), which the API answers as its generic 500.

interface StoredNote {
  id: number;
  lead: number;
  text: string;
}
const OUTSIDE_BMP = /[\u{10000}-\u{10FFFF}]/u;
function utf8NoteBook(contacts: Record<string, unknown>) {
  const notes: StoredNote[] = [];
  let nextId = 8450;
  return {
    notes,
    create(call: RawCall): Response {
      const leadId = Number.parseInt(String(call.json?.lead ?? ''), 10);
      if (!leadId) return json(400, { errors: [{ code: 400, message: 'lead ID is mandatory', details: [], type: null }] });
      if (!contacts[String(leadId)]) return json(404, { errors: [{ code: 404, message: 'mautic.contact.error.notfound', details: [], type: null }] });
      const text = String(call.json?.text ?? '');
      if (OUTSIDE_BMP.test(text)) return json(500, error500Generic);
      const note = { id: nextId++, lead: leadId, text };
      notes.push(note);
      return json(201, { note: { ...noteCreated.note, id: note.id, text, lead: { ...noteCreated.note.lead, id: leadId } } }, { Location: `${MT_BASE}/api/notes/${note.id}` });
    },
    list(call: RawCall, path: string): Response | undefined {
      if (path === '/api/notes') {
        const search = (call.url.searchParams.get('search') ?? '').toLowerCase();
        const found = notes.filter((note) => note.text.toLowerCase().includes(search));
        return json(200, { total: found.length, notes: Object.fromEntries(found.map((note) => [String(note.id), { ...noteCreated.note, ...note, lead: { id: note.lead } }])) });
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

let itemCount = 0;
function verdictEntry(lead: { email: string; name: string; profileId: string }, note: string): OutboxEntry {
  itemCount += 1;
  const id = `6e1d${String(itemCount).padStart(4, '0')}-7a1b-4c2d-9e3f-${String(itemCount).padStart(12, '0')}`;
  const recordId = `00Q5e00000Ns${String(itemCount).padStart(4, '0')}`;
  const item = FeedbackItemSchema.parse({
    id,
    createdAt: '2026-12-07T09:14:00.000Z',
    lead: { key: `salesforce:${recordId}`, crm: 'salesforce', recordId, ...lead },
    source: { channel: 'paid_search', campaign: 'SOC 2 – EMEA brand' },
    rep: 'Dana Whitfield',
    kind: 'verdict',
    verdict: 'good_fit',
    reasons: ['Clear need'],
    note,
  });
  return { kind: 'feedback', item, id, attempts: 0, unclear: false };
}

// ---------------------------------------------------------------------------------------------

describe('Mautic variants, sixth set (Mautic 4/5/6 as it answers)', () => {
  // --- M72: the list's total from the count cache --------------------------------------------------

  it('M72a: the contact list’s total comes from Mautic’s count cache ("total": 0) while the list already holds the lead a form created seconds ago: the lead is found', async () => {
    serve([...mtList(countCacheNewLead), ...mtActivity(activityEmpty)]);
    const outcome = await rejection(mt().findProfile(mtQuery('oskar.lindqvist@northwind-freight.example'), signal));
    const profile = resolvedProfile(outcome);
    expect(profile, 'the contact Mautic listed was not taken for the lead').not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('7201');
    expect.soft(lead.name).toBe('Oskar Lindqvist');
    expect.soft(lead.company).toBe('Northwind Freight AB');
  });

  it('M72b: the cached total still counts a contact deleted a moment ago ("total": "1", "contacts": []): nobody, not an error or a blank lead', async () => {
    serve([{ method: 'GET', path: '/api/contacts', body: countCacheDeleted }, ...mtActivity(activityEmpty)]);
    const outcome = await rejection(mt().findProfile(mtQuery('oskar.lindqvist@northwind-freight.example'), signal));
    expect(outcome, describeOutcome(outcome)).toEqual({ resolved: null });
  });

  // --- M73: an admin's own field group -------------------------------------------------------------

  it('M73: the mapped problem, channel and best-time fields sit in an admin-made field group ("fields.qualification"), the channel a numeric select ("2", normalizedValue "Phone"): all three are read', async () => {
    serve([...mtList(customFieldGroup), ...mtActivity(activityEmpty)]);
    const source = withMappings({ problem: 'biggest_challenge', preferredChannel: 'preferred_contact', bestTime: 'best_time_to_call' });
    const lead = wellFormed(await mt(source).findProfile(mtQuery('priya.raman@contoso-health.example'), signal));
    expect.soft(lead.id).toBe('7301');
    expect.soft(lead.name).toBe('Priya Raman');
    expect.soft(lead.problems.map((problem) => problem.text).join(' | ')).toContain('SOC 2 evidence collection still lives in spreadsheets');
    // The option the lead picked is "Phone"; "2" is only Mautic's stored key for it.
    expect.soft(lead.contact.preferredChannel, 'the preferred channel').toBe('phone');
    expect.soft(lead.contact.bestTimeText ?? '', 'the best time, as the lead gave it').toContain('Tue/Thu 08:00–10:00 ET');
  });

  // --- M74, M75: a wrong password in Mautic's own words ----------------------------------------------

  it('M74: a wrong password on Mautic 5 (401 access_denied "Authorization denied, invalid credentials."): a sign-in error, and the connection test reports it in Mautic’s words with nothing working', async () => {
    rawServer(() => json(401, error401InvalidCredentials));
    const error = await rejection(mt().findProfile(mtQuery('oskar.lindqvist@northwind-freight.example'), signal));
    expect(error, describeOutcome(error)).toBeInstanceOf(ConnectorError);
    expect.soft((error as ConnectorError).kind).toBe('auth');
    expect.soft((error as ConnectorError).message).not.toContain(PASSWORD);
    const checks = await mt().testConnection(signal);
    expect.soft(checks.find((check) => check.capability === 'auth')?.ok, 'sign-in').toBe(false);
    expect.soft(checks.filter((check) => check.ok).map((check) => check.capability), 'capabilities reported as working').toEqual([]);
    expect.soft(checks.map((check) => check.message).join(' | ')).toContain('Authorization denied, invalid credentials.');
  });

  it('M75: a Mautic whose language is Spanish refuses the password in Spanish (401 "La autorización a la API está denegada."): still a sign-in error, the test quoting Mautic’s words', async () => {
    rawServer(() => json(401, error401Es));
    const error = await rejection(mt().findProfile(mtQuery('oskar.lindqvist@northwind-freight.example'), signal));
    expect(error, describeOutcome(error)).toBeInstanceOf(ConnectorError);
    expect.soft((error as ConnectorError).kind).toBe('auth');
    expect.soft((error as ConnectorError).message).not.toContain(PASSWORD);
    const checks = await mt().testConnection(signal);
    expect.soft(checks.find((check) => check.capability === 'auth')?.ok, 'sign-in').toBe(false);
    expect.soft(checks.filter((check) => check.ok).map((check) => check.capability), 'capabilities reported as working').toEqual([]);
    expect.soft(checks.map((check) => check.message).join(' | ')).toContain('La autorización a la API está denegada.');
  });

  // --- M76: page hits without a page URL ------------------------------------------------------------

  it('M76: page hits stored without a page URL (url null; the tracking pixel’s own "/mtracking.gif?d=…"; a relative "/app/checkout" whose label href Mautic prefixed with its site_url): never a page on Mautic’s host or the pixel, the real pages kept', async () => {
    serve([...mtList(marta), ...mtActivity(hitsWithoutPageUrl)]);
    const lead = wellFormed(await mt().findProfile(mtQuery('marta.kowalska@tailwind-logistics.example'), signal));
    expect.soft(lead.id).toBe('7601');
    const urls = lead.pageViews.map((view) => view.url);
    expect.soft(urls, 'the pages she read').toContain('https://www.keyline.example/pricing');
    expect.soft(urls, 'the pages she read').toContain('https://www.keyline.example/blog/soc2-for-logistics');
    // Mautic's host serves no "/app/checkout" and the pixel is no page: neither may be shown as one she read.
    expect.soft(urls.filter((url) => new URL(url).host === 'mautic.keyline.example'), 'pages on Mautic’s own host').toEqual([]);
    expect.soft(urls.filter((url) => /mtracking/i.test(url)), 'the tracking pixel as a page').toEqual([]);
    expect.soft(lead.pageViews.map((view) => view.title).join(' | ')).not.toMatch(/\bnull\b|undefined/);
  });

  // --- M77, M78: listed because the API user created it, refused because another user owns it ------------

  it('M77: the search lists a contact the API user created but another user owns (a viewown role): its record and activity answer 403; the lead the search answered is kept, with a gap', async () => {
    serve([
      { method: 'GET', path: '/api/contacts', body: ownedByOther },
      { method: 'GET', path: '/api/contacts/7701', status: 403, body: error403 },
      { method: 'GET', path: MT_ACTIVITY, status: 403, body: error403 },
    ]);
    const outcome = await rejection(mt().findProfile(mtQuery('jonas.weber@fabrikam-maschinenbau.example'), signal));
    const profile = resolvedProfile(outcome);
    expect(profile, 'the contact Mautic listed was reported as not in Mautic').not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('7701');
    expect.soft(lead.name).toBe('Jonas Weber');
    expect.soft(lead.company).toBe('Fabrikam Maschinenbau GmbH');
    expect.soft(lead.pageViews).toEqual([]);
    expect.soft((lead.gaps ?? []).length, 'what could not be read, said').toBeGreaterThan(0);
    expect.soft(JSON.stringify(lead.gaps ?? [])).not.toMatch(HTML_TAG);
  });

  it('M78: the rep’s chosen match is that contact (GET /api/contacts/7701 answers 403): a refusal, or the lead; never "gone"', async () => {
    serve([
      // Mautic's search command "ids:7701" (or any search) lists it: the API user created it.
      { method: 'GET', path: '/api/contacts', body: ownedByOther },
      { method: 'GET', path: '/api/contacts/7701', status: 403, body: error403 },
      { method: 'GET', path: MT_ACTIVITY, status: 403, body: error403 },
    ]);
    const outcome = await rejection(mt().getProfile('7701', signal));
    if (outcome instanceof ConnectorError) {
      expect.soft(['auth', 'rejected'], describeOutcome(outcome)).toContain(outcome.kind);
      expect.soft(outcome.message).not.toMatch(HTML_TAG);
    } else {
      const profile = resolvedProfile(outcome);
      expect(profile, 'a contact Mautic refused to show was reported as deleted').not.toBeNull();
      expect.soft(wellFormed(profile).id).toBe('7701');
    }
  });

  // --- M79: merged away between two activity pages ---------------------------------------------------

  it('M79: the contact (130 page hits) is merged into another between activity page 1 and page 2 (page 2 answers 404 "Item was not found."): page 1’s history is kept and the brief says the rest is missing', async () => {
    // 130 page hits, one every 7 minutes back from 2026-12-05 14:50 UTC (the fixture's 30 pages, repeated): more than one page at any limit up to 100.
    const newest = Date.parse('2026-12-05T14:50:00Z');
    const events = Array.from({ length: 130 }, (_, i) => {
      const template = chloeHits.events[i % chloeHits.events.length]!;
      const at = new Date(newest - i * 7 * 60_000).toISOString().replace('.000Z', '+00:00');
      const id = String(98300 - i);
      return { ...template, eventId: id, timestamp: at, details: { hit: { ...template.details.hit, hitId: id, dateHit: at, dateLeft: null } } };
    });
    let servedUpTo = 0;
    serve([...mtList(chloe)]);
    // The route fake answers fixed bodies; this activity pages by the request's own `limit`, as Mautic does.
    const base = globalThis.fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(String(input));
        if (!MT_ACTIVITY.test(url.pathname)) return base(input, init);
        const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1;
        const limit = Number.parseInt(url.searchParams.get('limit') ?? '25', 10) || 25;
        if (page > 1) return json(404, error404ItemNotFound);
        const slice = events.slice(0, limit);
        servedUpTo = slice.length;
        return json(200, { ...chloeHits, events: slice, page: 1, limit, total: events.length, maxPages: Math.ceil(events.length / limit) });
      }),
    );
    const lead = wellFormed(await mt().findProfile(mtQuery('chloe.martin@contoso-assurances.example'), signal));
    expect.soft(lead.id).toBe('7901');
    expect.soft(lead.name).toBe('Chloé Martin');
    expect.soft(lead.pageViews.length, 'the page views page 1 answered').toBe(servedUpTo);
    expect(servedUpTo, 'page 1 held only part of the history').toBeLessThan(events.length);
    expect.soft((lead.gaps ?? []).length, 'a shortened history says so').toBeGreaterThan(0);
    expect.soft(JSON.stringify(lead.gaps ?? [])).not.toMatch(HTML_TAG);
  });

  // --- M80: a role that reads contacts but not assets ---------------------------------------------------

  it('M80: the API user’s role reads contacts but not assets (GET /api/assets answers 403): the catalog read fails with a refusal (no empty catalog), the connection test says so in Mautic’s words and still reports the lookup working', async () => {
    serve([...mtList(adaeze), ...mtActivity(activityEmpty), { method: 'GET', path: '/api/assets', status: 403, body: error403 }]);
    const outcome = await rejection(mt().listContent(signal));
    // An empty list here would replace the catalog every rep has with nothing, as if marketing had unpublished it all.
    expect(outcome, describeOutcome(outcome)).toBeInstanceOf(ConnectorError);
    expect.soft(['auth', 'rejected']).toContain((outcome as ConnectorError).kind);
    const checks = await mt().testConnection(signal);
    const content = checks.find((check) => check.capability === 'content');
    expect.soft(content?.ok, 'the content list').toBe(false);
    expect.soft(content?.message ?? '').toContain('You do not have access to the requested area/action.');
    expect.soft(checks.find((check) => check.capability === 'lookup')?.ok, 'the lookup').toBe(true);
  });

  // --- M81: no e-mail, found by the mapped CRM id -----------------------------------------------------

  it('M81: a phone-only contact (email null) whose mapped CRM field holds the record id, looked up from a record page that shows no e-mail: that contact, with no address invented', async () => {
    const recordId = '00Q5e00000Pq8101AAB';
    serve([...listWhenAsked([recordId], noEmailCrmId), ...mtActivity(activityEmpty)]);
    const source = withMappings({ crmIdField: 'sfdc_lead_id', crm: 'salesforce' });
    const outcome = await rejection(mt(source).findProfile({ crm: 'salesforce', recordId }, signal));
    const profile = resolvedProfile(outcome);
    expect(profile, 'the contact holding the record id was not found').not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('8101');
    expect.soft(lead.name).toBe('Kenji Watanabe');
    expect.soft(lead.company).toBe('Fabrikam Japan KK');
    expect.soft(lead.email).toBeUndefined();
  });

  // --- M82: an activity and a search that never answer -------------------------------------------------

  it('M82a: the contact answers but its activity never does (a large timeline; source timeout 1 s): the lead is shown with a gap, not lost to the timeout', async () => {
    serve([...mtList(ravi), ...mtActivity(activityEmpty)]);
    hangWhere((url) => MT_ACTIVITY.test(url.pathname));
    const started = Date.now();
    const outcome = await rejection(mt(withSettings({ timeoutSeconds: 1 })).findProfile(mtQuery('ravi.shankar@tailspin-toys.example'), signal));
    expect.soft(Date.now() - started, 'within the time limit').toBeLessThan(15_000);
    const lead = wellFormed(resolvedProfile(outcome));
    expect.soft(lead.id).toBe('8201');
    expect.soft(lead.name).toBe('Ravi Shankar');
    expect.soft(lead.score).toBe(73);
    expect.soft(lead.pageViews).toEqual([]);
    expect.soft((lead.gaps ?? []).length, 'the history that could not be read, said').toBeGreaterThan(0);
  });

  it('M82b: the search never answers: a timeout error within the source’s timeout (1 s), not a hang and not "not in Mautic"', async () => {
    serve([...mtList(ravi), ...mtActivity(activityEmpty)]);
    hangWhere((url) => url.pathname === '/api/contacts');
    const started = Date.now();
    const error = await rejection(mt(withSettings({ timeoutSeconds: 1 })).findProfile(mtQuery('ravi.shankar@tailspin-toys.example'), signal));
    expect(error, describeOutcome(error)).toBeInstanceOf(ConnectorError);
    expect.soft((error as ConnectorError).kind).toBe('timeout');
    expect.soft(Date.now() - started).toBeLessThan(15_000);
  });

  // --- M83: the rep's search with "&" ----------------------------------------------------------------

  it('M83: the rep searches "Smith & Søn" (a company Mautic stores as "Smith &amp; Søn ApS"): the "&" reaches Mautic inside the search, and both people come back decoded', async () => {
    const seen = serve([...listWhenAsked(['smith', '&', 'søn'], searchSmithSon)]);
    const outcome = await rejection(mt().searchProfiles('Smith & Søn', signal));
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(Error);
    const results = (outcome as { resolved: { id: string; name?: string; company?: string }[] }).resolved;
    const asked = seen.filter((call) => call.url.pathname === '/api/contacts').map((call) => queryValues(call.url).join(' & '));
    expect.soft(results.map((result) => result.id).sort(), `Mautic read the search as: ${asked.join(' | ')}`).toEqual(['8301', '8302']);
    for (const result of results) {
      expect.soft(result.company).toBe('Smith & Søn ApS');
      expect.soft(`${result.name} ${result.company}`).not.toMatch(ENTITY);
    }
  });

  // --- M84: an emoji on a utf8 (3-byte) MySQL ---------------------------------------------------------

  it('M84: a batch of two notes, one with an emoji that Mautic’s utf8 lead_notes.text column refuses (500 "Looks like I encountered an error…"): the other is delivered, the refused one is not lost and not marked delivered', async () => {
    const contacts = { ...grace.contacts, ...tom.contacts } as Record<string, unknown>;
    const book = utf8NoteBook(contacts);
    rawServer((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST' && path === '/api/notes/new') return book.create(call);
      const listed = book.list(call, path);
      if (listed) return listed;
      if (call.method === 'GET' && path === '/api/contacts') {
        const text = queryValues(call.url).join(' ').toLowerCase();
        if (text.includes('grace.okafor@northwind-traders.example')) return json(200, grace);
        if (text.includes('tom.becker@adventure-works.example')) return json(200, tom);
        return json(200, EMPTY_LIST);
      }
      const one = /^\/api\/contacts\/(\d+)$/.exec(path);
      if (call.method === 'GET' && one) return contacts[one[1]!] ? json(200, { contact: contacts[one[1]!] }) : json(404, error404ItemNotFound);
      if (call.method === 'GET' && MT_ACTIVITY.test(path)) return json(200, activityEmpty);
      return json(404, { errors: [{ message: `Requested URL not found: ${path}`, code: 404, type: null }] });
    });
    const emojiWords = 'Loved the demo 👍 – wants pricing for 3 sites';
    const plainWords = 'Budget approved for Q1; security review next week.';
    const withEmoji = verdictEntry({ email: 'grace.okafor@northwind-traders.example', name: 'Grace Okafor', profileId: '8401' }, emojiWords);
    const plain = verdictEntry({ email: 'tom.becker@adventure-works.example', name: 'Tom Becker', profileId: '8402' }, plainWords);
    const outcome = await rejection(mt().deliver([withEmoji, plain], signal));
    // Not the whole batch failing the same way: one result per entry (types.ts, Connector.deliver).
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(Error);
    const results = (outcome as { resolved: DeliveryResult[] }).resolved;
    expect.soft(results.map((result) => result.id).sort()).toEqual([withEmoji.id, plain.id].sort());
    expect.soft(results.find((result) => result.id === plain.id)?.outcome, describeOutcome(results)).toBe('delivered');
    expect.soft(book.notes.filter((note) => note.lead === 8402).map((note) => noteAsRead(note.text)).join(' | ')).toContain(plainWords);
    const emojiResult = results.find((result) => result.id === withEmoji.id);
    const onGrace = book.notes.filter((note) => note.lead === 8401).map((note) => noteAsRead(note.text));
    if (emojiResult?.outcome === 'delivered') {
      // Delivered only if a note with her words is really on the contact (an emoji written some other way is fine).
      expect.soft(onGrace.join(' | '), 'the note said to be delivered').toContain('wants pricing for 3 sites');
    } else {
      expect.soft(['retry', 'rejected'], describeOutcome(emojiResult)).toContain(emojiResult?.outcome);
      if (emojiResult && (emojiResult.outcome === 'retry' || emojiResult.outcome === 'rejected')) {
        expect.soft(emojiResult.error.trim().length, 'the reason').toBeGreaterThan(0);
        expect.soft(emojiResult.error).not.toContain(PASSWORD);
      }
    }
    expect.soft(book.notes.filter((note) => note.lead === 8402), 'one note on Tom').toHaveLength(1);
  });

  // --- M85: download links that say http ------------------------------------------------------------

  it('M85: assets whose downloadUrl says http://mautic.keyline.example/… (TLS ends at a proxy Mautic does not trust) while the instance is reached over https: catalog items that link to the https address', async () => {
    serve([{ method: 'GET', path: '/api/assets', body: assetsHttpDownloadUrl }]);
    const outcome = await rejection(mt().listContent(signal));
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(Error);
    const items = (outcome as { resolved: ContentItem[] }).resolved;
    for (const item of items) expect.soft(ContentItemSchema.safeParse(item).success, item.id).toBe(true);
    expect.soft(items.map((item) => item.title).sort(), 'both published assets').toEqual(['Access review checklist', "SOC 2 buyer's guide"]);
    for (const item of items) {
      // A lead given the http:// link leaves TLS (or hits a closed port 80): the asset's address is the https one.
      expect.soft(item.url, item.title).toMatch(/^https:\/\/mautic\.keyline\.example\/asset\/3[12]:/);
    }
  });

  // --- M86: mapped options that no longer exist ------------------------------------------------------

  it('M86: the mapped select holds an option the admin has since deleted ("teams"; normalizedValue falls back to it) and the multiselect "morning|lunch" keeps one deleted option: never another option’s channel, nothing of her answer dropped', async () => {
    serve([...mtList(staleOptions), ...mtActivity(activityEmpty)]);
    const source = withMappings({ preferredChannel: 'preferred_contact', bestTime: 'best_time_slots' });
    const lead = wellFormed(await mt(source).findProfile(mtQuery('amelia.hughes@woodgrove-insurance.example'), signal));
    expect.soft(lead.id).toBe('8601');
    // She chose a Teams call: a video call, or unknown; never the e-mail or phone options left in the list.
    expect.soft([undefined, 'video_call'], `preferred channel ${lead.contact.preferredChannel}`).toContain(lead.contact.preferredChannel);
    const bestTime = lead.contact.bestTimeText ?? '';
    expect.soft(bestTime).toContain('Morning (9–12)');
    expect.soft(bestTime.toLowerCase(), 'the deleted option she chose').toContain('lunch');
  });
});
