/**
 * Proves the e2e harness itself: the extension loads, the fake Salesforce is served
 * at its real hostname over HTTPS and behaves like Lightning (late render, open
 * shadow root, pushState navigation that keeps old pages hidden in the DOM), and
 * the service-worker and restart helpers work.
 */
import { stopServiceWorkers, wakeServiceWorker } from '../support/launch';
import { expect, SALESFORCE_ORIGIN, test } from './fixtures';

const PRIYA = { id: '00Q8d00000XyZ1aEAF', name: 'Priya Raman', email: 'priya.raman@ledgerly.io' };
const MARCUS = { id: '00Q8d00000XyZ2bEAF', name: 'Marcus Oyelaran' };
const leadUrl = (id: string) => `${SALESFORCE_ORIGIN}/lightning/r/Lead/${id}/view`;
const recordName = 'records-highlights2 h1 slot[name="primaryField"] lightning-formatted-name';

test('the extension loads with a service worker', async ({ extension }) => {
  expect(extension.extensionId).toMatch(/^[a-p]{32}$/);
  expect(extension.serviceWorker.url()).toMatch(new RegExp(`^chrome-extension://${extension.extensionId}/`));
});

test('a Lightning record page is served over HTTPS at its real hostname and renders late', async ({ page, server }) => {
  // Whether the spinner was ever on the page, noted by the page itself: on a busy machine the record
  // may have rendered by the time goto() resolves, so looking for the spinner afterwards would race.
  await page.addInitScript(() => {
    new MutationObserver((_changes, observer) => {
      if (!document.querySelector('.oneContent.active .slds-spinner')) return;
      document.documentElement.dataset.sawSpinner = 'yes';
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true });
  });
  const response = await page.goto(leadUrl(PRIYA.id));
  expect(response?.status()).toBe(200);
  expect((await response?.securityDetails())?.protocol).toMatch(/^TLS/);
  expect(page.url()).toBe(leadUrl(PRIYA.id));
  expect(server.requests).toContainEqual({ host: 'acme.lightning.force.com', method: 'GET', path: `/lightning/r/Lead/${PRIYA.id}/view` });

  const active = page.locator('.oneContent.active');
  await expect(active.locator(recordName)).toHaveText(PRIYA.name);
  await expect(page.locator('html')).toHaveAttribute('data-saw-spinner', 'yes');
  await expect(active.locator('.slds-spinner')).toHaveCount(0);
  await expect(page).toHaveTitle(`${PRIYA.name} | Lead | Salesforce`);

  // The details live in an open shadow root: Playwright's CSS pierces it, the DOM API does not.
  await expect(active.locator('records-record-layout-item[field-label="Email"] a[href^="mailto:"]')).toHaveText(PRIYA.email);
  expect(await page.evaluate(() => document.querySelector('records-record-layout-item'))).toBeNull();
});

test('in-app navigation uses pushState: no reload, previous page kept but hidden', async ({ page, server }) => {
  await page.goto(leadUrl(PRIYA.id));
  await expect(page.locator(recordName)).toHaveText(PRIYA.name);
  await page.evaluate(() => (window.__marker = 'same document'));

  await page.getByTestId('nav-leads').click();
  await expect(page).toHaveURL(`${SALESFORCE_ORIGIN}/lightning/o/Lead/list`);
  await page.getByTestId(`record-link-${MARCUS.id}`).click();
  await expect(page).toHaveURL(leadUrl(MARCUS.id));
  await expect(page.locator(`.oneContent.active ${recordName}`)).toHaveText(MARCUS.name);

  expect(await page.evaluate(() => window.__marker)).toBe('same document');
  expect(server.requests.filter((r) => r.path.startsWith('/lightning/'))).toHaveLength(1);
  const priyaPage = page.locator(`[data-fixture-page="record:${PRIYA.id}"]`);
  await expect(priyaPage).toHaveCount(1);
  await expect(priyaPage).toBeHidden();

  // Back twice (popstate): cached pages come back without a new render.
  await page.goBack();
  await expect(page.getByTestId(`record-link-${MARCUS.id}`)).toBeVisible();
  await page.goBack();
  await expect(priyaPage).toBeVisible();
  await expect(page.locator(`.oneContent.active ${recordName}`)).toHaveText(PRIYA.name);
  expect(await page.evaluate(() => window.__marker)).toBe('same document');
});

test('the fixture covers a Contact and a Lead without email', async ({ page }) => {
  await page.goto(`${SALESFORCE_ORIGIN}/lightning/page/home`);
  const active = page.locator('.oneContent.active');

  await page.evaluate(() => window.__fixtureNavigate('/lightning/r/0038d00000Qw3rTAAR/view'));
  await expect(page).toHaveURL(`${SALESFORCE_ORIGIN}/lightning/r/Contact/0038d00000Qw3rTAAR/view`); // rewritten like Lightning does
  await expect(active.locator(recordName)).toHaveText('Sofia Lindqvist');
  await expect(active.locator('records-record-layout-item[field-label="Account Name"] a')).toHaveText('Nordvik Logistics');

  await page.evaluate(() => window.__fixtureNavigate('/lightning/r/Lead/00Q8d00000NoEmaiL1/view'));
  await expect(active.locator(recordName)).toHaveText('Alex Moreno');
  await expect(active.locator('records-record-layout-item[field-label="Email"]')).toHaveCount(1);
  await expect(active.locator('records-record-layout-item[field-label="Email"] a')).toHaveCount(0);
  await expect(active.locator('records-record-layout-item[field-label="Company"]')).toContainText('Quantive');
});

test('unknown hosts get a clear 404 from the test server', async ({ page }) => {
  const response = await page.goto('https://nowhere.example/some/path');
  expect(response?.status()).toBe(404);
  await expect(page.locator('body')).toContainText('no route for host "nowhere.example"');
});

test('openSidePanel pins the panel to the CRM tab', async ({ page, openSidePanel }) => {
  await page.goto(leadUrl(PRIYA.id));
  const panel = await openSidePanel(page);
  expect(panel.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/sidepanel\.html\?tabId=\d+$/);
});

test('a stopped service worker restarts with empty globals', async ({ extension }) => {
  const { context, extensionId, serviceWorker } = extension;
  await serviceWorker.evaluate(() => ((globalThis as { probe?: number }).probe = 42));
  await stopServiceWorkers(context, extensionId);
  const fresh = await wakeServiceWorker(context, extensionId);
  expect(await fresh.evaluate(() => (globalThis as { probe?: number }).probe)).toBeUndefined();
});

test('restartBrowser keeps the profile and the extension id', async ({ page, extension, restartBrowser }) => {
  const idBefore = extension.extensionId;
  await page.goto(`${SALESFORCE_ORIGIN}/lightning/page/home`);
  await page.evaluate(() => localStorage.setItem('survives', 'yes'));

  const restarted = await restartBrowser();
  expect(restarted.extensionId).toBe(idBefore);
  const newPage = restarted.context.pages()[0] ?? (await restarted.context.newPage());
  await newPage.goto(`${SALESFORCE_ORIGIN}/lightning/page/home`);
  expect(await newPage.evaluate(() => localStorage.getItem('survives'))).toBe('yes');
});
