/**
 * Mautic variants, ninth set (M117…M129): answers Mautic 4, 5 and 6 give to `GET /api/assets` (the content catalog
 * reps get suggestions from) that the first eight sets do not have, and two profile answers.
 *
 * Catalog: a list keyed by id across several pages; a server that answers fewer assets per page than `limit` asks;
 * a `total` (a string) larger than what the pages hold; a server that ignores `start` (the same page forever);
 * publish windows written with non-UTC offsets whose wall clock says the opposite of their instant; MySQL zero dates
 * and the documentation's malformed `dateModified`; broken entries beside good ones (no title, no id, a `javascript:`
 * or foreign-host link, no link, a string that is no asset); remote assets whose `remotePath` is a CDN, YouTube, http
 * or `file:` address; descriptions holding the editor's HTML (and a script); titles with named, hex and
 * double-encoded entities and a tag; the same catalog as Mautic 4, 5 and 6 serialize it (`storageLocation`,
 * `disallow`, `uuid`, `projects`); a 401 between page 1 and page 2. Profile: named entities (`&eacute;`,
 * `&ccedil;`) in a contact read by id, and the rep's search whose list holds a contact with `fields: []`.
 *
 * Written from Mautic's documentation (mautic/developer-documentation-new docs/rest_api/assets.rst) and source
 * (AssetBundle Entity/Asset.php loadApiMetadata, Controller/Api/AssetApiController.php, ApiBundle
 * FetchCommonApiController::getEntitiesAction), without reading the connector's code. What must hold: every item a
 * rep sees has a readable title (entities decoded, no markup) and an http(s) link under the Mautic's public address;
 * no unpublished or expired asset is offered; a bad asset costs only itself; paging reads everything, up to a sane
 * cap; a refusal is a clear error. Shapes and sources: section "mautic9/ (ninth set)" of the variants README
 * (test/fixtures/api/variants/README.md).
 */
import { describe, expect, it, vi } from 'vitest';
import { ContentItemSchema, type ContentItem } from '@/lib/schema';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import assetTemplate from '@/test/fixtures/api/variants/mautic9/asset-template.json';
import publishOffsets from '@/test/fixtures/api/variants/mautic9/assets-publish-offsets.json';
import zeroDates from '@/test/fixtures/api/variants/mautic9/assets-zero-dates.json';
import badEntries from '@/test/fixtures/api/variants/mautic9/assets-bad-entries.json';
import remotePaths from '@/test/fixtures/api/variants/mautic9/assets-remote-paths.json';
import htmlDescriptions from '@/test/fixtures/api/variants/mautic9/assets-html-descriptions.json';
import titleEntities from '@/test/fixtures/api/variants/mautic9/assets-title-entities.json';
import assetsMautic4 from '@/test/fixtures/api/variants/mautic9/assets-mautic4.json';
import assetsMautic5 from '@/test/fixtures/api/variants/mautic9/assets-mautic5.json';
import assetsMautic6 from '@/test/fixtures/api/variants/mautic9/assets-mautic6.json';
import error401 from '@/test/fixtures/api/variants/mautic9/error-401-api-authorization-denied.json';
import reneeNamedEntities from '@/test/fixtures/api/variants/mautic9/contacts-renee-named-entities.json';
import searchMollerBadEntry from '@/test/fixtures/api/variants/mautic9/contacts-search-moller-bad-entry.json';
import { ConnectorError } from './types';
import type { FakeRoute } from '@/test/support/fake-fetch';
import {
  describeOutcome,
  json,
  MT_BASE,
  MT_PASSWORD,
  mt,
  mtActivity,
  mtList,
  rawServer,
  rejection,
  resetBetweenTests,
  said,
  serve,
  signal,
  wellFormed,
  type RawCall,
} from '@/test/support/vendor-variants';

resetBetweenTests();

/** HTML entities as Mautic stores them (named ones too: `htmlentities`), which a rep must never read. */
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i;
/** An HTML tag: markup a rep must never read in a title or a summary. */
const HTML_TAG = /<\/?[a-z!][^>]*>/i;

