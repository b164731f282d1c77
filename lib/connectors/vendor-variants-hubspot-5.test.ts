/**
 * HubSpot vendor variants, fifth set (H58…H72): answers and answer sequences HubSpot really sends that
 * the first four sets (vendor-variants.test.ts H01–H12, vendor-variants-hubspot-2.test.ts H13–H27,
 * vendor-variants-hubspot-3.test.ts H28–H42, vendor-variants-hubspot-4.test.ts H43–H57) do not have,
 * on the paths they touched least: writing the rep's feedback back as a note on the contact (a
 * GDPR-deleted contact still in the search index answered with HubSpot's 400 "One or more associations
 * are invalid", a 423 Locked write, a contact merged between the brief and the write, a token that may
 * read but not write, a 504 after HubSpot stored the note, one address on two contacts through a
 * `;`-joined `hs_additional_emails`, a contact without e-mail, the rep's own words in an HTML note body,
 * a 429 in the middle of a batch), the content read for suggestions (HubDB DATE cells at midnight UTC
 * read west of UTC beside DATETIME cells, `;`-joined lists beside MULTISELECT and SELECT cells, a token
 * without the `hubdb` scope, a sandbox that has no copy of the production table, a table named by its
 * name and 2,400 rows over several pages) and the rep's own search (HubSpot's order is not relevance; a
 * short page that still has a next cursor). Written from HubSpot's documents, SDKs, changelogs and
 * public issue threads and integration code, without reading the connector's mapping or client code:
 * each expectation is what HubSpot's documented meaning says a rep should see, or what must hold
 * (nothing crashes, nothing is lost or written twice, a clear specific error, a retry where HubSpot says
 * to wait); where the answer is a product choice only what must hold is asserted. The write cases run
 * against a small stateful fake of one portal (below) that answers as HubSpot does and keeps the notes
 * created, so a test checks what HubSpot ends up holding rather than the calls that got it there.
 * Shapes and sources: test/fixtures/api/variants/README.md, section "hubspot5/ (fifth set)".
 */
import { decodeHTML } from 'entities';
import { describe, expect, it, vi } from 'vitest';
import { ContentItemSchema, FeedbackItemSchema, type ContentItem, type FeedbackItem, type LeadRef } from '@/lib/schema';
import staleGdpr from '@/test/fixtures/api/variants/hubspot5/search-65058-stale-gdpr.json';
import yusuf from '@/test/fixtures/api/variants/hubspot5/contact-65158.json';
import associationsInvalid from '@/test/fixtures/api/variants/hubspot5/error-400-associations-invalid.json';
import associationType from '@/test/fixtures/api/variants/hubspot5/error-400-association-type.json';
import locked423 from '@/test/fixtures/api/variants/hubspot5/error-423-locked.json';
import kaveh from '@/test/fixtures/api/variants/hubspot5/contact-65059.json';
import staleMerged from '@/test/fixtures/api/variants/hubspot5/search-65060-stale-merged.json';
import mergedSurvivor from '@/test/fixtures/api/variants/hubspot5/contact-65960-merged-survivor.json';
import writeScope403 from '@/test/fixtures/api/variants/hubspot5/error-403-write-scope.json';
import tokenInfoReadOnly from '@/test/fixtures/api/variants/hubspot5/private-app-token-info-read-only.json';
import tomasz from '@/test/fixtures/api/variants/hubspot5/contact-65061.json';
import chidi from '@/test/fixtures/api/variants/hubspot5/contact-65062.json';
import sofia from '@/test/fixtures/api/variants/hubspot5/contact-65063-primary.json';
import sharedInbox from '@/test/fixtures/api/variants/hubspot5/contact-60163-shared-inbox.json';
import aroha from '@/test/fixtures/api/variants/hubspot5/contact-65064-phone-only.json';
import mateus from '@/test/fixtures/api/variants/hubspot5/contact-65071.json';
import noor from '@/test/fixtures/api/variants/hubspot5/contact-65072.json';
import ethan from '@/test/fixtures/api/variants/hubspot5/contact-65172.json';
import meiLin from '@/test/fixtures/api/variants/hubspot5/contact-65272.json';
import tenSecondly429 from '@/test/fixtures/api/variants/hubspot5/error-429-ten-secondly-notes.json';
import noteTemplate from '@/test/fixtures/api/variants/hubspot5/note-created-template.json';
import hubdbDates from '@/test/fixtures/api/variants/hubspot5/hubdb-dates.json';
import hubdbLists from '@/test/fixtures/api/variants/hubspot5/hubdb-lists.json';
import hubdbRowTemplate from '@/test/fixtures/api/variants/hubspot5/hubdb-row-template.json';
import hubdbScope403 from '@/test/fixtures/api/variants/hubspot5/error-403-hubdb-scope.json';
import resourceNotFound from '@/test/fixtures/api/variants/hubspot5/error-404-resource-not-found.json';
import anaExactLast from '@/test/fixtures/api/variants/hubspot5/search-text-ana-exact-last.json';
import anaShortPage1 from '@/test/fixtures/api/variants/hubspot5/search-text-ana-short-page1.json';
import anaShortPage2 from '@/test/fixtures/api/variants/hubspot5/search-text-ana-short-page2.json';
import { ConnectorError, type CapabilityCheck, type DeliveryResult, type ProfileSummary } from './types';
import { feedbackEntry as entry, deliveryResultFor as resultFor, settledDelivery, HS_TOKEN, hub, instant, noEvents, rejection, resetBetweenTests, said, serve, signal, wellFormed } from '@/test/support/vendor-variants';


// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

resetBetweenTests();

type Json = Record<string, any>;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** Fills `{name}` placeholders anywhere in a fixture. */
const fill = (template: unknown, values: Record<string, string>): Json =>
  JSON.parse(JSON.stringify(template).replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? JSON.stringify(values[key]).slice(1, -1) : whole)));

/** What a refusal or a failed delivery says, in English and as a code. */

const ALL_SCOPES = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read', 'hubdb', 'oauth'];
const TABLE_ID = '5729341';

// ---------------------------------------------------------------------------------------------
// A small stateful fake of one HubSpot portal: contacts (with a search index that can lag behind),
// merged ids, notes and their contact associations, HubDB tables, the token's scopes. Everything it
// answers is HubSpot's documented shape (the fixtures); what it holds afterwards is what HubSpot holds.

interface Note {
  id: string;
  body: string;
  timestamp: string;
  contacts: string[];
}

/** An answer to script for one `POST /crm/v3/objects/notes`, in order; `store`: HubSpot kept the note anyway. */
type Scripted = 'ok' | { status: number; body?: unknown; text?: string; headers?: Record<string, string>; store?: boolean };

interface PortalSetup {
  /** Live contacts the search index shows, in the order the index answers them. */
  contacts?: Json[];
  /** Live contacts the search index has not caught up with yet (a record made by a merge a moment ago). */
  unindexed?: Json[];
  /** Search hits for ids that are gone (GDPR-deleted, merged away): the index still lists them. */
  stale?: Json[];
  /** A merged-away id → the surviving record's id (reads by the old id answer the survivor). */
  merged?: Record<string, string>;
  scopes?: string[];
  /** HubDB tables by id and by name; a table not listed answers 404. */
  tables?: Record<string, { id: string; name: string; rows: Json[] }>;
  noteCreates?: Scripted[];
  /** The rep's free-text search (`query`), when the test answers it from fixtures. */
  textSearch?: (body: Json) => Json;
}

interface PortalCall {
  method: string;
  path: string;
  url: URL;
  body: any;
  at: number;
}

