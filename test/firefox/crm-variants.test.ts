/**
 * The variant corpus end to end in a real Firefox: the Firefox twin of test/e2e/crm-variants-matrix.ts.
 * Every page of test/fixtures/crm/variants is served at its CRM's real hostname and record URL, read
 * by the built Firefox extension's real content scripts (Gecko's declarative shadow DOM,
 * checkVisibility, Navigation API or its fallback, `content.fetch`), and the record the event page
 * keeps for the tab is compared with the manifest. One Firefox for the whole file.
 *
 * Reading the extension's IndexedDB needs an extension page (the event page is out of BiDi's reach),
 * and BiDi may not navigate a tab to moz-extension:// (test/support/firefox.ts). So Leadside is
 * opened as a rep opens it: the glance pill on the plain Salesforce fixture opens the pinned panel
 * window, and the panel asks `tabs.create` for Insights, the page every read then runs in.
 */
import { afterAll, describe, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { registerCrmFixtures, registerCrmVariants } from '../support/crm-fixtures';
import { loadCrmVariants, settledAfterMs, variantHtml, type CrmVariant, type ExpectedRecord } from '../support/crm-variants';
import { launchFirefoxWithExtension, pageOpenedBy, type FirefoxWithExtension } from '../support/firefox';
import { startTestServer, type TestServer } from '../support/https-server';
import { salesforceRecordUrl } from '../support/pages';

type ExtensionGlobal = { browser: typeof import('wxt/browser').browser };

interface Harness {
  firefox: FirefoxWithExtension;
  /** A Leadside page (moz-extension://…/insights.html): the extension's APIs and its IndexedDB. */
  extensionPage: Page;
}

let server: TestServer | undefined;
let started: Promise<Harness> | undefined;
/**
 * Started by the first test that needs it and shared by all (they run several at a time); a launch
 * failure fails every test with its reason.
 */
function harness(): Promise<Harness> {
  started ??= (async () => {
    server = await startTestServer();
    // The plain fixtures first, for the pill that opens Leadside; the variants' routes, registered
    // after, win on every host a variant uses (no variant lives on acme.lightning.force.com).
    registerCrmFixtures(server);
    registerCrmVariants(server);
    const firefox = await launchFirefoxWithExtension({ serverPort: server.port });
    return { firefox, extensionPage: await openLeadsidePage(firefox) };
  })();
  return started;
}

afterAll(async () => {
  await (await started?.catch(() => undefined))?.firefox.close();
  await server?.close();
});

/**
 * Opens Insights in a tab the only way Firefox lets a test reach a Leadside page: the pill on a
 * record marketing knows opens the pinned panel window, whose `tabs.create` opens the tab. The panel
 * and its CRM tab are closed after, so only the variant pages are left for the extension to read.
 */
async function openLeadsidePage({ browser }: FirefoxWithExtension): Promise<Page> {
  const crm = (await browser.pages())[0] ?? (await browser.newPage());
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  // The pill's root is closed and it answers only trusted clicks: click where its "Open brief"
  // button is (left of the 24 px close button, 6 px padding and 8 px gap), as smoke.test.ts does.
  const pill = await crm.waitForSelector('leadside-glance', { visible: true, timeout: 30_000 });
  const box = (await pill!.boundingBox())!;
  const panel = await pageOpenedBy(browser, () => crm.mouse.click(box.x + box.width - 6 - 24 - 8 - 24, box.y + box.height / 2), '/sidepanel.html?tabId=');
  const insights = await pageOpenedBy(
    browser,
    () => panel.evaluate((url) => (globalThis as unknown as ExtensionGlobal).browser.tabs.create({ url }), '/insights.html'),
    '/insights.html',
  );
  await panel.close();
  await crm.close();
  return insights;
}

/**
 * The tab showing `url`, by the extension's own `tabs.query` (its host permissions let it see the
 * CRM tabs' URLs). Retried briefly: the tab's URL is the new one only once Firefox has committed it.
 */
async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  let seen: string[] = [];
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const tabs = await extensionPage.evaluate(async () =>
      (await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({})).map(({ id, url }) => ({ id, url })),
    );
    const matches = tabs.filter((tab) => tab.url === url);
    if (matches.length > 1) throw new Error(`${matches.length} tabs show ${url}`);
    if (matches[0]?.id !== undefined) return matches[0].id;
    seen = tabs.map((tab) => tab.url ?? '(URL hidden: Leadside has no host permission there)');
  }
  throw new Error(`No tab shows ${url}. Tabs: ${seen.join(', ')}`);
}

