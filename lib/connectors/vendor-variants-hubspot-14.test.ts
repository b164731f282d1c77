/**
 * HubSpot vendor variants, fourteenth set (H161…H175): what the lead read and what they wrote, as HubSpot
 * really answers. Page views from the web-analytics events API (`GET /events/v3/events`, `objectType`,
 * `objectId`, `eventType=e_visited_page`, cursor `paging.next.after`): `hs_url`s carrying HubSpot's
 * tracking parameters (`_hsenc`, `_hsmi`, `__hstc`, `__hssc`, `__hsfp`, `hsCtaTracking`), one page spelled
 * with a fragment, a trailing slash or an upper-case host, one landing page on the portal's system
 * domains (`*.hs-sites.com`, `*.hubspotpagebuilder.com`) and its custom domain, titles with entities and
 * emoji, a server paging shorter than asked, the anonymous visitor's history from before the contact
 * converted, a colleague's views in the same portal, `occurredAt` in several ISO 8601 forms. The stated
 * problem from `message` and its `propertiesWithHistory`: the same words from two forms, a value with
 * markup and entities, a blank rich-text value written by an integration above the lead's form words, a
 * rep's `CRM_UI` edit, `INTEGRATION` / `SALESFORCE` / `IMPORT` values beside a form, a later conversion on a
 * form without a message field, a text above the 10,000-character cap with an emoji across the cut.
 *
 * Written from HubSpot's documents, SDK and public integration code without reading the connector: only
 * what must hold for a rep is asserted (the pages they read, never HubSpot's tracking parameters as part of
 * a page, one page not shown as many, never someone else's; the problem in their own words, without
 * markup, dated right, a rep's edit not credited to the lead's form; nothing crashes; the profile still
 * parses). The fake HubSpot answers a contact with only the properties the request names and the events
 * only for the `objectId`, `eventType` and time window the request names (all of the portal's otherwise),
 * as HubSpot does. Shapes and sources: test/fixtures/api/variants/README.md, section "hubspot14/
 * (fourteenth set)".
 */
import { describe, expect, it, vi } from 'vitest';
import { newestProblemFirst, type LeadProfile } from '@/lib/schema';
import trackingContact from '@/test/fixtures/api/variants/hubspot14/contact-72161.json';
import trackingEvents from '@/test/fixtures/api/variants/hubspot14/events-72161-tracking-params.json';
import spellingsContact from '@/test/fixtures/api/variants/hubspot14/contact-72162.json';
import spellingsEvents from '@/test/fixtures/api/variants/hubspot14/events-72162-same-page-spellings.json';
import domainsContact from '@/test/fixtures/api/variants/hubspot14/contact-72163.json';
import domainsEvents from '@/test/fixtures/api/variants/hubspot14/events-72163-hubspot-domains.json';
import titlesContact from '@/test/fixtures/api/variants/hubspot14/contact-72164.json';
import titlesEvents from '@/test/fixtures/api/variants/hubspot14/events-72164-titles.json';
import shortPagesContact from '@/test/fixtures/api/variants/hubspot14/contact-72165.json';
import shortPagesTemplate from '@/test/fixtures/api/variants/hubspot14/events-72165-template.json';
import convertedContact from '@/test/fixtures/api/variants/hubspot14/contact-72166-converted.json';
import convertedEvents from '@/test/fixtures/api/variants/hubspot14/events-72166.json';
import colleagues from '@/test/fixtures/api/variants/hubspot14/contacts-72167-colleagues.json';
import colleaguesEvents from '@/test/fixtures/api/variants/hubspot14/events-72167-portal.json';
import isoContact from '@/test/fixtures/api/variants/hubspot14/contact-72168.json';
import isoEvents from '@/test/fixtures/api/variants/hubspot14/events-72168-iso-forms.json';
import sameWords from '@/test/fixtures/api/variants/hubspot14/contact-72169-same-words-twice.json';
import htmlEntities from '@/test/fixtures/api/variants/hubspot14/contact-72170-html-entities.json';
import blankMarkup from '@/test/fixtures/api/variants/hubspot14/contact-72171-blank-markup-newest.json';
import repEdit from '@/test/fixtures/api/variants/hubspot14/contact-72172-rep-edit.json';
import integrationImport from '@/test/fixtures/api/variants/hubspot14/contact-72173-integration-import.json';
import laterConversion from '@/test/fixtures/api/variants/hubspot14/contact-72174-later-conversion.json';
import longEmoji from '@/test/fixtures/api/variants/hubspot14/contact-72175-long-emoji.json';
import { ConnectorError } from './types';
import { describeOutcome, hub, instant, json, rawServer, rejection, resetBetweenTests, signal, wellFormed, type RawCall , hsContactAnswer, hsListed, hsNotFound } from '@/test/support/vendor-variants';