function hubspotPortal(setup: PortalSetup) {
  const contacts = new Map<string, Json>();
  for (const record of [...(setup.contacts ?? []), ...(setup.unindexed ?? [])]) contacts.set(record.id, record);
  const indexed: Json[] = [...(setup.contacts ?? []), ...(setup.stale ?? [])];
  const merged = setup.merged ?? {};
  const scopes = new Set(setup.scopes ?? ALL_SCOPES);
  const script = [...(setup.noteCreates ?? [])];
  const notes: Note[] = [];
  const calls: PortalCall[] = [];

  const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
    new Response(status === 204 ? null : JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json;charset=utf-8', ...headers } });
  const missingScope = (scope: string) => {
    const body = clone(scope === 'hubdb' ? hubdbScope403 : writeScope403) as Json;
    body.errors[0].context.requiredGranularScopes = [scope];
    return json(403, body);
  };
  const live = (id: string) => contacts.has(id) && !(id in merged);
  const resolve = (id: string) => merged[id] ?? id;

  function createNote(body: Json): Note | Response {
    const ids: string[] = [];
    for (const association of (body?.associations ?? []) as Json[]) {
      for (const type of (association.types ?? []) as Json[]) {
        if (type.associationCategory !== 'HUBSPOT_DEFINED' || Number(type.associationTypeId) !== 202) {
          return json(400, fill(associationType, { category: String(type.associationCategory), typeId: String(type.associationTypeId) }));
        }
      }
      const to = String(association.to?.id ?? '');
      if (!live(to)) return json(400, fill(associationsInvalid, { id: to }));
      ids.push(to);
    }
    const note: Note = {
      id: String(81_500_000_001 + notes.length),
      body: String(body?.properties?.hs_note_body ?? ''),
      timestamp: String(body?.properties?.hs_timestamp ?? new Date().toISOString()),
      contacts: ids,
    };
    notes.push(note);
    return note;
  }
  const noteJson = (note: Note) => {
    const stamp = /^\d+$/.test(note.timestamp) ? new Date(Number(note.timestamp)).toISOString() : note.timestamp;
    const answer = fill(noteTemplate, { id: note.id, preview: note.body.replace(/<[^>]*>/g, ' ').slice(0, 200), now: '2026-11-21T10:15:02.361Z', timestamp: stamp });
    answer.properties.hs_note_body = note.body;
    return answer;
  };

  /** HubSpot's search filter operators over one record's properties (values compared as HubSpot's index does, case aside). */
  function matches(properties: Json, filter: Json): boolean {
    const raw = properties[filter.propertyName];
    const value = raw === null || raw === undefined ? '' : String(raw);
    const wanted = String(filter.value ?? '').toLowerCase();
    switch (filter.operator) {
      case 'EQ':
        return value.toLowerCase() === wanted;
      case 'NEQ':
        return value.toLowerCase() !== wanted;
      case 'IN':
        return ((filter.values ?? []) as unknown[]).map((entry) => String(entry).toLowerCase()).includes(value.toLowerCase());
      case 'HAS_PROPERTY':
        return value !== '';
      case 'NOT_HAS_PROPERTY':
        return value === '';
      case 'CONTAINS_TOKEN': {
        const pattern = new RegExp(`^${wanted.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
        return value.toLowerCase().split(/[;\s,]+/).filter(Boolean).some((token) => pattern.test(token));
      }
      default:
        return false;
    }
  }
  const inGroups = (properties: Json, groups: Json[] | undefined) =>
    !groups?.length || groups.some((group) => ((group.filters ?? []) as Json[]).every((filter) => matches(properties, filter)));

  function searchContacts(body: Json): Json {
    if (typeof body?.query === 'string' && setup.textSearch) return setup.textSearch(body);
    const text = typeof body?.query === 'string' ? body.query.toLowerCase() : '';
    const hits = indexed.filter(
      (record) =>
        inGroups(record.properties, body?.filterGroups) &&
        (!text || ['firstname', 'lastname', 'email', 'company', 'hs_additional_emails'].some((name) => String(record.properties[name] ?? '').toLowerCase().includes(text))),
    );
    const after = Number(body?.after ?? 0) || 0;
    const limit = Math.min(Number(body?.limit ?? 10) || 10, 200);
    const wanted: string[] = body?.properties?.length ? body.properties : ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];
    const page = hits.slice(after, after + limit).map((record) => ({
      id: record.id,
      properties: Object.fromEntries(['hs_object_id', 'createdate', 'lastmodifieddate', ...wanted].map((name) => [name, record.properties[name] ?? null])),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      archived: false,
    }));
    const answer: Json = { total: hits.length, results: page };
    if (after + limit < hits.length) answer.paging = { next: { after: String(after + limit), link: `?after=${after + limit}` } };
    return answer;
  }

  function searchNotes(body: Json): Json {
    /** `associations.contact EQ id` asks whether the note is on that contact; the rest are the note's own properties. */
    const noteMatches = (note: Note, filter: Json) =>
      filter.propertyName === 'associations.contact'
        ? filter.operator === 'EQ' && note.contacts.includes(String(filter.value))
        : matches({ hs_note_body: note.body, hs_object_id: note.id, hs_timestamp: String(Date.parse(note.timestamp)) }, filter);
    const groups = (body?.filterGroups ?? []) as Json[];
    const hits = notes.filter(
      (note) =>
        (!groups.length || groups.some((group) => ((group.filters ?? []) as Json[]).every((filter) => noteMatches(note, filter)))) &&
        (typeof body?.query !== 'string' || note.body.toLowerCase().includes(body.query.toLowerCase())),
    );
    return {
      total: hits.length,
      results: hits.map((note) => {
        const full = noteJson(note);
        const { hs_createdate, hs_lastmodifieddate, hs_timestamp } = full.properties;
        return { ...full, properties: { hs_createdate, hs_lastmodifieddate, hs_note_body: note.body, hs_object_id: note.id, hs_timestamp } };
      }),
    };
  }

  function hubdbRows(table: { id: string; name: string; rows: Json[] }, url: URL): Json {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 1000) || 1000, 1000);
    const afterToken = url.searchParams.get('after');
    const offset = afterToken ? Number(Buffer.from(afterToken, 'base64').toString('utf8')) || 0 : 0;
    const results = table.rows.slice(offset, offset + limit);
    const answer: Json = { total: table.rows.length, results, type: 'STREAMING' };
    if (offset + limit < table.rows.length) {
      const next = Buffer.from(String(offset + limit)).toString('base64');
      answer.paging = { next: { after: next, link: `https://api.hubapi.com/cms/v3/hubdb/tables/${table.id}/rows?after=${next}` } };
    }
    return answer;
  }

  function answer(method: string, url: URL, body: any): Response | undefined {
    const path = url.pathname;
    const needs = (scope: string) => (scopes.has(scope) ? undefined : missingScope(scope));
    if (method === 'POST' && path === '/oauth/v2/private-apps/get/access-token-info') {
      return json(200, { ...tokenInfoReadOnly, scopes: [...scopes] });
    }
    // Contacts and their events: crm.objects.contacts.read.
    if (path === '/crm/v3/objects/contacts/search' && method === 'POST') return needs('crm.objects.contacts.read') ?? json(200, searchContacts(body));
    if (path === '/crm/v3/objects/contacts' && method === 'GET') {
      const first = indexed.find((record) => live(record.id));
      return needs('crm.objects.contacts.read') ?? json(200, { results: first ? [{ id: first.id, properties: { email: first.properties.email ?? null, hs_object_id: first.id }, createdAt: first.createdAt, updatedAt: first.updatedAt, archived: false }] : [] });
    }
    const contactRead = /^\/crm\/v3\/objects\/contacts\/([^/]+)$/.exec(path);
    if (contactRead && method === 'GET') {
      const refused = needs('crm.objects.contacts.read');
      if (refused) return refused;
      const key = decodeURIComponent(contactRead[1]!);
      const byEmail = url.searchParams.get('idProperty') === 'email' ? [...contacts.values()].find((record) => String(record.properties.email ?? '').toLowerCase() === key.toLowerCase()) : undefined;
      const record = byEmail ?? contacts.get(resolve(key));
      if (record && live(record.id)) return json(200, record);
      // A GDPR-deleted or never-known id: 404, here with no body (HubSpot's error fields are all optional).
      return new Response('', { status: 404 });
    }
    if (path === '/events/v3/events' || /^\/events\//.test(path)) return needs('crm.objects.contacts.read') ?? json(200, { results: [] });
    // Notes: created with crm.objects.contacts.write, read and searched with crm.objects.contacts.read.
    if (path === '/crm/v3/objects/notes' && method === 'POST') {
      const refused = needs('crm.objects.contacts.write');
      if (refused) return refused;
      const next = script.shift() ?? 'ok';
      if (next !== 'ok') {
        if (next.store) createNote(body);
        return new Response(next.text ?? JSON.stringify(next.body ?? {}), { status: next.status, headers: { 'Content-Type': next.text !== undefined ? 'text/plain' : 'application/json;charset=utf-8', ...next.headers } });
      }
      const created = createNote(body);
      return created instanceof Response ? created : json(201, noteJson(created));
    }
    if (path === '/crm/v3/objects/notes/search' && method === 'POST') return needs('crm.objects.contacts.read') ?? json(200, searchNotes(body));
    if (path === '/crm/v3/objects/notes' && method === 'GET') return needs('crm.objects.contacts.read') ?? json(200, { results: notes.slice(0, 1).map(noteJson) });
    const noteRead = /^\/crm\/v3\/objects\/notes\/(\d+)$/.exec(path);
    if (noteRead && method === 'GET') {
      const note = notes.find((candidate) => candidate.id === noteRead[1]);
      return needs('crm.objects.contacts.read') ?? (note ? json(200, noteJson(note)) : json(404, resourceNotFound));
    }
    // Associating a note afterwards (v4 default or labelled, v3 typed): crm.objects.contacts.write.
    const associate =
      /^\/crm\/v4\/objects\/notes?\/(\d+)\/associations\/(?:default\/)?contacts?\/([^/]+)$/.exec(path) ?? /^\/crm\/v3\/objects\/notes\/(\d+)\/associations\/contacts?\/([^/]+)\/[^/]+$/.exec(path);
    if (associate && method === 'PUT') {
      const refused = needs('crm.objects.contacts.write');
      if (refused) return refused;
      const note = notes.find((candidate) => candidate.id === associate[1]);
      const to = decodeURIComponent(associate[2]!);
      if (!note) return json(404, resourceNotFound);
      if (!live(to)) return json(400, fill(associationsInvalid, { id: to }));
      if (!note.contacts.includes(to)) note.contacts.push(to);
      return json(200, { fromObjectTypeId: '0-46', fromObjectId: Number(note.id), toObjectTypeId: '0-1', toObjectId: Number(to), labels: [] });
    }
    // HubDB: the hubdb scope; tables by id or by name (v3).
    const rows = /^\/cms\/v3\/hubdb\/tables\/([^/]+)\/rows(?:\/draft)?$/.exec(path);
    const tableInfo = /^\/cms\/v3\/hubdb\/tables\/([^/]+)(?:\/draft)?$/.exec(path);
    if ((rows || tableInfo) && method === 'GET') {
      const refused = needs('hubdb');
      if (refused) return refused;
      const table = setup.tables?.[decodeURIComponent((rows ?? tableInfo)![1]!)];
      if (!table) return json(404, resourceNotFound);
      if (rows) return json(200, hubdbRows(table, url));
      return json(200, { id: table.id, name: table.name, label: table.name, published: true, rowCount: table.rows.length, columns: [] });
    }
    return undefined;
  }

  serve([noEvents]);
  const fallback = globalThis.fetch;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' && init.body ? JSON.parse(init.body) : undefined;
      calls.push({ method, path: url.pathname, url, body, at: Date.now() });
      return answer(method, url, body) ?? fallback(input, init);
    }),
  );

  return {
    notes,
    calls,
    /** The notes HubSpot holds on one contact. */
    notesOn: (contactId: string) => notes.filter((note) => note.contacts.includes(contactId)),
    posts: () => calls.filter((call) => call.method === 'POST' && call.path === '/crm/v3/objects/notes'),
  };
}

// ---------------------------------------------------------------------------------------------
// Feedback as the panel makes it, and outbox entries as the outbox hands them to the connector.

const REP = 'Dana Whitfield';
function verdict(id: string, lead: Omit<LeadRef, 'key'>, extra: Partial<{ note: string; reasons: string[]; createdAt: string }> = {}): FeedbackItem {
  return FeedbackItemSchema.parse({
    id,
    createdAt: extra.createdAt ?? '2026-11-21T10:14:58.000Z',
    lead: { key: `${lead.crm}:${lead.recordId}`, ...lead },
    source: { channel: 'paid_search', campaign: 'Q4 Brand – Google Ads' },
    rep: REP,
    kind: 'verdict',
    verdict: 'good_fit',
    reasons: extra.reasons ?? ['Clear need'],
    ...(extra.note === undefined ? {} : { note: extra.note }),
  });
}
const check = (checks: CapabilityCheck[], capability: CapabilityCheck['capability']) => {
  const found = checks.find((candidate) => candidate.capability === capability);
  expect(found, `no "${capability}" check`).toBeDefined();
  return found!;
};

/** What a HubSpot note body (HTML) reads as on the contact's timeline: tags gone, entities decoded, <br> and blocks as line breaks. */
const noteText = (html: string) =>
  decodeHTML(
    html
      .replace(/\s*\n\s*/g, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h\d)>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  );

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, fifth set: writing feedback back as notes', () => {
  it('H58: a GDPR-deleted contact the search index still lists (the note\'s association answers 400 "One or more associations are invalid", CONTACT=65058 is not valid): no note without a contact, no success claimed; the batch mate\'s note is written', async () => {
    const portal = hubspotPortal({ contacts: [yusuf], stale: staleGdpr.results });
    const gone = verdict('0e7f5a1c-2b3d-4e6f-8a9b-1c2d3e4f5a58', { crm: 'salesforce', recordId: '00Q5j00000MaRiT1AB', email: 'marit.olsen@wideworld.example', name: 'Marit Olsen', profileId: '65058' });
    const mate = verdict('1f8a6b2d-3c4e-4f70-9b1c-2d3e4f5a6b58', { crm: 'salesforce', recordId: '00Q5j00000YuSuF2CD', email: 'yusuf.demir@tailspin.example', name: 'Yusuf Demir', profileId: '65158' });
    const outcome = settledDelivery(await rejection(hub().deliver([entry(gone), entry(mate)], signal)));
    expect(outcome, 'one lead HubSpot no longer has failed the whole batch').not.toBeInstanceOf(ConnectorError);
    const results = outcome as DeliveryResult[];
    expect(['rejected', 'retry']).toContain(resultFor(results, gone.id).outcome);
    expect(resultFor(results, mate.id).outcome).toBe('delivered');
    expect(portal.notesOn('65158')).toHaveLength(1);
    expect(portal.notes.filter((note) => note.contacts.length === 0), 'a note was left on no contact at all').toEqual([]);
    expect(portal.notes).toHaveLength(1);
  });

  it('H59: 423 Locked on the note (HubSpot: "Locks will last for 2 seconds … include a delay of at least 2 seconds"): written after the lock, never refused as bad data, never written twice', async () => {
    const portal = hubspotPortal({ contacts: [kaveh], noteCreates: [{ status: 423, body: locked423 }] });
    const item = verdict('2a9b7c3e-4d5f-4a81-8c2d-3e4f5a6b7c59', { crm: 'salesforce', recordId: '00Q5j00000KaVeH3EF', email: 'kaveh.rahimi@adventure-works.example', name: 'Kaveh Rahimi', profileId: '65059' });
    const first = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    if (first instanceof ConnectorError) {
      expect(['rate-limited', 'server']).toContain(first.kind);
      if (first.retryAfterMs !== undefined) expect(first.retryAfterMs).toBeGreaterThanOrEqual(2000);
    } else {
      const result = resultFor(first, item.id);
      expect(result.outcome, `a 2-second lock was taken for a refusal: ${said(result as { error?: string })}`).not.toBe('rejected');
      expect(['delivered', 'retry']).toContain(result.outcome);
      if (result.outcome === 'delivered') {
        const posts = portal.posts();
        expect(posts.length).toBeGreaterThanOrEqual(2);
        expect(posts.at(-1)!.at - posts[0]!.at, 'written again before the 2-second lock was over').toBeGreaterThanOrEqual(1900);
      }
    }
    if (portal.notes.length === 0) {
      // The outbox sends it again later.
      const again = settledDelivery(await rejection(hub().deliver([entry(item, { attempts: 1 })], signal)));
      expect(again).not.toBeInstanceOf(ConnectorError);
      expect(resultFor(again as DeliveryResult[], item.id).outcome).toBe('delivered');
    }
    expect(portal.notesOn('65059')).toHaveLength(1);
  }, 40_000);

  it('H60: the contact was merged between the brief and the verdict (the index still answers the old id 65060, whose association HubSpot refuses; reads of 65060 answer the survivor 65960): the note lands on 65960, or waits for a retry; never refused for good, never on anyone else', async () => {
    const portal = hubspotPortal({ stale: staleMerged.results, unindexed: [mergedSurvivor], merged: { '65060': '65960', '64960': '65960' } });
    const item = verdict('3b0c8d4f-5e6a-4b92-9d3e-4f5a6b7c8d60', { crm: 'salesforce', recordId: '00Q5j00000KeAnU4GH', email: 'keanu.makoa@fabrikam.example', name: 'Keanu Makoa', profileId: '65060' });
    const outcome = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    if (outcome instanceof ConnectorError) {
      expect(['server', 'rate-limited', 'network', 'timeout']).toContain(outcome.kind);
    } else {
      const result = resultFor(outcome, item.id);
      expect(result.outcome, `the lead is in HubSpot (merged into 65960), yet the verdict was refused for good: ${said(result as { error?: string })}`).not.toBe('rejected');
      if (result.outcome === 'delivered') {
        expect(portal.notesOn('65960')).toHaveLength(1);
        expect(result.remoteId).toBe(portal.notesOn('65960')[0]!.id);
      }
    }
    expect(portal.notes.every((note) => note.contacts.length > 0 && note.contacts.every((id) => id === '65960'))).toBe(true);
  });

  it('H61: a token that reads but may not write (403 MISSING_SCOPES, crm.objects.contacts.write, on the note only): not delivered, the scope named; the connection test does not report writing as working; lookups still work', async () => {
    const portal = hubspotPortal({ contacts: [tomasz], scopes: tokenInfoReadOnly.scopes });
    const item = verdict('4c1d9e5a-6f7b-4ca3-8e4f-5a6b7c8d9e61', { crm: 'salesforce', recordId: '00Q5j00000ToMaS5IJ', email: 'tomasz.nowak@litware.example', name: 'Tomasz Nowak', profileId: '65061' });
    const outcome = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    if (outcome instanceof ConnectorError) {
      expect(['auth', 'rejected']).toContain(outcome.kind);
      expect(said(outcome)).toContain('crm.objects.contacts.write');
      expect(said(outcome)).not.toContain(HS_TOKEN);
    } else {
      const result = resultFor(outcome, item.id);
      expect(result.outcome).not.toBe('delivered');
      expect(said(result as { error?: string })).toContain('crm.objects.contacts.write');
    }
    expect(portal.notes).toEqual([]);

    const checks = await hub().testConnection(signal);
    expect(check(checks, 'lookup').ok).toBe(true);
    const write = check(checks, 'write');
    // Soft, so the lookup below is checked (and reported) too.
    expect.soft(write.ok, `the connection test says "${write.message}" for a token HubSpot refuses notes to`).toBe(false);
    expect.soft(said(write)).toContain('crm.objects.contacts.write');

    const profile = wellFormed(await hub().findProfile({ crm: 'salesforce', recordId: '00Q5j00000ToMaS5IJ', email: 'tomasz.nowak@litware.example' }, signal));
    expect(profile.id).toBe('65061');
  });

  it('H62: HubSpot stored the note but its edge answered 504 (documented: pause, then retry): not refused, not counted delivered; the resend finds the stored note and writes no second one', async () => {
    const portal = hubspotPortal({ contacts: [chidi], noteCreates: [{ status: 504, text: '', store: true }] });
    const item = verdict('5d2e0f6b-7a8c-4db4-9f5a-6b7c8d9e0f62', { crm: 'salesforce', recordId: '00Q5j00000ChIdI6KL', email: 'chidi.okeke@northwind.example', name: 'Chidi Okeke', profileId: '65062' });
    const first = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    if (first instanceof ConnectorError) expect(['server', 'timeout', 'network']).toContain(first.kind);
    else {
      const result = resultFor(first, item.id);
      expect(['retry', 'delivered']).toContain(result.outcome);
      if (result.outcome === 'delivered') expect(result.remoteId).toBe(portal.notes[0]!.id);
    }
    expect(portal.notesOn('65062')).toHaveLength(1);
    const again = settledDelivery(await rejection(hub().deliver([entry(item, { attempts: 1, unclear: true })], signal)));
    expect(again).not.toBeInstanceOf(ConnectorError);
    const result = resultFor(again as DeliveryResult[], item.id);
    expect(result.outcome).toBe('delivered');
    expect(portal.notesOn('65062'), 'the verdict is now twice on the contact').toHaveLength(1);
    expect((result as { remoteId?: string }).remoteId).toBe(portal.notes[0]!.id);
  });

  it('H63: the lead\'s address is also on a shared procurement contact (its `;`-joined hs_additional_emails), which HubSpot lists first: the note goes on the contact the brief showed, whose own address it is', async () => {
    const portal = hubspotPortal({ contacts: [sharedInbox, sofia] });
    const item = verdict('6e3f1a7c-8b9d-4ec5-8a6b-7c8d9e0f1a63', { crm: 'salesforce', recordId: '00Q5j00000SoFiA7MN', email: 'sofia.marchetti@contoso.example', name: 'Sofia Marchetti', profileId: '65063' });
    const results = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    expect(results).not.toBeInstanceOf(ConnectorError);
    expect(resultFor(results as DeliveryResult[], item.id).outcome).toBe('delivered');
    expect(portal.notesOn('60163'), 'Sofia\'s verdict was written on the shared procurement contact').toEqual([]);
    expect(portal.notesOn('65063')).toHaveLength(1);
  });

  it('H64a: a verdict from the HubSpot record page of a contact without an e-mail (a form created it from a phone number): the note goes on that record', async () => {
    const portal = hubspotPortal({ contacts: [aroha] });
    const item = verdict('7f4a2b8d-9c0e-4fd6-9b7c-8d9e0f1a2b64', { crm: 'hubspot', recordId: '65064', name: 'Aroha Ngata', profileId: '65064' });
    const results = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    expect(results).not.toBeInstanceOf(ConnectorError);
    const result = resultFor(results as DeliveryResult[], item.id);
    expect(result.outcome, `the contact the brief showed is HubSpot's own record 65064, yet: ${said(result as { error?: string })}`).toBe('delivered');
    expect(portal.notesOn('65064')).toHaveLength(1);
  });

  it('H64b: the same contact reached from a Salesforce lead whose page shows no e-mail (the brief found HubSpot contact 65064): the note goes on 65064', async () => {
    const portal = hubspotPortal({ contacts: [aroha] });
    const item = verdict('8a5b3c9e-0d1f-4ae7-8c8d-9e0f1a2b3c64', { crm: 'salesforce', recordId: '00Q5j00000ArOhA8OP', name: 'Aroha Ngata', profileId: '65064' });
    const results = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    expect(results).not.toBeInstanceOf(ConnectorError);
    const result = resultFor(results as DeliveryResult[], item.id);
    expect(result.outcome, `the brief showed HubSpot contact 65064, yet: ${said(result as { error?: string })}`).toBe('delivered');
    expect(portal.notesOn('65064')).toHaveLength(1);
  });

  it('H65: the rep\'s own words ("<", "&", "€", a line break) in hs_note_body, which HubSpot shows as HTML: on the timeline exactly as typed, the two lines apart', async () => {
    const portal = hubspotPortal({ contacts: [mateus] });
    const typed = ['Budget < 10k € & wants SSO by Q2.', 'Call back after 3 pm (her time) – "no Mondays".'];
    const item = verdict('9b6c4d0f-1e2a-4bf8-9d9e-0f1a2b3c4d71', { crm: 'salesforce', recordId: '00Q5j00000MaTeU9QR', email: 'mateus.carvalho@fourthcoffee.example', name: 'Mateus Carvalho', profileId: '65071' }, { note: typed.join('\n'), reasons: ['Budget', 'Right company size'] });
    const results = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    expect(results).not.toBeInstanceOf(ConnectorError);
    expect(resultFor(results as DeliveryResult[], item.id).outcome).toBe('delivered');
    const [note] = portal.notesOn('65071');
    expect(note).toBeDefined();
    const lines = noteText(note!.body).split('\n').map((line) => line.trim());
    for (const line of typed) expect(lines.some((shown) => shown.includes(line)), `"${line}" is not on the timeline as typed:\n${noteText(note!.body)}`).toBe(true);
    expect(lines.some((shown) => shown.includes(typed[0]!) && shown.includes(typed[1]!)), 'the rep\'s two lines run together on the timeline').toBe(false);
  });

  it('H66: a batch of three notes, the second answered 429 (TEN_SECONDLY_ROLLING): the first counts as delivered, none is refused for good, none is written twice; the batch is not thrown away as failed whole', async () => {
    const portal = hubspotPortal({
      contacts: [noor, ethan, meiLin],
      noteCreates: ['ok', { status: 429, body: tenSecondly429, headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Max': '190', 'X-HubSpot-RateLimit-Remaining': '0' } }],
    });
    const leads: [string, string, string, string][] = [
      ['0c7d5e1a-2f3b-4c09-8e0f-1a2b3c4d5e72', '65072', 'noor.alsayed@woodgrove.example', 'Noor Al-Sayed'],
      ['1d8e6f2b-3a4c-4d1a-9f1a-2b3c4d5e6f72', '65172', 'ethan.brooks@proseware.example', 'Ethan Brooks'],
      ['2e9f7a3c-4b5d-4e2b-8a2b-3c4d5e6f7a72', '65272', 'meilin.tan@lucerne.example', 'Mei Lin Tan'],
    ];
    const items = leads.map(([id, contactId, email, name]) => verdict(id, { crm: 'salesforce', recordId: `00Q5j0000${contactId}XYZ`, email, name, profileId: contactId }));
    const outcome = settledDelivery(await rejection(hub().deliver(items.map((item) => entry(item)), signal)));
    if (outcome instanceof ConnectorError) {
      expect(outcome.kind).toBe('rate-limited');
      expect(portal.notes, 'the batch was reported failed whole (so the outbox sends all three again), though HubSpot already holds a note from it').toEqual([]);
    } else {
      for (const [index, [, contactId]] of leads.entries()) {
        const result = resultFor(outcome, items[index]!.id);
        const written = portal.notesOn(contactId);
        expect(written.length, `${contactId} has ${written.length} notes`).toBeLessThanOrEqual(1);
        expect(result.outcome, `a rate limit refused ${contactId}'s verdict for good`).not.toBe('rejected');
        if (written.length === 1) {
          expect(result.outcome, `HubSpot holds ${contactId}'s note, but it was not counted delivered (the outbox will send it again)`).toBe('delivered');
          expect((result as { remoteId?: string }).remoteId).toBe(written[0]!.id);
        } else expect(result.outcome).toBe('retry');
      }
    }
  }, 40_000);
});

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, fifth set: the content catalog from HubDB', () => {
  const byId = (items: ContentItem[], id: string) => {
    const found = items.find((item) => item.id === id);
    expect(found, `row ${id} is not in the catalog`).toBeDefined();
    expect(ContentItemSchema.safeParse(found).success).toBe(true);
    return found!;
  };

  it('H67: DATE cells (review_by, expires_at) are epoch milliseconds at midnight UTC and mean that calendar day wherever the rep is (here America/Los_Angeles); a DATETIME cell is an instant', async () => {
    hubspotPortal({ tables: { [TABLE_ID]: { id: TABLE_ID, name: 'sales_content', rows: hubdbDates.results } } });
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date(Date.UTC(2027, 0, 1)).getDate(), 'the process did not take the time zone').toBe(31);
      const items = await hub({ contentTableId: TABLE_ID }).listContent(signal);
      const priceSheet = byId(items, '150100100001');
      expect(priceSheet.reviewBy).toBe('2027-03-31');
      expect(priceSheet.expiresAt).toBe('2026-12-31');
      expect(instant(priceSheet.updatedAt)).toBe(instant('2026-11-03T16:20:05.118Z'));
      const checklist = byId(items, '150100100002');
      expect(checklist.reviewBy).toBe('2027-01-01');
      expect(checklist.expiresAt).toBeUndefined();
      const webinar = byId(items, '150100100003');
      expect(webinar.expiresAt).toBe('2026-03-01');
      expect(webinar.reviewBy).toBeUndefined();
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('H68: `;`-joined TEXT cells (stray spaces, a trailing ";") beside MULTISELECT and SELECT cells (option objects), a translation\'s row id as text and a replacement\'s as a NUMBER cell: each list item once, each id as the row\'s id', async () => {
    hubspotPortal({ tables: { [TABLE_ID]: { id: TABLE_ID, name: 'sales_content', rows: hubdbLists.results } } });
    const items = await hub({ contentTableId: TABLE_ID }).listContent(signal);
    const guide = byId(items, '150200100001');
    const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();
    expect(sorted(guide.topics)).toEqual(['Okta', 'access reviews', 'quarterly certification']);
    expect(sorted(guide.industries)).toEqual(['Fintech', 'Healthcare']);
    expect(sorted(guide.personas)).toEqual(['CISO', 'IT Manager']);
    expect(sorted(guide.stages)).toEqual(['mql', 'opportunity', 'sql']);
    expect(sorted(guide.buyerStages)).toEqual(['consideration', 'decision']);
    expect(guide.audience).toBe('prospect');
    expect(guide.products).toEqual(['Keyline Access']);
    expect(sorted(guide.competitors)).toEqual(['Drata', 'Vanta']);
    if (guide.language !== undefined) expect(guide.language.toLowerCase()).toBe('en');
    const german = byId(items, '150200100002');
    expect(german.language?.toLowerCase()).toBe('de');
    expect(german.translationOf).toBe('150200100001');
    const old = byId(items, '150200100003');
    expect(old.replacedBy).toBe('150200100001');
    expect(old.audience).toBe('customer');
  });

  it('H69: a token without the hubdb scope (403 MISSING_SCOPES on the rows only): the catalog read fails naming the scope, never an empty catalog; the connection test fails content alone', async () => {
    hubspotPortal({ contacts: [tomasz], scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'oauth'], tables: { [TABLE_ID]: { id: TABLE_ID, name: 'sales_content', rows: hubdbLists.results } } });
    const outcome = await rejection(hub({ contentTableId: TABLE_ID }).listContent(signal));
    expect(outcome, 'a refused catalog read came back as an empty catalog').toBeInstanceOf(ConnectorError);
    expect(['auth', 'rejected']).toContain((outcome as ConnectorError).kind);
    expect(said(outcome as ConnectorError)).toContain('hubdb');
    const checks = await hub({ contentTableId: TABLE_ID }).testConnection(signal);
    expect(check(checks, 'auth').ok).toBe(true);
    expect(check(checks, 'lookup').ok).toBe(true);
    const content = check(checks, 'content');
    expect(content.ok).toBe(false);
    expect(said(content)).toContain('hubdb');
  });

  it('H70: the token is a standard sandbox\'s (HubDB and CMS content are not copied into sandboxes), so the production table id answers 404: a clear error naming the table, never an empty catalog', async () => {
    hubspotPortal({ contacts: [tomasz], tables: {} });
    const outcome = await rejection(hub({ contentTableId: TABLE_ID }).listContent(signal));
    expect(outcome, 'a missing table came back as an empty catalog (every suggestion would vanish)').toBeInstanceOf(ConnectorError);
    // Soft, so the connection test below is checked (and reported) too.
    expect.soft(said(outcome as ConnectorError), 'the error does not say which table or that it is HubDB\'s').toMatch(new RegExp(`${TABLE_ID}|HubDB`, 'i'));
    const checks = await hub({ contentTableId: TABLE_ID }).testConnection(signal);
    expect(check(checks, 'lookup').ok).toBe(true);
    const content = check(checks, 'content');
    expect(content.ok).toBe(false);
    expect(said(content)).toContain(TABLE_ID);
  });

  it('H71: the table named by its name ("sales_content", which v3 takes in the path) with 2,400 rows over pages of at most 1,000: every row once, paging that ends', async () => {
    const { table, total, row, titles } = hubdbRowTemplate;
    const rows = Array.from({ length: total }, (_unused, index) =>
      fill(row, { id: String(157_000_000_000 + index), title: `${titles[index % titles.length]} (${index + 1})`, slug: `story-${index + 1}` }),
    );
    const portal = hubspotPortal({ tables: { [table.name]: { ...table, rows }, [table.id]: { ...table, rows } } });
    const items = await hub({ contentTableId: table.name }).listContent(signal);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((item) => item.id)).size).toBe(total);
    expect(items.map((item) => item.id)).toContain('157000002399');
    expect(portal.calls.filter((call) => call.path.startsWith('/cms/')).length).toBeLessThanOrEqual(12);
  });
});

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, fifth set: the rep\'s own search', () => {
  const blankOrNull = (summary: ProfileSummary) =>
    (['name', 'email', 'company'] as const).filter((field) => summary[field] !== undefined && /^\s*(null|undefined)?\s*$/i.test(summary[field]!));

  it('H72a: the rep types an exact address and HubSpot\'s free-text search answers it last (its order is not relevance): that contact first, no blank or "null" field shown', async () => {
    hubspotPortal({ textSearch: () => anaExactLast });
    const found = await hub().searchProfiles('ana@contoso.example', signal);
    expect(found.map((summary) => summary.id).sort()).toEqual(['66001', '66002', '66003']);
    // Soft, so the fields below are checked (and reported) too.
    expect.soft(found[0]?.id, 'the contact whose address the rep typed is not first').toBe('66003');
    for (const summary of found) expect(blankOrNull(summary), `${summary.id} shows a blank field`).toEqual([]);
  });

  it('H72b: a short first page (2 of total 3) that still carries paging.next, the exact address on the next page: the rep finds that contact', async () => {
    hubspotPortal({ textSearch: (body) => (Number(body.after ?? 0) > 0 ? anaShortPage2 : anaShortPage1) });
    const found = await hub().searchProfiles('ana@contoso.example', signal);
    expect(found.map((summary) => summary.id), 'the contact whose address the rep typed is missing').toContain('66003');
    expect(new Set(found.map((summary) => summary.id)).size).toBe(found.length);
  });
});
