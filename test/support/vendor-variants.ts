import { afterEach, beforeEach, expect, vi } from 'vitest';
import { HubSpotSourceSchema, LeadProfileSchema, type LeadProfile } from '@/lib/schema';
import { MauticSourceSchema, type MauticSource } from '@/lib/schema/sources';
import eventsEmpty from '@/test/fixtures/api/hubspot/events-empty.json';
import mauticActivityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import { clearBackoffs } from '@/lib/connectors/backoff';
import { createHubSpotConnector } from '@/lib/connectors/hubspot';
import { createMauticConnector } from '@/lib/connectors/mautic';
import { ConnectorError, type DeliveryResult, type OutboxEntry } from '@/lib/connectors/types';
import type { FeedbackItem } from '@/lib/schema';
import { stubFetch, type FakeRoute } from './fake-fetch';

/**
 * What the vendor-variant test files share (lib/connectors/vendor-variants*.test.ts): a fake HTTP
 * layer where the first route whose method, path and condition match answers, the checks every
 * mapped profile must pass, and the HubSpot and Mautic connectors under test.
 */

/** Each test starts with no back-off left from another and ends with fetch and spies restored. */
export function resetBetweenTests(): void {
  beforeEach(() => clearBackoffs());
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}

/** The vendor's own answer to a path it has no such object for. */
const notFound = () => new Response(JSON.stringify({ status: 'error', message: 'not found' }), { status: 404 });
export const serve = (routes: FakeRoute[]) => stubFetch(routes, notFound);

/** What a promise settled with: `{ resolved }`, or what it was rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => ({ resolved: value }),
    (caught: unknown) => caught,
  );
}

/** Whatever the mapping did, the profile must be one the panel accepts, and no vendor null may surface as the word "null". */
export function wellFormed(profile: LeadProfile | null): LeadProfile {
  expect(profile).not.toBeNull();
  const parsed = LeadProfileSchema.safeParse(profile);
  expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  expect(JSON.stringify(profile)).not.toMatch(/"(null|undefined|NaN)"/);
  return profile!;
}

/** A signal no test aborts. */
export const signal = new AbortController().signal;

/** The instant a timestamp names, so "…:07Z" and "…:07.000Z" compare equal. */
export const instant = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

export const HS_TOKEN = 'pat-na1-00000000-1111-4222-8333-444444444444';
/** A HubSpot connector, with the admin's own settings (field mappings, timeout) on top of the defaults. */
export const hub = (settings: Record<string, unknown> = {}) => createHubSpotConnector(HubSpotSourceSchema.parse({ kind: 'hubspot', ...settings }), { token: HS_TOKEN });
export const noEvents: FakeRoute = { method: 'GET', path: '/events/v3/events', body: eventsEmpty };
export const contactAt = (id: string, body: unknown): FakeRoute => ({ method: 'GET', path: `/crm/v3/objects/contacts/${id}`, body });

export const MT_BASE = 'https://mautic.keyline.example';
export const MT_PASSWORD = 'not-a-real-password';
export const mtSource = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: MT_BASE, auth: { method: 'basic', username: 'leadside-api' } });
export const mt = (source: MauticSource = mtSource) => createMauticConnector(source, { password: MT_PASSWORD });
/** A lookup from a Salesforce record whose page showed `email`. */
export const mtQuery = (email: string) => ({ crm: 'salesforce' as const, recordId: '00Q1', email });
/** GET /api/contacts/{id} answers each contact a list names as `{"contact": …}` (Mautic's own answer by id). */
export const mtContactsById = (body: unknown): FakeRoute[] =>
  Object.entries((body as { contacts?: Record<string, unknown> }).contacts ?? {}).map(([id, contact]): FakeRoute => ({ method: 'GET', path: `/api/contacts/${id}`, body: { contact } }));
/** GET /api/contacts answers the list, whatever the search; GET /api/contacts/{id} each listed contact. */
/** Mautic's answer to a contact search that found nobody. */
export const MT_EMPTY_LIST = { total: '0', contacts: [] };
/** Every query value as PHP reads it ($_GET: "+" is a space, "%26" an ampersand), which URLSearchParams gives too. */
export const queryValues = (url: URL) => [...url.searchParams.values()];
/** Whether one of the request's values holds every text, case aside (MySQL's `_ci` collations compare case-insensitively). */
export const mentions = (url: URL, ...texts: string[]) =>
  queryValues(url).some((value) => texts.every((text) => value.toLowerCase().includes(text.toLowerCase())));
