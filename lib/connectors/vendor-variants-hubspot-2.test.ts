/**
 * HubSpot vendor variants, second set (H13…): payloads HubSpot's own documents, SDKs and support
 * threads show, written apart from the first set (vendor-variants.test.ts, H01–H12) and without
 * reading the connector's mapping. Each expectation is what HubSpot's documented meaning says a rep
 * should see; where the answer is a product choice only what must hold is asserted. The shapes and
 * their sources are listed in test/fixtures/api/variants/README.md, "hubspot2/ (second set)".
 */
import { describe, expect, it } from 'vitest';
import type { LeadProfile } from '@/lib/schema';
import searchEmpty from '@/test/fixtures/api/hubspot/contacts-search-empty.json';
import paidSocial from '@/test/fixtures/api/variants/hubspot2/contact-63113-paid-social.json';
import otherCampaigns from '@/test/fixtures/api/variants/hubspot2/contact-63114-other-campaigns.json';
import organicTerm from '@/test/fixtures/api/variants/hubspot2/contact-63115-organic-search-term.json';
import latestAi from '@/test/fixtures/api/variants/hubspot2/contact-63116-latest-ai-referral.json';
import lifecycleStages from '@/test/fixtures/api/variants/hubspot2/contacts-lifecycle-stages.json';
import decimalScore from '@/test/fixtures/api/variants/hubspot2/contact-63118-decimal-score-persona.json';
import timezones from '@/test/fixtures/api/variants/hubspot2/contacts-timezones.json';
import longCrlf from '@/test/fixtures/api/variants/hubspot2/contact-63120-long-crlf-message.json';
import message12000 from '@/test/fixtures/api/variants/hubspot2/contact-63121-message-12000.json';
import searchAdditional from '@/test/fixtures/api/variants/hubspot2/search-63122-by-additional-email.json';
import contactAdditional from '@/test/fixtures/api/variants/hubspot2/contact-63122-additional-emails.json';
import associationsHistory from '@/test/fixtures/api/variants/hubspot2/contact-63123-associations-history.json';
import contact63124 from '@/test/fixtures/api/variants/hubspot2/contact-63124.json';
import contact63125 from '@/test/fixtures/api/variants/hubspot2/contact-63125.json';
import contact63126 from '@/test/fixtures/api/variants/hubspot2/contact-63126.json';
import eventsMixed from '@/test/fixtures/api/variants/hubspot2/events-mixed-types.json';
import eventsDuplicates from '@/test/fixtures/api/variants/hubspot2/events-duplicates-unordered.json';
import events404 from '@/test/fixtures/api/variants/hubspot2/error-404-events.json';
import proxy502 from '@/test/fixtures/api/variants/hubspot2/proxy-502-cloudflare.json';
import proxy503 from '@/test/fixtures/api/variants/hubspot2/proxy-503-maintenance.json';
import { ConnectorError } from './types';
import { contactAt, HS_TOKEN, hub, noEvents, rejection, resetBetweenTests, serve, signal, wellFormed } from '@/test/support/vendor-variants';


// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

resetBetweenTests();

/** The IANA zone a name stands for (links such as "Japan" resolve to "Asia/Tokyo"), so two spellings of one zone compare equal. */
const zoneOf = (zone: string | undefined): string | undefined =>
  zone === undefined ? undefined : new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, second set: source properties (hs_analytics_source, hs_latest_source, drill-downs)', () => {
  it('H13: PAID_SOCIAL: the channel is paid social, the campaign is the utm_campaign (drill-down 2), not the network in drill-down 1', async () => {
    serve([contactAt('63113', paidSocial), noEvents]);
    const profile = wellFormed(await hub().getProfile('63113', signal));
    expect(profile.name).toBe('Inês Carvalho');
    expect(profile.source.channel).toBe('paid_social');
    expect(profile.source.campaign).toBe('ciso-roundtable-q4');
    expect(profile.source.utm.source).toBe('linkedin');
    expect(profile.source.utm.medium).toBe('paid_social');
    expect(profile.source.firstSeen).toBe('2026-10-05T07:38:40.000Z');
  });

  it('H14: OTHER_CAMPAIGNS: a tracked campaign that is neither social, e-mail nor paid search keeps its name and is not direct or organic', async () => {
    serve([contactAt('63114', otherCampaigns), noEvents]);
    const profile = wellFormed(await hub().getProfile('63114', signal));
    expect(['other', 'webinar', 'partner', 'event']).toContain(profile.source.channel);
    expect(profile.source.campaign).toBe('partner-webinar-nov');
    expect(profile.source.utm.campaign).toBe('partner-webinar-nov');
    expect(profile.source.utm.source).toBe('fabrikam-partners');
  });

  it('H15: ORGANIC_SEARCH with the search term in drill-down 1 and the engine in drill-down 2: neither is shown as a campaign', async () => {
    serve([contactAt('63115', organicTerm), noEvents]);
    const profile = wellFormed(await hub().getProfile('63115', signal));
    expect(profile.source.channel).toBe('organic_search');
    expect(profile.source.campaign).toBeUndefined();
    expect(profile.stage).toBe('subscriber');
  });

  it('H16: hs_latest_source AI_REFERRALS with an epoch-ms hs_latest_source_timestamp: a referral-like latest touch at that instant, the AI site not a campaign', async () => {
    serve([contactAt('63116', latestAi), noEvents]);
    const profile = wellFormed(await hub().getProfile('63116', signal));
    expect(profile.source.channel).toBe('direct');
    expect(profile.source.firstSeen).toBe('2026-08-02T10:15:30.250Z');
    expect(profile.source.latest).toBeDefined();
    expect(['referral', 'other']).toContain(profile.source.latest?.channel);
    expect(profile.source.latest?.campaign).not.toBe('chatgpt.example');
    expect(profile.source.latest?.at).toBe('2026-11-21T09:30:00.000Z');
  });
});

