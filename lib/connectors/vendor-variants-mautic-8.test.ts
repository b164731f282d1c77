/**
 * Mautic variants, eighth set (M102…M116): answers and answer sequences Mautic 4, 5 and 6 really give that the first seven
 * sets (vendor-variants.test.ts M01–M12, vendor-variants-mautic-2…7.test.ts M13–M101) do not have. This set is about the
 * WRITE path (the rep's feedback delivered as notes on the contact), the connection test, and a few lookups.
 *
 * Writing: Mautic's own note form (NoteType: `type` one of general/email/call/meeting, `text` NotBlank, `lead` mandatory);
 * Mautic's cleaning of a note's text (InputHelper::html, applied twice: by the controller's input mask and by the form's
 * CleanFormSubscriber), which runs Joomla's tag filter over an ASCII-only text (a lone "<" swallows what follows) and only
 * `rawurldecode` over a text holding any non-ASCII character (a pasted "%20" becomes a space), and keeps `<script>` blocks as
 * they came while Mautic 4 prints a note's text unescaped; a 400 validation refusal for one note of a batch; a password or an
 * OAuth2 client revoked while feedback waits; the web server's 503 maintenance page during an upgrade; nginx's 504 after PHP
 * already stored the note; resends marked unclear against Mautic's real notes search (strip_tags, words AND-ed as LIKEs,
 * unknown `command:` terms dropped, 30 a page), with the same words already on the contact from an earlier item, and after
 * the contact was merged (its notes moved to the survivor); feedback about a lead Mautic does not know. Connection test: an
 * OAuth2 client Mautic no longer knows, a non-admin role on Mautic 4.4–6 for which every notes call and a permission check
 * naming a permission Mautic does not have fail with the generic 500 (mautic/mautic#12110), the rate limiter, the
 * maintenance page. Lookups: the maintenance page, and a mapped CRM-id field the admin deleted (Mautic drops the unknown
 * search command and lists everyone).
 *
 * Written from Mautic's source (mautic/mautic), its developer documentation (mautic/developer-documentation-new), Joomla's
 * filter package and public issue threads, without reading the connector's code. Each expectation is what must hold for the
 * rep and the marketer (nothing the rep sent is lost or written twice, a permanent failure says why, no secret or HTML in a
 * message, a note shows the rep's words as typed); where the right answer is a product choice only that is asserted.
 * Shapes and sources: section "mautic8/ (eighth set)" of the variants README (test/fixtures/api/variants/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedbackItemSchema, VERDICT_LABELS, type Verdict } from '@/lib/schema';
import { MauticSourceSchema } from '@/lib/schema/sources';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import ingrid from '@/test/fixtures/api/variants/mautic8/contacts-11201.json';
import kwame from '@/test/fixtures/api/variants/mautic8/contacts-11202.json';
import laura from '@/test/fixtures/api/variants/mautic8/contacts-11203.json';
import peter from '@/test/fixtures/api/variants/mautic8/contacts-11204.json';
import zoe from '@/test/fixtures/api/variants/mautic8/contacts-11205.json';
import omar from '@/test/fixtures/api/variants/mautic8/contacts-11206.json';
import mei from '@/test/fixtures/api/variants/mautic8/contacts-11207.json';
import daniel from '@/test/fixtures/api/variants/mautic8/contacts-11208.json';
import hanna from '@/test/fixtures/api/variants/mautic8/contacts-11209.json';
import rafaelBefore from '@/test/fixtures/api/variants/mautic8/contacts-11210-before-merge.json';
import rafaelSurvivor from '@/test/fixtures/api/variants/mautic8/contacts-11211-survivor.json';
import aiko from '@/test/fixtures/api/variants/mautic8/contacts-11213.json';
import noor from '@/test/fixtures/api/variants/mautic8/contacts-11216.json';
import unfilteredList from '@/test/fixtures/api/variants/mautic8/contacts-unfiltered-crm-field-deleted.json';
import noteCreated from '@/test/fixtures/api/variants/mautic8/note-created.json';
import error400TextRequired from '@/test/fixtures/api/variants/mautic8/error-400-text-required.json';
import error400TypeNotValid from '@/test/fixtures/api/variants/mautic8/error-400-type-not-valid.json';
import error400LeadMandatory from '@/test/fixtures/api/variants/mautic8/error-400-lead-mandatory.json';
import error401Denied from '@/test/fixtures/api/variants/mautic8/error-401-api-authorization-denied.json';
import error404ItemNotFound from '@/test/fixtures/api/variants/mautic8/error-404-item-not-found.json';
import error404ContactNotFound from '@/test/fixtures/api/variants/mautic8/error-404-contact-notfound.json';
import error429 from '@/test/fixtures/api/variants/mautic8/error-429-rate-limiter.json';
import error500Generic from '@/test/fixtures/api/variants/mautic8/error-500-generic.json';
import oauthInvalidClient from '@/test/fixtures/api/variants/mautic8/oauth-invalid-client.json';
import usersSelfAdmin from '@/test/fixtures/api/variants/mautic8/users-self-admin.json';
import usersSelfSalesRole from '@/test/fixtures/api/variants/mautic8/users-self-sales-role.json';
import { clearBackoffs } from './backoff';
import { createMauticConnector } from './mautic';
import { ConnectorError, type CapabilityCheck, type DeliveryResult, type OutboxEntry } from './types';
import {
  describeOutcome,
  json,
  mt,
  MT_ACTIVITY,
  MT_BASE,
  MT_PASSWORD,
  mtQuery,
  noteAsRead,
  rawServer,
  rejection,
  resetBetweenTests,
  signal,
  wellFormed,
  withMappings,
  mauticSearchTerms,
  type MauticSearchTerm,
  type RawCall,
} from '@/test/support/vendor-variants';

// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

resetBetweenTests();

const FIXTURES = 'test/fixtures/api/variants/mautic8';
/** The web server's own 503 page while Mautic is upgraded (Apache's ErrorDocument form), served with `Retry-After: 600`. */
const maintenancePage = readFileSync(`${FIXTURES}/maintenance-503.html`, 'utf8');
/** nginx's built-in 504 page (fastcgi_read_timeout reached while PHP-FPM still runs the request), from the seventh set. */
const nginx504 = readFileSync('test/fixtures/api/variants/mautic7/nginx-504.html', 'utf8');

/** An HTML tag or doctype: what a message must not carry from an HTML page. */
const HTML_TAG = /<[a-z!/]/i;
/** Markup that runs or loads something when a Mautic 4 admin opens the contact (note.html.php echoes the text as it is). */
const LIVE_MARKUP = /<\s*(script|img|iframe|svg|object|embed|style|link|meta)\b|<[^>]*\son[a-z]+\s*=/i;

// ---------------------------------------------------------------------------------------------
// Mautic's cleaning of a note's text: InputHelper::html (app/bundles/CoreBundle/Helper/InputHelper.php), which the note API
// applies twice (NoteApiController's `dataInputMasks = ['text' => 'html']`, then NoteType's CleanFormSubscriber(['text' => 'html'])).

/** PHP's rawurldecode: every "%XX" becomes that byte ("+" stays), the bytes read back as UTF-8. */
function rawurldecode(value: string): string {
  const bytes = new TextEncoder().encode(value);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const hex = i + 2 < bytes.length ? String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!) : '';
    if (bytes[i] === 0x25 && /^[0-9a-f]{2}$/i.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i]!);
  }
  return new TextDecoder().decode(new Uint8Array(out));
}

/** The tags Mautic's HTML filter blocks (InputHelper::getFilter: `new InputFilter([], [], 1, 1)` with this tag blacklist). */
const BLOCKED_TAGS = ['applet', 'bgsound', 'base', 'basefont', 'embed', 'frame', 'frameset', 'ilayer', 'layer', 'object'];

