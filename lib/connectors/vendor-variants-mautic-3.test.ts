/**
 * Mautic variants, third set (M27…): answers Mautic 4 and 5 really give that the first two sets
 * (vendor-variants.test.ts M01–M12, vendor-variants-mautic-2.test.ts M13–M26) do not have: a
 * plus-addressed e-mail and a Mautic in a sub-folder; one address on two contacts (the CRM sync's copy
 * carrying the CRM id) and a server that ignores the filter; multiselect and boolean custom fields; a
 * locale with a script subtag and a mapped time-zone field; ipAddresses as the documented map with geo
 * details that contradict the lead's fields; a bounce whose comment is a long SMTP answer and a web-push
 * opt-out; admin-named stages and negative points; page hits from a campaign e-mail, on a Mautic landing
 * page and with a 2,398-character address; a server whose clocks went back (DST); opens of "Custom
 * Email"s; a 12,500-character form message and a form that writes the mapped problem field; Mautic's own
 * rate limiter; OAuth2 token expiry and a refused client; the API or basic auth switched off; older
 * servers' error bodies. Each expectation is what Mautic's documented meaning says a rep should see;
 * where the right answer is a product choice only what must hold is asserted. Shapes and sources:
 * test/fixtures/api/variants/README.md, section "mautic3/ (third set)".
 */
import { describe, expect, it, vi } from 'vitest';
import { MauticSourceSchema } from '@/lib/schema/sources';
import type { LeadProfile } from '@/lib/schema';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import plusAddress from '@/test/fixtures/api/variants/mautic3/contacts-plus-address.json';
import sameAddressTwo from '@/test/fixtures/api/variants/mautic3/contacts-same-address-two.json';
import sameAddressCrmId from '@/test/fixtures/api/variants/mautic3/contacts-same-address-crm-id.json';
import filterIgnored from '@/test/fixtures/api/variants/mautic3/contacts-filter-ignored.json';
import multiselectBoolean from '@/test/fixtures/api/variants/mautic3/contacts-multiselect-boolean.json';
import localeScript from '@/test/fixtures/api/variants/mautic3/contacts-locale-script-mapped-tz.json';
import ipMapVpn from '@/test/fixtures/api/variants/mautic3/contacts-ip-map-vpn.json';
import dncBouncePush from '@/test/fixtures/api/variants/mautic3/contacts-dnc-bounce-push.json';
import stageFormerCustomer from '@/test/fixtures/api/variants/mautic3/contacts-stage-former-customer.json';
import stageSql from '@/test/fixtures/api/variants/mautic3/contacts-stage-sql.json';
import amara from '@/test/fixtures/api/variants/mautic3/contacts-amara.json';
import campaignLandingHits from '@/test/fixtures/api/variants/mautic3/activity-campaign-landing-hits.json';
import dstFallback from '@/test/fixtures/api/variants/mautic3/activity-dst-fallback.json';
import customEmailOpens from '@/test/fixtures/api/variants/mautic3/activity-custom-email-opens.json';
import formLongMessage from '@/test/fixtures/api/variants/mautic3/activity-form-long-message.json';
import mappedProblemField from '@/test/fixtures/api/variants/mautic3/contacts-mapped-problem-field.json';
import formWritesMappedField from '@/test/fixtures/api/variants/mautic3/activity-form-writes-mapped-field.json';
import error429RateLimiter from '@/test/fixtures/api/variants/mautic3/error-429-rate-limiter.json';
import error401TokenExpired from '@/test/fixtures/api/variants/mautic3/error-401-token-expired.json';
import error400InvalidClient from '@/test/fixtures/api/variants/mautic3/error-400-invalid-client.json';
import oauthToken1 from '@/test/fixtures/api/variants/mautic3/oauth-token-1.json';
import oauthToken2 from '@/test/fixtures/api/variants/mautic3/oauth-token-2.json';
import error403ApiDisabled from '@/test/fixtures/api/variants/mautic3/error-403-api-disabled.json';
import error403BasicAuthDisabled from '@/test/fixtures/api/variants/mautic3/error-403-basic-auth-disabled.json';
import error401OauthRaw from '@/test/fixtures/api/variants/mautic3/error-401-oauth-raw.json';
import error403Deprecated from '@/test/fixtures/api/variants/mautic3/error-403-errors-and-deprecated-error.json';
import error500Legacy from '@/test/fixtures/api/variants/mautic3/error-500-legacy-error-object.json';
import { createMauticConnector } from './mautic';
import { ConnectorError } from './types';
import type { FakeRoute } from '@/test/support/fake-fetch';
import { instant, mt, MT_ACTIVITY, MT_BASE, MT_PASSWORD as PASSWORD, mtActivity, mtContactsById, mtList, mtQuery, rejection, resetBetweenTests, serve, signal, wellFormed, withMappings, MT_EMPTY_LIST as EMPTY_LIST, queryValues, mentions } from '@/test/support/vendor-variants';


// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

type Route = FakeRoute;
resetBetweenTests();


/** GET /api/contacts answers the list only to a request that names `text` (the address, the CRM id); else nobody. */
const listWhenAsked = (text: string, body: unknown): Route[] => [
  { method: 'GET', path: '/api/contacts', when: (url) => mentions(url, text), body },
  ...mtContactsById(body),
];
const nobodyElse: Route = { method: 'GET', path: '/api/contacts', body: EMPTY_LIST };


/** A request as the raw fake below saw it (for the OAuth2 cases, whose token request has a form body). */
interface RawCall {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
}
/** Replaces fetch with `answer`, recording every request; restored by resetBetweenTests (vi.unstubAllGlobals). */
function stubRaw(answer: (call: RawCall) => Response): RawCall[] {
  const calls: RawCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : undefined;
      const url = new URL(request ? request.url : String(input));
      const method = init?.method ?? request?.method ?? 'GET';
      const headers = new Headers(init?.headers ?? request?.headers);
      const raw = init?.body;
      const body = typeof raw === 'string' ? raw : raw instanceof URLSearchParams ? raw.toString() : request ? await request.clone().text() : undefined;
      const call = { method, url, headers, body };
      calls.push(call);
      return answer(call);
    }),
  );
  return calls;
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const CLIENT_ID = '3_5x8t2kq0r9c4w8c0g4kokw0g8s0c0wccs4og4kks44o0ko8gw';
const CLIENT_SECRET = '4bq8vzl2a3wgskw40ww8gso8wk84cgo8ks0s8s4w0kk8c0w4wg';
const oauthSource = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: MT_BASE, auth: { method: 'oauth2', clientId: CLIENT_ID } });
const mtOauth = () => createMauticConnector(oauthSource, { clientSecret: CLIENT_SECRET });
const TOKEN_PATH = '/oauth/v2/token';

const amaraQuery = mtQuery('amara.nwosu@woodgrove.example');