/** Checks every item a rep could see: a valid catalog item, a readable title and summary, a link under the Mautic. */
function expectCatalogItems(items: ContentItem[], base = MT_BASE) {
  for (const item of items) {
    const parsed = ContentItemSchema.safeParse(item);
    expect.soft(parsed.success, `${item.id}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    expect.soft(item.title.trim().length, `${item.id}: a title`).toBeGreaterThan(0);
    expect.soft(item.title, `${item.id}: the title`).not.toMatch(ENTITY);
    expect.soft(item.title, `${item.id}: the title`).not.toMatch(HTML_TAG);
    expect.soft(item.summary ?? '', `${item.id}: the summary`).not.toMatch(ENTITY);
    expect.soft(item.summary ?? '', `${item.id}: the summary`).not.toMatch(HTML_TAG);
    for (const topic of item.topics ?? []) expect.soft(topic, `${item.id}: a topic`).not.toMatch(ENTITY);
    expect.soft(JSON.stringify(item), item.id).not.toMatch(/"(null|undefined|NaN)"/);
    expect.soft(item.url, `${item.id}: a link under the Mautic's public address`).toMatch(/^https?:\/\//);
    expect.soft(item.url.startsWith(`${base}/`), `${item.id}: ${item.url} is under ${base}`).toBe(true);
  }
}
/** An item by the asset id it came from (the catalog id names the asset however the connector writes it). */
const itemFor = (items: ContentItem[], assetId: number) => items.find((item) => new RegExp(`(^|\\D)${assetId}$`).test(item.id));
const titles = (items: ContentItem[]) => items.map((item) => item.title).sort();
async function listed(promise: Promise<ContentItem[]>): Promise<ContentItem[]> {
  const outcome = await rejection(promise);
  expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(Error);
  return (outcome as { resolved: ContentItem[] }).resolved;
}

/** A published local asset, as Mautic 5 lists it (assetDetails, categoryList, publishDetails). */
const buildAsset = (id: number, title: string) => {
  const alias = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { ...assetTemplate, id, title, alias, downloadUrl: `${MT_BASE}/asset/${id}:${alias}` };
};
const catalog = (count: number, firstId = 1001) => Array.from({ length: count }, (_, index) => buildAsset(firstId + index, `SOC 2 control guide ${index + 1}`));

/** The asset list pages the connector asked for, as `start`/`limit`. */
const pagesAsked = (calls: RawCall[]) =>
  calls.filter((call) => call.url.pathname === '/api/assets').map((call) => `start=${call.url.searchParams.get('start')}&limit=${call.url.searchParams.get('limit')}`);

/** GET /api/assets answering `body` from `start=0`, and no more assets after it (its `total` kept), as a one-page Mautic does. */
const onePage = (body: unknown): FakeRoute[] => [
  { method: 'GET', path: '/api/assets', when: (url) => (url.searchParams.get('start') ?? '0') === '0', body },
  { method: 'GET', path: '/api/assets', body: { total: (body as { total?: unknown }).total ?? 0, assets: [] } },
];

interface PagerOptions {
  /** Answer `assets` as an object keyed by id (`{"1001": {…}}`) instead of a list. */
  keyed?: boolean;
  /** The most assets a page holds, whatever `limit` asks. */
  cap?: number;
  /** The `total` the answer states (Mautic states the count of the whole query). */
  total?: number | string;
  /** Answer the first page whatever `start` says. */
  ignoreStart?: boolean;
}
/**
 * GET /api/assets as FetchCommonApiController::getEntitiesAction answers it: `start` (default 0) and `limit`
 * (default `default_pagelimit`, 30) over the whole list, `{"total", "assets"}`.
 */
function assetPager(all: unknown[], options: PagerOptions = {}) {
  return rawServer((call) => {
    if (call.method !== 'GET' || call.url.pathname !== '/api/assets') return json(404, { errors: [{ code: 404, message: `Requested URL not found: ${call.url.pathname}`, details: [] }] });
    const start = options.ignoreStart ? 0 : Number.parseInt(call.url.searchParams.get('start') ?? '0', 10) || 0;
    let limit = Number.parseInt(call.url.searchParams.get('limit') ?? '30', 10) || 30;
    if (options.cap !== undefined) limit = Math.min(limit, options.cap);
    const page = all.slice(start, start + limit);
    const assets = options.keyed ? Object.fromEntries(page.map((asset) => [String((asset as { id: number }).id), asset])) : page;
    return json(200, { total: options.total ?? all.length, assets });
  });
}

describe('Mautic variants, ninth set (the content catalog from assets, two profile answers)', () => {
  // --- M117–M120: paging ----------------------------------------------------------------------------------------

  it('M117: a 150-asset catalog whose pages list the assets keyed by id (`{"1001": {…}, …}`, not a list): all 150 read once each', async () => {
    const all = catalog(150);
    const calls = assetPager(all, { keyed: true });
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    expect.soft(items, `pages asked: ${pagesAsked(calls).join(' | ')}`).toHaveLength(150);
    expect.soft(new Set(items.map((item) => item.id)).size, 'no asset twice').toBe(items.length);
    expect.soft(itemFor(items, 1150)?.title, 'the last asset').toBe('SOC 2 control guide 150');
  });

  it('M118: the server answers at most 30 assets a page whatever `limit` asks (total 75): the next page starts after what came, all 75 read', async () => {
    const all = catalog(75, 2001);
    const calls = assetPager(all, { cap: 30 });
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    expect.soft(new Set(items.map((item) => item.id)).size, `pages asked: ${pagesAsked(calls).join(' | ')}`).toBe(75);
    expect.soft(items, 'no asset twice').toHaveLength(75);
    for (const id of [2031, 2045, 2075]) expect.soft(itemFor(items, id), `asset ${id}`).toBeDefined();
  });

  it('M119: `total` says "250" (a string) while the pages hold 180 (later pages answer `"assets": []`): the 180 read, paging stops at the empty page', async () => {
    const all = catalog(180, 3001);
    const calls = assetPager(all, { total: '250' });
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    expect.soft(items, `pages asked: ${pagesAsked(calls).join(' | ')}`).toHaveLength(180);
    expect.soft(new Set(items.map((item) => item.id)).size).toBe(180);
    expect.soft(pagesAsked(calls).length, 'a few pages, not a loop').toBeLessThanOrEqual(5);
  });

  it('M120: a server that ignores `start` (every page the same 100 assets, total 100000): the read ends within a sane number of requests, no asset twice', async () => {
    const all = catalog(100, 4001);
    const calls = assetPager(all, { ignoreStart: true, total: 100000 });
    const outcome = await rejection(mt().listContent(signal));
    const asked = pagesAsked(calls).length;
    expect.soft(asked, 'requests for the asset list').toBeLessThanOrEqual(100);
    if (!(outcome instanceof Error)) {
      const items = (outcome as { resolved: ContentItem[] }).resolved;
      expectCatalogItems(items);
      expect.soft(new Set(items.map((item) => item.id)).size, 'no asset twice').toBe(items.length);
      expect.soft(items.length, 'at most the 100 distinct assets').toBeLessThanOrEqual(100);
    } else {
      expect.soft(said(outcome as ConnectorError).trim().length, 'a reason').toBeGreaterThan(0);
    }
  });

  // --- M121–M122: publish windows and dates ---------------------------------------------------------------------

  it('M121: publish windows written with +02:00, -05:00 and +09:00 offsets (now 2026-12-07 09:00 UTC): a publishUp whose wall clock is past but instant ahead, a publishDown whose wall clock is ahead but instant past, and an unpublished asset in an open window are not offered', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T09:00:00Z') });
    try {
      serve(onePage(publishOffsets));
      const items = await listed(mt().listContent(signal));
      expectCatalogItems(items);
      const shown = titles(items);
      expect.soft(shown, 'publishUp 10:30+02:00 = 08:30 UTC, 30 minutes ago').toContain('Vendor due-diligence pack');
      expect.soft(shown, 'in its window until 31 Dec').toContain('Security whitepaper 2026');
      expect.soft(shown, 'publishUp 05:00-05:00 = 10:00 UTC, an hour ahead').not.toContain('Q1 pricing overview');
      expect.soft(shown, 'publishDown 17:30+09:00 = 08:30 UTC, 30 minutes ago').not.toContain('Holiday promo one-pager');
      expect.soft(shown, 'isPublished false').not.toContain('Partner battlecard (retired)');
    } finally {
      vi.useRealTimers();
    }
  });

  it('M122: MySQL zero dates ("-0001-11-30T00:00:00+00:00" for publishUp and dateAdded), a null dateModified and the documentation’s "2015-06-010T09:30:47+00:00": each costs at most its date, no asset lost', async () => {
    serve(onePage(zeroDates));
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    expect.soft(titles(items), 'published assets with no real window').toEqual(['Access review checklist', 'Legacy SOC 2 overview', 'Product whitepaper']);
    for (const item of items) {
      if (item.updatedAt !== undefined) expect.soft(new Date(item.updatedAt).getUTCFullYear(), `${item.id}: updatedAt ${item.updatedAt}`).toBeGreaterThanOrEqual(2000);
    }
  });

  // --- M123–M124: bad assets, remote assets ---------------------------------------------------------------------

  it('M123: broken entries beside good ones (title null, "" and blank, no id, a javascript: link, no link, a link on a look-alike host, category [] and size as a string, a string for an asset): the good ones are listed, no broken link offered', async () => {
    serve(onePage(badEntries));
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    const shown = titles(items);
    for (const title of ['SOC 2 readiness checklist', 'Access review playbook', 'Case study: Fabrikam']) expect.soft(shown, 'a good asset').toContain(title);
    expect.soft(JSON.stringify(items), 'no script link').not.toMatch(/javascript:/i);
    expect.soft(JSON.stringify(items), 'no link on another host').not.toContain('evil.example');
    expect.soft(new Set(items.map((item) => item.id)).size, 'ids unique').toBe(items.length);
    for (const item of items) expect.soft(item.id, 'an id that names an asset').not.toMatch(/undefined|null|NaN/);
  });

  it('M124: remote assets (`storageLocation: remote`) whose remotePath is a CDN file, a YouTube video, an http spreadsheet or a file: path: each item links to Mautic’s own download address (downloadUrl, which counts the download), never to remotePath', async () => {
    serve(onePage(remotePaths));
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    expect.soft(items.length, 'five published assets').toBe(5);
    for (const item of items) {
      expect.soft(item.url, item.title).toMatch(/^https:\/\/mautic\.keyline\.example\/asset\/93\d:/);
      expect.soft(item.url, item.title).not.toMatch(/cdn\.keyline|youtube|files\.keyline|file:/);
    }
  });

  // --- M125–M126: text as the editor stores it ------------------------------------------------------------------

  it('M125: descriptions holding the editor’s HTML (<p>, <br />, <ul><li>, a link, &nbsp;, &ndash;, &rsquo;, a <script> and a <style>, named entities, an escaped &lt;p&gt;) and a category "Audits &amp; evidence": summaries read as text, no script or style content', async () => {
    serve(onePage(htmlDescriptions));
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    expect.soft(items.length).toBe(4);
    const summary = (id: number) => (itemFor(items, id)?.summary ?? '').replace(/\s+/g, ' ');
    expect.soft(summary(941)).toContain('Forty controls auditors ask about first');
    expect.soft(summary(941)).toContain('Access reviews');
    expect.soft(summary(942)).toContain('our trust center');
    expect.soft(summary(942), 'the typographic apostrophe').toContain('it’s updated weekly');
    expect.soft(summary(942), 'script and style content').not.toMatch(/alert\(|color:\s*red/);
    expect.soft(summary(943)).toContain('café chain in München passed ISO 27001');
    expect.soft(summary(944)).toContain('a guide for');
    for (const topic of itemFor(items, 941)?.topics ?? []) expect.soft(topic).not.toContain('&amp;');
  });

  it('M126: titles with named entities (&eacute;, &uuml;, &ndash;, &hellip;), &#039;, &#x27;, a double-encoded "Q&amp;amp;A" and a tag ("<b>New:</b>"): read as written', async () => {
    serve(onePage(titleEntities));
    const items = await listed(mt().listContent(signal));
    expectCatalogItems(items);
    const title = (id: number) => itemFor(items, id)?.title;
    expect.soft(title(951)).toBe('Café Santé case study');
    expect.soft(title(952)).toBe('Leitfaden für Zugriffsprüfungen');
    expect.soft(title(953)).toBe('Buyer\'s guide – SOC 2');
    expect.soft(title(954)).toBe('Keyline\'s trust report…');
    expect.soft(title(955), 'saved twice, encoded twice').toContain('Q&A: SOC 2 in one audit');
    expect.soft(title(956)).toContain('AI governance checklist');
  });

  // --- M127: Mautic 4, 5 and 6 ----------------------------------------------------------------------------------

  it('M127: the same two assets as Mautic 4 (no storageLocation), 5 (storageLocation, disallow, uuid) and 6 (projects) serialize them: the same catalog each time', async () => {
    const read = async (body: unknown) => {
      serve(onePage(body));
      const items = await listed(mt().listContent(signal));
      expectCatalogItems(items);
      vi.unstubAllGlobals();
      return items.map((item) => ({ id: item.id, title: item.title, url: item.url, type: item.type, summary: item.summary })).sort((a, b) => a.id.localeCompare(b.id));
    };
    const four = await read(assetsMautic4);
    const five = await read(assetsMautic5);
    const six = await read(assetsMautic6);
    expect.soft(four.map((item) => item.title).sort()).toEqual(['Access review playbook', 'SOC 2 readiness checklist']);
    expect.soft(five, 'Mautic 5 as Mautic 4').toEqual(four);
    expect.soft(six, 'Mautic 6 as Mautic 4').toEqual(four);
  });

  // --- M128: a refusal in the middle of paging ------------------------------------------------------------------

  it('M128: page 1 of 130 assets answers, page 2 answers 401 "API authorization denied." (the password changed in between): a sign-in error in Mautic’s words, no partial catalog, no password', async () => {
    const all = catalog(130, 5001);
    let served = 0;
    rawServer((call) => {
      if (call.url.pathname !== '/api/assets') return json(404, { errors: [{ code: 404, message: 'Requested URL not found', details: [] }] });
      served += 1;
      if (served > 1) return json(401, error401, { 'WWW-Authenticate': 'Basic realm="Mautic"' });
      const limit = Number.parseInt(call.url.searchParams.get('limit') ?? '30', 10) || 30;
      return json(200, { total: all.length, assets: all.slice(0, Math.min(limit, 100)) });
    });
    const outcome = await rejection(mt().listContent(signal));
    // A partial list would replace the catalog every rep has with its first page, as if marketing had unpublished the rest.
    expect(outcome, describeOutcome(outcome)).toBeInstanceOf(ConnectorError);
    expect.soft((outcome as ConnectorError).kind).toBe('auth');
    expect.soft(said(outcome as ConnectorError)).toContain('API authorization denied.');
    expect.soft(said(outcome as ConnectorError)).not.toContain(MT_PASSWORD);
  });

  // --- M129: profiles -------------------------------------------------------------------------------------------

  it('M129a: a contact read by id whose values Mautic stored with named entities (Ren&eacute;e Fran&ccedil;ois, "L&#039;Or&eacute;al Professionnel &ndash; Paris"): read as written', async () => {
    serve([{ method: 'GET', path: '/api/contacts/12901', body: reneeNamedEntities }, ...mtActivity(activityEmpty)]);
    const profile = wellFormed(await mt().getProfile('12901', signal));
    expect.soft(profile.name).toBe('Renée François');
    expect.soft(profile.company).toBe('L\'Oréal Professionnel – Paris');
    expect.soft(JSON.stringify(profile)).not.toMatch(/&(eacute|ccedil|ndash|#0?39);/);
  });

  it('M129b: the rep searches "moller" and the list holds a contact whose fields are [] between two others (M&oslash;ller, M&ouml;ller): the two are listed, decoded; the broken one costs only itself', async () => {
    serve(mtList(searchMollerBadEntry));
    const outcome = await rejection(mt().searchProfiles('moller', signal));
    expect(outcome, describeOutcome(outcome)).not.toBeInstanceOf(Error);
    const results = (outcome as { resolved: { id: string; name?: string; email?: string; company?: string }[] }).resolved;
    const byId = Object.fromEntries(results.map((summary) => [summary.id, summary]));
    expect.soft(byId['12902']).toMatchObject({ name: 'Ingrid Møller', email: 'ingrid.moller@smith-son.example', company: 'Smith & Søn ApS' });
    expect.soft(byId['12904']).toMatchObject({ name: 'Jonas Möller', email: 'jonas.moeller@fabrikam.example', company: 'Fabrikam GmbH' });
    const shown = JSON.stringify(results);
    expect.soft(shown).not.toMatch(ENTITY);
    expect.soft(shown).not.toMatch(/\bnull\b|\bundefined\b/);
  });
});
