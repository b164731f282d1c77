/**
 * The variant corpus end to end: every page of test/fixtures/crm/variants served at its CRM's real
 * hostname and record URL, read by the built extension's real content scripts in Chromium, and the
 * record the service worker was told about compared with the manifest. One browser and one tab for the
 * whole matrix, each variant loaded into the tab in turn as a rep opens one record after another, so the
 * corpus's hundreds of pages cost their own load and little else.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/https-server';
import { getTabId, launchWithExtension, wakeServiceWorker, type ExtensionHandle } from '../support/launch';
import { registerCrmVariants } from '../support/crm-fixtures';
import { loadCrmVariants, settledAfterMs } from '../support/crm-variants';

let server: TestServer;
let extension: ExtensionHandle;
let userDataDir: string;
/** The CRM tab every variant is loaded into, and its id in the extension. */
let tab: Page;
let tabId: number;

test.beforeAll(async ({ headless }) => {
  server = await startTestServer();
  registerCrmVariants(server);
  userDataDir = await mkdtemp(path.join(os.tmpdir(), 'leadside-variants-'));
  extension = await launchWithExtension({ userDataDir, port: server.port, headless });
  // An extension page kept open, so waking the worker before each check needs no page of its own.
  const extensionPage = extension.context.pages()[0] ?? (await extension.context.newPage());
  await extensionPage.goto(`chrome-extension://${extension.extensionId}/manifest.json`);
  tab = await extension.context.newPage();
  tabId = await getTabId(await wakeServiceWorker(extension.context, extension.extensionId), tab);
});

test.afterAll(async () => {
  await extension?.context.close();
  await server?.close();
  await rm(userDataDir, { recursive: true, force: true });
});

/**
 * What the worker keeps for the tab (its IndexedDB copy of the content script's report), and whether it
 * is the report of the page the tab shows now rather than of the variant loaded before it (every
 * variant has a URL of its own: loadCrmVariants refuses a manifest where two share one).
 */
async function tabRecord(worker: Worker) {
  const record = await worker.evaluate(
    (id) =>
      new Promise<Record<string, string | undefined> | null>((resolve, reject) => {
        const open = indexedDB.open('leadside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('tabs').objectStore('tabs').get(id);
          request.onsuccess = () => {
            const row = request.result as { record?: Record<string, string> | null } | undefined;
            const record = row?.record;
            resolve(record ? { crm: record.crm, type: record.objectType, id: record.recordId, email: record.email, name: record.name, url: record.url } : null);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    tabId,
  );
  if (!record) return null;
  const { url, ...reported } = record;
  return { ...reported, ofThisPage: url === tab.url() };
}

/** A hostname's last two labels: enough to keep one CRM's pages together (force.com, hubspot.com, zoho.eu). */
const siteOf = (url: string) => new URL(url).hostname.split('.').slice(-2).join('.');

// One CRM's pages one after another, as a rep works: Chromium then keeps the tab's renderer process from
// page to page, where the manifest's order (by batch) changes site, and so process, on most pages (398 of
// 556 when measured: 19 renderer processes for 117 pages instead of 84, the matrix's CPU a fifth lower).
const variants = loadCrmVariants().sort((a, b) => siteOf(a.url).localeCompare(siteOf(b.url)));

for (const variant of variants) {
  test(`${variant.file} reports the record and the person`, async () => {
    await tab.goto(variant.url);
    const worker = await wakeServiceWorker(extension.context, extension.extensionId);
    const { crm, type, id, email, name } = variant.expected;
    const expected = { crm, type, id, email, name, ofThisPage: true };
    // Polled often (a read of the worker's IndexedDB is cheap): the default back-off waits up to a
    // second past the moment the record arrives, on every one of the corpus's pages.
    await expect.poll(() => tabRecord(worker), { timeout: 10_000, intervals: [25, 25, 50] }).toEqual(expected);
    // A page whose person shows no address of their own must go on showing none once it has rendered
    // all it will: someone else's address read later would be a wrong brief, and the poll above could
    // have passed on the moment before it.
    if (email === undefined) {
      await tab.waitForTimeout(settledAfterMs(variant));
      expect(await tabRecord(worker)).toEqual(expected);
    }
  });
}
