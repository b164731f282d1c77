/**
 * Mautic variants, seventh set (M87…M101): answers and answer sequences Mautic 2, 4, 5 and 6 really give that the
 * first six sets (vendor-variants.test.ts M01–M12, vendor-variants-mautic-2.test.ts M13–M26,
 * vendor-variants-mautic-3.test.ts M27–M41, vendor-variants-mautic-4.test.ts M42–M56,
 * vendor-variants-mautic-5.test.ts M57–M71, vendor-variants-mautic-6.test.ts M72–M86) do not have: a HubSpot record id
 * kept in a Mautic `number` field (Mautic 5 answers it as an integer); a form whose consent checkbox and hidden fields
 * hold longer text than the lead's own words; UTM rows with empty strings, nested query arrays, values typed in the
 * marketer's case and Google Ads placeholders nobody filled; page hits of a hash-routed single-page app; the Latin
 * American Spanish locale `es_419`; an OAuth2 token Mautic no longer knows; a PHP fatal error printed with status 200
 * and nginx's own 504 page; a Mautic 2.x timeline (unfiltered `lead.source.*` events, a download without its link); an
 * SMS "STOP"; the connection test of a Mautic that has no contacts and no assets yet; a 15-character Salesforce id that
 * MySQL's case-insensitive collation matches to another record's contact; an e-mail address Mautic stored before it
 * validated addresses.
 *
 * Written from Mautic's source (mautic/mautic), its documentation and public issue threads, without reading the
 * connector's mapping or client code. Each expectation is what Mautic's documented meaning says a rep should see, or
 * what must hold (nothing crashes, the lead still shows, a bad value is not shown raw, a clear error); where the right
 * answer is a product choice only that is asserted. Shapes and sources: section "mautic7/ (seventh set)" of the
 * variants README (test/fixtures/api/variants/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MauticSourceSchema } from '@/lib/schema/sources';
import type { LeadProfile } from '@/lib/schema';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import hubspotIdNumber from '@/test/fixtures/api/variants/mautic7/contacts-8701-hubspot-id-number.json';
import consentContact from '@/test/fixtures/api/variants/mautic7/contacts-8801-consent-form.json';
import consentForm from '@/test/fixtures/api/variants/mautic7/activity-8801-consent-form.json';
import utmEmptyValues from '@/test/fixtures/api/variants/mautic7/contacts-8901-utm-empty-values.json';
import utmTypedCase from '@/test/fixtures/api/variants/mautic7/contacts-9001-utm-typed-case.json';
import spaContact from '@/test/fixtures/api/variants/mautic7/contacts-9111-spa.json';
import hashRoutes from '@/test/fixtures/api/variants/mautic7/activity-9111-hash-routes.json';
import localeEs419 from '@/test/fixtures/api/variants/mautic7/contacts-9201-locale-es-419.json';
import hiroshi from '@/test/fixtures/api/variants/mautic7/contacts-9301.json';
import tokenRevoked from '@/test/fixtures/api/variants/mautic7/oauth-token-revoked.json';
import tokenFresh from '@/test/fixtures/api/variants/mautic7/oauth-token-fresh.json';
import error401TokenInvalid from '@/test/fixtures/api/variants/mautic7/error-401-token-invalid.json';
import sofia from '@/test/fixtures/api/variants/mautic7/contacts-9401.json';
import pieter from '@/test/fixtures/api/variants/mautic7/contacts-9511.json';
import mautic2Activity from '@/test/fixtures/api/variants/mautic7/activity-9511-mautic2.json';
import smsStop from '@/test/fixtures/api/variants/mautic7/contacts-9601-sms-stop.json';
import valueTrackLiteral from '@/test/fixtures/api/variants/mautic7/contacts-9701-valuetrack-literal.json';
import grace from '@/test/fixtures/api/variants/mautic7/contacts-9801.json';
import usersSelfAdmin from '@/test/fixtures/api/variants/mautic7/users-self-admin.json';
import contactsNone from '@/test/fixtures/api/variants/mautic7/contacts-none.json';
import assetsNone from '@/test/fixtures/api/variants/mautic7/assets-none.json';
import caseInsensitiveCrmId from '@/test/fixtures/api/variants/mautic7/contacts-case-insensitive-crm-id.json';
import caseInsensitiveOtherOnly from '@/test/fixtures/api/variants/mautic7/contacts-case-insensitive-crm-id-other-only.json';
import rfcViolatingEmail from '@/test/fixtures/api/variants/mautic7/contacts-10101-rfc-violating-email.json';
import searchSato from '@/test/fixtures/api/variants/mautic7/contacts-search-sato.json';
import { createMauticConnector } from './mautic';
import { ConnectorError } from './types';
import {
  describeOutcome,
  instant,
  json,
  mt,
  MT_ACTIVITY,
  MT_BASE,
  mtActivity,
  mtContactsById,
  mtList,
  mtQuery,
  rawServer,
  rejection,
  resetBetweenTests,
  serve,
  signal,
  wellFormed,
  withMappings, MT_EMPTY_LIST as EMPTY_LIST, mtListWhenAsked as listWhenAsked, queryValues, mentions } from '@/test/support/vendor-variants';

// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

resetBetweenTests();

const FIXTURES = 'test/fixtures/api/variants/mautic7';
/** PHP's own fatal-error text (display_errors on, html_errors): printed with the status still 200 (php.net bug #50921). */
const phpFatal = readFileSync(`${FIXTURES}/php-fatal-memory-display-errors.html`, 'utf8');
/** nginx's built-in 504 page (fastcgi_read_timeout reached while PHP-FPM still builds the answer). */
const nginx504 = readFileSync(`${FIXTURES}/nginx-504.html`, 'utf8');

