/**
 * HubSpot vendor variants, fourth set (H43…H57): payloads and answer sequences HubSpot really sends
 * that the first three sets (vendor-variants.test.ts H01–H12, vendor-variants-hubspot-2.test.ts
 * H13–H27, vendor-variants-hubspot-3.test.ts H28–H42) do not have: record ids above 2^32 (strings in
 * the CRM, numbers in the events API), values with stray whitespace, a rich-text (HTML) property mapped
 * as the problem, a single visit whose latest source is the original one, the IP-derived time zone
 * beside `hs_timezone`, UTMs percent-encoded as HubSpot's own e-mail links and the tracking code store
 * them, form GUIDs and conversion names beside the form message, a 200 with a proxy's HTML sign-in page,
 * HubSpot's own HTML 404 page, a search answering 400 for a property the admin deleted, the 10,000-result
 * search cap, a record id of another portal, two tokens for two portals, a token routed to the wrong
 * hublet (488) and 429s of the SECONDLY and DAILY policies. Written from HubSpot's documents, SDK issue
 * threads, changelogs and public integration code, without reading the connector's mapping or client:
 * each expectation is what HubSpot's documented meaning says a rep should see, or what must hold
 * (nothing crashes, nothing is lost, a clear specific error, a retry where HubSpot says to wait); where
 * the answer is a product choice only what must hold is asserted. Shapes and sources:
 * test/fixtures/api/variants/README.md, section "hubspot4/ (fourth set)".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { HubSpotSourceSchema, type LeadProfile } from '@/lib/schema';
import searchEmpty from '@/test/fixtures/api/hubspot/contacts-search-empty.json';
import hsNotFound from '@/test/fixtures/api/hubspot/error-404.json';
import bigSearch from '@/test/fixtures/api/variants/hubspot4/search-104857600143.json';
import bigContact from '@/test/fixtures/api/variants/hubspot4/contact-104857600143.json';
import bigEvents from '@/test/fixtures/api/variants/hubspot4/events-104857600143.json';
import paddedValues from '@/test/fixtures/api/variants/hubspot4/contact-64044-padded-values.json';
import richText from '@/test/fixtures/api/variants/hubspot4/contact-64045-rich-text.json';
import painPointsProperty from '@/test/fixtures/api/variants/hubspot4/property-pain_points.json';
import singleTouch from '@/test/fixtures/api/variants/hubspot4/contact-64046-single-touch.json';
import ipTimezoneOnly from '@/test/fixtures/api/variants/hubspot4/contact-64047-ip-timezone-only.json';
import ipTimezoneDiffers from '@/test/fixtures/api/variants/hubspot4/contact-64147-ip-timezone-differs.json';
import hsEmailUtms from '@/test/fixtures/api/variants/hubspot4/contact-64048-hs-email-utms.json';
import paidSearchPlus from '@/test/fixtures/api/variants/hubspot4/contact-64148-paid-search-plus.json';
import twoForms from '@/test/fixtures/api/variants/hubspot4/contact-64049-two-forms.json';
import formAndPages from '@/test/fixtures/api/variants/hubspot4/events-64049-form-and-pages.json';
import contact64050 from '@/test/fixtures/api/variants/hubspot4/contact-64050.json';
import searchProblem400 from '@/test/fixtures/api/variants/hubspot4/error-400-search-problem.json';
import search64052 from '@/test/fixtures/api/variants/hubspot4/search-64052.json';
import noMappedProperty from '@/test/fixtures/api/variants/hubspot4/contact-64052-no-mapped-property.json';
import capTemplate from '@/test/fixtures/api/variants/hubspot4/search-cap-template.json';
import searchCap400 from '@/test/fixtures/api/variants/hubspot4/error-400-search-cap.json';
import otherPerson from '@/test/fixtures/api/variants/hubspot4/contact-48213-other-person.json';
import search64054 from '@/test/fixtures/api/variants/hubspot4/search-64054.json';
import contact64054 from '@/test/fixtures/api/variants/hubspot4/contact-64054.json';
import searchPortalA from '@/test/fixtures/api/variants/hubspot4/search-64055-portal-a.json';
import contactPortalA from '@/test/fixtures/api/variants/hubspot4/contact-64055-portal-a.json';
import searchPortalB from '@/test/fixtures/api/variants/hubspot4/search-91255-portal-b.json';
import contactPortalB from '@/test/fixtures/api/variants/hubspot4/contact-91255-portal-b.json';
import hublet488 from '@/test/fixtures/api/variants/hubspot4/error-488-hublet.json';
import search64056 from '@/test/fixtures/api/variants/hubspot4/search-64056.json';
import contact64056 from '@/test/fixtures/api/variants/hubspot4/contact-64056.json';
import secondly429 from '@/test/fixtures/api/variants/hubspot4/error-429-search-secondly.json';
import daily429 from '@/test/fixtures/api/variants/hubspot4/error-429-daily.json';
import search64057 from '@/test/fixtures/api/variants/hubspot4/search-64057.json';
import contact64057 from '@/test/fixtures/api/variants/hubspot4/contact-64057.json';
import { createHubSpotConnector } from './hubspot';
import { ConnectorError, type LookupQuery } from './types';
import type { FakeCall, FakeRoute } from '@/test/support/fake-fetch';
import { contactAt, HS_TOKEN, hub, instant, noEvents, rejection, resetBetweenTests, said, serve, signal, wellFormed } from '@/test/support/vendor-variants';


// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

type Route = FakeRoute;
resetBetweenTests();

const EVENTS = '/events/v3/events';
const SEARCH = '/crm/v3/objects/contacts/search';
const CONTACT_PATH = /^\/crm\/v3\/objects\/contacts\/[^/]+$/;
const search = (body: unknown, extra: Partial<Route> = {}): Route => ({ method: 'POST', path: SEARCH, body, ...extra });
const events = (body: unknown, when?: Route['when']): Route => ({ method: 'GET', path: EVENTS, body, when });
/** A search whose body (filters or free-text query) mentions the text, as HubSpot's index would match it. */
const asks = (text: string) => (_url: URL, body: any) => JSON.stringify(body ?? {}).toLowerCase().includes(text.toLowerCase());
const query = (email: string, crm: LookupQuery['crm'] = 'pipedrive', recordId = '5710'): LookupQuery => ({ crm, recordId, email });

