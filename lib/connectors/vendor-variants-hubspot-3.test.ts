/**
 * HubSpot vendor variants, third set (H28…): payloads and answer sequences HubSpot really sends that
 * the first two sets (vendor-variants.test.ts, H01–H12; vendor-variants-hubspot-2.test.ts, H13–H27)
 * do not have: a merged contact answered under its new id, a GDPR-deleted contact (404 with no body,
 * also behind a stale search hit), a phone-only contact from a form, multiple-checkbox and
 * `option_N` enumeration values in mapped properties, `hs_language` with a region and a country as a
 * code, ISO instants without milliseconds and the lifecycle dates, several associated companies, a
 * 230-version and a mixed-source form-message history, 6,000 page views, empty event pages, an
 * expired token, a 403 naming its scope in `requiredGranularScopes`, a 500 with a correlationId,
 * HubSpot's 477 "Migration in Progress" and requests that never answer. Written from HubSpot's
 * documents, SDKs, changelogs and support threads without reading the connector's mapping: each
 * expectation is what HubSpot's documented meaning says a rep should see; where the answer is a
 * product choice only what must hold is asserted. Shapes and sources:
 * test/fixtures/api/variants/README.md, section "hubspot3/ (third set)".
 */
import { describe, expect, it } from 'vitest';
import { newestProblemFirst, type LeadProfile } from '@/lib/schema';
import searchEmpty from '@/test/fixtures/api/hubspot/contacts-search-empty.json';
import mergedSurvivor from '@/test/fixtures/api/variants/hubspot3/contact-63920-merged-survivor.json';
import events63920 from '@/test/fixtures/api/variants/hubspot3/events-63920.json';
import staleSearch from '@/test/fixtures/api/variants/hubspot3/search-63129-stale-index.json';
import phoneOnly from '@/test/fixtures/api/variants/hubspot3/contact-63130-phone-only.json';
import multiCheckbox from '@/test/fixtures/api/variants/hubspot3/contact-63131-multi-checkbox.json';
import optionValues from '@/test/fixtures/api/variants/hubspot3/contact-63132-option-values.json';
import channelProperty from '@/test/fixtures/api/variants/hubspot3/property-preferred_contact_channel.json';
import bestTimeProperty from '@/test/fixtures/api/variants/hubspot3/property-best_time_to_reach.json';
import languageCountry from '@/test/fixtures/api/variants/hubspot3/contacts-language-country.json';
import isoNoMillis from '@/test/fixtures/api/variants/hubspot3/contact-63134-iso-no-millis.json';
import severalCompanies from '@/test/fixtures/api/variants/hubspot3/contact-63135-several-companies.json';
import associationsV4 from '@/test/fixtures/api/variants/hubspot3/associations-v4-63135-companies.json';
import companies63135 from '@/test/fixtures/api/variants/hubspot3/companies-63135.json';
import history230 from '@/test/fixtures/api/variants/hubspot3/contact-63136-message-230-versions.json';
import resubmissions from '@/test/fixtures/api/variants/hubspot3/contact-63137-form-resubmissions.json';
import contact63138 from '@/test/fixtures/api/variants/hubspot3/contact-63138.json';
import pageTemplate from '@/test/fixtures/api/variants/hubspot3/events-page-template.json';
import contact63139 from '@/test/fixtures/api/variants/hubspot3/contact-63139.json';
import events63139Page1 from '@/test/fixtures/api/variants/hubspot3/events-63139-page1.json';
import events63139Page3 from '@/test/fixtures/api/variants/hubspot3/events-63139-page3.json';
import emptyLastPage from '@/test/fixtures/api/variants/hubspot3/events-empty-last-page.json';
import emptyPageWithNext from '@/test/fixtures/api/variants/hubspot3/events-empty-page-with-next.json';
import contact63140 from '@/test/fixtures/api/variants/hubspot3/contact-63140.json';
import contact63142 from '@/test/fixtures/api/variants/hubspot3/contact-63142.json';
import error401Expired from '@/test/fixtures/api/variants/hubspot3/error-401-expired.json';
import error403Granular from '@/test/fixtures/api/variants/hubspot3/error-403-granular-scopes.json';
import error500Correlation from '@/test/fixtures/api/variants/hubspot3/error-500-correlation.json';
import error477Migration from '@/test/fixtures/api/variants/hubspot3/error-477-migration.json';
import { ConnectorError } from './types';
import type { FakeRoute } from '@/test/support/fake-fetch';
import { contactAt, hangWhere, HS_TOKEN, hub, instant, noEvents, rejection, resetBetweenTests, said, serve, signal, wellFormed } from '@/test/support/vendor-variants';


// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

type Route = FakeRoute;
resetBetweenTests();


const EVENTS = '/events/v3/events';
const SEARCH = '/crm/v3/objects/contacts/search';
const search = (body: unknown, extra: Partial<Route> = {}): Route => ({ method: 'POST', path: SEARCH, body, ...extra });
const events = (body: unknown, when?: Route['when']): Route => ({ method: 'GET', path: EVENTS, body, when });
const query = (email: string) => ({ crm: 'pipedrive' as const, recordId: '5510', email });


/** What a refusal says, in English and as a code, for checking that an id or a scope reaches the admin. */

type HistoryEntry = { value: string; timestamp: string; sourceType: string };
/** Every problem is one version of the message as HubSpot recorded it: its text with that version's own instant, newest first. */
function expectProblemsFromHistory(profile: LeadProfile, history: readonly HistoryEntry[]) {
  const versions = new Set(history.map((entry) => `${instant(entry.timestamp)}|${entry.value.trim()}`));
  for (const problem of profile.problems) {
    expect(problem.submittedAt, `"${problem.text.slice(0, 40)}…" has no date though its version has one`).toBeDefined();
    expect(versions.has(`${instant(problem.submittedAt)}|${problem.text.trim()}`), `"${problem.text.slice(0, 40)}…" at ${problem.submittedAt} is no version of the message`).toBe(true);
  }
  expect([...profile.problems].sort(newestProblemFirst).map((problem) => problem.submittedAt)).toEqual(profile.problems.map((problem) => problem.submittedAt));
  const pairs = profile.problems.map((problem) => `${instant(problem.submittedAt)}|${problem.text}`);
  expect(new Set(pairs).size).toBe(pairs.length);
}

/**
 * Lets requests the test picks hang until they are aborted (a HubSpot edge that never answers);
 * every other request is answered by the routes `serve` installed.
 */

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, third set: merged and deleted contacts', () => {
  it('H28: a merged contact read by its old id answers the new merged record (new id, hs_merged_object_ids): the lead is shown under the id HubSpot now answers with', async () => {
    serve([contactAt('63128', mergedSurvivor), contactAt('63920', mergedSurvivor), events(events63920)]);
    const profile = wellFormed(await hub().getProfile('63128', signal));
    expect(profile.id).toBe('63920');
    expect(profile.name).toBe('Amara Nwosu');
    expect(profile.email).toBe('amara.nwosu@fabrikam.example');
    expect(profile.company).toBe('Fabrikam Health');
    expect(profile.stage).toBe('sql');
    expect(profile.pageViews.map((view) => view.url)).toContain('https://www.keyline.example/healthcare');
  });

  it('H29a: a GDPR-deleted contact read by its id answers 404 with an empty body: nobody, not an error', async () => {
    serve([{ method: 'GET', path: '/crm/v3/objects/contacts/63129', status: 404, text: '' }, noEvents]);
    expect(await rejection(hub().getProfile('63129', signal))).toEqual({ resolved: null });
  });

  it('H29b: the search index still lists the GDPR-deleted contact but the record answers 404 (no body): nobody is shown', async () => {
    serve([
      search(staleSearch, { when: (_url, body) => JSON.stringify(body ?? {}).toLowerCase().includes('lena.fischer@contoso.example') }),
      search(searchEmpty),
      { method: 'GET', path: '/crm/v3/objects/contacts/63129', status: 404, text: '' },
      noEvents,
    ]);
    expect(await rejection(hub().findProfile(query('lena.fischer@contoso.example'), signal))).toEqual({ resolved: null });
  });
});