/** An HTML tag or doctype: what a message must not carry from an HTML page. */
const HTML_TAG = /<[a-z!/]/i;
const HTML_HEADERS = { 'Content-Type': 'text/html; charset=UTF-8' };
/** What the contact searches asked Mautic, for assertion messages. */
const searchesIn = (calls: { url: URL }[]) =>
  calls
    .filter((call) => call.url.pathname === '/api/contacts')
    .map((call) => queryValues(call.url).join(' & '))
    .join(' | ');

/** The profile a lookup resolved with, failing the test with what it was rejected with otherwise. */
function resolvedProfile(outcome: unknown): LeadProfile | null {
  expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(Error);
  return (outcome as { resolved: LeadProfile | null }).resolved;
}

// OAuth2 (M93): Mautic's client-credentials token endpoint.
const TOKEN_PATH = '/oauth/v2/token';
const CLIENT_ID = '4_2kq8w0s4c0g8kokw0gc8s4o4k8ssw0cwgk8g0c0o4ws4gkgsgw';
const CLIENT_SECRET = '1x9tq4w7kv8gwkc0c0w8o4k4cc0ksc8ss4owg4k0g0sw8c4kog';
const mtOauth = () =>
  createMauticConnector(MauticSourceSchema.parse({ kind: 'mautic', baseUrl: MT_BASE, auth: { method: 'oauth2', clientId: CLIENT_ID } }), {
    clientSecret: CLIENT_SECRET,
  });

// Salesforce ids of M100: the record's 15- and 18-character forms, and another lead's 15-character id that differs only in case.
const OUR_SF_15 = '00Q5e00000Rt7Kb';
const OUR_SF_18 = '00Q5e00000Rt7KbEAJ';
const OTHER_SF_15 = '00Q5e00000RT7KB';

