/**
 * Mautic variants, fourth set (M42…): answers and answer sequences Mautic 4, 5 and 6 really give that
 * the first three sets (vendor-variants.test.ts M01–M12, vendor-variants-mautic-2.test.ts M13–M26,
 * vendor-variants-mautic-3.test.ts M27–M41) do not have. The instance: one without URL rewriting
 * (the API under /index.php, the web server's own 404 page without it), a request sent to the login
 * page (302, which fetch follows to a 200 HTML page), PHP 8 deprecation notices printed before the
 * JSON, Mautic 5.0's empty contact objects, a contact deleted (or merged away) after the search listed
 * it. The activity: LeadTimelineEvent's paging (its limit is per event type, `total` the sum of all
 * types, `maxPages` the largest type's), a history above the panel's 5,000 page views, video hits
 * (page.videohit), a failed send and a read after a soft bounce (`openDetails` as {"bounces": …}),
 * admin links made absolute with site_url, HTML-encoded URLs and titles, the UTM row a form's
 * "Record UTM tags" action writes and its lead.utmtagsadded event, a form field whose alias is not
 * the contact field it writes. Mappings: a select field holding the time zone (value vs label). The
 * rep's own search for a correction (searchProfiles).
 *
 * Written from Mautic's source (mautic/mautic), the api-library and public issue threads, without
 * reading the connector's mapping or client code. Each expectation is what Mautic's documented meaning
 * says a rep should see; where the right answer is a product choice only what must hold is asserted
 * (nothing crashes, nothing is lost or invented, a clear error that is not "not in Mautic"). Shapes and
 * sources: test/fixtures/api/variants/README.md, section "mautic4/ (fourth set)".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MauticSourceSchema } from '@/lib/schema/sources';
import type { LeadProfile } from '@/lib/schema';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import leilani from '@/test/fixtures/api/variants/mautic4/contacts-leilani.json';
import activityLeilani from '@/test/fixtures/api/variants/mautic4/activity-leilani.json';
import oauthToken from '@/test/fixtures/api/variants/mautic4/oauth-token.json';
import emptyObjects from '@/test/fixtures/api/variants/mautic4/contacts-empty-objects.json';
import deletedBetween from '@/test/fixtures/api/variants/mautic4/contacts-deleted-between.json';
import itemNotFound from '@/test/fixtures/api/variants/mautic4/error-404-item-not-found.json';
import perTypeTemplate from '@/test/fixtures/api/variants/mautic4/activity-per-type-template.json';
import videoHits from '@/test/fixtures/api/variants/mautic4/activity-video-hits.json';
import emailFailedBounce from '@/test/fixtures/api/variants/mautic4/activity-email-failed-bounce.json';
import adminHrefs from '@/test/fixtures/api/variants/mautic4/activity-admin-hrefs.json';
import encodedUrlsTitles from '@/test/fixtures/api/variants/mautic4/activity-encoded-urls-titles.json';
import formUtm from '@/test/fixtures/api/variants/mautic4/contacts-form-utm.json';
import activityFormUtm from '@/test/fixtures/api/variants/mautic4/activity-form-utm.json';
import challengeMapped from '@/test/fixtures/api/variants/mautic4/contacts-challenge-mapped.json';
import formAliasDiffers from '@/test/fixtures/api/variants/mautic4/activity-form-alias-differs.json';
import selectTimezone from '@/test/fixtures/api/variants/mautic4/contacts-select-timezone.json';
import searchObrien from '@/test/fixtures/api/variants/mautic4/contacts-search-obrien.json';
import { createMauticConnector } from './mautic';
import { ConnectorError, type ConnectorErrorKind } from './types';
import type { FakeRoute } from '@/test/support/fake-fetch';
import { json, rawServer, withMappings } from '@/test/support/vendor-variants';
import { instant, MT_ACTIVITY, MT_BASE, MT_PASSWORD as PASSWORD, mt, mtActivity, mtList, mtQuery, rejection, resetBetweenTests, serve, signal, wellFormed } from '@/test/support/vendor-variants';

const FIXTURES = 'test/fixtures/api/variants/mautic4';
/** Apache's own 404 page: what /api/… gets on a server without URL rewriting (Mautic is never reached). */
const apache404 = readFileSync(`${FIXTURES}/error-404-apache.html`, 'utf8');
/** Mautic's login page (/s/login). */
const loginPage = readFileSync(`${FIXTURES}/login-page.html`, 'utf8');
/** PHP 8's deprecation notices (display_errors on, html_errors) printed before the JSON. */
const deprecationNotices = readFileSync(`${FIXTURES}/php-deprecation-notices.html`, 'utf8');


// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

resetBetweenTests();

/** HTML entities as Mautic stores them (`&amp;`, `&quot;`, `&#39;`, `&#039;`, `&#38;`), which a rep must never read. */
const ENTITY = /&(amp|quot|lt|gt|apos|#\d+|#x[0-9a-f]+);/i;
/** An HTML tag or doctype: what a message or gap must not carry from an HTML page. */
const HTML_TAG = /<[a-z!/]/i;

const LEILANI_EMAIL = 'leilani.kahale@fabrikam-robotics.example';
const leilaniQuery = mtQuery(LEILANI_EMAIL);
const leilaniContact = leilani.contacts['5201'];

/**
 * A failure the rep's panel can word: a ConnectorError (never a raw TypeError or SyntaxError), of one of
 * `kinds` when given, its message free of HTML and of the password.
 */
function expectClearError(outcome: unknown, kinds?: ConnectorErrorKind[]): ConnectorError {
  expect(outcome, outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : JSON.stringify(outcome)?.slice(0, 300)).toBeInstanceOf(ConnectorError);
  const error = outcome as ConnectorError;
  if (kinds) expect.soft(kinds, `kind "${error.kind}": ${error.message}`).toContain(error.kind);
  expect.soft(error.message, 'the message carries HTML').not.toMatch(HTML_TAG);
  expect.soft(error.message.length, error.message).toBeLessThan(500);
  expect.soft(error.message).not.toContain(PASSWORD);
  return error;
}

// ---------------------------------------------------------------------------------------------
// The raw fake server (rawServer in the harness) for the cases the route fake cannot express.

const html = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/html; charset=UTF-8' } });
/** What fetch gives after following a redirect: the last answer, `redirected` set, `url` the final address. */
function followed(response: Response, finalUrl: string): Response {
  Object.defineProperty(response, 'redirected', { value: true });
  Object.defineProperty(response, 'url', { value: finalUrl });
  return response;
}

/** A route whose answer is computed from the request (Mautic's timeline paging), on the shared fake. */
function computed(path: string | RegExp, answer: (url: URL) => unknown): FakeRoute {
  let asked: URL | undefined;
  return {
    method: 'GET',
    path,
    when: (url) => {
      asked = url;
      return true;
    },
    get body() {
      return answer(asked!);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Mautic's timeline as LeadTimelineEvent pages it (LeadBundle/Event/LeadTimelineEvent.php): every event
// type is queried with the same LIMIT/OFFSET (the limit is per type), the page holds each type's slice
// merged and sorted, `total` is the sum of every type's count and `maxPages` the largest type's count
// over the limit. `limit` defaults to 25 (LeadApiController::getAllActivityAction).

type TimelineEvent = Record<string, any>;
const template = perTypeTemplate as unknown as {
  hit: TimelineEvent;
  read: TimelineEvent;
  download: TimelineEvent;
  form: TimelineEvent;
  pages: { url: string; title: string }[];
  emails: { name: string; subject: string }[];
  downloads: { at: string; assetId: number; title: string; alias: string }[];
  forms: { at: string; formId: number; name: string; alias: string; message: string }[];
};
const atom = (ms: number) => new Date(ms).toISOString().replace('.000Z', '+00:00');
const sqlUtc = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const MINUTE = 60_000;
const HITS_FROM = Date.parse('2026-12-01T15:00:00Z');
const READS_FROM = Date.parse('2026-11-30T08:10:00Z');

/** `count` page hits, newest first, one every `stepMinutes` back from 2026-12-01 15:00 UTC, cycling through the template's pages. */
function pageHits(count: number, stepMinutes: number): TimelineEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const page = template.pages[index % template.pages.length]!;
    const previous = template.pages[(index + 1) % template.pages.length]!;
    const when = atom(HITS_FROM - index * stepMinutes * MINUTE);
    const id = 500_000 + count - index;
    const event = structuredClone(template.hit);
    event.eventId = id;
    event.timestamp = when;
    event.eventLabel = { label: page.title, href: page.url, isExternal: true };
    Object.assign(event.details.hit, {
      hitId: String(id),
      dateHit: when,
      url: page.url,
      urlTitle: page.title,
      referer: index + 1 < count ? previous.url : 'https://www.bing.com/',
      query: { page_url: page.url, page_title: page.title },
    });
    return event;
  });
}
/** `count` e-mail reads, one every two days back from 2026-11-30 08:10 UTC, each a different send. */
function emailReads(count: number): TimelineEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const email = template.emails[index % template.emails.length]!;
    const readMs = READS_FROM - index * 2 * 24 * 60 * MINUTE;
    const sentMs = readMs - (5 * 60 + 31) * MINUTE;
    const statId = String(90_000 + count - index);
    const idHash = `6740${(count - index).toString(16).padStart(9, '0')}`;
    const event = structuredClone(template.read);
    event.eventId = `email.read${statId}`;
    event.timestamp = atom(readMs);
    event.eventLabel = { label: email.name, href: `https://mautic.keyline.example/email/view/${idHash}`, isExternal: true };
    Object.assign(event.details.stat, {
      id: statId,
      email_id: String(60 + (index % template.emails.length)),
      email_name: email.name,
      subject: email.subject,
      storedSubject: email.subject,
      dateRead: atom(readMs),
      dateSent: atom(sentMs),
      idHash,
      openDetails: [{ datetime: sqlUtc(readMs), useragent: event.details.stat.openDetails[0].useragent, inBrowser: false }],
    });
    return event;
  });
}
function downloads(): TimelineEvent[] {
  return template.downloads.map((item, index) => {
    const event = structuredClone(template.download);
    event.eventId = `asset.download${41_000 + index}`;
    event.timestamp = item.at;
    event.eventLabel = { label: item.title, href: `/s/assets/view/${item.assetId}` };
    event.details.asset = { id: item.assetId, title: item.title, alias: item.alias, category: null };
    event.details.assetDownloadUrl = `https://mautic.keyline.example/asset/${item.assetId}:${item.alias}`;
    return event;
  });
}
function formSubmissions(count = template.forms.length): TimelineEvent[] {
  return template.forms.slice(0, count).map((item, index) => {
    const event = structuredClone(template.form);
    const form = { id: item.formId, name: item.name, alias: item.alias };
    event.eventId = `form.submitted${13_000 + index}`;
    event.timestamp = item.at;
    event.eventLabel = { label: item.name, href: `/s/forms/view/${item.formId}` };
    Object.assign(event.details.submission, { id: 13_000 + index, form, dateSubmitted: item.at });
    event.details.submission.results = { ...event.details.submission.results, form_id: String(item.formId), message: item.message };
    event.details.form = form;
    return event;
  });
}

