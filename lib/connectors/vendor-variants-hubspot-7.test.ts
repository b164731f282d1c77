/**
 * HubSpot vendor variants, seventh set (H88…H102): answers and answer sequences HubSpot really sends that
 * the first six sets (vendor-variants.test.ts and vendor-variants-hubspot-2…6.test.ts, H01–H87) do not
 * have: "AI referrals" as the original source, OFFLINE sources written by the API (drill-downs `API` /
 * `contact-upsert`, `BATCH_UPDATE` / `auditId=null`) with the empty strings HubSpot answers for analytics
 * never set, a plus-tagged address the CRM page shows in other case, page-view events rate-limited after
 * the contact answered (a short SECONDLY window, the DAILY limit), events carrying `hs_page_url` /
 * `hs_page_title` and six fractional digits in `occurredAt`, a multiple-checkboxes property mapped as the
 * best time, `hs_timezone` options that are legacy IANA links, a HubSpot-ads Performance Max click
 * (`hsa_*` parameters, an empty `utm_term`), a Salesforce duplicate lead HubSpot does not sync with,
 * cleared number/datetime/bool values answered as "", option properties whose definitions HubSpot refuses
 * (403 for `crm.schemas.contacts.read`, 429), a stale search hit whose id was merged away, a search
 * cursor answered as a number, a search that stays rate-limited, and a phone-only contact found by the
 * rep's search on a number. Written from HubSpot's documents, knowledge base, SDKs and public integration
 * code without reading the connector's mapping or client: each expectation is what HubSpot's documented
 * meaning says a rep should see; where the answer is a product choice only what must hold is asserted.
 * Shapes and sources: test/fixtures/api/variants/README.md, section "hubspot7/ (seventh set)".
 */
import { describe, expect, it, vi } from 'vitest';
import type { LeadProfile } from '@/lib/schema';
import searchEmpty from '@/test/fixtures/api/hubspot/contacts-search-empty.json';
import eventsEmpty from '@/test/fixtures/api/hubspot/events-empty.json';
import aiReferrals from '@/test/fixtures/api/variants/hubspot7/contact-67088-ai-referrals.json';
import offlineApi from '@/test/fixtures/api/variants/hubspot7/contact-67089-offline-api.json';
import offlineBatch from '@/test/fixtures/api/variants/hubspot7/contact-67189-offline-batch-update.json';
import plusAddress from '@/test/fixtures/api/variants/hubspot7/contact-67090-plus-address.json';
import searchPlusAddress from '@/test/fixtures/api/variants/hubspot7/search-67090-plus-address.json';
import contact67091 from '@/test/fixtures/api/variants/hubspot7/contact-67091.json';
import events67091 from '@/test/fixtures/api/variants/hubspot7/events-67091.json';
import secondly429 from '@/test/fixtures/api/variants/hubspot7/error-429-secondly.json';
import daily429 from '@/test/fixtures/api/variants/hubspot7/error-429-daily.json';
import contact67092 from '@/test/fixtures/api/variants/hubspot7/contact-67092.json';
import pageUrlEvents from '@/test/fixtures/api/variants/hubspot7/events-67092-page-url.json';
import microsEvents from '@/test/fixtures/api/variants/hubspot7/events-67092-micros.json';
import bestTimeSlots from '@/test/fixtures/api/variants/hubspot7/contact-67093-best-time-slots.json';
import bestTimeSlotsProperty from '@/test/fixtures/api/variants/hubspot7/property-best_time_slots.json';
import legacyTimezones from '@/test/fixtures/api/variants/hubspot7/contacts-67094-legacy-timezones.json';
import pmaxHsa from '@/test/fixtures/api/variants/hubspot7/contact-67095-pmax-hsa.json';
import salesforceDuplicate from '@/test/fixtures/api/variants/hubspot7/contact-67096-salesforce-duplicate.json';
import search67096 from '@/test/fixtures/api/variants/hubspot7/search-67096.json';
import clearedValues from '@/test/fixtures/api/variants/hubspot7/contact-67097-cleared-values.json';
import optionValues from '@/test/fixtures/api/variants/hubspot7/contact-67098-option-values.json';
import schemasScope403 from '@/test/fixtures/api/variants/hubspot7/error-403-schemas-scope.json';
import tenSecondly429 from '@/test/fixtures/api/variants/hubspot7/error-429-ten-secondly.json';
import staleMerged from '@/test/fixtures/api/variants/hubspot7/search-67099-stale-merged.json';
import mergedSurvivor from '@/test/fixtures/api/variants/hubspot7/contact-67199-merged-survivor.json';
import numericAfterPage1 from '@/test/fixtures/api/variants/hubspot7/search-text-67100-page1-numeric-after.json';
import numericAfterPage2 from '@/test/fixtures/api/variants/hubspot7/search-text-67100-page2.json';
import phoneOnly from '@/test/fixtures/api/variants/hubspot7/contact-67102-phone-only.json';
import searchPhone from '@/test/fixtures/api/variants/hubspot7/search-67102-phone.json';
import { ConnectorError, type ProfileSummary } from './types';
import type { FakeRoute } from '@/test/support/fake-fetch';
import { contactAt, describeOutcome, HS_TOKEN, hub, instant, rejection, resetBetweenTests, said, serve, signal, wellFormed } from '@/test/support/vendor-variants';

// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

type Route = FakeRoute;
resetBetweenTests();

const SEARCH = '/crm/v3/objects/contacts/search';
/** The page-view events, on the v3 path or its date-versioned successor ([HS-EVT2]). */
const EVENTS = /^\/events\/(v3\/events|event-occurrences\/[^/]+)$/;
/** Every contact-properties definition read: by name, the list, `batch/read`, v3 or date-versioned. */
const PROPERTY_DEFINITIONS = /^\/crm\/(v3\/properties\/contacts|properties\/[^/]+\/contacts)(\/.*)?$/;

const search = (body: unknown, extra: Partial<Route> = {}): Route => ({ method: 'POST', path: SEARCH, body, ...extra });
const events = (body: unknown, extra: Partial<Route> = {}): Route => ({ method: 'GET', path: EVENTS, body, ...extra });
const anyEvents = events(eventsEmpty);
/** A lookup from a Pipedrive person whose page showed `email`. */
const query = (email: string) => ({ crm: 'pipedrive' as const, recordId: '6710', email });

/** Every filter value a search body names (`value`, `values`) and its free-text `query`, as HubSpot's index would match them. */
const searchValues = (body: any): string[] => [
  ...(body?.filterGroups ?? []).flatMap((group: any) =>
    (group?.filters ?? []).flatMap((filter: any) => [filter?.value, ...(Array.isArray(filter?.values) ? filter.values : [])]),
  ),
  body?.query,
].filter((value: unknown): value is string => typeof value === 'string');
/** A search whose filters or query hold `text` exactly, case aside (HubSpot's `EQ` on `email`). */
const names = (text: string) => (_url: URL, body: any) => searchValues(body).some((value) => value.trim().toLowerCase() === text.toLowerCase());

/** The IANA zone a name stands for (links such as "US/Pacific-New" resolve to "America/Los_Angeles"), so two spellings of one zone compare equal. */
const zoneOf = (zone: string | undefined): string | undefined =>
  zone === undefined ? undefined : new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;

/** A settled lookup is a ConnectorError or `{ resolved }`; anything else (a TypeError, a ZodError) is a crash. */
function expectSettled(outcome: unknown): asserts outcome is ConnectorError | { resolved: LeadProfile | null } {
  const ok = outcome instanceof ConnectorError || (typeof outcome === 'object' && outcome !== null && 'resolved' in outcome);
  expect(ok, `the lookup crashed instead of answering: ${describeOutcome(outcome)}`).toBe(true);
}

