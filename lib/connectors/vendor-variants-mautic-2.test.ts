/**
 * Mautic variants, second set (M13…): payloads Mautic 4 and 5 really send that the first set
 * (vendor-variants.test.ts, M01–M12) does not have: several search matches keyed by id, Mautic 5's
 * field objects (`object`, `is_fixed`, `properties`, `normalizedValue`), "" and null values,
 * do-not-contact entries, several UTM touches, activity in ascending order or with a UTC offset, a
 * server that pages at 25, HTML in a textarea field, numeric and double HTML encoding, and errors
 * (401/403 with `details`, a 404 on the list route, a 500 whose body is Mautic's HTML offline page).
 * Each expectation is what Mautic's documented meaning says a rep should see; where the right answer
 * is a product choice only what must hold is asserted. Shapes and sources:
 * test/fixtures/api/variants/README.md, section "mautic2/ (second set)".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MauticSourceSchema } from '@/lib/schema/sources';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import threeMatches from '@/test/fixtures/api/variants/mautic2/contacts-three-matches.json';
import emptyObject from '@/test/fixtures/api/variants/mautic2/contacts-empty-object.json';
import m5EmptyValues from '@/test/fixtures/api/variants/mautic2/contacts-m5-empty-values.json';
import m5LocaleSelect from '@/test/fixtures/api/variants/mautic2/contacts-m5-locale-select.json';
import dnc from '@/test/fixtures/api/variants/mautic2/contacts-dnc.json';
import utmThree from '@/test/fixtures/api/variants/mautic2/contacts-utm-three-touches.json';
import rafael from '@/test/fixtures/api/variants/mautic2/contacts-rafael.json';
import mixedAsc from '@/test/fixtures/api/variants/mautic2/activity-mixed-types-asc.json';
import offsetTimestamps from '@/test/fixtures/api/variants/mautic2/activity-offset-timestamps.json';
import limit25Page1 from '@/test/fixtures/api/variants/mautic2/activity-limit25-page1.json';
import limit25Page2 from '@/test/fixtures/api/variants/mautic2/activity-limit25-page2.json';
import textareaHtml from '@/test/fixtures/api/variants/mautic2/contacts-textarea-html.json';
import doubleEncoded from '@/test/fixtures/api/variants/mautic2/contacts-double-encoded.json';
import error401 from '@/test/fixtures/api/variants/mautic2/error-401-details.json';
import error403 from '@/test/fixtures/api/variants/mautic2/error-403-details.json';
import error404Route from '@/test/fixtures/api/variants/mautic2/error-404-route-not-found.json';
import { ConnectorError } from './types';
import { instant, MT_ACTIVITY, MT_BASE, MT_PASSWORD as PASSWORD, mt, mtActivity, mtList, mtQuery, rejection, resetBetweenTests, serve, signal, wellFormed } from '@/test/support/vendor-variants';

/** Mautic's offline.php page followed by the JSON errors, as a fatal error leaves it (text/html). */
const offlineHtml = readFileSync('test/fixtures/api/variants/mautic2/error-500-offline.html', 'utf8');


// ---------------------------------------------------------------------------------------------
// The vendor-variant harness (test/support/vendor-variants.ts): a fake HTTP layer, the profile checks, the connectors.

resetBetweenTests();

