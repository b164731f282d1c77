/**
 * HubSpot vendor variants, sixth set (H73…H87): answers and answer sequences HubSpot really sends that
 * the first five sets (vendor-variants.test.ts and vendor-variants-hubspot-2…5.test.ts, H01–H72) do
 * not have: a contact unsubscribed from all email (a bool property answered "true"), a negative score,
 * a referral with its referring page and an app's `android-app://` referrer, emoji and right-to-left
 * names, a bot's over-long values with an emoji across Leadside's 500-character cap, a page view whose
 * URL is longer than 2,048 characters, a 15-character Salesforce id from a Classic link (HubSpot keeps
 * the 18-character one), Cloudflare's 520/524 pages, answers cut off mid-body, lifecycle dates as
 * epoch-ms strings and an MQL without its date, "Unknown keywords (SSL)", an events cursor with `+`,
 * `/` and `=`, a token refused between the search and the read, a search index that still lists an
 * address's former holder, the connection test of a portal with no contacts, and a datetime property
 * mapped as the best time. Written from HubSpot's documents, knowledge base, SDKs and public
 * integration code without reading the connector's mapping: each expectation is what HubSpot's
 * documented meaning says a rep should see; where the answer is a product choice only what must hold
 * is asserted. Shapes and sources: test/fixtures/api/variants/README.md, section "hubspot6/ (sixth set)".
 */
import { describe, expect, it, vi } from 'vitest';
import type { LeadProfile } from '@/lib/schema';
import searchEmpty from '@/test/fixtures/api/hubspot/contacts-search-empty.json';
import eventsEmpty from '@/test/fixtures/api/hubspot/events-empty.json';
import optout from '@/test/fixtures/api/variants/hubspot6/contact-66073-optout.json';
import negativeScore from '@/test/fixtures/api/variants/hubspot6/contact-66074-negative-score.json';
import referral from '@/test/fixtures/api/variants/hubspot6/contact-66075-referral.json';
import appReferrer from '@/test/fixtures/api/variants/hubspot6/contact-66175-app-referrer.json';
import unicodeContacts from '@/test/fixtures/api/variants/hubspot6/contacts-66076-unicode.json';
import botOverlong from '@/test/fixtures/api/variants/hubspot6/contact-66276-bot-overlong.json';
import contact66077 from '@/test/fixtures/api/variants/hubspot6/contact-66077.json';
import eventsLongUrl from '@/test/fixtures/api/variants/hubspot6/events-66077-long-url.json';
import search66078 from '@/test/fixtures/api/variants/hubspot6/search-66078-salesforce-18.json';
import contact66078 from '@/test/fixtures/api/variants/hubspot6/contact-66078.json';
import proxy524 from '@/test/fixtures/api/variants/hubspot6/proxy-524-cloudflare.json';
import proxy520 from '@/test/fixtures/api/variants/hubspot6/proxy-520-cloudflare.json';
import contact66079 from '@/test/fixtures/api/variants/hubspot6/contact-66079.json';
import contact66080 from '@/test/fixtures/api/variants/hubspot6/contact-66080.json';
import events66080Page1 from '@/test/fixtures/api/variants/hubspot6/events-66080-page1.json';
import events66080Page2 from '@/test/fixtures/api/variants/hubspot6/events-66080-page2.json';
import mqlEpoch from '@/test/fixtures/api/variants/hubspot6/contact-66081-mql-epoch.json';
import mqlNoDate from '@/test/fixtures/api/variants/hubspot6/contact-66181-mql-no-date.json';
import unknownKeywords from '@/test/fixtures/api/variants/hubspot6/contact-66082-unknown-keywords.json';
import contact66083 from '@/test/fixtures/api/variants/hubspot6/contact-66083.json';
import events66083Page1 from '@/test/fixtures/api/variants/hubspot6/events-66083-page1.json';
import events66083Page2 from '@/test/fixtures/api/variants/hubspot6/events-66083-page2.json';
import search66084 from '@/test/fixtures/api/variants/hubspot6/search-66084.json';
import error401MidLookup from '@/test/fixtures/api/variants/hubspot6/error-401-mid-lookup.json';
import searchStaleMoved from '@/test/fixtures/api/variants/hubspot6/search-66085-stale-moved-address.json';
import formerHolder from '@/test/fixtures/api/variants/hubspot6/contact-66185-address-moved-away.json';
import newHolder from '@/test/fixtures/api/variants/hubspot6/contact-66085-new-holder.json';
import contactsListEmpty from '@/test/fixtures/api/variants/hubspot6/contacts-list-empty.json';
import notesListEmpty from '@/test/fixtures/api/variants/hubspot6/notes-list-empty.json';
import tokenInfo from '@/test/fixtures/api/variants/hubspot6/private-app-token-info.json';
import callbackDatetime from '@/test/fixtures/api/variants/hubspot6/contact-66087-callback-datetime.json';
import callbackProperty from '@/test/fixtures/api/variants/hubspot6/property-preferred_callback_time.json';
import { ConnectorError } from './types';
import type { FakeRoute } from '@/test/support/fake-fetch';
import { contactAt, HS_TOKEN, hub, instant, noEvents, rejection, resetBetweenTests, said, serve, signal, wellFormed } from '@/test/support/vendor-variants';

// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

type Route = FakeRoute;
resetBetweenTests();

const EVENTS = '/events/v3/events';
const SEARCH = '/crm/v3/objects/contacts/search';
const search = (body: unknown, extra: Partial<Route> = {}): Route => ({ method: 'POST', path: SEARCH, body, ...extra });
const events = (body: unknown, when?: Route['when'], extra: Partial<Route> = {}): Route => ({ method: 'GET', path: EVENTS, body, when, ...extra });
/** A lookup from a Pipedrive person whose page showed `email`. */
const query = (email: string) => ({ crm: 'pipedrive' as const, recordId: '6610', email });

/** A proxy's page as the fixture holds it: `{status, headers, body}`. */
const page = (path: string, fixture: { status: number; headers: Record<string, string>; body: string }, method: Route['method'] = 'GET'): Route => ({
  method,
  path,
  status: fixture.status,
  headers: fixture.headers,
  text: fixture.body,
});

/** What a refusal says, in English and as a code. */
const HTML_TAG = /<\/?(!doctype|html|head|body|div|span|h1|h2|p|strong|header|meta|link)\b/i;

/** Every filter value a search body names (`value` and `values`), to answer as HubSpot's `EQ`/`IN` would. */
const filterValues = (body: any): string[] =>
  (body?.filterGroups ?? []).flatMap((group: any) =>
    (group?.filters ?? []).flatMap((filter: any) => [filter?.value, ...(Array.isArray(filter?.values) ? filter.values : [])].filter((value: unknown): value is string => typeof value === 'string')),
  );

/** A surrogate half without its other half: what cutting a string inside an emoji leaves. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Replaces the answer to the requests the test picks by a 200 whose body breaks off after half its
 * bytes (the connection is reset mid-body: undici's `TypeError: terminated`); every other request is
 * answered by the routes `serve` installed.
 */
function cutBodyWhere(cut: (url: URL) => boolean, body: unknown): void {
  const answer = globalThis.fetch;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      if (!cut(url)) return answer(input, init);
      const bytes = new TextEncoder().encode(JSON.stringify(body));
      const half = bytes.slice(0, Math.floor(bytes.length / 2));
      let sent = false;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (!sent) {
            sent = true;
            controller.enqueue(half);
          } else {
            controller.error(new TypeError('terminated'));
          }
        },
      });
      return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json;charset=utf-8' } });
    }),
  );
}

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, sixth set: contact properties of other types', () => {
  it('H73: hs_email_optout "true" ("Unsubscribed from all email", a bool property HubSpot answers as the string "true"): the brief says not to e-mail the lead, and says nothing of calls', async () => {
    serve([contactAt('66073', optout), noEvents]);
    const profile = wellFormed(await hub().getProfile('66073', signal));
    expect(profile.name).toBe('Henrik Lund');
    expect(profile.contact.doNotEmail).toBe(true);
    expect(profile.contact.doNotCall).toBe(false);
  });

  it('H74: hubspotscore "-10" (subtraction criteria can take a score below zero): the score is -10, not 0 and not unknown', async () => {
    serve([contactAt('66074', negativeScore), noEvents]);
    const profile = wellFormed(await hub().getProfile('66074', signal));
    expect(profile.score).toBe(-10);
    expect(profile.stage).toBe('lead');
  });

  it('H81a: lifecycle dates as epoch-ms strings (the qualification date "1794646800000"): qualified at that instant, first seen at its own', async () => {
    serve([contactAt('66081', mqlEpoch), noEvents]);
    const profile = wellFormed(await hub().getProfile('66081', signal));
    expect(profile.stage).toBe('sql');
    expect(instant(profile.qualifiedAt)).toBe(instant('2026-11-14T09:00:00.000Z'));
    expect(instant(profile.source.firstSeen)).toBe(instant('2026-10-10T07:55:31.000Z'));
  });

  it('H81b: an MQL whose "Became a Marketing Qualified Lead Date" is null (the stage was imported): no qualification date is invented from another date', async () => {
    serve([contactAt('66181', mqlNoDate), noEvents]);
    const profile = wellFormed(await hub().getProfile('66181', signal));
    expect(profile.stage).toBe('mql');
    expect(profile.qualifiedAt).toBeUndefined();
  });

  it('H87: a datetime property mapped as the best time ("Preferred callback time", answered as epoch ms "1794650400000"): never a bare number shown as the lead\'s words', async () => {
    serve([
      contactAt('66087', callbackDatetime),
      noEvents,
      { method: 'GET', path: '/crm/v3/properties/contacts/preferred_callback_time', body: callbackProperty },
      { method: 'GET', path: '/crm/v3/properties/contacts', body: { results: [callbackProperty] } },
      { method: 'POST', path: '/crm/v3/properties/contacts/batch/read', body: { results: [callbackProperty] } },
    ]);
    const profile = wellFormed(await hub({ mappings: { bestTime: 'preferred_callback_time' } }).getProfile('66087', signal));
    expect(profile.name).toBe('Elena Rossi');
    expect(profile.contact.timeZone).toBe('Europe/Rome');
    expect(profile.contact.bestTimeText ?? '').not.toMatch(/^\s*\d{10,}\s*$/);
  });
});