/** GET /api/contacts answers `body` only to a request one of whose values holds every text; nobody otherwise. */
export const mtListWhenAsked = (texts: string[], body: unknown): FakeRoute[] => [
  { method: 'GET', path: '/api/contacts', when: (url) => mentions(url, ...texts), body },
  { method: 'GET', path: '/api/contacts', body: MT_EMPTY_LIST },
  ...mtContactsById(body),
];
export const mtList = (body: unknown): FakeRoute[] => [{ method: 'GET', path: '/api/contacts', body }, ...mtContactsById(body)];
/** A contact's activity, any page. */
export const MT_ACTIVITY = /^\/api\/contacts\/\d+\/activity$/;
/** A contact's activity: the first page is `body`, any later page is empty. */
export const mtActivity = (body: unknown): FakeRoute[] => [
  { method: 'GET', path: MT_ACTIVITY, when: (url) => (url.searchParams.get('page') ?? '1') === '1', body },
  { method: 'GET', path: MT_ACTIVITY, body: mauticActivityEmpty },
];

/** One request the raw fake (rawServer) saw. */
export interface RawCall {
  method: string;
  url: URL;
  headers: Headers;
  /** The redirect mode fetch was asked for. */
  redirect: RequestRedirect | undefined;
  body: string | undefined;
  /** The body parsed as JSON, when it is JSON. */
  json: any;
}

/**
 * A raw fake server for the cases the route fake (`serve`) cannot express: any path, a form-encoded
 * token request, the redirect mode asked for, a connection that drops after the server did its work.
 * Restored by resetBetweenTests (vi.unstubAllGlobals).
 */
export function rawServer(answer: (call: RawCall) => Response | Promise<Response>): RawCall[] {
  const calls: RawCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : undefined;
      const raw = init?.body;
      const body = typeof raw === 'string' ? raw : raw instanceof URLSearchParams ? raw.toString() : request ? await request.clone().text() : undefined;
      let parsed: unknown;
      try {
        parsed = body === undefined ? undefined : JSON.parse(body);
      } catch {
        parsed = undefined;
      }
      const call: RawCall = {
        method: init?.method ?? request?.method ?? 'GET',
        url: new URL(request ? request.url : String(input)),
        headers: new Headers(init?.headers ?? request?.headers),
        redirect: init?.redirect ?? request?.redirect,
        body,
        json: parsed,
      };
      calls.push(call);
      return answer(call);
    }),
  );
  return calls;
}

/** A JSON answer, as a vendor's API sends it. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A Mautic source with the admin's own field mappings. */
export const withMappings = (mappings: Record<string, string>) => MauticSourceSchema.parse({ ...mtSource, mappings });

/** What a call settled with, for assertion messages. */
export const describeOutcome = (outcome: unknown) =>
  outcome instanceof Error ? `${outcome.name} (${(outcome as { kind?: string }).kind ?? '-'}): ${outcome.message}` : JSON.stringify(outcome)?.slice(0, 400);

/** What a connector error (or a refused delivery result) says, in words and in its coded form. */
export const said = (error: { message?: string; error?: string; coded?: unknown }) => `${error.message ?? error.error ?? ''} ${JSON.stringify(error.coded ?? {})}`;

/** The rep's words as Mautic shows a note: tags as line breaks, entities decoded. */
export const noteAsRead = (text: string) =>
  text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

/** Requests matching `hangs` never answer (until the connector gives up and aborts them); others go to the fake underneath. */
export function hangWhere(hangs: (url: URL) => boolean): void {
  const answer = globalThis.fetch;
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!hangs(url)) return answer(input, init);
      return new Promise<Response>((_resolve, reject) => {
        const abort = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        if (abort?.aborted) reject(abort.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
        abort?.addEventListener('abort', () => reject(abort.reason ?? new DOMException('The operation was aborted.', 'AbortError')));
      });
    }),
  );
}

/**
 * Mautic's search strings as its repository reads them (CoreBundle/Helper/SearchStringHelper.php,
 * CommonRepository): tags stripped, terms split at spaces outside quotes and AND-ed ("OR" makes them
 * OR-ed), `command:value` terms, "!" (not) and "+" (strict) in front; a fake Mautic's search.
 */
