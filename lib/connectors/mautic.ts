import type { z } from 'zod';
import { crmIdForms, sameCrmId } from '@/lib/leads/crm-record';
import { ContentItemSchema, LeadProfileSchema, summarizeZodError, type ContentItem, type DataGap, type LeadProfile } from '@/lib/schema';
import { mauticMappings, type MauticSource } from '@/lib/schema/sources';
import { channelFromWords } from '@/lib/leads/contact-channel';
import { check } from './capability';
import { deliverEach, SEARCH_INDEX_SETTLE_MS } from './deliver-each';
import { fetchJson, type HttpRequest } from './http';
import { dataGap, isGapWorthy } from './gaps';
import { redactSecrets } from './redact';
import {
  MauticActivitySchema,
  MauticAssetListSchema,
  MauticContactListSchema,
  MauticContactResponseSchema,
  MauticFieldListSchema,
  MauticNoteListSchema,
  MauticNoteResponseSchema,
  MauticPermissionsSchema,
  MauticSelfSchema,
  MauticTokenSchema,
  decodedAnswer,
  decodeEntitiesDeep,
  mauticErrorText,
  type MauticContact,
  type MauticEvent,
} from './mautic-api';
import {
  assetToContent,
  contactSummary,
  contactToProfile,
  fieldOptionLabels,
  fieldReading,
  fieldValue,
  noteMarker,
  noteText,
  type FieldLabels,
} from './mautic-map';
import { ConnectorError, type CapabilityCheck, type Connector, type DeliveryResult, type LookupQuery, type OutboxEntry } from './types';
import { codedOf, connectorText, redactCoded, said } from './message-codes';

/** A Mautic contact's id: its profiles' ids (lib/connectors/mautic-map.ts). */
const MAUTIC_ID = /^\d+$/;
/** Activity is read newest first; older pages add little to a brief and cost a round trip each. */
const ACTIVITY_PAGE_SIZE = 100;
const MAX_ACTIVITY_PAGES = 5;
/** The timeline event types the brief uses (contacts.rst, "types"); lead.utmtagsadded dates the UTM tag sets. */
const ACTIVITY_TYPES = ['page.hit', 'form.submitted', 'asset.download', 'email.read', 'lead.utmtagsadded'];
/** Contact fields are listed a page at a time; an account has tens of them, rarely hundreds. */
const FIELD_PAGE_SIZE = 100;
const MAX_FIELD_PAGES = 10;
/** Contact field types whose stored value is an option's value, with a label of its own. */
const OPTION_FIELD_TYPES = new Set(['select', 'multiselect', 'lookup', 'boolean', 'radio', 'checkboxgrp']);
/** Field options change rarely: read once per this long, and not asked again as soon after a refusal. */
const FIELD_LABELS_TTL_MS = 10 * 60_000;
const ASSET_PAGE_SIZE = 100;
const MAX_ASSET_PAGES = 100;
const SEARCH_LIMIT = 20;
/** Renew an OAuth2 token this long before Mautic says it expires, so no call races the expiry. */
const TOKEN_MARGIN_MS = 60_000;
/** The permission Mautic's Notes API checks for creating a note (notes.rst, "Permissions"). */
const NOTE_PERMISSION = 'lead:notes:create';

/**
 * Mautic (open source marketing automation) through its REST API: contacts with their UTM tags,
 * points, stage and do-not-contact list; the activity timeline for page views, form answers and
 * downloads; assets as the content catalog; feedback as notes on the contact.
 *
 * Auth is basic auth (a Mautic user and password; basic auth must be enabled in Mautic's API
 * settings) or OAuth2 client credentials, whose access token is kept in memory until it expires.
 */