describe('HubSpot variants, sixth set: source properties in unusual states', () => {
  it('H75a: REFERRALS with the referring domain in drill-down 1, its page in drill-down 2 and hs_analytics_first_referrer: a referral from that site, the site not passed off as a campaign', async () => {
    serve([contactAt('66075', referral), noEvents]);
    const profile = wellFormed(await hub().getProfile('66075', signal));
    expect(profile.source.channel).toBe('referral');
    expect(profile.source.firstPage).toBe('https://www.keyline.example/compare/soc-2-platforms');
    expect(profile.source.referrer).toBeDefined();
    expect(profile.source.referrer).toContain('partnerhub.example');
    expect(['partnerhub.example', 'https://partnerhub.example/blog/soc2-vendors-compared']).not.toContain(profile.source.campaign);
  });

  it('H75b: a HubSpot e-mail link opened in the Gmail app (hs_analytics_first_referrer "android-app://com.google.android.gm/"): e-mail with its first page; the app referrer is no web link and breaks nothing', async () => {
    serve([contactAt('66175', appReferrer), noEvents]);
    const profile = wellFormed(await hub().getProfile('66175', signal));
    expect(profile.source.channel).toBe('email');
    expect(profile.source.firstPage).toBe(appReferrer.properties.hs_analytics_first_url);
    expect(profile.source.utm.source).toBe('hs_email');
    if (profile.source.referrer !== undefined) expect(profile.source.referrer).toContain('com.google.android.gm');
  });

  it('H82: ORGANIC_SEARCH with drill-down 1 "Unknown keywords (SSL)" (the engine withheld the keyword), first and latest: organic search, and HubSpot\'s placeholder never shown as a keyword or campaign', async () => {
    serve([contactAt('66082', unknownKeywords), noEvents]);
    const profile = wellFormed(await hub().getProfile('66082', signal));
    expect(profile.source.channel).toBe('organic_search');
    expect(JSON.stringify(profile.source)).not.toContain('Unknown keywords');
    if (profile.source.latest !== undefined) expect(profile.source.latest.channel).toBe('organic_search');
  });
});

