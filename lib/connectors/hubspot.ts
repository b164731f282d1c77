import type { z } from 'zod';
import type { ContentItem, DataGap, FeedbackItem, LeadProfile, PageView } from '@/lib/schema';
import { CRM_LABELS } from '@/lib/schema';
import type { CrmId } from '@/lib/schema/record';
import { isSalesforceId, salesforceIdForms, sameSalesforceId } from '@/lib/leads/salesforce-id';
import type { HubSpotSource } from '@/lib/schema/sources';
import { deliverEach, SEARCH_INDEX_SETTLE_MS } from './deliver-each';
import { fetchJson, type HttpRequest } from './http';
import { rateLimitKey } from './backoff';
import { dataGap } from './gaps';
import {
  contactProperties,
  contentFromRow,
  CrmListResponseSchema,
  CrmObjectSchema,
  CrmSearchResponseSchema,
  EventsPageSchema,
  HubDbRowsPageSchema,
  hubspotErrorText,
  noteBody,
  noteMarker,
  pageViewsFromEvents,
  ProfileMappingError,
  PropertyDefinitionSchema,
  summaryPageViews,
  toLeadProfile,
  TokenInfoSchema,
  withReadableValues,
  type CrmObject,
  type PropertyDefinition,
} from './hubspot-map';
import { check } from './capability';
import { ConnectorError, type Connector, type DeliveryResult, type LookupQuery, type OutboxEntry, type ProfileSummary } from './types';
import { connectorText, said, type Said } from './message-codes';

const VENDOR = 'HubSpot';
/** Page views worth showing a rep: the newest 300 are plenty, and each page is one more call. */
const EVENT_VIEWS = 300;
const EVENT_PAGE_SIZE = 100;
/**
 * `limit` is a most, not a promise: HubSpot may answer shorter pages with a cursor to more. The
 * views decide when to stop; this only bounds the calls a contact with endless short pages costs.
 */
const MAX_EVENT_CALLS = 10;
/** HubDB answers up to 1,000 rows a page; 50 pages is far beyond any sales-content table. */
const MAX_ROW_PAGES = 50;
/** HubSpot-defined association type "note to contact" (developers.hubspot.com associations v4 type list). */
const NOTE_TO_CONTACT = 202;
/** A contact id is HubSpot's numeric object id; anything else never reaches a URL path. */
const CONTACT_ID = /^\d{1,20}$/;
/** A record on HubSpot itself whose id is the contact's: a contact's page, not a lead's (Sales Hub's Leads) or a deal's. */
const isContactRecord = (query: LookupQuery) => query.crm === 'hubspot' && (query.objectType ?? 'contact') === 'contact' && CONTACT_ID.test(query.recordId);
/** The scope a private app needs to write notes on contacts. */
const WRITE_SCOPE = 'crm.objects.contacts.write';
/** How many contacts the rep's own search lists. */
const SEARCH_PAGE = 20;
/** Salesforce record ids: 15 characters, or 18 with the case-safe suffix. */
/** An address the connection test searches for: valid, and never a real person. */
const TEST_EMAIL = 'connection-test@leadside.invalid';
/** HubSpot's property for a contact's addresses besides the primary one, ";"-separated. */
const ADDITIONAL_EMAILS = 'hs_additional_emails';
/** How many of the contacts the search lists are read to find one whose record still holds the address. */
const MAX_CANDIDATES = 3;
const STANDARD_SALESFORCE_PROPERTIES = ['salesforceleadid', 'salesforcecontactid'];
/**
 * 429s: a call is sent again on its own at most twice, after a window of at most 2 s (the secondly
 * limit); a longer window (TEN_SECONDLY_ROLLING) fails the lookup at once with the wait, which the
 * panel waits out before asking again, and holds back every other call with the same token.
 */
const RATE_LIMIT_RETRIES = 2;
const RATE_LIMIT_MAX_WAIT_MS = 2_000;
/** The panel's words for what the events API's refusal costs (issue 15). */
export const EVENTS_SCOPE_GAP = 'needs HubSpot’s web-analytics scope or Enterprise; the visit summary is shown instead.';