/** The query parameters whose name starts with `prefix` ("order", "filters[includeEvents]"), as PHP reads `order[0]`, `order[]`. */
const arrayParam = (url: URL, prefix: string) => [...url.searchParams.entries()].filter(([key]) => key === prefix || key.startsWith(`${prefix}[`)).map(([, value]) => value);

/** GET /api/contacts/{id}/activity as Mautic computes it from each type's full, newest-first list. */
function timelineRoute(byType: Record<string, TimelineEvent[]>): FakeRoute {
  return computed(MT_ACTIVITY, (url) => {
    const limitParam = Number.parseInt(url.searchParams.get('limit') ?? '25', 10);
    const limit = Number.isNaN(limitParam) ? 0 : limitParam;
    const pageParam = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
    const page = Number.isNaN(pageParam) ? 1 : pageParam;
    const ascending = arrayParam(url, 'order').some((value) => value.toUpperCase() === 'ASC');
    const include = arrayParam(url, 'filters[includeEvents]');
    const exclude = arrayParam(url, 'filters[excludeEvents]');
    const applicable = Object.entries(byType).filter(([type]) => !exclude.includes(type) && (include.length === 0 || include.includes(type)));
    const start = page <= 1 ? 0 : (page - 1) * limit;
    const byTime = (a: TimelineEvent, b: TimelineEvent) => (ascending ? 1 : -1) * (Date.parse(a.timestamp) - Date.parse(b.timestamp));
    const events = applicable.flatMap(([, list]) => {
      const sorted = [...list].sort(byTime);
      return limit > 0 ? sorted.slice(start, start + limit) : sorted;
    });
    events.sort(byTime);
    const largest = Math.max(0, ...applicable.map(([, list]) => list.length));
    return {
      events,
      filters: { search: '', includeEvents: include, excludeEvents: exclude },
      order: ['timestamp', ascending ? 'ASC' : 'DESC'],
      types: activityEmpty.types,
      total: applicable.reduce((sum, [, list]) => sum + list.length, 0),
      page,
      limit,
      maxPages: largest && limit > 0 ? Math.ceil(largest / limit) : 1,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Mautic

describe('Mautic variants, fourth set (Mautic 4/5/6 as it answers)', () => {
  // --- M42: an instance without URL rewriting --------------------------------------------------

  const REWRITELESS = 'https://crm.keyline.example';
  const CLIENT_ID = '7_2k9x4mqz1c0ks8ow0gw4o8c4kc8wsc0g00kc4s44wcck8ss0k';
  const CLIENT_SECRET = '1t8v0n6q3ls0wk04wcs48kowk40oc8c4w0o4ggkgs4ck8kcgw8';
  /**
   * Apache without mod_rewrite: Mautic answers only under /index.php/…; any other path gets the web
   * server's own 404 page and never reaches Mautic.
   */
  const rewritelessMautic = () =>
    rawServer((call) => {
      const path = call.url.pathname;
      if (!path.startsWith('/index.php/')) return html(404, apache404);
      const route = path.slice('/index.php'.length);
      if (route === '/oauth/v2/token') return call.method === 'POST' ? json(200, oauthToken) : json(405, { errors: [{ message: 'Method Not Allowed', code: 405, type: null }] });
      const authorization = call.headers.get('Authorization') ?? '';
      const signedIn = authorization.startsWith('Basic ') || authorization === `Bearer ${oauthToken.access_token}`;
      if (!signedIn) return json(401, { errors: [{ message: 'API authorization denied.', code: 401, type: 'access_denied' }] });
      if (route === '/api/contacts') return json(200, leilani);
      if (route === '/api/contacts/5201') return json(200, { contact: leilaniContact });
      if (route === '/api/contacts/5201/activity') return json(200, (call.url.searchParams.get('page') ?? '1') === '1' ? activityLeilani : activityEmpty);
      return json(404, { errors: [{ message: `Requested URL not found: ${path}`, code: 404, type: null }] });
    });

  it('M42a: base URL https://crm.keyline.example/index.php (no URL rewriting): the lead is read, every call under /index.php/', async () => {
    const calls = rewritelessMautic();
    const source = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: `${REWRITELESS}/index.php`, auth: { method: 'basic', username: 'leadside-api' } });
    const outcome = await rejection(mt(source).findProfile(leilaniQuery, signal));
    const paths = calls.map((call) => `${call.method} ${call.url.pathname}`);
    expect(outcome, `requested: ${paths.join(', ')}`).not.toBeInstanceOf(Error);
    const profile = wellFormed((outcome as { resolved: LeadProfile | null }).resolved);
    expect.soft(profile.id).toBe('5201');
    expect.soft(profile.name).toBe('Leilani Kahale');
    expect.soft(profile.pageViews.map((view) => view.url).sort()).toEqual(['https://www.keyline.example/', 'https://www.keyline.example/pricing']);
    expect.soft(profile.problems.map((problem) => problem.form)).toEqual(['Contact sales']);
    expect.soft(calls.every((call) => call.url.pathname.startsWith('/index.php/')), paths.join(', ')).toBe(true);
  });

  it('M42b: OAuth2 on the same instance: the token is asked for at /index.php/oauth/v2/token, the lead read', async () => {
    const calls = rewritelessMautic();
    const source = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: `${REWRITELESS}/index.php`, auth: { method: 'oauth2', clientId: CLIENT_ID } });
    const outcome = await rejection(createMauticConnector(source, { clientSecret: CLIENT_SECRET }).findProfile(leilaniQuery, signal));
    const paths = calls.map((call) => `${call.method} ${call.url.pathname}`);
    expect(outcome, `requested: ${paths.join(', ')}`).not.toBeInstanceOf(Error);
    expect.soft(wellFormed((outcome as { resolved: LeadProfile | null }).resolved).id).toBe('5201');
    expect.soft(paths).toContain('POST /index.php/oauth/v2/token');
    expect.soft(calls.every((call) => call.url.pathname.startsWith('/index.php/')), paths.join(', ')).toBe(true);
  });

  it('M42c: base URL without /index.php on that server (Apache’s HTML 404 for /api/contacts): never "not in Mautic"', async () => {
    const calls = rewritelessMautic();
    const source = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: REWRITELESS, auth: { method: 'basic', username: 'leadside-api' } });
    const outcome = await rejection(mt(source).findProfile(leilaniQuery, signal));
    const paths = calls.map((call) => `${call.method} ${call.url.pathname}`).join(', ');
    // Mautic was never asked: a 404 from the web server says nothing about the lead.
    expect(outcome, `a web-server 404 read as "no such contact" (requested: ${paths})`).not.toEqual({ resolved: null });
    if (outcome instanceof Error) expect.soft(expectClearError(outcome).kind).not.toBe('not-found');
    // A connector that finds the API under /index.php itself shows the lead.
    else expect.soft(wellFormed((outcome as { resolved: LeadProfile | null }).resolved).id).toBe('5201');
  });

  // --- M43: a request sent to the login page ----------------------------------------------------

  /** Every API request is redirected (302) to /s/login, whose page answers 200 text/html; fetch follows unless told not to. */
  const loginRedirects = () =>
    rawServer((call) => {
      const login = `${MT_BASE}/s/login`;
      if (call.url.pathname === '/s/login') return html(200, loginPage);
      if (call.redirect === 'manual') return new Response(null, { status: 302, headers: { Location: login, 'Content-Type': 'text/html; charset=UTF-8' } });
      if (call.redirect === 'error') throw new TypeError('fetch failed: unexpected redirect');
      return followed(html(200, loginPage), login);
    });

  it('M43a: the search is redirected to the login page (a 200 HTML page once followed): a clear error, not "not in Mautic"', async () => {
    loginRedirects();
    const outcome = await rejection(mt().findProfile(leilaniQuery, signal));
    expect(outcome, 'the login page read as "no such contact"').not.toEqual({ resolved: null });
    expectClearError(outcome, ['auth', 'malformed', 'rejected']);
  });

  it('M43b: the connection test on that instance reports nothing as working, and no HTML', async () => {
    loginRedirects();
    const checks = await mt().testConnection(signal);
    expect.soft(checks.length).toBeGreaterThan(0);
    expect.soft(checks.filter((check) => check.ok).map((check) => `${check.capability}: ${check.message}`), 'capabilities reported as working').toEqual([]);
    for (const check of checks) expect.soft(check.message, check.capability).not.toMatch(HTML_TAG);
  });

  // --- M44: PHP deprecation notices before the JSON -------------------------------------------

  it('M44: 200 answers preceded by PHP 8 "Deprecated" notices (display_errors on): the lead, or a clear error; never "not in Mautic"', async () => {
    const noisy = (path: string | RegExp, body: unknown, when?: FakeRoute['when']): FakeRoute => ({
      method: 'GET',
      path,
      when,
      text: `${deprecationNotices}${JSON.stringify(body)}`,
      // The notices went out before Symfony could set its header: PHP's default content type.
      headers: { 'Content-Type': 'text/html; charset=UTF-8' },
    });
    serve([
      noisy('/api/contacts', leilani),
      noisy('/api/contacts/5201', { contact: leilaniContact }),
      noisy(MT_ACTIVITY, activityLeilani, (url) => (url.searchParams.get('page') ?? '1') === '1'),
      noisy(MT_ACTIVITY, activityEmpty),
    ]);
    const outcome = await rejection(mt().findProfile(leilaniQuery, signal));
    expect(outcome, 'notices before the JSON read as "no such contact"').not.toEqual({ resolved: null });
    if (outcome instanceof Error) expectClearError(outcome, ['malformed', 'server']);
    else {
      const profile = wellFormed((outcome as { resolved: LeadProfile | null }).resolved);
      expect.soft(profile.id).toBe('5201');
      expect.soft(profile.name).toBe('Leilani Kahale');
      expect.soft(JSON.stringify(profile)).not.toMatch(/Deprecated|ReturnTypeWillChange/);
    }
  });

  // --- M45: Mautic 5.0's empty contact objects --------------------------------------------------

  it('M45a: Mautic 5.0 lists the match as an empty object ({"total": 1, "contacts": {"5245": {}}}): a clear error, neither a blank lead nor "not in Mautic"', async () => {
    serve([...mtList(emptyObjects), ...mtActivity(activityEmpty)]);
    const outcome = await rejection(mt().findProfile(mtQuery('kofi.boateng@adatum.example'), signal));
    // The search was for this exact address and Mautic counts one contact with it (id 5245): "not in Mautic"
    // would be false, and a blank profile would be nobody's. Only an error tells the admin what happened.
    expect(outcome, 'Mautic says it knows this contact').not.toEqual({ resolved: null });
    expectClearError(outcome, ['malformed', 'server']);
  });

  it('M45b: GET /api/contacts/5245 answers {"contact": {}}: a clear error, not "gone"', async () => {
    serve([...mtList(emptyObjects), ...mtActivity(activityEmpty)]);
    const outcome = await rejection(mt().getProfile('5245', signal));
    expect(outcome, 'a contact Mautic answered 200 for is not gone').not.toEqual({ resolved: null });
    expectClearError(outcome, ['malformed', 'server']);
  });

  // --- M46: a contact deleted (or merged away) after the search listed it ----------------------

  const notFound = (path: string | RegExp): FakeRoute => ({ method: 'GET', path, status: 404, body: itemNotFound });

  it('M46a: the rep’s chosen match was deleted or merged away (404 "Item was not found."): getProfile answers null', async () => {
    serve([notFound('/api/contacts/5246'), notFound(MT_ACTIVITY)]);
    expect(await rejection(mt().getProfile('5246', signal))).toEqual({ resolved: null });
  });

  it('M46b: the search lists 5246, then its record and activity answer 404: nobody, or that contact with a gap, no pages invented', async () => {
    serve([{ method: 'GET', path: '/api/contacts', body: deletedBetween }, notFound('/api/contacts/5246'), notFound(MT_ACTIVITY)]);
    const outcome = await rejection(mt().findProfile(mtQuery('ingrid.solberg@nordlys-energi.example'), signal));
    if (outcome instanceof Error) {
      expect.soft(expectClearError(outcome).kind).toBe('not-found');
      return;
    }
    const resolved = (outcome as { resolved: LeadProfile | null }).resolved;
    if (resolved === null) return;
    const profile = wellFormed(resolved);
    expect.soft(profile.id).toBe('5246');
    expect.soft(profile.pageViews).toEqual([]);
    expect.soft(profile.activities ?? []).toEqual([]);
    expect.soft(profile.gaps?.length ?? 0, 'shown as if its history were empty').toBeGreaterThan(0);
  });

  // --- M47/M48: big timelines as Mautic pages them ----------------------------------------------

  it('M47: 260 hits, 150 e-mail reads, 3 downloads, 2 forms paged per type (a page holds up to `limit` of each): all read, newest first', async () => {
    const hits = pageHits(260, 47);
    const reads = emailReads(150);
    serve([...mtList(leilani), timelineRoute({ 'page.hit': hits, 'email.read': reads, 'asset.download': downloads(), 'form.submitted': formSubmissions() })]);
    const profile = wellFormed(await mt().findProfile(leilaniQuery, signal));
    expect.soft(profile.pageViews).toHaveLength(260);
    const viewed = new Set(profile.pageViews.map((view) => instant(view.viewedAt)));
    expect.soft(viewed.has(Date.parse(hits.at(-1)!.timestamp)), 'the oldest page hit').toBe(true);
    expect.soft(viewed.has(Date.parse(hits[0]!.timestamp)), 'the newest page hit').toBe(true);
    const activities = profile.activities ?? [];
    const kinds = activities.reduce<Record<string, number>>((count, item) => ({ ...count, [item.kind]: (count[item.kind] ?? 0) + 1 }), {});
    expect.soft(kinds).toEqual({ email_open: 150, download: 3, form_submission: 2 });
    const times = activities.map((item) => Date.parse(item.at));
    expect.soft(times, 'activities newest first').toEqual([...times].sort((a, b) => b - a));
    expect.soft(times, 'the oldest e-mail read').toContain(Date.parse(reads.at(-1)!.timestamp));
    expect.soft(instant(activities.find((item) => item.title === 'Keyline security whitepaper')?.at), 'the oldest download').toBe(Date.parse('2026-05-02T16:45:00Z'));
    expect.soft(profile.problems.map((problem) => problem.form).sort()).toEqual(['Contact sales', 'Webinar registration']);
  });

  it('M48: 6,100 page hits (above the panel’s 5,000): the newest kept, and a shortened history says so', async () => {
    const hits = pageHits(6100, 20);
    serve([...mtList(leilani), timelineRoute({ 'page.hit': hits, 'form.submitted': formSubmissions(1) })]);
    const profile = wellFormed(await mt().findProfile(leilaniQuery, signal));
    const kept = profile.pageViews.map((view) => instant(view.viewedAt)!);
    expect.soft(kept.length).toBeGreaterThan(0);
    expect.soft(kept, 'the newest page hit').toContain(Date.parse(hits[0]!.timestamp));
    if (kept.length < 5000) expect.soft(profile.gaps?.length ?? 0, `${kept.length} of 6,100 page views, with no word that the rest is missing`).toBeGreaterThan(0);
    else expect.soft(Math.min(...kept), 'the 5,000 kept are the newest').toBeGreaterThanOrEqual(Date.parse(hits[4999]!.timestamp));
    expect.soft(profile.problems.map((problem) => problem.form)).toEqual(['Contact sales']);
  });

  // --- M49–M52: what the activity holds ---------------------------------------------------------

  it('M49: video hits (page.videohit: a YouTube url, the page as referer, label "Video view event", no contactId) are not pages read', async () => {
    serve([...mtList(leilani), ...mtActivity(videoHits)]);
    const profile = wellFormed(await mt().findProfile(leilaniQuery, signal));
    expect.soft(profile.pageViews.map((view) => view.url).sort()).toEqual(['https://www.keyline.example/pricing', 'https://www.keyline.example/product/tour']);
    expect.soft(profile.pageViews.map((view) => view.title).sort()).toEqual(['Pricing – Keyline', 'Product tour – Keyline']);
    const shown = JSON.stringify({ pages: profile.pageViews, activities: profile.activities ?? [] });
    expect.soft(shown).not.toContain('youtube.com');
    expect.soft(shown).not.toContain('Video view event');
  });

  it('M50: a failed send (email.failed, openDetails {"bounces": […]}) is no open; a read after a soft bounce ({"bounces": […], "0": {…}}) is one', async () => {
    serve([...mtList(leilani), ...mtActivity(emailFailedBounce)]);
    const profile = wellFormed(await mt().findProfile(leilaniQuery, signal));
    const opens = (profile.activities ?? []).filter((item) => item.kind === 'email_open');
    expect.soft(opens.map((item) => item.title)).toEqual(['November webinar recap']);
    expect.soft(instant(opens[0]?.at)).toBe(Date.parse('2026-11-20T14:31:09Z'));
    if (opens[0]?.sentAt !== undefined) expect.soft(instant(opens[0].sentAt)).toBe(Date.parse('2026-11-20T09:00:00Z'));
    expect.soft(JSON.stringify(profile.activities ?? [])).not.toContain('December product update');
  });

  it('M51: downloads and forms whose eventLabel.href is an admin page made absolute with site_url (/s/assets/view/15): no activity links into Mautic’s admin', async () => {
    serve([...mtList(leilani), ...mtActivity(adminHrefs)]);
    const profile = wellFormed(await mt().findProfile(leilaniQuery, signal));
    const activities = profile.activities ?? [];
    expect.soft(activities.map((item) => [item.kind, item.title]).sort()).toEqual([
      ['download', 'ISO 27001 readiness checklist'],
      ['form_submission', 'Contact sales'],
    ]);
    for (const item of activities) if (item.url !== undefined) expect.soft(new URL(item.url).pathname, `${item.kind} links to ${item.url}`).not.toMatch(/^\/s\//);
    const asset = activities.find((item) => item.kind === 'download');
    if (asset?.url !== undefined) expect.soft(asset.url).toBe('https://mautic.keyline.example/asset/15:iso-27001-readiness-checklist');
    expect.soft(profile.pageViews.map((view) => view.url)).toEqual(['https://www.keyline.example/pricing']);
  });

  it('M52: a hit url stored with "&#38;" (mautic/mautic#5253), encoded page title, asset title and e-mail name: all read as written', async () => {
    serve([...mtList(leilani), ...mtActivity(encodedUrlsTitles)]);
    const profile = wellFormed(await mt().findProfile(leilaniQuery, signal));
    expect.soft(profile.pageViews.map((view) => [view.url, view.title])).toEqual([
      ['https://www.keyline.example/pricing?utm_source=facebook&utm_medium=social&utm_campaign=q4-retarget', "Keyline's pricing & plans"],
    ]);
    const activities = profile.activities ?? [];
    expect.soft(activities.find((item) => item.kind === 'download')?.title).toBe('SOC 2 & ISO 27001 mapping');
    const open = activities.find((item) => item.kind === 'email_open');
    expect.soft(open?.title).toBe('Q&A: "continuous" audits');
    if (open?.subject !== undefined) expect.soft(open.subject).toBe('Your questions on "continuous" audits, answered');
    expect.soft(JSON.stringify({ pages: profile.pageViews, activities })).not.toMatch(ENTITY);
  });

  // --- M53/M54: what forms write ----------------------------------------------------------------

  it('M53: the UTM row a form’s "Record UTM tags" action writes (url "/form/submit?formId=3", the page in referer) and its lead.utmtagsadded event', async () => {
    serve([...mtList(formUtm), ...mtActivity(activityFormUtm)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('mateus.oliveira@litware-logistica.example'), signal));
    expect.soft(profile.source.channel).toBe('paid_search');
    expect.soft(profile.source.campaign).toBe('brand-emea');
    expect.soft(profile.source.utm).toMatchObject({ source: 'google', medium: 'cpc', campaign: 'brand-emea', term: 'soc2 software' });
    // The row's url is Mautic's form endpoint, which the lead never viewed; the page they landed on is its referer.
    const firstPage = profile.source.firstPage;
    if (firstPage !== undefined) {
      expect.soft(new URL(firstPage).host, firstPage).toBe('www.keyline.example');
      expect.soft(new URL(firstPage).pathname, firstPage).toBe('/demo');
    }
    // The UTM event repeats the landing that the page hit already records: one page read, not two.
    expect.soft(profile.pageViews.map((view) => view.url)).toEqual([
      'https://www.keyline.example/demo?utm_source=google&utm_medium=cpc&utm_campaign=brand-emea&utm_term=soc2+software',
    ]);
    expect.soft((profile.activities ?? []).map((item) => [item.kind, item.title])).toEqual([['form_submission', 'Request a demo']]);
    expect.soft(profile.problems.map((problem) => problem.text)).toEqual(['We run 40 warehouses and need SOC 2 evidence from each site without visiting them.']);
  });

  it('M54: the form field "your_biggest_challenge" writes the mapped contact field "biggest_challenge": the lead’s words once, dated by the submission', async () => {
    serve([...mtList(challengeMapped), ...mtActivity(formAliasDiffers)]);
    const profile = wellFormed(await mt(withMappings({ problem: 'biggest_challenge' })).findProfile(mtQuery('priyanka.desai@tailwind-traders.example'), signal));
    const words = 'Our auditors want proof that the same access review covers SOC 2 and ISO 27001, and we keep two spreadsheets for it.';
    const same = profile.problems.filter((problem) => problem.text === words);
    expect.soft(same, JSON.stringify(profile.problems)).toHaveLength(1);
    expect.soft(instant(same[0]?.submittedAt)).toBe(Date.parse('2026-11-21T10:30:00Z'));
  });

  // --- M55: a select field mapped as the time zone ----------------------------------------------

  it('M55: the time zone mapped to a select field (value "America/Chicago", normalizedValue "US Central (Chicago)"): America/Chicago', async () => {
    serve([...mtList(selectTimezone), ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt(withMappings({ timeZone: 'contact_timezone' })).findProfile(mtQuery('marcus.webb@proseware-freight.example'), signal));
    expect.soft(profile.name).toBe('Marcus Webb');
    expect.soft(profile.contact.timeZone).toBe('America/Chicago');
  });

  // --- M56: the rep's own search ------------------------------------------------------------------

  it('M56: the rep’s search ("obrien"): one line per contact, names and companies decoded, no "null" for a contact with only an address', async () => {
    serve(mtList(searchObrien));
    const results = await mt().searchProfiles('obrien', signal);
    const byId = Object.fromEntries(results.map((summary) => [summary.id, summary]));
    expect.soft(Object.keys(byId).sort()).toEqual(['5261', '5262', '5263']);
    expect.soft(byId['5261']).toMatchObject({ name: 'Siobhán O\'Brien', email: 'siobhan.obrien@smith-son.example', company: 'Smith & Søn ApS' });
    expect.soft(byId['5262']?.email).toBe('s.obrien@contoso.example');
    expect.soft(byId['5263']).toMatchObject({ name: 'Seán O\'Brien', email: 'sean@obrien-consulting.example' });
    expect.soft(byId['5263']?.company || undefined, 'an empty company').toBeUndefined();
    const shown = JSON.stringify(results);
    expect.soft(shown).not.toMatch(ENTITY);
    expect.soft(shown).not.toMatch(/\bnull\b|\bundefined\b/);
  });
});
