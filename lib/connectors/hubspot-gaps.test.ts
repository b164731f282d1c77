/**
 * Issue 15, HubSpot: what a new account's real-shaped answers look like when they are incomplete
 * (no property history, no conversion date, no events scope, a rate limit, a sub-resource 404),
 * written from HubSpot's own models (hubspot-api-nodejs codegen: SimplePublicObjectWithAssociations,
 * CollectionResponseExternalUnifiedEvent; 429 bodies as its RetryDecorator reads them).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HubSpotSourceSchema } from '@/lib/schema';
import { backoffRemainingMs, clearBackoffs, rateLimitKey } from './backoff';
import { createHubSpotConnector, EVENTS_SCOPE_GAP } from './hubspot';
import { ConnectorError } from './types';

const TOKEN = 'pat-eu1-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const signal = new AbortController().signal;
const source = HubSpotSourceSchema.parse({ kind: 'hubspot', mappings: { problem: 'what_is_your_challenge', bestTime: 'best_time_to_reach_you' } });

/** A contact as GET /crm/v3/objects/contacts/{id} answers without propertiesWithHistory and without conversions. */
const contact = (properties: Record<string, string | null> = {}) => ({
  id: '90210',
  properties: {
    email: 'mo.adeyemi@brightwave.example',
    firstname: 'Mo',
    lastname: 'Adeyemi',
    hs_object_id: '90210',
    what_is_your_challenge: 'Our SDRs copy notes between three tools and lose the context before the first call.',
    best_time_to_reach_you: 'Mon/Wed mornings, before 11 ET',
    hs_analytics_num_page_views: '7',
    hs_analytics_num_visits: '3',
    hs_analytics_first_url: 'https://www.brightwave.example/',
    hs_analytics_first_timestamp: '2026-10-02T08:15:00.000Z',
    hs_analytics_last_url: 'https://www.brightwave.example/pricing',
    first_conversion_date: null,
    recent_conversion_date: null,
    createdate: '2026-10-02T08:16:40.112Z',
    lastmodifieddate: '2026-11-20T10:00:03.001Z',
    ...properties,
  },
  createdAt: '2026-10-02T08:16:40.112Z',
  updatedAt: '2026-11-20T10:00:03.001Z',
  archived: false,
});

const missingScopes = {
  status: 'error',
  message: "This app hasn't been granted all required scopes to make this call.",
  correlationId: 'a0b1c2d3-e4f5-4061-8293-a4b5c6d7e8f9',
  category: 'MISSING_SCOPES',
  errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: ['behavioral_events.event_definitions.read_write'] } }],
};
const tenSecondly = {
  status: 'error',
  message: 'You have reached your ten_secondly_rolling limit.',
  errorType: 'RATE_LIMIT',
  correlationId: 'f0e1d2c3-b4a5-4697-8889-7a6b5c4d3e2f',
  policyName: 'TEN_SECONDLY_ROLLING',
  groupName: 'publicapi:private-app:7654321:24681357',
};
const notFound = { status: 'error', message: 'resource not found', correlationId: '1f2e3d4c-5b6a-4789-8a9b-0c1d2e3f4a5b', category: 'OBJECT_NOT_FOUND' };

type Answer = { status?: number; body: unknown; headers?: Record<string, string> };

function serve(route: (url: URL, method: string, count: number) => Answer) {
  const calls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      calls.push(url);
      const answer = route(url, init?.method ?? 'GET', calls.filter((call) => call.pathname === url.pathname).length);
      return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'Content-Type': 'application/json', ...answer.headers } });
    }),
  );
  return calls;
}