describe('Mautic variants, third set (Mautic 4/5 as it answers)', () => {
  it('M27a: a plus-addressed e-mail (dana.okonkwo+crm@…) is searched as that address, "+" not read as a space', async () => {
    const seen = serve([...listWhenAsked('dana.okonkwo+crm@fabrikam.example', plusAddress), nobodyElse, ...mtActivity(activityEmpty)]);
    const profile = await mt().findProfile(mtQuery('dana.okonkwo+crm@fabrikam.example'), signal);
    const searched = seen.filter((call) => call.url.pathname === '/api/contacts').map((call) => queryValues(call.url).join(' & '));
    expect(profile, `Mautic read the search as: ${searched.join(' | ')}`).not.toBeNull();
    const lead = wellFormed(profile);
    expect.soft(lead.id).toBe('4127');
    expect.soft(lead.name).toBe('Dana Okonkwo');
    expect.soft(lead.email?.toLowerCase()).toBe('dana.okonkwo+crm@fabrikam.example');
  });

  it('M27b: Mautic installed in a sub-folder (https://marketing.keyline.example/mautic): every call goes under that path', async () => {
    const source = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: 'https://marketing.keyline.example/mautic', auth: { method: 'basic', username: 'leadside-api' } });
    const seen = serve([
      { method: 'GET', path: '/mautic/api/contacts', body: amara },
      { method: 'GET', path: '/mautic/api/contacts/4140', body: { contact: amara.contacts['4140'] } },
      { method: 'GET', path: /^\/mautic\/api\/contacts\/\d+\/activity$/, when: (url) => (url.searchParams.get('page') ?? '1') === '1', body: customEmailOpens },
      { method: 'GET', path: /^\/mautic\/api\/contacts\/\d+\/activity$/, body: activityEmpty },
    ]);
    const outcome = await rejection(mt(source).findProfile(amaraQuery, signal));
    const paths = seen.map((call) => `${call.url.host}${call.url.pathname}`);
    expect(outcome, `requested: ${paths.join(', ')}`).not.toBeInstanceOf(Error);
    const profile = wellFormed((outcome as { resolved: LeadProfile | null }).resolved);
    expect.soft(profile.id).toBe('4140');
    expect.soft((profile.activities ?? []).filter((item) => item.kind === 'email_open')).toHaveLength(2);
    expect.soft(paths.every((path) => path.startsWith('marketing.keyline.example/mautic/'))).toBe(true);
  });

  it('M28a: one address on two contacts, the CRM sync’s newer copy holding the mapped CRM id: that contact is this CRM record’s lead', async () => {
    const recordId = '00Q5e00000Kx7RtEAJ';
    const seen = serve([
      ...listWhenAsked(recordId, sameAddressCrmId),
      ...listWhenAsked('sam.rivera@northwind.example', sameAddressTwo),
      nobodyElse,
      ...mtActivity(activityEmpty),
    ]);
    const source = withMappings({ crmIdField: 'sfdc_lead_id', crm: 'salesforce' });
    const profile = wellFormed(await mt(source).findProfile({ crm: 'salesforce', recordId, email: 'sam.rivera@northwind.example' }, signal));
    expect.soft(profile.id).toBe('4377');
    expect.soft(profile.name).toBe('Samuel Rivera');
    const activityFor = seen.filter((call) => MT_ACTIVITY.test(call.url.pathname)).map((call) => call.url.pathname);
    expect.soft(activityFor.every((path) => path.startsWith('/api/contacts/4377/'))).toBe(true);
  });

  it('M28b: one address on two contacts and no CRM id mapped: whichever is chosen, everything shown is that one contact’s', async () => {
    const seen = serve([...listWhenAsked('sam.rivera@northwind.example', sameAddressTwo), nobodyElse, ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('sam.rivera@northwind.example'), signal));
    const expected: Record<string, Partial<LeadProfile>> = {
      '4301': { name: 'Sam Rivera', company: 'Northwind Traders', title: 'IT Manager', score: 64 },
      '4377': { name: 'Samuel Rivera', company: 'Northwind Traders Inc.', title: 'IT Manager, Infrastructure', score: 0 },
    };
    expect(Object.keys(expected)).toContain(profile.id);
    expect.soft(profile).toMatchObject(expected[profile.id]!);
    const activityFor = seen.filter((call) => MT_ACTIVITY.test(call.url.pathname)).map((call) => call.url.pathname);
    expect.soft(activityFor.every((path) => path.startsWith(`/api/contacts/${profile.id}/`))).toBe(true);
  });

  it('M28c: a server that ignores the filter (every contact, total "350", anonymous visitors first): nobody else is taken for the lead', async () => {
    serve([...mtList(filterIgnored), ...mtActivity(activityEmpty)]);
    const outcome = await rejection(mt().findProfile(amaraQuery, signal));
    if (outcome instanceof ConnectorError) expect.soft(outcome.kind).not.toBe('auth');
    else expect(outcome, 'a contact whose address is not the lead’s was shown as the lead').toEqual({ resolved: null });
  });

  it('M29: multiselect fields ("video|email", labels in normalizedValue) mapped as channel and best time; boolean, date, datetime fields beside', async () => {
    serve([...mtList(multiselectBoolean), ...mtActivity(activityEmpty)]);
    const source = withMappings({ preferredChannel: 'contact_channels', bestTime: 'best_time_slots' });
    const profile = wellFormed(await mt(source).findProfile(mtQuery('ines.duarte@contoso-seguros.example'), signal));
    expect.soft(profile.name).toBe('Inês Duarte');
    expect.soft(profile.score).toBe(57);
    // The lead chose two channels, the first being a video call: a channel she named, never none.
    expect.soft(['video_call', 'email']).toContain(profile.contact.preferredChannel);
    // Her answer in the words of the form (the options' labels), not Mautic's stored keys.
    const bestTime = profile.contact.bestTimeText ?? '';
    expect.soft(bestTime).toContain('Morning (9–12)');
    expect.soft(bestTime).toContain('Late afternoon (16–18)');
    expect.soft(bestTime).not.toMatch(/late_afternoon|\bmorning\|/);
  });

  it('M30: preferred_locale zh_Hant_TW keeps its script; the mapped custom timezone field gives the zone when the core one is empty', async () => {
    serve([...mtList(localeScript), ...mtActivity(activityEmpty)]);
    const source = withMappings({ timeZone: 'office_timezone' });
    const profile = wellFormed(await mt(source).findProfile(mtQuery('meilin.chen@tailwind-semi.example'), signal));
    expect.soft(profile.name).toBe('Mei-Lin Chen');
    expect.soft(profile.title).toBe('資安經理');
    expect.soft(profile.contact.timeZone).toBe('Asia/Taipei');
    // Traditional Chinese as used in Taiwan: "zh" alone would let the panel pick Simplified.
    expect.soft(['zh-hant-tw', 'zh-tw', 'zh-hant']).toContain(profile.language?.replace(/_/g, '-').toLowerCase());
    expect.soft(profile.country).toBe('Taiwan');
  });

  it('M31: ipAddresses map whose geo details (a VPN in Chicago) contradict the lead’s fields; title "Mr" is a salutation, not the job', async () => {
    serve([...mtList(ipMapVpn), ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('jonas.richter@hafenlogistik.example'), signal));
    expect.soft(profile.id).toBe('4131');
    expect.soft(profile.name).toBe('Jonas Richter');
    expect.soft(profile.company).toBe('Hafenlogistik GmbH');
    expect.soft(profile.title).toBe('Leiter IT-Sicherheit');
    expect.soft(profile.contact.timeZone).toBe('Europe/Berlin');
    expect.soft(profile.country).toBe('Germany');
    expect.soft(profile.source.channel).toBe('paid_social');
    expect.soft(profile.source.campaign).toBe('logistics-dach-q4');
    // Dates carry the server's +01:00: first seen, when given, is one of the contact's own instants.
    if (profile.source.firstSeen !== undefined) {
      expect.soft([Date.parse('2026-11-02T08:15:00Z'), Date.parse('2026-11-02T08:21:00Z')]).toContain(instant(profile.source.firstSeen));
    }
  });

  it('M32: a bounce whose comment is a 635-character SMTP answer, and a web-push opt-out: do-not-email with why and when, no call ban', async () => {
    serve([...mtList(dncBouncePush), ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('hannah.lindqvist@nordkraft.example'), signal));
    expect.soft(profile.name).toBe('Hannah Lindqvist');
    expect.soft(profile.contact.doNotEmail).toBe(true);
    expect.soft(profile.contact.doNotCall).toBe(false);
    const optOuts = profile.contact.optOuts ?? [];
    const email = optOuts.find((entry) => entry.channel === 'email');
    expect.soft(email?.reason).toBe('bounced');
    expect.soft(instant(email?.at)).toBe(Date.parse('2026-11-03T10:15:23Z'));
    expect.soft(email?.comment ?? '').toMatch(/^smtp; 550 5\.7\.1 <hannah\.lindqvist@nordkraft\.example>: Recipient address rejected/);
    const push = optOuts.find((entry) => entry.channel === 'notification');
    if (push) expect.soft(push.reason).toBe('unsubscribed');
  });

  it('M33: admin-named stages: "Former customer" (points -15) is not a customer; "Sales Qualified Lead" is SQL', async () => {
    serve([
      ...listWhenAsked('owen.park@litware.example', stageFormerCustomer),
      ...listWhenAsked('lucia.ferreira@adventure-works.example', stageSql),
      nobodyElse,
      ...mtActivity(activityEmpty),
    ]);
    const owen = wellFormed(await mt().findProfile(mtQuery('owen.park@litware.example'), signal));
    expect.soft(owen.id).toBe('4133');
    expect.soft(owen.stage).not.toBe('customer');
    expect.soft(owen.customer).not.toBe(true);
    // Mautic's points go below zero when point actions subtract (a churned customer's penalty): the score is -15, not 0 or none.
    expect.soft(owen.score).toBe(-15);
    const lucia = wellFormed(await mt().findProfile(mtQuery('lucia.ferreira@adventure-works.example'), signal));
    expect.soft(lucia.id).toBe('4134');
    expect.soft(lucia.stage).toBe('sql');
    expect.soft(lucia.score).toBe(92);
  });

  it('M34: hits from a campaign e-mail’s link, on a Mautic landing page (admin href "/s/pages/view/8", no urlTitle), a 2,398-character address, campaign events: the public pages, titled', async () => {
    serve([...mtList(amara), ...mtActivity(campaignLandingHits)]);
    const profile = wellFormed(await mt().findProfile(amaraQuery, signal));
    const pages = profile.pageViews.map((view) => {
      const url = new URL(view.url);
      return `${url.origin}${url.pathname}`;
    });
    const expected = [
      'https://mautic.keyline.example/landing/soc2-checklist',
      'https://www.keyline.example/blog/soc2-evidence-automation',
      'https://www.keyline.example/pricing',
    ];
    for (const page of expected) expect.soft(pages).toContain(page);
    // The calculator's 2,398-character address (over the 2,048 a page URL may have) may be shortened or left out, never the others with it.
    expect.soft(pages.filter((page) => !expected.includes(page))).toEqual(pages.filter((page) => page === 'https://www.keyline.example/pricing/calculator'));
    expect.soft(pages.filter((page) => page === 'https://www.keyline.example/pricing')).toHaveLength(1);
    expect.soft(pages.some((page) => new URL(page).pathname.startsWith('/s/'))).toBe(false);
    for (const view of profile.pageViews) expect.soft(view.title.trim()).not.toBe('');
    const landing = profile.pageViews.find((view) => view.url.startsWith('https://mautic.keyline.example/landing/soc2-checklist'));
    expect.soft(landing?.title).toBe('SOC 2 readiness checklist');
    expect.soft(instant(landing?.viewedAt)).toBe(Date.parse('2026-11-25T09:58:30Z'));
    if (landing?.durationSec !== undefined) expect.soft(landing.durationSec).toBe(340);
    // Campaign actions, a campaign membership and "Contact identified" are neither pages read nor activities of the lead's own.
    expect.soft(profile.activities ?? []).toEqual([]);
  });

  it('M35: the server’s clocks went back (02:40+02:00, then 02:10+01:00): activities newest first by instant, not by wall clock', async () => {
    serve([...mtList(amara), ...mtActivity(dstFallback)]);
    const profile = wellFormed(await mt().findProfile(amaraQuery, signal));
    const activities = (profile.activities ?? []).map((item) => [item.kind, instant(item.at)]);
    expect.soft(activities).toEqual([
      ['download', Date.parse('2026-10-25T01:10:00Z')],
      ['form_submission', Date.parse('2026-10-25T00:50:00Z')],
      ['email_open', Date.parse('2026-10-25T00:40:00Z')],
    ]);
    expect.soft(instant(profile.problems[0]?.submittedAt)).toBe(Date.parse('2026-10-25T00:50:00Z'));
  });

  it('M36: opens of "Custom Email"s (no e-mail entity, email_name null; one without stored subject or hash): shown, titled, with their subject', async () => {
    serve([...mtList(amara), ...mtActivity(customEmailOpens)]);
    const profile = wellFormed(await mt().findProfile(amaraQuery, signal));
    const opens = (profile.activities ?? []).filter((item) => item.kind === 'email_open');
    expect.soft(opens.map((item) => instant(item.at))).toEqual([Date.parse('2026-11-24T09:12:00Z'), Date.parse('2026-11-02T07:55:00Z')]);
    for (const open of opens) expect.soft(open.title.trim()).not.toBe('');
    const oneOff = opens.find((item) => instant(item.at) === Date.parse('2026-11-24T09:12:00Z'));
    expect.soft(oneOff?.title).toContain('Quick question about your SOC 2 audit');
    expect.soft(oneOff?.subject).toBe('Quick question about your SOC 2 audit');
    expect.soft(instant(oneOff?.sentAt)).toBe(Date.parse('2026-11-23T16:30:00Z'));
  });

  it('M37: a form message of 12,500 characters (no limit on a textarea): the problem is kept, within the cap, from its first words', async () => {
    serve([...mtList(amara), ...mtActivity(formLongMessage)]);
    const profile = wellFormed(await mt().findProfile(amaraQuery, signal));
    expect.soft(profile.problems).toHaveLength(1);
    const problem = profile.problems[0];
    expect.soft(problem?.form).toBe('Request a scoping call');
    expect.soft(problem?.text.startsWith('Our situation, since you asked for detail: We are a bank with 14 regulated entities')).toBe(true);
    expect.soft(instant(problem?.submittedAt)).toBe(Date.parse('2026-11-25T11:20:00Z'));
    expect.soft((profile.activities ?? []).some((item) => item.kind === 'form_submission' && item.title === 'Request a scoping call')).toBe(true);
  });

  it('M37b: the form writes the contact field mapped as the problem: the lead’s words once, dated by the submission', async () => {
    serve([...mtList(mappedProblemField), ...mtActivity(formWritesMappedField)]);
    const source = withMappings({ problem: 'biggest_challenge' });
    const profile = wellFormed(await mt(source).findProfile(mtQuery('tomasz.wojcik@woodgrove.example'), signal));
    const words = 'Auditors ask us for the same evidence twice, once for SOC 2 and once for ISO 27001; we need one place for it.';
    const same = profile.problems.filter((problem) => problem.text === words);
    expect.soft(same, JSON.stringify(profile.problems)).toHaveLength(1);
    expect.soft(instant(same[0]?.submittedAt)).toBe(Date.parse('2026-11-26T14:02:00Z'));
  });

  it('M38a: the activity hits Mautic’s rate limiter (text/html, X-RateLimit-Reset, no Retry-After): the contact is shown, with a gap', async () => {
    const reset = Math.floor(Date.now() / 1000) + 2400;
    serve([
      ...mtList(amara),
      {
        method: 'GET',
        path: MT_ACTIVITY,
        status: 429,
        text: JSON.stringify(error429RateLimiter),
        headers: { 'Content-Type': 'text/html; charset=UTF-8', 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
      },
    ]);
    const profile = wellFormed(await mt().findProfile(amaraQuery, signal));
    expect.soft(profile.id).toBe('4140');
    expect.soft(profile.name).toBe('Amara Nwosu');
    expect.soft(profile.score).toBe(81);
    expect.soft(profile.pageViews).toEqual([]);
    expect.soft(profile.gaps?.length ?? 0).toBeGreaterThan(0);
  });

  it('M38b: the search hits the rate limiter: a rate limit whose wait is the one X-RateLimit-Reset states (40 minutes)', async () => {
    const reset = Math.floor(Date.now() / 1000) + 2400;
    serve([
      {
        method: 'GET',
        path: '/api/contacts',
        status: 429,
        text: JSON.stringify(error429RateLimiter),
        headers: { 'Content-Type': 'text/html; charset=UTF-8', 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
      },
    ]);
    const error = await rejection(mt().findProfile(amaraQuery, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft((error as ConnectorError).kind).toBe('rate-limited');
    const expectedMs = reset * 1000 - Date.now();
    expect.soft((error as ConnectorError).retryAfterMs ?? 0).toBeGreaterThan(expectedMs - 15_000);
    expect.soft((error as ConnectorError).retryAfterMs ?? Infinity).toBeLessThan(expectedMs + 15_000);
  });

  it('M39a: OAuth2: the token expires early ("The access token provided has expired."): a new token is asked for, the lead found', async () => {
    const calls = stubRaw((call) => {
      const path = call.url.pathname;
      if (path === TOKEN_PATH) return json(200, calls.filter((seen) => seen.url.pathname === TOKEN_PATH).length === 1 ? oauthToken1 : oauthToken2);
      const bearer = call.headers.get('Authorization') ?? '';
      if (bearer !== `Bearer ${oauthToken2.access_token}`) return json(401, error401TokenExpired, { 'WWW-Authenticate': 'Bearer realm="Service", error="invalid_grant", error_description="The access token provided has expired."' });
      if (path === '/api/contacts') return json(200, amara);
      if (path === '/api/contacts/4140') return json(200, { contact: amara.contacts['4140'] });
      if (MT_ACTIVITY.test(path)) return json(200, activityEmpty);
      return json(404, { errors: [{ message: `Requested URL not found: ${path}`, code: 404, type: null }] });
    });
    const outcome = await rejection(mtOauth().findProfile(amaraQuery, signal));
    expect(outcome, outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : '').not.toBeInstanceOf(Error);
    const profile = wellFormed((outcome as { resolved: LeadProfile | null }).resolved);
    expect.soft(profile.id).toBe('4140');
    expect.soft(calls.filter((call) => call.url.pathname === TOKEN_PATH)).toHaveLength(2);
  });

  it('M39b: OAuth2: the token expires between the search and the activity: a new token, the activity read, no gap', async () => {
    const tokenCalls = () => calls.filter((seen) => seen.url.pathname === TOKEN_PATH).length;
    const calls = stubRaw((call) => {
      const path = call.url.pathname;
      if (path === TOKEN_PATH) return json(200, tokenCalls() === 1 ? oauthToken1 : oauthToken2);
      const bearer = call.headers.get('Authorization') ?? '';
      const fresh = bearer === `Bearer ${oauthToken2.access_token}`;
      const stillValid = bearer === `Bearer ${oauthToken1.access_token}` && !MT_ACTIVITY.test(path);
      if (!fresh && !stillValid) return json(401, error401TokenExpired);
      if (path === '/api/contacts') return json(200, amara);
      if (path === '/api/contacts/4140') return json(200, { contact: amara.contacts['4140'] });
      if (MT_ACTIVITY.test(path)) return json(200, (call.url.searchParams.get('page') ?? '1') === '1' ? customEmailOpens : activityEmpty);
      return json(404, { errors: [{ message: `Requested URL not found: ${path}`, code: 404, type: null }] });
    });
    const profile = wellFormed(await mtOauth().findProfile(amaraQuery, signal));
    expect.soft(profile.id).toBe('4140');
    expect.soft(tokenCalls()).toBe(2);
    expect.soft((profile.activities ?? []).filter((item) => item.kind === 'email_open')).toHaveLength(2);
    expect.soft(profile.gaps ?? []).toEqual([]);
  });

  it('M39c: OAuth2: the token request answers 400 invalid_client (Mautic’s rewritten errors[]): an auth error, without the secret', async () => {
    stubRaw((call) =>
      call.url.pathname === TOKEN_PATH ? json(400, error400InvalidClient) : json(401, { errors: [{ message: 'API authorization denied.', code: 401, type: 'access_denied' }] }),
    );
    const error = await rejection(mtOauth().findProfile(amaraQuery, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft((error as ConnectorError).kind).toBe('auth');
    expect.soft((error as ConnectorError).message).not.toContain(CLIENT_SECRET);
  });

  it('M40a: the API switched off (403 api_disabled): an error that is not "no such lead", and the connection test says so in Mautic’s words', async () => {
    stubRaw(() => json(403, error403ApiDisabled));
    const error = await rejection(mt().findProfile(amaraQuery, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft(['auth', 'rejected']).toContain((error as ConnectorError).kind);
    const checks = await mt().testConnection(signal);
    // With the API off nothing can be read or written: no capability may be reported as working.
    expect.soft(checks.filter((check) => check.ok).map((check) => check.capability), 'capabilities reported as working').toEqual([]);
    expect.soft(checks.some((check) => /API disabled/i.test(check.message))).toBe(true);
    // Mautic refused before looking at the credentials: the test must not tell the admin they work.
    expect.soft(checks.find((check) => check.capability === 'auth')?.message ?? '').not.toMatch(/\b(token|credentials?|password) works?\b/i);
  });

  it('M40b: HTTP basic auth switched off (403 access_denied "Basic Auth disabled…"): a sign-in error, and the test names the setting', async () => {
    stubRaw(() => json(403, error403BasicAuthDisabled));
    const error = await rejection(mt().findProfile(amaraQuery, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft(['auth', 'rejected']).toContain((error as ConnectorError).kind);
    expect.soft((error as ConnectorError).message).not.toContain(PASSWORD);
    const checks = await mt().testConnection(signal);
    const auth = checks.find((check) => check.capability === 'auth');
    expect.soft(auth?.ok).toBe(false);
    expect.soft(checks.some((check) => /basic auth/i.test(check.message))).toBe(true);
    // Basic auth is off, so the user name and password were never checked (and there is no token): nothing "works".
    expect.soft(auth?.message ?? '').not.toMatch(/\b(token|credentials?|password) works?\b/i);
  });

  it('M41a: 401 with the raw OAuth2 body of the docs ({"error": "access_denied", "error_description"}): an auth error', async () => {
    serve([{ method: 'GET', path: '/api/contacts', status: 401, body: error401OauthRaw }]);
    const error = await rejection(mt().findProfile(amaraQuery, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft((error as ConnectorError).kind).toBe('auth');
  });

  it('M41b: 403 with both errors[] and the deprecated "error" object (Mautic 2.6–2.x): a refusal, not "no such lead"', async () => {
    serve([{ method: 'GET', path: '/api/contacts', status: 403, body: error403Deprecated }]);
    const error = await rejection(mt().findProfile(amaraQuery, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft(['auth', 'rejected']).toContain((error as ConnectorError).kind);
  });

  it('M41c: 500 with only the legacy {"error": {message, code}} (no errors[]): a server error', async () => {
    serve([{ method: 'GET', path: '/api/contacts', status: 500, body: error500Legacy }]);
    const error = await rejection(mt().findProfile(amaraQuery, signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft((error as ConnectorError).kind).toBe('server');
  });
});
