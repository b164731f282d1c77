/**
 * Leadside in a real Firefox (issue 14): the built MV3 extension in Debian's firefox-esr, every
 * hostname answered by the local test server, so match patterns and source addresses are the
 * production ones. The tests run in order on one browser, as one rep's first session would.
 *
 * Firefox's sidebar is browser chrome, out of WebDriver BiDi's reach, and Firefox does not count
 * the pill's click (in the page) as a gesture that may open it. So the pill opens Leadside as the
 * product does then: a small window pinned to the tab (sidepanel.html?tabId=N). That window, and the
 * Insights and Options tabs its links open, are driven here as pages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { registerCrmFixtures } from '../support/crm-fixtures';
import { defaultFirefoxExtensionPath, launchFirefoxWithExtension, pageOpenedBy, waitForText, type FirefoxWithExtension } from '../support/firefox';
import { startTestServer, type TestServer } from '../support/https-server';
import { salesforceRecordUrl } from '../support/pages';
import { serveRestGateway } from '../support/rest-gateway';

const GATEWAY = 'gateway.acme.example';
const TOKEN = 'firefox-token-7c1d';
const REST_LABEL = 'REST gateway (your own service)';

let server: TestServer | undefined;
let started: Promise<FirefoxWithExtension> | undefined;
/** Started by the first test that needs it; a launch failure fails every test with its reason. */
function firefox(): Promise<FirefoxWithExtension> {
  started ??= (async () => {
    server = await startTestServer();
    registerCrmFixtures(server);
    return launchFirefoxWithExtension({ serverPort: server.port });
  })();
  return started;
}

afterAll(async () => {
  await (await started?.catch(() => undefined))?.close();
  await server?.close();
});

/**
 * Clicks what matches `selector` with a real, trusted click through BiDi input. Scrolled into view
 * first: over BiDi, puppeteer clicks at the element's viewport position without scrolling to it.
 */
async function click(page: Page, selector: string, options: { count?: number } = {}): Promise<void> {
  const element = await page.waitForSelector(selector, { visible: true });
  await element!.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  await element!.click(options);
}

async function fill(page: Page, selector: string, value: string): Promise<void> {
  await click(page, selector, { count: 3 });
  const element = await page.waitForSelector(selector);
  await element!.type(value);
}

/**
 * Opens one of Leadside's pages in a new tab, as the panel's Insights and Options links do. The
 * links themselves cannot be used: a link click in the pinned window opens its tab where BiDi
 * reports no new page. So the panel page (an extension page, with the extension's API) asks
 * `tabs.create` for it, the same call Leadside's own toolbar menu makes.
 */
function openExtensionPage(browser: Browser, pagePath: string): Promise<Page> {
  return pageOpenedBy(browser, () => panel.evaluate((url) => (globalThis as unknown as ExtensionGlobal).browser.tabs.create({ url }), pagePath), pagePath);
}

type ExtensionGlobal = { browser: typeof import('wxt/browser').browser };

let crm: Page;
let panel: Page;

