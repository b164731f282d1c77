/**
 * HubSpot vendor variants, ninth set (H118…H130): HubDB answers for the content catalog (RICHTEXT cells,
 * blank titles beside `hs_name`, URL cells in odd forms, IMAGE/FILE/LOCATION/CURRENCY/FOREIGN_ID cells and
 * option objects where text is expected, draft vs published rows, an unpublished table, archived rows,
 * cursors that need encoding and an empty page mid-stream, a cursor that never ends, localized rows, rows
 * that do not read, a rate limit mid-paging) and one profile case (page views). Written from HubSpot's
 * documents and SDK without reading the connector: only what must hold is asserted. Shapes and sources:
 * test/fixtures/api/variants/README.md, "hubspot9/ (ninth set)".
 */
import { describe, expect, it, vi } from 'vitest';
import { ContentItemSchema, LanguageTagSchema, type ContentItem } from '@/lib/schema';
import richtext from '@/test/fixtures/api/variants/hubspot9/hubdb-richtext.json';
import blankTitles from '@/test/fixtures/api/variants/hubspot9/hubdb-blank-titles.json';
import urlForms from '@/test/fixtures/api/variants/hubspot9/hubdb-url-forms.json';
import oddCells from '@/test/fixtures/api/variants/hubspot9/hubdb-odd-cells.json';
import published from '@/test/fixtures/api/variants/hubspot9/hubdb-published.json';
import draft from '@/test/fixtures/api/variants/hubspot9/hubdb-draft.json';
import notPublished from '@/test/fixtures/api/variants/hubspot9/error-404-table-not-published.json';
import archived from '@/test/fixtures/api/variants/hubspot9/hubdb-archived.json';
import liveAfterDelete from '@/test/fixtures/api/variants/hubspot9/hubdb-live-after-delete.json';
import localized from '@/test/fixtures/api/variants/hubspot9/hubdb-localized.json';
import badRows from '@/test/fixtures/api/variants/hubspot9/hubdb-bad-rows.json';
import rowTemplate from '@/test/fixtures/api/variants/hubspot9/hubdb-row-template-9.json';
import rate429 from '@/test/fixtures/api/variants/hubspot9/error-429-ten-secondly-hubdb.json';
import lena from '@/test/fixtures/api/variants/hubspot9/contact-69129.json';
import lenaEvents from '@/test/fixtures/api/variants/hubspot9/events-69129.json';
import { ConnectorError } from './types';
import { describeOutcome, hub, json, rawServer, rejection, resetBetweenTests, said, signal, wellFormed, type RawCall } from '@/test/support/vendor-variants';

resetBetweenTests();

const TABLE = '5729341';
type Json = any;
type Row = Json;

/**
 * A HubDB table as v3 answers it: published rows at `/rows`, draft rows at `/rows/draft`, archived rows
 * only to `archived=true`; pages of `limit` (at most 1,000, default 1,000) with a base64 `after` cursor.
 */
