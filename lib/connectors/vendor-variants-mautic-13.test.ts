/**
 * Mautic variants, thirteenth set (M157…M171): the pages the lead read and the problem they wrote,
 * as Mautic 5/6 store them. `page.hit` events of one page under tracking parameters and a fragment,
 * Mautic landing pages on `index.php` URLs (label = the page's title, href = the admin route), the
 * JS tracker's `/mtc/event` and the pixel as stored URLs, hits from before the contact was identified,
 * two contacts in one search with their own activity, titles missing / entity-encoded / emoji / with
 * U+FFFD / cut at 191 characters, a hit list that shifts between activity pages, downloads, video
 * hits, e-mail reads and clicks mixed in; `form.submitted` events whose mapped textarea holds the
 * lead's words: three submissions, entities and markup, a checkbox group beside it, German and
 * Japanese, a form deleted since (its submissions cascade away), a landing page deleted since
 * (`page: null`), timestamps in `-05:00`/`+02:00` and a video hit's offset-less `date_hit`.
 * Asserted: the lead's own pages (never another contact's, never Mautic's tracking endpoints or admin
 * routes), the problem in their words (no markup, entities decoded, dated right), a valid profile.
 * Shapes and sources: test/fixtures/api/variants/README.md, section "mautic13/ (thirteenth set)".
 */
import { describe, expect, it } from 'vitest';
import type { LeadProfile } from '@/lib/schema';
import type { MauticSource } from '@/lib/schema/sources';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import c15701 from '@/test/fixtures/api/variants/mautic13/contacts-15701.json';
import a15701 from '@/test/fixtures/api/variants/mautic13/activity-15701-tracking-params.json';
import c15801 from '@/test/fixtures/api/variants/mautic13/contacts-15801.json';
import a15801 from '@/test/fixtures/api/variants/mautic13/activity-15801-landing-pages.json';
import c15901 from '@/test/fixtures/api/variants/mautic13/contacts-15901.json';
import a15901 from '@/test/fixtures/api/variants/mautic13/activity-15901-before-identified.json';
import c16001 from '@/test/fixtures/api/variants/mautic13/contacts-16001-16002.json';
import a16001 from '@/test/fixtures/api/variants/mautic13/activity-16001.json';
import a16002 from '@/test/fixtures/api/variants/mautic13/activity-16002.json';
import c16101 from '@/test/fixtures/api/variants/mautic13/contacts-16101.json';
import a16101 from '@/test/fixtures/api/variants/mautic13/activity-16101-titles.json';
import c16201 from '@/test/fixtures/api/variants/mautic13/contacts-16201.json';
import hitTemplate from '@/test/fixtures/api/variants/mautic13/activity-16201-hit-template.json';
import c16301 from '@/test/fixtures/api/variants/mautic13/contacts-16301.json';
import a16301 from '@/test/fixtures/api/variants/mautic13/activity-16301-mixed.json';
import c16401 from '@/test/fixtures/api/variants/mautic13/contacts-16401.json';
import a16401 from '@/test/fixtures/api/variants/mautic13/activity-16401-three-submissions.json';
import c16501 from '@/test/fixtures/api/variants/mautic13/contacts-16501.json';
import a16501 from '@/test/fixtures/api/variants/mautic13/activity-16501-encoded-and-html.json';
import c16601 from '@/test/fixtures/api/variants/mautic13/contacts-16601.json';
import a16601 from '@/test/fixtures/api/variants/mautic13/activity-16601-checkbox.json';
import c16701 from '@/test/fixtures/api/variants/mautic13/contacts-16701.json';
import a16701 from '@/test/fixtures/api/variants/mautic13/activity-16701-other-languages.json';
import c16801 from '@/test/fixtures/api/variants/mautic13/contacts-16801.json';
import a16801 from '@/test/fixtures/api/variants/mautic13/activity-16801-form-deleted.json';
import c16901 from '@/test/fixtures/api/variants/mautic13/contacts-16901.json';
import a16901 from '@/test/fixtures/api/variants/mautic13/activity-16901-page-deleted.json';
import c17001 from '@/test/fixtures/api/variants/mautic13/contacts-17001.json';
import a17001 from '@/test/fixtures/api/variants/mautic13/activity-17001-offsets.json';
import c17101 from '@/test/fixtures/api/variants/mautic13/contacts-17101.json';
import a17101 from '@/test/fixtures/api/variants/mautic13/activity-17101-url-title.json';
import { instant, json, MT_ACTIVITY, rawServer, mt, mtActivity, mtList, mtQuery, mtSource, resetBetweenTests, serve, signal, wellFormed, withMappings } from '@/test/support/vendor-variants';