resetBetweenTests();

type Json = any;


/** The cursor HubSpot hands out: base64 of the offset ("MTAw" is 100). */
const cursorAt = (offset: number) => Buffer.from(String(offset)).toString('base64');
const offsetOf = (after: string | null) => (after ? Number(Buffer.from(after, 'base64').toString('utf8')) || 0 : 0);

/**
 * A fake HubSpot portal: contacts by id (and by e-mail in a search); the web-analytics events of the whole
 * portal, narrowed as the request asks (`objectType` contact or 0-1, `objectId`, `eventType`,
 * `occurredAfter`/`occurredBefore`), newest first unless `sort=occurredAt`, in pages of `min(limit, pageSize)`
 * with a base64 `paging.next.after` and a full `link` while more remain.
 */
function portal(options: { contacts: Json[]; events?: Json[]; pageSize?: number }): RawCall[] {
  const byId = new Map(options.contacts.map((contact) => [String(contact.id), contact]));
  const events = options.events ?? [];
  return rawServer((call) => {
    const path = call.url.pathname;
    const params = call.url.searchParams;
    const one = /^\/crm\/v3\/objects\/contacts\/([^/]+)$/.exec(path);
    if (one && call.method === 'GET') {
      const contact = byId.get(decodeURIComponent(one[1]!));
      if (!contact) return hsNotFound();
      return json(200, hsContactAnswer(contact, hsListed(params.getAll('properties')), hsListed(params.getAll('propertiesWithHistory'))));
    }
    if (path === '/crm/v3/objects/contacts/batch/read' && call.method === 'POST') {
      const ids: string[] = (call.json?.inputs ?? []).map((input: Json) => String(input?.id));
      const results = ids.flatMap((id) => (byId.has(id) ? [hsContactAnswer(byId.get(id), hsListed(call.json?.properties), hsListed(call.json?.propertiesWithHistory))] : []));
      return json(200, { status: 'COMPLETE', results, startedAt: '2026-12-07T09:00:00.000Z', completedAt: '2026-12-07T09:00:00.050Z' });
    }
    if (path === '/crm/v3/objects/contacts/search' && call.method === 'POST') {
      const wanted = JSON.stringify(call.json ?? {}).toLowerCase();
      const results = options.contacts.filter((contact) => contact.properties.email && wanted.includes(String(contact.properties.email).toLowerCase()));
      return json(200, { total: results.length, results: results.map((contact) => hsContactAnswer(contact, hsListed(call.json?.properties), [])) });
    }
    if (path === '/events/v3/events' && call.method === 'GET') {
      const objectType = params.get('objectType');
      if (objectType && !['contact', 'contacts', '0-1'].includes(objectType.toLowerCase())) return json(200, { results: [] });
      const objectId = params.get('objectId');
      const eventType = params.get('eventType');
      const after = params.get('occurredAfter');
      const before = params.get('occurredBefore');
      const ascending = params.get('sort') === 'occurredAt' || params.getAll('sort').includes('occurredAt');
      const matching = events
        .filter((event) => objectId === null || String(event.objectId) === objectId)
        .filter((event) => eventType === null || event.eventType === eventType)
        .filter((event) => after === null || Date.parse(event.occurredAt) > Date.parse(after))
        .filter((event) => before === null || Date.parse(event.occurredAt) < Date.parse(before))
        .sort((a, b) => (ascending ? 1 : -1) * (Date.parse(a.occurredAt) - Date.parse(b.occurredAt)));
      const limit = Math.min(Number(params.get('limit') ?? 100) || 100, options.pageSize ?? 100);
      const start = offsetOf(params.get('after'));
      const results = matching.slice(start, start + limit);
      const body: Json = { results };
      if (start + limit < matching.length) {
        const next = new URL(call.url.toString());
        next.searchParams.set('after', cursorAt(start + limit));
        body.paging = { next: { after: cursorAt(start + limit), link: next.toString() } };
      }
      return json(200, body);
    }
    return hsNotFound();
  });
}