describe('Leadside in Firefox', () => {
  it('is built as Manifest V3 with an event page, the sidebar and optional hosts', () => {
    const manifest = JSON.parse(readFileSync(path.join(defaultFirefoxExtensionPath(), 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });

  it('opens beside a Salesforce record served at its real hostname, and shows the brief', async () => {
    const { browser, proxy } = await firefox();
    crm = (await browser.pages())[0] ?? (await browser.newPage());
    await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
    expect(proxy.tunnels).toContain('acme.lightning.force.com:443');

    // The glance pill: its root is closed and it answers only trusted clicks, so click where its
    // "Open brief" button is (left of the 24 px close button, 6 px padding and 8 px gap).
    const pill = await crm.waitForSelector('leadside-glance', { visible: true, timeout: 20_000 });
    const box = (await pill!.boundingBox())!;
    panel = await pageOpenedBy(browser, () => crm.mouse.click(box.x + box.width - 6 - 24 - 8 - 24, box.y + box.height / 2), '/sidepanel.html?tabId=');

    expect(await waitForText(panel, '[data-testid="detected-name"]', 'Priya Raman')).toContain('Priya Raman');
    // The brief itself, not only who was detected: where the lead came from, from the demo source.
    expect((await waitForText(panel, '[data-testid="brief-source"]', '')).trim()).not.toBe('');
    await panel.waitForSelector('[data-testid="suggestion"]', { timeout: 20_000 });
  });

  it('stores a verdict, and Insights counts it', async () => {
    const { browser } = await firefox();
    await click(panel, '[aria-label="Lead verdict"] button::-p-text(Good fit)');
    await waitForText(panel, '[data-testid="verdict-status"]', 'Saved: Good fit');

    const insights = await openExtensionPage(browser, '/insights.html');
    await insights.waitForSelector('[data-testid="quality-by-channel"] tbody tr', { timeout: 20_000 });
    const row = await insights.$$eval('[data-testid="quality-by-channel"] tbody tr', (rows) =>
      rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')).find((cells) => cells[0] === 'Paid search'),
    );
    const headers = await insights.$$eval('[data-testid="quality-by-channel"] thead th', (ths) => ths.map((th) => th.textContent?.trim() ?? ''));
    expect(row?.[headers.indexOf('Leads rated')]).toBe('1');
    expect(row?.[headers.indexOf('Good fit')]).toMatch(/^1 /);
    await insights.close();
  });

  it("grants a source's host from Options and saves the source; Leadside then reaches it", async () => {
    const { browser, proxy } = await firefox();
    serveRestGateway(server!, GATEWAY, { token: TOKEN });
    const options = await openExtensionPage(browser, '/options.html');
    const origin = `https://${GATEWAY}/*`;
    const hasHost = () => options.evaluate((pattern) => (globalThis as unknown as ExtensionGlobal).browser.permissions.contains({ origins: [pattern] }), origin);
    expect(await hasHost()).toBe(false);

    await click(options, 'input[name="source"][value="rest"]');
    await fill(options, 'input[name="baseUrl"]', `https://${GATEWAY}/v1`);
    await fill(options, 'input[name="token"]', TOKEN);
    await click(options, 'button::-p-text(Use this source)');
    await waitForText(options, '[data-testid="source-status"]', `✓ Connected to ${REST_LABEL}`);
    expect(await hasHost()).toBe(true);

    await click(options, 'button::-p-text(Test connection)');
    const checks = await waitForText(options, '[data-testid="connection-checks"]', 'Feedback delivery');
    expect(checks).toContain('✓ Sign-in');
    expect(checks).toContain('✓ Lead lookup');
    expect(proxy.tunnels).toContain(`${GATEWAY}:443`);
    expect(server!.requests.some((request) => request.host === GATEWAY && request.path.startsWith('/v1/'))).toBe(true);
    await options.close();
  });

  it('reports a permission Firefox refuses, in words, and saves nothing', async () => {
    const { browser } = await firefox();
    const options = await openExtensionPage(browser, '/options.html');
    const host = 'crm.refused.example';
    await fill(options, '[data-testid="crm-sites"] input:not([type])', host);
    // Pressed by a script, not a person: Firefox refuses `permissions.request` outside a user's
    // click, as it refuses a request the rep declines. Before issue 14 that refusal was swallowed.
    await options.$eval('[data-testid="crm-sites"] button[type="submit"]', (button) => (button as HTMLButtonElement).click());
    const status = await waitForText(options, '[data-testid="sites-status"]', 'Not added');
    expect(status).toMatch(/Not added: .*(Firefox|browser).*refused|did not allow/i);
    expect(status).toContain(host);
    expect(await options.$eval('[data-testid="crm-sites"]', (section) => section.textContent)).not.toContain(`Remove ${host}`);
    await options.close();
  });
});