/** What a refusal says, in English and as a code, for checking that what the admin must fix reaches them. */
/** The IANA zone a name stands for, so two spellings of one zone compare equal. */
const zoneOf = (zone: string | undefined): string | undefined =>
  zone === undefined ? undefined : new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HTML_TAG = /<\/?(html|head|body|title|main|form|input|label|button|h1|h2|p|meta|link|strong|em|br|div)\b[^>]*>/i;

/** A settled lookup is a ConnectorError or `{ resolved }`; anything else (a TypeError, a SyntaxError) is a crash. */
function expectSettled(outcome: unknown): asserts outcome is ConnectorError | { resolved: LeadProfile | null } {
  const ok = outcome instanceof ConnectorError || (typeof outcome === 'object' && outcome !== null && 'resolved' in outcome);
  expect(ok, `the lookup crashed instead of answering: ${String(outcome)}`).toBe(true);
}

/** HubSpot's own HTML 404 page (Jetty's), as HubSpot/hubspot-api-nodejs#240 quotes it. */
const jetty404 = readFileSync('test/fixtures/api/variants/hubspot4/error-404-jetty.html', 'utf8');
/** A corporate web gateway's sign-in page, answered with 200 in place of HubSpot's JSON. */
const gatewayLogin = readFileSync('test/fixtures/api/variants/hubspot4/proxy-200-login-page.html', 'utf8');
const HTML_HEADERS = { 'Content-Type': 'text/html;charset=utf-8' };

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, fourth set: ids and property values', () => {
  const BIG = '104857600143';

  it('H43: ids above 2^32 (HubSpot\'s 10–12-digit ids; a string in the CRM, a number in the events API): the lead is found and shown under its exact id, with its page views', async () => {
    serve([
      search(bigSearch, { when: asks('hana.kobayashi@fabrikam.example') }),
      search(searchEmpty),
      contactAt(BIG, bigContact),
      events(bigEvents, (url) => url.searchParams.get('objectId') === BIG),
      noEvents,
    ]);
    const profile = wellFormed(await hub().findProfile(query('hana.kobayashi@fabrikam.example'), signal));
    expect(profile.id).toBe(BIG);
    expect(profile.name).toBe('Hana Kobayashi');
    expect(profile.company).toBe('Fabrikam Japan');
    expect(profile.contact.timeZone).toBe('Asia/Tokyo');
    expect(profile.pageViews.map((view) => [view.url, instant(view.viewedAt)]).sort()).toEqual(
      [
        ['https://www.keyline.example/ja/pricing', instant('2026-11-25T03:31:05.000Z')],
        ['https://www.keyline.example/ja/security/iso-27001', instant('2026-11-25T03:28:40.000Z')],
      ].sort(),
    );
    const byId = wellFormed(await hub().getProfile(BIG, signal));
    expect(byId.id).toBe(BIG);
    expect(byId.pageViews).toHaveLength(2);
  });

  it('H44: values stored with the whitespace a form or import left ("Aisha ", " Bello", a company of spaces, a tab after the title): shown trimmed, a blank company is no company', async () => {
    serve([contactAt('64044', paddedValues), noEvents]);
    const profile = wellFormed(await hub().getProfile('64044', signal));
    expect(profile.name).toBe('Aisha Bello');
    expect(profile.company).toBeUndefined();
    expect(profile.title).toBe('Head of Quality');
    if (profile.industry !== undefined) expect(profile.industry).toBe('Pharmaceuticals');
    expect(profile.problems).toHaveLength(1);
    expect(profile.problems[0]!.text.trim()).toBe('We need batch-record review that passes FDA Part 11 audits.');
    expect(instant(profile.problems[0]!.submittedAt)).toBe(instant('2026-11-03T14:20:02.771Z'));
  });

  it('H45: a rich-text property (fieldType html) mapped as the problem: the lead\'s words without tags or entities, the two paragraphs kept apart', async () => {
    serve([
      contactAt('64045', richText),
      noEvents,
      { method: 'GET', path: '/crm/v3/properties/contacts/pain_points', body: painPointsProperty },
      { method: 'GET', path: '/crm/v3/properties/contacts', body: { results: [painPointsProperty] } },
      { method: 'POST', path: '/crm/v3/properties/contacts/batch/read', body: { results: [painPointsProperty] } },
    ]);
    const profile = wellFormed(await hub({ mappings: { problem: 'pain_points' } }).getProfile('64045', signal));
    expect(profile.problems).toHaveLength(1);
    const text = profile.problems[0]!.text;
    expect(text).not.toMatch(HTML_TAG);
    expect(text).not.toMatch(/&(amp|lt|gt|quot|nbsp|#\d+);/);
    const flat = text.replace(/\s+/g, ' ').trim();
    expect(flat).toContain('We run 14 clinics & 3 labs on paper intake forms.');
    expect(flat).toContain('Need HIPAA-ready e-signatures before the Q3 audit.');
    expect(flat).not.toContain('forms.Need');
    expect(instant(profile.problems[0]!.submittedAt)).toBe(instant('2026-11-10T16:44:09.120Z'));
  });

  it('H46: one visit, so hs_latest_source and its drill-downs and timestamp are the original ones: no separate "latest touch" (LeadSource.latest is the touch "when it differs from the first one")', async () => {
    serve([contactAt('64046', singleTouch), noEvents]);
    const profile = wellFormed(await hub().getProfile('64046', signal));
    expect(profile.source.channel).toBe('paid_search');
    expect(instant(profile.source.firstSeen)).toBe(instant('2026-11-18T10:58:31.000Z'));
    expect(profile.source.latest).toBeUndefined();
  });

  it('H47a: hs_timezone empty, hs_ip_timezone "america_slash_chicago" (HubSpot\'s zone for the lead\'s IP): no zone, or that one, never another', async () => {
    serve([contactAt('64047', ipTimezoneOnly), noEvents]);
    const profile = wellFormed(await hub().getProfile('64047', signal));
    expect([undefined, 'America/Chicago']).toContain(zoneOf(profile.contact.timeZone));
  });

  it('H47b: hs_timezone "europe_slash_berlin" beside an IP zone of New York (a trip, a VPN): the contact\'s own time zone wins', async () => {
    serve([contactAt('64147', ipTimezoneDiffers), noEvents]);
    const profile = wellFormed(await hub().getProfile('64147', signal));
    expect(zoneOf(profile.contact.timeZone)).toBe('Europe/Berlin');
    expect(profile.stage).toBe('sql');
  });

  it('H48a: the first URL of a HubSpot marketing e-mail link (utm_campaign percent-encoded with an en dash, _hsmi/_hsenc beside utm_source=hs_email): UTMs decoded as the lead\'s link carried them', async () => {
    serve([contactAt('64048', hsEmailUtms), noEvents]);
    const profile = wellFormed(await hub().getProfile('64048', signal));
    expect(profile.source.channel).toBe('email');
    expect(profile.source.utm).toMatchObject({ source: 'hs_email', medium: 'email', campaign: 'DORA readiness – Q1', content: '298765432' });
    expect(JSON.stringify(profile.source.utm)).not.toMatch(/%[0-9A-F]{2}/i);
    expect(profile.source.firstPage?.startsWith('https://www.keyline.example/webinars/dora-readiness')).toBe(true);
  });

  it('H48b: a paid-search first URL with "+" for spaces in utm_term and an encoded "+" (%2B) and "|" in utm_campaign: "hipaa e signature", "Brand+Generic | DACH"', async () => {
    serve([contactAt('64148', paidSearchPlus), noEvents]);
    const profile = wellFormed(await hub().getProfile('64148', signal));
    expect(profile.source.channel).toBe('paid_search');
    expect(profile.source.utm).toMatchObject({ source: 'google', medium: 'cpc', campaign: 'Brand+Generic | DACH', term: 'hipaa e signature', content: 'rsa–03' });
  });
});