export function createMauticConnector(source: MauticSource, secrets: { password?: string; clientSecret?: string }): Connector {
  const host = new URL(source.baseUrl).host;
  const vendor = `Mautic (${host})`;
  const timeoutMs = source.timeoutSeconds * 1000;

  // --- Secrets never leave in a message -------------------------------------------------------
  const secretTexts = new Set<string>();
  const remember = (secret: string | undefined) => {
    if (secret) secretTexts.add(secret);
  };
  remember(secrets.password);
  remember(secrets.clientSecret);
  const basicCredentials =
    source.auth.method === 'basic' && secrets.password ? base64Utf8(`${source.auth.username}:${secrets.password}`) : undefined;
  remember(basicCredentials);
  const redact = (text: string) => redactSecrets(text, secretTexts);
  // The live set (an OAuth2 token joins it once fetched), cut out where answers are read: before any text is shortened.
  // Mautic's error messages are HTML-encoded like the rest of its text.
  const options = { vendor, errorText: (body: unknown) => mauticErrorText(decodeEntitiesDeep(body)), secrets: secretTexts };
  const mappings = mauticMappings(source);

  /** Re-throws any failure as a ConnectorError with secrets removed; aborts by the caller pass through. */
  async function guarded<T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (signal.aborted) throw error;
      if (error instanceof ConnectorError) throw new ConnectorError(error.kind, redact(error.message), error.retryAfterMs, error.system, error.coded && redactCoded(error.coded, redact));
      // Only a bug in the mapping gets here; say so in the same words as any unreadable answer.
      const why = redact(error instanceof Error ? error.message : String(error));
      throw new ConnectorError('malformed', `${vendor} sent data Leadside could not read: ${why}`, undefined, undefined, connectorText('source.unreadable', { system: vendor }, why));
    }
  }

  // --- Auth -----------------------------------------------------------------------------------
  let token: { value: string; expiresAt: number } | undefined;
  let tokenRequest: Promise<string> | undefined;

  async function fetchToken(clientId: string): Promise<string> {
    if (!secrets.clientSecret) {
      throw new ConnectorError('auth', `No OAuth2 client secret is saved for ${vendor}: enter it in Leadside's options.`, undefined, vendor, connectorText('mautic.noClientSecret', { system: vendor }));
    }
    try {
      const answer = await fetchJson(
        {
          url: `${source.baseUrl}/oauth/v2/token`,
          method: 'POST',
          // JSON rather than a form body: Mautic's FOSRest body listener decodes JSON into the
          // request parameters the token endpoint reads (mautic/mautic app/config/config.php).
          body: { grant_type: 'client_credentials', client_id: clientId, client_secret: secrets.clientSecret },
          // No caller's signal: one token request serves every concurrent call, and one caller
          // navigating away must not fail the others. The timeout still bounds it.
          timeoutMs,
        },
        MauticTokenSchema,
        options,
      );
      remember(answer.access_token);
      const lifetimeMs = (answer.expires_in ?? 3600) * 1000;
      token = { value: answer.access_token, expiresAt: Date.now() + Math.max(0, lifetimeMs - TOKEN_MARGIN_MS) };
      return answer.access_token;
    } catch (error) {
      // The token endpoint answers 400 invalid_client for a wrong id or secret: that is an auth
      // problem for the admin, not a rejected item.
      if (error instanceof ConnectorError && error.kind === 'rejected') {
        throw new ConnectorError(
          'auth',
          `${error.message}. Check the OAuth2 client id and secret (Mautic → Settings → API Credentials).`,
          undefined,
          vendor,
          connectorText('mautic.oauthRefused', {}, undefined, error.coded),
        );
      }
      throw error;
    }
  }

  async function authorization(): Promise<string> {
    if (source.auth.method === 'basic') {
      if (!basicCredentials) {
        throw new ConnectorError(
          'auth',
          `No password is saved for the Mautic user ${source.auth.username}: enter it in Leadside's options.`,
          undefined,
          vendor,
          connectorText('mautic.noPassword', { username: source.auth.username }),
        );
      }
      return `Basic ${basicCredentials}`;
    }
    if (token && Date.now() < token.expiresAt) return `Bearer ${token.value}`;
    tokenRequest ??= fetchToken(source.auth.clientId).finally(() => {
      tokenRequest = undefined;
    });
    return `Bearer ${await tokenRequest}`;
  }

  /** One API call with auth; an OAuth2 token Mautic no longer accepts (401) is renewed once. */
  async function call<T>(request: Omit<HttpRequest, 'timeoutMs' | 'url'> & { path: string }, schema: z.ZodType<T>): Promise<T>;
  async function call<T>(request: Omit<HttpRequest, 'timeoutMs' | 'url'> & { path: string }, schema: z.ZodType<T>, notFoundAsNull: true): Promise<T | null>;
  async function call<T>(request: Omit<HttpRequest, 'timeoutMs' | 'url'> & { path: string }, schema: z.ZodType<T>, notFoundAsNull = false): Promise<T | null> {
    const { path, ...rest } = request;
    for (let attempt = 1; ; attempt++) {
      // Token failures propagate from here as they are: a new token would fail the same way.
      const header = await authorization();
      const http: HttpRequest = { ...rest, url: `${source.baseUrl}${path}`, timeoutMs, headers: { Authorization: header } };
      // The one place Mautic's answers are read: every string in them is entity-decoded here.
      const decoded = decodedAnswer(schema);
      try {
        return notFoundAsNull ? await fetchJson(http, decoded, { ...options, notFoundAsNull: true }) : await fetchJson(http, decoded, options);
      } catch (error) {
        if (source.auth.method === 'oauth2' && attempt === 1 && isUnauthorized(error)) {
          // Revoked or expired early: drop it (unless a concurrent call already replaced it) and retry once.
          if (token && header === `Bearer ${token.value}`) token = undefined;
          continue;
        }
        throw error;
      }
    }
  }

  // --- Contacts -------------------------------------------------------------------------------

  /**
   * Contacts whose e-mail is exactly this one, ignoring case. The `where` filter (contacts.rst,
   * "Advanced filtering") compares the column as a whole, unlike `search=email:…`, which Mautic
   * runs as a LIKE pattern (`_` and `%` are wildcards there); the answer is still checked here.
   */
  async function contactsByEmail(email: string, signal: AbortSignal): Promise<MauticContact[]> {
    const answer = await call({ path: `/api/contacts?${whereEquals('email', [email])}`, signal }, MauticContactListSchema).catch((error: unknown) => {
      // The list answers "no match" with total 0: a 404 is Mautic saying it has no such route (its
      // API switched off, or an address that is not Mautic's), never that the lead is unknown.
      if (!(error instanceof ConnectorError && error.kind === 'not-found')) throw error;
      const message = `${error.message} ${vendor} has no contacts API at ${source.baseUrl}: check that its API is enabled (Configuration → API Settings) and that this is Mautic's address.`;
      throw new ConnectorError('rejected', message, undefined, vendor, connectorText('source.rejected', { system: vendor, status: 404 }, error.message));
    });
    // A match listed but not readable (5.0 lists it as an empty object) is a lead Mautic has but cannot
    // give: never "not in Mautic". A count with no entry at all is Mautic's count cache lagging a
    // contact deleted or merged a moment ago (contact_api_count_cache_ttl, mautic/mautic#13288): none.
    if (answer.contacts.length === 0 && answer.listed > 0) {
      const detail = `it counted ${answer.total} contact(s) with this address but sent none with its fields`;
      throw new ConnectorError('malformed', `${vendor} sent a contact Leadside could not read: ${detail}`, undefined, undefined, connectorText('mautic.contactUnreadable', { system: vendor }, detail));
    }
    return answer.contacts.filter((contact) => holdsEmail(contact, email));
  }

  /** Whether the contact's own address is this one, case and spaces aside. */
  function holdsEmail(contact: MauticContact, email: string): boolean {
    return fieldValue(contact.fields, 'email')?.toLowerCase() === email.trim().toLowerCase();
  }

  /**
   * Contacts whose mapped CRM id field holds this record's id, in any form a sync may have stored it
   * (crmIdForms: Salesforce's 15 and 18 characters, a GUID with or without braces, in either case). A
   * mapped alias that is not a field of this Mautic makes it refuse the query: the e-mail still finds
   * the lead.
   */
  async function contactsByCrmId(query: LookupQuery, signal: AbortSignal): Promise<MauticContact[]> {
    const alias = mappings.crmIdField;
    if (!alias || query.crm !== mappings.crm || !query.recordId.trim()) return [];
    const id = query.recordId.trim();
    const ids = crmIdForms(query.crm, id);
    try {
      const answer = await call({ path: `/api/contacts?${whereEquals(alias, ids)}`, signal }, MauticContactListSchema);
      return answer.contacts.filter((contact) => sameCrmId(query.crm, fieldValue(contact.fields, alias), id));
    } catch (error) {
      if (error instanceof ConnectorError && (error.kind === 'rejected' || error.kind === 'server') && !signal.aborted) return [];
      throw error;
    }
  }

  // --- Field options ------------------------------------------------------------------------

  let fieldLabels: { at: number; labels: Promise<FieldLabels> } | undefined;

  /** Every contact field's option labels, read once per FIELD_LABELS_TTL_MS; none when Mautic refuses (the values still show). */
  function allFieldLabels(signal: AbortSignal): Promise<FieldLabels> {
    if (fieldLabels && Date.now() - fieldLabels.at < FIELD_LABELS_TTL_MS) return fieldLabels.labels;
    const labels = (async () => {
      const byAlias = new Map<string, Map<string, string>>();
      for (let page = 0, start = 0; page < MAX_FIELD_PAGES; page++) {
        const params = new URLSearchParams({ start: String(start), limit: String(FIELD_PAGE_SIZE) });
        const answer = await call({ path: `/api/fields/contact?${params}`, signal }, MauticFieldListSchema);
        for (const field of answer.fields) {
          const options = fieldOptionLabels(field);
          if (options.size) byAlias.set(field.alias, options);
        }
        start += answer.fields.length;
        if (answer.fields.length < FIELD_PAGE_SIZE || (answer.total !== undefined && answer.total !== null && start >= answer.total)) break;
      }
      return byAlias as FieldLabels;
    })().catch((error: unknown) => {
      // A user without the fields permission, or an older Mautic: the brief shows the raw values.
      if (error instanceof ConnectorError) return new Map() as FieldLabels;
      fieldLabels = undefined; // aborted by this caller: the next one asks again
      throw error;
    });
    fieldLabels = { at: Date.now(), labels };
    return labels;
  }

  /**
   * Option labels, asked for only when a mapped field holds a value that says nothing by itself (a
   * preferred channel stored as `2`, a best time stored as `am`) and Mautic did not send its label.
   */
  async function labelsFor(contact: MauticContact, signal: AbortSignal): Promise<FieldLabels | undefined> {
    const channel = mappings.preferredChannel ? fieldReading(contact.fields, mappings.preferredChannel) : undefined;
    const best = mappings.bestTime ? fieldReading(contact.fields, mappings.bestTime) : undefined;
    // A field whose type the contact shows as free text has no options to look up.
    const hasOptions = (reading: { type?: string }) => !reading.type || OPTION_FIELD_TYPES.has(reading.type);
    const channelUnclear = channel && !channel.label && hasOptions(channel) && !channelFromWords(channel.value);
    const bestUnclear = best && !best.label && hasOptions(best) && !/\d/.test(best.value);
    return channelUnclear || bestUnclear ? allFieldLabels(signal) : undefined;
  }

  /** The one of several same-e-mail contacts to show: the most recently active, else the newest. */
  function bestMatch(contacts: MauticContact[]): MauticContact | undefined {
    const activeAt = (contact: MauticContact) => Date.parse(contact.lastActive ?? '') || 0;
    return [...contacts].sort((a, b) => activeAt(b) - activeAt(a) || Number(b.id) - Number(a.id))[0];
  }

  async function activityOf(id: string, signal: AbortSignal, gaps: DataGap[]): Promise<MauticEvent[]> {
    const events: MauticEvent[] = [];
    // Mautic pages the timeline by offset, newest first: events recorded while it is read push older
    // ones onto the next page, which then repeats them, under the same id.
    const seen = new Set<string>();
    const isNew = (event: MauticEvent) => {
      if (event.eventId === undefined) return true;
      const key = `${event.event}\u0000${event.eventId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    for (let page = 1; page <= MAX_ACTIVITY_PAGES; page++) {
      const params = new URLSearchParams({ page: String(page), limit: String(ACTIVITY_PAGE_SIZE) });
      for (const type of ACTIVITY_TYPES) params.append('filters[includeEvents][]', type);
      let answer;
      try {
        answer = await call({ path: `/api/contacts/${id}/activity?${params}`, signal }, MauticActivitySchema);
      } catch (error) {
        // The contact was read: its activity failing keeps it, saying what is missing (issue 15).
        if (!isGapWorthy(error, signal)) throw error;
        gaps.push(
          dataGap(
            page === 1 ? 'Activity (pages, downloads, e-mails, forms)' : 'Older activity',
            `could not be read: ${error.message}`,
            connectorText(page === 1 ? 'mautic.activityUnread' : 'mautic.olderActivityUnread', {}, undefined, error.coded),
          ),
        );
        break;
      }
      events.push(...answer.events.filter(isNew));
      if (answer.events.length === 0 || page >= (answer.maxPages ?? page)) break;
      // Mautic has more pages than are read: the brief says its history stops here.
      if (page === MAX_ACTIVITY_PAGES) {
        const limit = MAX_ACTIVITY_PAGES * ACTIVITY_PAGE_SIZE;
        gaps.push(dataGap('Older activity', `was not read: Leadside reads the newest ${limit} events of each kind`, connectorText('mautic.olderActivityNotRead', { limit })));
      }
    }
    return events;
  }

  async function profileOf(contact: MauticContact, signal: AbortSignal): Promise<LeadProfile> {
    const gaps: DataGap[] = [];
    const [events, labels] = await Promise.all([activityOf(contact.id, signal, gaps), labelsFor(contact, signal)]);
    const profile = contactToProfile(contact, events, { mappings, baseUrl: source.baseUrl, ...(labels ? { labels } : {}) });
    const parsed = LeadProfileSchema.safeParse(gaps.length ? { ...(profile as object), gaps } : profile);
    if (!parsed.success) {
      const summary = summarizeZodError(parsed.error);
      throw new ConnectorError('malformed', `${vendor} sent a contact Leadside could not read: ${summary}`, undefined, undefined, connectorText('mautic.contactUnreadable', { system: vendor }, summary));
    }
    return parsed.data;
  }

  // --- Content --------------------------------------------------------------------------------

  async function listAssets(signal: AbortSignal): Promise<ContentItem[]> {
    const items: ContentItem[] = [];
    let start = 0;
    for (let page = 0; page < MAX_ASSET_PAGES; page++) {
      // Ordered by id so paging by offset neither skips nor repeats an asset.
      const params = new URLSearchParams({ start: String(start), limit: String(ASSET_PAGE_SIZE), orderBy: 'id', orderByDir: 'asc' });
      const answer = await call({ path: `/api/assets?${params}`, signal }, MauticAssetListSchema);
      for (const asset of answer.assets) {
        const item = ContentItemSchema.safeParse(assetToContent(asset, source.baseUrl));
        // An asset without a title or an http(s) link, or unpublished, is not sendable: skipped, not fatal.
        if (item.success) items.push(item.data);
      }
      start += answer.assets.length;
      const done = answer.assets.length === 0 || (answer.total !== undefined && answer.total !== null ? start >= answer.total : answer.assets.length < ASSET_PAGE_SIZE);
      if (done) return items;
    }
    throw new ConnectorError(
      'malformed',
      `${vendor} kept answering with more assets after ${MAX_ASSET_PAGES} pages.`,
      undefined,
      undefined,
      connectorText('source.tooManyPages', { system: vendor, count: MAX_ASSET_PAGES }),
    );
  }

  // --- Delivery -------------------------------------------------------------------------------

  /** An earlier attempt's note, found by the marker in its text. */
  async function existingNote(id: string, signal: AbortSignal): Promise<string | undefined> {
    const params = new URLSearchParams({ search: id, limit: '10' });
    const answer = await call({ path: `/api/notes?${params}`, signal }, MauticNoteListSchema);
    return answer.notes.find((note) => note.text?.includes(noteMarker(id)))?.id;
  }

  async function deliverOne(
    entry: OutboxEntry & { kind: 'feedback' },
    contacts: { ofProfile(profileId: string): Promise<string | undefined>; byEmail(email: string): Promise<string | undefined> },
    signal: AbortSignal,
  ): Promise<DeliveryResult> {
    // An earlier attempt got Mautic's id for the note: it is stored.
    if (entry.remoteId) return { id: entry.id, outcome: 'delivered', remoteId: entry.remoteId };
    // The contact the brief showed is the one the rep judged (a rep's corrected match, or a record
    // whose address is a shared inbox another contact holds): Mautic's contact id is the profile's id.
    // Another system's profile carries its name before the id (lib/connectors/merged.ts), and a
    // contact merged or deleted since is found by the address instead.
    const profileId = entry.item.lead.profileId;
    const shown = profileId && MAUTIC_ID.test(profileId) ? await contacts.ofProfile(profileId) : undefined;
    const email = entry.item.lead.email?.trim();
    if (!shown && !email) {
      return { id: entry.id, outcome: 'rejected', error: 'The lead has no e-mail address, which is how Leadside finds the contact in Mautic.', coded: connectorText('mautic.leadHasNoEmail', {}) };
    }
    const contactId = shown ?? (await contacts.byEmail(email!));
    if (!contactId) {
      return { id: entry.id, outcome: 'rejected', error: `${vendor} has no contact with the e-mail ${email}.`, coded: connectorText('mautic.noContactForEmail', { system: vendor, email: email! }) };
    }
    // Notes cannot be sent with an idempotency key, so any repeat attempt looks for its marker
    // first: an unclear one may have been stored, and a retried one may have timed out after Mautic
    // stored it.
    if (entry.unclear || entry.attempts > 0) {
      const found = await existingNote(entry.id, signal).catch((error: unknown) => {
        // A user allowed to create notes but not to list them: a rare duplicate beats feedback
        // that never arrives.
        if (error instanceof ConnectorError && error.kind === 'auth' && !isUnauthorized(error)) return undefined;
        throw error;
      });
      if (found) return { id: entry.id, outcome: 'delivered', remoteId: found };
    }
    const answer = await call(
      { path: '/api/notes/new', method: 'POST', body: { lead: Number(contactId), text: noteText(entry.item), type: 'general' }, signal },
      MauticNoteResponseSchema,
    );
    return { id: entry.id, outcome: 'delivered', remoteId: answer.note.id };
  }

  async function deliver(entries: readonly OutboxEntry[], signal: AbortSignal): Promise<DeliveryResult[]> {
    // Within a batch each lead's contact is looked up once.
    const once = (find: (key: string) => Promise<string | undefined>) => {
      const found = new Map<string, Promise<string | undefined>>();
      return (key: string) => {
        if (!found.has(key)) found.set(key, find(key));
        return found.get(key)!;
      };
    };
    const contacts = {
      ofProfile: once(async (id) => (await call({ path: `/api/contacts/${id}`, signal }, MauticContactResponseSchema, true))?.contact.id),
      byEmail: once((email) => contactsByEmail(email, signal).then((found) => bestMatch(found)?.id)),
    };

    const results = await deliverEach(entries, signal, (entry) => deliverOne(entry, contacts, signal));
    return results.map((result) => ('error' in result ? { ...result, error: redact(result.error), ...(result.coded ? { coded: redactCoded(result.coded, redact) } : {}) } : result));
  }

  // --- Connection test ------------------------------------------------------------------------

  async function checkAuth(signal: AbortSignal): Promise<{ check: CapabilityCheck; userId?: string; isAdmin?: boolean }> {
    try {
      const self = await call({ path: '/api/users/self', signal }, MauticSelfSchema);
      const who = self.username ? `${self.username}${self.role?.name ? ` (${self.role.name})` : ''}` : `user ${self.id}`;
      const user = self.username ?? `#${self.id}`;
      const signedIn = self.username && self.role?.name
        ? connectorText('mautic.check.signedInWithRole', { system: vendor, user, role: self.role.name })
        : connectorText('mautic.check.signedIn', { system: vendor, user });
      return { check: { capability: 'auth', ok: true, message: `Signed in to ${vendor} as ${who}`, coded: signedIn }, userId: self.id, isAdmin: self.role?.isAdmin };
    } catch (error) {
      if (signal.aborted) throw error;
      // OAuth2 client-credential tokens may have no user behind them, so users/self can fail for
      // reasons other than auth: a plain contacts read tells whether the credentials work.
      if (error instanceof ConnectorError && error.kind !== 'auth' && error.kind !== 'network' && error.kind !== 'timeout') {
        try {
          await call({ path: '/api/contacts?limit=1&minimal=1', signal }, MauticContactListSchema);
          return { check: { capability: 'auth', ok: true, message: `${vendor} accepted the credentials`, coded: connectorText('mautic.check.credentialsAccepted', { system: vendor }) } };
        } catch (second) {
          if (signal.aborted) throw second;
          return { check: { capability: 'auth', ok: false, message: messageOf(second), coded: codedOf(second) } };
        }
      }
      return { check: { capability: 'auth', ok: false, message: messageOf(error), coded: codedOf(error) } };
    }
  }

  async function checkWrite(signal: AbortSignal, userId: string | undefined, isAdmin: boolean | undefined): Promise<CapabilityCheck> {
    if (isAdmin) {
      return { capability: 'write', ok: true, message: 'The Mautic user is an administrator: feedback can be added as notes on contacts.', coded: connectorText('mautic.check.writeAdmin', {}) };
    }
    const unverified: CapabilityCheck = {
      capability: 'write',
      ok: true,
      message: `Not verified: Leadside checks without writing, and ${vendor} did not say whether this user may create notes (${NOTE_PERMISSION}). The first delivery will tell.`,
      coded: connectorText('mautic.check.writeUnverified', { system: vendor, permission: NOTE_PERMISSION }),
    };
    if (!userId) return unverified;
    try {
      // Asks Mautic whether the user holds the permission, without creating anything (users.rst).
      const answer = await call(
        { path: `/api/users/${userId}/permissioncheck`, method: 'POST', body: { permissions: [NOTE_PERMISSION] }, signal },
        MauticPermissionsSchema,
      );
      const granted = answer[NOTE_PERMISSION];
      if (granted === true) {
        return { capability: 'write', ok: true, message: `The Mautic user may create notes (${NOTE_PERMISSION}).`, coded: connectorText('mautic.check.writeAllowed', { permission: NOTE_PERMISSION }) };
      }
      if (granted === false) {
        return {
          capability: 'write',
          ok: false,
          message: `The Mautic user may not create notes: give its role the Contacts → Notes "create" permission (${NOTE_PERMISSION}).`,
          coded: connectorText('mautic.check.writeRefused', { permission: NOTE_PERMISSION }),
        };
      }
      return unverified;
    } catch (error) {
      if (signal.aborted) throw error;
      // Mautic 4.4 to 6 know no lead:notes permissions and fail the check with a 500 for a role that is
      // not an administrator, and then fail its notes the same way (mautic/mautic#12110): no verdict
      // that writing works. Any other failure (the network, a limit) says nothing either way.
      if (!(error instanceof ConnectorError && error.kind === 'server')) return unverified;
      return {
        capability: 'write',
        ok: false,
        message: `Not confirmed: ${vendor} failed the check of whether this user may create notes (${NOTE_PERMISSION}), as Mautic 4.4 to 6 does for a role without the notes permissions, whose notes then fail too. Use an administrator, or give the role Contacts → Notes permissions.`,
        coded: connectorText('mautic.check.writeCheckFailed', { system: vendor, permission: NOTE_PERMISSION }),
      };
    }
  }

  async function testConnection(signal: AbortSignal): Promise<CapabilityCheck[]> {
    const auth = await checkAuth(signal);
    const lookup = await check(
      'lookup',
      async () => {
        await contactsByEmail('connection-test@leadside.invalid', signal);
        return said('Contacts can be looked up by e-mail', connectorText('mautic.check.lookup', {}));
      },
      undefined,
      signal,
    );
    const content = await check(
      'content',
      async () => {
        const items = await listAssets(signal);
        return items.length
          ? said(`${items.length} published assets with a download link`, connectorText('mautic.check.content', { count: items.length }))
          : said('No published assets with a download link yet: content suggestions will be empty.', connectorText('mautic.check.noContent', {}));
      },
      undefined,
      signal,
    );
    // Without a sign-in nothing is written either: "not verified" would read as a pass.
    const write: CapabilityCheck = auth.check.ok
      ? await guarded(signal, () => checkWrite(signal, auth.userId, auth.isAdmin))
      : {
          capability: 'write',
          ok: false,
          message: `Not checked: ${vendor} did not accept the sign-in, so notes cannot be written either.`,
          coded: connectorText('mautic.check.writeNoSignIn', { system: vendor }),
        };
    return [auth.check, lookup, content, write].map((line) => ({ ...line, message: redact(line.message), ...(line.coded ? { coded: redactCoded(line.coded, redact) } : {}) }));
  }

  return {
    id: `mautic:${source.baseUrl}`,
    label: 'Mautic',
    resendSettleMs: SEARCH_INDEX_SETTLE_MS,

    findProfile: (query, signal) =>
      guarded(signal, async () => {
        // Mautic knows CRM record ids only through a mapped custom field; the e-mail the CRM page showed is the other key.
        const email = query.email?.trim();
        const byId = await contactsByCrmId(query, signal);
        // Several contacts may hold one CRM id (a Close lead is a company, its people its contacts):
        // the one with the address the page shows is the person the rep has open.
        const shown = email && byId.filter((contact) => holdsEmail(contact, email));
        const byCrmId = bestMatch(shown && shown.length ? shown : byId);
        if (byCrmId) return profileOf(byCrmId, signal);
        if (!email) return null;
        const contact = bestMatch(await contactsByEmail(email, signal));
        return contact ? profileOf(contact, signal) : null;
      }),

    getProfile: (id, signal) =>
      guarded(signal, async () => {
        if (!/^\d+$/.test(id)) return null; // not a Mautic contact id (e.g. one from another source)
        const answer = await call({ path: `/api/contacts/${id}`, signal }, MauticContactResponseSchema, true);
        return answer ? profileOf(answer.contact, signal) : null;
      }),

    searchProfiles: (text, signal) =>
      guarded(signal, async () => {
        const search = text.trim();
        if (!search) return [];
        const params = new URLSearchParams({ search, limit: String(SEARCH_LIMIT) });
        const answer = await call({ path: `/api/contacts?${params}`, signal }, MauticContactListSchema);
        return answer.contacts.map(contactSummary);
      }),

    listContent: (signal) => guarded(signal, () => listAssets(signal)),
    deliver: (entries, signal) => guarded(signal, () => deliver(entries, signal)),
    testConnection: (signal) => guarded(signal, () => testConnection(signal)),
  };

  function messageOf(error: unknown): string {
    return redact(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A contacts filter on one column (contacts.rst, "Advanced filtering"): `eq` for one value, `in` for
 * several. It compares the column as a whole, unlike `search=email:…`, which Mautic runs as a LIKE
 * pattern (`_` and `%` are wildcards there).
 */
function whereEquals(column: string, values: readonly string[]): URLSearchParams {
  return new URLSearchParams({
    'where[0][col]': column,
    'where[0][expr]': values.length > 1 ? 'in' : 'eq',
    'where[0][val]': values.join(','),
    limit: '10',
  });
}

/**
 * fetchJson words a 401 as "… answered 401: …"; only that status means the token itself is no longer
 * accepted (a 403 is a missing permission, which a new token does not fix).
 */
function isUnauthorized(error: unknown): boolean {
  return error instanceof ConnectorError && error.kind === 'auth' && / answered 401\b/.test(error.message);
}

/** Base64 of the UTF-8 bytes: btoa alone throws on user names or passwords outside Latin-1. */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

