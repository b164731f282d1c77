import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { navigateInApp, SidePanel } from '../support/pages';

const HOST = 'crm.acme.example';

/**
 * Grants Leadside access to a host through the browser's own extension settings (chrome://extensions,
 * "Site access → On specific sites → Add a site"), as an admin would. Headless Chromium cannot show
 * the permission prompt, but once the user has granted the host there, `permissions.request` for it
 * resolves true without one, so the options page's own flow runs unchanged.
 */
async function grantSiteAccessInBrowserSettings(context: BrowserContext, extensionId: string, host: string) {
  const settings = await context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate(
    async ([id, origin]) => {
      const developerPrivate = (window as unknown as { chrome: { developerPrivate: Record<string, (...args: unknown[]) => Promise<void>> } }).chrome
        .developerPrivate;
      await developerPrivate.updateExtensionConfiguration!({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
      await developerPrivate.addHostPermission!(id, origin);
    },
    [extensionId, `https://${host}/*`],
  );
  await settings.close();
}

test('a custom CRM host added in options detects its records; removing it revokes access', async ({ extension, openSidePanel }) => {
  const { context, extensionId } = extension;
  await grantSiteAccessInBrowserSettings(context, extensionId, HOST);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Add a site: host').fill('https://crm.acme.example/people');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByTestId('sites-status')).toContainText('Not added: host: Enter a host name like crm.example.com');

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