describe('Mautic variants, seventh set (Mautic 2/4/5/6 as it answers)', () => {
  // --- M87: a HubSpot record id in a `number` field -------------------------------------------------

  it('M87: the HubSpot record id lives in a Mautic `number` field, which Mautic 5 answers as an integer (98765432101, not "98765432101"); a lookup from that HubSpot record finds the contact and shows the id as HubSpot writes it', async () => {
    const recordId = '98765432101';
    const seen = serve([...listWhenAsked([recordId], hubspotIdNumber), ...mtActivity(activityEmpty)]);
    const source = withMappings({ crmIdField: 'hubspot_contact_id', crm: 'hubspot' });
    const outcome = await rejection(mt(source).findProfile({ crm: 'hubspot', recordId }, signal));
    const profile = resolvedProfile(outcome);
    expect(profile, `the contact holding the record id was not taken for the lead; Mautic was asked: ${searchesIn(seen)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('8701');
    expect.soft(lead.name).toBe('Lucía Moreno');
    expect.soft(lead.company).toBe('Fabrikam Retail S.L.');
    expect.soft(lead.crmIds.hubspot, 'the HubSpot id, as HubSpot writes it').toBe(recordId);
  });

  // --- M88: consent and hidden fields beside the lead's words -----------------------------------------

  it('M88: the demo form’s consent checkbox stores its sentence as the value, and hidden fields (filled from the URL) hold the gclid and landing page: the stated problem is the lead’s own short sentence, never the consent text, a URL or a click id', async () => {
    serve([...mtList(consentContact), ...mtActivity(consentForm)]);
    const lead = wellFormed(await mt().findProfile(mtQuery('bjorn.halvorsen@nordlys-payments.example'), signal));
    expect.soft(lead.id).toBe('8801');
    const words = 'Need SSO + SCIM for 300 users before our March audit.';
    const gclid = 'Cj0KCQiA4NWrBhD-ARIsAFCKwWsZ2hH8nQ1x9pVuGv3kJcT0bX7yLm2eRa5dWfUoIiPq8sNc4tHgYzEaAk3xEALw_wcB';
    const texts = lead.problems.map((problem) => problem.text);
    expect.soft(texts.join(' | '), 'the lead’s words').toContain(words);
    for (const text of texts) {
      expect.soft(text, 'the consent sentence is not a problem the lead stated').not.toContain('I agree that Keyline');
      expect.soft(text, 'a hidden landing-page URL is not a problem').not.toMatch(/^https?:\/\//);
      expect.soft(text, 'the click id is not a problem').not.toContain(gclid);
    }
    const stated = lead.problems.find((problem) => problem.text.includes(words));
    expect.soft(stated?.form).toBe('Request a demo');
    expect.soft(instant(stated?.submittedAt)).toBe(Date.parse('2026-11-24T14:03:20Z'));
    expect.soft((lead.activities ?? []).some((item) => item.kind === 'form_submission' && item.title === 'Request a demo')).toBe(true);
  });

  // --- M89–M90, M97: UTM rows as Mautic stores them ---------------------------------------------------

  it('M89: the first UTM row comes from a link with `utm_medium=&utm_campaign=` (Mautic stores "" for a key that is present) and a query holding nested arrays; a later row was added through the API with `query: []`: no empty campaign or UTM value is shown, the first touch is LinkedIn, the latest the webinar', async () => {
    serve([...mtList(utmEmptyValues), ...mtActivity(activityEmpty)]);
    const outcome = await rejection(mt().findProfile(mtQuery('amira.haddad@litware-capital.example'), signal));
    const lead = wellFormed(resolvedProfile(outcome));
    expect.soft(lead.id).toBe('8901');
    const shown: Record<string, string | undefined> = {
      campaign: lead.source.campaign,
      ...Object.fromEntries(Object.entries(lead.source.utm).map(([key, value]) => [`utm.${key}`, value])),
      'latest.campaign': lead.source.latest?.campaign,
      'latest.term': lead.source.latest?.term,
    };
    for (const [what, value] of Object.entries(shown)) {
      if (value !== undefined) expect.soft(value.trim(), `${what} shown as an empty value`).not.toBe('');
    }
    // A visit from LinkedIn without a medium: a social visit (organic or paid), never "direct" or "other".
    expect.soft(['organic_social', 'paid_social'], `first-touch channel ${lead.source.channel}`).toContain(lead.source.channel);
    expect.soft(lead.source.utm.source?.toLowerCase()).toBe('linkedin');
    expect.soft(lead.source.latest?.channel, 'the latest touch: the webinar platform’s row').toBe('webinar');
    expect.soft(lead.source.latest?.campaign).toBe('soc2-live-q4');
    if (lead.source.firstPage !== undefined) expect.soft(new URL(lead.source.firstPage).pathname).toBe('/customers');
  });

  it('M90: UTM values in the case the marketer typed them (`utm_source=LinkedIn&utm_medium=Paid%20Social&utm_campaign=Q4%20ABM%20–%20DACH`): paid social, the campaign as written', async () => {
    serve([...mtList(utmTypedCase), ...mtActivity(activityEmpty)]);
    const lead = wellFormed(await mt().findProfile(mtQuery('katrin.vogel@alpenbank.example'), signal));
    expect.soft(lead.id).toBe('9001');
    expect.soft(lead.source.channel, 'LinkedIn with a paid medium').toBe('paid_social');
    expect.soft(lead.source.campaign).toBe('Q4 ABM – DACH');
    expect.soft(lead.source.utm.source?.toLowerCase()).toBe('linkedin');
    expect.soft(lead.source.utm.medium?.toLowerCase()).toBe('paid social');
  });

  it('M97: the latest UTM row holds Google Ads ValueTrack placeholders that nobody filled (a Facebook ad reusing a Google tracking template: `utm_term={keyword}`, `utm_content={creative}`): the rep never reads "{keyword}" as a search term; the Google row’s real keyword stays', async () => {
    serve([...mtList(valueTrackLiteral), ...mtActivity(activityEmpty)]);
    const lead = wellFormed(await mt().findProfile(mtQuery('dana.kowalczyk@proseware-labs.example'), signal));
    expect.soft(lead.id).toBe('9701');
    expect.soft(lead.source.channel).toBe('paid_search');
    expect.soft(lead.source.utm.term, 'the keyword Google Ads filled in').toBe('soc 2 audit software');
    expect.soft(lead.source.latest?.channel).toBe('paid_social');
    expect.soft(lead.source.latest?.campaign).toBe('soc2-retarget-q4');
    expect.soft(JSON.stringify(lead), 'an unfilled ValueTrack placeholder shown as a value').not.toMatch(/\{(keyword|creative|matchtype)\}/);
  });

  // --- M91: a hash-routed single-page app ----------------------------------------------------------------

  it('M91: page hits whose address differs only in the fragment (a hash-routed app: `app.keyline.example/#/pricing`, `/#/signup?plan=team`; the site’s `/pricing?plan=team#faq` and `/pricing#compare`): four page views, the app’s sign-up page told apart from its pricing page', async () => {
    serve([...mtList(spaContact), ...mtActivity(hashRoutes)]);
    const lead = wellFormed(await mt().findProfile(mtQuery('seun.adeyemi@tailwind-health.example'), signal));
    expect.soft(lead.id).toBe('9111');
    const views = lead.pageViews;
    expect.soft(views.map((view) => view.title).sort(), 'one view per hit').toEqual(['Pricing – Keyline', 'Pricing – Keyline', 'Pricing – Keyline app', 'Sign up – Keyline app']);
    const signup = views.find((view) => view.title === 'Sign up – Keyline app');
    const appPricing = views.find((view) => view.title === 'Pricing – Keyline app');
    expect.soft(signup?.url ?? '', 'the app route she signed up on').toContain('signup');
    expect.soft(appPricing?.url ?? '', 'the app route of its pricing page').toContain('pricing');
    expect.soft(signup?.url, 'two different app pages are not one address').not.toBe(appPricing?.url);
    if (signup) expect.soft(new URL(signup.url).host).toBe('app.keyline.example');
    expect.soft(instant(signup?.viewedAt)).toBe(Date.parse('2026-11-26T10:12:30Z'));
    if (signup?.durationSec !== undefined) expect.soft(signup.durationSec).toBe(370);
  });

  // --- M92: Latin American Spanish -----------------------------------------------------------------------

  it('M92: preferred_locale "es_419" (Latin American Spanish, one of the Symfony Intl locales Mautic offers), timezone America/Mexico_City: the lead’s language is Spanish (es-419 or es), not dropped', async () => {
    serve([...mtList(localeEs419), ...mtActivity(activityEmpty)]);
    const lead = wellFormed(await mt().findProfile(mtQuery('valentina.rios@contoso-mx.example'), signal));
    expect.soft(lead.id).toBe('9201');
    expect.soft(lead.name).toBe('Valentina Ríos');
    expect.soft(['es-419', 'es'], `language ${lead.language}`).toContain(lead.language?.replace(/_/g, '-').toLowerCase());
    expect.soft(lead.contact.timeZone).toBe('America/Mexico_City');
    expect.soft(lead.country).toBe('Mexico');
  });

  // --- M93: OAuth2, a token Mautic no longer knows -----------------------------------------------------

  it('M93: OAuth2: Mautic refuses the token it issued with 401 invalid_grant "The access token provided is invalid." (its tokens were purged; the client still exists): a new token is asked for once, and the lead is found', async () => {
    let issued = 0;
    const calls = rawServer((call) => {
      const path = call.url.pathname;
      if (path === TOKEN_PATH) {
        issued += 1;
        return json(200, issued === 1 ? tokenRevoked : tokenFresh);
      }
      if ((call.headers.get('Authorization') ?? '') !== `Bearer ${tokenFresh.access_token}`) {
        return json(401, error401TokenInvalid, {
          'WWW-Authenticate': 'Bearer realm="Service", error="invalid_grant", error_description="The access token provided is invalid."',
        });
      }
      if (path === '/api/contacts') return json(200, mentions(call.url, 'hiroshi.tanaka@adatum-logistics.example') ? hiroshi : EMPTY_LIST);
      if (path === '/api/contacts/9301') return json(200, { contact: hiroshi.contacts['9301'] });
      if (MT_ACTIVITY.test(path)) return json(200, activityEmpty);
      return json(404, { errors: [{ message: `Requested URL not found: ${path}`, code: 404, type: null }] });
    });
    const outcome = await rejection(mtOauth().findProfile(mtQuery('hiroshi.tanaka@adatum-logistics.example'), signal));
    const profile = resolvedProfile(outcome);
    expect(profile, `requests: ${calls.map((call) => `${call.method} ${call.url.pathname}`).join(', ')}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('9301');
    expect.soft(lead.name).toBe('Hiroshi Tanaka');
    expect.soft(issued, 'token requests').toBe(2);
    for (const call of calls) expect.soft(call.url.search, 'the secret is never in a URL').not.toContain(CLIENT_SECRET);
  });

  // --- M94: a PHP fatal error printed with status 200 ------------------------------------------------------

  it('M94a: the activity answers 200 with only PHP’s fatal-error text ("Allowed memory size … exhausted", display_errors on, a contact with a huge timeline): the contact is shown with a gap, no pages invented, no HTML', async () => {
    serve([...mtList(sofia), { method: 'GET', path: MT_ACTIVITY, text: phpFatal, headers: HTML_HEADERS }]);
    const outcome = await rejection(mt().findProfile(mtQuery('sofia.lindberg@northwind-energy.example'), signal));
    const lead = wellFormed(resolvedProfile(outcome));
    expect.soft(lead.id).toBe('9401');
    expect.soft(lead.name).toBe('Sofia Lindberg');
    expect.soft(lead.score).toBe(88);
    expect.soft(lead.pageViews).toEqual([]);
    expect.soft((lead.gaps ?? []).length, 'the history that could not be read, said').toBeGreaterThan(0);
    expect.soft(JSON.stringify(lead.gaps ?? [])).not.toMatch(HTML_TAG);
  });

  it('M94b: the contact search answers 200 with only PHP’s fatal-error text: a clear error without HTML, never "not in Mautic"', async () => {
    serve([{ method: 'GET', path: '/api/contacts', text: phpFatal, headers: HTML_HEADERS }]);
    const outcome = await rejection(mt().findProfile(mtQuery('sofia.lindberg@northwind-energy.example'), signal));
    expect(outcome, describeOutcome(outcome)).toBeInstanceOf(ConnectorError);
    expect.soft(['malformed', 'server'], describeOutcome(outcome)).toContain((outcome as ConnectorError).kind);
    expect.soft((outcome as ConnectorError).message).not.toMatch(HTML_TAG);
  });

  // --- M95: a Mautic 2.x timeline -----------------------------------------------------------------------------

  it('M95: a Mautic 2.x server answers `lead.source.created`/`lead.source.identified` despite includeEvents (fixed in 2.14.1) and a download whose label is only "Asset downloaded", with no download link: the download shows under the asset’s title, the source events are neither pages nor activities', async () => {
    serve([...mtList(pieter), ...mtActivity(mautic2Activity)]);
    const lead = wellFormed(await mt().findProfile(mtQuery('pieter.devries@contoso-verzekeringen.example'), signal));
    expect.soft(lead.id).toBe('9511');
    expect.soft(lead.pageViews.map((view) => view.url)).toEqual(['https://www.keyline.example/demo']);
    const activities = lead.activities ?? [];
    expect.soft(activities.map((item) => item.kind).sort()).toEqual(['download', 'form_submission']);
    const download = activities.find((item) => item.kind === 'download');
    expect.soft(download?.title, 'the asset, not the event type').toBe('SOC 2 Readiness Checklist');
    expect.soft(instant(download?.at)).toBe(Date.parse('2026-11-05T14:30:00Z'));
    if (download?.url !== undefined) expect.soft(new URL(download.url).pathname, 'never an admin page').not.toMatch(/^\/s\//);
    expect.soft(JSON.stringify(activities)).not.toMatch(/Contact (created|identified)/);
    expect.soft(lead.problems.map((problem) => problem.text)).toEqual(['DNB expects us to evidence access reviews for 2,000 users every quarter.']);
  });

  // --- M96: an SMS "STOP" -----------------------------------------------------------------------------------

  it('M96: the lead replied STOP to an SMS (SmsBundle StopSubscriber: do-not-contact on "sms", reason 1, comments ""): the SMS opt-out is shown with when, e-mail stays allowed, no empty comment', async () => {
    serve([...mtList(smsStop), ...mtActivity(activityEmpty)]);
    const lead = wellFormed(await mt().findProfile(mtQuery('marcus.bell@woodgrove-clinics.example'), signal));
    expect.soft(lead.id).toBe('9601');
    expect.soft(lead.contact.doNotEmail, 'no entry on the email channel').toBe(false);
    const optOuts = lead.contact.optOuts ?? [];
    const sms = optOuts.find((entry) => entry.channel === 'sms');
    expect.soft(sms?.reason).toBe('unsubscribed');
    expect.soft(instant(sms?.at)).toBe(Date.parse('2026-11-28T19:42:10Z'));
    if (sms?.comment !== undefined) expect.soft(sms.comment.trim(), 'an empty comment').not.toBe('');
    expect.soft(optOuts.filter((entry) => entry.channel === 'email'), 'an e-mail opt-out nobody asked for').toEqual([]);
  });

  // --- M98: nginx's 504 page ------------------------------------------------------------------------------------

  it('M98a: the activity answers nginx’s own "504 Gateway Time-out" page (fastcgi_read_timeout passed while PHP still builds a long timeline): the contact is shown with a gap, no HTML', async () => {
    serve([...mtList(grace), { method: 'GET', path: MT_ACTIVITY, status: 504, text: nginx504, headers: { 'Content-Type': 'text/html' } }]);
    const outcome = await rejection(mt().findProfile(mtQuery('grace.mwangi@fourthcoffee.example'), signal));
    const lead = wellFormed(resolvedProfile(outcome));
    expect.soft(lead.id).toBe('9801');
    expect.soft(lead.name).toBe('Grace Mwangi');
    expect.soft(lead.score).toBe(93);
    expect.soft(lead.pageViews).toEqual([]);
    expect.soft((lead.gaps ?? []).length, 'the history that could not be read, said').toBeGreaterThan(0);
    expect.soft(JSON.stringify(lead.gaps ?? [])).not.toMatch(HTML_TAG);
  }, 30_000);

  it('M98b: the contact search answers nginx’s 504 page: a server or timeout error without HTML, not "not in Mautic" and not a sign-in problem', async () => {
    serve([{ method: 'GET', path: '/api/contacts', status: 504, text: nginx504, headers: { 'Content-Type': 'text/html' } }]);
    const outcome = await rejection(mt().findProfile(mtQuery('grace.mwangi@fourthcoffee.example'), signal));
    expect(outcome, describeOutcome(outcome)).toBeInstanceOf(ConnectorError);
    expect.soft(['server', 'timeout'], describeOutcome(outcome)).toContain((outcome as ConnectorError).kind);
    expect.soft((outcome as ConnectorError).message).not.toMatch(HTML_TAG);
  }, 30_000);

  // --- M99: a Mautic without contacts or assets yet -----------------------------------------------------------------

  it('M99: the connection test against a new Mautic (an administrator API user; `{"total": 0, "contacts": []}`, `{"total": 0, "assets": []}`): sign-in, lookup and notes work; an empty catalog is no sign-in failure', async () => {
    const seen = serve([
      { method: 'GET', path: '/api/users/self', body: usersSelfAdmin },
      { method: 'GET', path: '/api/contacts', body: contactsNone },
      { method: 'GET', path: '/api/assets', body: assetsNone },
      { method: 'POST', path: /^\/api\/users\/\d+\/permissioncheck$/, body: { 'lead:notes:create': true } },
    ]);
    const checks = await mt().testConnection(signal);
    const check = (capability: string) => checks.find((entry) => entry.capability === capability);
    const report = checks.map((entry) => `${entry.capability}: ${entry.ok} ${entry.message}`).join(' | ');
    expect.soft(check('auth')?.ok, report).toBe(true);
    expect.soft(check('lookup')?.ok, `no contacts yet is not a broken lookup: ${report}`).toBe(true);
    expect.soft(check('write')?.ok, report).toBe(true);
    const content = check('content');
    if (content && !content.ok) expect.soft(content.message, 'an empty catalog told as a sign-in problem').not.toMatch(/sign|password|credential|denied|authori/i);
    for (const entry of checks) expect.soft(entry.message).not.toMatch(/\b(null|undefined|NaN)\b/);
    expect.soft(seen.some((call) => call.method !== 'GET' && call.url.pathname === '/api/notes/new'), 'nothing written').toBe(false);
  });

  // --- M100: MySQL's case-insensitive collation and 15-character Salesforce ids --------------------------------------

  it('M100a: asked for the record’s 15- and 18-character ids, MySQL’s `_ci` collation also answers a contact whose 15-character id differs only in case (another Salesforce lead, synced in 2019): the contact holding this record’s id is the lead', async () => {
    const seen = serve([...listWhenAsked([OUR_SF_15], caseInsensitiveCrmId), ...mtActivity(activityEmpty)]);
    const source = withMappings({ crmIdField: 'sfdc_lead_id', crm: 'salesforce' });
    const outcome = await rejection(mt(source).findProfile({ crm: 'salesforce', recordId: OUR_SF_18 }, signal));
    const profile = resolvedProfile(outcome);
    expect(profile, `Mautic was asked: ${searchesIn(seen)}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id, `${OTHER_SF_15} is another Salesforce record than ${OUR_SF_15}`).toBe('10002');
    expect.soft(lead.name).toBe('Tomasz Nowak');
  });

  it('M100b: only the other record’s contact comes back (its 15-character id equals this one case aside): nobody, never that person', async () => {
    const seen = serve([...listWhenAsked([OUR_SF_15], caseInsensitiveOtherOnly), ...mtActivity(activityEmpty)]);
    const source = withMappings({ crmIdField: 'sfdc_lead_id', crm: 'salesforce' });
    const outcome = await rejection(mt(source).findProfile({ crm: 'salesforce', recordId: OUR_SF_18 }, signal));
    const profile = resolvedProfile(outcome);
    expect.soft(profile?.id ?? null, `Ana Ruiz (${OTHER_SF_15}) was taken for ${OUR_SF_18}; Mautic was asked: ${searchesIn(seen)}`).not.toBe('10001');
  });

  // --- M101: an address Mautic stored before it validated addresses -------------------------------------------------

  it('M101a: the rep’s chosen match has the e-mail "kenta.sato.@docomo.ne.jp" (a Japanese carrier address with a dot before "@", stored before Mautic validated addresses): the lead is shown, a valid profile', async () => {
    serve([...mtContactsById(rfcViolatingEmail), ...mtActivity(activityEmpty)]);
    const outcome = await rejection(mt().getProfile('10101', signal));
    const profile = resolvedProfile(outcome);
    expect(profile, 'the contact was reported as gone').not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('10101');
    expect.soft(lead.name ?? '').toContain('健太');
    expect.soft(lead.name ?? '').toContain('佐藤');
    expect.soft(lead.company).toBe('Contoso Japan KK');
    expect.soft(lead.contact.timeZone).toBe('Asia/Tokyo');
  });

  it('M101b: the rep searches "sato" and one of the two contacts has that address: both are listed', async () => {
    serve([{ method: 'GET', path: '/api/contacts', when: (url) => mentions(url, 'sato'), body: searchSato }, { method: 'GET', path: '/api/contacts', body: EMPTY_LIST }]);
    const outcome = await rejection(mt().searchProfiles('sato', signal));
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(Error);
    const results = (outcome as { resolved: { id: string; name?: string; company?: string }[] }).resolved;
    expect.soft(results.map((result) => result.id).sort()).toEqual(['10101', '10102']);
    expect.soft(results.find((result) => result.id === '10101')?.company).toBe('Contoso Japan KK');
  });
});
