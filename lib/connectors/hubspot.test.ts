import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import contact51001 from '@/test/fixtures/api/hubspot/contact-51001.json';
import contactsList from '@/test/fixtures/api/hubspot/contacts-list.json';
import searchEmpty from '@/test/fixtures/api/hubspot/contacts-search-empty.json';
import searchPriya from '@/test/fixtures/api/hubspot/contacts-search-priya.json';
import searchText from '@/test/fixtures/api/hubspot/contacts-search-text.json';
import error400 from '@/test/fixtures/api/hubspot/error-400-validation.json';
import error401 from '@/test/fixtures/api/hubspot/error-401.json';
import error403Events from '@/test/fixtures/api/hubspot/error-403-events.json';
import error403Scopes from '@/test/fixtures/api/hubspot/error-403-scopes.json';
import error404 from '@/test/fixtures/api/hubspot/error-404.json';
import error429 from '@/test/fixtures/api/hubspot/error-429.json';
import error500 from '@/test/fixtures/api/hubspot/error-500.json';
import eventsEmpty from '@/test/fixtures/api/hubspot/events-empty.json';
import eventsPage1 from '@/test/fixtures/api/hubspot/events-51001-page1.json';
import eventsPage2 from '@/test/fixtures/api/hubspot/events-51001-page2.json';
import rowsPage1 from '@/test/fixtures/api/hubspot/hubdb-rows-page1.json';
import rowsPage2 from '@/test/fixtures/api/hubspot/hubdb-rows-page2.json';
import noteCreated from '@/test/fixtures/api/hubspot/note-created.json';
import notesList from '@/test/fixtures/api/hubspot/notes-list.json';
import notesSearchEmpty from '@/test/fixtures/api/hubspot/notes-search-empty.json';
import notesSearchFound from '@/test/fixtures/api/hubspot/notes-search-found.json';
import { HubSpotSourceSchema, type FeedbackItem } from '@/lib/schema';
import { createHubSpotConnector } from './hubspot';
import {
  channelFor,
  contentFromRow,
  ianaTimeZone,
  lifecycleStage,
  noteBody,
  parseBestTime,
  summaryPageViews,
  toTimestamp,
} from './hubspot-map';
import { ConnectorError, type OutboxEntry } from './types';
import { clearBackoffs } from './backoff';
import { stubFetch, type FakeRoute } from '@/test/support/fake-fetch';

const TOKEN = 'pat-na1-5f0e1d2c-3b4a-4958-8877-665544332211';
const API = 'https://api.hubapi.com';
const signal = new AbortController().signal;

const source = HubSpotSourceSchema.parse({
  kind: 'hubspot',
  mappings: { preferredChannel: 'preferred_contact_method', bestTime: 'best_time_to_call' },
  contentTableId: '5729341',
});

// ---------------------------------------------------------------------------------------------
// A fake HubSpot: routes by method and path, records every request.

type Route = FakeRoute;
const hubspot = (routes: Route[]) => stubFetch(routes);

// The back-off is shared by every connector with the same token: each test starts with none.
beforeEach(() => clearBackoffs());

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const connector = (overrides: Partial<typeof source> = {}, token: string | undefined = TOKEN) =>
  createHubSpotConnector({ ...source, ...overrides }, { token });

const contactRoute: Route = { method: 'GET', path: '/crm/v3/objects/contacts/51001', body: contact51001 };
/** The definitions of the source's mapped choice properties, read with the first profile (unserved here: free text). */
const DEFINITION_CALLS = ['GET /crm/v3/properties/contacts/preferred_contact_method', 'GET /crm/v3/properties/contacts/best_time_to_call'];
const eventRoutes: Route[] = [
  { method: 'GET', path: '/events/v3/events', when: (url) => url.searchParams.get('after') === 'Mjk2NDg1MjM1MDAw', body: eventsPage2 },
  { method: 'GET', path: '/events/v3/events', when: (url) => !url.searchParams.has('after'), body: eventsPage1 },
];

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).message).not.toContain(TOKEN);
  return error as ConnectorError;
}

// ---------------------------------------------------------------------------------------------