describe('HubSpot variants, sixth set: unicode and over-long values', () => {
  it.each(unicodeContacts.map((contact) => [contact.id, contact] as const))(
    'H76a: contact %s: emoji (a ZWJ sequence too) and right-to-left names, company and title come out exactly as the lead typed them',
    async (id, contact) => {
      serve([contactAt(id, contact), noEvents]);
      const profile = wellFormed(await hub().getProfile(id, signal));
      expect(profile.name).toBe(`${contact.properties.firstname} ${contact.properties.lastname}`);
      expect(profile.company).toBe(contact.properties.company);
      expect(profile.title).toBe(contact.properties.jobtitle);
    },
  );

  it('H76b: a bot-filled form (a 701-character company, a 514-character title, an emoji across the 500th character): a profile the panel accepts, the lead kept, no emoji cut in half, no text that is not the start of the value', async () => {
    serve([contactAt('66276', botOverlong), noEvents]);
    const profile = wellFormed(await hub().getProfile('66276', signal));
    expect(profile.id).toBe('66276');
    expect(profile.email).toBe('lukas.meyer@brandt-logistik.example');
    expect(profile.name).toBe('Lukas Meyer');
    expect(profile.problems.map((problem) => problem.text)).toEqual(['Please send pricing for 40 seats. 🙏']);
    const values: [string | undefined, string][] = [
      [profile.company, botOverlong.properties.company],
      [profile.title, botOverlong.properties.jobtitle],
    ];
    for (const [shown, original] of values) {
      if (shown === undefined) continue;
      expect(LONE_SURROGATE.test(shown), `"…${shown.slice(-8)}" ends inside an emoji`).toBe(false);
      expect(original.startsWith(shown.replace(/(…|\.\.\.)$/, '').trimEnd()), `"…${shown.slice(-20)}" is not how the value starts`).toBe(true);
    }
  });

  it('H77: one page view\'s URL is 2,309 characters (a site-search page with its filters): the other views are kept, and no link is shown that the lead did not open', async () => {
    serve([contactAt('66077', contact66077), events(eventsLongUrl)]);
    const profile = wellFormed(await hub().getProfile('66077', signal));
    const urls = eventsLongUrl.results.map((event) => event.properties.hs_url);
    const long = new URL(urls[1]!);
    const allowed = new Set([...urls, `${long.origin}${long.pathname}`]);
    for (const view of profile.pageViews) expect(allowed.has(view.url), `${view.url.slice(0, 80)}… is no page the lead opened`).toBe(true);
    expect(profile.pageViews.map((view) => view.url)).toEqual(expect.arrayContaining(['https://www.keyline.example/pricing', 'https://www.keyline.example/soc-2']));
  });
});