/** Records when each request whose path matches was sent (on top of the routes `serve` installed). */
function timesOf(path: RegExp): number[] {
  const times: number[] = [];
  const answer = globalThis.fetch;
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      if (path.test(new URL(String(input)).pathname)) times.push(Date.now());
      return answer(input, init);
    }),
  );
  return times;
}

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, seventh set: source properties', () => {
  it('H88: "AI referrals" as the ORIGINAL source (AI_REFERRALS, drill-downs chatgpt.com and its URL, a first URL ChatGPT tagged utm_source=chatgpt.com): a referral-like first touch, never direct or organic search, the AI site not passed off as a campaign', async () => {
    serve([contactAt('67088', aiReferrals), anyEvents]);
    const profile = wellFormed(await hub().getProfile('67088', signal));
    const props = aiReferrals.properties;
    expect(profile.name).toBe('Inès Moreau');
    expect(['referral', 'other']).toContain(profile.source.channel);
    expect(['chatgpt.com', 'https://chatgpt.com/']).not.toContain(profile.source.campaign);
    expect(profile.source.utm.source).toBe('chatgpt.com');
    expect(profile.source.firstPage).toBe(props.hs_analytics_first_url);
    expect(instant(profile.source.firstSeen)).toBe(instant(props.hs_analytics_first_timestamp));
    if (profile.source.referrer !== undefined) expect(profile.source.referrer).toContain('chatgpt.com');
    if (profile.source.latest !== undefined) expect(profile.source.latest.channel).toBe('direct');
  });

  it('H89a: OFFLINE from the API (drill-downs "API" / "contact-upsert"), analytics never set answered as "" (first URL, referrer, visit times, hs_email_optout): an offline lead, no tool name as a campaign, no page or referrer made of "", first seen at its epoch-ms timestamp', async () => {
    serve([contactAt('67089', offlineApi), anyEvents]);
    const profile = wellFormed(await hub().getProfile('67089', signal));
    expect(profile.name).toBe('Raya Mendez');
    expect(profile.source.channel).toBe('other');
    expect(['API', 'contact-upsert']).not.toContain(profile.source.campaign);
    expect(profile.source.firstPage).toBeUndefined();
    expect(profile.source.referrer).toBeUndefined();
    expect(instant(profile.source.firstSeen)).toBe(Number(offlineApi.properties.hs_analytics_first_timestamp));
    expect(profile.stage).toBe('subscriber');
    expect(profile.score).toBe(0);
    expect(profile.contact.doNotEmail).toBe(false);
    expect(profile.pageViews).toEqual([]);
    expect(profile.problems).toEqual([]);
  });

  it('H89b: OFFLINE from an API batch update (drill-downs "BATCH_UPDATE" / "auditId=null"), names as the import wrote them: the lead as given, and HubSpot\'s internal audit text nowhere in the source', async () => {
    serve([contactAt('67189', offlineBatch), anyEvents]);
    const profile = wellFormed(await hub().getProfile('67189', signal));
    expect(profile.name).toBe('MARTA KOWALCZYK');
    expect(profile.company).toBeUndefined();
    expect(profile.stage).toBeUndefined();
    expect(profile.source.channel).toBe('other');
    expect(JSON.stringify(profile.source)).not.toMatch(/auditId|BATCH_UPDATE/);
  });

  it('H95: a HubSpot-ads Performance Max click (PAID_SEARCH; first URL with utm_term= empty, hsa_acc/hsa_cam ids, empty hsa_kw, gad_source, gclid): paid search under the utm_campaign, no keyword made of "", no ad-account id as the campaign', async () => {
    serve([contactAt('67095', pmaxHsa), anyEvents]);
    const profile = wellFormed(await hub().getProfile('67095', signal));
    expect(profile.name).toBe('Hamid Rahimi');
    expect(profile.source.channel).toBe('paid_search');
    expect(profile.source.campaign).toBe('(CVM)_Brand PMax');
    expect(profile.source.utm.campaign).toBe('(CVM)_Brand PMax');
    expect(profile.source.utm.source).toBe('adwords');
    expect(profile.source.utm.medium).toBe('ppc');
    expect(profile.source.utm.term, 'an empty utm_term is no keyword').toBeUndefined();
    expect(profile.source.campaign).not.toMatch(/^\d+$/);
  });

  it('H97: cleared values answered as "" (hubspotscore, the MQL date, hs_analytics_first_timestamp, hs_latest_source and its timestamp, hs_email_optout, hs_timezone, hs_language) and a message of blanks: unknown stays unknown, never a score of 0, a date in 1970 or a blank problem', async () => {
    serve([contactAt('67097', clearedValues), anyEvents]);
    const profile = wellFormed(await hub().getProfile('67097', signal));
    expect(profile.name).toBe('Valentina Greco');
    expect(profile.score, 'a cleared score is no score, not 0').toBeUndefined();
    expect(profile.stage).toBe('mql');
    expect(profile.qualifiedAt).toBeUndefined();
    if (profile.source.firstSeen !== undefined) expect(instant(profile.source.firstSeen)!).toBeGreaterThan(Date.parse('2000-01-01T00:00:00Z'));
    expect(profile.source.channel).toBe('organic_search');
    expect(profile.source.campaign).toBeUndefined();
    expect(profile.source.latest).toBeUndefined();
    expect(profile.contact.doNotEmail).toBe(false);
    expect(profile.contact.timeZone).toBeUndefined();
    expect(profile.language).toBeUndefined();
    expect(profile.problems).toEqual([]);
  });
});