describe('HubSpot connector: profiles', () => {
  it('asks again with the next profile for a choice definition HubSpot refused for a while, but not for one the token lacks the scope for', async () => {
    const definitionCalls = (calls: { url: URL }[]) => calls.filter((call) => call.url.pathname.startsWith('/crm/v3/properties/')).length;
    for (const [status, expected] of [[503, 4], [403, 2]] as const) {
      const calls = hubspot([
        contactRoute,
        ...eventRoutes,
        { method: 'GET', path: '/crm/v3/properties/contacts/preferred_contact_method', status, body: { status: 'error', message: 'refused' } },
        { method: 'GET', path: '/crm/v3/properties/contacts/best_time_to_call', status, body: { status: 'error', message: 'refused' } },
      ]);
      const hub = connector();
      for (let profile = 0; profile < 2; profile++) expect((await hub.getProfile('51001', signal))?.name).toBe('Priya Raman');
      expect(definitionCalls(calls), `after ${status}`).toBe(expected);
    }
  });

  it('finds a Salesforce lead by e-mail or the synced Salesforce id, and maps the whole profile', async () => {
    const calls = hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchPriya }, contactRoute, ...eventRoutes]);

    const profile = await connector().findProfile(
      { crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF', email: 'Priya.Raman@Ledgerly.io', name: 'Priya Raman' },
      signal,
    );

    // The search: one request, the keys as ORed filter groups (the address also among the contact's others).
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url.href).toBe(`${API}/crm/v3/objects/contacts/search`);
    expect(calls[0]!.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(calls[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(calls[0]!.body).toEqual({
      filterGroups: [
        { filters: [{ propertyName: 'email', operator: 'EQ', value: 'priya.raman@ledgerly.io' }] },
        { filters: [{ propertyName: 'hs_additional_emails', operator: 'CONTAINS_TOKEN', value: 'priya.raman@ledgerly.io' }] },
        { filters: [{ propertyName: 'salesforceleadid', operator: 'EQ', value: '00Q8d00000XyZ1aEAF' }] },
        // The sync may have stored the id's 15-character form.
        { filters: [{ propertyName: 'salesforceleadid', operator: 'EQ', value: '00Q8d00000XyZ1a' }] },
      ],
      properties: ['email', 'hs_additional_emails', 'salesforceleadid'],
      limit: 10,
    });

    // The contact, with every property the profile needs and the problem field's history.
    const get = calls[1]!;
    expect(get.method).toBe('GET');
    expect(get.url.pathname).toBe('/crm/v3/objects/contacts/51001');
    const requested = get.url.searchParams.get('properties')!.split(',');
    expect(requested).toEqual(
      expect.arrayContaining([
        'email',
        // A contact found by another of its addresses must be seen to hold it still.
        'hs_additional_emails',
        'hs_analytics_source',
        'hs_analytics_source_data_1',
        'hs_analytics_first_url',
        'hs_latest_source',
        'hs_analytics_num_page_views',
        'hubspotscore',
        'lifecyclestage',
        'hs_email_optout',
        'message',
        'preferred_contact_method',
        'best_time_to_call',
        'hs_timezone',
        'salesforceleadid',
      ]),
    );
    expect(get.url.search).toMatch(/^\?properties=email,hs_additional_emails,firstname,lastname,company,/);
    expect(get.url.searchParams.get('propertiesWithHistory')).toBe('message');
    expect(get.url.searchParams.get('archived')).toBe('false');

    // The mapped choice properties' definitions, once per connector: their options' labels.
    expect(calls.slice(2, 4).map((call) => `${call.method} ${call.url.pathname}`)).toEqual(DEFINITION_CALLS);
    // Page views: two pages of events, the second asked for with the first page's cursor.
    expect(calls.slice(4).map((call) => Object.fromEntries(call.url.searchParams))).toEqual([
      { objectType: 'contact', objectId: '51001', eventType: 'e_visited_page', limit: '100', sort: '-occurredAt' },
      { objectType: 'contact', objectId: '51001', eventType: 'e_visited_page', limit: '100', sort: '-occurredAt', after: 'Mjk2NDg1MjM1MDAw' },
    ]);
    expect(calls).toHaveLength(6);

    expect(profile).toMatchObject({
      id: '51001',
      email: 'priya.raman@ledgerly.io',
      name: 'Priya Raman',
      company: 'Ledgerly',
      title: 'VP Security',
      industry: 'Fintech',
      crmIds: { hubspot: '51001', salesforce: '00Q8d00000XyZ1aEAF' },
      source: {
        channel: 'paid_search',
        campaign: 'Q3 SOC 2 Readiness – Google Ads',
        utm: { source: 'google', medium: 'cpc', campaign: 'soc2-readiness-q3', term: 'soc 2 audit software', content: 'rsa-evidence-headline' },
        firstPage: expect.stringMatching(/^https:\/\/www\.keyline\.example\/product\/soc-2\?utm_source=google/),
        referrer: 'https://www.google.example/',
        firstSeen: '2026-09-14T13:22:05.000Z',
        latest: { channel: 'email', campaign: 'Nurture: SOC 2 Countdown', at: '2026-11-12T15:40:00.000Z' },
      },
      problems: [
        {
          text: expect.stringMatching(/^We have our first SOC 2 Type II audit/),
          form: 'Demo request',
          submittedAt: '2026-11-16T13:09:30.000Z',
        },
        { text: 'Looking for a checklist to get ready for SOC 2.', form: 'SOC 2 readiness checklist', submittedAt: '2026-09-14T13:31:10.482Z' },
      ],
      contact: {
        preferredChannel: 'email',
        bestTime: { start: '09:00', end: '11:00', weekdaysOnly: true },
        timeZone: 'America/New_York',
        doNotCall: false,
        doNotEmail: false,
      },
      score: 82,
      stage: 'mql',
    });
    // Newest first; the javascript: URL is dropped; the epoch-ms event is read; the untitled one is named by its URL.
    expect(profile!.pageViews.map((view) => [view.viewedAt, view.title])).toEqual([
      ['2026-11-16T13:05:20.000Z', 'Pricing'],
      ['2026-11-16T13:02:41.000Z', 'Security & trust center'],
      ['2026-10-27T14:11:20.000Z', 'Integrations: Okta'],
      ['2026-10-27T14:03:10.000Z', 'https://www.keyline.example/resources/tallybook-soc2-case-study'],
      ['2026-09-14T13:29:27.000Z', 'Pricing'],
      ['2026-09-14T13:22:05.000Z', 'SOC 2 automation'],
    ]);
    expect(new Set(profile!.pageViews.map((view) => view.visitId)).size).toBe(3);
    expect(profile!.highIntent.map((moment) => moment.label)).toEqual([
      'Submitted “Demo request”',
      'Viewed pricing 2×',
      'Read the security pages',
      'Looked at integrations',
      'Submitted “SOC 2 readiness checklist”',
    ]);
  });

  it('on HubSpot itself reads the record’s contact directly, without a search', async () => {
    const calls = hubspot([contactRoute, ...eventRoutes]);
    const profile = await connector().findProfile({ crm: 'hubspot', recordId: '51001', email: 'priya.raman@ledgerly.io' }, signal);
    expect(profile?.id).toBe('51001');
    expect(calls.map((call) => `${call.method} ${call.url.pathname}`)).toEqual([
      'GET /crm/v3/objects/contacts/51001',
      ...DEFINITION_CALLS,
      'GET /events/v3/events',
      'GET /events/v3/events',
    ]);
  });

  it('says when older page views were left unread, and not when the trail ended', async () => {
    // Every page of events points to one more: reading stops, and the brief says its trail does.
    const endless: Route[] = Array.from({ length: 12 }, (_, page) => ({
      method: 'GET',
      path: '/events/v3/events',
      when: (url: URL) => (url.searchParams.get('after') ?? 'c0') === `c${page}`,
      body: { results: eventsPage1.results.map((event) => ({ ...event, id: `${event.id}-${page}` })), paging: { next: { after: `c${page + 1}` } } },
    }));
    hubspot([contactRoute, ...endless]);
    const profile = await connector().findProfile({ crm: 'hubspot', recordId: '51001' }, signal);
    expect(profile?.gaps).toEqual([
      { what: 'Older page views', why: `were not read: Leadside shows the newest ${profile!.pageViews.length}`, coded: { code: 'hubspot.olderViewsNotRead', params: { limit: profile!.pageViews.length } } },
    ]);
    hubspot([contactRoute, ...eventRoutes]);
    expect((await connector().findProfile({ crm: 'hubspot', recordId: '51001' }, signal))?.gaps).toBeUndefined();
  });

  it('reads the score from the property the admin mapped (the lead scoring tool’s, since the HubSpot score was retired), and asks for no other', async () => {
    const scored = { ...contact51001, properties: { ...contact51001.properties, hubspotscore: '12', inbound_lead_score: '57.5' } };
    const calls = hubspot([{ ...contactRoute, body: scored }, ...eventRoutes]);
    const profile = await connector({ mappings: { ...source.mappings, score: 'inbound_lead_score' } }).findProfile({ crm: 'hubspot', recordId: '51001' }, signal);
    expect(profile?.score).toBe(57.5);
    const requested = calls[0]!.url.searchParams.get('properties')!.split(',');
    expect(requested).toContain('inbound_lead_score');
    expect(requested).not.toContain('hubspotscore');
  });

  it('never reads a HubSpot lead’s id (Sales Hub’s Leads) as a contact id: a contact 51001 is someone else', async () => {
    const calls = hubspot([contactRoute, ...eventRoutes, { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchEmpty }]);
    expect(await connector().findProfile({ crm: 'hubspot', objectType: 'lead', recordId: '51001' }, signal)).toBeNull();
    expect(calls.map((call) => `${call.method} ${call.url.pathname}`)).not.toContain('GET /crm/v3/objects/contacts/51001');
  });

  it('falls back to the e-mail when the HubSpot record id is not a contact', async () => {
    const calls = hubspot([
      { method: 'GET', path: '/crm/v3/objects/contacts/777', status: 404, body: error404 },
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchPriya },
      contactRoute,
      ...eventRoutes,
    ]);
    const profile = await connector().findProfile({ crm: 'hubspot', recordId: '777', email: 'priya.raman@ledgerly.io' }, signal);
    expect(profile?.id).toBe('51001');
    // Not a Salesforce record: no Salesforce-id filter.
    expect(calls[1]!.body.filterGroups).toEqual([
      { filters: [{ propertyName: 'email', operator: 'EQ', value: 'priya.raman@ledgerly.io' }] },
      { filters: [{ propertyName: 'hs_additional_emails', operator: 'CONTAINS_TOKEN', value: 'priya.raman@ledgerly.io' }] },
    ]);
  });

  it('answers null for a person HubSpot does not know, after one search', async () => {
    const calls = hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchEmpty }]);
    expect(await connector().findProfile({ crm: 'pipedrive', recordId: '991', email: 'nobody@unknown-co.example' }, signal)).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('answers null without asking when there is neither an e-mail nor a usable record id', async () => {
    const calls = hubspot([]);
    expect(await connector().findProfile({ crm: 'zoho', recordId: '4876876000000624001' }, signal)).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it('still finds the lead by e-mail when the mapped Salesforce property does not exist', async () => {
    const calls = hubspot([
      {
        method: 'POST',
        path: '/crm/v3/objects/contacts/search',
        when: (_url, body) => body.filterGroups.length === 4,
        status: 400,
        body: { status: 'error', message: 'There was a problem with the request.', correlationId: 'x', category: 'VALIDATION_ERROR' },
      },
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchPriya },
      contactRoute,
      ...eventRoutes,
    ]);
    const profile = await connector({ mappings: { ...source.mappings, salesforceId: 'sf_lead_id_typo' } }).findProfile(
      { crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io' },
      signal,
    );
    expect(profile?.id).toBe('51001');
    expect(calls[1]!.body.filterGroups).toHaveLength(2);
  });

  it('searches a Salesforce contact (003…) by the synced contact id', async () => {
    const calls = hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchEmpty }]);
    await connector().findProfile({ crm: 'salesforce', recordId: '0038d00000AbCdEAAV', email: 'priya.raman@ledgerly.io' }, signal);
    expect(calls[0]!.body.filterGroups[2]).toEqual({ filters: [{ propertyName: 'salesforcecontactid', operator: 'EQ', value: '0038d00000AbCdEAAV' }] });
    // A custom mapping is used as it is.
    await connector({ mappings: { ...source.mappings, salesforceId: 'sfdc_id' } }).findProfile(
      { crm: 'salesforce', recordId: '0038d00000AbCdEAAV', email: 'priya.raman@ledgerly.io' },
      signal,
    );
    expect(calls[1]!.body.filterGroups[2].filters[0].propertyName).toBe('sfdc_id');
  });

  it('asks again without the sort when HubSpot refuses it, instead of giving up on page views', async () => {
    const calls = hubspot([
      contactRoute,
      {
        method: 'GET',
        path: '/events/v3/events',
        when: (url) => url.searchParams.has('sort'),
        status: 400,
        body: { status: 'error', message: 'Invalid input JSON on line 1', correlationId: 'x', category: 'VALIDATION_ERROR' },
      },
      ...eventRoutes,
    ]);
    const hub = connector();
    const profile = await hub.getProfile('51001', signal);
    expect(profile!.pageViews).toHaveLength(6);
    expect(calls.filter((call) => call.url.pathname === '/events/v3/events').map((call) => call.url.searchParams.has('sort'))).toEqual([true, false, false]);
    await hub.getProfile('51001', signal);
    expect(calls.filter((call) => call.url.pathname === '/events/v3/events').map((call) => call.url.searchParams.has('sort'))).toEqual([true, false, false, false, false]);
  });

  it('falls back to the visit summary when the events API is not available, and says so in the profile', async () => {
    const calls = hubspot([contactRoute, { method: 'GET', path: '/events/v3/events', status: 403, body: error403Events }]);
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const hub = connector();

    const profile = await hub.getProfile('51001', signal);
    expect(profile!.pageViews).toEqual([
      {
        url: 'https://www.keyline.example/demo',
        title: 'Last page seen (HubSpot summary: 12 page views over 4 visits)',
        viewedAt: '2026-11-16T13:02:41.000Z',
        visitId: 'summary',
      },
      {
        url: expect.stringMatching(/^https:\/\/www\.keyline\.example\/product\/soc-2\?/),
        title: 'First page seen (HubSpot summary: 12 page views over 4 visits)',
        viewedAt: '2026-09-14T13:22:05.000Z',
        visitId: 'summary',
      },
    ]);
    // Summary views are not counted as buying signals.
    expect(profile!.highIntent.map((moment) => moment.label)).toEqual(['Submitted “Demo request”', 'Submitted “SOC 2 readiness checklist”']);
    expect(info).toHaveBeenCalledWith(expect.stringContaining("hasn't been granted all required scopes"));

    // HubSpot said no once: the next profile does not ask again.
    await hub.getProfile('51001', signal);
    expect(calls.filter((call) => call.url.pathname === '/events/v3/events')).toHaveLength(1);
  });

  it('uses the summary too when the events API has no page views for the contact', async () => {
    hubspot([contactRoute, { method: 'GET', path: '/events/v3/events', body: eventsEmpty }]);
    const profile = await connector().getProfile('51001', signal);
    expect(profile!.pageViews.map((view) => view.visitId)).toEqual(['summary', 'summary']);
  });

  it('a HubSpot outage on the events API shows the contact with its summary, and says per-page history was not read', async () => {
    hubspot([contactRoute, { method: 'GET', path: '/events/v3/events', status: 503, body: error500, headers: { 'Retry-After': '30' } }]);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const profile = (await connector().getProfile('51001', signal))!;
    expect(profile.name).toBe('Priya Raman');
    expect(profile.pageViews.every((view) => view.visitId === 'summary')).toBe(true);
    expect(profile.gaps).toEqual([{ what: 'Per-page history', why: expect.stringMatching(/^was not read this time \(HubSpot answered 503: .*\); the visit summary is shown instead\.$/), coded: expect.objectContaining({ code: 'hubspot.eventsNotThisTime', cause: expect.objectContaining({ code: 'source.serverError' }) }) }]);
  });

  it('getProfile answers null for a deleted contact and for an id that is not HubSpot’s', async () => {
    const calls = hubspot([{ method: 'GET', path: '/crm/v3/objects/contacts/40404', status: 404, body: error404 }]);
    expect(await connector().getProfile('40404', signal)).toBeNull();
    expect(await connector().getProfile('../../cms/v3/hubdb/tables', signal)).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('searches profiles with HubSpot’s free-text query', async () => {
    const calls = hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchText }]);
    const results = await connector().searchProfiles('  ledgerly ', signal);
    expect(calls[0]!.body).toEqual({ query: 'ledgerly', limit: 20, properties: ['firstname', 'lastname', 'email', 'company'] });
    expect(results).toEqual([
      { id: '51001', name: 'Priya Raman', email: 'priya.raman@ledgerly.io', company: 'Ledgerly' },
      { id: '51044', email: 'finance@ledgerly.io' },
    ]);
    expect(await connector().searchProfiles('   ', signal)).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});

