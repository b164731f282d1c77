import { expect, test } from './fixtures';
import { salesforceRecordUrl, SidePanel } from '../support/pages';
import { grantSiteAccessInBrowserSettings } from '../support/site-access';
import { serveHubSpotApi, serveMauticApi } from '../support/vendor-apis';

const HUBSPOT_TOKEN = 'pat-na1-5e7b0c2a-test';
const MAUTIC_HOST = 'mautic.keyline.example';

test('HubSpot configured in options: a Salesforce lead shows its HubSpot history, and feedback becomes a HubSpot note', async ({
  extension,
  server,
  openSidePanel,
}) => {
  const hubspot = serveHubSpotApi(server, HUBSPOT_TOKEN);
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, 'api.hubapi.com');
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('radio', { name: 'HubSpot' }).check();
  await options.getByLabel('Private app access token').fill(HUBSPOT_TOKEN);
  await options.getByLabel('Property with their preferred channel').fill('preferred_contact_method');
  await options.getByLabel('Property with their best time to call', { exact: false }).fill('best_time_to_call');
  await options.getByLabel('HubDB table with sales content (optional)').fill('5729341');
  // The score: the HubSpot score unless the admin names their lead scoring tool's property.
  await expect(options.getByLabel('Score property', { exact: false })).toHaveAttribute('placeholder', 'hubspotscore');
  await options.getByRole('button', { name: 'Use this source' }).click();
  await expect(options.getByTestId('source-status')).toHaveText('✓ Connected to HubSpot');
  await options.screenshot({ path: 'artifacts/options/hubspot-source.png', fullPage: true });
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByTestId('connection-checks')).toContainText('✓ Sign-in');

  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.section('brief-source')).toContainText('Q3 SOC 2 Readiness – Google Ads');
  // The latest touch and the page views exist only in HubSpot's answer, not in the demo data.
  await expect(panel.section('brief-source')).toContainText('SOC 2 Countdown');
  await expect(panel.section('brief-problem')).toContainText('first SOC 2 Type II audit in March');
  await expect(panel.section('brief-pages').getByTestId('visit').first()).toBeVisible();
  expect(server.requests.some((request) => request.host === 'api.hubapi.com' && request.path.startsWith('/crm/v3/objects/contacts/search'))).toBe(true);

  await panel.giveVerdict('Demo booked');
  await expect(panel.page.getByTestId('feedback-item').first()).toHaveAttribute('data-state', 'sent');
  expect(JSON.stringify(hubspot.notes)).toContain('Demo booked');
  expect(JSON.stringify(hubspot.notes)).toMatch(/leadside-id: [0-9a-f-]{36}/);
});

test('Mautic configured in options: a HubSpot contact page shows the Mautic history', async ({ extension, server, openSidePanel }) => {
  serveMauticApi(server, MAUTIC_HOST, 'leadside-api', 's3cret-pass');
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, MAUTIC_HOST);
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('radio', { name: 'Mautic' }).check();
  await options.getByLabel('Mautic URL').fill(`https://${MAUTIC_HOST}`);
  await options.getByLabel('Mautic user').fill('leadside-api');
  await options.getByLabel('Password', { exact: true }).fill('s3cret-pass');
  await options.getByRole('button', { name: 'Use this source' }).click();
  await expect(options.getByTestId('source-status')).toHaveText('✓ Connected to Mautic');

  const crm = await extension.context.newPage();
  await crm.goto('https://app.hubspot.com/contacts/4815162/record/0-1/51001');
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Priya Raman');
  await expect(panel.section('brief-source')).toContainText('soc2-readiness-q3');
  await expect(panel.section('brief-pages').getByTestId('visit').first()).toBeVisible();
  expect(server.requests.some((request) => request.host === MAUTIC_HOST && request.path.includes('/api/contacts'))).toBe(true);
});

test('a wrong HubSpot token is reported by Test connection with HubSpot’s own words', async ({ extension, server }) => {
  serveHubSpotApi(server, 'the-right-token');
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, 'api.hubapi.com');
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('radio', { name: 'HubSpot' }).check();
  await options.getByLabel('Private app access token').fill('a-wrong-token');
  await options.getByRole('button', { name: 'Use this source' }).click();
  await options.getByRole('button', { name: 'Test connection' }).click();
  const checks = options.getByTestId('connection-checks');
  await expect(checks).toContainText('✗ Sign-in');
  await expect(checks).toContainText('401');
  await expect(checks).not.toContainText('a-wrong-token');
});
