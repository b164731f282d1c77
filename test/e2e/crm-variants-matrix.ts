/**
 * The variant corpus end to end: every page of test/fixtures/crm/variants served at its CRM's real
 * hostname and record URL, read by the built extension's real content scripts in Chromium, and the
 * record the service worker was told about compared with the manifest. One browser and one tab for
 * each part of the matrix, each variant loaded into the tab in turn as a rep opens one record after
 * another, so the corpus's hundreds of pages cost their own load and little else. The parts are spec
 * files of their own (crm-variants-1.spec.ts, crm-variants-2.spec.ts), so two of Playwright's workers
 * share the matrix: in one file it took as long as all the other files together. Each spec file calls
 * `test()` itself: Playwright groups tests by the file that defines them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, type Worker } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/https-server';
import { getTabId, launchWithExtension, wakeServiceWorker, type ExtensionHandle } from '../support/launch';
import { registerCrmVariants } from '../support/crm-fixtures';
import { loadCrmVariants, settledAfterMs, type CrmVariant } from '../support/crm-variants';

/** How many spec files the matrix is split into. */
const PARTS = 2;

/** A part's browser with the built extension, and the CRM tab every variant of the part is loaded into. */
export interface VariantTab {
  server: TestServer;
  extension: ExtensionHandle;
  userDataDir: string;
  tab: Page;
  /** The tab's id in the extension. */
  tabId: number;
}

export async function openVariantTab(headless: boolean): Promise<VariantTab> {
  const server = await startTestServer();
  registerCrmVariants(server);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'leadside-variants-'));
  const extension = await launchWithExtension({ userDataDir, port: server.port, headless });
  // An extension page kept open, so waking the worker before each check needs no page of its own.
  const extensionPage = extension.context.pages()[0] ?? (await extension.context.newPage());
  await extensionPage.goto(`chrome-extension://${extension.extensionId}/manifest.json`);
  const tab = await extension.context.newPage();
  const tabId = await getTabId(await wakeServiceWorker(extension.context, extension.extensionId), tab);
  return { server, extension, userDataDir, tab, tabId };
}

export async function closeVariantTab(variantTab: VariantTab | undefined): Promise<void> {
  await variantTab?.extension.context.close();
  await variantTab?.server.close();
  if (variantTab) await rm(variantTab.userDataDir, { recursive: true, force: true });
}

/** A hostname's last two labels: enough to keep one CRM's pages together (force.com, hubspot.com, zoho.eu). */
const siteOf = (url: string) => new URL(url).hostname.split('.').slice(-2).join('.');

/**
 * The variants of one part (1-based). One CRM's pages one after another, as a rep works: Chromium then
 * keeps the tab's renderer process from page to page, where the manifest's order (by batch) changes
 * site, and so process, on most pages (398 of 556 when measured: 19 renderer processes for 117 pages
 * instead of 84, the matrix's CPU a fifth lower). Each part is a run of whole sites but where two meet.
 */
export function variantsOfPart(part: number): CrmVariant[] {
  const variants = loadCrmVariants().sort((a, b) => siteOf(a.url).localeCompare(siteOf(b.url)));
  const size = Math.ceil(variants.length / PARTS);
  return variants.slice((part - 1) * size, part * size);
}

/** What the worker keeps for a tab, in the manifest's terms, and whether it is of the page the tab shows now. */
type TabRecord = { crm?: string; type?: string; id?: string; email?: string; name?: string; ofThisPage: boolean };

/** How long a page may take to report the expected record. */
const REPORT_TIMEOUT_MS = 10_000;

/** Loads `variant` into the part's tab and expects the worker to be told its record and person. */
export async function expectVariantReported(variantTab: VariantTab, variant: CrmVariant): Promise<void> {
  const { tab, extension } = variantTab;
  await tab.goto(variant.url);
  const worker = await wakeServiceWorker(extension.context, extension.extensionId);
  const { crm, type, id, email, name } = variant.expected;
  const expected = { crm, type, id, email, name, ofThisPage: true };
  expect(await tabRecord(variantTab, worker, expected), 'the record the worker was told about').toEqual(expected);
  // A page whose person shows no address of their own must go on showing none once it has rendered
  // all it will: someone else's address read later would be a wrong brief, and the wait above could
  // have ended on the moment before it.
  if (email === undefined) {
    await tab.waitForTimeout(settledAfterMs(variant));
    expect(await tabRecord(variantTab, worker), 'the record once the page has settled').toEqual(expected);
  }
}

/**
 * What the worker keeps for the tab (its IndexedDB copy of the content script's report), and whether it
 * is the report of the page the tab shows now rather than of the variant loaded before it (every
 * variant has a URL of its own: loadCrmVariants refuses a manifest where two share one). With `awaited`,
 * the worker reads it again every 25 ms until it is that record or REPORT_TIMEOUT_MS have passed: one
 * call from the test instead of one a read (each a round trip through the DevTools protocol), which
 * took a fifth off the matrix's CPU.
 */
async function tabRecord({ tab, tabId }: VariantTab, worker: Worker, awaited?: TabRecord): Promise<TabRecord | null> {
  const url = tab.url();
  return worker.evaluate(
    async ({ tabId, url, awaited, timeoutMs }) => {
      const read = () =>
        new Promise<TabRecord | null>((resolve, reject) => {
          const open = indexedDB.open('leadside');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('tabs').objectStore('tabs').get(tabId);
            request.onsuccess = () => {
              open.result.close();
              const row = request.result as { record?: Record<string, string> | null } | undefined;
              const record = row?.record;
              resolve(
                record
                  ? { crm: record.crm, type: record.objectType, id: record.recordId, email: record.email, name: record.name, ofThisPage: record.url === url }
                  : null,
              );
            };
            request.onerror = () => reject(request.error);
          };
        });
      // The test's toEqual, field by field (a field absent and one undefined are alike).
      const fields = ['crm', 'type', 'id', 'email', 'name', 'ofThisPage'] as const;
      const deadline = Date.now() + timeoutMs;
      let record = await read();
      while (awaited && !(record && fields.every((field) => record![field] === awaited[field])) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        record = await read();
      }
      return record;
    },
    { tabId, url, awaited, timeoutMs: REPORT_TIMEOUT_MS },
  );
}