/** HTML entities as Mautic stores them (`&amp;`, `&quot;`, `&#39;`, `&#039;`, `&#38;`), which a rep must never read. */
const ENTITY = /&(amp|quot|lt|gt|apos|#\d+|#x[0-9a-f]+);/i;

// ---------------------------------------------------------------------------------------------
// Mautic



describe('Mautic variants, second set (Mautic 4/5 as it answers)', () => {
  it('M13: three search matches keyed by id, the exact address (other case) third: that contact is the lead', async () => {
    const seen = serve([...mtList(threeMatches), ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('lee@contoso.example'), signal));
    expect.soft(profile.id).toBe('3303');
    expect.soft(profile.name).toBe('Lee Park');
    expect.soft(profile.email?.toLowerCase()).toBe('lee@contoso.example');
    expect.soft(profile.score).toBe(64);
    expect.soft(profile.title).toBe('Head of IT');
    const activityFor = seen.filter((call) => MT_ACTIVITY.test(call.url.pathname)).map((call) => call.url.pathname);
    expect.soft(activityFor.every((path) => path.startsWith('/api/contacts/3303/'))).toBe(true);
  });

  it('M14: "contacts": {} (an empty map, not []) with total 0 is nobody, not an error', async () => {
    serve(mtList(emptyObject));
    expect(await mt().findProfile(mtQuery('nobody@contoso.example'), signal)).toBeNull();
  });

  it('M15: Mautic 5 field objects with "" and null values and points 0 (int): unknowns stay unknown, score 0 kept', async () => {
    serve([...mtList(m5EmptyValues), ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('tomas@fabrikam.example'), signal));
    expect.soft(profile.id).toBe('3402');
    expect.soft(profile.name).toBe('Tomás');
    expect.soft(profile.company).toBeUndefined();
    expect.soft(profile.title).toBeUndefined();
    expect.soft(profile.country).toBeUndefined();
    expect.soft(profile.language).toBeUndefined();
    expect.soft(profile.contact.timeZone).toBeUndefined();
    expect.soft(profile.score).toBe(0);
    expect.soft(profile.stage).toBeUndefined();
  });

  it('M16: timezone America/Sao_Paulo, preferred_locale pt_BR, country, a select field (value vs normalizedValue), stage "Customer"', async () => {
    const source = MauticSourceSchema.parse({
      kind: 'mautic',
      baseUrl: MT_BASE,
      auth: { method: 'basic', username: 'leadside-api' },
      mappings: { preferredChannel: 'preferred_channel', bestTime: 'best_time' },
    });
    serve([...mtList(m5LocaleSelect), ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt(source).findProfile(mtQuery('marina.costa@valeverde.example'), signal));
    expect.soft(profile.name).toBe('Marina Costa');
    expect.soft(profile.company).toBe('Vale Verde Agro');
    expect.soft(profile.title).toBe('Diretora de TI');
    expect.soft(profile.contact.timeZone).toBe('America/Sao_Paulo');
    expect.soft(profile.language?.replace('_', '-').toLowerCase()).toBe('pt-br');
    expect.soft(profile.country).toBe('Brazil');
    expect.soft(profile.contact.preferredChannel).toBe('video_call');
    expect.soft(profile.contact.bestTimeText).toBe('Tue/Thu 14:00–16:00 BRT');
    expect.soft(profile.stage).toBe('customer');
    expect.soft(profile.score).toBe(71);
  });

  it('M17: doNotContact entries (reason 1 on email, reason 3 on sms) reach the rep: do-not-email, with why and when', async () => {
    serve([...mtList(dnc), ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('jonas.weber@northwind.example'), signal));
    expect.soft(profile.contact.doNotEmail).toBe(true);
    const optOuts = profile.contact.optOuts ?? [];
    const email = optOuts.find((entry) => entry.channel === 'email');
    const sms = optOuts.find((entry) => entry.channel === 'sms');
    expect.soft(email?.reason).toBe('unsubscribed');
    expect.soft(instant(email?.at)).toBe(Date.parse('2026-10-05T14:02:11Z'));
    expect.soft(sms?.reason).toBe('manual');
    expect.soft(sms?.comment).toBe('Asked on the phone not to be texted');
    expect.soft(instant(sms?.at)).toBe(Date.parse('2026-10-20T09:30:00Z'));
  });

  it('M18: three UTM rows (no dateAdded, first url relative): first touch from the first row, latest from the last', async () => {
    serve([...mtList(utmThree), ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('aiko.tanaka@adatum.example'), signal));
    expect.soft(profile.source.channel).toBe('paid_search');
    expect.soft(profile.source.campaign).toBe('brand-search-jp');
    expect.soft(profile.source.utm.source).toBe('google');
    expect.soft(profile.source.utm.term).toBe('keyline pricing');
    expect.soft(profile.source.latest?.channel).toBe('paid_social');
    expect.soft(profile.source.latest?.campaign).toBe('retarget-q4');
    // The relative url is a page of the website: not known as an absolute address, and never one on the Mautic host.
    const firstPage = profile.source.firstPage;
    if (firstPage !== undefined) {
      expect.soft(new URL(firstPage).host).not.toBe(new URL(MT_BASE).host);
      expect.soft(new URL(firstPage).pathname).toBe('/ja/pricing');
    }
  });

  it('M19: activity in ascending order with point, stage, sent-only e-mails: pages, opens, downloads, forms as they are, newest first', async () => {
    serve([...mtList(rafael), ...mtActivity(mixedAsc)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('rafael.ortega@tailspin.example'), signal));
    expect.soft(profile.pageViews.map((view) => view.url).sort()).toEqual([
      'https://www.keyline.example/pricing',
      'https://www.keyline.example/webinars/soc2',
    ]);
    for (const view of profile.pageViews) expect.soft(view.title.trim()).not.toBe('');
    const activities = profile.activities ?? [];
    expect.soft(activities.map((item) => item.kind).sort()).toEqual(['download', 'email_open', 'form_submission']);
    expect.soft(activities.some((item) => item.title.includes('Onboarding'))).toBe(false);
    const open = activities.find((item) => item.kind === 'email_open');
    expect.soft(open?.title).toBe('Webinar invite');
    expect.soft(instant(open?.at)).toBe(Date.parse('2026-11-12T12:30:00Z'));
    expect.soft(activities.find((item) => item.kind === 'download')?.title).toBe('Security whitepaper');
    const times = activities.map((item) => Date.parse(item.at));
    expect.soft(times).toEqual([...times].sort((a, b) => b - a));
    expect.soft(profile.problems.map((problem) => [problem.text, problem.form])).toEqual([
      ['Can you cover "continuous" evidence? We\'re on AWS & GCP.', 'Webinar registration'],
    ]);
    expect.soft(instant(profile.problems[0]?.submittedAt)).toBe(Date.parse('2026-11-12T12:40:00Z'));
  });

  it('M20: timestamps with a -03:00 offset (as Mautic’s own examples print them) keep their instant', async () => {
    serve([...mtList(rafael), ...mtActivity(offsetTimestamps)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('rafael.ortega@tailspin.example'), signal));
    expect.soft(profile.pageViews.map((view) => [view.url, instant(view.viewedAt)])).toEqual([
      ['https://www.keyline.example/pt/precos', Date.parse('2026-11-18T12:35:00Z')],
    ]);
    expect.soft(profile.problems.map((problem) => problem.text)).toEqual(['Precisamos de SSO até março.']);
    expect.soft(instant(profile.problems[0]?.submittedAt)).toBe(Date.parse('2026-11-18T12:40:00Z'));
    const open = profile.activities?.find((item) => item.kind === 'email_open');
    expect.soft(instant(open?.at)).toBe(Date.parse('2026-11-18T01:10:00Z'));
    expect.soft(instant(open?.sentAt)).toBe(Date.parse('2026-11-17T21:00:00Z'));
  });

  it('M21: a server paging at its default 25 (total 27, maxPages 2): page 2 is read, its form and oldest page kept', async () => {
    const seen = serve([
      ...mtList(rafael),
      { method: 'GET', path: MT_ACTIVITY, when: (url) => url.searchParams.get('page') === '2', body: limit25Page2 },
      { method: 'GET', path: MT_ACTIVITY, when: (url) => (url.searchParams.get('page') ?? '1') === '1', body: limit25Page1 },
      { method: 'GET', path: MT_ACTIVITY, body: activityEmpty },
    ]);
    const profile = wellFormed(await mt().findProfile(mtQuery('rafael.ortega@tailspin.example'), signal));
    expect.soft(seen.some((call) => MT_ACTIVITY.test(call.url.pathname) && call.url.searchParams.get('page') === '2')).toBe(true);
    expect.soft(profile.pageViews).toHaveLength(26);
    expect.soft(profile.pageViews.map((view) => view.url)).toContain('https://www.keyline.example/blog/first-visit');
    expect.soft(profile.problems.map((problem) => problem.text)).toEqual(['We need audit evidence for 40 AWS accounts by June.']);
  });

  it('M22: a textarea field that allows HTML ("<p>…</p>") mapped as the problem reads as text, without tags or entities', async () => {
    const source = MauticSourceSchema.parse({
      kind: 'mautic',
      baseUrl: MT_BASE,
      auth: { method: 'basic', username: 'leadside-api' },
      mappings: { problem: 'biggest_challenge' },
    });
    serve([...mtList(textareaHtml), ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt(source).findProfile(mtQuery('grace.okafor@lucerne.example'), signal));
    expect.soft(profile.problems).toHaveLength(1);
    const text = profile.problems[0]?.text ?? '';
    expect.soft(text).not.toMatch(/<\/?p>/);
    expect.soft(text).not.toMatch(ENTITY);
    expect.soft(text).toContain('We run 14 clinics & 3 labs.');
    expect.soft(text).toContain('Audits take three weeks.');
  });

  it('M23: &#38; (Mautic 5), &quot; and a double-encoded &amp;#039; never reach the rep as entities', async () => {
    serve([...mtList(doubleEncoded), ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt().findProfile(mtQuery('niamh.oneill@rr-logistics.example'), signal));
    expect.soft(profile.company).toBe('R&R Logistics');
    expect.soft(profile.title).toBe('Head of "Growth"');
    expect.soft(profile.name ?? '').not.toMatch(ENTITY);
    expect.soft(profile.name ?? '').toMatch(/^Niamh O/);
  });

  it('M24a: 401 {"errors":[{code, message, details: []}]} is an auth error, without the password', async () => {
    serve([{ method: 'GET', path: '/api/contacts', status: 401, body: error401 }]);
    const error = await rejection(mt().findProfile(mtQuery('lee@contoso.example'), signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft((error as ConnectorError).kind).toBe('auth');
    expect.soft((error as ConnectorError).message).not.toContain(PASSWORD);
  });

  it('M24b: 403 "You do not have access to the requested area/action." is a permission error, not a missing lead', async () => {
    serve([{ method: 'GET', path: '/api/contacts', status: 403, body: error403 }]);
    const error = await rejection(mt().findProfile(mtQuery('lee@contoso.example'), signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft(['auth', 'rejected']).toContain((error as ConnectorError).kind);
  });

  it('M25: 404 "Requested URL not found: /api/contacts" (API off or routes not cached) is an error, not "no such lead"', async () => {
    serve([{ method: 'GET', path: '/api/contacts', status: 404, body: error404Route }]);
    const error = await rejection(mt().findProfile(mtQuery('lee@contoso.example'), signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft((error as ConnectorError).kind).not.toBe('not-found');
  });

  it('M26a: the activity answers 500 with Mautic’s HTML offline page: the contact is shown, with a gap, no pages invented', async () => {
    serve([
      ...mtList(rafael),
      { method: 'GET', path: MT_ACTIVITY, status: 500, text: offlineHtml, headers: { 'Content-Type': 'text/html; charset=UTF-8' } },
    ]);
    const profile = wellFormed(await mt().findProfile(mtQuery('rafael.ortega@tailspin.example'), signal));
    expect.soft(profile.id).toBe('3406');
    expect.soft(profile.name).toBe('Rafael Ortega');
    expect.soft(profile.pageViews).toEqual([]);
    expect.soft(profile.gaps?.length ?? 0).toBeGreaterThan(0);
    expect.soft(JSON.stringify(profile.gaps ?? [])).not.toMatch(/<[a-z!/]/i);
  });

  it('M26b: the search answers 500 with Mautic’s HTML offline page: a server error whose message holds no HTML', async () => {
    serve([{ method: 'GET', path: '/api/contacts', status: 500, text: offlineHtml, headers: { 'Content-Type': 'text/html; charset=UTF-8' } }]);
    const error = await rejection(mt().findProfile(mtQuery('rafael.ortega@tailspin.example'), signal));
    expect(error).toBeInstanceOf(ConnectorError);
    expect.soft((error as ConnectorError).kind).toBe('server');
    expect.soft((error as ConnectorError).message).not.toMatch(/<[a-z!/]/i);
    expect.soft((error as ConnectorError).message.length).toBeLessThan(500);
  });
});