describe('HubSpot connector: content from HubDB', () => {
  it('reads every page of the table, maps the columns and skips rows it cannot use', async () => {
    const calls = hubspot([
      { method: 'GET', path: '/cms/v3/hubdb/tables/5729341/rows', when: (url) => url.searchParams.get('after') === 'MTQ0MjcxOTM4NTEz', body: rowsPage2 },
      { method: 'GET', path: '/cms/v3/hubdb/tables/5729341/rows', when: (url) => !url.search, body: rowsPage1 },
    ]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const items = await connector().listContent(signal);

    expect(calls.map((call) => call.url.href)).toEqual([
      `${API}/cms/v3/hubdb/tables/5729341/rows`,
      `${API}/cms/v3/hubdb/tables/5729341/rows?after=MTQ0MjcxOTM4NTEz`,
    ]);
    expect(items).toEqual([
      {
        id: '144271938511',
        title: 'Tallybook passed SOC 2 Type II in 11 weeks',
        type: 'case_study',
        url: 'https://www.keyline.example/resources/tallybook-soc2-case-study',
        summary: 'How a 60-person fintech collected audit evidence without a spreadsheet.',
        topics: ['SOC 2 audit', 'evidence collection'],
        industries: ['Fintech'],
        personas: ['CISO', 'VP Security'],
        stages: ['mql', 'sql'],
        updatedAt: '2026-10-30T16:02:11.874Z',
      },
      {
        id: '144271938512',
        title: 'Keyline ROI calculator',
        type: 'roi_calculator',
        url: 'https://www.keyline.example/pricing/roi',
        summary: 'Estimate audit hours saved per quarter.',
        topics: ['audit hours', 'cost'],
        industries: [],
        personas: [],
        stages: ['opportunity'],
        updatedAt: '2026-09-01T11:40:00.000Z',
      },
      {
        id: '144271938514',
        title: 'Access reviews in Okta, one-pager',
        type: 'one_pager',
        url: 'https://www.keyline.example/resources/okta-access-reviews.pdf',
        summary: 'Quarterly access reviews with Okta as the source of truth.',
        topics: ['access reviews'],
        industries: [],
        personas: [],
        stages: [],
        updatedAt: new Date(1790000000000).toISOString(),
      },
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('2 HubDB rows skipped'));
  });

  it('returns no catalog, without a call, when no table is configured', async () => {
    const calls = hubspot([]);
    expect(await connector({ contentTableId: '' }).listContent(signal)).toEqual([]);
    expect(calls).toHaveLength(0);
  });

  it('stops when HubSpot repeats a cursor instead of looping', async () => {
    const looping = { ...rowsPage1, paging: { next: { after: 'same' } } };
    const calls = hubspot([{ method: 'GET', path: '/cms/v3/hubdb/tables/5729341/rows', body: looping }]);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await connector().listContent(signal)).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------

const verdict: FeedbackItem = {
  id: '3f0c1a52-6a8e-4d1b-9b7e-2c4f5d6e7a81',
  createdAt: '2026-11-18T10:14:58Z',
  lead: { key: 'salesforce:00Q8d00000XyZ1aEAF', crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io', name: 'Priya Raman' },
  source: { channel: 'paid_search', campaign: 'Q3 SOC 2 Readiness – Google Ads' },
  rep: 'Dana Whitfield',
  kind: 'verdict',
  verdict: 'demo_booked',
  reasons: ['From this outreach'],
  note: 'Wants <b>SOC 2</b> & ISO 27001\nnext quarter',
};
const request: FeedbackItem = {
  id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  createdAt: '2026-11-18T10:20:00+01:00',
  lead: verdict.lead,
  source: verdict.source,
  kind: 'content_request',
  text: 'A fintech case study with Okta',
};
const feedback = (item: FeedbackItem, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({ kind: 'feedback', item, id: item.id, attempts: 0, unclear: false, ...extra }) as OutboxEntry;
const event: OutboxEntry = {
  kind: 'event',
  item: { id: 'ev-1', type: 'opened', contentId: '144271938511', at: '2026-11-18T10:30:00Z', source: {} },
  id: 'ev-1',
  attempts: 0,
  unclear: false,
};

describe('HubSpot connector: delivering feedback as notes', () => {
  it('creates one note per item on the contact, looks the contact up once, and leaves content events out', async () => {
    const calls = hubspot([
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchPriya },
      { method: 'POST', path: '/crm/v3/objects/notes', status: 201, body: noteCreated },
    ]);
    const results = await connector().deliver([feedback(verdict), event, feedback(request)], signal);

    expect(results).toEqual([
      { id: verdict.id, outcome: 'delivered', remoteId: '62894751203' },
      { id: 'ev-1', outcome: 'unsupported' },
      { id: request.id, outcome: 'delivered', remoteId: '62894751203' },
    ]);
    expect(calls.map((call) => `${call.method} ${call.url.pathname}`)).toEqual([
      'POST /crm/v3/objects/contacts/search',
      'POST /crm/v3/objects/notes',
      'POST /crm/v3/objects/notes',
    ]);
    expect(calls[1]!.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(calls[1]!.body).toEqual({
      properties: {
        hs_timestamp: '2026-11-18T10:14:58.000Z',
        hs_note_body: [
          'Leadside lead verdict: Demo booked',
          'Reasons: From this outreach',
          'Note: Wants &lt;b&gt;SOC 2&lt;/b&gt; &amp; ISO 27001<br>next quarter',
          'Rep: Dana Whitfield',
          'Lead: Priya Raman &lt;priya.raman@ledgerly.io&gt;, Salesforce record 00Q8d00000XyZ1aEAF',
          'Source when given: Paid search · Q3 SOC 2 Readiness – Google Ads',
          'Given: 2026-11-18T10:14:58Z',
          'leadside-id: 3f0c1a52-6a8e-4d1b-9b7e-2c4f5d6e7a81',
        ].join('<br>'),
      },
      associations: [{ to: { id: '51001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
    });
    // The timestamp is sent in UTC.
    expect(calls[2]!.body.properties.hs_timestamp).toBe('2026-11-18T09:20:00.000Z');
    expect(calls[2]!.body.properties.hs_note_body).toContain('Leadside content request: A fintech case study with Okta');
  });

  it('finds the note an unclear attempt already created instead of writing it twice', async () => {
    const calls = hubspot([
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchPriya },
      { method: 'POST', path: '/crm/v3/objects/notes/search', body: notesSearchFound },
    ]);
    const results = await connector().deliver([feedback(verdict, { unclear: true, attempts: 1 })], signal);
    expect(results).toEqual([{ id: verdict.id, outcome: 'delivered', remoteId: '62894751203' }]);
    expect(calls[1]!.body).toEqual({
      filterGroups: [
        { filters: [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: verdict.id }] },
        {
          filters: [
            { propertyName: 'associations.contact', operator: 'EQ', value: '51001' },
            { propertyName: 'hs_timestamp', operator: 'EQ', value: String(Date.parse(verdict.createdAt)) },
          ],
        },
      ],
      properties: ['hs_note_body'],
      limit: 20,
    });
    expect(calls.some((call) => call.url.pathname === '/crm/v3/objects/notes')).toBe(false);
  });

  it('creates the note after an unclear attempt that never reached HubSpot', async () => {
    const calls = hubspot([
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchPriya },
      { method: 'POST', path: '/crm/v3/objects/notes/search', body: notesSearchEmpty },
      { method: 'POST', path: '/crm/v3/objects/notes', status: 201, body: noteCreated },
    ]);
    const results = await connector().deliver([feedback(verdict, { unclear: true, attempts: 1 })], signal);
    expect(results).toEqual([{ id: verdict.id, outcome: 'delivered', remoteId: '62894751203' }]);
    expect(calls.map((call) => call.url.pathname)).toEqual(['/crm/v3/objects/contacts/search', '/crm/v3/objects/notes/search', '/crm/v3/objects/notes']);
  });

  it('does nothing for an item HubSpot already has an id for', async () => {
    const calls = hubspot([]);
    expect(await connector().deliver([feedback(verdict, { remoteId: '62894751203' })], signal)).toEqual([
      { id: verdict.id, outcome: 'delivered', remoteId: '62894751203' },
    ]);
    expect(calls).toHaveLength(0);
  });

  it('rejects an item whose lead HubSpot does not know, with the reason', async () => {
    hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchEmpty }]);
    const [result] = await connector().deliver([feedback(verdict)], signal);
    expect(result).toEqual({
      id: verdict.id,
      outcome: 'rejected',
      error: expect.stringContaining('HubSpot has no contact for the e-mail priya.raman@ledgerly.io'),
      coded: { code: 'hubspot.noContactForEmail', params: { email: 'priya.raman@ledgerly.io' } },
    });
  });

  it('answers per item: a 400 is rejected with HubSpot’s text, a 500 is retried', async () => {
    hubspot([
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchPriya },
      { method: 'POST', path: '/crm/v3/objects/notes', status: 400, body: error400, times: 1 },
      { method: 'POST', path: '/crm/v3/objects/notes', status: 500, body: error500 },
    ]);
    const results = await connector().deliver([feedback(verdict), feedback(request)], signal);
    expect(results).toEqual([
      {
        id: verdict.id,
        outcome: 'rejected',
        error: expect.stringContaining('HubSpot answered 400: Property values were not valid'),
        coded: expect.objectContaining({ code: 'source.rejected', params: { system: 'HubSpot', status: 400 } }),
      },
      {
        id: request.id,
        outcome: 'retry',
        error: 'HubSpot answered 500: internal error (correlation id 5d4c3b2a-1908-4f7e-8d6c-5b4a39281706)',
        coded: { code: 'source.serverError', params: { system: 'HubSpot', status: 500 }, detail: 'internal error (correlation id 5d4c3b2a-1908-4f7e-8d6c-5b4a39281706)' },
      },
    ]);
  });

  it('throws a 429 for the batch with Retry-After, so the outbox backs off', async () => {
    hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', status: 429, body: error429, headers: { 'Retry-After': '10' } }]);
    const error = await failure(connector().deliver([feedback(verdict), feedback(request)], signal));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(10_000);
    expect(error.message).toContain('You have reached your secondly limit.');
  });

  it('keeps the notes already created when the rate limit hits mid-batch', async () => {
    hubspot([
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchPriya },
      { method: 'POST', path: '/crm/v3/objects/notes', status: 201, body: noteCreated, times: 1 },
      // A window too long to wait out inside one delivery: the rest of the batch waits for the outbox.
      { method: 'POST', path: '/crm/v3/objects/notes', status: 429, body: error429, headers: { 'Retry-After': '10' } },
    ]);
    const third = { ...request, id: 'b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e' };
    const results = await connector().deliver([feedback(verdict), feedback(request), event, feedback(third)], signal);
    expect(results).toEqual([
      { id: verdict.id, outcome: 'delivered', remoteId: '62894751203' },
      { id: request.id, outcome: 'retry', error: expect.stringContaining('429'), coded: expect.objectContaining({ code: 'source.rateLimitedRetry' }) },
      { id: 'ev-1', outcome: 'unsupported' },
      { id: third.id, outcome: 'retry', error: expect.stringContaining('429'), coded: expect.objectContaining({ code: 'source.rateLimitedRetry' }) },
    ]);
  });

  it('throws an auth failure for the batch', async () => {
    hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', status: 401, body: error401 }]);
    expect((await failure(connector().deliver([feedback(verdict)], signal))).kind).toBe('auth');
  });
});

// ---------------------------------------------------------------------------------------------

describe('HubSpot connector: failures', () => {
  const find = () => connector().findProfile({ crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io' }, signal);

  it('401: the token is wrong, in HubSpot’s words', async () => {
    hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', status: 401, body: error401 }]);
    const error = await failure(find());
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('HubSpot answered 401: Authentication credentials not found.');
    expect(error.message).toContain('missing, wrong or expired');
  });

  it('403: names the scope HubSpot says is missing', async () => {
    hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', status: 403, body: error403Scopes }]);
    const error = await failure(find());
    expect(error.kind).toBe('auth');
    expect(error.message).toContain("This app hasn't been granted all required scopes");
    expect(error.message).toContain('(required scopes: crm.objects.contacts.read)');
  });

  it('429: rate-limited with Retry-After', async () => {
    hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', status: 429, body: error429, headers: { 'Retry-After': '12' } }]);
    const error = await failure(find());
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 12_000 });
    expect(error.message).toContain('Leadside asks again in 12 s');
  });

  it('500: a server error, with HubSpot’s text', async () => {
    hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', status: 500, body: error500 }]);
    const error = await failure(find());
    // The correlation id HubSpot's support asks for comes along, for a failure on HubSpot's side only.
    expect(error).toMatchObject({ kind: 'server', message: 'HubSpot answered 500: internal error (correlation id 5d4c3b2a-1908-4f7e-8d6c-5b4a39281706)' });
  });

  it('an HTML error page is reported by its text, never its markup', async () => {
    hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', status: 502, text: '<html><body>Bad gateway</body></html>' }]);
    expect((await failure(find())).message).toBe('HubSpot answered 502: Bad gateway');
  });

  it('a payload that is not what HubSpot documents is malformed, not a crash', async () => {
    hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', body: { total: 1, results: [{ id: { nested: true }, properties: 'none' }] } }]);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = await failure(find());
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/^HubSpot sent data Leadside could not read: results\.0\./);
  });

  it('a body that is not JSON is malformed', async () => {
    hubspot([{ method: 'POST', path: '/crm/v3/objects/contacts/search', text: 'OK' }]);
    expect((await failure(find())).kind).toBe('malformed');
  });

  it('no answer in time is a timeout', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_input: RequestInfo | URL, init?: RequestInit) =>
          new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
      ),
    );
    const error = await failure(connector({ timeoutSeconds: 1 }).getProfile('51001', signal));
    expect(error).toMatchObject({ kind: 'timeout', message: 'HubSpot did not answer within 1 s' });
  });

  it('no network is a network error naming the host', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await failure(connector().getProfile('51001', signal));
    expect(error).toMatchObject({ kind: 'network', message: 'Could not reach HubSpot at api.hubapi.com: Failed to fetch' });
  });

  it('without a token nothing is sent and the admin is told what to do', async () => {
    const calls = hubspot([]);
    const error = await failure(connector({}, '  ').findProfile({ crm: 'hubspot', recordId: '51001' }, signal));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('access token');
    expect(calls).toHaveLength(0);
  });

  it('cuts the token out of an error text that echoes it', async () => {
    hubspot([{ method: 'GET', path: '/crm/v3/objects/contacts/51001', status: 401, body: { status: 'error', message: `Token ${TOKEN} is expired`, correlationId: 'x' } }]);
    const error = await failure(connector().getProfile('51001', signal));
    expect(error.message).toContain('Token ••• is expired');
  });
});

