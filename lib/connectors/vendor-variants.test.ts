/**
 * Vendor-shaped variants: payloads HubSpot's and Mautic's own documents and code allow, but a
 * hand-made fixture rarely has (nulls, empty PHP arrays, numbers as strings, epoch-ms dates,
 * HTML-encoded values, several search matches, odd 429s). Each expectation is what the vendor's
 * documented meaning says a rep should see, not what the mapping happens to do. The shapes and
 * their sources are listed in test/fixtures/api/variants/README.md.
 */
import { describe, expect, it } from 'vitest';
import type { LeadProfile } from '@/lib/schema';
import hsNulls from '@/test/fixtures/api/variants/hubspot/contact-nulls.json';
import hsEmptyStrings from '@/test/fixtures/api/variants/hubspot/contact-empty-strings-zero.json';
import hsNonAscii from '@/test/fixtures/api/variants/hubspot/contact-non-ascii.json';
import hsTimezoneEpoch from '@/test/fixtures/api/variants/hubspot/contact-timezone-epoch.json';
import hsOffline from '@/test/fixtures/api/variants/hubspot/contact-offline-import.json';
import hsCustomStage from '@/test/fixtures/api/variants/hubspot/contact-custom-stage.json';
import hsSearchSeveral from '@/test/fixtures/api/variants/hubspot/search-several-matches.json';
import hsOtherPerson from '@/test/fixtures/api/variants/hubspot/contact-70001-other-person.json';
import hsDana from '@/test/fixtures/api/variants/hubspot/contact-70002-dana.json';
import hsEventsSdkShape from '@/test/fixtures/api/variants/hubspot/events-sdk-example-shape.json';
import hsContact62008 from '@/test/fixtures/api/variants/hubspot/contact-62008.json';
import hsCursorPage1 from '@/test/fixtures/api/variants/hubspot/events-cursor-page1.json';
import hsCursorPage2 from '@/test/fixtures/api/variants/hubspot/events-cursor-page2.json';
import hsContact62009 from '@/test/fixtures/api/variants/hubspot/contact-62009.json';
import hs429 from '@/test/fixtures/api/variants/hubspot/error-429-ten-secondly.json';
import hsMissingProperties from '@/test/fixtures/api/variants/hubspot/contact-missing-properties.json';
import hsArchived from '@/test/fixtures/api/variants/hubspot/contact-archived.json';
import mtTotalZero from '@/test/fixtures/api/variants/mautic/contacts-total-zero-string.json';
import mtListArray from '@/test/fixtures/api/variants/mautic/contacts-list-as-array.json';
import mtEmptyGroups from '@/test/fixtures/api/variants/mautic/contacts-empty-groups.json';
import mtEntities from '@/test/fixtures/api/variants/mautic/contacts-entities.json';
import mtStrings from '@/test/fixtures/api/variants/mautic/contacts-strings-for-numbers.json';
import mtSqlDates from '@/test/fixtures/api/variants/mautic/contacts-sql-dates-linkedin.json';
import mtTwoMatches from '@/test/fixtures/api/variants/mautic/contacts-two-matches.json';
import mtMissingFields from '@/test/fixtures/api/variants/mautic/contacts-missing-fields.json';
import mtContact2105 from '@/test/fixtures/api/variants/mautic/contact-2105.json';
import mtFieldsEmptyArray from '@/test/fixtures/api/variants/mautic/contact-fields-empty-array.json';
import mtActivityVariants from '@/test/fixtures/api/variants/mautic/activity-variants.json';
import mtActivityMissing from '@/test/fixtures/api/variants/mautic/activity-missing-details.json';
import mtActivityEmpty from '@/test/fixtures/api/variants/mautic/activity-empty-total-string.json';
import mt429 from '@/test/fixtures/api/variants/mautic/error-429-no-retry-after.json';
import { ConnectorError } from './types';
import type { FakeRoute } from '@/test/support/fake-fetch';
import { contactAt, HS_TOKEN, hub, mt, mtActivity, noEvents, rejection, resetBetweenTests, serve, signal, wellFormed } from '@/test/support/vendor-variants';


// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

type Route = FakeRoute;
resetBetweenTests();

// ---------------------------------------------------------------------------------------------
// HubSpot

describe('HubSpot variants (properties are `string | null`, SimplePublicObjectWithAssociations)', () => {
  it('H01: unset properties come back as null: the lead is found, nothing reads "null", unknowns stay unknown', async () => {
    serve([contactAt('62001', hsNulls), noEvents]);
    const profile = wellFormed(await hub().findProfile({ crm: 'hubspot', recordId: '62001', email: 'kenji.watanabe@northwind.example' }, signal));
    expect(profile.id).toBe('62001');
    expect(profile.email).toBe('kenji.watanabe@northwind.example');
    expect(profile.name).toBe('Kenji');
    expect(profile.company).toBeUndefined();
    expect(profile.source.channel).toBe('organic_search');
    expect(profile.source.campaign).toBeUndefined();
    expect(profile.source.firstPage).toBeUndefined();
    expect(profile.problems).toEqual([]);
    expect(profile.score).toBeUndefined();
    expect(profile.stage).toBeUndefined();
    expect(profile.contact.timeZone).toBeUndefined();
  });

  it('H02: cleared properties are "" and a zero score is "0": no leading space in the name, score 0 kept', async () => {
    serve([contactAt('62002', hsEmptyStrings), noEvents]);
    const profile = wellFormed(await hub().getProfile('62002', signal));
    expect(profile.name).toBe('Nakamura');
    expect(profile.company).toBeUndefined();
    expect(profile.title).toBeUndefined();
    expect(profile.score).toBe(0);
    expect(profile.stage).toBe('lead');
    expect(profile.source.channel).toBe('direct');
    expect(profile.source.campaign).toBeUndefined();
    expect(profile.source.firstPage).toBeUndefined();
    expect(profile.problems).toEqual([]);
    expect(profile.contact.timeZone).toBeUndefined();
  });

  it('H03: non-ASCII names and "&", "<" in free text come out exactly as the lead typed them', async () => {
    serve([contactAt('62003', hsNonAscii), noEvents]);
    const profile = wellFormed(await hub().getProfile('62003', signal));
    expect(profile.name).toBe('Zoë Ødegård-Müller');
    expect(profile.company).toBe('Café & Crème GmbH');
    expect(profile.title).toBe('Directrice générale');
    expect(profile.source.channel).toBe('referral');
    expect(profile.source.firstPage).toBe('https://www.keyline.example/de/preise?ref=partner');
    expect(profile.contact.timeZone).toBe('Europe/Oslo');
    expect(profile.stage).toBe('sql');
    expect(profile.score).toBe(57);
    expect(profile.problems[0]?.text).toBe('Wir brauchen SSO & SCIM für <200 Nutzer — bis Q2. 日本の子会社も含む。');
    expect(profile.problems[0]?.submittedAt).toBe('2026-11-19T08:03:11.000Z');
  });

  it('H04: hs_timezone of a zone with "_" in its name, and a datetime property in epoch milliseconds', async () => {
    serve([contactAt('62004', hsTimezoneEpoch), noEvents]);
    const profile = wellFormed(await hub().getProfile('62004', signal));
    expect(profile.name).toBe('Luis García');
    expect(profile.contact.timeZone).toBe('America/Los_Angeles');
    expect(profile.source.firstSeen).toBe('2025-09-14T13:22:05.000Z');
    expect(profile.source.channel).toBe('organic_social');
    expect(profile.source.firstPage).toBe('https://www.keyline.example/blog/soc2-in-90-days');
    expect(profile.stage).toBe('mql');
  });

  it('H05: an OFFLINE source: drill-down 1 names the tool (IMPORT, CRM_UI), which is not a campaign', async () => {
    serve([contactAt('62005', hsOffline), noEvents]);
    const profile = wellFormed(await hub().getProfile('62005', signal));
    expect(profile.source.channel).toBe('other');
    expect(profile.source.campaign).not.toBe('IMPORT');
    expect(profile.source.latest?.campaign).not.toBe('CRM_UI');
  });

  it('H06: a custom lifecycle stage (numeric internal value) is not taken for a standard stage', async () => {
    serve([contactAt('62006', hsCustomStage), noEvents]);
    const profile = wellFormed(await hub().getProfile('62006', signal));
    expect([undefined, 'other']).toContain(profile.stage);
    expect(profile.source.channel).toBe('email');
    expect(profile.source.campaign).toBe('November newsletter');
    expect(profile.score).toBe(18);
  });

  it('H07: a search with several results picks the one whose e-mail is the address (case aside), not the first', async () => {
    serve([
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: hsSearchSeveral },
      contactAt('70001', hsOtherPerson),
      contactAt('70002', hsDana),
      noEvents,
    ]);
    const profile = wellFormed(await hub().findProfile({ crm: 'pipedrive', recordId: '991', email: 'dana.ortiz@acme.example' }, signal));
    expect(profile.id).toBe('70002');
    expect(profile.name).toBe('Dana Ortiz');
    expect(profile.source.campaign).toBe('Brand – Google Ads');
    expect(profile.contact.timeZone).toBe('America/Chicago');
  });

  it('H08: events as in the SDK’s own example (numeric objectId, epoch-ms occurredAt, no title, no session)', async () => {
    serve([contactAt('62008', hsContact62008), { method: 'GET', path: '/events/v3/events', body: hsEventsSdkShape }]);
    const profile = wellFormed(await hub().getProfile('62008', signal));
    expect(profile.pageViews.map((view) => [view.url, view.viewedAt])).toEqual([
      ['https://www.keyline.example/', '2026-11-02T08:00:00.000Z'],
      ['https://www.keyline.example/pricing', '2025-11-21T12:05:10.000Z'],
      ['https://www.keyline.example/customers/contoso', '2025-11-21T12:03:10.000Z'],
    ]);
    for (const view of profile.pageViews) expect(view.title.trim()).not.toBe('');
  });

  it('H09: an events cursor as the docs print it ("NTI1Cg%3D%3D") is followed to the next page', async () => {
    const seen = serve([
      contactAt('62009', hsContact62009),
      // The cursor is opaque: sent back verbatim (URL-encoded once, as the SDK does) or as the link decodes it.
      { method: 'GET', path: '/events/v3/events', when: (url) => ['NTI1Cg%3D%3D', 'NTI1Cg=='].includes(url.searchParams.get('after') ?? ''), body: hsCursorPage2 },
      { method: 'GET', path: '/events/v3/events', when: (url) => !url.searchParams.has('after'), body: hsCursorPage1 },
    ]);
    const profile = wellFormed(await hub().getProfile('62009', signal));
    expect(profile.name).toBe('Olúwaseun Adéyẹmí');
    expect(profile.pageViews.map((view) => view.title)).toEqual(['Security', 'Product']);
    expect(seen.filter((call) => call.url.pathname === '/events/v3/events')).toHaveLength(2);
  });

  it('H10a: a 429 whose Retry-After is an HTTP date is a rate limit with that wait', async () => {
    serve([
      {
        method: 'POST',
        path: '/crm/v3/objects/contacts/search',
        status: 429,
        body: hs429,
        headers: { 'Retry-After': new Date(Date.now() + 20_000).toUTCString() },
      },
    ]);
    const error = await rejection(hub().findProfile({ crm: 'pipedrive', recordId: '1', email: 'x@contoso.example' }, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('rate-limited');
    expect((error as ConnectorError).retryAfterMs).toBeGreaterThanOrEqual(10_000);
    expect((error as ConnectorError).retryAfterMs).toBeLessThanOrEqual(21_000);
    expect((error as ConnectorError).message).not.toContain(HS_TOKEN);
  });

  it('H10b: a 429 without Retry-After (HubSpot sends its X-HubSpot-RateLimit-* headers instead) is still a rate limit', async () => {
    serve([
      {
        method: 'POST',
        path: '/crm/v3/objects/contacts/search',
        status: 429,
        body: hs429,
        headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Max': '100', 'X-HubSpot-RateLimit-Remaining': '0' },
      },
    ]);
    const error = await rejection(hub().findProfile({ crm: 'pipedrive', recordId: '1', email: 'x@contoso.example' }, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('rate-limited');
  });

  it('H11: a 200 without the required properties object is a clear error, not an empty lead', async () => {
    serve([contactAt('62011', hsMissingProperties), noEvents]);
    const error = await rejection(hub().getProfile('62011', signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('malformed');
  });

  it('H12: an archived (deleted) contact is not shown as the lead', async () => {
    serve([contactAt('62012', hsArchived), noEvents]);
    expect(await hub().getProfile('62012', signal)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Mautic

const list = (body: unknown): Route => ({ method: 'GET', path: '/api/contacts', body });

describe('Mautic variants (PHP arrays: [] for empty maps, strings for numbers)', () => {
  it('M01: total "0" and contacts [] is nobody, not an error', async () => {
    serve([list(mtTotalZero)]);
    expect(await mt().findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'nobody@contoso.example' }, signal)).toBeNull();
  });

  it('M02: contacts as a JSON array (the legacy documentation’s list shape) still finds the lead', async () => {
    serve([list(mtListArray), ...mtActivity(mtActivityEmpty)]);
    const profile = wellFormed(await mt().findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'jim@his-site.example' }, signal));
    expect(profile.id).toBe('2101');
    expect(profile.name).toBe('Jim Contact');
    expect(profile.company).toBe('His Site');
    expect(profile.title).toBe('CTO');
    expect(profile.score).toBe(10);
  });

  it('M03: empty field groups, ipAddresses and utmtags as [], no owner or stage, activity without details', async () => {
    serve([list(mtEmptyGroups), ...mtActivity(mtActivityMissing)]);
    const profile = wellFormed(await mt().findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'ana.souza@fourthcoffee.example' }, signal));
    expect(profile.id).toBe('2102');
    expect(profile.name).toBe('Ana Souza');
    expect(profile.company).toBeUndefined();
    expect(profile.score).toBe(0);
    expect(profile.stage).toBeUndefined();
    expect(profile.contact.timeZone).toBeUndefined();
    expect(profile.pageViews.map((view) => view.url)).toContain('https://www.keyline.example/');
    expect(profile.problems).toEqual([]);
  });

  it('M04: values Mautic stored HTML-encoded (O&#39;Brien, Smith &amp; Søn) read as the lead wrote them', async () => {
    serve([list(mtEntities), ...mtActivity(mtActivityEmpty)]);
    const profile = wellFormed(await mt().findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'siobhan.obrien@smith-son.example' }, signal));
    expect(profile.name).toBe("Siobhán O'Brien");
    expect(profile.company).toBe('Smith & Søn ApS');
    expect(profile.title).toBe('Head of R&D');
    expect(profile.contact.timeZone).toBe('Europe/Copenhagen');
  });

  it('M05: id and points as strings, tags as strings; the form’s encoded message, an e-mail read, a page without title', async () => {
    serve([list(mtStrings), ...mtActivity(mtActivityVariants)]);
    const profile = wellFormed(await mt().findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'bao.tran@wingtip.example' }, signal));
    expect(profile.id).toBe('2104');
    expect(profile.name).toBe('Bao Trần');
    expect(profile.score).toBe(42);
    expect(profile.stage).toBe('mql');
    expect(profile.contact.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(profile.problems).toEqual([
      { text: "We're moving 3 subsidiaries off spreadsheets & need SSO before Q2.", form: 'Contact us', submittedAt: '2026-11-20T17:45:10.000Z' },
    ]);
    expect(profile.pageViews.map((view) => view.url)).toEqual(['https://www.keyline.example/pricing', 'https://www.keyline.example/de/produkt']);
    for (const view of profile.pageViews) expect(view.title.trim()).not.toBe('');
    expect(profile.activities?.find((item) => item.kind === 'email_open')).toMatchObject({ title: 'Webinar follow-up', at: '2026-11-20T17:40:02.000Z' });
  });

  it('M06: dates as "Y-m-d H:i:s" (UTC) and a LinkedIn cpc click: first seen in UTC, paid social', async () => {
    serve([list(mtSqlDates), ...mtActivity(mtActivityEmpty)]);
    const profile = wellFormed(await mt().findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'noor.haddad@contoso-gulf.example' }, signal));
    expect(profile.source.firstSeen).toBe('2026-10-01T08:15:00.000Z');
    expect(profile.source.channel).toBe('paid_social');
    expect(profile.source.campaign).toBe('ciso-roundtable-q4');
    expect(profile.source.utm.source).toBe('linkedin');
    expect(profile.source.firstPage).toBe('https://www.keyline.example/events/ciso-roundtable?utm_source=linkedin&utm_medium=cpc&utm_campaign=ciso-roundtable-q4');
  });

  it('M07: two search matches: the contact whose e-mail is the address (case aside) is the lead', async () => {
    serve([list(mtTwoMatches), ...mtActivity(mtActivityEmpty)]);
    const profile = wellFormed(await mt().findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'jordan.lee@contoso.example' }, signal));
    expect(profile.id).toBe('2202');
    expect(profile.score).toBe(55);
  });

  it('M08: a contact without fields is no lead (null or a clear error), never a profile', async () => {
    serve([list(mtMissingFields), ...mtActivity(mtActivityEmpty)]);
    const outcome = await rejection(mt().findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'ghost@contoso.example' }, signal));
    if (outcome instanceof ConnectorError) expect(outcome.kind).toBe('malformed');
    else expect(outcome).toEqual({ resolved: null });
  });

  it('M09: an activity answer with total "0" and no events gives an empty history', async () => {
    serve([list(mtStrings), ...mtActivity(mtActivityEmpty)]);
    const profile = wellFormed(await mt().findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'bao.tran@wingtip.example' }, signal));
    expect(profile.pageViews).toEqual([]);
    expect(profile.problems).toEqual([]);
  });

  it('M10: a 429 without Retry-After is a rate limit, not a missing lead', async () => {
    serve([{ method: 'GET', path: '/api/contacts', status: 429, body: mt429 }]);
    const error = await rejection(mt().findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'bao.tran@wingtip.example' }, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('rate-limited');
  });

  it('M11: GET /api/contacts/{id} ({"contact": …}) reads the same lead by id', async () => {
    serve([{ method: 'GET', path: '/api/contacts/2105', body: mtContact2105 }, ...mtActivity(mtActivityEmpty)]);
    const profile = wellFormed(await mt().getProfile('2105', signal));
    expect(profile.id).toBe('2105');
    expect(profile.name).toBe('Noor Haddad');
    expect(profile.email).toBe('noor.haddad@contoso-gulf.example');
    expect(profile.score).toBe(15);
  });

  it('M12: fields as [] (PHP’s empty array for an empty map) is no crash: the contact by id, or a clear error', async () => {
    serve([{ method: 'GET', path: '/api/contacts/2106', body: mtFieldsEmptyArray }, ...mtActivity(mtActivityEmpty)]);
    const outcome = await rejection(mt().getProfile('2106', signal));
    if (outcome instanceof ConnectorError) expect(outcome.kind).toBe('malformed');
    else expect(wellFormed((outcome as { resolved: LeadProfile | null }).resolved).id).toBe('2106');
  });
});
