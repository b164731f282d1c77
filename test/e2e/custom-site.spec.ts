import { expect, test } from './fixtures';
import { navigateInApp, SidePanel } from '../support/pages';
import { grantSiteAccessInBrowserSettings } from '../support/site-access';

const HOST = 'crm.acme.example';
/** A person in the Twenty fixture (test/fixtures/crm/twenty.html). */
const TWENTY_HANNAH = '5b0e6a2c-8d41-4f3e-9c7a-2e1f0d9b8a71';

test('a custom CRM host added in options detects its records; removing it revokes access', async ({ extension, openSidePanel }) => {
  const { context, extensionId } = extension;
  await grantSiteAccessInBrowserSettings(context, extensionId, HOST);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Add a site: host').fill('https://crm.acme.example/people');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByTestId('sites-status')).toContainText('Not added: Host: enter a host name like crm.example.com');

  await options.getByLabel('Add a site: host').fill(HOST);
  await options.getByLabel('Record path pattern').fill('/people/:id');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByTestId('sites-status')).toHaveText(`✓ Added ${HOST}`);

  const crm = await context.newPage();
  await crm.goto(`https://${HOST}/people/881`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Priya Raman');
  await expect(panel.detectedEmail).toHaveText('priya.raman@ledgerly.io');
  await expect(panel.detectedRecordId).toContainText('881');
  await expect(panel.section('brief-source')).toContainText('Q3 SOC 2 Readiness – Google Ads');

  await navigateInApp(crm, '/people/882');
  await expect(panel.detectedName).toHaveText('Kenji Watanabe');

  await options.getByRole('button', { name: `Remove ${HOST}` }).click();
  await expect(options.getByTestId('sites-status')).toContainText(`✓ Removed ${HOST}`);
  const stillGranted = await options.evaluate(
    (origin) => (globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }).chrome.permissions.contains({ origins: [origin] }),
    `https://${HOST}/*`,
  );
  expect(stillGranted).toBe(false);

  const after = await context.newPage();
  await after.goto(`https://${HOST}/people/881`);
  await expect(after.getByRole('heading', { name: 'Priya Raman' })).toBeVisible();
  const afterPanel = new SidePanel(await openSidePanel(after));
  await expect(afterPanel.page.getByTestId('state-no-record')).toBeVisible();
});

test('a self-hosted Twenty added in options is read like Twenty Cloud', async ({ extension, server, openSidePanel }) => {
  const host = 'crm.northwind.example';
  server.serveFixture(host, 'twenty.html');
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, host);

  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByLabel('Add a site: host').fill(host);
  await options.getByLabel('Kind').selectOption('twenty');
  await expect(options.getByLabel('Record path pattern')).toHaveCount(0);
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByTestId('sites-status')).toHaveText(`✓ Added ${host}`);

  const crm = await extension.context.newPage();
  await crm.goto(`https://${host}/object/person/${TWENTY_HANNAH}`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Hannah Keller');
  await expect(panel.detectedRecordId).toContainText(TWENTY_HANNAH);
});