/** The profile of one contact from the fake portal, failing with what the lookup did instead when it gave none. */
async function profileOf(id: string): Promise<LeadProfile> {
  const outcome = await rejection(hub().getProfile(id, signal));
  expect(outcome instanceof ConnectorError || outcome instanceof Error ? describeOutcome(outcome) : 'resolved', 'the lookup failed or crashed instead of giving the lead').toBe('resolved');
  return wellFormed((outcome as { resolved: LeadProfile | null }).resolved);
}

/** HubSpot's own tracking parameters (e-mail, cross-domain linking, CTA): never part of the page the lead read. */
const HS_TRACKING = /[?&#](_hsenc|_hsmi|__hstc|__hssc|__hsfp|hsCtaTracking)=/i;
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-f]+);/i;
const TAG = /<\/?[a-z][^>]*>/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A URL as a page: host in lower case, no fragment, no trailing slash (both designs a rep reads as the same page). */
const asPage = (url: string) => {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.toString().replace(/\/(?=$|\?)/, '');
};
/** The URL string with only the fragment and a trailing slash dropped (the host left as the connector wrote it). */
const looseForm = (url: string) => url.replace(/#.*$/, '').replace(/\/(?=$|\?)/, '');
const instants = (profile: LeadProfile) => profile.pageViews.map((view) => instant(view.viewedAt)).sort();
const atTimes = (events: { results: Json[] }, objectId?: string) =>
  events.results.filter((event) => objectId === undefined || String(event.objectId) === objectId).map((event) => instant(event.occurredAt)).sort();
const viewAt = (profile: LeadProfile, iso: string) => profile.pageViews.find((view) => instant(view.viewedAt) === instant(iso));
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every problem is a version of the property at that version's own date, newest first, none twice. */
function expectVersionsAtTheirDates(profile: LeadProfile, history: readonly Json[]) {
  for (const problem of profile.problems) {
    expect(problem.submittedAt, `"${problem.text.slice(0, 40)}…" has no date though every version has one`).toBeDefined();
    const dates = history.filter((entry) => flat(entry.value) === flat(problem.text)).map((entry) => instant(entry.timestamp));
    if (dates.length) expect(dates, `"${problem.text.slice(0, 40)}…" dated ${problem.submittedAt}, a date none of its versions has`).toContain(instant(problem.submittedAt));
    expect(problem.form, `"${problem.form}" is a form GUID, not a form`).not.toMatch(GUID);
  }
  expect([...profile.problems].sort(newestProblemFirst).map((problem) => problem.submittedAt)).toEqual(profile.problems.map((problem) => problem.submittedAt));
  const pairs = profile.problems.map((problem) => `${instant(problem.submittedAt)}|${flat(problem.text)}`);
  expect(new Set(pairs).size).toBe(pairs.length);
}

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, fourteenth set: the pages the lead read', () => {
  it('H161: hs_url with _hsenc/_hsmi (e-mail clicks), __hstc/__hssc/__hsfp (cross-domain linking), hsCtaTracking (a CTA): no tracking parameter in any page, the pricing page read from two e-mails shown as one page, the referrer never as a page', async () => {
    portal({ contacts: [trackingContact], events: trackingEvents.results });
    const profile = await profileOf('72161');
    expect(profile.name).toBe('Ingrid Halvorsen');
    expect(instants(profile), 'a page view was lost or invented').toEqual(atTimes(trackingEvents));
    for (const view of profile.pageViews) expect(view.url, `${view.url} shows HubSpot's tracking parameters as part of the page`).not.toMatch(HS_TRACKING);
    const pricing = profile.pageViews.filter((view) => new URL(view.url).pathname === '/pricing');
    expect(pricing).toHaveLength(2);
    // Sets 2 and 4 (H24, M52, M53), written as independently, keep a view's UTM tags as written: the two
    // e-mails' own utm_content may tell the views apart, their recipient ids may not.
    const withoutUtm = (url: string) => {
      const parsed = new URL(url);
      for (const name of [...parsed.searchParams.keys()].filter((key) => key.startsWith('utm_'))) parsed.searchParams.delete(name);
      return parsed.href;
    };
    expect(new Set(pricing.map((view) => withoutUtm(view.url))).size, `one page shown as ${pricing.length}: ${pricing.map((view) => view.url).join(' , ')}`).toBe(1);
    expect(new URL(viewAt(profile, '2026-11-24T09:10:05.000Z')!.url).pathname).toBe('/signup');
    expect(new URL(viewAt(profile, '2026-11-24T09:10:05.000Z')!.url).host).toBe('app.keyline.example');
    expect(new URL(viewAt(profile, '2026-11-24T09:12:40.000Z')!.url).pathname).toBe('/demo');
    expect(new URL(viewAt(profile, '2026-11-17T15:40:00.000Z')!.url).pathname).toBe('/blog/soc-2-evidence');
    for (const view of profile.pageViews) expect(view.url).not.toMatch(/g2\.example|mail\.google\.example/);
  });

  it('H162: the pricing page as /pricing, /pricing/, /pricing#enterprise and https://WWW.KEYLINE.EXAMPLE/pricing: four views at their own times, all one page (the host case never makes a second page; fragment and trailing slash may stay or go)', async () => {
    portal({ contacts: [spellingsContact], events: spellingsEvents.results });
    const profile = await profileOf('72162');
    expect(profile.name).toBe('Tomas Berg');
    expect(instants(profile)).toEqual(atTimes(spellingsEvents));
    for (const view of profile.pageViews) expect(asPage(view.url)).toBe('https://www.keyline.example/pricing');
    const hosts = profile.pageViews.map((view) => view.url.split('/')[2]);
    expect(new Set(hosts.map((host) => host!.toLowerCase())).size).toBe(1);
    expect(hosts, 'WWW.KEYLINE.EXAMPLE shown as another page than www.keyline.example').toEqual(hosts.map((host) => host!.toLowerCase()));
    expect(new Set(profile.pageViews.map((view) => looseForm(view.url))).size).toBe(1);
  });

  it('H163: one landing page (hs_page_id 98765432150) on keyline-7730264.hubspotpagebuilder.com, keyline-7730264.hs-sites.com and go.keyline.example: three views at their own times, each that page on one of its domains, titled', async () => {
    portal({ contacts: [domainsContact], events: domainsEvents.results });
    const profile = await profileOf('72163');
    expect(profile.name).toBe('Amélie Roux');
    expect(instants(profile), 'views of one page on several domains were merged into fewer views or lost').toEqual(atTimes(domainsEvents));
    const hosts = ['go.keyline.example', 'keyline-7730264.hs-sites.com', 'keyline-7730264.hubspotpagebuilder.com'];
    for (const view of profile.pageViews) {
      const url = new URL(view.url);
      expect(hosts).toContain(url.host);
      expect(url.pathname.replace(/\/$/, '')).toBe('/soc-2-guide');
      expect(view.title).toBe('The SOC 2 guide');
    }
  });

  it('H164: titles with &amp;, &#8211;, &lt;, &quot;, emoji (a ZWJ sequence) and a plain "&": each title as the page shows it, entities decoded, emoji whole, the raw "&" kept', async () => {
    portal({ contacts: [titlesContact], events: titlesEvents.results });
    const profile = await profileOf('72164');
    expect(instants(profile)).toEqual(atTimes(titlesEvents));
    const titleAt = (iso: string) => viewAt(profile, iso)?.title.trim();
    for (const view of profile.pageViews) expect(view.title, `"${view.title}" shows an entity`).not.toMatch(ENTITY);
    expect(titleAt('2026-11-24T11:05:00.000Z')).toBe('Pricing & plans | Keyline');
    expect(titleAt('2026-11-24T11:03:00.000Z')).toBe('SOC 2 – what auditors ask 🚀');
    expect(titleAt('2026-11-24T11:01:00.000Z')).toBe('Keyline <3 R&D teams');
    expect(titleAt('2026-11-24T10:59:00.000Z')).toBe('Our "Trust" centre ☕ 👩‍💻');
    expect(titleAt('2026-11-24T10:57:00.000Z')).toBe('Security & compliance');
  });

  it('H165: 230 page views served 20 a page whatever the limit asked (short pages that still carry paging.next): at least the newest 100 views kept (the bar H38 sets), none twice, none invented', async () => {
    const template = shortPagesTemplate as Json;
    const all = Array.from({ length: template.total }, (_unused, index) => {
      const [url, title] = template.pages[index % template.pages.length] as [string, string];
      return {
        ...template.event,
        id: `leviathan-72165-${index.toString(16).padStart(8, '0')}-3c1d-9a51-1f1b2a0e7c10`,
        occurredAt: new Date(Date.parse(template.newest) - index * 37 * 60_000).toISOString(),
        properties: { ...template.event.properties, hs_url: url, hs_title: title, hs_page_title: title, hs_session_id: `leviathan-72165-s${Math.floor(index / 5)}` },
      };
    });
    portal({ contacts: [shortPagesContact], events: all, pageSize: template.serverPageSize });
    const profile = await profileOf('72165');
    const shown = instants(profile);
    expect(new Set(shown).size, 'a view listed twice').toBe(shown.length);
    const real = new Set(all.map((event) => instant(event.occurredAt)));
    for (const at of shown) expect(real.has(at)).toBe(true);
    const newest = all.slice(0, 100).map((event) => instant(event.occurredAt));
    const missing = newest.filter((at) => !shown.includes(at));
    expect(missing.length, `${missing.length} of the newest 100 views lost: pages shorter than the limit ended the reading (${shown.length} of ${all.length} kept)`).toBe(0);
  });

  it('H166: six views, four from before the form made her a contact (createdate 2026-11-20T10:00:04Z, the anonymous visitor\'s history HubSpot ties to her): all six, the oldest at 2026-10-02T07:31:12Z', async () => {
    portal({ contacts: [convertedContact], events: convertedEvents.results });
    const profile = await profileOf('72166');
    expect(profile.name).toBe('Lucia Ferrante');
    expect(instants(profile), 'the pages read before she converted were dropped').toEqual(atTimes(convertedEvents));
    expect(viewAt(profile, '2026-10-02T07:31:12.000Z')?.url).toBe('https://www.keyline.example/blog/gdpr-dpia-template');
  });

  it('H167: a colleague at the same company with his own views in the portal (the events API answers the whole portal when no objectId is named): only her two pages, never his', async () => {
    portal({ contacts: colleagues, events: colleaguesEvents.results });
    const profile = await profileOf('72167');
    expect(profile.name).toBe('Priya Raman');
    expect(instants(profile), 'someone else\'s page views shown as hers').toEqual(atTimes(colleaguesEvents, '72167'));
    for (const view of profile.pageViews) expect(view.url).not.toMatch(/careers|docs\/api|partners/);
  });

  it('H168: occurredAt as "…08:00:00Z", "…08:05:00.5Z", "…09:10:00+01:00", "…03:20:00-05:00", "…08:25:00.000+00:00": each view at its own instant (08:00, 08:05:00.5, 08:10, 08:20, 08:25 UTC)', async () => {
    portal({ contacts: [isoContact], events: isoEvents.results });
    const profile = await profileOf('72168');
    expect(profile.name).toBe('Noor Haddad');
    expect(instants(profile)).toEqual(atTimes(isoEvents));
    expect(new URL(viewAt(profile, '2026-11-21T08:10:00Z')!.url).pathname).toBe('/security');
    expect(new URL(viewAt(profile, '2026-11-21T08:20:00Z')!.url).pathname).toBe('/customers');
  });
});