describe('HubSpot variants, seventh set: contact preferences', () => {
  it('H93: a multiple-checkboxes property mapped as the best time ("weekday_mornings;thursday_afternoons", its definition served): never the internal values, and both ticked slots when one is shown', async () => {
    serve([
      contactAt('67093', bestTimeSlots),
      anyEvents,
      { method: 'GET', path: '/crm/v3/properties/contacts/best_time_slots', body: bestTimeSlotsProperty },
      { method: 'GET', path: '/crm/v3/properties/contacts', body: { results: [bestTimeSlotsProperty] } },
      { method: 'POST', path: '/crm/v3/properties/contacts/batch/read', body: { results: [bestTimeSlotsProperty] } },
    ]);
    const profile = wellFormed(await hub({ mappings: { bestTime: 'best_time_slots' } }).getProfile('67093', signal));
    expect(profile.name).toBe('Jonas Berg');
    expect(profile.contact.timeZone).toBe('Europe/Stockholm');
    const text = profile.contact.bestTimeText;
    expect(text ?? '').not.toMatch(/weekday_mornings|thursday_afternoons/);
    if (text !== undefined) {
      expect(text).toContain('Weekday mornings');
      expect(text).toContain('Thursday afternoons');
    }
  });

  const legacyZone: Record<string, string> = {
    us_slash_pacific_hyphen_new: 'US/Pacific-New',
    chile_slash_easterisland: 'Chile/EasterIsland',
    antarctica_slash_dumontdurville: 'Antarctica/DumontDUrville',
    mexico_slash_bajasur: 'Mexico/BajaSur',
    europe_slash_uzhgorod: 'Europe/Uzhgorod',
  };
  it.each(legacyTimezones.map((contact) => [contact.properties.hs_timezone, contact] as const))(
    'H94: hs_timezone "%s" (an option HubSpot still offers that names a legacy IANA link): the lead\'s zone, not none',
    async (slug, contact) => {
      serve([contactAt(contact.id, contact), anyEvents]);
      const profile = wellFormed(await hub().getProfile(contact.id, signal));
      expect(profile.name).toBe(`${contact.properties.firstname} ${contact.properties.lastname}`);
      expect(profile.contact.timeZone, `${slug} gave no zone`).toBeDefined();
      expect(zoneOf(profile.contact.timeZone)).toBe(zoneOf(legacyZone[slug]));
    },
  );

  describe('H98: mapped option properties ("option_2", "option_3") whose definitions HubSpot will not give', () => {
    const mapped = { mappings: { preferredChannel: 'preferred_contact_channel', bestTime: 'best_time_to_reach' } };
    const mustHold = (profile: LeadProfile) => {
      expect(profile.name).toBe('Olusegun Adebayo');
      expect(profile.contact.timeZone).toBe('Africa/Lagos');
      expect([undefined, 'phone']).toContain(profile.contact.preferredChannel);
      expect(profile.contact.bestTimeText ?? '').not.toMatch(/option_\d/);
    };

    it('H98a: 403 MISSING_SCOPES naming crm.schemas.contacts.read (a private app with the contact scopes only): the lead still shows, no internal value passed off as the lead\'s words, no wrong channel', async () => {
      serve([
        contactAt('67098', optionValues),
        anyEvents,
        { method: 'GET', path: PROPERTY_DEFINITIONS, status: 403, body: schemasScope403 },
        { method: 'POST', path: PROPERTY_DEFINITIONS, status: 403, body: schemasScope403 },
      ]);
      const outcome = await rejection(hub(mapped).getProfile('67098', signal));
      expectSettled(outcome);
      expect(outcome, `the lead was lost to the definitions' 403: ${describeOutcome(outcome)}`).not.toBeInstanceOf(ConnectorError);
      mustHold(wellFormed((outcome as { resolved: LeadProfile | null }).resolved));
    });

    it('H98b: the definitions answer 429 TEN_SECONDLY_ROLLING (Retry-After: 10): the lead still shows at once, the raw values not shown', async () => {
      serve([
        contactAt('67098', optionValues),
        anyEvents,
        { method: 'GET', path: PROPERTY_DEFINITIONS, status: 429, body: tenSecondly429, headers: { 'Retry-After': '10' } },
        { method: 'POST', path: PROPERTY_DEFINITIONS, status: 429, body: tenSecondly429, headers: { 'Retry-After': '10' } },
      ]);
      vi.spyOn(console, 'info').mockImplementation(() => undefined);
      const started = Date.now();
      const outcome = await rejection(hub(mapped).getProfile('67098', signal));
      expectSettled(outcome);
      expect(outcome, `the lead was lost to the definitions' 429: ${describeOutcome(outcome)}`).not.toBeInstanceOf(ConnectorError);
      mustHold(wellFormed((outcome as { resolved: LeadProfile | null }).resolved));
      expect(Date.now() - started).toBeLessThan(8_000);
    });
  });
});

