/**
 * The variant corpus end to end: every page of test/fixtures/crm/variants served at its CRM's real
 * hostname and record URL, read by the built extension's real content scripts in Chromium, and the
 * record the service worker was told about compared with the manifest. One browser for the whole
 * matrix (a page per variant), so it stays fast.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Worker } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/https-server';
import { getTabId, launchWithExtension, wakeServiceWorker, type ExtensionHandle } from '../support/launch';
import { registerCrmVariants } from '../support/crm-fixtures';
import { loadCrmVariants, settledAfterMs } from '../support/crm-variants';

let server: TestServer;
let extension: ExtensionHandle;
let userDataDir: string;

test.beforeAll(async ({ headless }) => {
  server = await startTestServer();
  registerCrmVariants(server);
  userDataDir = await mkdtemp(path.join(os.tmpdir(), 'leadside-variants-'));
  extension = await launchWithExtension({ userDataDir, port: server.port, headless });
});

test.afterAll(async () => {
  await extension?.context.close();
  await server?.close();
  await rm(userDataDir, { recursive: true, force: true });
});

/** What the worker keeps for the tab (its IndexedDB copy of the content script's report). */
async function tabRecord(worker: Worker, tabId: number) {
  return worker.evaluate(
    (id) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('leadside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('tabs').objectStore('tabs').get(id);
          request.onsuccess = () => {
            const row = request.result as { record?: Record<string, string> | null } | undefined;
            const record = row?.record;
            resolve(record ? { crm: record.crm, type: record.objectType, id: record.recordId, email: record.email, name: record.name } : null);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    tabId,
  );
}

for (const variant of loadCrmVariants()) {
  test(`${variant.file} reports the record and the person`, async () => {
    const page = await extension.context.newPage();
    await page.goto(variant.url);
    const worker = await wakeServiceWorker(extension.context, extension.extensionId);
    const tabId = await getTabId(worker, page);
    const { crm, type, id, email, name } = variant.expected;
    // Polled often (a read of the worker's IndexedDB is cheap): the default back-off waits up to a
    // second past the moment the record arrives, on every one of the corpus's pages.
    await expect.poll(() => tabRecord(worker, tabId), { timeout: 10_000, intervals: [50, 100, 200] }).toEqual({ crm, type, id, email, name });
    // A page whose person shows no address of their own must go on showing none once it has rendered
    // all it will: someone else's address read later would be a wrong brief, and the poll above could
    // have passed on the moment before it.
    if (email === undefined) {
      await page.waitForTimeout(settledAfterMs(variant));
      expect(await tabRecord(worker, tabId)).toEqual({ crm, type, id, email, name });
    }
    await page.close();
  });
}