describe('HubSpot variants, fourteenth set: the problem in the lead\'s own words', () => {
  it('H169: the same words from two forms (2026-10-03, 2026-11-18) and older words (2026-08-12): the words shown once or twice, each time at a date they were sent, the newest first', async () => {
    portal({ contacts: [sameWords] });
    const profile = await profileOf('72169');
    expect(profile.problems[0]?.text).toBe(sameWords.properties.message);
    expect(instant(profile.problems[0]?.submittedAt)).toBe(instant('2026-11-18T14:02:11.284Z'));
    expectVersionsAtTheirDates(profile, sameWords.propertiesWithHistory.message);
  });

  it('H170: a form message with <br>, <b>, &#39;, &amp;, &nbsp; and &quot;: no markup, no entity, the lead\'s sentences kept apart, dated', async () => {
    portal({ contacts: [htmlEntities] });
    const profile = await profileOf('72170');
    expect(profile.problems).toHaveLength(1);
    const text = profile.problems[0]!.text;
    expect(text).not.toMatch(TAG);
    expect(text).not.toMatch(ENTITY);
    const words = flat(text);
    expect(words).toContain("We're moving off spreadsheets & need SOC 2 by Q3.");
    expect(words).toContain('Budget: approved (€40k).');
    expect(words).toContain('Call me "any time" after 2pm.');
    expect(words).not.toContain('Q3.Budget');
    expect(instant(profile.problems[0]!.submittedAt)).toBe(instant('2026-11-21T16:40:27.031Z'));
  });

  it('H171: the newest values "<p>&nbsp;</p>" and "<p><br></p>" (an integration\'s empty rich text) above the lead\'s form words: no blank problem, the lead\'s words at 2026-11-06T10:12:44.5Z', async () => {
    portal({ contacts: [blankMarkup] });
    const profile = await profileOf('72171');
    for (const problem of profile.problems) {
      const bare = problem.text.replace(/<[^>]*>/g, '').replace(/&nbsp;|\u00a0/g, ' ').trim();
      expect(bare, `an empty value shown as a problem: ${JSON.stringify(problem.text)}`).not.toBe('');
    }
    const lead = profile.problems.find((problem) => flat(problem.text) === 'Need SSO with Okta and audit logs we can export.');
    expect(lead, 'the lead\'s words were lost under an empty newer value').toBeDefined();
    expect(instant(lead!.submittedAt)).toBe(instant('2026-11-06T10:12:44.500Z'));
  });

  it('H172: the current message is a rep\'s CRM_UI edit (updatedByUserId, sourceLabel) above the lead\'s "Request a demo" words: her words at her date; the rep\'s note, if shown, never credited to her form or given her date', async () => {
    portal({ contacts: [repEdit] });
    const profile = await profileOf('72172');
    const [repEntry, leadEntry] = repEdit.propertiesWithHistory.message as Json[];
    const lead = profile.problems.find((problem) => flat(problem.text) === leadEntry.value);
    expect(lead, 'the lead\'s form words were lost behind the rep\'s edit').toBeDefined();
    expect(instant(lead!.submittedAt)).toBe(instant('2026-11-10T13:21:05.118Z'));
    const note = profile.problems.find((problem) => flat(problem.text) === repEntry.value);
    if (note) {
      expect(note.form, 'a rep\'s edit passed off as the lead\'s "Request a demo" submission').not.toBe('Request a demo');
      expect(instant(note.submittedAt)).toBe(instant(repEntry.timestamp));
    }
    expectVersionsAtTheirDates(profile, repEdit.propertiesWithHistory.message);
  });

  it('H173: INTEGRATION (Intercom), FORM, SALESFORCE and IMPORT values: the form words at their date; any other value at its own date and never under the form\'s name', async () => {
    portal({ contacts: [integrationImport] });
    const profile = await profileOf('72173');
    const history = integrationImport.propertiesWithHistory.message as Json[];
    const form = history.find((entry) => entry.sourceType === 'FORM');
    const lead = profile.problems.find((problem) => flat(problem.text) === form.value);
    expect(lead, 'the lead\'s form words were lost').toBeDefined();
    expect(instant(lead!.submittedAt)).toBe(instant(form.timestamp));
    for (const entry of history.filter((item) => item.sourceType !== 'FORM')) {
      const shown = profile.problems.find((problem) => flat(problem.text) === entry.value);
      if (shown) expect(shown.form, `a ${entry.sourceType} value credited to the lead's form`).not.toBe('Security questionnaire help');
    }
    expectVersionsAtTheirDates(profile, history);
  });

  it('H174: the message from "Contact us" (2026-09-14); a later conversion "Download: HIPAA checklist" (2026-11-19) on a form without a message field: the words dated 2026-09-14, never credited to the download', async () => {
    portal({ contacts: [laterConversion] });
    const profile = await profileOf('72174');
    expect(profile.problems).toHaveLength(1);
    expect(profile.problems[0]!.text).toBe(laterConversion.properties.message);
    expect(instant(profile.problems[0]!.submittedAt)).toBe(instant('2026-09-14T10:05:12.344Z'));
    expect(profile.problems[0]!.form).not.toBe('Download: HIPAA checklist');
  });

  it('H175: a 10,075-character message with 👍🏽 across the 10,000-character cap (its first half at 9,999): the lead\'s words kept up to the cap, no half emoji, dated', async () => {
    const quietWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    portal({ contacts: [longEmoji] });
    const profile = await profileOf('72175');
    quietWarn.mockRestore();
    expect(profile.problems, 'an over-long message dropped instead of cut').toHaveLength(1);
    const text = profile.problems[0]!.text;
    expect(text.length).toBeLessThanOrEqual(10_000);
    expect(text.startsWith(longEmoji.properties.message.slice(0, 9_000))).toBe(true);
    expect(LONE_SURROGATE.test(text), 'the cut left half of a surrogate pair').toBe(false);
    expect(instant(profile.problems[0]!.submittedAt)).toBe(instant('2026-11-22T09:00:00.250Z'));
  });
});