describe('HubSpot variants, sixth set: lookups and sequences', () => {
  it('H78: a Salesforce lead page opened from a Classic or one.app link carries the 15-character id "00Q5j00000Ab3kL"; HubSpot\'s sync stored the 18-character one the Salesforce API gives: the lead is found without an e-mail', async () => {
    const id18 = '00Q5j00000Ab3kLEAR';
    serve([
      // HubSpot's EQ matches the whole stored value: only the 18-character id finds the contact.
      search(search66078, { when: (_url, body) => filterValues(body).some((value) => value.toLowerCase() === id18.toLowerCase()) }),
      search(searchEmpty),
      contactAt('66078', contact66078),
      noEvents,
    ]);
    const profile = wellFormed(await hub().findProfile({ crm: 'salesforce', recordId: '00Q5j00000Ab3kL' }, signal));
    expect(profile.id).toBe('66078');
    expect(profile.name).toBe('Aiko Tanaka');
  });

  it('H84: the search answers, then the token is refused on the contact read (401 INVALID_AUTHENTICATION, e.g. the private app\'s token rotated in between): an auth error naming HubSpot, never "no HubSpot contact"', async () => {
    serve([search(search66084), { method: 'GET', path: '/crm/v3/objects/contacts/66084', status: 401, body: error401MidLookup }, noEvents]);
    const error = await rejection(hub().findProfile(query('fatima.zahra@atlas-medical.example'), signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('auth');
    expect((error as ConnectorError).system).toBe('HubSpot');
    expect(said(error as ConnectorError)).not.toContain(HS_TOKEN);
  });

  it('H85: the address moved from Omar\'s contact to Lina\'s a moment ago; the search index still lists Omar with it, first: the brief is Lina\'s, whose record holds the address, never Omar\'s', async () => {
    serve([search(searchStaleMoved), contactAt('66185', formerHolder), contactAt('66085', newHolder), noEvents]);
    const profile = wellFormed(await hub().findProfile(query('procurement@lamna-logistik.example'), signal));
    expect(profile.id).toBe('66085');
    expect(profile.name).toBe('Lina Haddad');
    expect(profile.email).toBe('procurement@lamna-logistik.example');
  });

  it('H86: the connection test on a portal with no contacts yet (the contact list answers {"results": []}): the token and the search are reported working, and no events request names a contact that does not exist', async () => {
    const calls = serve([
      { method: 'GET', path: '/crm/v3/objects/contacts', body: contactsListEmpty },
      search(searchEmpty),
      events(eventsEmpty, (url) => /^\d+$/.test(url.searchParams.get('objectId') ?? '')),
      // objectId is a number: anything else is HubSpot's 400.
      events({ status: 'error', message: 'Invalid input (details will vary based on the error)', correlationId: '0b1c2d3e-4f50-4a6b-8c7d-8e9f0a1b2c3d', category: 'VALIDATION_ERROR' }, undefined, { status: 400 }),
      { method: 'GET', path: '/crm/v3/objects/notes', body: notesListEmpty },
      { method: 'POST', path: '/oauth/v2/private-apps/get/access-token-info', body: tokenInfo },
    ]);
    const checks = await hub().testConnection(signal);
    expect(checks.find((check) => check.capability === 'auth')?.ok).toBe(true);
    expect(checks.find((check) => check.capability === 'lookup')?.ok).toBe(true);
    for (const call of calls.filter((call) => call.url.pathname === EVENTS)) expect(call.url.searchParams.get('objectId')).toMatch(/^\d+$/);
    expect(JSON.stringify(checks)).not.toMatch(/\b(undefined|NaN)\b/);
  });
});

describe('HubSpot variants, sixth set: events paging', () => {
  it('H83: an events cursor in standard base64 with "+", "/" and "=" ("MTAw+++/fDIwMA=="): followed as HubSpot gave it, so the older view on the next page is shown', async () => {
    const cursor = 'MTAw+++/fDIwMA==';
    serve([
      contactAt('66083', contact66083),
      events(events66083Page2, (url) => url.searchParams.get('after') === cursor),
      events(events66083Page1, (url) => !url.searchParams.has('after')),
      // A cursor that reached HubSpot changed ("+" read as a space) is one HubSpot cannot read.
      events({ status: 'error', message: 'Invalid after parameter', correlationId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', category: 'VALIDATION_ERROR' }, undefined, { status: 400 }),
    ]);
    const profile = wellFormed(await hub().getProfile('66083', signal));
    expect(profile.pageViews.map((view) => view.url)).toEqual(
      expect.arrayContaining(['https://www.keyline.example/demo', 'https://www.keyline.example/pricing', 'https://www.keyline.example/security/hipaa']),
    );
  });
});

describe('HubSpot variants, sixth set: edge pages and broken answers', () => {
  it('H79a: 524 with Cloudflare\'s "A timeout occurred" page (text/html) on the contact read: a server or timeout error worded without the HTML, not malformed data, not "nobody"', async () => {
    serve([page('/crm/v3/objects/contacts/66079', proxy524), noEvents]);
    const error = await rejection(hub().getProfile('66079', signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(['server', 'timeout']).toContain((error as ConnectorError).kind);
    expect((error as ConnectorError).message).not.toMatch(HTML_TAG);
    expect((error as ConnectorError).message).not.toContain('cf-wrapper');
  });

  it('H79b: the contact answers, its events answer 520 with Cloudflare\'s page: the lead is kept and the brief says the page history was not read, without the HTML', async () => {
    serve([contactAt('66079', contact66079), page(EVENTS, proxy520)]);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const profile = wellFormed(await hub().getProfile('66079', signal));
    expect(profile.name).toBe('Olga Petrova');
    expect((profile.gaps ?? []).length).toBeGreaterThan(0);
    for (const gap of profile.gaps ?? []) expect(`${gap.what} ${gap.why}`).not.toMatch(HTML_TAG);
    expect(profile.pageViews.every((view) => view.visitId === 'summary')).toBe(true);
  });

  it('H80a: a 200 whose JSON breaks off in the middle (the connection was cut while the contact was sent): a clear connector error, never a crash and never "nobody"', async () => {
    const text = JSON.stringify(contact66080);
    serve([{ method: 'GET', path: '/crm/v3/objects/contacts/66080', text: text.slice(0, Math.floor(text.length / 2)) }, noEvents]);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = await rejection(hub().getProfile('66080', signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(['malformed', 'network', 'server']).toContain((error as ConnectorError).kind);
  });

  it('H80b: page 1 of the events answers, page 2\'s body is cut off mid-stream (TypeError: terminated): the lead and page 1\'s views are kept, and the brief says older views were not read', async () => {
    serve([
      contactAt('66080', contact66080),
      events(events66080Page1, (url) => !url.searchParams.has('after')),
      events(events66080Page2, (url) => url.searchParams.get('after') === 'MTAw'),
    ]);
    cutBodyWhere((url) => url.pathname === EVENTS && url.searchParams.get('after') === 'MTAw', events66080Page2);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const outcome = await rejection(hub().getProfile('66080', signal));
    expect(outcome).not.toBeInstanceOf(Error);
    const profile = wellFormed((outcome as { resolved: LeadProfile | null }).resolved);
    expect(profile.name).toBe('Sven Eriksson');
    expect(profile.problems.map((problem) => problem.text)).toEqual([contact66080.properties.message]);
    const shown = new Set(profile.pageViews.map((view) => view.url));
    expect(shown.has('https://www.keyline.example/pricing') && shown.has('https://www.keyline.example/integrations/aws')).toBe(true);
    expect((profile.gaps ?? []).length).toBeGreaterThan(0);
  });
});