describe('HubSpot variants, fourth set: form submissions', () => {
  const NEW_MSG = twoForms.propertiesWithHistory.message[0]!.value;
  const OLD_MSG = twoForms.propertiesWithHistory.message[1]!.value;

  it('H49: two forms (message history keyed by form GUID; recent/first conversion names; e_submitted_form events): no GUID shown as a form, no problem credited to the other form, form events not read as pages', async () => {
    const pageViewsOnly = { ...formAndPages, results: formAndPages.results.filter((event) => event.eventType === 'e_visited_page') };
    serve([
      contactAt('64049', twoForms),
      events(pageViewsOnly, (url) => url.searchParams.get('eventType') === 'e_visited_page'),
      events(formAndPages),
    ]);
    const profile = wellFormed(await hub().getProfile('64049', signal));
    const newest = profile.problems.find((problem) => problem.text === NEW_MSG);
    expect(newest, 'the current form message is not among the problems').toBeDefined();
    expect(profile.problems[0]!.text).toBe(NEW_MSG);
    expect(instant(newest!.submittedAt)).toBe(instant('2026-11-24T15:02:11.284Z'));
    for (const problem of profile.problems) expect(problem.form, `"${problem.form}" is a form id, not a form`).not.toMatch(GUID);
    expect(newest!.form).not.toBe('SOC 2 readiness checklist');
    const older = profile.problems.find((problem) => problem.text === OLD_MSG);
    if (older) expect(older.form).not.toBe('Request a demo');
    for (const activity of profile.activities ?? []) expect(activity.title).not.toMatch(GUID);
    for (const form of (profile.activities ?? []).filter((activity) => activity.kind === 'form_submission')) {
      expect([instant('2026-11-24T15:02:11.000Z'), instant('2026-10-02T09:14:30.000Z')]).toContain(instant(form.at));
    }
    expect(profile.pageViews.map((view) => instant(view.viewedAt)).sort()).toEqual([instant('2026-11-24T14:58:02.000Z'), instant('2026-11-24T15:00:40.000Z')].sort());
  });
});