describe('HubSpot variants, seventh set: lookups', () => {
  it('H90: the CRM page shows "Maria.Lopez+Events@Contoso-Pharma.example"; HubSpot holds the plus-tagged address in lower case and matches it whole: the lead is found, with HubSpot\'s address', async () => {
    const stored = plusAddress.properties.email;
    serve([
      search(searchPlusAddress, { when: names(stored) }),
      search(searchEmpty),
      contactAt('67090', plusAddress),
      // A read by the address itself (idProperty=email) answers only when the "+" reached HubSpot as a "+".
      {
        method: 'GET',
        path: /^\/crm\/v3\/objects\/contacts\/[^/]+$/,
        when: (url) => url.searchParams.get('idProperty') === 'email' && decodeURIComponent(url.pathname.split('/').pop()!).toLowerCase() === stored,
        body: plusAddress,
      },
      anyEvents,
    ]);
    const profile = wellFormed(await hub().findProfile(query('Maria.Lopez+Events@Contoso-Pharma.example'), signal));
    expect(profile.id).toBe('67090');
    expect(profile.name).toBe('María López');
    expect(profile.email).toBe(stored);
  });

  it('H96: a Salesforce duplicate lead (same address, another lead id; HubSpot syncs with one record only and keeps that one\'s id): the lead is found by the address the page shows', async () => {
    const email = salesforceDuplicate.properties.email;
    serve([search(search67096, { when: names(email) }), search(searchEmpty), contactAt('67096', salesforceDuplicate), anyEvents]);
    const outcome = await rejection(hub().findProfile({ crm: 'salesforce', recordId: '00Q5j00000Xq9ZzEAJ', email }, signal));
    expectSettled(outcome);
    expect(outcome, 'the contact HubSpot has for this address was not found').not.toEqual({ resolved: null });
    if (outcome instanceof ConnectorError) throw outcome;
    const profile = wellFormed(outcome.resolved);
    expect(profile.id).toBe('67096');
    expect(profile.name).toBe('Kwame Boateng');
  });

  it('H99: the search index still answers 67099, merged a moment ago into 67199 (reads of 67099 answer 67199 with hs_merged_object_ids "67099;66999"): the lead is shown under the id HubSpot answers with, never "no contact"', async () => {
    const email = mergedSurvivor.properties.email;
    serve([search(staleMerged, { when: names(email) }), search(searchEmpty), contactAt('67099', mergedSurvivor), contactAt('67199', mergedSurvivor), anyEvents]);
    const outcome = await rejection(hub().findProfile(query(email), signal));
    expectSettled(outcome);
    expect(outcome, 'the merged contact was lost').not.toEqual({ resolved: null });
    if (outcome instanceof ConnectorError) throw outcome;
    const profile = wellFormed(outcome.resolved);
    expect(profile.id).toBe('67199');
    expect(profile.name).toBe('Zainab Hassan');
    expect(profile.email).toBe(email);
  });

  it('H101: the search answers 429 SECONDLY with Retry-After: 1 every time (other integrations keep the account\'s search budget spent): a rate limit within a few bounded retries, never "no contact", never a hang', async () => {
    const seen = serve([search(secondly429, { status: 429, headers: { 'Retry-After': '1' } }), contactAt('67096', salesforceDuplicate), anyEvents]);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const started = Date.now();
    const outcome = await rejection(hub().findProfile(query('kwame.boateng@harbor-analytics.example'), signal));
    expectSettled(outcome);
    expect(outcome).toBeInstanceOf(ConnectorError);
    expect((outcome as ConnectorError).kind).toBe('rate-limited');
    expect(said(outcome as ConnectorError)).not.toContain(HS_TOKEN);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(seen.filter((call) => call.url.pathname === SEARCH).length, 'more than a few retries').toBeLessThanOrEqual(5);
  });
});