describe('HubSpot variants, second set: contact properties', () => {
  const expectedStage: Record<string, LeadProfile['stage']> = {
    subscriber: 'subscriber',
    lead: 'lead',
    marketingqualifiedlead: 'mql',
    salesqualifiedlead: 'sql',
    opportunity: 'opportunity',
    customer: 'customer',
    evangelist: 'evangelist',
    other: 'other',
  };
  it.each(lifecycleStages.map((contact) => [contact.properties.lifecyclestage, contact] as const))(
    'H17: lifecyclestage "%s" (a standard internal value) is shown as its stage',
    async (internal, contact) => {
      serve([contactAt(contact.id, contact), noEvents]);
      const profile = wellFormed(await hub().getProfile(contact.id, signal));
      expect(profile.stage).toBe(expectedStage[internal]);
    },
  );

  it('H18: hubspotscore "12.5" is the score 12.5; hs_language "pt-br" is the language; hs_persona\'s internal value "persona_1" is not shown as the persona', async () => {
    serve([contactAt('63118', decimalScore), noEvents]);
    const profile = wellFormed(await hub().getProfile('63118', signal));
    expect(profile.score).toBe(12.5);
    expect(profile.stage).toBe('mql');
    expect(profile.language?.toLowerCase()).toBe('pt-br');
    expect(profile.persona).not.toBe('persona_1');
    expect(profile.source.channel).toBe('referral');
  });

  it.each(
    timezones.map((contact, index) => [contact.properties.hs_timezone, contact, ['America/Argentina/Buenos_Aires', 'America/Port-au-Prince', 'Asia/Tokyo'][index]!] as const),
  )('H19: hs_timezone "%s" is the IANA zone it encodes', async (_value, contact, zone) => {
    serve([contactAt(contact.id, contact), noEvents]);
    const profile = wellFormed(await hub().getProfile(contact.id, signal));
    expect(profile.contact.timeZone).toBeDefined();
    expect(zoneOf(profile.contact.timeZone)).toBe(zoneOf(zone));
  });

  it('H20: a long form message with CRLF line breaks is the lead\'s whole text (line breaks aside), dated by its history entry to the millisecond', async () => {
    serve([contactAt('63120', longCrlf), noEvents]);
    const profile = wellFormed(await hub().getProfile('63120', signal));
    const original = longCrlf.properties.message.replace(/\r\n/g, '\n');
    expect(profile.problems).toHaveLength(1);
    expect(profile.problems[0]!.text.replace(/\r\n/g, '\n')).toBe(original);
    expect(profile.problems[0]!.submittedAt).toBe('2026-11-20T17:45:10.123Z');
  });

  it('H21: a 12,000-character message (HubSpot caps CRM edits at 65,536 characters and form submissions not at all) still gives a profile the panel accepts, starting with the lead\'s words', async () => {
    serve([contactAt('63121', message12000), noEvents]);
    const profile = wellFormed(await hub().getProfile('63121', signal));
    expect(profile.name).toBe('Kwame Mensah');
    expect(profile.problems.length).toBeGreaterThan(0);
    expect(profile.problems[0]!.text.startsWith(message12000.properties.message.slice(0, 200))).toBe(true);
  });

  it('H22: a lead known only by a secondary address (hs_additional_emails) is found; the profile shows the primary address; no name is not a blank name', async () => {
    const address = 'mercy@okafor-consulting.example';
    /** HubSpot's search matches secondary addresses only on hs_additional_emails or the free-text query, never on `email`. */
    const asksForSecondary = (_url: URL, body: any): boolean =>
      JSON.stringify(body?.filterGroups ?? []).includes('hs_additional_emails') && JSON.stringify(body).toLowerCase().includes(address) ||
      (typeof body?.query === 'string' && body.query.toLowerCase().includes(address));
    serve([
      { method: 'POST', path: '/crm/v3/objects/contacts/search', when: asksForSecondary, body: searchAdditional },
      { method: 'POST', path: '/crm/v3/objects/contacts/search', body: searchEmpty },
      contactAt('63122', contactAdditional),
      noEvents,
    ]);
    const profile = wellFormed(await hub().findProfile({ crm: 'pipedrive', recordId: '4410', email: address }, signal));
    expect(profile.id).toBe('63122');
    expect(profile.email).toBe('mercy.okafor@tailspin.example');
    expect(profile.company).toBe('Tailspin Toys');
    if (profile.name !== undefined) expect(profile.name.trim()).not.toBe('');
  });

  it('H23: an associations block and propertiesWithHistory of lifecyclestage: the current values count, not the history, and ids are not names', async () => {
    serve([contactAt('63123', associationsHistory), noEvents]);
    const profile = wellFormed(await hub().getProfile('63123', signal));
    expect(profile.stage).toBe('opportunity');
    expect(profile.company).toBe('Fabrikam Robotics');
    expect(profile.source.channel).toBe('referral');
    expect(profile.score).toBe(64);
    expect(profile.problems).toEqual([]);
  });
});