describe('HubSpot variants, fourth set: answers that are not HubSpot\'s JSON', () => {
  it('H50a: the contact read answers 200 with a web gateway\'s HTML sign-in page: a clear error without the HTML, not a lead, not a bad HubSpot token', async () => {
    serve([{ method: 'GET', path: '/crm/v3/objects/contacts/64050', text: gatewayLogin, headers: HTML_HEADERS }, noEvents]);
    const error = await rejection(hub().getProfile('64050', signal));
    expectSettled(error);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(['malformed', 'network', 'server']).toContain((error as ConnectorError).kind);
    expect((error as ConnectorError).message).not.toMatch(HTML_TAG);
    expect(said(error as ConnectorError)).not.toContain(HS_TOKEN);
  });

  it('H50b: the search answers 200 with the sign-in page: an error, never "no HubSpot contact"', async () => {
    serve([search(undefined, { text: gatewayLogin, headers: HTML_HEADERS })]);
    const error = await rejection(hub().findProfile(query('ravi.menon@northwind.example'), signal));
    expectSettled(error);
    expect(error).not.toEqual({ resolved: null });
    expect(error).toBeInstanceOf(ConnectorError);
    expect(['malformed', 'network', 'server']).toContain((error as ConnectorError).kind);
    expect((error as ConnectorError).message).not.toMatch(HTML_TAG);
  });

  it('H50c: the contact answers, its events answer 200 with the sign-in page: the lead is kept, the page history noted as not read', async () => {
    serve([contactAt('64050', contact64050), { method: 'GET', path: EVENTS, text: gatewayLogin, headers: HTML_HEADERS }]);
    const profile = wellFormed(await hub().getProfile('64050', signal));
    expect(profile.id).toBe('64050');
    expect(profile.name).toBe('Ravi Menon');
    expect(profile.pageViews).toEqual([]);
    expect((profile.gaps ?? []).length).toBeGreaterThan(0);
  });

  it('H51a: a contact id HubSpot does not know answers its own HTML 404 page (text/html, not JSON): nobody, not malformed data', async () => {
    serve([{ method: 'GET', path: '/crm/v3/objects/contacts/64051', status: 404, text: jetty404, headers: HTML_HEADERS }, noEvents]);
    expect(await rejection(hub().getProfile('64051', signal))).toEqual({ resolved: null });
  });

  it('H51b: a lookup from a HubSpot record page whose contact is gone (every contact read answers the HTML 404, the search finds no one): nobody, not an error', async () => {
    serve([
      search(searchEmpty),
      { method: 'GET', path: CONTACT_PATH, status: 404, text: jetty404, headers: HTML_HEADERS },
      noEvents,
    ]);
    expect(await rejection(hub().findProfile(query('zara.haddad@contoso.example', 'hubspot', '64051'), signal))).toEqual({ resolved: null });
  });
});