describe('HubSpot variants, third set: contact properties', () => {
  it('H30: a contact a form created without an e-mail (phone only, no last name): shown with what it has, no e-mail invented', async () => {
    serve([contactAt('63130', phoneOnly), noEvents]);
    const profile = wellFormed(await hub().getProfile('63130', signal));
    expect(profile.id).toBe('63130');
    expect(profile.email).toBeUndefined();
    expect(profile.name).toBe('Tomás');
    expect(profile.source.channel).toBe('paid_search');
    expect(profile.language?.toLowerCase()).toBe('es');
    expect(profile.problems).toHaveLength(1);
    expect(profile.problems[0]!.text).toBe(phoneOnly.properties.message);
    expect(instant(profile.problems[0]!.submittedAt)).toBe(instant('2026-11-17T16:42:09.331Z'));
  });

  it('H31: a multiple-checkboxes property mapped as the preferred channel ("Phone;LinkedIn"): one of the ticked channels, not nothing', async () => {
    serve([contactAt('63131', multiCheckbox), noEvents]);
    const profile = wellFormed(await hub({ mappings: { preferredChannel: 'preferred_channels' } }).getProfile('63131', signal));
    expect(profile.name).toBe('Priyanka Iyer');
    expect(['phone', 'linkedin']).toContain(profile.contact.preferredChannel);
  });

  it('H32: mapped radio/select properties answer their internal values ("option_2", "option_3"): never shown as if they were the lead\'s words, never a wrong channel', async () => {
    const definitions = [channelProperty, bestTimeProperty];
    serve([
      contactAt('63132', optionValues),
      noEvents,
      { method: 'GET', path: '/crm/v3/properties/contacts/preferred_contact_channel', body: channelProperty },
      { method: 'GET', path: '/crm/v3/properties/contacts/best_time_to_reach', body: bestTimeProperty },
      { method: 'GET', path: '/crm/v3/properties/contacts', body: { results: definitions } },
      { method: 'POST', path: '/crm/v3/properties/contacts/batch/read', body: { results: definitions } },
    ]);
    const connector = hub({ mappings: { preferredChannel: 'preferred_contact_channel', bestTime: 'best_time_to_reach' } });
    const profile = wellFormed(await connector.getProfile('63132', signal));
    expect([undefined, 'phone']).toContain(profile.contact.preferredChannel);
    expect(profile.contact.bestTimeText ?? '').not.toMatch(/option_\d/);
    if (profile.contact.bestTimeText !== undefined) expect(profile.contact.bestTimeText).toBe('Weekdays 09:00-11:00');
    if (profile.contact.bestTime !== undefined) expect([profile.contact.bestTime.start, profile.contact.bestTime.end]).toEqual(['09:00', '11:00']);
  });

  it('H33a: hs_language "zh-hk" (a language with its region) and the country as a name are the lead\'s language and country', async () => {
    const contact = languageCountry[0]!;
    serve([contactAt(contact.id, contact), noEvents]);
    const profile = wellFormed(await hub().getProfile(contact.id, signal));
    expect(profile.language?.toLowerCase().replace('_', '-')).toBe('zh-hk');
    expect(profile.country).toBe('Hong Kong');
  });

  it('H33b: no hs_language and the country as an ISO code ("DE"): the country is kept, no other language is invented', async () => {
    const contact = languageCountry[1]!;
    serve([contactAt(contact.id, contact), noEvents]);
    const profile = wellFormed(await hub().getProfile(contact.id, signal));
    expect(['DE', 'Germany', 'Deutschland']).toContain(profile.country);
    if (profile.language !== undefined) expect(profile.language.toLowerCase()).toMatch(/^de\b/);
  });

  it('H34: datetimes without milliseconds ("…T05:06:07Z") keep their instants; the MQL date is when marketing qualified the lead', async () => {
    serve([contactAt('63134', isoNoMillis), noEvents]);
    const profile = wellFormed(await hub().getProfile('63134', signal));
    expect(instant(profile.source.firstSeen)).toBe(instant('2026-03-04T05:06:07Z'));
    expect(profile.source.channel).toBe('paid_search');
    expect(profile.source.latest?.channel).toBe('email');
    expect(instant(profile.source.latest?.at)).toBe(instant('2026-04-01T12:00:00Z'));
    expect(profile.stage).toBe('sql');
    expect(instant(profile.qualifiedAt)).toBe(instant('2026-03-10T09:00:00Z'));
    expect(instant(profile.problems[0]?.submittedAt)).toBe(instant('2026-03-04T05:08:00Z'));
  });

  it('H35: associated to three companies (one primary, one "Former employer") with no company property: no id and no other company passed off as the lead\'s', async () => {
    const companyById = Object.fromEntries(companies63135.map((company) => [company.id, company]));
    serve([
      contactAt('63135', severalCompanies),
      noEvents,
      ...companies63135.map((company): Route => ({ method: 'GET', path: `/crm/v3/objects/companies/${company.id}`, body: company })),
      {
        method: 'POST',
        path: '/crm/v3/objects/companies/batch/read',
        body: { status: 'COMPLETE', results: companies63135, startedAt: '2026-11-21T08:00:00.000Z', completedAt: '2026-11-21T08:00:00.120Z' },
      },
      { method: 'GET', path: '/crm/v4/objects/contacts/63135/associations/companies', body: associationsV4 },
      { method: 'GET', path: '/crm/v4/objects/contact/63135/associations/company', body: associationsV4 },
      { method: 'GET', path: '/crm/v3/objects/contacts/63135/associations/companies', body: { results: severalCompanies.associations.companies.results } },
    ]);
    const profile = wellFormed(await hub().getProfile('63135', signal));
    expect(profile.name).toBe('Diego Ramos');
    expect(profile.company ?? '').not.toMatch(/^\d+$/);
    expect([undefined, companyById['9081726301']!.properties.name]).toContain(profile.company);
    expect(profile.stage).toBe('opportunity');
  });
});