resetBetweenTests();

const challenge = withMappings({ problem: 'biggest_challenge' });

/** The lead whose page showed `email`, from a Mautic answering `body` to the search and `activity` to the timeline. */
async function lead(body: unknown, email: string, activity: unknown = activityEmpty, source: MauticSource = mtSource): Promise<LeadProfile> {
  serve([...mtList(body), ...mtActivity(activity)]);
  return wellFormed(await mt(source).findProfile(mtQuery(email), signal));
}

const pathOf = (url: string) => new URL(url).pathname;
const hostPath = (url: string) => `${new URL(url).host}${new URL(url).pathname}`;
/** Mautic's own tracking endpoints and admin routes: never a page the lead read. */
const mauticMachinery = (url: string) => /mtracking\.gif|\/mtc\/event|\/mtc\.js|\/s\/(pages|forms|assets|emails)\/view\//i.test(url);
const noDuplicateHits = (profile: LeadProfile) => {
  const keys = profile.pageViews.map((view) => `${view.url}@${instant(view.viewedAt)}`);
  expect.soft(keys.length - new Set(keys).size, 'the same hit shown twice').toBe(0);
};
const ENTITY = /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;
const TAG = /<\/?[a-z][^>]*>/i;

describe('Mautic variants, thirteenth set (what the lead read and what they wrote)', () => {
  it('M157: /pricing hit plain+#plans, with gclid, with LinkedIn UTMs and mtc_id, twice 2 s apart; /security once: only those two pages, each hit at most once, never another path', async () => {
    const profile = await lead(c15701, 'linnea.berg@skarholmen-energi.example', a15701);
    const pages = new Set(profile.pageViews.map((view) => hostPath(view.url)));
    expect.soft([...pages].sort()).toEqual(['www.keyline.example/pricing', 'www.keyline.example/security']);
    expect.soft(profile.pageViews.length, 'at most one view per hit').toBeLessThanOrEqual(5);
    noDuplicateHits(profile);
    const newest = Math.max(...profile.pageViews.filter((view) => pathOf(view.url) === '/pricing').map((view) => instant(view.viewedAt)!));
    expect.soft(newest, 'the latest pricing visit is kept').toBe(Date.parse('2026-12-02T10:41:00Z'));
  });

  it('M158: landing pages on index.php (label the page title, href the admin route /s/pages/view/N, urlTitle null), a /mtc/event hit and a pixel hit: the two landing pages as their public URLs, never the tracker or admin routes', async () => {
    const profile = await lead(c15801, 'jonas.vogel@rheinwerk-pharma.example', a15801);
    for (const view of profile.pageViews) {
      expect.soft(mauticMachinery(view.url), `page view ${view.url}`).toBe(false);
      expect.soft(mauticMachinery(view.title), `page title ${view.title}`).toBe(false);
    }
    const paths = profile.pageViews.map((view) => pathOf(view.url));
    expect.soft(paths).toContain('/index.php/soc2-readiness-checklist');
    expect.soft(paths).toContain('/index.php/webinar-soc2-live');
    const checklist = profile.pageViews.find((view) => view.url.includes('soc2-readiness-checklist'));
    if (checklist) expect.soft(instant(checklist.viewedAt)).toBe(Date.parse('2026-12-03T09:18:00Z'));
  });

  it('M159: four hits from before the contact was identified (anonymous visitor, hits moved to the contact) and the demo form that identified them: all five pages, the earliest on 20 November', async () => {
    const profile = await lead(c15901, 'amaka.eze@lagoon-payments.example', a15901);
    const paths = profile.pageViews.map((view) => pathOf(view.url));
    for (const path of ['/blog/pci-dss-4-checklist', '/pricing', '/integrations/adyen', '/demo']) expect.soft(paths, path).toContain(path);
    const earliest = Math.min(...profile.pageViews.map((view) => instant(view.viewedAt)!));
    expect.soft(earliest).toBe(Date.parse('2026-11-20T13:00:00Z'));
  });

  it('M160: the search lists a colleague of the same name (16002, careers pages) before the lead (16001): only the lead’s own activity', async () => {
    serve([
      ...mtList(c16001),
      { method: 'GET', path: '/api/contacts/16001/activity', body: a16001 },
      { method: 'GET', path: '/api/contacts/16002/activity', body: a16002 },
      { method: 'GET', path: MT_ACTIVITY, body: activityEmpty },
    ]);
    const profile = wellFormed(await mt().findProfile(mtQuery('priya.raman@monsoon-retail.example'), signal));
    expect.soft(profile.pageViews.map((view) => pathOf(view.url))).toEqual(['/retail']);
    expect.soft(JSON.stringify(profile)).not.toContain('careers');
  });

  it('M161: titles missing (null), "SOC 2 &amp; ISO 27001 &ndash; compared", "Laguna&#8217;s story &#8211; Keyline", emoji, U+FFFD from Utf8Sanitiser, 191 characters (varchar cut): six views, no entity left, decoded text, emoji kept', async () => {
    const profile = await lead(c16101, 'chiara.ferri@laguna-assicura.example', a16101);
    expect.soft(profile.pageViews).toHaveLength(6);
    for (const view of profile.pageViews) {
      expect.soft(view.title, view.url).not.toMatch(ENTITY);
      expect.soft(view.title.trim().toLowerCase(), view.url).not.toBe('null');
    }
    const byPath = (path: string) => profile.pageViews.find((view) => pathOf(view.url) === path);
    expect.soft(byPath('/compare/soc2-vs-iso27001')?.title).toContain('SOC 2 & ISO 27001 – compared');
    expect.soft(byPath('/customers/laguna')?.title).toContain('Laguna’s story – Keyline');
    expect.soft(byPath('/launch-week')?.title).toContain('🚀 Launch week');
    expect.soft(byPath('/trust'), 'the untitled hit is still a page read').toBeDefined();
    expect.soft(byPath('/insurance')?.title.startsWith('Keyline – SOC 2, ISO 27001')).toBe(true);
  });

  it('M162: 250 hits, limit-paged newest first; three new hits arrive after page 1 is read, so page 2 repeats page 1’s last three: each hit shown once', async () => {
    const base = (hitTemplate as { events: Record<string, any>[] }).events[0]!;
    const make = (n: number) => {
      const at = new Date(Date.parse('2026-12-05T14:00:00Z') - n * 11 * 60_000).toISOString().replace('.000Z', '+00:00');
      const event = structuredClone(base);
      const url = `https://docs.keyline.example/articles/${n}`;
      Object.assign(event, { eventId: String(162000 + n + 10), timestamp: at, eventLabel: { label: `Article ${n} – Keyline docs`, href: url, isExternal: true } });
      Object.assign(event.details.hit, { hitId: String(162000 + n + 10), dateHit: at, url, urlTitle: `Article ${n} – Keyline docs`, query: { page_url: url } });
      return event;
    };
    const before = Array.from({ length: 250 }, (_, i) => make(i));
    const after = [-1, -2, -3].map(make).reverse().concat(before);
    const answer = (url: URL) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      const limit = Number(url.searchParams.get('limit') ?? '25');
      const events = page === 1 ? before : after;
      const total = events.length;
      return { ...(hitTemplate as object), events: events.slice((page - 1) * limit, page * limit), total, page, limit, maxPages: Math.ceil(total / limit) };
    };
    const contact = (c16201 as { contacts: Record<string, unknown> }).contacts['16201'];
    rawServer(({ url }) => {
      if (MT_ACTIVITY.test(url.pathname)) return json(200, answer(url));
      if (url.pathname === '/api/contacts/16201') return json(200, { contact });
      if (url.pathname === '/api/contacts') return json(200, c16201);
      return json(404, { errors: [{ code: 404, message: 'Item was not found.' }] });
    });
    const profile = wellFormed(await mt().findProfile(mtQuery('tariq.aziz@dunes-logistics.example'), signal));
    noDuplicateHits(profile);
    const urls = profile.pageViews.map((view) => view.url);
    expect.soft(urls.length - new Set(urls).size, 'an article shown twice').toBe(0);
    expect.soft(urls.length, 'more than the first page was read').toBeGreaterThan(100);
  });

  it('M163: an e-mail click (hit with source email), the e-mail read, a video hit, the tour page, an asset download and the asset’s own hit: pages are the site’s pages; the download and the read are activities, never page views', async () => {
    const profile = await lead(c16301, 'hana.kobayashi@fuji-medtech.example', a16301);
    const paths = profile.pageViews.map((view) => pathOf(view.url));
    expect.soft(paths).toContain('/webinars/soc2-live');
    expect.soft(paths).toContain('/product/tour');
    for (const view of profile.pageViews) expect.soft(view.url, 'an e-mail or admin route as a page').not.toMatch(/\/s\/(emails|assets)\/view\//);
    if (profile.activities !== undefined) {
      const kinds = profile.activities.map((activity) => activity.kind);
      expect.soft(kinds).toContain('download');
      expect.soft(kinds).toContain('email_open');
      const download = profile.activities.find((activity) => activity.kind === 'download');
      if (download) expect.soft(instant(download.at)).toBe(Date.parse('2026-12-02T15:28:00Z'));
    }
  });

  it('M164: the mapped textarea in three submissions (October, November, December) with different texts: the newest is there, dated 4 December; every problem is one of the lead’s texts with its own date', async () => {
    const profile = await lead(c16401, 'elin.nygaard@polar-ledger.example', a16401, challenge);
    const dated: Record<string, string> = {
      'Timeline moved: Type I done, now we need Type II evidence collection running by June.': '2026-12-04T09:10:00Z',
      'Update: the bank now also asks for ISO 27001, so we need both on one evidence set.': '2026-11-12T14:00:00Z',
      'We need SOC 2 Type I before our first bank customer signs in March.': '2026-10-02T08:30:00Z',
    };
    const newest = profile.problems.find((problem) => problem.text.startsWith('Timeline moved'));
    expect.soft(newest, JSON.stringify(profile.problems)).toBeDefined();
    expect.soft(instant(newest?.submittedAt)).toBe(Date.parse('2026-12-04T09:10:00Z'));
    for (const problem of profile.problems) {
      expect.soft(Object.keys(dated), problem.text).toContain(problem.text);
      if (problem.submittedAt !== undefined && dated[problem.text]) expect.soft(instant(problem.submittedAt), problem.text).toBe(Date.parse(dated[problem.text]!));
    }
  });

  it('M165: one submission stored with entities (before PR #14604: `We&#039;re on &quot;Vanta&quot; &amp; need &lt;2 weeks`), a newer one holding markup and a script: the words decoded, no markup, no script', async () => {
    const profile = await lead(c16501, 'sean.omalley@liffey-data.example', a16501, challenge);
    const texts = profile.problems.map((problem) => problem.text);
    expect.soft(texts, JSON.stringify(texts)).toContain(`We're on "Vanta" & need <2 weeks to switch, auditor starts 12/01.`);
    const newer = profile.problems.find((problem) => problem.text.includes('auditor') && problem.text.includes('GitHub'));
    expect.soft(newer, JSON.stringify(texts)).toBeDefined();
    for (const text of texts) {
      expect.soft(text).not.toMatch(TAG);
      expect.soft(text).not.toMatch(ENTITY);
      expect.soft(text).not.toContain('alert(1)');
    }
    if (newer) expect.soft(newer.text).toMatch(/Our auditor wants evidence from Jira & GitHub\./);
  });

  it('M166: a demo submission with a checkbox group (`frameworks` "soc2, iso27001, nis2"), a select and consent beside the mapped textarea: the problem is the textarea’s words', async () => {
    const profile = await lead(c16601, 'marek.novak@vltava-cloud.example', a16601, challenge);
    const words = 'Vendor reviews take us 3 weeks each; we want questionnaires answered from one trust page.';
    expect.soft(profile.problems.map((problem) => problem.text)).toContain(words);
    for (const problem of profile.problems) expect.soft(problem.text).not.toMatch(/^(soc2, iso27001, nis2|soc2\|iso27001\|nis2|51-200|1)$/);
    const own = profile.problems.find((problem) => problem.text === words);
    if (own?.submittedAt !== undefined) expect.soft(instant(own.submittedAt)).toBe(Date.parse('2026-12-01T13:45:00Z'));
  });

  it('M167: a German submission („NIS2-konform“, ä/ö/ü/ß, –) and a newer Japanese one in the mapped textarea: both texts exactly as written', async () => {
    const profile = await lead(c16701, 'klaus.weissmueller@isar-netz.example', a16701, challenge);
    const texts = profile.problems.map((problem) => problem.text);
    expect.soft(texts).toContain('Wir müssen bis Q2 „NIS2-konform“ sein – unsere Lieferantenbewertungen laufen über Excel, das ist nicht mehr tragbar. Größtes Problem: Nachweise für 14 Standorte.');
    expect.soft(texts).toContain('監査対応の証跡収集を自動化したいです。ISMS（ISO 27001）更新審査が3月にあります。');
    const german = profile.problems.find((problem) => problem.text.startsWith('Wir müssen'));
    if (german?.submittedAt !== undefined) expect.soft(instant(german.submittedAt)).toBe(Date.parse('2026-11-25T08:40:00Z'));
  });

  it('M168: the form was deleted (its submissions cascade away): the mapped field still holds the words; shown once, with no invented date (dateModified is not when they wrote it)', async () => {
    const profile = await lead(c16801, 'nora.lindahl@fjell-insure.example', a16801, challenge);
    const words = 'Our SOC 2 auditor rejected screenshots as evidence; we need system-generated logs for 40 controls.';
    const same = profile.problems.filter((problem) => problem.text === words);
    expect.soft(same, JSON.stringify(profile.problems)).toHaveLength(1);
    expect.soft(same[0]?.submittedAt).toBeUndefined();
  });

  it('M169: the submission’s landing page deleted since (`page: null`), form name "Request a demo &ndash; EMEA", text with `&ndash;`/`&rsquo;`, submitted 19:45 -05:00: the words decoded, dated 00:45 UTC on 4 December', async () => {
    const profile = await lead(c16901, 'rafael.duarte@tejo-saude.example', a16901, challenge);
    const problem = profile.problems.find((each) => each.text.startsWith('Need a DPA'));
    expect.soft(problem, JSON.stringify(profile.problems)).toBeDefined();
    expect.soft(problem?.text).toBe('Need a DPA and EU hosting – our DPO won’t sign otherwise.');
    expect.soft(problem?.form ?? '').not.toMatch(ENTITY);
    if (problem?.submittedAt !== undefined) expect.soft(instant(problem.submittedAt)).toBe(Date.parse('2026-12-04T00:45:00Z'));
    for (const activity of profile.activities ?? []) expect.soft(activity.title).not.toMatch(ENTITY);
  });

  it('M170: timestamps in the API user’s zone (+02:00, the previous day in UTC) and a video hit’s offset-less `date_hit` (UTC): page views and the problem at the right instants', async () => {
    const profile = await lead(c17001, 'ines.vidal@ebro-agro.example', a17001, challenge);
    const at = (path: string) => profile.pageViews.filter((view) => pathOf(view.url) === path).map((view) => instant(view.viewedAt));
    expect.soft(at('/demo')).toEqual([Date.parse('2026-12-03T22:28:00Z')]);
    expect.soft(at('/product/dashboards')).toContain(Date.parse('2026-12-03T22:15:00Z'));
    for (const view of profile.pageViews.filter((each) => each.url.includes('youtube.com'))) expect.soft(instant(view.viewedAt)).toBe(Date.parse('2026-12-03T22:20:00Z'));
    const problem = profile.problems.find((each) => each.text.startsWith('Renewal in January'));
    expect.soft(instant(problem?.submittedAt)).toBe(Date.parse('2026-12-03T22:30:00Z'));
  });

  it('M171: a hit whose `urlTitle` is the page_title it sent while the landing page’s label is its admin title, and an external hit with `page_language`: titles are the page’s own, never the admin label or a bare URL', async () => {
    const profile = await lead(c17101, 'soren.dahl@oresund-bio.example', a17101);
    const guide = profile.pageViews.find((view) => view.url.includes('soc2-guide-da'));
    expect.soft(guide, JSON.stringify(profile.pageViews)).toBeDefined();
    if (guide) expect.soft(['SOC 2-guide til life science', 'SOC 2 guide (DA) – landing page v2']).toContain(guide.title);
    const prices = profile.pageViews.find((view) => pathOf(view.url) === '/da/priser');
    expect.soft(prices?.title).toBe('Priser - Keyline (Dansk)');
    for (const view of profile.pageViews) expect.soft(mauticMachinery(view.url), view.url).toBe(false);
  });
});