export interface MauticSearchTerm {
  command: string;
  string: string;
  not: boolean;
  strict: boolean;
}
export function mauticSearchTerms(input: string): { terms: MauticSearchTerm[]; or: boolean } {
  const text = input.replace(/<[^>]*>?/g, '').trim();
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === ' ' && !quoted) {
      if (current) tokens.push(current);
      current = '';
    } else if ((char === '(' || char === ')') && !quoted) continue;
    else current += char;
  }
  if (current) tokens.push(current);
  const or = tokens.includes('OR');
  const terms = tokens
    .filter((token) => token !== 'OR' && token !== 'AND')
    .map((token): MauticSearchTerm => {
      const colon = token.indexOf(':');
      let command = colon > 0 ? token.slice(0, colon).trim() : '';
      let string = colon > 0 ? token.slice(colon + 1) : token;
      let not = false;
      if (command.startsWith('!')) {
        not = true;
        command = command.slice(1);
      }
      let strict = false;
      if (string.startsWith('+!') || string.startsWith('!+')) {
        strict = true;
        not = true;
        string = string.slice(2);
      } else if (string.startsWith('+')) {
        strict = true;
        string = string.slice(1);
      } else if (string.startsWith('!')) {
        not = true;
        string = string.slice(1);
      }
      return { command: command.toLowerCase(), string: command ? string.toLowerCase() : string, not, strict };
    })
    .filter((term) => term.string !== '');
  return { terms, or };
}

/** A feedback item as the outbox hands it to deliver(): never tried, not unclear, unless `over` says so. */
export const feedbackEntry = (item: FeedbackItem, over: Partial<OutboxEntry> = {}): OutboxEntry =>
  ({ kind: 'feedback', item, id: item.id, attempts: 0, unclear: false, ...over }) as OutboxEntry;

/** The delivery result for an item id, failing the test when deliver() gave none. */
export function deliveryResultFor(results: DeliveryResult[], id: string): DeliveryResult {
  const found = results.find((result) => result.id === id);
  expect(found, `no delivery result for ${id}`).toBeDefined();
  return found!;
}

/** A deliver() that settled: the results, or the ConnectorError it threw for the whole batch; anything else is a crash. */
export function settledDelivery(outcome: unknown): DeliveryResult[] | ConnectorError {
  if (outcome instanceof ConnectorError) return outcome;
  expect(outcome, `deliver crashed instead of answering: ${describeOutcome(outcome)}`).toHaveProperty('resolved');
  const results = (outcome as { resolved: DeliveryResult[] }).resolved;
  expect(Array.isArray(results)).toBe(true);
  return results;
}

// ---------------------------------------------------------------------------------------------
// A fake HubSpot contact read, as sets 11, 13 and 14 serve it.

/** HubSpot's answer to GET /crm/v3/objects/contacts/{id} with no `properties` named (the default set). */
const HS_DEFAULT_PROPERTIES = ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];
/** Always part of a v3 object's `properties`, asked for or not. */
const HS_ALWAYS = ['hs_object_id', 'createdate', 'lastmodifieddate'];

/** Names a request lists, whether repeated (`properties=a&properties=b`) or comma-joined (`properties=a,b`). */
export const hsListed = (values: unknown): string[] =>
  (Array.isArray(values) ? values : [values])
    .filter((value): value is string => typeof value === 'string')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);

/**
 * A contact as HubSpot answers it: only the properties the request names (plus the three it always
 * sends); `propertiesWithHistory` only for the names asked for there. "If any of the specified
 * properties are not present on the requested object(s), they will be ignored" (crm/v3 objects API).
 */
export function hsContactAnswer(contact: any, properties: string[], withHistory: string[]): any {
  const names = properties.length ? properties : HS_DEFAULT_PROPERTIES;
  const props: Record<string, unknown> = {};
  for (const name of [...HS_ALWAYS, ...names, ...withHistory]) if (name in contact.properties) props[name] = contact.properties[name];
  const body: any = { id: contact.id, properties: props, createdAt: contact.createdAt, updatedAt: contact.updatedAt, archived: contact.archived };
  if (contact.archivedAt) body.archivedAt = contact.archivedAt;
  if (withHistory.length) {
    body.propertiesWithHistory = Object.fromEntries(
      withHistory.map((name) => [name, contact.propertiesWithHistory?.[name] ?? (contact.properties[name] ? [{ value: contact.properties[name], timestamp: contact.updatedAt, sourceType: 'CRM_UI' }] : [])]),
    );
  }
  return body;
}

/** HubSpot's 404 for an object it does not have. */
export const hsNotFound = () => json(404, { status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND', correlationId: 'a3c1f2e4-0b5d-4e7a-9c8b-1f2e3d4c5b6a' });

