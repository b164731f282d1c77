/**
 * Launches the system Chromium with the built extension, wired to the local test
 * server (see DESIGN.md, "Testing recipe"), and controls its service worker.
 *
 * Service-worker facts verified with Chromium 156 + Playwright 1.65:
 * - After a stop, Playwright keeps the same `Worker` object; it works again once
 *   the worker restarts. But `evaluate` on a *stopped* worker hangs until the test
 *   times out, so call `wakeServiceWorker` first (CDP `ServiceWorker.startWorker`).
 * - Playwright emits no event for stop/start; CDP `ServiceWorker.workerVersionUpdated` does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { ensureChromium } from './chromium';

export interface ExtensionHandle {
  context: BrowserContext;
  /** 32 letters a–p, derived by Chromium from the extension's path. */
  extensionId: string;
  serviceWorker: Worker;
}

export interface LaunchOptions {
  /** Defaults to `$LEADSIDE_EXTENSION_PATH`, else `.output/chrome-mv3` (made by `wxt build`). */
  extensionPath?: string;
  userDataDir: string;
  /** Port of the test server that every hostname resolves to. */
  port: number;
  headless?: boolean;
  /** More Chromium switches (the benchmark's `--remote-debugging-port=0`, say). */
  extraArgs?: string[];
}

/**
 * The slice of the extension API used inside the browser below. Declared here
 * because the repo has no global `chrome` typings; the type is erased before
 * Playwright serialises the callback.
 */
type ExtensionGlobal = {
  chrome: {
    tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
    runtime: { getContexts(filter: object): Promise<{ documentUrl?: string }[]> };
  };
};

const WORKER_TIMEOUT_MS = 15_000;

export function defaultExtensionPath(): string {
  return path.resolve(process.env.LEADSIDE_EXTENSION_PATH ?? '.output/chrome-mv3');
}

export async function launchWithExtension(opts: LaunchOptions): Promise<ExtensionHandle> {
  const extensionPath = path.resolve(opts.extensionPath ?? defaultExtensionPath());
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No extension at ${extensionPath} (manifest.json missing). Run \`npx wxt build\` or set LEADSIDE_EXTENSION_PATH.`);
  }
  const context = await launchChromium(opts, [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`]);
  try {
    const serviceWorker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: WORKER_TIMEOUT_MS }).catch(() => {
        throw new Error(`The extension at ${extensionPath} loaded no service worker within ${WORKER_TIMEOUT_MS / 1000} s. Does its background script throw?`);
      }));
    return { context, extensionId: new URL(serviceWorker.url()).host, serviceWorker };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * The same browser with no extension at all: the baseline for what the extension costs a page.
 */
export function launchWithoutExtension(opts: Omit<LaunchOptions, 'extensionPath'>): Promise<BrowserContext> {
  return launchChromium(opts, []);
}

function launchChromium(opts: Omit<LaunchOptions, 'extensionPath'>, extensionArgs: string[]): Promise<BrowserContext> {
  return chromium.launchPersistentContext(opts.userDataDir, {
    executablePath: ensureChromium(),
    headless: opts.headless ?? true,
    ignoreHTTPSErrors: true,
    args: [...extensionArgs, ...testServerArgs(opts.port), ...(opts.extraArgs ?? [])],
  });
}

/**
 * The same Chromium as a plain browser (no extension, no profile), for pages that need no extension
 * and several contexts, e.g. one per browser language (`browser.newContext({ locale })`).
 */
export function launchPlainChromium(port: number): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: testServerArgs(port) });
}

/** Chromium switches that send every host name to the test server and keep Chromium's own traffic home. */
function testServerArgs(port: number): string[] {
  return [
    // Every hostname goes to the test server, so content-script match patterns
    // and connector base URLs are the real ones.
    `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    // QUIC would bypass our TCP-only server for hosts Chromium believes speak HTTP/3.
    '--disable-quic',
    '--no-first-run',
    // Chromium's own traffic (updates, sync, safe browsing) must not leave loopback.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Stops the extension's service worker, as Chromium does after ~30 s idle, so a
 * test can prove nothing lives only in its memory. Resolves once it has stopped.
 */
export async function stopServiceWorkers(context: BrowserContext, extensionId = knownExtensionId(context)): Promise<void> {
  if (!extensionId) throw new Error('stopServiceWorkers: no extension service worker known; pass the extension id');
  await driveWorkers(context, extensionId, 'stopped', (cdp) => cdp.send('ServiceWorker.stopAllWorkers'));
}

/** Starts the extension's service worker if it is stopped; returns the (reusable) handle. */
export async function wakeServiceWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const scopeURL = `chrome-extension://${extensionId}/`;
  await driveWorkers(context, extensionId, 'running', (cdp) => cdp.send('ServiceWorker.startWorker', { scopeURL }));
  return (
    context.serviceWorkers().find(isExtensionWorker) ??
    (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: WORKER_TIMEOUT_MS }))
  );
}