/** What the event page keeps for the tab (its IndexedDB copy of the content script's report). */
function tabRecord(extensionPage: Page, tabId: number): Promise<unknown> {
  return extensionPage.evaluate(
    (id) =>
      new Promise<unknown>((resolve, reject) => {
        // No version: opens the database Leadside made (it exists: the event page wrote the pill's tab).
        const open = indexedDB.open('leadside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const request = database.transaction('tabs').objectStore('tabs').get(id);
          request.onsuccess = () => {
            const row = request.result as { record?: Record<string, string> | null } | undefined;
            const record = row?.record;
            resolve(record ? { crm: record.crm, type: record.objectType, id: record.recordId, email: record.email, name: record.name } : null);
            // Closed at once: an open connection would hold up a schema upgrade of Leadside's own.
            database.close();
          };
          request.onerror = () => {
            reject(request.error);
            database.close();
          };
        };
      }),
    tabId,
  );
}

/**
 * The whole corpus takes 5 to 6 minutes here (2 cores; 308 and 353 s measured), too long for a
 * step of `npm test`, so the file runs a sample chosen from the pages' own content, never from a
 * list: for each CRM, the first page (in manifest order) of each kind that Gecko handles its own way
 * or times differently: with or without declarative shadow roots (`shadowrootmode`, Gecko's own
 * parser's work), with or without parts rendered late (`<template data-late>`, the page watch's
 * timing), a person with or without an address of their own. What the readers make of a page's
 * words and markup is the same script in either engine, which the unit corpus and Chromium run on
 * every page. A new CRM or kind joins by itself. LEADSIDE_FIREFOX_VARIANTS=all runs every page.
 */
function firefoxSample(variants: CrmVariant[]): CrmVariant[] {
  if (process.env.LEADSIDE_FIREFOX_VARIANTS === 'all') return variants;
  const kinds = new Set<string>();
  return variants.filter((variant) => {
    const html = variantHtml(variant);
    const kind = [variant.file.split('/')[0], html.includes('shadowrootmode'), /<template\b[^>]*\bdata-late\b/.test(html), variant.expected.email === undefined].join();
    if (kinds.has(kind)) return false;
    kinds.add(kind);
    return true;
  });
}

// Pages run five at a time (vitest's maxConcurrency), each in a window of its own: a page in a
// background tab is hidden, and Firefox throttles its timers and skips its animation frames, which a
// rep's CRM tab in front never is. Concurrent tests must use their own context's `expect`.
describe.concurrent('the variant corpus in Firefox', () => {
  for (const variant of firefoxSample(loadCrmVariants())) {
    it(`${variant.file} reports the record and the person`, async ({ expect }) => {
      const { firefox, extensionPage } = await harness();
      const page = await firefox.browser.newPage({ type: 'window' });
      try {
        await page.goto(variant.url);
        const tabId = await tabIdOf(extensionPage, page.url());
        const { crm, type, id, email, name }: ExpectedRecord = variant.expected;
        // Polled often: a read of the IndexedDB is cheap, and a long back-off would add its wait to
        // every page of the corpus.
        await expect.poll(() => tabRecord(extensionPage, tabId), { timeout: 10_000, interval: 100 }).toEqual({ crm, type, id, email, name });
        // A page whose person shows no address of their own must go on showing none once it has
        // rendered all it will: someone else's address read later would be a wrong brief, and the
        // poll above could have passed on the moment before it.
        if (email === undefined) {
          await new Promise((resolve) => setTimeout(resolve, settledAfterMs(variant)));
          expect(await tabRecord(extensionPage, tabId)).toEqual({ crm, type, id, email, name });
        }
      } finally {
        await page.close();
      }
    });
  }
});