function hubdb(table: { published?: Row[]; draft?: Row[]; archived?: Row[]; status?: number; error?: Json; cursor?: (offset: number) => string; pageOf?: (rows: Row[], offset: number, limit: number) => Row[]; pageSize?: number; answer?: (call: RawCall, page: number) => Response | undefined }) {
  const encode = table.cursor ?? ((offset: number) => Buffer.from(String(offset)).toString('base64'));
  const cursors = new Map<string, number>();
  let page = 0;
  return rawServer((call) => {
    const match = /^\/cms\/v3\/hubdb\/tables\/([^/]+)\/rows(\/draft)?$/.exec(call.url.pathname);
    if (!match || call.method !== 'GET') return json(404, { status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' });
    if (match[1] !== TABLE) return json(404, { status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' });
    page += 1;
    const scripted = table.answer?.(call, page);
    if (scripted) return scripted;
    const isDraft = Boolean(match[2]);
    if (!isDraft && table.status) return json(table.status, table.error);
    const rows = call.url.searchParams.get('archived') === 'true' ? (table.archived ?? []) : isDraft ? (table.draft ?? table.published ?? []) : (table.published ?? []);
    const limit = Math.min(1000, Number(call.url.searchParams.get('limit') ?? 1000) || 1000);
    const after = call.url.searchParams.get('after');
    const offset = after === null ? 0 : (cursors.get(after) ?? NaN);
    if (Number.isNaN(offset)) return json(400, { status: 'error', message: `Invalid after token: ${after}`, category: 'VALIDATION_ERROR' });
    const results = table.pageOf ? table.pageOf(rows, offset, limit) : rows.slice(offset, offset + limit);
    // A table that pages by its own size answers the cursor of where it stopped, whatever `limit` asked.
    const next = table.pageOf ? offset + (table.pageSize ?? limit) : offset + results.length;
    const body: Json = { total: rows.length, results, type: 'STREAMING' };
    if (next < rows.length) {
      const cursor = encode(next);
      cursors.set(cursor, next);
      body.paging = { next: { after: cursor, link: `https://api.hubapi.com/cms/v3/hubdb/tables/${TABLE}/rows?after=${encodeURIComponent(cursor)}` } };
    }
    return json(200, body);
  });
}

const catalog = () => hub({ contentTableId: TABLE }).listContent(signal);
const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);
const ids = (items: ContentItem[]) => items.map((item) => item.id).sort();
const TAG = /<\/?[a-z][^>]*>/i;
const ENTITY = /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** What every item a rep sees must be: schema-valid, a readable title, an http(s) link, no markup or entity shown as text, no "[object Object]". */
function rendersCleanly(items: ContentItem[]): void {
  for (const item of items) {
    const parsed = ContentItemSchema.safeParse(item);
    expect(parsed.success, `${item.id}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    expect(item.title.trim(), `${item.id} has a blank title`).not.toBe('');
    expect(item.url, `${item.id}`).toMatch(/^https?:\/\//i);
    for (const text of [item.title, item.summary ?? '']) {
      expect(text, `${item.id} shows markup as text`).not.toMatch(TAG);
      expect(text, `${item.id} shows an entity as text`).not.toMatch(ENTITY);
    }
    expect(JSON.stringify(item), `${item.id} shows an object as text`).not.toMatch(/\[object Object\]|"(null|undefined|NaN)"/);
  }
}
const rowsOf = (fixture: { results: unknown[] }) => fixture.results as Row[];

describe('HubSpot variants, ninth set: the content catalog from HubDB', () => {
  it('H118: RICHTEXT cells in title and summary (<p>, <strong>, &nbsp;, <br>, <script>, entities): the rep reads text, never markup', async () => {
    hubdb({ published: rowsOf(richtext) });
    quiet();
    const items = await catalog();
    expect(ids(items)).toEqual(['159118000001', '159118000002', '159118000003']);
    rendersCleanly(items);
    const byId: Record<string, ContentItem> = Object.fromEntries(items.map((item) => [item.id, item]));
    expect(byId['159118000001']!.title.replace(/\s+/g, ' ').trim()).toBe('SOC 2 in 11 weeks: the Tallybook story');
    expect(byId['159118000001']!.summary).not.toMatch(/alert\(1\)/);
    expect(byId['159118000002']!.title.replace(/\s+/g, ' ').trim()).toBe('Keyline & Okta');
    expect(byId['159118000003']!.title).toBe('Board deck: "Why now" – Q4');
  });

  it('H119: a blank (spaces, "", null) title cell: hs_name stands in when it has words; a row with neither has no item with a blank title', async () => {
    hubdb({ published: rowsOf(blankTitles) });
    quiet();
    const items = await catalog();
    rendersCleanly(items);
    const titles = Object.fromEntries(items.map((item) => [item.id, item.title]));
    expect(titles['159119000001'], 'hs_name was not used for a title of spaces').toBe('Access reviews without spreadsheets');
    expect(titles['159119000004']).toBe('Evidence collection checklist');
  });

  it('H120: URL cells in odd forms (upper-case scheme, padded, protocol-relative, site-relative, mailto:, data:, vbscript:): each item an http(s) link or no item, the good rows kept', async () => {
    hubdb({ published: rowsOf(urlForms) });
    quiet();
    const items = await catalog();
    rendersCleanly(items);
    const got = ids(items);
    expect(got).toContain('159120000001');
    for (const bad of ['159120000006', '159120000007', '159120000008']) expect(got, `${bad} offered with a non-http link`).not.toContain(bad);
    const padded = items.find((item) => item.id === '159120000003');
    expect(padded?.url, 'a padded https link was lost').toBe('https://www.keyline.example/resources/padded');
    const upper = items.find((item) => item.id === '159120000002');
    expect(upper?.url.toLowerCase(), 'an upper-case HTTPS link was lost').toBe('https://www.keyline.example/resources/upper');
  });

  it('H121: IMAGE, BOOLEAN, CURRENCY, LOCATION, NUMBER and FOREIGN_ID cells beside the known columns, option objects where text is expected, a FILE object as the url: no "[object Object]", the rows kept', async () => {
    hubdb({ published: rowsOf(oddCells) });
    quiet();
    const items = await catalog();
    rendersCleanly(items);
    expect(ids(items), 'a row with extra IMAGE/LOCATION/FOREIGN_ID columns was dropped').toContain('159121000001');
    const okta = items.find((item) => item.id === '159121000001')!;
    expect(okta.title).toBe('Okta access reviews, one-pager');
    expect(okta.url).toBe('https://www.keyline.example/resources/okta');
    for (const topic of okta.topics ?? []) expect(topic).toBe('access reviews');
    const roi = items.find((item) => item.id === '159121000002');
    if (roi) {
      expect(roi.title).toBe('Keyline ROI calculator');
      for (const persona of roi.personas ?? []) expect(persona.trim()).not.toBe('');
    }
    const webinar = items.find((item) => item.id === '159121000003');
    if (webinar) expect(webinar.url).toBe('https://www.keyline.example/hubfs/soc2-webinar.mp4');
  });

  it('H122: the table has draft edits and draft-only rows (at /rows/draft): the rep sees the published rows as published, no draft', async () => {
    const calls = hubdb({ published: rowsOf(published), draft: rowsOf(draft) });
    quiet();
    const items = await catalog();
    rendersCleanly(items);
    expect(ids(items)).toEqual(['159122000001', '159122000002']);
    expect(items.find((item) => item.id === '159122000001')?.title).toBe('Published case study');
    expect(items.find((item) => item.id === '159122000001')?.url).toBe('https://www.keyline.example/resources/published-case');
    expect(calls.filter((call) => call.url.pathname.endsWith('/draft')).length, 'the draft version was read').toBe(0);
  });

  it('H123: a table that was never published (/rows answers 404, its draft exists): a clear error naming the table, never an empty catalog and never the draft', async () => {
    hubdb({ status: 404, error: notPublished, draft: rowsOf(draft) });
    quiet();
    const outcome = await rejection(catalog());
    expect(outcome, `an unpublished table came back as ${describeOutcome(outcome)}`).toBeInstanceOf(ConnectorError);
    expect(said(outcome as ConnectorError)).toMatch(new RegExp(`${TABLE}|HubDB|table`, 'i'));
    expect(said(outcome as ConnectorError)).not.toMatch(/<[a-z]/i);
  });

  it('H124: deleted (archived) rows, answered only to archived=true: none is offered, the live rows are', async () => {
    hubdb({ published: rowsOf(liveAfterDelete), archived: rowsOf(archived) });
    quiet();
    const items = await catalog();
    rendersCleanly(items);
    expect(ids(items)).toEqual(['159124000001', '159124000002']);
  });

  it('H125: cursors with "+", "/" and "=" (standard base64) and an empty page that still carries paging.next: every row once', async () => {
    const rows = Array.from({ length: 30 }, (_unused, index) =>
      JSON.parse(JSON.stringify(rowTemplate.row).replaceAll('{id}', String(159125000000 + index)).replaceAll('{title}', `Guide ${index + 1}`).replaceAll('{slug}', `guide-${index + 1}`)),
    );
    const calls = hubdb({
      published: rows,
      cursor: (offset) => `a+b/c${offset}==`,
      // 10 rows a page, whatever the limit; the second page is empty but not the last.
      pageOf: (all, offset, _limit) => (offset === 10 ? [] : all.slice(offset, offset + 10)),
      pageSize: 10,
    });
    quiet();
    const items = await rejection(catalog());
    expect(Array.isArray(items) || (items as { resolved?: unknown }).resolved, `the catalog read failed: ${describeOutcome(items)}`).toBeTruthy();
    const list = ((items as { resolved?: ContentItem[] }).resolved ?? []) as ContentItem[];
    expect.soft(calls.some((call) => call.url.searchParams.get('after') === 'a+b/c10=='), `the first cursor was not sent as HubSpot gave it: ${calls.map((call) => call.url.search).join(' ')}`).toBe(true);
    expect(list).toHaveLength(20);
    expect(new Set(list.map((item) => item.id)).size).toBe(20);
    expect(calls.some((call) => call.url.searchParams.get('after') === 'a+b/c20=='), 'the cursor was not sent as HubSpot gave it').toBe(true);
  });

  it('H126: a table whose cursor never ends (a new cursor and new rows every page): the read stops at a sane cap and settles', async () => {
    let served = 0;
    const calls = hubdb({
      answer: (call) => {
        served += 1;
        if (served > 400) return json(500, { status: 'error', message: 'test guard: too many pages' });
        const base = served * 1000;
        const results = Array.from({ length: 1000 }, (_unused, index) => ({
          id: String(159126000000 + base + index),
          values: { title: `Item ${base + index}`, url: `https://www.keyline.example/r/${base + index}`, type: { id: '12', name: 'guide', type: 'option' } },
        }));
        return json(200, { total: 999999999, type: 'STREAMING', results, paging: { next: { after: `cursor-${served}` } } });
      },
    });
    quiet();
    const outcome = await rejection(catalog());
    const pages = calls.length;
    expect(pages, 'paging did not stop at a sane cap').toBeLessThanOrEqual(100);
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(ConnectorError);
    else {
      const list = (outcome as { resolved: ContentItem[] }).resolved;
      expect(new Set(list.map((item) => item.id)).size).toBe(list.length);
    }
  }, 30_000);

  it('H127: localized rows (language as a SELECT option "en", "de-de", "pt-br", "ja", a wrong "zh_TW"; translation_of as text or NUMBER): titles kept as written, languages valid tags', async () => {
    hubdb({ published: rowsOf(localized) });
    quiet();
    const items = await catalog();
    rendersCleanly(items);
    expect(ids(items)).toEqual(['159127000001', '159127000002', '159127000003', '159127000004', '159127000005']);
    const byId: Record<string, ContentItem> = Object.fromEntries(items.map((item) => [item.id, item]));
    expect(byId['159127000002']!.title).toBe('Zugriffsprüfungen ohne Tabellen – Leitfaden');
    expect(byId['159127000004']!.title).toBe('スプレッドシートなしのアクセスレビュー');
    expect(byId['159127000005']!.title).toBe('مراجعات الوصول بدون جداول بيانات');
    for (const item of items) if (item.language !== undefined) expect(LanguageTagSchema.safeParse(item.language).success, `${item.id}: ${item.language}`).toBe(true);
    expect(byId['159127000002']!.language?.toLowerCase()).toBe('de-de');
    expect(byId['159127000003']!.language?.toLowerCase()).toBe('pt-br');
    expect(byId['159127000003']!.translationOf).toBe('159127000001');
    expect(byId['159127000004']!.translationOf).toBe('159127000001');
  });

  it('H128: rows that do not read (null, values null or [], no id, bad dates, an unknown type label): each costs only itself', async () => {
    hubdb({ published: rowsOf(badRows) });
    quiet();
    const outcome = await rejection(catalog());
    expect(outcome instanceof Error, `bad rows failed the whole catalog: ${describeOutcome(outcome)}`).toBe(false);
    const items = (outcome as { resolved: ContentItem[] }).resolved;
    rendersCleanly(items);
    const got = ids(items);
    expect(got).toContain('159128000001');
    expect(got).toContain('159128000008');
    expect(got, 'a row with unreadable dates was dropped instead of its dates').toContain('159128000005');
    for (const item of items) expect(item.id.trim()).not.toBe('');
  });

  it('H130: the second page answers 429 TEN_SECONDLY_ROLLING: a rate-limited error, never the first page passed off as the whole catalog', async () => {
    const rows = Array.from({ length: 1500 }, (_unused, index) =>
      JSON.parse(JSON.stringify(rowTemplate.row).replaceAll('{id}', String(159130000000 + index)).replaceAll('{title}', `Guide ${index + 1}`).replaceAll('{slug}', `g-${index + 1}`)),
    );
    hubdb({
      published: rows,
      answer: (call) => (call.url.searchParams.has('after') ? json(429, rate429, { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Max': '100', 'X-HubSpot-RateLimit-Remaining': '0' }) : undefined),
    });
    quiet();
    const outcome = await rejection(catalog());
    expect(outcome, `a half-read catalog came back as ${describeOutcome(outcome)}`).toBeInstanceOf(ConnectorError);
    expect((outcome as ConnectorError).kind).toBe('rate-limited');
  }, 60_000);
});

describe('HubSpot variants, ninth set: a profile', () => {
  it('H129: page views with a HubDB preview link, a protocol-relative hs_url, no hs_url, no hs_title, an epoch-ms occurredAt: every page view an http(s) link with a time, the good ones kept', async () => {
    rawServer((call) => {
      if (call.url.pathname === '/crm/v3/objects/contacts/69129') return json(200, lena);
      if (call.url.pathname === '/events/v3/events') return json(200, call.url.searchParams.has('after') ? { results: [] } : lenaEvents);
      return json(404, { status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' });
    });
    const profile = wellFormed(await hub().getProfile('69129', signal));
    const urls = profile.pageViews.map((view) => view.url);
    for (const url of urls) expect(url).toMatch(/^https?:\/\//);
    expect(urls.some((url) => url.startsWith('https://www.keyline.example/resources/access-reviews')), 'the epoch-ms page view was lost').toBe(true);
    expect(urls, 'the page view without a title was lost').toContain('https://www.keyline.example/pricing');
    for (const view of profile.pageViews) expect(new Date(view.viewedAt).getUTCFullYear()).toBeGreaterThan(2025);
  });
});