/**
 * HubSpot with a private-app access token: contacts (profile, source, stated problem, reachability),
 * page views from the web-analytics events API (Enterprise) or, failing that, the contact's visit
 * summary, the sales-content catalog from a HubDB table, and feedback delivered as notes on the
 * contact. Scopes the private app needs: crm.objects.contacts.read (+ .write for notes), hubdb for
 * the catalog, crm.schemas.contacts.read for choice properties' labels; the events API needs an
 * Enterprise hub.
 */
export function createHubSpotConnector(source: HubSpotSource, secrets: { token?: string }): Connector {
  const token = secrets.token?.trim() || undefined;
  // HubSpot never echoes the token as far as we know; if an error text ever does, it is cut out.
  const options = { vendor: VENDOR, errorText: hubspotErrorText, secrets: [token] };
  /** Shared by every call with this token (and every connector built with it): a hash, never the token. */
  const limitKey = token ? rateLimitKey(source.apiBase, token) : undefined;
  const withRateLimit = async () =>
    limitKey ? { ...options, rateLimit: { key: await limitKey, retries: RATE_LIMIT_RETRIES, maxWaitMs: RATE_LIMIT_MAX_WAIT_MS } } : options;
  /** Why the events API is off for this account, once HubSpot said so (it will not change mid-session). */
  let eventsUnavailable: Said | undefined;
  /** Dropped if HubSpot refuses it. */
  let eventSort: string | undefined = '-occurredAt';

  function request(path: string, signal: AbortSignal, init: Pick<HttpRequest, 'method' | 'body'> = {}): HttpRequest {
    if (!token) {
      throw new ConnectorError('auth', 'No HubSpot access token is saved: paste the private app’s access token in Options → Data source.', undefined, VENDOR, connectorText('hubspot.noToken', {}));
    }
    return {
      url: `${source.apiBase}${path}`,
      headers: { Authorization: `Bearer ${token}` },
      timeoutMs: source.timeoutSeconds * 1000,
      signal,
      ...init,
    };
  }

  async function call<T>(path: string, schema: z.ZodType<T>, signal: AbortSignal, init?: Pick<HttpRequest, 'method' | 'body'>): Promise<T> {
    const built = request(path, signal, init);
    return fetchJson(built, schema, await withRateLimit());
  }

  async function callOrNull<T>(path: string, schema: z.ZodType<T>, signal: AbortSignal): Promise<T | null> {
    const built = request(path, signal);
    return fetchJson(built, schema, { ...(await withRateLimit()), notFoundAsNull: true });
  }

  const searchIndex = (body: object, signal: AbortSignal) =>
    call('/crm/v3/objects/contacts/search', CrmSearchResponseSchema, signal, { method: 'POST', body });

  /** The contact with every property the profile needs, and the history of the stated problem. */
  async function loadContact(id: string, signal: AbortSignal): Promise<CrmObject | null> {
    if (!CONTACT_ID.test(id)) return null;
    // Comma-separated lists, as HubSpot documents them (commas kept literal, names encoded).
    const list = (names: string[]) => names.map(encodeURIComponent).join(',');
    let query = `properties=${list(contactProperties(source))}&archived=false`;
    // Each submission of the problem field is its own dated quote; only the GET can give history.
    if (source.mappings.problem) query += `&propertiesWithHistory=${list([source.mappings.problem])}`;
    const contact = live(await callOrNull(`/crm/v3/objects/contacts/${id}?${query}`, CrmObjectSchema, signal));
    return contact && withReadableValues(contact, await valueDefinitions(signal));
  }

  /**
   * The definitions of the mapped properties a marketer may have made choices or dates (preferred
   * channel, best time), read once per connector. For a property HubSpot does not have, the values
   * are shown as they come. One whose definition HubSpot refused (no crm.schemas.contacts.read scope,
   * a rate limit, an outage) is `null`: its internal option values are not shown as the lead's words
   * (withReadableValues), and a refusal that may pass (anything but the missing scope) is asked again
   * with the next profile.
   */
  let definitions: Promise<Map<string, PropertyDefinition | null>> | undefined;
  function valueDefinitions(signal: AbortSignal): Promise<Map<string, PropertyDefinition | null>> {
    const names = [...new Set([source.mappings.preferredChannel, source.mappings.bestTime].filter(Boolean))];
    definitions ??= (async () => {
      const read = new Map<string, PropertyDefinition | null>();
      let askAgain = false;
      for (const name of names) {
        try {
          const definition = await callOrNull(`/crm/v3/properties/contacts/${encodeURIComponent(name)}`, PropertyDefinitionSchema, signal);
          if (definition) read.set(name, definition);
        } catch (error) {
          read.set(name, null);
          askAgain ||= !(error instanceof ConnectorError && error.kind === 'auth');
        }
      }
      // A read cut short by the caller is no answer about the definitions either.
      if (askAgain || signal.aborted) definitions = undefined;
      return read;
    })();
    return definitions;
  }

  /**
   * The contact id for a CRM record: on HubSpot the record id is the contact id; otherwise search by
   * e-mail and, for Salesforce, by the synced Salesforce id property the admin mapped.
   */
  async function findContactId(query: LookupQuery, signal: AbortSignal): Promise<string | null> {
    const email = query.email?.trim().toLowerCase();
    if (isContactRecord(query)) {
      const contact = live(await callOrNull(`/crm/v3/objects/contacts/${query.recordId}?properties=email`, CrmObjectSchema, signal));
      if (contact && sameEmail(contact, email)) return contact.id;
    }
    return (await searchContacts(query, email, ['email'], signal))[0]?.contact.id ?? null;
  }

  /**
   * The contacts the search index lists for the record, the likeliest first: by Salesforce id, by
   * e-mail, by another address. `bySalesforceId`: the sync's id matched, which needs no address check.
   */
  async function searchContacts(
    query: { crm: CrmId; recordId: string },
    email: string | undefined,
    properties: string[],
    signal: AbortSignal,
  ): Promise<{ contact: CrmObject; bySalesforceId: boolean }[]> {
    const byEmail = email && email.includes('@') ? { filters: [{ propertyName: 'email', operator: 'EQ', value: email }] } : undefined;
    // A contact's other addresses are in hs_additional_emails (";"-separated), which `email` never
    // matches: the rep's CRM may hold the one the lead wrote from last.
    const byOtherEmail = byEmail && { filters: [{ propertyName: ADDITIONAL_EMAILS, operator: 'CONTAINS_TOKEN', value: email }] };
    const sfProperty = query.crm === 'salesforce' && isSalesforceId(query.recordId) ? salesforceIdProperty(source, query.recordId) : '';
    // The page may show the 15-character id where the sync stored the 18 the API gives (or the other
    // way round): a group for each form.
    const bySalesforce = sfProperty ? salesforceIdForms(query.recordId).map((value) => ({ filters: [{ propertyName: sfProperty, operator: 'EQ', value }] })) : [];
    if (!byEmail && bySalesforce.length === 0) return [];

    const search = (groups: object[], asked = sfProperty) =>
      searchIndex({ filterGroups: groups, properties: [...new Set([...properties, ADDITIONAL_EMAILS, ...(asked ? [asked] : [])])], limit: 10 }, signal);
    let found;
    try {
      // Filter groups are ORed: one search finds the contact by any key.
      found = await search([byEmail, byOtherEmail, ...bySalesforce].filter(Boolean) as object[]);
    } catch (error) {
      // A mapped Salesforce property that does not exist in this account makes HubSpot refuse the
      // whole search (400); the e-mail alone must still find the lead, without asking for the property.
      if (!(error instanceof ConnectorError && error.kind === 'rejected' && bySalesforce.length > 0 && byEmail)) throw error;
      found = await search([byEmail, byOtherEmail!], '');
    }
    const results = found.results.filter(live);
    const ranked = results.map((contact) => {
      const bySalesforceId = !!sfProperty && sameSalesforceId(contact.properties[sfProperty], query.recordId);
      const held = email ? holdsAddress(contact, email) : undefined;
      return { contact, bySalesforceId, rank: bySalesforceId ? 0 : held === 'email' ? 1 : held ? 2 : 3 };
    });
    // A stable sort: HubSpot's order among equals.
    return ranked.sort((a, b) => a.rank - b.rank).map(({ contact, bySalesforceId }) => ({ contact, bySalesforceId }));
  }

  /** The page views, and why the older pages are missing: a later page of events failed, or more were left unread. */
  interface EventsRead {
    views: PageView[];
    olderMissing?: ConnectorError;
    olderLeft?: boolean;
  }

  async function loadEvents(contactId: string, signal: AbortSignal): Promise<EventsRead> {
    try {
      return await loadEventPages(contactId, signal);
    } catch (error) {
      // HubSpot's references disagree on the sort syntax ("-occurredAt" in the generated clients,
      // "DESCENDING" in newer pages): a 400 for the sort must not pass for "no events API".
      if (!(eventSort && error instanceof ConnectorError && error.kind === 'rejected')) throw error;
      eventSort = undefined;
      return loadEventPages(contactId, signal);
    }
  }

  async function loadEventPages(contactId: string, signal: AbortSignal): Promise<EventsRead> {
    const events: unknown[] = [];
    let after: string | undefined;
    let more = false;
    for (let page = 0; page < MAX_EVENT_CALLS && events.length < EVENT_VIEWS; page++) {
      // GET /events/v3/events (codegen/events/apis/EventsApi.ts: "prefix with - for descending
      // order; occurredAt is the only field supported for sorting"): newest first, so the page cap
      // keeps the recent trail. Without the sort the views are still sorted here.
      const params = new URLSearchParams({
        objectType: 'contact',
        objectId: contactId,
        eventType: 'e_visited_page',
        limit: String(EVENT_PAGE_SIZE),
        ...(eventSort ? { sort: eventSort } : {}),
      });
      if (after) params.set('after', after);
      let answer;
      try {
        answer = await call(`/events/v3/events?${params}`, EventsPageSchema, signal);
      } catch (error) {
        // A later page that fails keeps the pages read, said to be incomplete; the first one's
        // failure is the events API's.
        if (page === 0 || !(error instanceof ConnectorError) || signal.aborted) throw error;
        return { views: pageViewsFromEvents(events), olderMissing: error };
      }
      events.push(...answer.results);
      // An empty page may still carry a cursor to older events (HubSpot's cursors do): read on.
      const next = answer.paging?.next?.after;
      more = Boolean(next) && next !== after;
      if (!more) break;
      after = next;
    }
    // Older views HubSpot still has are left unread on purpose: the brief says its trail stops here.
    return { views: pageViewsFromEvents(events), ...(more ? { olderLeft: true } : {}) };
  }

  /**
   * Page views from the events API when the account has it; otherwise the visit summary, with a gap
   * that says why (403: the scope or the Enterprise hub; 404, 400: not on this account; 429, a
   * timeout, a 5xx: not this time). The contact itself was read, so none of these loses the brief.
   */
  async function pageViewsFor(contact: CrmObject, signal: AbortSignal): Promise<{ views: PageView[]; gaps: DataGap[] }> {
    let reason: Said | undefined = eventsUnavailable;
    if (eventsUnavailable === undefined) {
      try {
        const { views, olderMissing, olderLeft } = await loadEvents(contact.id, signal);
        const gaps = olderMissing
          ? [dataGap('Older page views', `were not read: ${olderMissing.message}`, connectorText('hubspot.olderViewsUnread', {}, undefined, olderMissing.coded))]
          : olderLeft
            ? [dataGap('Older page views', `were not read: Leadside shows the newest ${views.length}`, connectorText('hubspot.olderViewsNotRead', { limit: views.length }))]
            : [];
        if (views.length > 0) return { views, gaps };
      } catch (error) {
        if (!(error instanceof ConnectorError) || signal.aborted) throw error;
        // How this account is set up does not change mid-session; a 429, a timeout or a 5xx might.
        const lasting = ['auth', 'not-found', 'rejected'].includes(error.kind);
        reason =
          error.kind === 'auth'
            ? said(EVENTS_SCOPE_GAP, connectorText('hubspot.eventsNeedScope', {}))
            : lasting
              ? said(`could not be read (${error.message}); the visit summary is shown instead.`, connectorText('hubspot.eventsUnavailable', {}, undefined, error.coded))
              : said(`was not read this time (${error.message}); the visit summary is shown instead.`, connectorText('hubspot.eventsNotThisTime', {}, undefined, error.coded));
        if (lasting) eventsUnavailable = reason;
        console.info(`Leadside: HubSpot page views from the contact's summary, not the events API: ${error.message}`);
      }
    }
    return { views: summaryPageViews(contact.properties), gaps: reason ? [dataGap('Per-page history', reason.message, reason.coded)] : [] };
  }

  async function profileFor(contact: CrmObject, signal: AbortSignal): Promise<LeadProfile> {
    const { views, gaps } = await pageViewsFor(contact, signal);
    try {
      return toLeadProfile(contact, views, source, gaps);
    } catch (error) {
      if (error instanceof ProfileMappingError) {
        throw new ConnectorError(
          'malformed',
          `HubSpot contact ${contact.id} could not be read: ${error.message}`,
          undefined,
          undefined,
          connectorText('hubspot.contactUnreadable', { id: contact.id }, error.message),
        );
      }
      throw error;
    }
  }

  async function loadContent(signal: AbortSignal) {
    const items = new Map<string, ContentItem>();
    const skipped: string[] = [];
    if (!source.contentTableId) return { items: [], skipped };
    const table = encodeURIComponent(source.contentTableId);
    let after: string | undefined;
    let offset: number | undefined;
    for (let page = 0; page < MAX_ROW_PAGES; page++) {
      const params = new URLSearchParams();
      if (after) params.set('after', after);
      else if (offset !== undefined) params.set('offset', String(offset));
      const query = params.toString();
      // GET /cms/v3/hubdb/tables/{tableIdOrName}/rows: the published rows (codegen/cms/hubdb/apis/RowsApi.ts).
      const answer = await call(`/cms/v3/hubdb/tables/${table}/rows${query ? `?${query}` : ''}`, HubDbRowsPageSchema, signal).catch((error: unknown) => {
        // A table this token cannot see (a sandbox's token, a mistyped id) is the admin's to fix: named.
        if (!(error instanceof ConnectorError && error.kind === 'not-found')) throw error;
        const message = `HubSpot has no HubDB table ${source.contentTableId} for this token (a sandbox has no copy of production's tables): check the content table in Options.`;
        throw new ConnectorError('not-found', message, undefined, VENDOR, connectorText('hubspot.contentTableMissing', { table: source.contentTableId! }, error.message));
      });
      for (const raw of answer.results) {
        const row = contentFromRow(raw);
        if ('item' in row) items.set(row.item.id, row.item);
        else skipped.push(row.skipped);
      }
      const next = answer.paging?.next;
      // Cursor pages (paging.next.after) or, for random-access answers, offsets. A page that repeats
      // its cursor ends the list rather than looping (MAX_ROW_PAGES bounds the rest); an empty page
      // with a new cursor does not (rows filtered out of a page), but an empty offset page does.
      if (next?.after && next.after !== after) after = next.after;
      else if (answer.results.length > 0 && !after && next?.offset !== undefined && next.offset !== offset) offset = next.offset;
      else return { items: [...items.values()], skipped };
    }
    throw new ConnectorError(
      'malformed',
      `HubSpot kept answering with more HubDB pages after ${MAX_ROW_PAGES}.`,
      undefined,
      undefined,
      connectorText('source.tooManyPages', { system: VENDOR, count: MAX_ROW_PAGES }),
    );
  }

  /**
   * The note a retried item may already have become: found by its marker line, or by its contact and
   * timestamp (in case HubSpot's tokenizer splits the id). HubSpot's search index lags a few seconds
   * behind writes, which the outbox's backoff covers.
   */
  async function findNote(entryId: string, contactId: string, createdAt: string, signal: AbortSignal): Promise<string | undefined> {
    const body = {
      filterGroups: [
        { filters: [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: entryId }] },
        {
          filters: [
            { propertyName: 'associations.contact', operator: 'EQ', value: contactId },
            { propertyName: 'hs_timestamp', operator: 'EQ', value: String(Date.parse(createdAt)) },
          ],
        },
      ],
      properties: ['hs_note_body'],
      limit: 20,
    };
    const found = await call('/crm/v3/objects/notes/search', CrmSearchResponseSchema, signal, { method: 'POST', body });
    return found.results.find((note) => note.properties.hs_note_body?.includes(noteMarker(entryId)))?.id;
  }

  async function deliverFeedback(
    entry: OutboxEntry & { kind: 'feedback' },
    contactIds: Map<string, Promise<string | null>>,
    signal: AbortSignal,
  ): Promise<DeliveryResult> {
    const item: FeedbackItem = entry.item;
    const email = item.lead.email?.trim().toLowerCase();
    // The contact the brief showed is the one the rep judged: HubSpot's contact id is the profile's id
    // (another system's profile carries its name before the id, lib/connectors/merged.ts). Without
    // it, the contact is looked up as the brief was.
    const shown = item.lead.profileId && CONTACT_ID.test(item.lead.profileId) ? item.lead.profileId : undefined;
    const key = shown ? `profile:${shown}` : email || `${item.lead.crm}:${item.lead.recordId}`;
    let lookup = contactIds.get(key);
    if (!lookup) {
      lookup = shown ? Promise.resolve(shown) : findContactId({ crm: item.lead.crm, recordId: item.lead.recordId, email }, signal);
      contactIds.set(key, lookup);
      // A failed lookup is not remembered: the next item for this lead tries again.
      lookup.catch(() => contactIds.delete(key));
    }
    const contactId = await lookup;
    if (!contactId) {
      const who = email ? `the e-mail ${email}` : `${CRM_LABELS[item.lead.crm]} record ${item.lead.recordId}`;
      const coded = email
        ? connectorText('hubspot.noContactForEmail', { email })
        : connectorText('hubspot.noContactForRecord', { crm: CRM_LABELS[item.lead.crm], record: item.lead.recordId });
      return { id: entry.id, outcome: 'rejected', error: `HubSpot has no contact for ${who}, so the note has nowhere to go.`, coded };
    }
    // A note cannot be created idempotently: after any earlier attempt, look for it first.
    if (entry.unclear || entry.attempts > 0) {
      const existing = await findNote(entry.id, contactId, item.createdAt, signal);
      if (existing) return { id: entry.id, outcome: 'delivered', remoteId: existing };
    }
    // POST /crm/v3/objects/notes (developers.hubspot.com/docs/api-reference/crm-notes-v3/guide):
    // hs_timestamp places it on the timeline; the association puts it on the contact.
    const createOn = (id: string) =>
      call('/crm/v3/objects/notes', CrmObjectSchema, signal, {
        method: 'POST',
        body: {
          properties: { hs_timestamp: new Date(item.createdAt).toISOString(), hs_note_body: noteBody(item, entry.id) },
          associations: [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_CONTACT }] }],
        },
      });
    try {
      return { id: entry.id, outcome: 'delivered', remoteId: (await createOn(contactId)).id };
    } catch (error) {
      // A contact merged since the brief: HubSpot refuses the old id's association, and reading the
      // old id answers the contact it was merged into, which the note goes on.
      if (!(error instanceof ConnectorError && error.kind === 'rejected' && /associat/i.test(error.message))) throw error;
      const survivor = await loadContact(contactId, signal).catch(() => null);
      if (!survivor || survivor.id === contactId) throw error;
      return { id: entry.id, outcome: 'delivered', remoteId: (await createOn(survivor.id)).id };
    }
  }

  const connector: Connector = {
    id: `hubspot:${source.apiBase}`,
    label: VENDOR,
    resendSettleMs: SEARCH_INDEX_SETTLE_MS,

    async findProfile(query, signal) {
      const email = query.email?.trim().toLowerCase();
      // On HubSpot itself the record is the contact: one call, unless the page showed someone else.
      if (isContactRecord(query)) {
        const contact = await loadContact(query.recordId, signal);
        if (contact && sameEmail(contact, email)) return profileFor(contact, signal);
      }
      // HubSpot's search index lags its records (an address moved to another contact a moment ago is
      // still listed on the old one): a contact found by e-mail is taken only if its record, read
      // now, still holds the address; one found by the Salesforce id its sync keeps, as it is.
      const candidates = await searchContacts(query, email, ['email'], signal);
      for (const { contact: match, bySalesforceId } of candidates.slice(0, MAX_CANDIDATES)) {
        const contact = await loadContact(match.id, signal);
        if (contact && (!email || bySalesforceId || holdsAddress(contact, email))) return profileFor(contact, signal);
      }
      return null;
    },

    async getProfile(id, signal) {
      const contact = await loadContact(id.trim(), signal);
      return contact ? profileFor(contact, signal) : null;
    },

    async searchProfiles(text, signal) {
      const query = text.trim();
      if (!query) return [];
      // The search API's `query` matches HubSpot's default searchable properties (name, e-mail,
      // phone, company); filters are not needed for a rep's free text.
      const asked = { query: query.slice(0, 200), limit: SEARCH_PAGE, properties: ['firstname', 'lastname', 'email', 'company'] };
      const found = await searchIndex(asked, signal);
      // HubSpot may answer a short page that still has more after it (its total says so): one more page fills it.
      const after = found.results.length < Math.min(SEARCH_PAGE, found.total ?? Infinity) ? found.paging?.next?.after : undefined;
      const more = after ? (await searchIndex({ ...asked, after }, signal)).results : [];
      const results = [...found.results, ...more.filter((contact) => !found.results.some((first) => first.id === contact.id))];
      // HubSpot's order is not relevance: the contact whose address the rep typed comes first.
      const typed = query.toLowerCase();
      const exact = (contact: CrmObject) => (contact.properties.email?.trim().toLowerCase() === typed ? 0 : 1);
      return [...results].sort((a, b) => exact(a) - exact(b)).slice(0, SEARCH_PAGE).map((contact): ProfileSummary => {
        const p = contact.properties;
        const name = [p.firstname?.trim(), p.lastname?.trim()].filter(Boolean).join(' ');
        return {
          id: contact.id,
          ...(name ? { name } : {}),
          ...(p.email?.trim() ? { email: p.email.trim() } : {}),
          ...(p.company?.trim() ? { company: p.company.trim() } : {}),
        };
      });
    },

    async listContent(signal) {
      const { items, skipped } = await loadContent(signal);
      if (skipped.length) console.warn(`Leadside: ${skipped.length} HubDB rows skipped, e.g. ${skipped[0]}`);
      return items;
    },

    async deliver(entries, signal) {
      const contactIds = new Map<string, Promise<string | null>>();
      return deliverEach(entries, signal, (entry) =>
        // An earlier attempt got as far as HubSpot's note id: it is there.
        entry.remoteId ? Promise.resolve({ id: entry.id, outcome: 'delivered', remoteId: entry.remoteId }) : deliverFeedback(entry, contactIds, signal),
      );
    },

    async testConnection(signal) {
      let sampleContactId: string | undefined;
      const auth = await check('auth', async () => {
        const list = await call('/crm/v3/objects/contacts?limit=1&properties=email', CrmListResponseSchema, signal);
        sampleContactId = list.results[0]?.id;
        return said('Token accepted: contacts are readable.', connectorText('hubspot.check.auth', {}));
      });
      const lookup = await check('lookup', async () => {
        await searchIndex(
          { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: TEST_EMAIL }] }], properties: ['email'], limit: 1 },
          signal,
        );
        const views = await describePageViews(sampleContactId, signal);
        // The page-view codes are whole sentences that start with "Contact search by e-mail works."
        return said(`Contact search by e-mail works. ${views.message}`, views.coded!);
      });
      const content = await check('content', async () => {
        if (!source.contentTableId) {
          return said('No HubDB content table is configured, so HubSpot supplies no content catalog.', connectorText('hubspot.check.noContentTable', {}));
        }
        const { items, skipped } = await loadContent(signal);
        const note = skipped.length ? ` ${skipped.length} row${skipped.length === 1 ? '' : 's'} skipped, e.g. ${skipped[0]}.` : '';
        const table = source.contentTableId;
        return said(
          `${items.length} content item${items.length === 1 ? '' : 's'} from HubDB table ${table}.${note}`,
          skipped.length
            ? // The first skipped row's reason is quoted as an example.
              connectorText('hubspot.check.contentSkipped', { count: items.length, table, skipped: skipped.length }, skipped[0])
            : connectorText('hubspot.check.content', { count: items.length, table }),
        );
      });
      const write = await check('write', async () => {
        // Reading notes proves the notes API answers this token without writing anything; creating
        // one also needs crm.objects.contacts.write, which a private app's token info names
        // (developers.hubspot.com/docs/api/private-apps). A token it says nothing about (an OAuth
        // one) is confirmed by the first note.
        await call('/crm/v3/objects/notes?limit=1', CrmListResponseSchema, signal);
        const info = await call('/oauth/v2/private-apps/get/access-token-info', TokenInfoSchema, signal, { method: 'POST', body: { tokenKey: token } }).catch(() => undefined);
        if (info?.scopes && !info.scopes.includes(WRITE_SCOPE)) {
          throw new ConnectorError('auth', `This token may read notes but not write them: its private app lacks the ${WRITE_SCOPE} scope.`, undefined, VENDOR, connectorText('hubspot.check.noWriteScope', { scope: WRITE_SCOPE }));
        }
        return said('Notes are reachable: feedback is logged as a note on the contact (needs the crm.objects.contacts.write scope).', connectorText('hubspot.check.write', {}));
      });
      return [auth, lookup, content, write];
    },
  };

  /** Whether page views will come from events or only from the summary, in the admin's words. */
  async function describePageViews(contactId: string | undefined, signal: AbortSignal): Promise<Said> {
    if (!contactId) return said('Page views: not checked (no contact to try).', connectorText('hubspot.check.viewsNotChecked', {}));
    try {
      const params = new URLSearchParams({ objectType: 'contact', objectId: contactId, eventType: 'e_visited_page', limit: '1' });
      await call(`/events/v3/events?${params}`, EventsPageSchema, signal);
      return said('Page views come from HubSpot’s web-analytics events API.', connectorText('hubspot.check.viewsFromEvents', {}));
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      return said(
        `Page views: only the contact’s visit summary (first and last page, totals), because the events API answered: ${error.message}`,
        connectorText('hubspot.check.viewsSummaryOnly', {}, undefined, error.coded),
      );
    }
  }

  return connector;
}