describe('HubSpot variants, second set: events', () => {
  it('H24: events of other types (e_submitted_form, e_ad_interaction) are never counted among the pages read', async () => {
    const pageViewsOnly = { ...eventsMixed, results: eventsMixed.results.filter((event) => event.eventType === 'e_visited_page') };
    serve([
      contactAt('63124', contact63124),
      // HubSpot answers only the asked-for type when eventType is given, every type otherwise.
      { method: 'GET', path: '/events/v3/events', when: (url) => url.searchParams.get('eventType') === 'e_visited_page', body: pageViewsOnly },
      { method: 'GET', path: '/events/v3/events', body: eventsMixed },
    ]);
    const profile = wellFormed(await hub().getProfile('63124', signal));
    expect(profile.pageViews.map((view) => [view.url, view.viewedAt]).sort()).toEqual(
      [
        ['https://www.keyline.example/demo', '2026-11-19T10:05:40.000Z'],
        ['https://www.keyline.example/pricing?utm_source=linkedin&utm_medium=paid_social', '2026-11-19T10:05:01.000Z'],
      ].sort(),
    );
  });

  it('H25: events out of order, a page read twice, one occurrence listed twice: each read once, at its own time', async () => {
    serve([contactAt('63125', contact63125), { method: 'GET', path: '/events/v3/events', body: eventsDuplicates }]);
    const profile = wellFormed(await hub().getProfile('63125', signal));
    expect(profile.pageViews.map((view) => [view.url, view.viewedAt]).sort()).toEqual(
      [
        ['https://www.keyline.example/', '2026-11-08T08:15:00.000Z'],
        ['https://www.keyline.example/pricing', '2026-11-10T09:00:00.000Z'],
        ['https://www.keyline.example/pricing', '2026-11-14T16:45:00.000Z'],
        ['https://www.keyline.example/security', '2026-11-12T14:30:00.000Z'],
      ].sort(),
    );
  });

  it('H26: a 404 from the events endpoint is no page history, not a missing lead', async () => {
    serve([contactAt('63126', contact63126), { method: 'GET', path: '/events/v3/events', status: 404, body: events404 }]);
    const profile = wellFormed(await hub().getProfile('63126', signal));
    expect(profile.id).toBe('63126');
    expect(profile.name).toBe('Sipho Dlamini');
    expect(profile.pageViews).toEqual([]);
  });
});

describe('HubSpot variants, second set: a proxy\'s HTML error pages', () => {
  it('H27a: a 502 with Cloudflare\'s HTML page on the contact is a server error, worded without the HTML', async () => {
    serve([{ method: 'GET', path: '/crm/v3/objects/contacts/63127', status: proxy502.status, text: proxy502.body, headers: proxy502.headers }, noEvents]);
    const error = await rejection(hub().getProfile('63127', signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('server');
    expect((error as ConnectorError).message).not.toMatch(/<\/?(html|head|body|center|h1)\b/i);
    expect((error as ConnectorError).message).not.toContain(HS_TOKEN);
  });

  it('H27b: a 503 maintenance page (HTML, Retry-After: 120) on the search is a server or rate-limit error, not malformed data and not "nobody"', async () => {
    serve([{ method: 'POST', path: '/crm/v3/objects/contacts/search', status: proxy503.status, text: proxy503.body, headers: proxy503.headers }]);
    const error = await rejection(hub().findProfile({ crm: 'pipedrive', recordId: '4411', email: 'yara.nasser@contoso.example' }, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(['server', 'rate-limited']).toContain((error as ConnectorError).kind);
    expect((error as ConnectorError).message).not.toMatch(/<\/?(html|head|body|div|h1|p)\b/i);
  });
});