describe('HubSpot variants, third set: form-message history (propertiesWithHistory.message)', () => {
  it('H36: 230 form submissions in the message history (HubSpot keeps up to 1,000 per contact): within the cap, the newest first and dated, each with its own date', async () => {
    serve([contactAt('63136', history230), noEvents]);
    const profile = wellFormed(await hub().getProfile('63136', signal));
    const newest = history230.propertiesWithHistory.message[0]!;
    expect(profile.problems.length).toBeGreaterThan(0);
    expect(profile.problems[0]!.text).toBe(newest.value);
    expect(instant(profile.problems[0]!.submittedAt)).toBe(instant(newest.timestamp));
    expectProblemsFromHistory(profile, history230.propertiesWithHistory.message);
  });

  it('H37: three forms, an import and a rep clearing the field ("" by CRM_UI): the current message first with its own date, no blank problem, no text under another version\'s date', async () => {
    serve([contactAt('63137', resubmissions), noEvents]);
    const profile = wellFormed(await hub().getProfile('63137', signal));
    expect(profile.problems[0]?.text).toBe('Need pricing for 40 seats; SSO with Entra ID is a must.');
    expect(instant(profile.problems[0]?.submittedAt)).toBe(instant('2026-11-19T16:20:41.503Z'));
    expectProblemsFromHistory(profile, resubmissions.propertiesWithHistory.message);
  });
});

// ---------------------------------------------------------------------------------------------
// Events: 6,000 page views, empty pages

type PageEvent = typeof pageTemplate.event;
const TOTAL_VIEWS = 6000;
const PAGE_SIZE = 100;
/** 6,000 page views, newest first, one every 29 minutes back from the template's instant, a new session every six views. */
const allViews: PageEvent[] = Array.from({ length: TOTAL_VIEWS }, (_unused, index) => {
  const [url, title] = pageTemplate.pages[index % pageTemplate.pages.length]! as [string, string];
  const hex = index.toString(16).padStart(12, '0');
  const session = Math.floor(index / 6).toString(16).padStart(12, '0');
  return {
    ...pageTemplate.event,
    occurredAt: new Date(Date.parse(pageTemplate.event.occurredAt) - index * 29 * 60_000).toISOString(),
    id: `leviathan-${hex.slice(0, 8)}-0000-3000-8000-${hex}`,
    properties: { ...pageTemplate.event.properties, hs_url: url, hs_title: title, hs_session_id: `leviathan-${session.slice(0, 8)}-0000-3000-9000-${session}` },
  };
});