/**
 * Chrome's id for a tab, read with `chrome.tabs.query` inside the service worker
 * (which must be running). Pass the tab's Page, or a pattern for its URL.
 *
 * A URL pattern only works for tabs whose URL the extension may read (the `tabs`
 * permission or a host permission; content-script matches are not enough).
 * A Page always works: it is brought to the front and identified as the active tab.
 */
export async function getTabId(serviceWorker: Worker, tab: Page | string | RegExp): Promise<number> {
  if (typeof tab === 'string' || tab instanceof RegExp) {
    const tabs = await serviceWorker.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({}));
    const match = tabs.find(({ url }) => url !== undefined && (typeof tab === 'string' ? url.includes(tab) : tab.test(url)));
    if (match?.id !== undefined) return match.id;
    const urls = tabs.map((t) => t.url ?? '(url hidden: no permission)').join(', ');
    throw new Error(`No tab's URL matches ${tab}. Tabs: ${urls}. Pass the tab's Page to getTabId instead.`);
  }
  await tab.bringToFront();
  const [active] = await serviceWorker.evaluate(() =>
    (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({ active: true, lastFocusedWindow: true }),
  );
  if (active?.id === undefined) throw new Error(`No active tab found for ${tab.url()}`);
  if (active.url !== undefined && active.url !== tab.url()) {
    throw new Error(`The active tab is ${active.url}, expected ${tab.url()}`);
  }
  return active.id;
}

/**
 * URLs of Chrome's own side panel documents (opened by `chrome.sidePanel.open`).
 * Playwright does not expose that panel as a Page (CDP lists it, Playwright does not
 * attach), so assert *that* it opened with this, and inspect its content through
 * a pinned copy opened as a tab (`sidepanel.html?tabId=…`).
 */
export async function nativeSidePanelUrls(serviceWorker: Worker): Promise<string[]> {
  const contexts = await serviceWorker.evaluate(() =>
    (globalThis as unknown as ExtensionGlobal).chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }),
  );
  return contexts.flatMap(({ documentUrl }) => (documentUrl ? [documentUrl] : []));
}

/**
 * Sends a `ServiceWorker` CDP command and waits until every version of the
 * extension's worker reports `until`. The CDP session has to hang off a page;
 * we use an extension page (its manifest: always there, no side effects).
 */
async function driveWorkers(
  context: BrowserContext,
  extensionId: string,
  until: 'running' | 'stopped',
  command: (cdp: CDPSession) => Promise<unknown>,
): Promise<void> {
  const origin = `chrome-extension://${extensionId}/`;
  const existing = context.pages().find((page) => page.url().startsWith(origin));
  const page = existing ?? (await context.newPage());
  if (!existing) await page.goto(`${origin}manifest.json`);
  const cdp = await context.newCDPSession(page);
  const statuses = new Map<string, string>(); // versionId → runningStatus
  let timer: NodeJS.Timeout | undefined;
  const reached = new Promise<void>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Service worker of ${extensionId} did not reach "${until}": ${JSON.stringify([...statuses])}`)),
      WORKER_TIMEOUT_MS,
    );
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) if (v.scriptURL.startsWith(origin) && v.status !== 'redundant') statuses.set(v.versionId, v.runningStatus);
      if (statuses.size > 0 && [...statuses.values()].every((status) => status === until)) resolve();
    });
  });
  reached.catch(() => {}); // awaited below; this only keeps an early timeout from being "unhandled"
  try {
    await cdp.send('ServiceWorker.enable'); // replays the current state as events
    await command(cdp);
    await reached;
  } finally {
    clearTimeout(timer);
    await cdp.detach().catch(() => {});
    if (!existing) await page.close(); // leave the tab list as the test arranged it
  }
}

/** Playwright keeps listing a stopped worker, so this works while it is stopped too. */
function knownExtensionId(context: BrowserContext): string | undefined {
  const worker = context.serviceWorkers().find(isExtensionWorker);
  return worker && new URL(worker.url()).host;
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}