describe('HubSpot variants, seventh set: page-view events', () => {
  it('H91a: the contact answers, its events answer 429 SECONDLY once with Retry-After: 1, then answer: the window is waited out and the page views are shown', async () => {
    serve([contactAt('67091', contact67091), events(secondly429, { status: 429, times: 1, headers: { 'Retry-After': '1' } }), events(events67091)]);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const times = timesOf(EVENTS);
    const profile = wellFormed(await hub().getProfile('67091', signal));
    expect(profile.name).toBe('Sipho Ndlovu');
    expect(profile.pageViews.map((view) => view.url)).toEqual(
      expect.arrayContaining(['https://www.keyline.example/pricing', 'https://www.keyline.example/security/trust-center']),
    );
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect(times[1]! - times[0]!, 'asked again before the second HubSpot named had passed').toBeGreaterThanOrEqual(900);
  });

  it('H91b: the contact answers, its events answer 429 of the DAILY policy (no Retry-After, X-HubSpot-RateLimit-Daily-Remaining: 0): the lead with the page history noted as not read, or a rate limit; at once, a few requests at most', async () => {
    const seen = serve([
      contactAt('67091', contact67091),
      events(daily429, { status: 429, headers: { 'X-HubSpot-RateLimit-Daily': '250000', 'X-HubSpot-RateLimit-Daily-Remaining': '0' } }),
    ]);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const started = Date.now();
    const outcome = await rejection(hub().getProfile('67091', signal));
    expectSettled(outcome);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(seen.filter((call) => EVENTS.test(call.url.pathname)).length).toBeLessThanOrEqual(4);
    if (outcome instanceof ConnectorError) {
      expect(outcome.kind).toBe('rate-limited');
    } else {
      const profile = wellFormed(outcome.resolved);
      expect(profile.name).toBe('Sipho Ndlovu');
      expect(profile.pageViews.map((view) => view.url)).not.toContain('https://www.keyline.example/security/trust-center');
      expect((profile.gaps ?? []).length, 'the page history was passed off as complete').toBeGreaterThan(0);
    }
  });

  /** Each event is a page view at its own instant: its URL and instant are among the views, and no view lacks a title. */
  const expectEachViewShown = (profile: LeadProfile, results: { occurredAt: string; properties: Record<string, string> }[], urlOf: (properties: Record<string, string>) => string) => {
    const shown = profile.pageViews.map((view) => `${view.url}|${instant(view.viewedAt)}`);
    for (const event of results) {
      expect(shown, `${urlOf(event.properties)} at ${event.occurredAt} is missing`).toContain(`${urlOf(event.properties)}|${instant(event.occurredAt)}`);
    }
    for (const view of profile.pageViews) expect(view.title.trim()).not.toBe('');
  };

  it('H92a: page views whose URL and title come as hs_page_url / hs_page_title (no hs_url / hs_title): each page shown at its own instant, with a title', async () => {
    serve([contactAt('67092', contact67092), events(pageUrlEvents)]);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const profile = wellFormed(await hub().getProfile('67092', signal));
    expect(profile.name).toBe('Leilani Kahale');
    expectEachViewShown(profile, pageUrlEvents.results, (properties) => properties.hs_page_url!);
  });

  it('H92b: page views whose occurredAt has six fractional digits ("…T14:22:05.801000Z"): each page shown at its own instant', async () => {
    serve([contactAt('67092', contact67092), events(microsEvents)]);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const profile = wellFormed(await hub().getProfile('67092', signal));
    expect(profile.name).toBe('Leilani Kahale');
    expectEachViewShown(profile, microsEvents.results, (properties) => properties.hs_url!);
  });
});

