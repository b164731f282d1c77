import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { salesforceRecordUrl, SidePanel } from '../support/pages';
import { grantSiteAccessInBrowserSettings } from '../support/site-access';
import { serveHubSpotApi, serveMauticApi } from '../support/vendor-apis';

const HUBSPOT_TOKEN = 'pat-na1-5e7b0c2a-test';
const MAUTIC_HOST = 'mautic.keyline.example';

/** HubSpot as the main source, set up in Options the way an admin does. */
async function connectHubSpot(options: Page): Promise<void> {
  await options.getByRole('radio', { name: 'HubSpot' }).check();
  await options.getByLabel('Private app access token').fill(HUBSPOT_TOKEN);
  await options.getByRole('button', { name: 'Use this source' }).click();
  await expect(options.getByTestId('source-status')).toHaveText('✓ Connected to HubSpot');
}

/** Mautic added under "Also read leads from", the way an admin does; returns that section. */
async function addMauticBeside(options: Page, password: string) {
  const extras = options.getByTestId('extra-sources');
  await extras.getByLabel('Add a system').selectOption({ label: 'Mautic' });
  await extras.getByLabel('Mautic URL').fill(`https://${MAUTIC_HOST}`);
  await extras.getByLabel('Mautic user').fill('leadside-api');
  await extras.getByLabel('Password', { exact: true }).fill(password);
  await extras.getByRole('button', { name: 'Add Mautic' }).click();
  await expect(extras.getByTestId('extra-source-status')).toHaveText('✓ Leads are now read from Mautic too');
  return extras;
}

test('HubSpot beside Mautic: one brief from both, each score beside its system, feedback to HubSpot only', async ({ extension, server, openSidePanel }) => {
  const hubspot = serveHubSpotApi(server, HUBSPOT_TOKEN);
  const mautic = serveMauticApi(server, MAUTIC_HOST, 'leadside-api', 's3cret-pass');
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, 'api.hubapi.com');
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, MAUTIC_HOST);
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await connectHubSpot(options);

  const extras = await addMauticBeside(options, 's3cret-pass');
  await expect(extras.getByTestId('extra-source')).toContainText(MAUTIC_HOST);
  await extras.screenshot({ path: 'artifacts/issue15/options-also-read-from.png' });
  // Test connection now checks both systems, each line naming its own.
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByTestId('connection-checks')).toContainText('HubSpot:');
  await expect(options.getByTestId('connection-checks')).toContainText('Mautic:');

  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.page.getByTestId('brief-from')).toHaveText('From HubSpot and Mautic');
  const scores = panel.page.getByTestId('system-score');
  await expect(scores.filter({ hasText: 'Mautic' })).toContainText('Score 87');
  await expect(scores.filter({ hasText: 'HubSpot' })).toBeVisible();
  await panel.page.screenshot({ path: 'artifacts/issue15/panel-hubspot-and-mautic.png', fullPage: true });
  expect(server.requests.some((request) => request.host === MAUTIC_HOST && request.path.includes('/api/contacts'))).toBe(true);

  await panel.giveVerdict('Good fit');
  await expect(panel.page.getByTestId('feedback-item').first()).toHaveAttribute('data-state', 'sent');
  expect(JSON.stringify(hubspot.notes)).toContain('Good fit');
  expect(mautic.notes).toEqual([]);
});

test('one system down: the other still shows, with a note naming the one that could not be read', async ({ extension, server, openSidePanel }) => {
  serveHubSpotApi(server, HUBSPOT_TOKEN);
  // Mautic answers every call with 401: its password was changed.
  serveMauticApi(server, MAUTIC_HOST, 'leadside-api', 'the-new-password');
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, 'api.hubapi.com');
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, MAUTIC_HOST);
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await connectHubSpot(options);
  await addMauticBeside(options, 'the-old-password');

  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.page.getByTestId('brief-from')).toHaveText('From HubSpot');
  await expect(panel.page.getByTestId('system-note')).toContainText('Mautic could not be read');
  await expect(panel.section('brief-problem')).toContainText('first SOC 2 Type II audit in March');
  await panel.page.screenshot({ path: 'artifacts/issue15/panel-mautic-down.png', fullPage: true });
});
