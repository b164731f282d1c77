/**
 * Mautic variants, twelfth set (M145…M156): how the lead found us and how warm they are, as Mautic
 * really stores it. `utmtags` rows answered newest id first (the collection has no ORDER BY and no
 * date in the API), values in the case the marketer typed with null and "" beside them, a row added
 * through the API with only its `url` (the tags in its query alone), a row whose `url` is the tracking
 * pixel's request URI, a trackable-redirect click with the e-mail's UTM tags and the decoded `ct`;
 * `dateAdded`/`dateIdentified`/`lastActive` in non-UTC offsets; `points` as number, string, negative;
 * `stage` as object, null, id-only; tags with markup; an admin's `lead_source` select and HubSpot source
 * fields carried over by a migration; `page.hit` events with `referer` and `source`/`sourceId`.
 * Asserted: the right channel/campaign/first page or none (never a wrong one), dates as the right
 * instant, a score as a number, no markup, a valid profile. Shapes and sources:
 * test/fixtures/api/variants/README.md, section "mautic12/ (twelfth set)".
 */
import { describe, expect, it } from 'vitest';
import type { LeadProfile } from '@/lib/schema';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import idsDescending from '@/test/fixtures/api/variants/mautic12/contacts-14501-utm-ids-descending.json';
import upperNulls from '@/test/fixtures/api/variants/mautic12/contacts-14601-utm-upper-nulls.json';
import urlOnly from '@/test/fixtures/api/variants/mautic12/contacts-14701-utm-url-only.json';
import pixelUrl from '@/test/fixtures/api/variants/mautic12/contacts-14801-utm-pixel-url.json';
import trackableRedirect from '@/test/fixtures/api/variants/mautic12/contacts-14901-trackable-redirect.json';
import trackableRedirectActivity from '@/test/fixtures/api/variants/mautic12/activity-14901-trackable-redirect.json';
import offsetDates from '@/test/fixtures/api/variants/mautic12/contacts-15001-offset-dates.json';
import pointsTemplate from '@/test/fixtures/api/variants/mautic12/contacts-15101-points-template.json';
import stageTemplate from '@/test/fixtures/api/variants/mautic12/contacts-15201-stage-template.json';
import tagsContact from '@/test/fixtures/api/variants/mautic12/contacts-15301-tags.json';
import leadSourceField from '@/test/fixtures/api/variants/mautic12/contacts-15401-lead-source-field.json';
import hubspotSourceFields from '@/test/fixtures/api/variants/mautic12/contacts-15501-hubspot-source-fields.json';
import hitSourcesContact from '@/test/fixtures/api/variants/mautic12/contacts-15601.json';
import hitSourcesActivity from '@/test/fixtures/api/variants/mautic12/activity-15601-hit-sources.json';
import { instant, mt, mtActivity, mtList, mtQuery, resetBetweenTests, serve, signal, wellFormed } from '@/test/support/vendor-variants';

resetBetweenTests();

/** The lead whose page showed `email`, from a Mautic answering `body` to the search and `activity` to the timeline. */
async function lead(body: unknown, email: string, activity: unknown = activityEmpty): Promise<LeadProfile> {
  serve([...mtList(body), ...mtActivity(activity)]);
  return wellFormed(await mt().findProfile(mtQuery(email), signal));
}

type Listing = { contacts: Record<string, Record<string, unknown> & { fields: Record<string, Record<string, unknown>> }> };

/** The template with top-level keys replaced on every contact (and `points` in its field object and `fields.all`). */
function withTop<T>(base: T, values: Record<string, unknown>): T {
  const copy = structuredClone(base) as unknown as Listing;
  for (const contact of Object.values(copy.contacts)) {
    Object.assign(contact, values);
    if ('points' in values) {
      const field = contact.fields.core!.points as Record<string, unknown>;
      field.value = values.points;
      field.normalizedValue = values.points;
      contact.fields.all!.points = values.points;
    }
  }
  return copy as unknown as T;
}

/** Every campaign-ish value the brief shows, for "no empty or literal-null value" checks. */
const shownValues = (profile: LeadProfile) => ({
  campaign: profile.source.campaign,
  ...Object.fromEntries(Object.entries(profile.source.utm).map(([key, value]) => [`utm.${key}`, value])),
  'latest.campaign': profile.source.latest?.campaign,
  'latest.term': profile.source.latest?.term,
});