/** The events API over those views: pages of 100 with a base64 cursor; newest first unless `sort=occurredAt` asks otherwise. */
function largeHistoryRoutes(): Route[] {
  const cursor = (page: number) => Buffer.from(String(page * PAGE_SIZE)).toString('base64').replace(/=+$/, '');
  const pages = TOTAL_VIEWS / PAGE_SIZE;
  const routes: Route[] = [];
  for (const ascending of [false, true]) {
    const ordered = ascending ? [...allViews].reverse() : allViews;
    for (let page = 0; page < pages; page++) {
      const body: Record<string, unknown> = { results: ordered.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE) };
      if (page + 1 < pages) body.paging = { next: { after: cursor(page + 1), link: `https://api.hubapi.com/events/v3/events?objectType=contact&objectId=63138&after=${cursor(page + 1)}` } };
      routes.push(
        events(body, (url) => (url.searchParams.get('sort') === 'occurredAt') === ascending && (url.searchParams.get('after') ?? '') === (page === 0 ? '' : cursor(page))),
      );
    }
  }
  return routes;
}

describe('HubSpot variants, third set: events', () => {
  it('H38: 6,000 page views over 60 pages (more than the panel keeps): a profile the panel accepts, the newest 100 views kept, paging that ends', async () => {
    const seen = serve([contactAt('63138', contact63138), ...largeHistoryRoutes()]);
    const profile = wellFormed(await hub().getProfile('63138', signal));
    expect(profile.name).toBe('Olivia Bennett');
    const shown = new Set(profile.pageViews.map((view) => `${view.url}|${instant(view.viewedAt)}`));
    const newest = allViews.slice(0, PAGE_SIZE).map((event) => `${event.properties.hs_url}|${instant(event.occurredAt)}`);
    expect(newest.filter((key) => !shown.has(key))).toEqual([]);
    expect(seen.filter((call) => call.url.pathname === EVENTS).length).toBeLessThanOrEqual(TOTAL_VIEWS / PAGE_SIZE + 1);
  });

  it('H39a: a next cursor whose page is empty ({"results": []}, no paging): the views of the first page, nothing noted missing', async () => {
    serve([
      contactAt('63139', contact63139),
      events(emptyLastPage, (url) => url.searchParams.get('after') === 'MTAw'),
      events(events63139Page1, (url) => !url.searchParams.has('after')),
    ]);
    const profile = wellFormed(await hub().getProfile('63139', signal));
    expect(profile.pageViews.map((view) => [view.url, instant(view.viewedAt)]).sort()).toEqual(
      [
        ['https://www.keyline.example/demo', instant('2026-11-20T10:15:00.000Z')],
        ['https://www.keyline.example/pricing', instant('2026-11-20T10:12:30.000Z')],
      ].sort(),
    );
    expect(profile.gaps ?? []).toEqual([]);
  });

  it('H39b: an empty page that still carries a next cursor (as HubSpot\'s CRM cursors do), the oldest view after it: read on, or noted as missing, never passed off as complete', async () => {
    serve([
      contactAt('63139', contact63139),
      events(emptyPageWithNext, (url) => url.searchParams.get('after') === 'MTAw'),
      events(events63139Page3, (url) => url.searchParams.get('after') === 'MjAw'),
      events(events63139Page1, (url) => !url.searchParams.has('after')),
    ]);
    const profile = wellFormed(await hub().getProfile('63139', signal));
    const oldest = 'https://www.keyline.example/product/soc-2?utm_source=google&utm_medium=cpc&utm_campaign=soc2-generic';
    const readOn = profile.pageViews.some((view) => view.url === oldest);
    expect(readOn || (profile.gaps ?? []).length > 0, 'the view after the empty page is neither shown nor noted missing').toBe(true);
    expect(profile.pageViews.map((view) => view.url)).toContain('https://www.keyline.example/demo');
  });
});

