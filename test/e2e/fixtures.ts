/**
 * Playwright fixtures for Leadside's end-to-end tests: a fresh browser profile with
 * the built extension per test, and one local HTTPS server that plays every remote
 * host (see test/support/). Import `test` and `expect` from here, not from
 * @playwright/test.
 *
 * `context` and `page` are overridden to be the extension's persistent context and
 * its first tab, so no test launches Playwright's own (not installed) browser.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/https-server';
import { getTabId, launchWithExtension, wakeServiceWorker, type ExtensionHandle } from '../support/launch';
import { registerCrmFixtures } from '../support/crm-fixtures';

export { expect } from '@playwright/test';
export type { ExtensionHandle, TestServer };

export { SALESFORCE_ORIGIN } from '../support/pages';

declare global {
  interface Window {
    /** Test hook of the CRM fixtures: pushState navigation, resolved once the page has rendered. */
    __fixtureNavigate(path: string): Promise<void>;
    /** Free slot for tests to prove the document survived (no reload). */
    __marker?: string;
  }
}

export interface LeadsideFixtures {
  /** Per test, so routes and the request log never leak between tests. */
  server: TestServer;
  /** A fresh, empty Chromium profile directory, deleted after the test. */
  userDataDir: string;
  /** The running browser. `restartBrowser` updates this same object in place. */
  extension: ExtensionHandle;
  /** Opens `sidepanel.html?tabId=<tab of tabPage>` in a new tab, then re-activates `tabPage`. */
  openSidePanel: (tabPage: Page) => Promise<Page>;
  /**
   * Closes the browser and launches it again on the same profile (storage, IndexedDB
   * survive). Returns `extension`, updated; pages from before the restart are closed.
   */
  restartBrowser: () => Promise<ExtensionHandle>;
}

export const test = base.extend<LeadsideFixtures>({
  server: async ({}, use) => {
    const server = await startTestServer();
    registerCrmFixtures(server);
    await use(server);
    await server.close();
  },

  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'leadside-profile-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  extension: async ({ server, userDataDir, headless }, use) => {
    const extension = await launchWithExtension({ userDataDir, port: server.port, headless });
    await use(extension);
    await extension.context.close(); // whichever context is current after restarts
  },

  context: async ({ extension }, use) => {
    await use(extension.context);
  },

  page: async ({ extension }, use) => {
    await use(extension.context.pages()[0] ?? (await extension.context.newPage()));
  },

  openSidePanel: async ({ extension }, use) => {
    await use(async (tabPage) => {
      const { context, extensionId } = extension;
      // The worker may have been stopped; evaluating in a stopped worker hangs.
      const worker = await wakeServiceWorker(context, extensionId);
      const tabId = await getTabId(worker, tabPage);
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
      await tabPage.bringToFront(); // as in real use: the CRM tab stays active, the panel beside it
      return panel;
    });
  },

  restartBrowser: async ({ extension, server, userDataDir, headless }, use) => {
    await use(async () => {
      await extension.context.close();
      Object.assign(extension, await launchWithExtension({ userDataDir, port: server.port, headless }));
      return extension;
    });
  },
});