describe('HubSpot variants, fourth set: search', () => {
  const LUCIA = 'lucia.ferreira@northwind.example';
  const DELETED = 'sf_lead_id_legacy';

  it('H52a: the mapped CRM-id property was deleted by the portal\'s admin, so a search filtering on it answers 400 "There was a problem with the request.": the lead (known by e-mail) is found, or a rejection that names the property to fix; never "no HubSpot contact"', async () => {
    serve([
      search(searchProblem400, { status: 400, when: asks(DELETED) }),
      search(search64052, { when: asks(LUCIA) }),
      search(searchEmpty),
      contactAt('64052', noMappedProperty),
      noEvents,
    ]);
    const connector = hub({ mappings: { salesforceId: DELETED, problem: 'biggest_challenge' } });
    const outcome = await rejection(connector.findProfile({ crm: 'salesforce', recordId: '00Q5j00000LmNoPEAZ', email: LUCIA }, signal));
    expectSettled(outcome);
    expect(outcome).not.toEqual({ resolved: null });
    if (outcome instanceof ConnectorError) {
      expect(outcome.kind).toBe('rejected');
      // HubSpot's 400 does not say which filter it refused; only the connector knows it sent the mapped property.
      expect(said(outcome), 'the admin is not told which mapped property HubSpot refused').toContain(DELETED);
    } else {
      const profile = wellFormed(outcome.resolved);
      expect(profile.id).toBe('64052');
      expect(profile.name).toBe('Lúcia Ferreira');
    }
  });

  it('H52b: the mapped problem property was deleted too (HubSpot answers the contact without it): the lead is shown, with no problem and no crash', async () => {
    serve([contactAt('64052', noMappedProperty), noEvents]);
    const profile = wellFormed(await hub({ mappings: { salesforceId: DELETED, problem: 'biggest_challenge' } }).getProfile('64052', signal));
    expect(profile.name).toBe('Lúcia Ferreira');
    expect(profile.company).toBe('Northwind Traders Brasil');
    expect(profile.stage).toBe('opportunity');
    expect(profile.problems).toEqual([]);
  });

  it('H53: a rep\'s free-text search with 12,873 matches (HubSpot answers at most 10,000 and a page past that with 400): the first results, no error, paging that stops', async () => {
    const { total, result, domains } = capTemplate;
    const calls: { after: number; limit: number; status: number }[] = [];
    serve([noEvents]);
    const fallback = globalThis.fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(String(input));
        if (url.pathname !== SEARCH || (init?.method ?? 'GET') !== 'POST') return fallback(input, init);
        const body = typeof init?.body === 'string' ? JSON.parse(init.body) : {};
        const after = Number(body.after ?? 0) || 0;
        const limit = Math.min(Number(body.limit ?? 10) || 10, 200);
        const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json;charset=utf-8' } });
        if (after >= 10_000) {
          calls.push({ after, limit, status: 400 });
          return json(400, searchCap400);
        }
        calls.push({ after, limit, status: 200 });
        const end = Math.min(after + limit, total);
        const results = Array.from({ length: Math.max(0, end - after) }, (_unused, offset) => {
          const index = after + offset;
          const id = String(650000 + index);
          const email = index === 0 ? result.properties.email : `maria.garcia${index}@${domains[index % domains.length]}`;
          return { ...result, id, properties: { ...result.properties, hs_object_id: id, email } };
        });
        const page: Record<string, unknown> = { total, results };
        if (end < total) page.paging = { next: { after: String(end), link: `?after=${end}` } };
        return json(200, page);
      }),
    );
    const outcome = await rejection(hub().searchProfiles('María García', signal));
    expect(outcome, 'the search failed instead of showing the first matches').toHaveProperty('resolved');
    const found = (outcome as { resolved: { id: string }[] }).resolved;
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((item) => item.id)).toContain('650000');
    expect(new Set(found.map((item) => item.id)).size).toBe(found.length);
    expect(calls.length).toBeLessThanOrEqual(101);
  });
});