beforeEach(() => {
  clearBackoffs();
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const connector = (token = TOKEN) => createHubSpotConnector(source, { token });

describe('HubSpot: a contact without history, conversions or the events scope', () => {
  it('keeps the stated problem with its date unknown, the best time as written, and the last URL with a note on per-page history', async () => {
    serve((url) => (url.pathname.startsWith('/events/') ? { status: 403, body: missingScopes } : { body: contact() }));
    const profile = (await connector().getProfile('90210', signal))!;

    expect(profile.problems).toEqual([{ text: 'Our SDRs copy notes between three tools and lose the context before the first call.', form: 'HubSpot' }]);
    expect(profile.contact.bestTimeText).toBe('Mon/Wed mornings, before 11 ET');
    expect(profile.contact.bestTime).toEqual({ start: '08:00', end: '11:00', weekdaysOnly: false, days: ['mon', 'wed'], timeZone: 'America/New_York' });
    // The last URL has no hs_analytics_last_timestamp: still shown, titled so its date is not taken for real.
    expect(profile.pageViews.map((view) => [view.url, view.title])).toEqual([
      ['https://www.brightwave.example/pricing', 'Last page seen, date unknown (HubSpot summary: 7 page views over 3 visits)'],
      ['https://www.brightwave.example/', 'First page seen (HubSpot summary: 7 page views over 3 visits)'],
    ]);
    expect(profile.gaps).toEqual([{ what: 'Per-page history', why: EVENTS_SCOPE_GAP, coded: { code: 'hubspot.eventsNeedScope' } }]);
  });

  it('says the same on the next lookup, when the events API is no longer asked', async () => {
    const calls = serve((url) => (url.pathname.startsWith('/events/') ? { status: 403, body: missingScopes } : { body: contact() }));
    const hub = connector();
    await hub.getProfile('90210', signal);
    const again = (await hub.getProfile('90210', signal))!;
    expect(calls.filter((url) => url.pathname.startsWith('/events/'))).toHaveLength(1);
    expect(again.gaps).toEqual([{ what: 'Per-page history', why: EVENTS_SCOPE_GAP, coded: { code: 'hubspot.eventsNeedScope' } }]);
  });

  it('free text it cannot read stays text, with no window to judge "now" by', async () => {
    serve((url) => (url.pathname.startsWith('/events/') ? { status: 403, body: missingScopes } : { body: contact({ best_time_to_reach_you: 'Whenever, just text first' }) }));
    const profile = (await connector().getProfile('90210', signal))!;
    expect(profile.contact.bestTimeText).toBe('Whenever, just text first');
    expect(profile.contact.bestTime).toBeUndefined();
  });
});

describe('HubSpot: a sub-resource that fails', () => {
  it('a 404 on the events of a contact that exists keeps the contact, its summary and a gap', async () => {
    serve((url) => (url.pathname.startsWith('/events/') ? { status: 404, body: notFound } : { body: contact() }));
    const profile = (await connector().getProfile('90210', signal))!;
    expect(profile.name).toBe('Mo Adeyemi');
    expect(profile.pageViews).toHaveLength(2);
    expect(profile.gaps).toEqual([{ what: 'Per-page history', why: expect.stringContaining('could not be read (HubSpot answered 404: resource not found)'), coded: { code: 'hubspot.eventsUnavailable', cause: { code: 'source.notFound', params: { system: 'HubSpot', status: 404 }, detail: 'resource not found' } } }]);
  });

  it('a later page of events that fails keeps the pages read and says older ones are missing', async () => {
    const page1 = {
      results: [
        { objectType: 'contact', objectId: '90210', eventType: 'e_visited_page', occurredAt: '2026-11-20T09:58:00Z', id: 'ev-1', properties: { hs_url: 'https://www.brightwave.example/pricing', hs_title: 'Pricing', hs_session_id: 's-9' } },
      ],
      paging: { next: { after: 'MTcwMDAwMDAwMA', link: 'https://api.hubapi.com/events/v3/events?after=MTcwMDAwMDAwMA' } },
    };
    serve((url) => {
      if (!url.pathname.startsWith('/events/')) return { body: contact() };
      return url.searchParams.has('after') ? { status: 502, body: { status: 'error', message: 'Bad gateway' } } : { body: page1 };
    });
    const profile = (await connector().getProfile('90210', signal))!;
    expect(profile.pageViews.map((view) => view.title)).toEqual(['Pricing']);
    expect(profile.gaps).toEqual([{ what: 'Older page views', why: 'were not read: HubSpot answered 502: Bad gateway', coded: { code: 'hubspot.olderViewsUnread', cause: { code: 'source.serverError', params: { system: 'HubSpot', status: 502 }, detail: 'Bad gateway' } } }]);
  });
});

describe('HubSpot: 429', () => {
  it('a short window is waited out and the call sent again on its own; the window holds back every call with the token', async () => {
    const calls = serve((url, _method, count) => {
      if (url.pathname.startsWith('/events/')) return { status: 403, body: missingScopes };
      // HubSpot's burst window, shortened for the test: the headers are the ones it sends.
      if (count === 1) return { status: 429, body: tenSecondly, headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '300', 'X-HubSpot-RateLimit-Max': '100', 'X-HubSpot-RateLimit-Remaining': '0' } };
      return { body: contact() };
    });
    const started = Date.now();
    const profile = await connector().getProfile('90210', signal);
    expect(profile?.name).toBe('Mo Adeyemi');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(calls.filter((url) => url.pathname === '/crm/v3/objects/contacts/90210')).toHaveLength(2);
  });

  it('a long window fails at once with the wait, and every lookup with the same token waits without calling HubSpot', async () => {
    const calls = serve(() => ({ status: 429, body: tenSecondly, headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Remaining': '0' } }));
    const first = await connector().getProfile('90210', signal).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(ConnectorError);
    expect(first).toMatchObject({ kind: 'rate-limited', retryAfterMs: 10_000, system: 'HubSpot' });
    expect((first as Error).message).toContain('You have reached your ten_secondly_rolling limit');
    // Another connector with the same token (another lookup, the outbox) does not call during the window.
    const second = await connector().findProfile({ crm: 'salesforce', recordId: '00Q000000000001', email: 'mo.adeyemi@brightwave.example' }, signal).catch((error: unknown) => error);
    expect(second).toMatchObject({ kind: 'rate-limited' });
    expect((second as ConnectorError).retryAfterMs).toBeGreaterThan(9_000);
    expect(calls).toHaveLength(1);
    // Another token is not held back.
    expect(backoffRemainingMs(await rateLimitKey(source.apiBase, 'pat-eu1-another-token'))).toBe(0);
  });

  it('logs the back-off under a hash of the token, never the token', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    serve(() => ({ status: 429, body: tenSecondly, headers: { 'Retry-After': '10' } }));
    await connector().getProfile('90210', signal).catch(() => undefined);
    const logged = info.mock.calls.flat().join(' ');
    expect(logged).toContain(await rateLimitKey(source.apiBase, TOKEN));
    expect(logged).not.toContain(TOKEN);
  });

  it('events rate-limited while the contact was read: the summary is shown and the brief says per-page history was not read', async () => {
    serve((url) => (url.pathname.startsWith('/events/') ? { status: 429, body: tenSecondly, headers: { 'Retry-After': '10' } } : { body: contact() }));
    const profile = (await connector().getProfile('90210', signal))!;
    expect(profile.pageViews).toHaveLength(2);
    expect(profile.gaps).toEqual([{ what: 'Per-page history', why: expect.stringMatching(/^was not read this time \(HubSpot answered 429: .*Leadside asks again in 10 s\.\)/), coded: expect.objectContaining({ code: 'hubspot.eventsNotThisTime', cause: expect.objectContaining({ code: 'source.rateLimitedRetry', params: { system: 'HubSpot', status: 429, count: 10 } }) }) }]);
  });
});

describe('HubSpot: errors name HubSpot', () => {
  it('a 401 is an auth error from HubSpot, so the panel can offer to reconnect it', async () => {
    serve(() => ({ status: 401, body: { status: 'error', message: 'Authentication credentials not found.', correlationId: 'c0ffee00-0000-4000-8000-000000000000', category: 'INVALID_AUTHENTICATION' } }));
    const error = await connector().getProfile('90210', signal).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'auth', system: 'HubSpot' });
  });
});