describe('HubSpot variants, third set: refusals and failures', () => {
  it('H40a: 401 EXPIRED_AUTHENTICATION ("The OAuth token used to make this call expired 5 minute(s) ago.") on the search is an auth error naming HubSpot, without the token', async () => {
    serve([search(error401Expired, { status: 401 })]);
    const error = await rejection(hub().findProfile(query('chloe.martin@fabrikam.example'), signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('auth');
    expect((error as ConnectorError).system).toBe('HubSpot');
    expect(said(error as ConnectorError)).not.toContain(HS_TOKEN);
  });

  it('H40b: the token expires between the contact and its events (the events answer 401): an auth error, or the lead with a gap, never a lead passed off as complete', async () => {
    serve([contactAt('63140', contact63140), { method: 'GET', path: EVENTS, status: 401, body: error401Expired }]);
    const outcome = await rejection(hub().getProfile('63140', signal));
    if (outcome instanceof ConnectorError) {
      expect(outcome.kind).toBe('auth');
    } else {
      const profile = wellFormed((outcome as { resolved: LeadProfile | null }).resolved);
      expect(profile.name).toBe('Chloé Martin');
      expect(profile.pageViews).toEqual([]);
      expect((profile.gaps ?? []).length).toBeGreaterThan(0);
    }
  });

  it('H41: 403 MISSING_SCOPES naming the scope in errors[].context.requiredGranularScopes: a permission error that names the scope to add', async () => {
    serve([search(error403Granular, { status: 403 })]);
    const error = await rejection(hub().findProfile(query('chloe.martin@fabrikam.example'), signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(['auth', 'rejected']).toContain((error as ConnectorError).kind);
    expect(said(error as ConnectorError)).toContain('crm.objects.contacts.read');
  });

  it('H42a: a 500 with a correlationId (body and X-HubSpot-Correlation-Id): a server error that keeps the correlationId for HubSpot support', async () => {
    serve([
      {
        method: 'GET',
        path: '/crm/v3/objects/contacts/63141',
        status: 500,
        body: error500Correlation,
        headers: { 'X-HubSpot-Correlation-Id': error500Correlation.correlationId },
      },
      noEvents,
    ]);
    const error = await rejection(hub().getProfile('63141', signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('server');
    expect(said(error as ConnectorError)).toContain(error500Correlation.correlationId);
    expect(said(error as ConnectorError)).not.toContain(HS_TOKEN);
  });

  it('H42b: 477 Migration in Progress with Retry-After (the account moves between data-hosting locations): a temporary failure, not "nobody", not bad data, not a bad token', async () => {
    serve([search(error477Migration, { status: 477, headers: { 'Retry-After': '3600' } })]);
    const error = await rejection(hub().findProfile(query('kofi.asante@tailspin.example'), signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(['server', 'rate-limited']).toContain((error as ConnectorError).kind);
  });

  it('H42c: the contact request never answers: a timeout error within the source\'s timeout (1 s here), not a hang', async () => {
    serve([contactAt('63142', contact63142), noEvents]);
    hangWhere((url) => url.pathname.startsWith('/crm/v3/objects/contacts/'));
    const started = Date.now();
    const error = await rejection(hub({ timeoutSeconds: 1 }).getProfile('63142', signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('H42d: the contact answers but its events never do: the lead is shown with a gap for the page history, not lost to the timeout', async () => {
    serve([contactAt('63142', contact63142), noEvents]);
    hangWhere((url) => url.pathname === EVENTS);
    const profile = wellFormed(await hub({ timeoutSeconds: 1 }).getProfile('63142', signal));
    expect(profile.id).toBe('63142');
    expect(profile.name).toBe('Kofi Asante');
    expect(profile.pageViews).toEqual([]);
    expect((profile.gaps ?? []).length).toBeGreaterThan(0);
  });
});