/**
 * The contact unless HubSpot marks it deleted. Leadside asks with `archived=false`, but a gateway or
 * proxy in between may not pass that on: a deleted contact is never the lead.
 */
function live(contact: CrmObject | null): CrmObject | null {
  return contact?.archived ? null : contact;
}

/** Where a contact holds an address: as its e-mail, among its other addresses, or not at all. */
function holdsAddress(contact: CrmObject, email: string): 'email' | 'additional' | undefined {
  const addresses = (property: string) => (contact.properties[property] ?? '').toLowerCase().split(';').map((address) => address.trim());
  if (addresses('email').includes(email)) return 'email';
  return addresses(ADDITIONAL_EMAILS).includes(email) ? 'additional' : undefined;
}

function sameEmail(contact: CrmObject, email: string | undefined): boolean {
  const known = contact.properties.email?.trim().toLowerCase();
  return !email || !known || known === email;
}

/**
 * The contact property holding this Salesforce record's id. HubSpot's Salesforce sync keeps a lead's
 * id in salesforceleadid and a contact's in salesforcecontactid; with either standard mapping the
 * record's key prefix (00Q lead, 003 contact) picks the right one. A custom mapping is used as is.
 */
export function salesforceIdProperty(source: HubSpotSource, recordId: string): string {
  const mapped = source.mappings.salesforceId;
  if (!STANDARD_SALESFORCE_PROPERTIES.includes(mapped)) return mapped;
  if (recordId.startsWith('00Q')) return 'salesforceleadid';
  if (recordId.startsWith('003')) return 'salesforcecontactid';
  return mapped;
}

