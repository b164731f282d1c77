/**
 * HubSpot vendor variants, eighth set (H103…H117): answers and answer sequences HubSpot really sends that the
 * first seven sets (vendor-variants.test.ts and vendor-variants-hubspot-2…7.test.ts, H01–H102) do not have,
 * mostly on the write path, where the rep's feedback becomes a note on the lead's contact: HubSpot's batch
 * create answering 207 Multi-Status in its own order (or a whole-batch 400 without `objectWriteTraceId`), the
 * note's required `hs_timestamp` and the timeline place it gives a verdict delivered days late, a token that
 * expired or was rotated in the middle of a batch (401 EXPIRED_AUTHENTICATION / INVALID_AUTHENTICATION), the
 * DAILY limit and a SECONDLY one with `Retry-After`, a 500 carrying a `correlationId`, an edge's 502 HTML page,
 * a dropped connection after HubSpot stored the note while its search index shows notes only about ten
 * seconds after they are made (and while the search itself is rate-limited), content requests, prospect
 * questions, ratings and content events for one lead (two of them with one `hs_timestamp`, one resent), a
 * contact GDPR-deleted or put in the recycle bin since the brief, a verdict for a lead HubSpot had no
 * contact for when the brief ran; then the connection test (a refused or expired token, the DAILY limit, a
 * portal being migrated, a token sent to the wrong hublet) and two lookups (414 on the record read, 423 on the
 * search). Written from HubSpot's documents, SDK issue threads and public integration code without reading
 * the connector's mapping or client: each expectation is what must hold for the rep and the marketer who
 * receives the feedback (nothing the rep sent is lost, nothing is written twice when HubSpot already holds it,
 * no token or HTML in any message, the rep's words readable as text); where the exact behaviour is a product
 * choice only that is asserted. The write cases run against a small stateful fake of one portal (below) that
 * answers as HubSpot documents and keeps the notes made, so a test checks what HubSpot ends up holding rather
 * than the calls that got it there.
 * Shapes and sources: test/fixtures/api/variants/README.md, section "hubspot8/ (eighth set)".
 */
import { decodeHTML } from 'entities';
import { describe, expect, it, vi } from 'vitest';
import { ContentEventSchema, FeedbackItemSchema, HubSpotSourceSchema, VERDICT_LABELS, type FeedbackItem, type LeadProfile, type LeadRef, type Verdict } from '@/lib/schema';
import { clearBackoffs } from '@/lib/connectors/backoff';
import batch68103 from '@/test/fixtures/api/variants/hubspot8/contacts-68103-batch.json';
import hannah from '@/test/fixtures/api/variants/hubspot8/contact-68104.json';
import pair68105 from '@/test/fixtures/api/variants/hubspot8/contacts-68105.json';
import pair68106 from '@/test/fixtures/api/variants/hubspot8/contacts-68106.json';
import pair68107 from '@/test/fixtures/api/variants/hubspot8/contacts-68107.json';
import lucas from '@/test/fixtures/api/variants/hubspot8/contact-68108.json';
import emeka from '@/test/fixtures/api/variants/hubspot8/contact-68109.json';
import jing from '@/test/fixtures/api/variants/hubspot8/contact-68110.json';
import diegoArchived from '@/test/fixtures/api/variants/hubspot8/contact-68211-archived.json';
import rosa from '@/test/fixtures/api/variants/hubspot8/contact-68212-after-brief.json';
import ole from '@/test/fixtures/api/variants/hubspot8/contact-68116.json';
import search68116 from '@/test/fixtures/api/variants/hubspot8/search-68116.json';
import fatou from '@/test/fixtures/api/variants/hubspot8/contact-68117.json';
import search68117 from '@/test/fixtures/api/variants/hubspot8/search-68117.json';
import noteTemplate from '@/test/fixtures/api/variants/hubspot8/note-created-template.json';
import associationsInvalid from '@/test/fixtures/api/variants/hubspot8/error-400-associations-invalid.json';
import requiredProperties from '@/test/fixtures/api/variants/hubspot8/error-400-note-required-properties.json';
import expired401 from '@/test/fixtures/api/variants/hubspot8/error-401-expired.json';
import invalidAuth401 from '@/test/fixtures/api/variants/hubspot8/error-401-invalid-authentication.json';
import daily429 from '@/test/fixtures/api/variants/hubspot8/error-429-daily.json';
import secondly429 from '@/test/fixtures/api/variants/hubspot8/error-429-secondly.json';
import internal500 from '@/test/fixtures/api/variants/hubspot8/error-500-internal.json';
import edge502 from '@/test/fixtures/api/variants/hubspot8/proxy-502-hubspot-edge.json';
import migration477 from '@/test/fixtures/api/variants/hubspot8/error-477-migration.json';
import hublet488 from '@/test/fixtures/api/variants/hubspot8/error-488-hublet.json';
import locked423 from '@/test/fixtures/api/variants/hubspot8/error-423-locked.json';
import tokenInfo from '@/test/fixtures/api/variants/hubspot8/private-app-token-info.json';
import { createHubSpotConnector } from './hubspot';
import { ConnectorError, type CapabilityCheck, type Connector, type DeliveryResult, type OutboxEntry } from './types';
import { describeOutcome, feedbackEntry as entry, deliveryResultFor as resultFor, settledDelivery, HS_TOKEN, hub, rejection, resetBetweenTests, said, signal, wellFormed } from '@/test/support/vendor-variants';

// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): the profile checks, the connectors. The HTTP
// layer here is this file's own portal fake, which replaces the global fetch the same way.

resetBetweenTests();

type Json = Record<string, any>;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** Fills `{name}` placeholders anywhere in a fixture. */
const fill = (template: unknown, values: Record<string, string>): Json =>
  JSON.parse(JSON.stringify(template).replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? JSON.stringify(values[key]).slice(1, -1) : whole)));

/** HubSpot's search index shows a note about ten seconds after it was made ([HS-LAG]). */
const SEARCH_LAG_MS = 10_000;
/** What the outbox waits before resending a batch that failed with an answer (a rate limit, an expired token, a 5xx): minutes. */
const LATER_MS = 10 * 60_000;
const HTML_TAG = /<\/?[a-z!][^>]*>/i;
const DAILY_HEADERS = { 'X-HubSpot-RateLimit-Daily': '250000', 'X-HubSpot-RateLimit-Daily-Remaining': '0' };
const ALL_SCOPES = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read', 'oauth'];

// ---------------------------------------------------------------------------------------------
// A small stateful fake of one HubSpot portal. Contacts (live and indexed, or in the recycle bin), notes and
// their contact associations however they are written (one create with inline `associations`, `batch/create`
// with or without `objectWriteTraceId`, or a create followed by a v3/v4 association write from either side),
// the notes' search index that lags behind the notes, the token's scopes, scripted answers to note writes and
// to every request. Everything it answers is HubSpot's documented shape (the fixtures).

interface Note {
  id: string;
  body: string;
  /** `hs_timestamp` as epoch ms: where the note sits on the contact's timeline. */
  timestampMs: number;
  contacts: string[];
  /** The portal clock when HubSpot made it. */
  madeAt: number;
}

/** A scripted answer to a note write; `store`: HubSpot kept the note(s) anyway; `drop`: kept, then the connection broke before the answer. */
interface Scripted {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
  store?: boolean;
  drop?: boolean;
}
interface WriteScript {
  /** Which writes it answers, by the contact ids the write names and its raw body (all when absent). */
  when?: (contactIds: string[], raw: string) => boolean;
  answer: Scripted;
  /** How many writes it answers (unlimited when absent). */
  times?: number;
}

interface PortalCall {
  method: string;
  /** The path, date-versioned (`/crm/objects/2026-03/…`) and objectTypeId (`0-1`, `0-46`) forms named as their v3 paths. */
  path: string;
  url: URL;
  body: any;
  at: number;
}

interface PortalSetup {
  /** Live contacts, in the order the search index answers them. */
  contacts?: Json[];
  /** Contacts in the recycle bin (deleted, restorable for 90 days): read only with `archived=true`, never searched. */
  archived?: Json[];
  scopes?: string[];
  writes?: WriteScript[];
  /** Answers every request it returns something for, before anything else (an expired token, a daily limit, a wrong hublet). */
  everything?: (call: PortalCall) => Response | undefined;
  /** After this many notes were made, every request answers 401 INVALID_AUTHENTICATION (the token was rotated). */
  revokeAfterNotes?: number;
  /** Answers a request before the portal does (a 414, a 423 on one route). */
  before?: (call: PortalCall) => Response | undefined;
}

const DROP = Symbol('drop');
const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json;charset=utf-8', ...headers } });
const resourceNotFound = { status: 'error', message: 'resource not found', correlationId: '0d2f4b6a-8c0e-4a2c-9e4f-6a8c0e2a4c18' };