describe('HubSpot variants, fourth set: portals, tokens and hublets', () => {
  const NOA = 'noa.levi@tailwind.example';

  it('H54a: a HubSpot record page of another portal (its id unknown to this portal: 404): the lead is found by the e-mail the page showed', async () => {
    serve([
      { method: 'GET', path: '/crm/v3/objects/contacts/48213', status: 404, body: hsNotFound },
      search(search64054, { when: asks(NOA) }),
      search(searchEmpty),
      contactAt('64054', contact64054),
      noEvents,
    ]);
    const profile = wellFormed(await hub().findProfile(query(NOA, 'hubspot', '48213'), signal));
    expect(profile.id).toBe('64054');
    expect(profile.name).toBe('Noa Levi');
  });

  it('H54b: the other portal\'s record id is, in this portal, somebody else (Avi Cohen, another address): never his brief for Noa\'s record', async () => {
    serve([
      contactAt('48213', otherPerson),
      search(search64054, { when: asks(NOA) }),
      search(searchEmpty),
      contactAt('64054', contact64054),
      noEvents,
    ]);
    const outcome = await rejection(hub().findProfile(query(NOA, 'hubspot', '48213'), signal));
    expectSettled(outcome);
    if (outcome instanceof ConnectorError) throw outcome;
    const profile = outcome.resolved;
    expect(profile?.email).not.toBe('avi.cohen@contoso.example');
    expect(profile?.name).not.toBe('Avi Cohen');
    if (profile) expect(wellFormed(profile).id).toBe('64054');
  });

  const SOFIA = 'sofia.rossi@fabrikam.example';
  const OTHER_TOKEN = 'pat-na1-99999999-8888-4777-8666-555555555555';
  const otherHub = () => createHubSpotConnector(HubSpotSourceSchema.parse({ kind: 'hubspot' }), { token: OTHER_TOKEN });

  /** Two portals behind one host, told apart by the bearer token, as api.hubapi.com tells them apart. */
  function servePerToken(byToken: Record<string, Route[]>): Record<string, FakeCall[]> {
    const seen: Record<string, FakeCall[]> = {};
    const answers: Record<string, typeof fetch> = {};
    for (const [token, routes] of Object.entries(byToken)) {
      seen[token] = serve(routes);
      answers[token] = globalThis.fetch;
    }
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
        const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
        const auth = headers.get('authorization') ?? '';
        const token = Object.keys(answers).find((candidate) => auth === `Bearer ${candidate}`);
        if (!token) return Promise.resolve(new Response(JSON.stringify({ status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' }), { status: 401 }));
        return answers[token]!(input, init);
      }),
    );
    return seen;
  }

  it('H55a: the same address in two portals, read with two tokens one after the other: each token gets its own portal\'s contact, never the other\'s', async () => {
    const seen = servePerToken({
      [HS_TOKEN]: [search(searchPortalA, { when: asks(SOFIA) }), search(searchEmpty), contactAt('64055', contactPortalA), noEvents],
      [OTHER_TOKEN]: [search(searchPortalB, { when: asks(SOFIA) }), search(searchEmpty), contactAt('91255', contactPortalB), noEvents],
    });
    const first = wellFormed(await hub().findProfile(query(SOFIA), signal));
    expect(first.id).toBe('64055');
    expect(first.company).toBe('Fabrikam Inc.');
    const second = wellFormed(await otherHub().findProfile(query(SOFIA), signal));
    expect(second.id).toBe('91255');
    expect(second.company).toBe('Fabrikam Italia S.r.l.');
    expect(second.stage).toBe('customer');
    expect(seen[OTHER_TOKEN]!.length).toBeGreaterThan(0);
    const again = wellFormed(await hub().findProfile(query(SOFIA), signal));
    expect(again.id).toBe('64055');
  });

  it('H55b: one portal\'s token is rate-limited for ten minutes: the other portal\'s token (other credentials) is not held back', async () => {
    servePerToken({
      [HS_TOKEN]: [search(secondly429, { status: 429, headers: { 'Retry-After': '600' } })],
      [OTHER_TOKEN]: [search(searchPortalB, { when: asks(SOFIA) }), search(searchEmpty), contactAt('91255', contactPortalB), noEvents],
    });
    const limited = await rejection(hub().findProfile(query(SOFIA), signal));
    expect(limited).toBeInstanceOf(ConnectorError);
    expect((limited as ConnectorError).kind).toBe('rate-limited');
    const started = Date.now();
    const other = await rejection(otherHub().findProfile(query(SOFIA), signal));
    expectSettled(other);
    if (other instanceof ConnectorError) throw other;
    expect(wellFormed(other.resolved).id).toBe('91255');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('H56a: a token routed to the wrong hublet answers 488 "Hub … is unknown to this Hublet, but it appears to exist in Hublet eu1": a clear error naming eu1, not "nobody", not a rate limit', async () => {
    serve([
      search(hublet488, { status: 488 }),
      { method: 'GET', path: CONTACT_PATH, status: 488, body: hublet488 },
      { method: 'GET', path: EVENTS, status: 488, body: hublet488 },
    ]);
    const error = await rejection(hub().findProfile(query('ingrid.solberg@wideworld.example'), signal));
    expectSettled(error);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(['not-found', 'rate-limited', 'timeout']).not.toContain((error as ConnectorError).kind);
    expect(said(error as ConnectorError)).toContain('eu1');
    expect(said(error as ConnectorError)).not.toContain(HS_TOKEN);
  });

  it('H56b: the same portal with the API base set to its hublet (https://api-eu1.hubapi.com): every request goes to that host and the lead is found', async () => {
    const seen = serve([search(search64056, { when: asks('ingrid.solberg@wideworld.example') }), search(searchEmpty), contactAt('64056', contact64056), noEvents]);
    const profile = wellFormed(await hub({ apiBase: 'https://api-eu1.hubapi.com' }).findProfile(query('ingrid.solberg@wideworld.example'), signal));
    expect(profile.id).toBe('64056');
    expect(profile.contact.timeZone).toBe('Europe/Oslo');
    expect(seen.length).toBeGreaterThan(0);
    expect([...new Set(seen.map((call) => call.url.host))]).toEqual(['api-eu1.hubapi.com']);
  });
});

describe('HubSpot variants, fourth set: rate limits', () => {
  const KENJI = 'kenji.sato@coho-winery.example';

  it('H57a: the search answers 429 of the SECONDLY policy with Retry-After: 1, then answers: the lookup waits the second and finds the lead', async () => {
    const seen = serve([
      search(secondly429, { status: 429, times: 1, headers: { 'Retry-After': '1' } }),
      search(search64057, { when: asks(KENJI) }),
      search(searchEmpty),
      contactAt('64057', contact64057),
      noEvents,
    ]);
    const times: number[] = [];
    const answer = globalThis.fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
        if (new URL(String(input)).pathname === SEARCH) times.push(Date.now());
        return answer(input, init);
      }),
    );
    const outcome = await rejection(hub().findProfile(query(KENJI), signal));
    expectSettled(outcome);
    if (outcome instanceof ConnectorError) throw outcome;
    const profile = wellFormed(outcome.resolved);
    expect(profile.id).toBe('64057');
    expect(profile.name).toBe('Kenji Sato');
    expect(seen.filter((call) => call.url.pathname === SEARCH).length).toBeGreaterThanOrEqual(2);
    expect(times[1]! - times[0]!, 'asked again before the second HubSpot named had passed').toBeGreaterThanOrEqual(900);
  });

  it('H57b: 429 of the DAILY policy (no Retry-After, X-HubSpot-RateLimit-Daily-Remaining: 0): a rate limit at once, a few requests at most, never a wait of seconds', async () => {
    const seen = serve([
      search(daily429, { status: 429, headers: { 'X-HubSpot-RateLimit-Daily': '250000', 'X-HubSpot-RateLimit-Daily-Remaining': '0' } }),
      { method: 'GET', path: CONTACT_PATH, status: 429, body: daily429 },
      { method: 'GET', path: EVENTS, status: 429, body: daily429 },
    ]);
    const started = Date.now();
    const error = await rejection(hub().findProfile(query(KENJI), signal));
    expectSettled(error);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('rate-limited');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(seen.filter((call) => call.url.pathname === SEARCH).length).toBeLessThanOrEqual(4);
    const wait = (error as ConnectorError).retryAfterMs;
    if (wait !== undefined) expect(wait, 'a daily limit is not lifted within seconds').toBeGreaterThanOrEqual(60_000);
  });
});