/** joomla/filter InputFilter::cleanTags, ported for what a note's text meets (the loop and its quirks as written there). */
function joomlaCleanTags(source: string): string {
  let preTag = '';
  let postTag = source;
  let tagOpenStart = postTag.indexOf('<');
  while (tagOpenStart !== -1) {
    preTag += postTag.slice(0, tagOpenStart);
    postTag = postTag.slice(tagOpenStart);
    const fromTagOpen = postTag.slice(1);
    const tagOpenEnd = fromTagOpen.indexOf('>');
    const nextOpenTag = postTag.length > tagOpenStart ? postTag.indexOf('<', tagOpenStart + 1) : -1;
    if (nextOpenTag !== -1 && tagOpenEnd !== -1 && nextOpenTag < tagOpenEnd) {
      // A mal-formed tag (a second "<" before the first ">"): the offending open is removed.
      postTag = postTag.slice(0, tagOpenStart) + postTag.slice(tagOpenStart + 1);
      tagOpenStart = postTag.indexOf('<');
      continue;
    }
    if (tagOpenEnd === -1) {
      // A "<" never closed: skipped over, with as many characters after it as its old offset.
      postTag = postTag.slice(tagOpenStart + 1);
      tagOpenStart = postTag.indexOf('<');
      continue;
    }
    const tagOpenNested = fromTagOpen.indexOf('<');
    if (tagOpenNested !== -1 && tagOpenNested < tagOpenEnd) {
      preTag += postTag.slice(0, tagOpenNested + 1);
      postTag = postTag.slice(tagOpenNested + 1);
      tagOpenStart = postTag.indexOf('<');
      continue;
    }
    const currentTag = fromTagOpen.slice(0, tagOpenEnd);
    const isCloseTag = currentTag.startsWith('/');
    let tagName = currentTag.split(' ')[0] ?? '';
    if (isCloseTag) tagName = tagName.slice(1);
    if (!/^[a-z][a-z0-9]*$/i.test(tagName) || BLOCKED_TAGS.includes(tagName.toLowerCase())) {
      // A "non-regular" tag name (`<50 seats>`, `< b`) or a blocked tag: stripped, with everything between "<" and ">".
      postTag = postTag.slice(currentTag.length + 2);
      tagOpenStart = postTag.indexOf('<');
      continue;
    }
    if (isCloseTag) preTag += `</${tagName}>`;
    else {
      // Attributes: `on*` handlers and javascript: values are dropped (cleanAttributes, checkAttribute).
      const attributes = [...currentTag.slice(tagName.length).matchAll(/([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g)]
        .filter(([, name]) => !name!.toLowerCase().startsWith('on') && !['action', 'background', 'codebase', 'dynsrc', 'formaction', 'lowsrc'].includes(name!.toLowerCase()))
        .filter(([, , value]) => !/(java|vb|live)script:/i.test(value ?? ''))
        .map(([, name, value]) => ` ${name!.toLowerCase()}="${(value ?? '').replace(/^["']|["']$/g, '').replace(/"/g, '')}"`);
      preTag += `<${tagName}${attributes.join('')}${fromTagOpen.includes(`</${tagName}`) ? '>' : ' />'}`;
    }
    postTag = postTag.slice(currentTag.length + 2);
    tagOpenStart = postTag.indexOf('<');
  }
  if (postTag !== '<') preTag += postTag;
  return preTag;
}

/** InputHelper::html for one string: `<script>` blocks set aside and put back; no filter but rawurldecode when any character is not ASCII. */
function inputHelperHtml(value: string): string {
  const scripts: string[] = [];
  let text = value.replace(/<script>([\s\S]*?)<\/script>/gi, (block) => `\u0000MSCRIPT${scripts.push(block) - 1}\u0000`);
  const hasUnicode = /[^\x00-\x7F]/.test(text.replace(/\u0000MSCRIPT\d+\u0000/g, ''));
  if (hasUnicode) text = rawurldecode(text);
  else {
    let previous: string;
    do {
      previous = text;
      text = joomlaCleanTags(text);
    } while (text !== previous);
  }
  return text.replace(/\u0000MSCRIPT(\d+)\u0000/g, (_match, index: string) => scripts[Number(index)]!);
}
/** What Mautic stores for a posted note text: InputHelper::html twice. */
const mauticStores = (posted: string) => inputHelperHtml(inputHelperHtml(posted));

/** What the marketer reads in the contact's Notes tab: the stored HTML as text (tags as line breaks, entities decoded), spaces collapsed. */
const asRead = (stored: string) =>
  noteAsRead(
    stored
      .replace(/&nbsp;/g, ' ')
      .replace(/&apos;/g, "'")
      .replace(/&#x([0-9a-f]+);/gi, (_match, hex: string) => `&#${Number.parseInt(hex, 16)};`),
  )
    .replace(/\s+/g, ' ')
    .trim();
/** The rep's words with their spaces collapsed, as HTML shows them. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------
// Mautic's search strings (mauticSearchTerms in test/support/vendor-variants.ts); a command the repository does not know
// adds no condition at all.

/** MySQL's LIKE under a `_ci` collation: "%" and "_" are wildcards, case aside. */
function like(value: string, pattern: string): boolean {
  const regex = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '[\\s\\S]*').replace(/_/g, '[\\s\\S]');
  return new RegExp(`^${regex}$`, 'i').test(value);
}
/** Whether an item passes the parsed search; `condition` answers one term, or undefined when the term adds no condition. */
function passes(search: string, condition: (term: MauticSearchTerm) => boolean | undefined): boolean {
  const { terms, or } = mauticSearchTerms(search);
  const results = terms.map((term) => {
    const result = condition(term);
    return result === undefined ? undefined : term.not ? !result : result;
  });
  const applied = results.filter((result): result is boolean => result !== undefined);
  if (applied.length === 0) return true;
  return or ? applied.some(Boolean) : applied.every(Boolean);
}
const pattern = (term: MauticSearchTerm) => (term.strict || term.string.includes('%') ? term.string : `%${term.string}%`);

// ---------------------------------------------------------------------------------------------
// A fake Mautic 5 on the harness's raw fake server (rawServer): contacts, notes, users, assets, as its API controllers answer.

type Contact = { id: number; points?: number; color?: unknown; fields: { all: Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown>;
type ContactList = { contacts: Record<string, unknown> };
const contactsOf = (...lists: ContactList[]) => Object.assign({}, ...lists.map((list) => list.contacts)) as Record<string, Contact>;

interface StoredNote {
  id: number;
  lead: number;
  /** The text as Mautic stored it (after its cleaning). */
  text: string;
  /** The text as the connector posted it. */
  posted: string;
  type: string;
  dateTime: string;
  createdBy: number;
}

/** The parameters of a POST as PHP reads them: a JSON body, or a form body (`permissions[]`, `permissions[0]` as a list). */
function bodyParams(call: RawCall): Record<string, unknown> {
  if (call.json && typeof call.json === 'object') return call.json as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(call.body ?? '')) {
    const list = /^(\w+)\[\d*\]$/.exec(key);
    if (list) params[list[1]!] = [...((params[list[1]!] as string[] | undefined) ?? []), value];
    else params[key] = value;
  }
  return params;
}
/** Mautic's answer to a route it does not have. */
const routeNotFound = (path: string) => json(404, { errors: [{ message: `Requested URL not found: ${path}`, code: 404, type: null }] });
const NOTE_TYPES = ['general', 'email', 'call', 'meeting'];

interface FakeOptions {
  /** Contacts by id (a merged or deleted contact is removed from here by the test). */
  contacts: Record<string, Contact>;
  /** GET /api/users/self. */
  user?: unknown;
  /** POST /api/users/{id}/permissioncheck: the permissions asked, answered. */
  permissions?: (asked: string[]) => Response;
  /** GET /api/assets. */
  assets?: unknown;
}

function fakeMautic(options: FakeOptions) {
  const notes: StoredNote[] = [];
  let nextNoteId = 8801;
  /** Calls that change or remove a contact in ways no feedback asks for: PUT (replaces or creates), DELETE, a new contact, a merge. */
  const forbidden: RawCall[] = [];
  /** Other writes (PATCH of fields, points, tags, segments, do-not-contact): allowed, but never the same one twice. */
  const otherWrites: RawCall[] = [];
  /** Every 4xx Mautic answered to a note (the connector spoke Mautic's note form wrong, or a test refused it). */
  const refusals: { status: number; body: unknown }[] = [];
  const contacts = options.contacts;
  const knownFields = () => new Set(['id', ...Object.values(contacts).flatMap((contact) => Object.keys(contact.fields?.all ?? {}))]);

  const noteJson = (note: StoredNote) => {
    const contact = contacts[String(note.lead)];
    return {
      ...noteCreated.note,
      id: note.id,
      text: note.text,
      type: note.type,
      dateTime: note.dateTime,
      lead: { id: note.lead, points: contact?.points ?? 0, color: contact?.color ?? null, fields: contact?.fields ?? [] },
    };
  };
  const refuse = (status: number, body: unknown) => {
    refusals.push({ status, body });
    return json(status, body);
  };

  /** POST /api/notes/new as NoteApiController::newEntityAction → processForm → preSaveEntity (checkLeadAccess) answers it. */
  function createNote(call: RawCall): Response {
    const params = bodyParams(call);
    const posted = typeof params.text === 'string' ? params.text : params.text === undefined || params.text === null ? '' : String(params.text);
    const text = mauticStores(posted);
    const type = params.type === undefined || params.type === null || params.type === '' ? 'general' : String(params.type);
    if (!NOTE_TYPES.includes(type)) return refuse(400, error400TypeNotValid);
    if (text === '') return refuse(400, error400TextRequired);
    if (params.lead === undefined || params.lead === null || params.lead === '') return refuse(400, error400LeadMandatory);
    const leadId = Number.parseInt(String(params.lead), 10) || 0;
    if (!contacts[String(leadId)]) return refuse(404, error404ContactNotFound);
    const note: StoredNote = {
      id: nextNoteId++,
      lead: leadId,
      text,
      posted,
      type,
      dateTime: typeof params.dateTime === 'string' && params.dateTime ? params.dateTime : noteCreated.note.dateTime,
      createdBy: 2,
    };
    notes.push(note);
    return json(201, { note: noteJson(note) }, { Location: `${MT_BASE}/api/notes/${note.id}` });
  }

  /** GET /api/notes and GET /api/contacts/{id}/notes: the search parsed as Mautic parses it (a LIKE on n.text), 30 a page, id order. */
  function listNotes(url: URL, leadId?: number): Response {
    const search = url.searchParams.get('search') ?? '';
    const start = Number(url.searchParams.get('start') ?? 0) || 0;
    const limit = Number(url.searchParams.get('limit') ?? 30) || 30;
    const found = notes
      .filter((note) => leadId === undefined || note.lead === leadId)
      .filter((note) =>
        passes(search, (term) => {
          if (term.command === 'type') return note.type === term.string;
          if (term.command === 'ids') return term.string.split(',').map((id) => id.trim()).includes(String(note.id));
          if (term.command) return undefined;
          return like(note.text, pattern(term));
        }),
      );
    const page = found.slice(start, start + limit).map(noteJson);
    return json(200, { total: found.length, notes: page });
  }

  /** GET /api/contacts: `search` parsed (field commands, plain words on name, e-mail and company), `where[]` on existing fields. */
  function listContacts(url: URL): Response {
    const search = url.searchParams.get('search') ?? '';
    const fields = knownFields();
    const where: { col?: string; expr?: string; val?: string }[] = [];
    for (const [key, value] of url.searchParams) {
      const match = /^where\[(\d+)\]\[(col|column|expr|val|value)\]$/.exec(key);
      if (!match) continue;
      const index = Number(match[1]);
      where[index] ??= {};
      const part = match[2] === 'column' ? 'col' : match[2] === 'value' ? 'val' : (match[2] as 'col' | 'expr' | 'val');
      where[index]![part] = value;
    }
    // A where clause on a column the leads table does not have: the SQL fails (Unknown column), the API answers its generic 500.
    if (where.some((clause) => clause?.col && !fields.has(clause.col.replace(/^l\./, '')))) return json(500, error500Generic);
    const found = Object.values(contacts).filter((contact) => {
      const all = contact.fields.all;
      const value = (alias: string) => String(alias === 'id' ? contact.id : (all[alias] ?? ''));
      const whereOk = where.every((clause) => {
        if (!clause?.col) return true;
        const col = clause.col.replace(/^l\./, '');
        const expr = (clause.expr ?? 'eq').toLowerCase();
        if (expr === 'like') return like(value(col), clause.val ?? '');
        if (expr === 'in') return (clause.val ?? '').split(',').map((part) => part.trim().toLowerCase()).includes(value(col).toLowerCase());
        return value(col).toLowerCase() === (clause.val ?? '').toLowerCase();
      });
      if (!whereOk) return false;
      return passes(search, (term) => {
        if (term.command === 'ids') return term.string.split(',').map((id) => id.trim()).includes(String(contact.id));
        if (term.command && fields.has(term.command)) return like(value(term.command), pattern(term));
        if (term.command) return undefined;
        return ['firstname', 'lastname', 'email', 'company'].some((alias) => like(value(alias), pattern(term)));
      });
    });
    const start = Number(url.searchParams.get('start') ?? 0) || 0;
    const limit = Number(url.searchParams.get('limit') ?? 30) || 30;
    const page = found.slice(start, start + limit);
    if (page.length === 0) return json(200, { total: String(found.length), contacts: [] });
    return json(200, { total: String(found.length), contacts: Object.fromEntries(page.map((contact) => [String(contact.id), contact])) });
  }

  function answer(call: RawCall): Response {
    const path = call.url.pathname;
    const method = call.method.toUpperCase();
    if (method === 'PUT' || method === 'DELETE' || /\/(delete|merge)$/.test(path) || (method === 'POST' && /^\/api\/contacts\/(new|batch\/new)$/.test(path))) {
      forbidden.push(call);
      return json(403, { errors: [{ code: 403, message: 'You do not have access to the requested area/action.', details: [], type: null }] });
    }
    if (method === 'POST' && path === '/api/notes/new') return createNote(call);
    if (method === 'GET' && path === '/api/notes') return listNotes(call.url);
    const oneNote = /^\/api\/notes\/(\d+)$/.exec(path);
    if (method === 'GET' && oneNote) {
      const note = notes.find((candidate) => String(candidate.id) === oneNote[1]);
      return note ? json(200, { note: noteJson(note) }) : json(404, error404ItemNotFound);
    }
    const contactNotes = /^\/api\/contacts\/(\d+)\/notes$/.exec(path);
    if (method === 'GET' && contactNotes) return contacts[contactNotes[1]!] ? listNotes(call.url, Number(contactNotes[1])) : json(404, error404ItemNotFound);
    if (method === 'GET' && path === '/api/contacts') return listContacts(call.url);
    const oneContact = /^\/api\/contacts\/(\d+)$/.exec(path);
    if (method === 'GET' && oneContact) return contacts[oneContact[1]!] ? json(200, { contact: contacts[oneContact[1]!] }) : json(404, error404ItemNotFound);
    if (method === 'GET' && MT_ACTIVITY.test(path)) return contacts[/\/(\d+)\//.exec(path)![1]!] ? json(200, activityEmpty) : json(404, error404ItemNotFound);
    if (method === 'GET' && path === '/api/users/self') return json(200, options.user ?? usersSelfAdmin);
    if (method === 'POST' && /^\/api\/users\/\d+\/permissioncheck$/.test(path)) {
      const asked = bodyParams(call).permissions;
      const list = (Array.isArray(asked) ? asked : asked === undefined ? [] : [asked]).map(String);
      if (list.length === 0) return json(400, { errors: [{ code: 400, message: 'At least one permission must be submitted.', details: [] }] });
      return options.permissions ? options.permissions(list) : json(200, Object.fromEntries(list.map((permission) => [permission, true])));
    }
    if (method === 'GET' && path === '/api/assets') return json(200, options.assets ?? { total: 0, assets: [] });
    const editContact = /^\/api\/contacts\/(\d+)\/edit$/.exec(path);
    if (method === 'PATCH' && editContact) {
      otherWrites.push(call);
      return contacts[editContact[1]!] ? json(200, { contact: contacts[editContact[1]!] }) : json(404, error404ItemNotFound);
    }
    if ((method === 'POST' || method === 'PATCH') && path.startsWith('/api/')) {
      // Points, tags, segments, do-not-contact, UTM rows: Mautic answers with the contact (or success); the test only counts them.
      otherWrites.push(call);
      const id = /\/api\/(?:contacts|segments)\/(\d+)/.exec(path)?.[1];
      return json(200, id && contacts[id] ? { contact: contacts[id] } : { success: 1 });
    }
    return routeNotFound(path);
  }

  return { notes, forbidden, otherWrites, refusals, contacts, answer, createNote };
}
type FakeMautic = ReturnType<typeof fakeMautic>;

/** The same non-note write sent twice (points added twice, a tag or segment twice): what a resend must never do. */
function repeatedWrites(fake: FakeMautic): string[] {
  const seen = new Map<string, number>();
  for (const call of fake.otherWrites) {
    const key = `${call.method} ${call.url.pathname} ${call.body ?? ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([key]) => key);
}
/** Nothing removed, replaced or created behind the marketer's back. */
function expectNothingDestructive(fake: FakeMautic) {
  expect.soft(fake.forbidden.map((call) => `${call.method} ${call.url.pathname}`), 'PUT/DELETE/new contact/merge calls').toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Feedback as the outbox hands it to the connector (ASCII everywhere unless a case needs otherwise).

const REP = 'Dana Whitfield';
let itemCount = 0;
const nextId = () => {
  itemCount += 1;
  return `b8a2${String(itemCount).padStart(4, '0')}-6d1e-4f3a-8c5b-${String(itemCount).padStart(12, '0')}`;
};
type LeadRef = { email?: string; name?: string; profileId?: string };
function entryFor(lead: LeadRef, payload: Record<string, unknown>, createdAt = '2026-12-07T09:14:00.000Z'): OutboxEntry {
  const id = nextId();
  const recordId = `00Q5e00000Lx${String(itemCount).padStart(4, '0')}`;
  const item = FeedbackItemSchema.parse({
    id,
    createdAt,
    lead: { key: `salesforce:${recordId}`, crm: 'salesforce', recordId, ...lead },
    source: { channel: 'paid_search', campaign: 'SOC 2 EMEA brand' },
    rep: REP,
    ...payload,
  });
  return { kind: 'feedback', item, id, attempts: 0, unclear: false };
}
const verdictEntry = (lead: LeadRef, verdict: Verdict, note?: string, reasons: string[] = [], createdAt?: string) =>
  entryFor(lead, { kind: 'verdict', verdict, reasons, ...(note === undefined ? {} : { note }) }, createdAt);

/** What a batch came back with: its results, or what it was rejected with. */
async function deliverOutcome(promise: Promise<DeliveryResult[]>): Promise<DeliveryResult[] | unknown> {
  const outcome = await rejection(promise);
  return outcome && typeof outcome === 'object' && 'resolved' in outcome ? (outcome as { resolved: DeliveryResult[] }).resolved : outcome;
}
const resultFor = (results: DeliveryResult[], entry: OutboxEntry) => results.find((result) => result.id === entry.id);
const errorOf = (result: DeliveryResult | undefined) => (result && (result.outcome === 'retry' || result.outcome === 'rejected') ? result.error : '');

/**
 * What the outbox sends again (types.ts): after a thrown error the whole batch, marked unclear when no answer came
 * (a timeout, a dropped connection); after results, the entries to retry (an answer came: not unclear).
 */
function resendAfter(outcome: unknown, entries: OutboxEntry[]): OutboxEntry[] {
  if (Array.isArray(outcome)) {
    return entries
      .filter((entry) => resultFor(outcome as DeliveryResult[], entry)?.outcome === 'retry')
      .map((entry) => ({ ...entry, attempts: entry.attempts + 1, unclear: false }));
  }
  const unclear = !(outcome instanceof ConnectorError) || outcome.kind === 'timeout' || outcome.kind === 'network';
  return entries.map((entry) => ({ ...entry, attempts: entry.attempts + 1, unclear }));
}

/** Kept for later, and said why: every entry `retry` (or the batch thrown with one of `kinds`); none delivered or dropped as rejected. */
function expectKeptForLater(outcome: unknown, entries: OutboxEntry[], kinds: string[], secret: string) {
  if (Array.isArray(outcome)) {
    for (const entry of entries) {
      const result = resultFor(outcome as DeliveryResult[], entry);
      expect.soft(result?.outcome, `an entry that can go through once the admin fixes Mautic: ${describeOutcome(result)}`).toBe('retry');
      expect.soft(errorOf(result)).not.toContain(secret);
      expect.soft(errorOf(result)).not.toMatch(HTML_TAG);
    }
    return;
  }
  expect(outcome, describeOutcome(outcome)).toBeInstanceOf(ConnectorError);
  expect.soft(kinds, describeOutcome(outcome)).toContain((outcome as ConnectorError).kind);
  expect.soft((outcome as ConnectorError).message).not.toContain(secret);
  expect.soft((outcome as ConnectorError).message).not.toMatch(HTML_TAG);
}

/** Not delivered and not lost: `retry`, or `rejected` with a reason (or the whole batch thrown), never `delivered` or `unsupported`. */
function expectNotDeliveredButKept(outcome: unknown, entry: OutboxEntry) {
  if (!Array.isArray(outcome)) {
    expect(outcome, describeOutcome(outcome)).toBeInstanceOf(ConnectorError);
    expect.soft((outcome as ConnectorError).message).not.toMatch(HTML_TAG);
    return;
  }
  const result = resultFor(outcome as DeliveryResult[], entry);
  expect.soft(['retry', 'rejected'], `${describeOutcome(result)}`).toContain(result?.outcome);
  expect.soft(errorOf(result).trim().length, 'the reason').toBeGreaterThan(0);
  expect.soft(errorOf(result)).not.toMatch(HTML_TAG);
  expect.soft(errorOf(result)).not.toContain(MT_PASSWORD);
}

/** A note's text as the marketer reads it, per contact. */
const readOn = (fake: FakeMautic, lead: number) => fake.notes.filter((note) => note.lead === lead).map((note) => asRead(note.text));

// ---------------------------------------------------------------------------------------------
// OAuth2 (client credentials) and the connection test.

const TOKEN_PATH = '/oauth/v2/token';
const CLIENT_ID = '7_3xk9w0g8s4cc8wk0okwgs4k4og04sgkwcg0k8c0ws8kc4g0co4';
const CLIENT_SECRET = '2m5fq8k1z0oow4cggk8s8c0g4k0sw0cwsgo4kogg0kkc4ws8wo';
const mtOauth = () =>
  createMauticConnector(MauticSourceSchema.parse({ kind: 'mautic', baseUrl: MT_BASE, auth: { method: 'oauth2', clientId: CLIENT_ID } }), {
    clientSecret: CLIENT_SECRET,
  });
const checkOf = (checks: CapabilityCheck[], capability: string) => checks.find((entry) => entry.capability === capability);
const report = (checks: CapabilityCheck[]) => checks.map((entry) => `${entry.capability}: ${entry.ok} ${entry.message}`).join(' | ');
/** Every message of a connection test: no HTML, no secret, no "null". */
function expectCleanMessages(checks: CapabilityCheck[], secret: string) {
  for (const entry of checks) {
    expect.soft(entry.message, entry.capability).not.toMatch(HTML_TAG);
    expect.soft(entry.message, entry.capability).not.toContain(secret);
    expect.soft(entry.message, entry.capability).not.toMatch(/\b(null|undefined|NaN)\b/);
  }
}
/** The lead permissions Mautic 4.4–6 has (LeadPermissions: leads, lists, fields, imports, export; no `lead:notes:*`, no `lead:leads:new*`). */
const MAUTIC6_LEAD_PERMISSIONS = new Set(
  ['viewown', 'viewother', 'editown', 'editother', 'create', 'deleteown', 'deleteother', 'full'].map((level) => `lead:leads:${level}`).concat(
    ['view', 'create', 'edit', 'delete', 'full'].flatMap((level) => [`lead:imports:${level}`, `lead:fields:${level}`]),
    ['viewother', 'editother', 'deleteother', 'full', 'view', 'edit', 'create', 'delete'].map((level) => `lead:lists:${level}`),
    ['view', 'viewown', 'viewother', 'edit', 'editown', 'editother', 'create', 'delete', 'deleteown', 'deleteother', 'publish', 'publishown', 'publishother', 'full'].map(
      (level) => `asset:assets:${level}`,
    ),
  ),
);

// ---------------------------------------------------------------------------------------------

describe('Mautic variants, eighth set (writing feedback back, the connection test, lookups)', () => {
  // --- M102: every kind of feedback through Mautic's note form ---------------------------------------------------

  it('M102: one batch holds all five verdicts, a content rating, a content request and a prospect question for one contact; Mautic’s note form takes only `type` general/email/call/meeting and a non-blank `text`: one result per entry, each verdict noted once under its label with its reasons, nothing removed or replaced', async () => {
    const fake = fakeMautic({ contacts: contactsOf(ingrid) });
    rawServer((call) => fake.answer(call));
    const lead = { email: 'ingrid.solberg@fjordkraft-analytics.example', name: 'Ingrid Solberg', profileId: '11201' };
    const verdicts: [Verdict, string | undefined, string[]][] = [
      ['good_fit', 'Owns the data platform budget; wants EU data residency.', ['Clear need', 'Budget']],
      ['demo_booked', 'Demo on Thursday 14:00 CET with two engineers.', ['From this outreach']],
      ['not_ready', undefined, ['Timing']],
      ['not_a_fit', 'Needs on-prem only.', ['Wrong industry']],
      ['bad_data', undefined, ['Duplicate', 'Wrong company']],
    ];
    const verdictEntries = verdicts.map(([verdict, note, reasons]) => verdictEntry(lead, verdict, note, reasons));
    const rating = entryFor(lead, { kind: 'content_rating', contentId: 'mautic-asset-12', useful: false });
    const request = entryFor(lead, { kind: 'content_request', text: 'A one-pager on EU data residency for Norwegian utilities' });
    const question = entryFor(lead, { kind: 'prospect_question', text: 'Can audit logs be streamed to our own Azure tenant?' });
    const entries = [...verdictEntries, rating, request, question];
    const outcome = await deliverOutcome(mt().deliver(entries, signal));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    const results = outcome as DeliveryResult[];
    expect.soft(results.map((result) => result.id).sort(), 'one result per entry').toEqual(entries.map((entry) => entry.id).sort());
    expect.soft(fake.refusals, 'notes Mautic’s form refused (type, text, lead)').toEqual([]);
    const read = readOn(fake, 11201);
    verdicts.forEach(([verdict, note, reasons], index) => {
      const entry = verdictEntries[index]!;
      expect.soft(resultFor(results, entry)?.outcome, `${verdict}: ${describeOutcome(resultFor(results, entry))}`).toBe('delivered');
      const label = VERDICT_LABELS[verdict];
      const mine = read.filter((text) => text.includes(label));
      expect.soft(mine.length, `notes showing "${label}": ${read.join(' || ')}`).toBe(1);
      if (note !== undefined) expect.soft(mine.join(' '), `${verdict}: the rep’s words`).toContain(note);
      for (const reason of reasons) expect.soft(mine.join(' '), `${verdict}: the reason chip "${reason}"`).toContain(reason);
    });
    for (const [entry, text] of [
      [request, 'A one-pager on EU data residency for Norwegian utilities'],
      [question, 'Can audit logs be streamed to our own Azure tenant?'],
    ] as const) {
      expect.soft(resultFor(results, entry)?.outcome, describeOutcome(resultFor(results, entry))).toBe('delivered');
      expect.soft(read.filter((note) => note.includes(text)), `one note with "${text}"`).toHaveLength(1);
    }
    expect.soft(['delivered', 'unsupported'], `the rating: ${describeOutcome(resultFor(results, rating))}`).toContain(resultFor(results, rating)?.outcome);
    const delivered = results.filter((result) => result.outcome === 'delivered').length;
    expect.soft(fake.notes.length, 'one note per delivered entry, none twice').toBe(delivered);
    expect.soft(fake.notes.filter((note) => note.lead !== 11201)).toEqual([]);
    for (const note of fake.notes) expect.soft(asRead(note.text)).not.toMatch(/\b(null|undefined|NaN)\b/);
    expectNothingDestructive(fake);
    expect.soft(repeatedWrites(fake)).toEqual([]);
  });

  // --- M103: a 400 validation refusal for one note of a batch -------------------------------------------------------

  it('M103: Mautic refuses one note of a batch with its form-validation answer (400 `{"errors":[{"code":400,"message":"text: A value is required.","details":{"text":[…]}}]}`): that entry is failed for good with Mautic’s reason, the other is delivered, the batch is not thrown', async () => {
    const fake = fakeMautic({ contacts: contactsOf(kwame, laura) });
    rawServer((call) => {
      if (call.method === 'POST' && call.url.pathname === '/api/notes/new' && String(bodyParams(call).lead) === '11203') return json(400, error400TextRequired);
      return fake.answer(call);
    });
    const ok = verdictEntry({ email: 'kwame.mensah@tailspin-payments.example', name: 'Kwame Mensah', profileId: '11202' }, 'good_fit', 'Budget signed off for Q1.', ['Budget']);
    const refused = verdictEntry({ email: 'laura.castillo@bellows-college.example', name: 'Laura Castillo', profileId: '11203' }, 'not_ready', 'Revisit after the spring semester.', ['Timing']);
    const outcome = await deliverOutcome(mt().deliver([ok, refused], signal));
    // Not the whole batch failing the same way: one result per entry (types.ts, Connector.deliver).
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    const results = outcome as DeliveryResult[];
    expect.soft(resultFor(results, ok)?.outcome, describeOutcome(resultFor(results, ok))).toBe('delivered');
    const result = resultFor(results, refused);
    // A 400 is Mautic saying this note will never be taken as it is: retrying it for ever helps nobody (types.ts: "a 400 for this item").
    expect.soft(result?.outcome, describeOutcome(result)).toBe('rejected');
    expect.soft(errorOf(result), 'Mautic’s own reason').toContain('A value is required');
    expect.soft(errorOf(result)).not.toMatch(HTML_TAG);
    expect.soft(errorOf(result)).not.toContain(MT_PASSWORD);
    expect.soft(fake.notes.map((note) => note.lead)).toEqual([11202]);
  });

  // --- M104, M105: the rep's words through Mautic's own cleaning ------------------------------------------------------

  it('M104a: an ASCII-only note holding "<" (`Seats <50 today, >200 by Q3`, `"<Admin>" roles`): Mautic runs Joomla’s tag filter over ASCII text, which drops a lone "<" with what follows it; the marketer still reads the rep’s words exactly', async () => {
    const fake = fakeMautic({ contacts: contactsOf(peter) });
    rawServer((call) => fake.answer(call));
    const note = 'Seats <50 today, >200 by Q3; wants SSO & SCIM. Asked if "<Admin>" roles map to AD groups (a<b in their tiering).';
    const entry = verdictEntry({ email: 'peter.hall@northwind-logistics.example', name: 'Peter Hall', profileId: '11204' }, 'good_fit', note, ['Clear need']);
    const outcome = await deliverOutcome(mt().deliver([entry], signal));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    expect.soft(resultFor(outcome as DeliveryResult[], entry)?.outcome, describeOutcome(outcome)).toBe('delivered');
    expect(fake.notes, 'one note').toHaveLength(1);
    const stored = fake.notes[0]!;
    expect.soft(asRead(stored.text), `as Mautic stored it: ${stored.text}`).toContain(words(note));
  });

  it('M104b: the rep quotes markup the prospect pasted (`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`): Mautic keeps `<script>` blocks as posted and Mautic 4 prints a note unescaped, so the note carries no live markup, and the marketer reads the quote as typed', async () => {
    const fake = fakeMautic({ contacts: contactsOf(peter) });
    rawServer((call) => fake.answer(call));
    const note = "Their IT lead pasted <script>alert(1)</script> and <img src=x onerror=alert(1)> into our chat widget - flag for security.";
    const entry = verdictEntry({ email: 'peter.hall@northwind-logistics.example', name: 'Peter Hall', profileId: '11204' }, 'bad_data', note, ['Fake']);
    const outcome = await deliverOutcome(mt().deliver([entry], signal));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    expect.soft(resultFor(outcome as DeliveryResult[], entry)?.outcome, describeOutcome(outcome)).toBe('delivered');
    expect(fake.notes, 'one note').toHaveLength(1);
    const stored = fake.notes[0]!;
    expect.soft(stored.text, 'markup a Mautic 4 admin’s browser would run').not.toMatch(LIVE_MARKUP);
    expect.soft(asRead(stored.text), `as Mautic stored it: ${stored.text}`).toContain(words(note));
    expectNothingDestructive(fake);
  });

  it('M105: a note with non-ASCII words ("Zoë", "€") and a pasted link holding "%20": Mautic does not filter such a text but `rawurldecode`s it (twice), so "%20" would arrive as a space; the marketer reads the link and the words as the rep typed them', async () => {
    const fake = fakeMautic({ contacts: contactsOf(zoe) });
    rawServer((call) => fake.answer(call));
    const note = 'Zoë (CFO) asked for the guide: https://www.keyline.example/docs/SOC%202%20guide.pdf?utm_campaign=Q4%20ABM - budget €40k, 100% of it this year.';
    const entry = verdictEntry({ email: 'zoe.lambert@lamna-healthcare.example', name: 'Zoë Lambert', profileId: '11205' }, 'demo_booked', note, ['Inbound request']);
    const outcome = await deliverOutcome(mt().deliver([entry], signal));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    expect.soft(resultFor(outcome as DeliveryResult[], entry)?.outcome, describeOutcome(outcome)).toBe('delivered');
    expect(fake.notes, 'one note').toHaveLength(1);
    const stored = fake.notes[0]!;
    expect.soft(asRead(stored.text), `posted: ${stored.posted} / stored: ${stored.text}`).toContain(words(note));
  });

  // --- M106: the credentials stop working while feedback waits --------------------------------------------------------

  it('M106a: the API user’s password was changed in Mautic (every call 401 "API authorization denied."): nothing delivered, nothing dropped as refused, kept for after the admin reconnects; no password in any message', async () => {
    const fake = fakeMautic({ contacts: contactsOf(omar) });
    rawServer(() => json(401, error401Denied, { 'WWW-Authenticate': 'Basic realm="Mautic"' }));
    const lead = { email: 'omar.farouk@wideworld-importers.example', name: 'Omar Farouk', profileId: '11206' };
    const entries = [verdictEntry(lead, 'good_fit', 'Wants a pilot in the Dubai office.', ['Right persona']), entryFor(lead, { kind: 'prospect_question', text: 'Do you support Arabic UI?' })];
    const outcome = await deliverOutcome(mt().deliver(entries, signal));
    expectKeptForLater(outcome, entries, ['auth'], MT_PASSWORD);
    expect.soft(fake.notes).toEqual([]);
  });

  it('M106b: OAuth2: the API client was deleted in Mautic (the token request answers 400 `invalid_client` "The client credentials are invalid"): nothing delivered or dropped, an auth problem, no client secret in any message or URL', async () => {
    const calls = rawServer((call) =>
      call.url.pathname === TOKEN_PATH ? json(400, oauthInvalidClient) : json(401, error401Denied, { 'WWW-Authenticate': 'Bearer realm="Service"' }),
    );
    const lead = { email: 'omar.farouk@wideworld-importers.example', name: 'Omar Farouk', profileId: '11206' };
    const entries = [verdictEntry(lead, 'not_a_fit', 'Too small for now.', ['Too small'])];
    const outcome = await deliverOutcome(mtOauth().deliver(entries, signal));
    expectKeptForLater(outcome, entries, ['auth'], CLIENT_SECRET);
    for (const call of calls) expect.soft(call.url.search, 'the secret is never in a URL').not.toContain(CLIENT_SECRET);
    expect.soft(calls.filter((call) => call.url.pathname === '/api/notes/new'), 'no note posted without a token').toEqual([]);
  });

  // --- M107: the web server's maintenance page --------------------------------------------------------------------

  it('M107: Mautic is being upgraded and the web server answers every call with its 503 page (`text/html`, `Retry-After: 600`): nothing delivered, nothing dropped, no HTML in any message; once Mautic is back, each note is written exactly once', async () => {
    const fake = fakeMautic({ contacts: contactsOf(mei) });
    let down = true;
    rawServer((call) => (down ? new Response(maintenancePage, { status: 503, headers: { 'Content-Type': 'text/html; charset=iso-8859-1', 'Retry-After': '600' } }) : fake.answer(call)));
    const lead = { email: 'mei.chen@trey-research.example', name: 'Mei Chen', profileId: '11207' };
    const entries = [
      verdictEntry(lead, 'good_fit', 'Needs MAS TRM mapping before the board meeting.', ['Clear need']),
      entryFor(lead, { kind: 'content_request', text: 'MAS TRM control mapping sheet' }),
    ];
    const connector = mt();
    const first = await deliverOutcome(connector.deliver(entries, signal));
    expectKeptForLater(first, entries, ['server', 'rate-limited', 'timeout'], MT_PASSWORD);
    expect.soft(fake.notes, 'nothing reached Mautic').toEqual([]);
    // The upgrade is over.
    down = false;
    clearBackoffs();
    const again = resendAfter(first, entries);
    expect(again.map((entry) => entry.id).sort(), 'what the outbox sends again').toEqual(entries.map((entry) => entry.id).sort());
    const second = await deliverOutcome(connector.deliver(again, signal));
    expect(Array.isArray(second), describeOutcome(second)).toBe(true);
    for (const entry of entries) expect.soft(resultFor(second as DeliveryResult[], entry)?.outcome, describeOutcome(second)).toBe('delivered');
    expect.soft(fake.notes.map((note) => note.lead), 'one note per entry').toEqual([11207, 11207]);
  });

  // --- M108: nginx gives up while PHP still writes the note --------------------------------------------------------

  it('M108: nginx answers 504 to the note (fastcgi_read_timeout) while PHP-FPM finishes the request and Mautic stores the note: after the outbox sends the entry again, the contact holds that note once, and the entry is delivered', async () => {
    const fake = fakeMautic({ contacts: contactsOf(daniel) });
    let timedOut = false;
    rawServer((call) => {
      if (call.method === 'POST' && call.url.pathname === '/api/notes/new' && !timedOut) {
        timedOut = true;
        fake.createNote(call); // PHP keeps running after nginx gave up (it notices a gone client only when it writes output).
        return new Response(nginx504, { status: 504, headers: { 'Content-Type': 'text/html' } });
      }
      return fake.answer(call);
    });
    const entry = verdictEntry({ email: 'daniel.okoro@proseware.example', name: 'Daniel Okoro', profileId: '11208' }, 'demo_booked', 'Demo with the CISO office on Monday.', ['From this outreach']);
    const connector = mt();
    const first = await deliverOutcome(connector.deliver([entry], signal));
    if (Array.isArray(first)) expect.soft(resultFor(first as DeliveryResult[], entry)?.outcome, 'a 504 is no confirmation').not.toBe('delivered');
    expect(fake.notes, 'Mautic stored the first attempt').toHaveLength(1);
    clearBackoffs();
    const again = resendAfter(first, [entry]);
    expect(again, `the entry must come back to be settled: ${describeOutcome(first)}`).toHaveLength(1);
    const second = await deliverOutcome(connector.deliver(again, signal));
    expect(Array.isArray(second), describeOutcome(second)).toBe(true);
    expect.soft(resultFor(second as DeliveryResult[], entry)?.outcome, describeOutcome(second)).toBe('delivered');
    expect.soft(fake.notes.map((note) => note.lead), `notes on the contact, first outcome: ${describeOutcome(first)}`).toEqual([11208]);
    expect.soft(repeatedWrites(fake)).toEqual([]);
  });

  // --- M109: resends marked unclear, against Mautic's real notes search --------------------------------------------

  it('M109a: 31 other contacts already hold Leadside notes (more than one page of 30); Hanna’s note is stored but the answer is lost; the resend (unclear) asks Mautic’s notes search, which drops unknown `command:` terms and ANDs words: one note on Hanna, delivered', async () => {
    const others: Record<string, Contact> = {};
    const hannaContact = hanna.contacts['11209'] as unknown as Contact;
    for (let i = 0; i < 31; i++) {
      const id = 11250 + i;
      const all = { ...hannaContact.fields.all, id: String(id), firstname: `Contact${i}`, lastname: 'Example', email: `contact${i}@northwind-traders.example` };
      others[String(id)] = { ...hannaContact, id, fields: { ...hannaContact.fields, all } };
    }
    const fake = fakeMautic({ contacts: { ...others, ...contactsOf(hanna) } });
    let dropNext = false;
    rawServer((call) => {
      if (call.method === 'POST' && call.url.pathname === '/api/notes/new' && dropNext) {
        dropNext = false;
        fake.createNote(call);
        throw new TypeError('fetch failed: other side closed');
      }
      return fake.answer(call);
    });
    const connector = mt();
    const earlier = Object.keys(others).map((id, i) =>
      verdictEntry({ email: `contact${i}@northwind-traders.example`, name: `Contact${i} Example`, profileId: id }, 'good_fit', 'Asked for the DPA before the call.', ['Clear need']),
    );
    const seeded = await deliverOutcome(connector.deliver(earlier, signal));
    expect(Array.isArray(seeded), describeOutcome(seeded)).toBe(true);
    expect(fake.notes, 'the other contacts’ notes').toHaveLength(31);
    const entry = verdictEntry({ email: 'hanna.virtanen@contoso-oy.example', name: 'Hanna Virtanen', profileId: '11209' }, 'good_fit', 'Asked for the DPA before the call.', ['Clear need']);
    dropNext = true;
    const first = await deliverOutcome(connector.deliver([entry], signal));
    if (Array.isArray(first)) expect.soft(resultFor(first as DeliveryResult[], entry)?.outcome, 'no answer came: not known as delivered').not.toBe('delivered');
    expect(readOn(fake, 11209), 'Mautic stored the first attempt').toHaveLength(1);
    const second = await deliverOutcome(connector.deliver([{ ...entry, attempts: 1, unclear: true }], signal));
    expect(Array.isArray(second), describeOutcome(second)).toBe(true);
    expect.soft(resultFor(second as DeliveryResult[], entry)?.outcome, describeOutcome(second)).toBe('delivered');
    expect.soft(readOn(fake, 11209), 'notes on Hanna').toHaveLength(1);
    expect.soft(fake.notes, 'notes in all').toHaveLength(32);
  });

  it('M109b: Hanna already holds a note from an earlier item with the same verdict and reasons and no note text (the rep rated her again after a call); the new item’s first attempt never reached Mautic (connection refused); its resend (unclear) writes it: two notes, the new one delivered', async () => {
    const fake = fakeMautic({ contacts: contactsOf(hanna) });
    let refuseNext = false;
    rawServer((call) => {
      if (call.method === 'POST' && call.url.pathname === '/api/notes/new' && refuseNext) {
        refuseNext = false;
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 203.0.113.10:443'), { code: 'ECONNREFUSED' }) });
      }
      return fake.answer(call);
    });
    const connector = mt();
    const lead = { email: 'hanna.virtanen@contoso-oy.example', name: 'Hanna Virtanen', profileId: '11209' };
    const before = verdictEntry(lead, 'good_fit', undefined, ['Clear need'], '2026-12-01T10:00:00.000Z');
    const earlier = await deliverOutcome(connector.deliver([before], signal));
    expect.soft(Array.isArray(earlier) && resultFor(earlier as DeliveryResult[], before)?.outcome, describeOutcome(earlier)).toBe('delivered');
    expect(readOn(fake, 11209), 'the earlier item’s note').toHaveLength(1);
    const entry = verdictEntry(lead, 'good_fit', undefined, ['Clear need'], '2026-12-07T16:30:00.000Z');
    refuseNext = true;
    const first = await deliverOutcome(connector.deliver([entry], signal));
    if (Array.isArray(first)) expect.soft(resultFor(first as DeliveryResult[], entry)?.outcome, 'nothing reached Mautic').not.toBe('delivered');
    expect(readOn(fake, 11209), 'still only the earlier note').toHaveLength(1);
    const second = await deliverOutcome(connector.deliver([{ ...entry, attempts: 1, unclear: true }], signal));
    expect(Array.isArray(second), describeOutcome(second)).toBe(true);
    expect.soft(resultFor(second as DeliveryResult[], entry)?.outcome, describeOutcome(second)).toBe('delivered');
    // The earlier item's note is not this item: taking it for this one would drop the rep's second verdict.
    expect.soft(readOn(fake, 11209), 'one note per item').toHaveLength(2);
  });

  // --- M110: merged between an unclear attempt and its resend -------------------------------------------------------

  it('M110: the note is stored on 11210 but the answer is lost; before the resend Mautic merges 11210 into 11211 (same address; LeadNoteRepository::updateLead moves the notes; 11210 answers 404): the resend finds the note on the survivor, writes nothing again, delivered', async () => {
    const fake = fakeMautic({ contacts: contactsOf(rafaelBefore) });
    let dropNext = true;
    rawServer((call) => {
      if (call.method === 'POST' && call.url.pathname === '/api/notes/new' && dropNext) {
        dropNext = false;
        fake.createNote(call);
        throw new TypeError('fetch failed: other side closed');
      }
      return fake.answer(call);
    });
    const connector = mt();
    const entry = verdictEntry({ email: 'rafael.souza@adventure-works.example', name: 'Rafael Souza', profileId: '11210' }, 'good_fit', 'Wants LGPD reports in Portuguese.', ['Right persona']);
    await deliverOutcome(connector.deliver([entry], signal));
    expect(readOn(fake, 11210), 'Mautic stored the first attempt').toHaveLength(1);
    // ContactMerger: the loser is deleted, its notes now belong to the winner.
    delete fake.contacts['11210'];
    Object.assign(fake.contacts, contactsOf(rafaelSurvivor));
    for (const note of fake.notes) if (note.lead === 11210) note.lead = 11211;
    const second = await deliverOutcome(connector.deliver([{ ...entry, attempts: 1, unclear: true }], signal));
    expect(Array.isArray(second), describeOutcome(second)).toBe(true);
    expect.soft(resultFor(second as DeliveryResult[], entry)?.outcome, describeOutcome(second)).toBe('delivered');
    expect.soft(fake.notes.map((note) => note.lead), 'notes in all, by contact').toEqual([11211]);
    expectNothingDestructive(fake);
  });

  // --- M111: feedback about a lead Mautic does not know -----------------------------------------------------------

  it('M111: a verdict, a content request and a prospect question about a lead Mautic does not know (no profile shown, the address is in no contact): none is called delivered without a note, none vanishes, and no contact is created for the person', async () => {
    const fake = fakeMautic({ contacts: contactsOf(kwame) });
    rawServer((call) => fake.answer(call));
    const lead = { email: 'yusuf.demir@margie-travel.example', name: 'Yusuf Demir' };
    const entries = [
      verdictEntry(lead, 'good_fit', 'Met at the Istanbul roadshow; wants a call in January.', ['Right persona']),
      entryFor(lead, { kind: 'content_request', text: 'Turkish-language KVKK compliance brief' }),
      entryFor(lead, { kind: 'prospect_question', text: 'Is there a data centre in Turkey?' }),
    ];
    const outcome = await deliverOutcome(mt().deliver(entries, signal));
    expect(Array.isArray(outcome), describeOutcome(outcome)).toBe(true);
    const results = outcome as DeliveryResult[];
    const texts = ['Met at the Istanbul roadshow; wants a call in January.', 'Turkish-language KVKK compliance brief', 'Is there a data centre in Turkey?'];
    entries.forEach((entry, index) => {
      const result = resultFor(results, entry);
      if (result?.outcome === 'delivered') {
        expect.soft(fake.notes.map((note) => asRead(note.text)).join(' || '), `"delivered": a note holds "${texts[index]}"`).toContain(texts[index]);
      } else {
        expect.soft(['retry', 'rejected'], `${texts[index]}: ${describeOutcome(result)}`).toContain(result?.outcome);
        expect.soft(errorOf(result).trim().length, 'the reason').toBeGreaterThan(0);
        expect.soft(errorOf(result)).not.toMatch(HTML_TAG);
      }
    });
    expect.soft(fake.notes.filter((note) => note.lead === 11202), 'nothing written on another person').toEqual([]);
    expectNothingDestructive(fake);
  });

  // --- M112: the connection test with an OAuth2 client Mautic no longer knows ---------------------------------------

  it('M112: the connection test with OAuth2 when the API client was deleted in Mautic (token request 400 `invalid_client` "The client credentials are invalid"): sign-in fails in Mautic’s words, nothing reported as working, no secret, nothing written', async () => {
    const calls = rawServer((call) =>
      call.url.pathname === TOKEN_PATH ? json(400, oauthInvalidClient) : json(401, error401Denied, { 'WWW-Authenticate': 'Bearer realm="Service"' }),
    );
    const checks = await mtOauth().testConnection(signal);
    expect.soft(checkOf(checks, 'auth')?.ok, report(checks)).toBe(false);
    expect.soft(checks.filter((entry) => entry.ok).map((entry) => entry.capability), 'capabilities reported as working').toEqual([]);
    expect.soft(report(checks), 'Mautic’s own words').toContain('The client credentials are invalid');
    expectCleanMessages(checks, CLIENT_SECRET);
    for (const call of calls) expect.soft(call.url.search, 'the secret is never in a URL').not.toContain(CLIENT_SECRET);
    expect.soft(calls.filter((call) => call.method === 'POST' && call.url.pathname === '/api/notes/new'), 'nothing written').toEqual([]);
  });

  // --- M113: a non-admin role on Mautic 4.4–6, where the notes API fails with the generic 500 -----------------------

  it('M113a: a non-admin API role on Mautic 4.4–6 (contacts full, assets view): every notes call and a permission check naming a permission Mautic does not have (`lead:notes:*` before 7.x) answer the generic 500 (PermissionNotFoundException, mautic/mautic#12110): sign-in and lookup work, writing is not reported as working, no HTML', async () => {
    const fake = fakeMautic({
      contacts: contactsOf(aiko),
      user: usersSelfSalesRole,
      assets: { total: 0, assets: [] },
      permissions: (asked) =>
        asked.every((permission) => MAUTIC6_LEAD_PERMISSIONS.has(permission))
          ? json(200, Object.fromEntries(asked.map((permission) => [permission, permission.startsWith('lead:leads:') || permission.startsWith('lead:lists:') || /^asset:assets:view/.test(permission)])))
          : json(500, error500Generic),
    });
    rawServer((call) => (call.url.pathname.startsWith('/api/notes') ? json(500, error500Generic) : fake.answer(call)));
    const checks = await mt().testConnection(signal);
    expect.soft(checkOf(checks, 'auth')?.ok, `the credentials work: ${report(checks)}`).toBe(true);
    expect.soft(checkOf(checks, 'lookup')?.ok, report(checks)).toBe(true);
    expect.soft(checkOf(checks, 'write')?.ok, `notes cannot be written by this user: ${report(checks)}`).toBe(false);
    expectCleanMessages(checks, MT_PASSWORD);
    expect.soft(fake.notes, 'the test writes no note').toEqual([]);
  });

  it('M113b: the same role delivering a verdict (POST /api/notes/new answers the generic 500): not delivered, not lost, a reason without HTML', async () => {
    const fake = fakeMautic({ contacts: contactsOf(aiko), user: usersSelfSalesRole });
    rawServer((call) => (call.url.pathname.startsWith('/api/notes') ? json(500, error500Generic) : fake.answer(call)));
    const entry = verdictEntry({ email: 'aiko.suzuki@fabrikam-japan.example', name: 'Aiko Suzuki', profileId: '11213' }, 'good_fit', 'Needs ISMAP evidence.', ['Clear need']);
    const outcome = await deliverOutcome(mt().deliver([entry], signal));
    expectNotDeliveredButKept(outcome, entry);
    expect.soft(fake.notes).toEqual([]);
  });

  // --- M114: the connection test under Mautic's rate limiter ---------------------------------------------------------

  it('M114: the connection test while Mautic’s rate limiter refuses every call (429, JSON served as text/html, `X-RateLimit-Reset` 40 minutes ahead): the lookup and the catalog are not reported as working, the report says it is a limit and not a wrong password, no HTML, nothing written', async () => {
    const reset = Math.floor(Date.now() / 1000) + 2400;
    const calls = rawServer(
      () =>
        new Response(JSON.stringify(error429), {
          status: 429,
          headers: { 'Content-Type': 'text/html; charset=UTF-8', 'X-RateLimit-Limit': '500', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
        }),
    );
    const checks = await mt().testConnection(signal);
    expect.soft(checkOf(checks, 'lookup')?.ok, report(checks)).toBe(false);
    expect.soft(checkOf(checks, 'content')?.ok ?? false, report(checks)).toBe(false);
    expect.soft(report(checks), 'the refusal told as a limit').toMatch(/rate|limit|429|too many/i);
    expect.soft(checkOf(checks, 'auth')?.message ?? '', 'not told as a wrong password').not.toMatch(/password|credential|invalid/i);
    expectCleanMessages(checks, MT_PASSWORD);
    expect.soft(calls.filter((call) => call.method === 'POST' && call.url.pathname === '/api/notes/new'), 'nothing written').toEqual([]);
  });

  // --- M115: the maintenance page on a lookup and on the connection test ------------------------------------------------

  it('M115a: the contact search answers the web server’s 503 maintenance page (`Retry-After: 600`): a server error or a wait, never "not in Mautic" or a sign-in problem, no HTML', async () => {
    rawServer(() => new Response(maintenancePage, { status: 503, headers: { 'Content-Type': 'text/html; charset=iso-8859-1', 'Retry-After': '600' } }));
    const outcome = await rejection(mt().findProfile(mtQuery('mei.chen@trey-research.example'), signal));
    expect(outcome, describeOutcome(outcome)).toBeInstanceOf(ConnectorError);
    const error = outcome as ConnectorError;
    expect.soft(['server', 'rate-limited', 'timeout'], describeOutcome(outcome)).toContain(error.kind);
    expect.soft(error.message).not.toMatch(HTML_TAG);
    if (error.retryAfterMs !== undefined) expect.soft(error.retryAfterMs, 'the wait Retry-After states').toBeGreaterThanOrEqual(590_000);
  });

  it('M115b: the connection test during the upgrade: nothing reported as working, no HTML, the sign-in not blamed on the password', async () => {
    rawServer(() => new Response(maintenancePage, { status: 503, headers: { 'Content-Type': 'text/html; charset=iso-8859-1', 'Retry-After': '600' } }));
    const checks = await mt().testConnection(signal);
    expect.soft(checks.filter((entry) => entry.ok).map((entry) => entry.capability), `capabilities reported as working: ${report(checks)}`).toEqual([]);
    expect.soft(checkOf(checks, 'auth')?.message ?? '', 'not told as a wrong password').not.toMatch(/password|credential/i);
    expectCleanMessages(checks, MT_PASSWORD);
  });

  // --- M116: the mapped CRM-id field was deleted by the admin ---------------------------------------------------------

  it('M116: the admin deleted the custom field mapped as the CRM id (`sfdc_lead_id`): Mautic drops the unknown `sfdc_lead_id:` search command and lists every contact (an anonymous visitor and a colleague first), and a `where` on the column fails with the generic 500: the lead is the contact with the page’s address, never another', async () => {
    const contacts = contactsOf(unfilteredList);
    const fake = fakeMautic({ contacts });
    const seen = rawServer((call) => fake.answer(call));
    const source = withMappings({ crmIdField: 'sfdc_lead_id', crm: 'salesforce' });
    const outcome = await rejection(mt(source).findProfile({ crm: 'salesforce', recordId: '00Q5e00000Nh4LqEAJ', email: 'noor.haddad@litware-capital.example' }, signal));
    const asked = seen.filter((call) => call.url.pathname === '/api/contacts').map((call) => decodeURIComponent(call.url.search)).join(' | ');
    if (outcome instanceof ConnectorError) {
      // A clear error is acceptable; another person is not.
      expect.soft(outcome.message).not.toMatch(HTML_TAG);
      return;
    }
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(Error);
    const profile = (outcome as { resolved: { id: string; name?: string } | null }).resolved;
    expect.soft(['11290', '11291'], `another person taken for the lead; Mautic was asked: ${asked}`).not.toContain(profile?.id);
    expect.soft(profile?.id, `the contact with the page’s address; Mautic was asked: ${asked}`).toBe('11216');
    if (profile) {
      const lead = wellFormed(profile as never);
      expect.soft(lead.name).toBe('Noor Haddad');
      expect.soft(lead.company).toBe('Litware Capital');
    }
    expect.soft(noor.contacts['11216'].fields.all.email).toBe('noor.haddad@litware-capital.example');
  });
});