function canonical(pathname: string): string {
  return pathname
    .replace(/^\/crm\/objects\/\d{4}-\d{2}\//, '/crm/v3/objects/')
    .replace(/^\/crm\/associations\/\d{4}-\d{2}\//, '/crm/v4/associations/')
    .replace(/\/0-1(?=\/|$)/g, '/contacts')
    .replace(/\/0-46(?=\/|$)/g, '/notes');
}

/** A note body as its text: tags gone, entities decoded. */
const plain = (html: string) => decodeHTML(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();

function hubspotPortal(setup: PortalSetup) {
  const contacts = new Map<string, Json>();
  for (const record of setup.contacts ?? []) contacts.set(String(record.id), record);
  const archived = new Map<string, Json>();
  for (const record of setup.archived ?? []) archived.set(String(record.id), record);
  const indexed: Json[] = [...(setup.contacts ?? [])];
  const scopes = new Set(setup.scopes ?? ALL_SCOPES);
  const scripts = (setup.writes ?? []).map((script) => ({ ...script, left: script.times ?? Infinity }));
  const notes: Note[] = [];
  const calls: PortalCall[] = [];
  const contactWrites: PortalCall[] = [];
  let everything = setup.everything;
  let revokeAfter = setup.revokeAfterNotes;
  let offset = 0;
  const clock = () => Date.now() + offset;

  const live = (id: string) => contacts.has(id);
  const needs = (scope: string) => {
    if (scopes.has(scope)) return undefined;
    return json(403, {
      status: 'error',
      message: "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      correlationId: '1e3a5c7e-9a1c-4e3a-8c5e-7a9c1e3a5c18',
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [scope] } }],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
      category: 'MISSING_SCOPES',
    });
  };

  // --- Notes -------------------------------------------------------------------------------------

  const associationIds = (input: Json): string[] => ((input?.associations ?? []) as Json[]).map((association) => String(association?.to?.id ?? ''));
  type Checked = { ok: true; contacts: string[] } | { ok: false; body: Json };
  function validate(input: Json): Checked {
    const stamp = input?.properties?.hs_timestamp;
    // "hs_timestamp: Required" (notes guide); HubSpot/hubspot-api-nodejs#124 quotes the 400 for a note without it.
    if (stamp === undefined || stamp === null || String(stamp).trim() === '') return { ok: false, body: clone(requiredProperties) };
    if (Number.isNaN(toMs(stamp))) {
      return {
        ok: false,
        body: { status: 'error', message: `Property values were not valid: hs_timestamp "${String(stamp)}" is not a valid date`, correlationId: '3a5c7e9a-1c3e-4a5c-9e7a-9c1e3a5c7e18', errors: [{ message: `${String(stamp)} was not a valid date`, code: 'INVALID_DATE', context: { propertyName: ['hs_timestamp'] } }], category: 'VALIDATION_ERROR' },
      };
    }
    const ids: string[] = [];
    for (const association of (input?.associations ?? []) as Json[]) {
      for (const type of (association?.types ?? []) as Json[]) {
        const category = type?.associationCategory ?? 'HUBSPOT_DEFINED';
        if (category !== 'HUBSPOT_DEFINED' || Number(type?.associationTypeId) !== 202) {
          const spec = `${String(category)}=${String(type?.associationTypeId)}`;
          return { ok: false, body: { status: 'error', message: 'One or more associations are invalid', correlationId: '5c7e9a1c-3e5a-4c7e-8a9c-1e3a5c7e9a18', context: { associationSpec: [spec], INVALID_ASSOCIATION_TYPE_ID: [`${spec} is not a valid association definition id`] }, category: 'VALIDATION_ERROR' } };
        }
      }
      const to = String(association?.to?.id ?? '');
      if (!live(to)) return { ok: false, body: fill(associationsInvalid, { id: to }) };
      ids.push(to);
    }
    return { ok: true, contacts: ids };
  }
  function toMs(stamp: unknown): number {
    const text = String(stamp).trim();
    return /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  }
  function store(input: Json, ids: string[]): Note {
    const note: Note = {
      id: String(82_100_000_001 + notes.length),
      body: String(input?.properties?.hs_note_body ?? ''),
      timestampMs: toMs(input?.properties?.hs_timestamp),
      contacts: [...ids],
      madeAt: clock(),
    };
    notes.push(note);
    if (revokeAfter !== undefined && notes.length >= revokeAfter) {
      revokeAfter = undefined;
      everything = () => json(401, invalidAuth401);
    }
    return note;
  }
  function noteJson(note: Note, withAssociations = false): Json {
    const made = new Date(note.madeAt).toISOString();
    const answer = fill(noteTemplate, { id: note.id, preview: plain(note.body).slice(0, 200), now: made, timestamp: new Date(note.timestampMs).toISOString() });
    answer.properties.hs_note_body = note.body;
    if (withAssociations && note.contacts.length) answer.associations = { contacts: { results: note.contacts.map((id) => ({ id, type: 'note_to_contact' })) } };
    return answer;
  }
  function scripted(ids: string[], raw: string): Scripted | undefined {
    const script = scripts.find((candidate) => candidate.left > 0 && (!candidate.when || candidate.when(ids, raw)));
    if (!script) return undefined;
    script.left -= 1;
    return script.answer;
  }
  const scriptedResponse = (answer: Scripted) =>
    new Response(answer.text ?? JSON.stringify(answer.body ?? {}), {
      status: answer.status,
      headers: { 'Content-Type': answer.text !== undefined ? 'text/html; charset=UTF-8' : 'application/json;charset=utf-8', ...answer.headers },
    });

  function createOne(body: Json): Response | typeof DROP {
    const checked = validate(body);
    const answer = scripted(associationIds(body), JSON.stringify(body ?? null));
    if (answer) {
      if ((answer.store || answer.drop) && checked.ok) store(body, checked.contacts);
      return answer.drop ? DROP : scriptedResponse(answer);
    }
    if (!checked.ok) return json(400, checked.body);
    return json(201, noteJson(store(body, checked.contacts)));
  }

  function createBatch(body: Json): Response | typeof DROP {
    const inputs = ((body?.inputs ?? []) as Json[]).filter(Boolean);
    const checked = inputs.map(validate);
    const answer = scripted(inputs.flatMap(associationIds), JSON.stringify(body ?? null));
    if (answer) {
      if (answer.store || answer.drop) inputs.forEach((input, index) => checked[index]!.ok && store(input, (checked[index] as { contacts: string[] }).contacts));
      return answer.drop ? DROP : scriptedResponse(answer);
    }
    const failed = checked.filter((result) => !result.ok) as { ok: false; body: Json }[];
    const traced = inputs.length > 0 && inputs.every((input) => typeof input.objectWriteTraceId === 'string' && input.objectWriteTraceId !== '');
    // Without objectWriteTraceId one bad input fails the whole batch; with it, HubSpot answers 207 ("Using Object APIs").
    if (failed.length && !traced) return json(400, failed[0]!.body);
    const startedAt = new Date(clock()).toISOString();
    const made = inputs.flatMap((input, index) => (checked[index]!.ok ? [store(input, (checked[index] as { contacts: string[] }).contacts)] : []));
    // HubSpot does not keep the inputs' order in `results` (HubSpot/hubspot-api-nodejs#190).
    const answerBody: Json = { status: 'COMPLETE', results: made.map((note) => noteJson(note)).reverse(), startedAt, completedAt: new Date(clock() + 212).toISOString() };
    if (!failed.length) return json(201, answerBody);
    answerBody.numErrors = failed.length;
    answerBody.errors = inputs.flatMap((input, index) => {
      const result = checked[index]!;
      if (result.ok) return [];
      return [{ status: 'error', category: result.body.category, message: result.body.message, context: { objectWriteTraceId: [String(input.objectWriteTraceId)], ...(result.body.context ?? {}) } }];
    });
    return json(207, answerBody);
  }

  /** The search index: notes made at least SEARCH_LAG_MS ago. */
  const searchable = () => notes.filter((note) => clock() - note.madeAt >= SEARCH_LAG_MS);
  function tokens(text: string): string[] {
    return plain(text).toLowerCase().split(/[\s,;:()<>"'[\]{}|!?]+/).filter(Boolean);
  }
  function noteMatches(note: Note, filter: Json): boolean {
    const name = String(filter?.propertyName ?? '');
    const operator = String(filter?.operator ?? 'EQ');
    const value = String(filter?.value ?? '');
    const values = ((filter?.values ?? []) as unknown[]).map(String);
    if (name === 'associations.contact') return operator === 'IN' ? values.some((id) => note.contacts.includes(id)) : note.contacts.includes(value);
    if (name === 'hs_note_body' || name === 'hs_body_preview') {
      const text = plain(note.body).toLowerCase();
      const wanted = value.toLowerCase();
      if (operator === 'CONTAINS_TOKEN') {
        const bare = wanted.replace(/\*/g, '');
        const pattern = new RegExp(`^${wanted.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
        // Leniently, a long value found anywhere in the text counts too: the point here is when, not how, the index finds a note.
        return tokens(note.body).some((token) => pattern.test(token)) || (bare.length >= 8 && text.includes(bare));
      }
      if (operator === 'EQ') return text === wanted || note.body.toLowerCase() === wanted;
      if (operator === 'HAS_PROPERTY') return text !== '';
      return false;
    }
    if (name === 'hs_object_id') return operator === 'IN' ? values.includes(note.id) : note.id === value;
    if (name === 'hs_timestamp' || name === 'hs_createdate' || name === 'hs_lastmodifieddate') {
      const actual = name === 'hs_timestamp' ? note.timestampMs : note.madeAt;
      const low = toMs(filter?.value);
      const high = toMs(filter?.highValue);
      switch (operator) {
        case 'EQ':
          return actual === low;
        case 'GT':
          return actual > low;
        case 'GTE':
          return actual >= low;
        case 'LT':
          return actual < low;
        case 'LTE':
          return actual <= low;
        case 'BETWEEN':
          return actual >= low && actual <= high;
        case 'HAS_PROPERTY':
          return true;
        default:
          return false;
      }
    }
    return false;
  }
  function searchNotes(body: Json): Json {
    const groups = (body?.filterGroups ?? []) as Json[];
    const text = typeof body?.query === 'string' ? body.query.toLowerCase() : '';
    const hits = searchable().filter(
      (note) =>
        (!groups.length || groups.some((group) => ((group?.filters ?? []) as Json[]).every((filter) => noteMatches(note, filter)))) &&
        (!text || plain(note.body).toLowerCase().includes(text)),
    );
    const after = Number(body?.after ?? 0) || 0;
    const limit = Math.min(Number(body?.limit ?? 10) || 10, 200);
    const page = hits.slice(after, after + limit).map((note) => {
      const full = noteJson(note);
      const wanted: string[] = Array.isArray(body?.properties) ? body.properties : [];
      const { hs_createdate, hs_lastmodifieddate, hs_object_id, hs_timestamp } = full.properties;
      return { ...full, properties: { hs_createdate, hs_lastmodifieddate, hs_object_id, hs_timestamp, hs_note_body: note.body, ...Object.fromEntries(wanted.map((name) => [name, full.properties[name] ?? null])) } };
    });
    const answer: Json = { total: hits.length, results: page };
    if (after + limit < hits.length) answer.paging = { next: { after: String(after + limit), link: `?after=${after + limit}` } };
    return answer;
  }
  function listNotes(url: URL): Json {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 10) || 10, 100);
    const after = Number(url.searchParams.get('after') ?? 0) || 0;
    const withAssociations = (url.searchParams.get('associations') ?? '').includes('contact');
    const answer: Json = { results: notes.slice(after, after + limit).map((note) => noteJson(note, withAssociations)) };
    if (after + limit < notes.length) answer.paging = { next: { after: String(after + limit), link: `https://api.hubapi.com/crm/v3/objects/notes?after=${after + limit}` } };
    return answer;
  }
  function associate(noteId: string, contactId: string): Response {
    const note = notes.find((candidate) => candidate.id === noteId);
    if (!note) return json(404, resourceNotFound);
    if (!live(contactId)) return json(400, fill(associationsInvalid, { id: contactId }));
    if (!note.contacts.includes(contactId)) note.contacts.push(contactId);
    return json(200, { fromObjectTypeId: '0-46', fromObjectId: Number(note.id), toObjectTypeId: '0-1', toObjectId: Number(contactId), labels: [] });
  }
  const notesOf = (contactId: string) => notes.filter((note) => note.contacts.includes(contactId));

  // --- Contacts ------------------------------------------------------------------------------------

  function matches(properties: Json, filter: Json): boolean {
    const raw = properties[filter?.propertyName];
    const value = raw === null || raw === undefined ? '' : String(raw).toLowerCase();
    const wanted = String(filter?.value ?? '').toLowerCase();
    switch (filter?.operator) {
      case 'EQ':
        return value === wanted;
      case 'IN':
        return ((filter.values ?? []) as unknown[]).map((entry) => String(entry).toLowerCase()).includes(value);
      case 'HAS_PROPERTY':
        return value !== '';
      case 'CONTAINS_TOKEN': {
        const pattern = new RegExp(`^${wanted.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
        return value.split(/[;\s,]+/).filter(Boolean).some((token) => pattern.test(token));
      }
      default:
        return false;
    }
  }
  function searchContacts(body: Json): Json {
    const groups = (body?.filterGroups ?? []) as Json[];
    const text = typeof body?.query === 'string' ? body.query.toLowerCase() : '';
    const hits = indexed.filter(
      (record) =>
        live(String(record.id)) &&
        (!groups.length || groups.some((group) => ((group?.filters ?? []) as Json[]).every((filter) => matches(record.properties, filter)))) &&
        (!text || ['firstname', 'lastname', 'email', 'company'].some((name) => String(record.properties[name] ?? '').toLowerCase().includes(text))),
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
  function withNoteAssociations(record: Json, url: URL): Json {
    if (!(url.searchParams.get('associations') ?? '').includes('note')) return record;
    const linked = notesOf(String(record.id));
    return linked.length ? { ...record, associations: { notes: { results: linked.map((note) => ({ id: note.id, type: 'contact_to_note' })) } } } : record;
  }

  // --- Routes --------------------------------------------------------------------------------------

  function respond(call: PortalCall): Response | typeof DROP {
    const early = everything?.(call);
    if (early) return early;
    const before = setup.before?.(call);
    if (before) return before;
    const { method, path, url, body } = call;
    const read = () => needs('crm.objects.contacts.read');
    const write = () => needs('crm.objects.contacts.write');

    if (method === 'POST' && path === '/oauth/v2/private-apps/get/access-token-info') return json(200, { ...tokenInfo, scopes: [...scopes] });
    if (method === 'GET' && path === '/account-info/v3/details') {
      return json(200, { portalId: tokenInfo.hubId, accountType: 'STANDARD', timeZone: 'Europe/Oslo', companyCurrency: 'EUR', additionalCurrencies: [], utcOffset: '+01:00', utcOffsetMilliseconds: 3_600_000, uiDomain: 'app-eu1.hubspot.com', dataHostingLocation: 'eu1' });
    }
    if (/^\/events\//.test(path)) return read() ?? json(200, { results: [] });

    // Notes.
    if (method === 'POST' && path === '/crm/v3/objects/notes') return write() ?? createOne(body);
    if (method === 'POST' && path === '/crm/v3/objects/notes/batch/create') return write() ?? createBatch(body);
    if (method === 'POST' && path === '/crm/v3/objects/notes/search') return read() ?? json(200, searchNotes(body));
    if (method === 'GET' && path === '/crm/v3/objects/notes') return read() ?? json(200, listNotes(url));
    if (method === 'POST' && path === '/crm/v3/objects/notes/batch/read') {
      const ids = ((body?.inputs ?? []) as Json[]).map((input) => String(input?.id));
      return read() ?? json(200, { status: 'COMPLETE', results: notes.filter((note) => ids.includes(note.id)).map((note) => noteJson(note)) });
    }
    const noteRead = /^\/crm\/v3\/objects\/notes\/(\d+)$/.exec(path);
    if (noteRead && method === 'GET') {
      const note = notes.find((candidate) => candidate.id === noteRead[1]);
      return read() ?? (note ? json(200, noteJson(note, (url.searchParams.get('associations') ?? '').includes('contact'))) : json(404, resourceNotFound));
    }

    // Associations, written from either side, v3 or v4, one by one or in a batch.
    const noteToContact =
      /^\/crm\/v4\/objects\/notes?\/(\d+)\/associations\/(?:default\/)?contacts?\/(\d+)$/.exec(path) ?? /^\/crm\/v3\/objects\/notes\/(\d+)\/associations\/contacts?\/(\d+)\/[^/]+$/.exec(path);
    if (noteToContact && method === 'PUT') return write() ?? associate(noteToContact[1]!, noteToContact[2]!);
    const contactToNote =
      /^\/crm\/v4\/objects\/contacts?\/(\d+)\/associations\/(?:default\/)?notes?\/(\d+)$/.exec(path) ?? /^\/crm\/v3\/objects\/contacts\/(\d+)\/associations\/notes?\/(\d+)\/[^/]+$/.exec(path);
    if (contactToNote && method === 'PUT') return write() ?? associate(contactToNote[2]!, contactToNote[1]!);
    const batchAssociate = /^\/crm\/v4\/associations\/(notes?|contacts?)\/(notes?|contacts?)\/batch\/(?:associate\/default|create)$/.exec(path);
    if (batchAssociate && method === 'POST') {
      const refused = write();
      if (refused) return refused;
      const noteFirst = batchAssociate[1]!.startsWith('note');
      const results: Json[] = [];
      const errors: Json[] = [];
      for (const input of (body?.inputs ?? []) as Json[]) {
        const from = String(input?.from?.id ?? '');
        const to = String(input?.to?.id ?? '');
        const [noteId, contactId] = noteFirst ? [from, to] : [to, from];
        const answer = associate(noteId, contactId);
        if (answer.status === 200) results.push({ fromObjectTypeId: noteFirst ? '0-46' : '0-1', fromObjectId: Number(from), toObjectTypeId: noteFirst ? '0-1' : '0-46', toObjectId: Number(to), labels: [] });
        else errors.push({ status: 'error', category: 'VALIDATION_ERROR', message: 'One or more associations are invalid', context: { INVALID_OBJECT_IDS: [`CONTACT=${contactId} is not valid`] } });
      }
      return json(errors.length ? 207 : 200, { status: 'COMPLETE', results, ...(errors.length ? { numErrors: errors.length, errors } : {}), startedAt: new Date(clock()).toISOString(), completedAt: new Date(clock() + 88).toISOString() });
    }
    const contactNotes = /^\/crm\/v4\/objects\/contacts?\/(\d+)\/associations\/notes?$/.exec(path);
    if (contactNotes && method === 'GET') {
      return read() ?? json(200, { results: notesOf(contactNotes[1]!).map((note) => ({ toObjectId: Number(note.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 202, label: null }] })) });
    }
    const contactNotesV3 = /^\/crm\/v3\/objects\/contacts\/(\d+)\/associations\/notes?$/.exec(path);
    if (contactNotesV3 && method === 'GET') return read() ?? json(200, { results: notesOf(contactNotesV3[1]!).map((note) => ({ id: note.id, type: 'contact_to_note' })) });
    const noteContacts = /^\/crm\/v[34]\/objects\/notes?\/(\d+)\/associations\/contacts?$/.exec(path);
    if (noteContacts && method === 'GET') {
      const note = notes.find((candidate) => candidate.id === noteContacts[1]);
      return read() ?? json(200, { results: (note?.contacts ?? []).map((id) => ({ toObjectId: Number(id), id, type: 'note_to_contact', associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 202, label: null }] })) });
    }
    const batchReadAssociations = /^\/crm\/v4\/associations\/contacts?\/notes?\/batch\/read$/.exec(path);
    if (batchReadAssociations && method === 'POST') {
      return read() ?? json(200, { status: 'COMPLETE', results: ((body?.inputs ?? []) as Json[]).map((input) => ({ from: { id: String(input?.id) }, to: notesOf(String(input?.id)).map((note) => ({ toObjectId: Number(note.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 202, label: null }] })) })) });
    }

    // Contacts.
    if (method === 'POST' && path === '/crm/v3/objects/contacts/search') return read() ?? json(200, searchContacts(body));
    if (method === 'GET' && path === '/crm/v3/objects/contacts') {
      const first = indexed.find((record) => live(String(record.id)));
      return read() ?? json(200, { results: first ? [{ id: first.id, properties: { createdate: first.properties.createdate, email: first.properties.email ?? null, hs_object_id: first.id, lastmodifieddate: first.properties.lastmodifieddate }, createdAt: first.createdAt, updatedAt: first.updatedAt, archived: false }] : [] });
    }
    if (method === 'POST' && path === '/crm/v3/objects/contacts/batch/read') {
      const refused = read();
      if (refused) return refused;
      const byEmail = body?.idProperty === 'email';
      const wanted = ((body?.inputs ?? []) as Json[]).map((input) => String(input?.id ?? ''));
      const found = wanted.map((key) => (byEmail ? [...contacts.values()].find((record) => String(record.properties.email ?? '').toLowerCase() === key.toLowerCase()) : contacts.get(key)));
      const missing = wanted.filter((_key, index) => !found[index]);
      const results = found.filter((record): record is Json => record !== undefined);
      const answer: Json = { status: 'COMPLETE', results, startedAt: new Date(clock()).toISOString(), completedAt: new Date(clock() + 40).toISOString() };
      if (!missing.length) return json(200, answer);
      return json(207, { ...answer, numErrors: 1, errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.', context: { ids: missing } }] });
    }
    const contactRead = /^\/crm\/v3\/objects\/contacts\/([^/]+)$/.exec(path);
    if (contactRead && method === 'GET') {
      const refused = read();
      if (refused) return refused;
      const key = decodeURIComponent(contactRead[1]!);
      const wantsArchived = url.searchParams.get('archived') === 'true';
      if (wantsArchived) {
        const record = archived.get(key);
        return record ? json(200, record) : new Response('', { status: 404 });
      }
      const byEmail = url.searchParams.get('idProperty') === 'email' ? [...contacts.values()].find((record) => String(record.properties.email ?? '').toLowerCase() === key.toLowerCase()) : undefined;
      const record = byEmail ?? contacts.get(key);
      // A GDPR-deleted, deleted or never-known id: 404, here with no body (every error field is optional, [HS-ERR]).
      return record ? json(200, withNoteAssociations(record, url)) : new Response('', { status: 404 });
    }
    if (path.startsWith('/crm/v3/objects/contacts') && method !== 'GET') {
      // Leadside never writes contacts; whatever asks is recorded, and answered as HubSpot would.
      contactWrites.push(call);
      if (method === 'POST' && path === '/crm/v3/objects/contacts') {
        const email = String(body?.properties?.email ?? '').toLowerCase();
        const existing = [...contacts.values()].find((record) => String(record.properties.email ?? '').toLowerCase() === email);
        if (existing) return json(409, { status: 'error', message: `Contact already exists. Existing ID: ${existing.id}`, correlationId: '7e9a1c3e-5a7c-4e9a-8c1e-3a5c7e9a1c18', category: 'CONFLICT' });
        const made = { id: String(68_990 + contactWrites.length), properties: { ...(body?.properties ?? {}), hs_object_id: String(68_990 + contactWrites.length) }, createdAt: new Date(clock()).toISOString(), updatedAt: new Date(clock()).toISOString(), archived: false };
        contacts.set(made.id, made);
        return json(201, made);
      }
      return json(200, { status: 'COMPLETE', results: [] });
    }
    if (/^\/crm\/(v3\/)?properties\//.test(path)) return json(200, { results: [] });
    return json(404, resourceNotFound);
  }

  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : undefined;
      const url = new URL(request ? request.url : String(input));
      const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
      const raw = typeof init?.body === 'string' ? init.body : request ? await request.clone().text() : undefined;
      let body: any;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const call: PortalCall = { method, path: canonical(url.pathname), url, body, at: Date.now() };
      calls.push(call);
      const answer = respond(call);
      if (answer === DROP) throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
      return answer;
    }),
  );

  return {
    notes,
    calls,
    contactWrites,
    notesOn: notesOf,
    /** Notes on no contact at all. */
    orphans: () => notes.filter((note) => note.contacts.length === 0),
    /** Every request that tried to write a note (a create or a batch create). */
    noteWrites: () => calls.filter((call) => call.method === 'POST' && (call.path === '/crm/v3/objects/notes' || call.path === '/crm/v3/objects/notes/batch/create')),
    /** Time passes on the portal's clock (its search index catches up). */
    advance: (ms: number) => {
      offset += ms;
    },
    /** The admin reconnected (a new token) or the limit is over: scripted and blanket answers stop. */
    heal: () => {
      everything = undefined;
      revokeAfter = undefined;
      for (const script of scripts) script.left = 0;
    },
  };
}
type Portal = ReturnType<typeof hubspotPortal>;

// ---------------------------------------------------------------------------------------------
// Feedback as the panel makes it, and outbox entries as the outbox hands them to the connector.

const REP = 'Priya Natarajan';
const leadRef = (crm: LeadRef['crm'], recordId: string, email: string | undefined, name: string, profileId?: string): LeadRef => ({
  key: `${crm}:${recordId}`,
  crm,
  recordId,
  ...(email === undefined ? {} : { email }),
  name,
  ...(profileId === undefined ? {} : { profileId }),
});
function verdict(id: string, lead: LeadRef, extra: Partial<{ verdict: Verdict; reasons: string[]; note: string; createdAt: string }> = {}): FeedbackItem {
  return FeedbackItemSchema.parse({
    id,
    createdAt: extra.createdAt ?? '2026-11-24T10:14:58.000Z',
    lead,
    source: { channel: 'paid_search', campaign: 'Q4 Brand – Google Ads' },
    rep: REP,
    kind: 'verdict',
    verdict: extra.verdict ?? 'good_fit',
    reasons: extra.reasons ?? ['Clear need'],
    ...(extra.note === undefined ? {} : { note: extra.note }),
  });
}
const reason = (result: DeliveryResult) => said(result as { error?: string; coded?: unknown });
/** What a rep or admin may read: never the token, never markup. */
function expectClean(text: string, what: string) {
  expect(text, `${what} shows the token`).not.toContain(HS_TOKEN);
  expect(text, `${what} shows HTML`).not.toMatch(HTML_TAG);
}
/** A refusal says why: some words, clean. */
function expectReason(result: DeliveryResult, what: string) {
  const text = reason(result).trim();
  expect(text.replace(/\{\}$/, '').trim().length, `${what} was refused without a reason`).toBeGreaterThan(0);
  expectClean(text, what);
}
/**
 * What the outbox does next: after LATER_MS (back-off over, the admin reconnected), every entry that did not
 * come back delivered is sent again (all of them when the batch was thrown), one attempt more.
 */
async function resendLater(connector: Connector, portal: Portal, entries: OutboxEntry[], first: DeliveryResult[] | ConnectorError): Promise<DeliveryResult[]> {
  portal.heal();
  portal.advance(LATER_MS);
  clearBackoffs();
  const again = entries.filter((candidate) => first instanceof ConnectorError || resultFor(first, candidate.id).outcome === 'retry').map((candidate) => ({ ...candidate, attempts: candidate.attempts + 1 }));
  if (!again.length) return [];
  const outcome = settledDelivery(await rejection(connector.deliver(again, signal)));
  expect(outcome, `the resend failed whole: ${describeOutcome(outcome)}`).not.toBeInstanceOf(ConnectorError);
  return outcome as DeliveryResult[];
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
/** The verdict as a marketer reads it on the note: its label, or its key spelled out. */
const namesVerdict = (text: string, which: Verdict) => text.toLowerCase().includes(VERDICT_LABELS[which].toLowerCase()) || text.toLowerCase().includes(which.replace(/_/g, ' ')) || text.includes(which);

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, eighth set: delivering feedback as notes', () => {
  it('H103: a batch of three verdicts, one for a contact deleted since the brief; HubSpot answers a batch create 207 Multi-Status (results in its own order, the failure named by objectWriteTraceId), a batch without trace ids 400 whole, a single create 400 INVALID_OBJECT_IDS: each delivered verdict carries its own note, the third is not delivered, no note is left on no contact', async () => {
    const portal = hubspotPortal({ contacts: batch68103.results });
    const ingrid = verdict('c1a2b3d4-0103-4e5f-8a6b-7c8d9e0f1103', leadRef('salesforce', '00Q5j00000InGrId1A', 'ingrid.solberg@fjordline-logistics.example', 'Ingrid Solberg', '68103'), { verdict: 'demo_booked', reasons: ['Inbound request'] });
    const paulo = verdict('d2b3c4e5-0303-4f60-9b7c-8d9e0f1a2303', leadRef('salesforce', '00Q5j00000PaUlO3C', 'paulo.reis@lisboa-seguros.example', 'Paulo Reis', '68303'), { verdict: 'not_a_fit', reasons: ['Too small'] });
    const kwame = verdict('e3c4d5f6-0203-4a71-8c8d-9e0f1a2b3203', leadRef('salesforce', '00Q5j00000KwAmE2B', 'kwame.asante@accra-agritech.example', 'Kwame Asante', '68203'), { verdict: 'good_fit', reasons: ['Right persona', 'Budget'] });
    const connector = hub();
    const outcome = settledDelivery(await rejection(connector.deliver([ingrid, paulo, kwame].map((item) => entry(item)), signal)));
    expect(outcome, 'one lead HubSpot no longer has failed the whole batch').not.toBeInstanceOf(ConnectorError);
    const results = outcome as DeliveryResult[];
    for (const [item, contactId] of [
      [ingrid, '68103'],
      [kwame, '68203'],
    ] as const) {
      const result = resultFor(results, item.id);
      expect(result.outcome, `${contactId}: ${reason(result)}`).toBe('delivered');
      const held = portal.notesOn(contactId);
      expect(held, `${contactId} holds ${held.length} notes`).toHaveLength(1);
      const remoteId = (result as { remoteId?: string }).remoteId;
      if (remoteId !== undefined) expect(remoteId, `${contactId}'s verdict names another contact's note`).toBe(held[0]!.id);
    }
    const gone = resultFor(results, paulo.id);
    expect(gone.outcome, 'a verdict counted delivered though HubSpot holds no note of it').not.toBe('delivered');
    if (gone.outcome === 'rejected') expectReason(gone, 'the deleted contact\'s verdict');
    expect(portal.orphans(), 'a note was left on no contact at all').toEqual([]);
    expect(portal.notes).toHaveLength(2);
    expect(portal.contactWrites, 'a contact was written to make room for the note').toEqual([]);
  });

  it('H104: a "not a fit" verdict given three days ago, sent now after an outage (hs_timestamp is required and "determines where the note sits on the record timeline"): the note sits at the time the rep gave it, with the verdict, the reasons and the rep\'s words', async () => {
    const portal = hubspotPortal({ contacts: [hannah] });
    const words = 'Chose a competitor\'s bundle; revisit at renewal (Q3 2027).';
    const item = verdict('f4d5e6a7-0104-4b82-9d9e-0f1a2b3c4104', leadRef('salesforce', '00Q5j00000HaNnAh4D', 'hannah.okafor@brightlane.example', 'Hannah Okafor', '68104'), {
      verdict: 'not_a_fit',
      reasons: ['Competitor', 'Too small'],
      note: words,
      createdAt: '2026-11-20T16:42:10.000Z',
    });
    const outcome = settledDelivery(await rejection(hub().deliver([entry(item, { attempts: 3 })], signal)));
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(ConnectorError);
    const result = resultFor(outcome as DeliveryResult[], item.id);
    expect(result.outcome, `HubSpot refused the note: ${reason(result)}`).toBe('delivered');
    const [note] = portal.notesOn('68104');
    expect(note).toBeDefined();
    expect(portal.notes).toHaveLength(1);
    const shown = new Date(note!.timestampMs).toISOString();
    expect(Math.abs(note!.timestampMs - Date.parse(item.createdAt)), `the verdict sits on the timeline at ${shown}, not when the rep gave it (${item.createdAt})`).toBeLessThanOrEqual(1000);
    const text = noteText(note!.body);
    expect(namesVerdict(text, 'not_a_fit'), `the note does not say "not a fit":\n${text}`).toBe(true);
    for (const chip of ['Competitor', 'Too small']) expect(text).toContain(chip);
    expect(text).toContain(words);
  });

  it('H105a: the token expired between the brief and the delivery (every request answers 401 EXPIRED_AUTHENTICATION): nothing refused for good or counted delivered, no token in any message; after reconnecting, each verdict is on its contact once', async () => {
    const portal = hubspotPortal({ contacts: pair68105.results, everything: () => json(401, expired401) });
    const connector = hub();
    const items = [
      verdict('a5e6f7b8-0105-4c93-8eaf-1a2b3c4d5105', leadRef('salesforce', '00Q5j00000YaRaH5E', 'yara.haddad@cedar-health.example', 'Yara Haddad', '68105')),
      verdict('b6f7a8c9-0205-4da4-9fb0-2b3c4d5e6205', leadRef('salesforce', '00Q5j00000ToMaS5F', 'tomas.lindqvist@norrsken-energi.example', 'Tomas Lindqvist', '68205'), { verdict: 'not_ready', reasons: ['Timing'] }),
    ];
    const entries = items.map((item) => entry(item));
    const first = settledDelivery(await rejection(connector.deliver(entries, signal)));
    if (first instanceof ConnectorError) {
      expect(first.kind).toBe('auth');
      expect(first.system).toBe('HubSpot');
      expectClean(said(first), 'the auth error');
    } else {
      for (const item of items) {
        const result = resultFor(first, item.id);
        expect(result.outcome, `an expired token refused ${item.lead.name}'s verdict for good: ${reason(result)}`).toBe('retry');
        expectClean(reason(result), 'the retry reason');
      }
    }
    expect(portal.notes).toEqual([]);
    const again = await resendLater(connector, portal, entries, first);
    for (const item of items) expect(resultFor(again, item.id).outcome).toBe('delivered');
    expect(portal.notesOn('68105')).toHaveLength(1);
    expect(portal.notesOn('68205')).toHaveLength(1);
  });

  it('H105b: the token is rotated right after the first note of a batch was made (from then on 401 INVALID_AUTHENTICATION): the note HubSpot holds is counted delivered or found again, never written twice; the other one waits and is written once after reconnecting', async () => {
    const portal = hubspotPortal({ contacts: pair68105.results, revokeAfterNotes: 1 });
    const connector = hub();
    const items = [
      verdict('c7a8b9d0-0305-4eb5-8ac1-3c4d5e6f7305', leadRef('salesforce', '00Q5j00000YaRaH5E', 'yara.haddad@cedar-health.example', 'Yara Haddad', '68105'), { verdict: 'demo_booked', reasons: ['From this outreach'] }),
      verdict('d8b9c0e1-0405-4fc6-9bd2-4d5e6f7a8405', leadRef('salesforce', '00Q5j00000ToMaS5F', 'tomas.lindqvist@norrsken-energi.example', 'Tomas Lindqvist', '68205'), { verdict: 'good_fit', reasons: ['Clear need'] }),
    ];
    const entries = items.map((item) => entry(item));
    const first = settledDelivery(await rejection(connector.deliver(entries, signal)));
    if (!(first instanceof ConnectorError)) {
      for (const [item, contactId] of [
        [items[0]!, '68105'],
        [items[1]!, '68205'],
      ] as const) {
        const result = resultFor(first, item.id);
        expect(result.outcome, `a rotated token refused ${contactId}'s verdict for good: ${reason(result)}`).not.toBe('rejected');
        if (portal.notesOn(contactId).length) expect(result.outcome, `HubSpot holds ${contactId}'s note, yet it is not counted delivered (the outbox sends it again)`).toBe('delivered');
        else expect(result.outcome, `${contactId} has no note, yet it is counted delivered`).toBe('retry');
        if (result.outcome !== 'delivered') expectClean(reason(result), 'the retry reason');
      }
    } else {
      expect(first.kind).toBe('auth');
      expectClean(said(first), 'the auth error');
    }
    const again = await resendLater(connector, portal, entries, first);
    for (const item of items) if (again.length) expect(['delivered', undefined]).toContain(again.find((result) => result.id === item.id)?.outcome);
    expect(portal.notesOn('68105'), 'a verdict HubSpot already held was written a second time').toHaveLength(1);
    expect(portal.notesOn('68205')).toHaveLength(1);
  });

  it('H106a: the account\'s DAILY limit is used up (every request answers 429 DAILY, X-HubSpot-RateLimit-Daily-Remaining: 0, no Retry-After): both verdicts wait (never refused for good), at once and with a few requests at most, never a wait of seconds', async () => {
    const portal = hubspotPortal({ contacts: pair68106.results, everything: () => json(429, daily429, DAILY_HEADERS) });
    const items = [
      verdict('e9c0d1f2-0106-4ad7-8ce3-5e6f7a8b9106', leadRef('salesforce', '00Q5j00000MiReIl6G', 'mireille.dubois@atelier-lumen.example', 'Mireille Dubois', '68106')),
      verdict('f0d1e2a3-0206-4be8-9df4-6f7a8b9c0206', leadRef('salesforce', '00Q5j00000JoNaS6H', 'jonas.weber@rheinwerk-bau.example', 'Jonas Weber', '68206'), { verdict: 'bad_data', reasons: ['Wrong company'] }),
    ];
    const started = Date.now();
    const outcome = settledDelivery(await rejection(hub().deliver(items.map((item) => entry(item)), signal)));
    expect(Date.now() - started, 'the delivery waited on a limit that lasts until midnight').toBeLessThan(15_000);
    if (outcome instanceof ConnectorError) {
      expect(outcome.kind).toBe('rate-limited');
      if (outcome.retryAfterMs !== undefined) expect(outcome.retryAfterMs, 'a daily limit is not lifted within seconds').toBeGreaterThanOrEqual(60_000);
      expectClean(said(outcome), 'the rate-limit error');
    } else {
      for (const item of items) {
        const result = resultFor(outcome, item.id);
        expect(result.outcome, `a daily limit refused ${item.lead.name}'s verdict for good: ${reason(result)}`).toBe('retry');
      }
    }
    expect(portal.calls.length, `${portal.calls.length} requests against a used-up daily limit`).toBeLessThanOrEqual(8);
    expect(portal.notes).toEqual([]);
  }, 40_000);

  it('H106b: the note answers 429 SECONDLY once with Retry-After: 1: written after the second HubSpot named, or left to retry; never refused, once on the contact', async () => {
    const portal = hubspotPortal({ contacts: [pair68106.results[0]!], writes: [{ answer: { status: 429, body: secondly429, headers: { 'Retry-After': '1' } }, times: 1 }] });
    const connector = hub();
    const item = verdict('a1e2f3b4-0306-4cf9-8e05-7a8b9c0d1306', leadRef('salesforce', '00Q5j00000MiReIl6G', 'mireille.dubois@atelier-lumen.example', 'Mireille Dubois', '68106'), { verdict: 'demo_booked', reasons: ['Inbound request'] });
    const entries = [entry(item)];
    const first = settledDelivery(await rejection(connector.deliver(entries, signal)));
    if (first instanceof ConnectorError) expect(first.kind).toBe('rate-limited');
    else {
      const result = resultFor(first, item.id);
      expect(result.outcome, `a one-second limit refused the verdict for good: ${reason(result)}`).not.toBe('rejected');
      if (result.outcome === 'delivered') {
        const writes = portal.noteWrites();
        expect(writes.length).toBeGreaterThanOrEqual(2);
        expect(writes.at(-1)!.at - writes[0]!.at, 'written again before the second HubSpot named had passed').toBeGreaterThanOrEqual(900);
      }
    }
    await resendLater(connector, portal, entries, first);
    expect(portal.notesOn('68106')).toHaveLength(1);
  }, 40_000);

  it('H107: a batch of two where HubSpot answers the second note 500 "internal error" with a correlationId (body and X-HubSpot-Correlation-Id): the first counts as delivered, the second waits for a retry keeping the correlationId for HubSpot support; in the end each is on its contact once', async () => {
    const portal = hubspotPortal({
      contacts: pair68107.results,
      writes: [{ when: (ids) => ids.includes('68207'), answer: { status: 500, body: internal500, headers: { 'X-HubSpot-Correlation-Id': internal500.correlationId } }, times: 1 }],
    });
    const connector = hub();
    const arjun = verdict('b2f3a4c5-0107-4d0a-9f16-8b9c0d1e2107', leadRef('salesforce', '00Q5j00000ArJuN7I', 'arjun.mehta@lotus-pharma.example', 'Arjun Mehta', '68107'), { verdict: 'good_fit', reasons: ['Right company size'] });
    const sophie = verdict('c3a4b5d6-0207-4e1b-8a27-9c0d1e2f3207', leadRef('salesforce', '00Q5j00000SoPhIe7J', 'sophie.laurent@vignoble-sud.example', 'Sophie Laurent', '68207'), { verdict: 'not_ready', reasons: ['No budget yet'] });
    const entries = [entry(arjun), entry(sophie)];
    const first = settledDelivery(await rejection(connector.deliver(entries, signal)));
    if (first instanceof ConnectorError) {
      expect(['server', 'network', 'timeout']).toContain(first.kind);
      expect(portal.notes, 'the batch was reported failed whole, though HubSpot already holds a note from it').toEqual([]);
    } else {
      const a = resultFor(first, arjun.id);
      if (portal.notesOn('68107').length) expect(a.outcome, 'HubSpot holds Arjun\'s note, yet it is not counted delivered').toBe('delivered');
      const s = resultFor(first, sophie.id);
      expect(s.outcome, `a 500 refused the verdict for good: ${reason(s)}`).toBe('retry');
      expectClean(reason(s), 'the retry reason');
      expect(reason(s), 'the reason drops HubSpot\'s correlationId').toContain(internal500.correlationId);
    }
    await resendLater(connector, portal, entries, first);
    expect(portal.notesOn('68107')).toHaveLength(1);
    expect(portal.notesOn('68207')).toHaveLength(1);
  });

  it('H108: the note answers 502 with the edge\'s HTML page ("Bad gateway … Please try again in a few minutes"): a retry worded without the HTML, then written once', async () => {
    const portal = hubspotPortal({ contacts: [lucas], writes: [{ answer: { status: edge502.status, text: edge502.body, headers: edge502.headers }, times: 1 }] });
    const connector = hub();
    const item = verdict('d4b5c6e7-0108-4f2c-9b38-0d1e2f3a4108', leadRef('salesforce', '00Q5j00000LuCaS8K', 'lucas.ferreira@porto-logistica.example', 'Lucas Ferreira', '68108'));
    const entries = [entry(item)];
    const first = settledDelivery(await rejection(connector.deliver(entries, signal)));
    if (first instanceof ConnectorError) {
      expect(['server', 'network', 'timeout']).toContain(first.kind);
      expectClean(said(first), 'the 502 error');
      expect(said(first)).not.toContain('cf-wrapper');
    } else {
      const result = resultFor(first, item.id);
      expect(['retry', 'delivered']).toContain(result.outcome);
      if (result.outcome === 'retry') {
        expectClean(reason(result), 'the retry reason');
        expect(reason(result)).not.toContain('cf-wrapper');
      }
    }
    await resendLater(connector, portal, entries, first);
    expect(portal.notesOn('68108')).toHaveLength(1);
  });

  it('H109: HubSpot made the note but the connection broke before its answer; HubSpot\'s search shows a note only about ten seconds after it is made: the resend (unclear, after the connector\'s own settle wait) finds it, one note, delivered with its id', async () => {
    const portal = hubspotPortal({ contacts: [emeka], writes: [{ answer: { status: 0, drop: true }, times: 1 }] });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const connector = hub();
    const item = verdict('e5c6d7f8-0109-4a3d-8c49-1e2f3a4b5109', leadRef('salesforce', '00Q5j00000EmEkA9L', 'emeka.nwosu@lagos-fintech.example', 'Emeka Nwosu', '68109'), { verdict: 'good_fit', reasons: ['Clear need', 'Budget'], note: 'Wants a DORA mapping before the board meeting on 9 Dec.' });
    const first = settledDelivery(await rejection(connector.deliver([entry(item)], signal)));
    expect(portal.notesOn('68109')).toHaveLength(1);
    if (first instanceof ConnectorError) expect(['network', 'timeout', 'server']).toContain(first.kind);
    else {
      const result = resultFor(first, item.id);
      expect(result.outcome, `a dropped connection refused the verdict for good: ${reason(result)}`).not.toBe('rejected');
      if (result.outcome === 'delivered' && (result as { remoteId?: string }).remoteId !== undefined) expect((result as { remoteId?: string }).remoteId).toBe(portal.notes[0]!.id);
    }
    expect(portal.notesOn('68109'), 'the note was written a second time within the same attempt').toHaveLength(1);
    // The outbox waits the connector's settle time (Connector.resendSettleMs) before resending a batch that got no answer.
    const settle = connector.resendSettleMs ?? 0;
    portal.advance(settle);
    clearBackoffs();
    const again = settledDelivery(await rejection(connector.deliver([entry(item, { attempts: 1, unclear: true })], signal)));
    expect(again, describeOutcome(again)).not.toBeInstanceOf(ConnectorError);
    const result = resultFor(again as DeliveryResult[], item.id);
    expect(result.outcome, reason(result)).toBe('delivered');
    expect(portal.notesOn('68109'), `the verdict is now twice on the contact (the resend came ${settle} ms after the note was made; HubSpot's search shows it after about ${SEARCH_LAG_MS} ms)`).toHaveLength(1);
    const remoteId = (result as { remoteId?: string }).remoteId;
    if (remoteId !== undefined) expect(remoteId).toBe(portal.notes[0]!.id);
  });

  it('H109b: the same dropped connection, and on the resend HubSpot\'s search answers 429 (the search endpoints have a per-second limit of their own) to every look for the note: the resend does not write blindly; one note in the end, never two', async () => {
    const portal = hubspotPortal({
      contacts: [emeka],
      writes: [{ answer: { status: 0, drop: true }, times: 1 }],
      before: (call) => (call.method === 'POST' && call.path === '/crm/v3/objects/notes/search' ? json(429, secondly429) : undefined),
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const connector = hub();
    const item = verdict('f6d7e8a9-0209-4b4e-9d5a-2f3a4b5c6209', leadRef('salesforce', '00Q5j00000EmEkA9L', 'emeka.nwosu@lagos-fintech.example', 'Emeka Nwosu', '68109'), { verdict: 'demo_booked', reasons: ['From this outreach'], note: 'Demo on 2 Dec, 15:00 WAT, with their CISO.' });
    await rejection(connector.deliver([entry(item)], signal));
    expect(portal.notesOn('68109')).toHaveLength(1);
    portal.advance(connector.resendSettleMs ?? 0);
    clearBackoffs();
    const again = settledDelivery(await rejection(connector.deliver([entry(item, { attempts: 1, unclear: true })], signal)));
    if (again instanceof ConnectorError) expect(['rate-limited', 'server']).toContain(again.kind);
    else {
      const result = resultFor(again, item.id);
      expect(result.outcome, `a search HubSpot refused for a second refused the verdict for good: ${reason(result)}`).not.toBe('rejected');
      const remoteId = (result as { remoteId?: string }).remoteId;
      if (result.outcome === 'delivered' && remoteId !== undefined) expect(remoteId).toBe(portal.notes[0]!.id);
    }
    expect(portal.notesOn('68109'), 'the note HubSpot already held was written again because the search to find it was refused').toHaveLength(1);
  }, 40_000);

  it('H110: a content request, a prospect question (with "<iframe>" and "&" in it), a content rating and a content event for one lead: one result per entry, and the request and the question on the contact in the rep\'s words, as text', async () => {
    const portal = hubspotPortal({ contacts: [jing] });
    const lead = leadRef('hubspot', '68110', 'chen.jing@harbourview-clinics.example', 'Jing Chen', '68110');
    const common = { createdAt: '2026-11-24T10:02:40.000Z', lead, source: { channel: 'organic_search' }, rep: REP };
    const requestText = 'A one-page "auditor access" FAQ for hospital IT & compliance teams (HIPAA, < 2 pages)';
    const questionText = 'Can external auditors get read-only access without a paid seat? Their IT asked whether it works in an <iframe> on their intranet & behind SSO.';
    const request = FeedbackItemSchema.parse({ ...common, id: 'f6d7e8a9-0110-4b4e-9d5a-2f3a4b5c6110', kind: 'content_request', text: requestText });
    const question = FeedbackItemSchema.parse({ ...common, id: 'a7e8f9b0-0210-4c5f-8e6b-3a4b5c6d7210', kind: 'prospect_question', text: questionText });
    const rating = FeedbackItemSchema.parse({ ...common, id: 'b8f9a0c1-0310-4d60-9f7c-4b5c6d7e8310', kind: 'content_rating', contentId: '157000000042', useful: false });
    const opened = ContentEventSchema.parse({ id: 'evt-68110-opened-1', type: 'opened', contentId: '157000000042', at: '2026-11-24T10:01:12.000Z', leadKey: lead.key, source: {} });
    const entries: OutboxEntry[] = [entry(request), entry(question), entry(rating), { kind: 'event', item: opened, id: opened.id, attempts: 0, unclear: false }];
    const outcome = settledDelivery(await rejection(hub().deliver(entries, signal)));
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(ConnectorError);
    const results = outcome as DeliveryResult[];
    expect(results.map((result) => result.id).sort(), 'one result per entry').toEqual(entries.map((candidate) => candidate.id).sort());
    const written = portal.notesOn('68110').map((note) => noteText(note.body).replace(/\s+/g, ' '));
    for (const [kind, item, words] of [
      ['content request', request, requestText],
      ['prospect question', question, questionText],
    ] as const) {
      const result = resultFor(results, item.id);
      expect(result.outcome, `${kind}: ${reason(result)}`).toBe('delivered');
      expect(written.some((text) => text.includes(words)), `${kind}: the rep's words are not on the contact as typed:\n${written.join('\n---\n')}`).toBe(true);
    }
    expect(['delivered', 'unsupported'], 'a content rating').toContain(resultFor(results, rating.id).outcome);
    expect(['delivered', 'unsupported'], 'a content event').toContain(resultFor(results, opened.id).outcome);
    expect(portal.orphans()).toEqual([]);
  });

  it('H110b: a content request and a prospect question the panel made in one action (one createdAt, so one hs_timestamp); the question\'s note answers 500 once and is sent again: the resend does not take the request\'s note for the question\'s, both are on the contact', async () => {
    const createdAt = '2026-11-24T10:05:31.250Z';
    const requestText = 'Case study: a 40-clinic group that passed its HIPAA audit with quarterly access reviews';
    const questionText = 'Do you support SCIM deprovisioning from Entra ID within 15 minutes?';
    const portal = hubspotPortal({ contacts: [jing], writes: [{ when: (_ids, raw) => raw.includes('SCIM deprovisioning'), answer: { status: 500, body: internal500 }, times: 1 }] });
    const connector = hub();
    const lead = leadRef('hubspot', '68110', 'chen.jing@harbourview-clinics.example', 'Jing Chen', '68110');
    const common = { createdAt, lead, source: { channel: 'organic_search' }, rep: REP };
    const request = FeedbackItemSchema.parse({ ...common, id: 'c9a0b1d2-0410-4e71-8a8d-5c6d7e8f9410', kind: 'content_request', text: requestText });
    const question = FeedbackItemSchema.parse({ ...common, id: 'd0b1c2e3-0510-4f82-9b9e-6d7e8f9a0510', kind: 'prospect_question', text: questionText });
    const entries = [entry(request), entry(question)];
    const first = settledDelivery(await rejection(connector.deliver(entries, signal)));
    expect(first, describeOutcome(first)).not.toBeInstanceOf(ConnectorError);
    expect(resultFor(first as DeliveryResult[], request.id).outcome).toBe('delivered');
    expect(resultFor(first as DeliveryResult[], question.id).outcome, reason(resultFor(first as DeliveryResult[], question.id))).toBe('retry');
    const requestNote = portal.notesOn('68110')[0]!;
    const again = await resendLater(connector, portal, entries, first);
    const result = resultFor(again, question.id);
    expect(result.outcome, reason(result)).toBe('delivered');
    const remoteId = (result as { remoteId?: string }).remoteId;
    if (remoteId !== undefined) expect(remoteId, 'the question was counted delivered as the request\'s note').not.toBe(requestNote.id);
    const written = portal.notesOn('68110').map((note) => noteText(note.body).replace(/\s+/g, ' '));
    expect(written.some((text) => text.includes(questionText)), `the prospect's question never reached the contact:\n${written.join('\n---\n')}`).toBe(true);
    expect(written.filter((text) => text.includes(requestText)), 'the request is on the contact twice').toHaveLength(1);
  });

  it('H111a: the lead\'s contact was GDPR-deleted after the brief (its record answers 404, archived or not; the search finds nobody; an association to it answers 400 INVALID_OBJECT_IDS): refused with a reason, no note anywhere, and no contact made again for that person', async () => {
    const portal = hubspotPortal({ contacts: [jing] });
    const item = verdict('c9a0b1d2-0111-4e71-8a8d-5c6d7e8f9111', leadRef('salesforce', '00Q5j00000AsTrId1M', 'astrid.berg@polar-analytics.example', 'Astrid Berg', '68111'), { verdict: 'bad_data', reasons: ['Fake'] });
    const outcome = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(ConnectorError);
    const result = resultFor(outcome as DeliveryResult[], item.id);
    expect(result.outcome, 'a contact deleted for good is retried for ever, or claimed delivered').toBe('rejected');
    expectReason(result, 'the GDPR-deleted contact\'s verdict');
    expect(portal.notes).toEqual([]);
    expect(portal.contactWrites, 'HubSpot was asked to make a contact for a person deleted under the GDPR').toEqual([]);
  });

  it('H111b: the lead\'s contact was deleted into the recycle bin after the brief (restorable for 90 days: read only with archived=true, never searched, associations refused): not delivered, kept with a reason or for a retry; no note, no new contact', async () => {
    const portal = hubspotPortal({ contacts: [jing], archived: [diegoArchived] });
    const item = verdict('d0b1c2e3-0211-4f82-9b9e-6d7e8f9a0211', leadRef('salesforce', '00Q5j00000DiEgO1N', 'diego.alvarez@andes-mining.example', 'Diego Álvarez', '68211'), { verdict: 'not_a_fit', reasons: ['Wrong industry'] });
    const outcome = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(ConnectorError);
    const result = resultFor(outcome as DeliveryResult[], item.id);
    expect(['retry', 'rejected'], `a verdict counted delivered though no contact holds it`).toContain(result.outcome);
    if (result.outcome === 'rejected') expectReason(result, 'the deleted contact\'s verdict');
    expect(portal.notes).toEqual([]);
    expect(portal.contactWrites, 'a second contact was made for a person whose contact waits in the recycle bin').toEqual([]);
  });

  it('H112a: a verdict on a lead HubSpot has no contact for (the brief found none, so no profile id; the search and a read by the address find nobody): not delivered, no note, no contact made', async () => {
    const portal = hubspotPortal({ contacts: [jing] });
    const item = verdict('e1c2d3f4-0112-4a93-8caf-7e8f9a0b1112', leadRef('salesforce', '00Q5j00000NoAh12O', 'noah.schmidt@alpen-solar.example', 'Noah Schmidt'), { verdict: 'bad_data', reasons: ['Wrong email'] });
    const outcome = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(ConnectorError);
    const result = resultFor(outcome as DeliveryResult[], item.id);
    expect(result.outcome, 'a verdict counted delivered though HubSpot has nowhere it went').not.toBe('delivered');
    if (result.outcome === 'rejected') expectReason(result, 'the unknown lead\'s verdict');
    expect(portal.notes).toEqual([]);
    expect(portal.contactWrites, 'a contact was made in HubSpot for the verdict').toEqual([]);
  });

  it('H112b: the brief ran seconds after a form made the lead\'s contact, before HubSpot\'s index showed it (no profile id); by the delivery it is indexed: the verdict goes on that contact, found by the lead\'s address', async () => {
    const portal = hubspotPortal({ contacts: [jing, rosa] });
    const item = verdict('f2d3e4a5-0212-4ba4-9db0-8f9a0b1c2212', leadRef('salesforce', '00Q5j00000RoSaK12P', 'rosa.kim@seoulwave.example', 'Rosa Kim'), { verdict: 'good_fit', reasons: ['Right persona'] });
    const outcome = settledDelivery(await rejection(hub().deliver([entry(item)], signal)));
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(ConnectorError);
    const result = resultFor(outcome as DeliveryResult[], item.id);
    expect(result.outcome, `the lead's contact is in HubSpot under the address the verdict names, yet: ${reason(result)}`).toBe('delivered');
    expect(portal.notesOn('68212')).toHaveLength(1);
    expect(portal.notes).toHaveLength(1);
    expect(portal.contactWrites).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, eighth set: the connection test', () => {
  const everyMessage = (checks: CapabilityCheck[]) => checks.map((candidate) => said(candidate)).join('\n');

  it('H113a: a token that was revoked or rotated (every request answers 401 INVALID_AUTHENTICATION "Authentication credentials not found…"): sign-in fails in HubSpot\'s words, lookup and writing are not reported working, no token or HTML anywhere', async () => {
    hubspotPortal({ contacts: [jing], everything: () => json(401, invalidAuth401) });
    const checks = await hub().testConnection(signal);
    const auth = check(checks, 'auth');
    expect(auth.ok).toBe(false);
    expect(said(auth), 'the sign-in check does not report HubSpot\'s own words').toContain('Authentication credentials not found');
    for (const candidate of checks.filter((one) => one.capability === 'lookup' || one.capability === 'write')) expect(candidate.ok, `${candidate.capability}: "${candidate.message}"`).toBe(false);
    expectClean(everyMessage(checks), 'the connection test');
  });

  it('H113b: an expired token (every request answers 401 EXPIRED_AUTHENTICATION "The OAuth token used to make this call expired 12 minute(s) ago."): sign-in fails saying it expired, nothing reported working', async () => {
    hubspotPortal({ contacts: [jing], everything: () => json(401, expired401) });
    const checks = await hub().testConnection(signal);
    const auth = check(checks, 'auth');
    expect(auth.ok).toBe(false);
    expect(said(auth), 'the sign-in check does not say the token expired').toMatch(/expired/i);
    for (const candidate of checks.filter((one) => one.capability === 'lookup' || one.capability === 'write')) expect(candidate.ok, `${candidate.capability}: "${candidate.message}"`).toBe(false);
    expectClean(everyMessage(checks), 'the connection test');
  });

  it('H114a: the account\'s DAILY limit is used up (every request answers 429 DAILY, no Retry-After): the test says so within seconds and never blames the token', async () => {
    hubspotPortal({ contacts: [jing], everything: () => json(429, daily429, DAILY_HEADERS) });
    const started = Date.now();
    const checks = await hub().testConnection(signal);
    expect(Date.now() - started).toBeLessThan(15_000);
    const auth = check(checks, 'auth');
    if (!auth.ok) {
      expect(said(auth), 'a used-up daily limit reported as a sign-in failure without saying so').toMatch(/daily limit|rate.?limit|RATE_LIMIT|429|too many/i);
      expect(said(auth)).not.toMatch(/credentials not found|invalid token|expired/i);
    }
    const lookup = check(checks, 'lookup');
    expect(lookup.ok, 'lookups reported working while every request is refused').toBe(false);
    expectClean(everyMessage(checks), 'the connection test');
  }, 40_000);

  it('H114b: the portal is being moved between data centres (every request answers 477 "Migration in progress" with Retry-After: 3600): the test says so within seconds and never blames the token', async () => {
    hubspotPortal({ contacts: [jing], everything: () => json(477, migration477, { 'Retry-After': '3600' }) });
    const started = Date.now();
    const checks = await hub().testConnection(signal);
    expect(Date.now() - started, 'the test waited out an hour-long migration window').toBeLessThan(15_000);
    const auth = check(checks, 'auth');
    if (!auth.ok) {
      expect(said(auth), 'a migration reported as a sign-in failure without saying so').toMatch(/migrat|477/i);
      expect(said(auth)).not.toMatch(/credentials not found|invalid token|expired/i);
    }
    expect(check(checks, 'lookup').ok).toBe(false);
    expectClean(everyMessage(checks), 'the connection test');
  }, 40_000);

  it('H115a: an EU portal\'s token sent to api.hubapi.com\'s na1 hublet (every request answers 488 "Hub 8852107 is unknown to this Hublet, but it appears to exist in Hublet eu1"): nothing reported working, and the test names eu1 so the admin can set the API base', async () => {
    hubspotPortal({ contacts: [jing], everything: () => json(488, hublet488) });
    const connector = createHubSpotConnector(HubSpotSourceSchema.parse({ kind: 'hubspot' }), { token: 'pat-eu1-5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' });
    const checks = await connector.testConnection(signal);
    for (const candidate of checks.filter((one) => one.capability !== 'content')) expect(candidate.ok, `${candidate.capability}: "${candidate.message}"`).toBe(false);
    expect(everyMessage(checks), 'no check names the hublet HubSpot points to').toContain('eu1');
    expect(everyMessage(checks)).not.toContain('pat-eu1-5a6b7c8d');
    expectClean(everyMessage(checks), 'the connection test');
  });

  it('H115b: the same 488 on every request while the outbox delivers a verdict: it waits for the API base to be fixed (never refused for good, never counted delivered)', async () => {
    const portal = hubspotPortal({ contacts: [jing], everything: () => json(488, hublet488) });
    const connector = createHubSpotConnector(HubSpotSourceSchema.parse({ kind: 'hubspot' }), { token: 'pat-eu1-5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' });
    const item = verdict('a3e4f5b6-0115-4cb5-8ec1-9a0b1c2d3115', leadRef('hubspot', '68110', 'chen.jing@harbourview-clinics.example', 'Jing Chen', '68110'));
    const outcome = settledDelivery(await rejection(connector.deliver([entry(item)], signal)));
    if (outcome instanceof ConnectorError) expect(outcome.kind, said(outcome)).not.toBe('rejected');
    else {
      const result = resultFor(outcome, item.id);
      expect(result.outcome, `a wrong API base refused the verdict for good: ${reason(result)}`).toBe('retry');
    }
    expect(portal.notes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, eighth set: lookups', () => {
  const SEARCH = '/crm/v3/objects/contacts/search';
  const searchNone = { total: 0, results: [] };
  /** A search whose filters or free-text query name the address (case aside), as HubSpot's index matches `EQ` on `email`. */
  const names = (body: any, email: string) =>
    [
      ...((body?.filterGroups ?? []) as Json[]).flatMap((group) => ((group?.filters ?? []) as Json[]).flatMap((filter) => [filter?.value, ...(Array.isArray(filter?.values) ? filter.values : [])])),
      body?.query,
    ].some((value) => typeof value === 'string' && value.toLowerCase() === email);

  it('H116: HubSpot answers the contact record read 414 (URI too long) while the search and batch/read (POST) answer: the rep gets Ole Hansen, or a clear error; never "nobody"', async () => {
    hubspotPortal({
      contacts: [ole],
      before: (call) => {
        if (call.method === 'GET' && /^\/crm\/v3\/objects\/contacts\/[^/]+$/.test(call.path)) return new Response('', { status: 414 });
        if (call.method === 'POST' && call.path === SEARCH) return json(200, names(call.body, 'ole.hansen@nordhavn-shipping.example') ? search68116 : searchNone);
        return undefined;
      },
    });
    for (const lookup of [() => hub().findProfile({ crm: 'salesforce', recordId: '00Q5j00000OlEhA16Q', email: 'ole.hansen@nordhavn-shipping.example' }, signal), () => hub().getProfile('68116', signal)]) {
      const outcome = await rejection(lookup());
      if (outcome instanceof ConnectorError) {
        expect(outcome.kind, `a record HubSpot has was reported missing: ${said(outcome)}`).not.toBe('not-found');
        expectClean(said(outcome), 'the 414 error');
      } else {
        const profile = (outcome as { resolved: LeadProfile | null }).resolved;
        expect(profile, 'the lead HubSpot has (the search lists it) came back as nobody').not.toBeNull();
        const shown = wellFormed(profile);
        expect(shown.id).toBe('68116');
        expect(shown.name).toBe('Ole Hansen');
      }
    }
  });

  it('H117: the contact search answers 423 Locked once ("locks will last for 2 seconds"): the lead after a wait of at least 2 seconds, or an error worth retrying; never "nobody"', async () => {
    let locked = 1;
    const portal = hubspotPortal({
      contacts: [fatou],
      before: (call) => {
        if (call.method !== 'POST' || call.path !== SEARCH) return undefined;
        if (locked-- > 0) return json(423, locked423);
        return json(200, names(call.body, 'fatou.diallo@sahel-telecom.example') ? search68117 : searchNone);
      },
    });
    const outcome = await rejection(hub().findProfile({ crm: 'salesforce', recordId: '00Q5j00000FaToU17R', email: 'fatou.diallo@sahel-telecom.example' }, signal));
    if (outcome instanceof ConnectorError) {
      expect(['server', 'rate-limited', 'timeout'], `a 2-second lock reported as ${outcome.kind}: ${said(outcome)}`).toContain(outcome.kind);
      expectClean(said(outcome), 'the 423 error');
    } else {
      const profile = (outcome as { resolved: LeadProfile | null }).resolved;
      expect(profile, 'a locked search was taken for "nobody"').not.toBeNull();
      const shown = wellFormed(profile);
      expect(shown.id).toBe('68117');
      expect(shown.name).toBe('Fatou Diallo');
      const searches = portal.calls.filter((call) => call.method === 'POST' && call.path === SEARCH);
      if (searches.length >= 2) expect(searches[1]!.at - searches[0]!.at, 'searched again before the 2-second lock was over').toBeGreaterThanOrEqual(1900);
    }
  }, 40_000);
});