describe('HubSpot variants, seventh set: the rep\'s own search', () => {
  const blankOrNull = (summary: ProfileSummary) =>
    (['name', 'email', 'company'] as const).filter((field) => summary[field] !== undefined && /^\s*(null|undefined)?\s*$/i.test(String(summary[field])));

  it('H100: a first page (2 of total 3) whose paging.next.after is the number 2, not the string "2", the exact address on the next page: the rep finds that contact', async () => {
    serve([search(numericAfterPage2, { when: (_url, body) => Number(body?.after ?? 0) >= 2 }), search(numericAfterPage1), anyEvents]);
    const outcome = await rejection(hub().searchProfiles('li.wei@contoso-health.example', signal));
    expect(outcome, `the search failed: ${describeOutcome(outcome)}`).toHaveProperty('resolved');
    const found = (outcome as { resolved: ProfileSummary[] }).resolved;
    expect(found.map((summary) => summary.id), 'the contact whose address the rep typed is missing').toContain('67100');
    expect(new Set(found.map((summary) => summary.id)).size).toBe(found.length);
  });

  it('H102: the rep searches a phone number ("+49 30 901820"; HubSpot\'s free-text query searches phone) and the hit is a phone-only contact (no e-mail, no name): listed, with no blank or "null" field', async () => {
    serve([
      search(searchPhone, { when: (_url, body) => JSON.stringify(body ?? {}).replace(/\D/g, '').includes('4930901820') || JSON.stringify(body ?? {}).includes('901820') }),
      search(searchEmpty),
      contactAt('67102', phoneOnly),
      anyEvents,
    ]);
    const outcome = await rejection(hub().searchProfiles('+49 30 901820', signal));
    expect(outcome, `the search failed: ${describeOutcome(outcome)}`).toHaveProperty('resolved');
    const found = (outcome as { resolved: ProfileSummary[] }).resolved;
    expect(found.map((summary) => summary.id), 'the contact with that number is missing').toContain('67102');
    for (const summary of found) expect(blankOrNull(summary), `${summary.id} shows a blank field`).toEqual([]);
    expect(JSON.stringify(found)).not.toMatch(/"(null|undefined)"/);
  });
});