describe('Mautic variants, twelfth set (how the lead found us and how warm they are)', () => {
  it('M145: three utmtags rows answered newest id first (14588 LinkedIn paid, 14561 Mautic e-mail, 14502 Google cpc; no dates in the API): the first touch is the oldest row, Google paid search, never LinkedIn', async () => {
    const profile = await lead(idsDescending, 'ingrid.solberg@fjordline.example');
    expect.soft(profile.source.channel, 'first touch: the lowest (oldest) UTM row id').toBe('paid_search');
    expect.soft(profile.source.campaign).toBe('soc2-brand-nordics');
    expect.soft(profile.source.utm.term).toBe('soc 2 software');
    if (profile.source.firstPage !== undefined) expect.soft(new URL(profile.source.firstPage).pathname).toBe('/pricing');
    if (profile.source.latest !== undefined) {
      expect.soft(profile.source.latest.channel, 'latest touch: the highest row id').toBe('paid_social');
      expect.soft(profile.source.latest.campaign).toBe('abm-nordics-q4');
    }
  });

  it('M146: one row `utmSource: "GOOGLE"`, `utmMedium: "CPC"` (typed in capitals; Mautic lower-cases keys, not values), `utmCampaign: null`, `utmTerm: ""`: paid search; no empty or "null" campaign or term', async () => {
    const profile = await lead(upperNulls, 'tomasz.wojcik@vistula-freight.example');
    expect.soft(profile.source.channel, 'Google with a cpc medium, whatever the case').toBe('paid_search');
    expect.soft(profile.source.utm.source?.toLowerCase()).toBe('google');
    for (const [what, value] of Object.entries(shownValues(profile))) {
      if (value !== undefined) {
        expect.soft(value.trim(), `${what} shown as an empty value`).not.toBe('');
        expect.soft(value.trim().toLowerCase(), `${what} shown as the word null`).not.toBe('null');
      }
    }
    expect.soft(profile.source.campaign, 'the row has no campaign').toBeUndefined();
    expect.soft(profile.source.utm.term, 'utm_term was empty').toBeUndefined();
  });

  it('M147: an API row (`POST /contacts/ID/utm/add` with only `url`) whose utm* columns are null and whose url holds `utm_source=eventbrite&utm_medium=event&utm_campaign=soc2-summit-lisbon-2026`: an event (or unknown) channel, never direct; the campaign is the url’s or none', async () => {
    const profile = await lead(urlOnly, 'beatriz.nogueira@atlantico-seguros.example');
    expect.soft(['event', 'other'], `channel ${profile.source.channel}`).toContain(profile.source.channel);
    if (profile.source.campaign !== undefined) expect.soft(profile.source.campaign).toBe('soc2-summit-lisbon-2026');
    if (profile.source.utm.source !== undefined) expect.soft(profile.source.utm.source.toLowerCase()).toBe('eventbrite');
    if (profile.source.firstPage !== undefined) expect.soft(new URL(profile.source.firstPage).pathname).toBe('/events/soc2-summit');
  });

  it('M148: the only row comes from Mautic’s tracking pixel in a third-party newsletter (no page_url, no referer): `url` `/mtracking.gif?utm_source=newsletter&utm_medium=email&utm_campaign=dec-digest`: e-mail, campaign dec-digest; the pixel is never shown as the first page', async () => {
    const profile = await lead(pixelUrl, 'kwame.asante@volta-grid.example');
    expect.soft(profile.source.channel).toBe('email');
    expect.soft(profile.source.campaign).toBe('dec-digest');
    const firstPage = profile.source.firstPage;
    expect.soft(firstPage === undefined || !/mtracking\.gif/i.test(firstPage), `first page ${firstPage}`).toBe(true);
    expect.soft(firstPage === undefined || new URL(firstPage).hostname !== 'mautic.keyline.example', `first page ${firstPage} on Mautic’s own host`).toBe(true);
  });

  it('M149: a click on a trackable link (`/r/…?ct=…`) of Mautic e-mail 61 with its UTM tags: the row’s url is the redirect’s destination, its query the decoded `ct` array; e-mail, campaign "SOC2 nurture #2" (decoded), the first page the webinar page on the site, no `[object Object]`', async () => {
    const profile = await lead(trackableRedirect, 'helene.marchetti@lumiere-sante.example', trackableRedirectActivity);
    expect.soft(profile.source.channel).toBe('email');
    expect.soft(profile.source.campaign).toBe('SOC2 nurture #2');
    const firstPage = profile.source.firstPage;
    if (firstPage !== undefined) {
      expect.soft(new URL(firstPage).hostname).toBe('www.keyline.example');
      expect.soft(new URL(firstPage).pathname).toBe('/webinars/soc2-live');
    }
    expect.soft(JSON.stringify(profile)).not.toContain('[object Object]');
    const urls = profile.pageViews.map((view) => view.url);
    expect.soft(urls.some((url) => url.includes('/webinars/soc2-live'))).toBe(true);
    expect.soft(urls.every((url) => !new URL(url).pathname.startsWith('/r/'))).toBe(true);
  });

  it('M150: `dateAdded` "2026-11-30T23:40:00-05:00" (04:40 UTC on 1 December), `dateIdentified` "+01:00", `lastActive` "+05:30", nothing tracked: first seen, when shown, is the instant the contact was added', async () => {
    const profile = await lead(offsetDates, 'rohan.kapoor@indus-ledger.example');
    const seen = profile.source.firstSeen;
    if (seen !== undefined) expect.soft(instant(seen), `first seen ${seen}`).toBe(Date.parse('2026-12-01T04:40:00Z'));
  });

  it.each([
    [-20, -20],
    ['-20', -20],
    ['0', 0],
    [1250, 1250],
    [' 35 ', 35],
  ])('M151: `points` %j (a subtracting point action goes below zero; Mautic 4 answers strings): the score is the number %d', async (stored, expected) => {
    const profile = await lead(withTop(pointsTemplate, { points: stored }), 'sara.lindqvist@norrsken-bank.example');
    expect.soft(profile.score, `points ${JSON.stringify(stored)}`).toBe(expected);
  });

  it.each([
    ['null (no stage set)', null, [undefined]],
    ['{"id": 2} without a name (which stage is unknown)', { id: 2 }, [undefined, 'other']],
    ['{"id": "5", "name": "Customer"} (id as a string)', { id: '5', name: 'Customer', description: null, weight: 80, category: null, isPublished: true }, ['customer']],
    ['named "Sales Qualified Lead &ndash; inbound"', { id: 3, name: 'Sales Qualified Lead &ndash; inbound', description: null, weight: 40, category: null, isPublished: true }, ['sql', 'other', undefined]],
  ] as [string, unknown, (string | undefined)[]][])('M152: `stage` %s: a stage the stored one means, or none; never another', async (_what, stage, allowed) => {
    const profile = await lead(withTop(stageTemplate, { stage }), 'omar.farouk@nile-analytics.example');
    expect.soft(allowed, `stage ${profile.stage}`).toContain(profile.stage);
    expect.soft(profile.score).toBe(48);
  });

  it.each([
    ['objects {id, tag}', [{ id: 4, tag: 'webinar-attendee' }, { id: 9, tag: '<img src=x onerror=alert(1)>' }, { id: 11, tag: 'r&amp;d' }]],
    ['strings', ['webinar-attendee', '<img src=x onerror=alert(1)>', 'r&amp;d']],
  ])('M153: tags as %s, one holding markup and one entity-encoded: the profile parses and no markup or entity reaches the rep', async (_what, tags) => {
    const profile = await lead(withTop(tagsContact, { tags }), 'mei.tanaka@sakura-robotics.example');
    const text = JSON.stringify(profile);
    expect.soft(text).not.toMatch(/<img|onerror/i);
    expect.soft(text).not.toContain('&amp;');
    expect.soft(profile.score).toBe(27);
  });

  it('M154: nothing tracked, the admin’s `lead_source` select holds `trade_show` ("Trade show / event"): an event or unknown channel, never direct, search, social or e-mail', async () => {
    const profile = await lead(leadSourceField, 'lukas.brenner@alpenstrom.example');
    expect.soft(['event', 'other'], `channel ${profile.source.channel}`).toContain(profile.source.channel);
    expect.soft(profile.source.firstPage).toBeUndefined();
  });

  it('M155: nothing tracked, HubSpot’s original source carried over as text fields (`hs_analytics_source` "PAID_SEARCH", drill-down "soc2-brand-uk"): paid search or unknown, never another channel; a campaign, when shown, is the drill-down', async () => {
    const profile = await lead(hubspotSourceFields, 'grace.whitfield@thames-health.example');
    expect.soft(['paid_search', 'other'], `channel ${profile.source.channel}`).toContain(profile.source.channel);
    if (profile.source.campaign !== undefined) expect.soft(profile.source.campaign).toBe('soc2-brand-uk');
  });

  it('M156: three page hits in "+01:00" with `referer` (Google, the pricing page) and `source`/`sourceId` (campaign 7, form 3): three page views at the right instants, each the hit’s own URL, never its referer', async () => {
    const profile = await lead(hitSourcesContact, 'nadia.haddad@cedar-logistics.example', hitSourcesActivity);
    const views = [...profile.pageViews].sort((a, b) => Date.parse(a.viewedAt) - Date.parse(b.viewedAt));
    expect.soft(views.map((view) => new URL(view.url).pathname)).toEqual(['/pricing', '/demo', '/demo/thank-you']);
    expect.soft(views.map((view) => instant(view.viewedAt))).toEqual([
      Date.parse('2026-12-04T14:51:30Z'),
      Date.parse('2026-12-04T14:58:00Z'),
      Date.parse('2026-12-04T15:02:10Z'),
    ]);
    expect.soft(views.some((view) => view.url.includes('google.com')), 'a referer shown as a page read').toBe(false);
    if (profile.source.firstPage !== undefined) expect.soft(new URL(profile.source.firstPage).pathname).toBe('/pricing');
  });
});
