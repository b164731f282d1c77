/**
 * Runs Debian's Firefox ESR with the built extension over WebDriver BiDi (puppeteer-core), wired to
 * the local test server through test/support/firefox-proxy.ts (see DESIGN.md, "Firefox"). Like
 * test/support/chromium.ts, it never downloads a browser build: it uses the system package and
 * installs it with apt-get only when running as root on Debian.
 *
 * What BiDi allows, verified with Firefox 153 ESR + puppeteer-core 25.16:
 * - `browser.installExtension(dir)` loads the unpacked build as a temporary add-on.
 * - A page cannot be navigated to moz-extension:// ("not allowed in this context"), and pages the
 *   extension opens report their URL as about:blank. They are still ordinary pages to drive: find
 *   them as the new page that appears after a click (`pageOpenedBy`) and evaluate in them.
 * - Neither the sidebar nor the toolbar button is reachable (they are browser chrome, not content).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { startLoopbackProxy, type LoopbackProxy } from './firefox-proxy';

const KNOWN_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
export const FIREFOX_ADDON_ID = 'leadside@leadside.example'; // browser_specific_settings.gecko.id
/** Pinned with `extensions.webextensions.uuids`, so the extension's origin is known before launch. */
export const FIREFOX_EXTENSION_UUID = '6f2b3c1e-5d4a-4b8e-9c7f-1a2b3c4d5e6f';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
const LAUNCH_TIMEOUT_MS = 90_000; // a cold Firefox start takes ~25 s on a busy 2-core machine

export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  return [...(fromEnv ? [fromEnv] : []), ...KNOWN_PATHS].find((file) => existsSync(file));
}

/** Returns a Firefox path, installing Debian's firefox-esr first when we are allowed to. */
export function ensureFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv && !existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file exists there.`);
  const found = findFirefox();
  if (found) return found;

  const isRoot = process.getuid?.() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (!isRoot || !isDebian) {
    throw new Error(
      'Firefox was not found (looked at $FIREFOX_PATH, ' + KNOWN_PATHS.join(', ') + ').\n' +
        (isDebian ? 'Install it with:  sudo apt-get install -y firefox-esr\n' : 'Install Firefox (ESR 142 or later) with your system package manager.\n') +
        'Or point to an existing binary:  export FIREFOX_PATH=/path/to/firefox',
    );
  }
  console.log('Firefox not found; installing the Debian package firefox-esr (running as root)…');
  for (const args of [['update'], ['install', '-y', 'firefox-esr']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`\`apt-get ${args.join(' ')}\` failed (${result.error?.message ?? `exit code ${result.status}`}).`);
  }
  const installed = findFirefox();
  if (!installed) throw new Error('apt-get installed firefox-esr, but no binary appeared at ' + KNOWN_PATHS.join(', '));
  return installed;
}

export function defaultFirefoxExtensionPath(): string {
  return path.resolve(process.env.LEADSIDE_FIREFOX_EXTENSION_PATH ?? '.output/firefox-mv3');
}

export interface FirefoxWithExtension {
  browser: Browser;
  proxy: LoopbackProxy;
  close(): Promise<void>;
}

/**
 * Firefox (headless) with the built extension installed, every hostname answered by the test server
 * on `serverPort`, and optional host permissions granted without a prompt (the prompt is browser
 * chrome, which BiDi cannot click; `extensions.webextOptionalPermissionPrompts` is Firefox's own
 * switch for that). `permissions.request` still refuses a call made outside a user's click.
 */
export async function launchFirefoxWithExtension(opts: { serverPort: number; extensionPath?: string }): Promise<FirefoxWithExtension> {
  const extensionPath = path.resolve(opts.extensionPath ?? defaultFirefoxExtensionPath());
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionPath} (manifest.json missing). Run \`npx wxt build -b firefox\` or set LEADSIDE_FIREFOX_EXTENSION_PATH.`);
  }
  const executablePath = ensureFirefox();
  const proxy = await startLoopbackProxy(opts.serverPort);
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      acceptInsecureCerts: true, // the test server's certificate is self-signed
      timeout: LAUNCH_TIMEOUT_MS,
      protocolTimeout: LAUNCH_TIMEOUT_MS,
      extraPrefsFirefox: {
        // Every connection, to any host and port, goes through the loopback proxy to the test server,
        // Firefox's own background traffic included; the proxy itself only ever dials 127.0.0.1.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.socks_remote_dns': true,
        'network.http.http3.enable': false, // QUIC would not go through an HTTP proxy
        'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
  } catch (error) {
    await proxy.close();
    throw new Error(`Firefox (${executablePath}) did not start under WebDriver BiDi: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const id = await browser.installExtension(extensionPath);
    if (id !== FIREFOX_ADDON_ID) throw new Error(`Installed add-on id is ${id}, expected ${FIREFOX_ADDON_ID} (browser_specific_settings.gecko.id)`);
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw new Error(`Firefox refused the extension at ${extensionPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const running = browser;
  return {
    browser: running,
    proxy,
    async close() {
      await running.close().catch(() => undefined);
      await proxy.close();
    },
  };
}

/**
 * Runs `act` and returns the page it opened (a tab or a window). Extension pages report about:blank
 * as their URL over BiDi, so the page is known by being new, and checked by its own `location`.
 */
export async function pageOpenedBy(browser: Browser, act: () => Promise<unknown>, expectedPath: string, timeout = 20_000): Promise<Page> {
  const before = new Set<Target>(browser.targets());
  const opened = browser.waitForTarget((target) => target.type() === 'page' && !before.has(target), { timeout });
  await act();
  const page = await (await opened).page();
  if (!page) throw new Error(`A target opened for ${expectedPath}, but it is not a page`);
  await page.waitForFunction((prefix) => location.href.startsWith(prefix) && document.readyState === 'complete', { timeout }, `${FIREFOX_EXTENSION_ORIGIN}${expectedPath}`);
  return page;
}

/** The text of the element matching `selector` once it contains `text` (waits; fails with what it saw). */
export async function waitForText(page: Page, selector: string, text: string, timeout = 20_000): Promise<string> {
  try {
    await page.waitForFunction((sel, expected) => document.querySelector(sel)?.textContent?.includes(expected) ?? false, { timeout }, selector, text);
  } catch {
    const seen = await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '(no such element)', selector).catch(() => '(page gone)');
    throw new Error(`${selector} never showed "${text}" within ${timeout / 1000} s; it shows: ${seen}`);
  }
  return page.$eval(selector, (element) => element.textContent ?? '');
}