describe('HubSpot connector: connection test', () => {
  it('checks each capability separately and says where page views come from', async () => {
    const calls = hubspot([
      { method: 'GET', path: '/crm/v3/objects/contacts', body: contactsList },
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchEmpty },
      { method: 'GET', path: '/events/v3/events', body: eventsEmpty },
      { method: 'GET', path: '/cms/v3/hubdb/tables/5729341/rows', when: (url) => url.searchParams.has('after'), body: rowsPage2 },
      { method: 'GET', path: '/cms/v3/hubdb/tables/5729341/rows', body: rowsPage1 },
      { method: 'GET', path: '/crm/v3/objects/notes', body: notesList },
      { method: 'POST', path: '/oauth/v2/private-apps/get/access-token-info', body: { scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'hubdb'] } },
    ]);
    const checks = await connector().testConnection(signal);
    expect(checks).toEqual([
      { capability: 'auth', ok: true, message: 'Token accepted: contacts are readable.', coded: { code: 'hubspot.check.auth' } },
      {
        capability: 'lookup',
        ok: true,
        message: 'Contact search by e-mail works. Page views come from HubSpot’s web-analytics events API.',
        coded: { code: 'hubspot.check.viewsFromEvents' },
      },
      {
        capability: 'content',
        ok: true,
        message: expect.stringMatching(/^3 content items from HubDB table 5729341\. 2 rows skipped, e\.g\. “Tracking pixel test” has no http\(s\) url\.$/),
        // The first skipped row's reason is quoted after the translated sentence.
        coded: { code: 'hubspot.check.contentSkipped', params: { count: 3, table: '5729341', skipped: 2 }, detail: '“Tracking pixel test” has no http(s) url' },
      },
      { capability: 'write', ok: true, message: expect.stringContaining('Notes are reachable'), coded: { code: 'hubspot.check.write' } },
    ]);
    expect(calls.map((call) => `${call.method} ${call.url.pathname}${call.url.search}`)).toEqual([
      'GET /crm/v3/objects/contacts?limit=1&properties=email',
      'POST /crm/v3/objects/contacts/search',
      'GET /events/v3/events?objectType=contact&objectId=51001&eventType=e_visited_page&limit=1',
      'GET /cms/v3/hubdb/tables/5729341/rows',
      'GET /cms/v3/hubdb/tables/5729341/rows?after=MTQ0MjcxOTM4NTEz',
      'GET /crm/v3/objects/notes?limit=1',
      'POST /oauth/v2/private-apps/get/access-token-info',
    ]);
    // Nothing is written by a connection test: its POSTs are a search and the token's own info.
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.url.pathname)).toEqual(['/crm/v3/objects/contacts/search', '/oauth/v2/private-apps/get/access-token-info']);
  });

  it('reports each failure in HubSpot’s words, and an account without the events API', async () => {
    hubspot([
      { method: 'GET', path: '/crm/v3/objects/contacts', body: contactsList },
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchEmpty },
      { method: 'GET', path: '/events/v3/events', status: 403, body: error403Events },
      { method: 'GET', path: '/crm/v3/objects/notes', status: 403, body: error403Scopes },
    ]);
    const checks = await connector({ contentTableId: '' }).testConnection(signal);
    expect(checks[0]).toMatchObject({ capability: 'auth', ok: true });
    expect(checks[1]).toMatchObject({ capability: 'lookup', ok: true, message: expect.stringContaining('only the contact’s visit summary') });
    expect(checks[1]?.coded).toMatchObject({ code: 'hubspot.check.viewsSummaryOnly', cause: { code: 'source.forbidden' } });
    expect(checks[2]).toEqual({
      capability: 'content',
      ok: true,
      message: 'No HubDB content table is configured, so HubSpot supplies no content catalog.',
      coded: { code: 'hubspot.check.noContentTable' },
    });
    expect(checks[3]?.coded).toMatchObject({ code: 'source.forbidden', params: { system: 'HubSpot', status: 403 } });
    expect(checks[3]).toMatchObject({ capability: 'write', ok: false, message: expect.stringContaining('(required scopes: crm.objects.contacts.read)') });
  });

  it('fails every check with the token problem when the token is refused', async () => {
    hubspot([
      { method: 'GET', path: '/crm/v3/objects/contacts', status: 401, body: error401 },
      { method: 'POST', path: '/crm/v3/objects/contacts/search', status: 401, body: error401 },
      { method: 'GET', path: '/cms/v3/hubdb/tables/5729341/rows', status: 401, body: error401 },
      { method: 'GET', path: '/crm/v3/objects/notes', status: 401, body: error401 },
    ]);
    const checks = await connector().testConnection(signal);
    expect(checks.map((check) => check.ok)).toEqual([false, false, false, false]);
    for (const check of checks) {
      expect(check.message).toContain('Authentication credentials not found');
      expect(check.message).not.toContain(TOKEN);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('HubSpot mapping rules', () => {
  it.each([
    ['america_slash_new_york', 'America/New_York'],
    ['europe_slash_berlin', 'Europe/Berlin'],
    // The runtime's time-zone database answers with its canonical name (a link's target).
    ['america_slash_argentina_slash_buenos_aires', new Intl.DateTimeFormat('en-US', { timeZone: 'America/Argentina/Buenos_Aires' }).resolvedOptions().timeZone],
    ['america_slash_port_hyphen_au_hyphen_prince', 'America/Port-au-Prince'],
    ['America/Chicago', 'America/Chicago'],
    ['utc', 'UTC'],
    ['mars_slash_olympus_mons', undefined],
    ['', undefined],
    ['<script>', undefined],
  ])('time zone %s → %s', (value, expected) => {
    expect(ianaTimeZone(value)).toBe(expected);
  });

  it.each([
    ['09:00-11:00', { start: '09:00', end: '11:00', weekdaysOnly: false }],
    ['9:30 – 11:00 weekdays', { start: '09:30', end: '11:00', weekdaysOnly: true }],
    ['Mon-Fri 14:00 to 16:30', { start: '14:00', end: '16:30', weekdaysOnly: true }],
    // Free text as HubSpot properties hold it (a single-line text property the lead filled in).
    ['mornings', { start: '08:00', end: '12:00', weekdaysOnly: false }],
    ['Mon/Wed mornings, before 11 ET', { start: '08:00', end: '11:00', weekdaysOnly: false, days: ['mon', 'wed'], timeZone: 'America/New_York' }],
    ['whenever works', undefined],
    ['25:00-26:00', undefined],
    ['10:00-10:00', undefined],
  ])('best time %s', (value, expected) => {
    expect(parseBestTime(value)).toEqual(expected);
  });

  it.each([
    ['subscriber', 'subscriber'],
    ['lead', 'lead'],
    ['marketingqualifiedlead', 'mql'],
    ['salesqualifiedlead', 'sql'],
    ['opportunity', 'opportunity'],
    ['customer', 'customer'],
    ['evangelist', 'evangelist'],
    ['other', 'other'],
    ['Marketing qualified lead', 'mql'],
    ['1034567', undefined],
  ])('lifecycle stage %s → %s', (value, expected) => {
    expect(lifecycleStage(value)).toBe(expected);
  });

  it.each([
    ['ORGANIC_SEARCH', {}, 'organic_search'],
    ['PAID_SEARCH', {}, 'paid_search'],
    ['EMAIL_MARKETING', {}, 'email'],
    ['SOCIAL_MEDIA', {}, 'organic_social'],
    ['PAID_SOCIAL', {}, 'paid_social'],
    ['REFERRALS', {}, 'referral'],
    ['AI_REFERRALS', {}, 'referral'],
    ['DIRECT_TRAFFIC', {}, 'direct'],
    ['OFFLINE', {}, 'other'],
    ['OTHER_CAMPAIGNS', {}, 'other'],
    ['OTHER_CAMPAIGNS', { medium: 'webinar' }, 'webinar'],
    ['OTHER_CAMPAIGNS', { medium: 'event', source: 'rsa-2026' }, 'event'],
    ['OTHER_CAMPAIGNS', { source: 'partner' }, 'partner'],
    ['SOMETHING_NEW', {}, 'other'],
    [undefined, {}, 'other'],
  ] as const)('source %s %o → %s', (value, utm, expected) => {
    expect(channelFor(value, utm)).toBe(expected);
  });

  it.each([
    ['2026-11-16T13:09:30.000Z', '2026-11-16T13:09:30.000Z'],
    ['2026-11-16T14:09:30+01:00', '2026-11-16T13:09:30.000Z'],
    ['1793109790000', '2026-10-27T14:03:10.000Z'],
    [1793109790000, '2026-10-27T14:03:10.000Z'],
    ['2026-11-16', '2026-11-16T00:00:00.000Z'],
    ['2026-11-16T13:09:30', '2026-11-16T13:09:30.000Z'],
    ['yesterday', undefined],
    ['0', undefined],
    [null, undefined],
  ])('timestamp %s → %s', (value, expected) => {
    expect(toTimestamp(value)).toBe(expected);
  });

  it('summary page views need a URL and a time; one view when first and last are the same', () => {
    expect(summaryPageViews({ hs_analytics_last_url: 'https://x.example/a' })).toEqual([]);
    expect(
      summaryPageViews({
        hs_analytics_num_page_views: '1',
        hs_analytics_num_visits: '1',
        hs_analytics_first_url: 'https://x.example/a',
        hs_analytics_first_timestamp: '2026-01-01T00:00:00Z',
        hs_analytics_last_url: 'https://x.example/a',
        hs_analytics_last_visit_timestamp: '2026-01-01T00:00:00Z',
      }),
    ).toEqual([{ url: 'https://x.example/a', title: 'Last page seen (HubSpot summary: 1 page view over 1 visit)', viewedAt: '2026-01-01T00:00:00.000Z', visitId: 'summary' }]);
  });

  it('HubDB rows: labels as types, HTML reduced to text, missing pieces skipped with the reason', () => {
    expect(contentFromRow({ id: 1, values: { title: 'A', url: 'https://x.example/a', type: 'White paper', summary: '<b>Hi</b> &amp; bye' } })).toEqual({
      item: expect.objectContaining({ id: '1', type: 'whitepaper', summary: 'Hi & bye' }),
    });
    expect(contentFromRow({ id: '2', values: { url: 'https://x.example/a', type: 'guide' } })).toEqual({ skipped: 'row 2 has no title' });
    expect(contentFromRow({ id: '3', values: { title: 'B', url: 'data:text/html,hi', type: 'guide' } })).toEqual({ skipped: '“B” has no http(s) url' });
    expect(contentFromRow('nope')).toEqual({ skipped: expect.any(String) });
  });

  it('HubDB rows: the ranking columns, as HubDB sends them (select options, multi-selects, dates in ms); a cell that does not read is left out, the row kept', () => {
    const row = {
      id: 7,
      values: {
        title: 'Preisliste 2026',
        url: 'https://x.example/de/preise-2026',
        type: { id: '4', name: 'datasheet', type: 'option' },
        summary: 'Preise f&uuml;r &laquo;Quote&raquo;',
        language: 'de',
        translation_of: 5,
        buyer_stages: [{ id: '1', name: 'Decision', type: 'option' }, { id: '2', name: 'nonsense', type: 'option' }],
        audience: { id: '1', name: 'Prospect', type: 'option' },
        competitors: 'Quotient; Priceline',
        products: [{ id: '1', name: 'Quote', type: 'option' }],
        review_by: Date.UTC(2027, 0, 31),
        expires_at: '2026-12-31',
        replaced_by: '',
      },
    };
    expect(contentFromRow(row)).toEqual({
      item: expect.objectContaining({
        summary: 'Preise für «Quote»',
        language: 'de',
        translationOf: '5',
        buyerStages: ['decision'],
        audience: 'prospect',
        competitors: ['Quotient', 'Priceline'],
        products: ['Quote'],
        reviewBy: '2027-01-31',
        expiresAt: '2026-12-31',
      }),
    });
    const odd = contentFromRow({ id: 8, values: { title: 'B', url: 'https://x.example/b', type: 'guide', language: 'not a tag!', audience: 'everyone', expires_at: 'soon' } });
    expect(odd).toEqual({ item: expect.not.objectContaining({ language: expect.anything() }) });
    expect('item' in odd && [odd.item.audience, odd.item.expiresAt]).toEqual([undefined, undefined]);
  });

  it('note bodies are escaped text', () => {
    const body = noteBody({ ...request, kind: 'prospect_question', text: '<img src=x onerror=alert(1)> "quoted" & more' } as FeedbackItem, request.id);
    expect(body).toContain('Leadside prospect question: &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; more');
    expect(body).not.toMatch(/<img/);
    expect(body.endsWith(`leadside-id: ${request.id}`)).toBe(true);
  });
});
