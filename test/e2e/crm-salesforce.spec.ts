/**
 * Salesforce end to end: Lightning (standard app, sandbox host, Person Accounts, the console) and
 * Classic, each served at its real hostname so the content script's real match patterns fire.
 */
import { expect, test } from './fixtures';
import { navigateInApp, SALESFORCE_ORIGIN, salesforceRecordUrl, SidePanel } from '../support/pages';

const SOFIA = { id: '0038d00000Qw3rTAAR', name: 'Sofia Lindqvist', email: 'sofia.lindqvist@nordvik.se', campaign: 'Nordic Security Summit 2026' };
const DANIEL = { id: '0038d00000Dk4MxAAR', name: 'Daniel Kim', email: 'daniel.kim@tandemnotes.app', campaign: 'Customer Newsletter – October' };
const NORDVIK = { id: '0018d00000Nv8kLAAR', name: 'Nordvik Logistics' };
const TANDEM = { id: '0018d00000Tn5NtAAR', name: 'Tandem Notes' };
const recordPath = (object: string, id: string) => `/lightning/r/${object}/${id}/view`;
const consoleUrl = (object: string, id: string, workspace: string) =>
  `${SALESFORCE_ORIGIN}${recordPath(object, id)}?ws=${encodeURIComponent(recordPath('Account', workspace))}`;

test('a Lightning Contact page shows the contact’s brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Contact', SOFIA.id));
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText(SOFIA.name);
  await expect(panel.detectedEmail).toHaveText(SOFIA.email);
  await expect(panel.detectedRecordId).toHaveText(`contact ${SOFIA.id}`);
  await expect(panel.page.getByTestId('detected')).toContainText('Nordvik Logistics');
  await expect(panel.section('brief-source')).toContainText(SOFIA.campaign);
});

test('a sandbox org’s Lightning host is detected', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto('https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ2bEAF/view');
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Marcus Oyelaran');
  await expect(panel.detectedEmail).toHaveText('marcus@brightpath-health.com');
  await expect(panel.detectedRecordId).toContainText('00Q8d00000XyZ2bEAF');
  await expect(panel.section('brief-source')).toContainText('HIPAA Access Controls Webinar – Oct');
});

test('a Person Account is a person; a business Account is reported as the company’s record it is', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  // A business Account first: the account is reported, and nobody on it as a person.
  await crm.goto(`${SALESFORCE_ORIGIN}${recordPath('Account', NORDVIK.id)}`);
  await expect(crm.locator('.oneContent.active records-highlights2 lightning-formatted-name')).toHaveText(NORDVIK.name);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedRecordId).toHaveText(`account ${NORDVIK.id}`);
  await expect(panel.page.getByTestId('state-not-a-person')).toContainText('A company’s record');
  await expect(panel.detectedName).toHaveCount(0);

  // Then, in the app, a Person Account: the same URL shape, but the page shows a person.
  await navigateInApp(crm, recordPath('Account', '0018d00000Pa7KcAAR'));
  await expect(panel.detectedName).toHaveText('Charlotte Dubois');
  await expect(panel.detectedEmail).toHaveText('charlotte.dubois@maison-verel.fr');
  await expect(panel.detectedRecordId).toHaveText('person-account 0018d00000Pa7KcAAR');
  await expect(panel.section('brief-source')).toContainText('Comparison Page Retargeting – LinkedIn');

  // Back to the business Account: the person's brief does not linger under it.
  await navigateInApp(crm, recordPath('Account', NORDVIK.id));
  await expect(panel.detectedRecordId).toHaveText(`account ${NORDVIK.id}`);
  await expect(panel.page.getByTestId('state-not-a-person')).toBeVisible();
  await expect(panel.detectedName).toHaveCount(0);
});

test('in the Lightning console, focusing another workspace’s subtab switches the brief to that person', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(consoleUrl('Contact', SOFIA.id, NORDVIK.id));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText(SOFIA.name);
  await expect(panel.section('brief-source')).toContainText(SOFIA.campaign);

  // Every restored tab's page is in the DOM; only the focused subtab is shown.
  await expect(crm.locator('records-highlights2 lightning-formatted-name', { hasText: DANIEL.name })).toHaveCount(1);
  await expect(crm.locator('records-highlights2 lightning-formatted-name', { hasText: DANIEL.name })).toBeHidden();

  const workspaces = crm.getByRole('tablist', { name: 'Workspaces' });
  await workspaces.getByRole('tab', { name: TANDEM.name }).click();
  await expect(crm).toHaveURL(consoleUrl('Contact', DANIEL.id, TANDEM.id));
  await expect(panel.detectedName).toHaveText(DANIEL.name);
  await expect(panel.detectedEmail).toHaveText(DANIEL.email);
  await expect(panel.detectedRecordId).toContainText(DANIEL.id);
  await expect(panel.section('brief-source')).toContainText(DANIEL.campaign);

  // Within the workspace: its Account subtab (not a person), then back to the contact subtab.
  const subtabs = crm.locator('.oneConsoleTab.active').getByRole('tablist', { name: 'Subtabs' });
  await subtabs.getByRole('tab', { name: TANDEM.name }).click();
  await expect(crm).toHaveURL(`${SALESFORCE_ORIGIN}${recordPath('Account', TANDEM.id)}`);
  await subtabs.getByRole('tab', { name: DANIEL.name }).click();
  await expect(crm).toHaveURL(consoleUrl('Contact', DANIEL.id, TANDEM.id));

  // And back to the first workspace, whose focused subtab is still Sofia.
  await workspaces.getByRole('tab', { name: NORDVIK.name }).click();
  await expect(crm).toHaveURL(consoleUrl('Contact', SOFIA.id, NORDVIK.id));
  await expect(panel.detectedName).toHaveText(SOFIA.name);
  await expect(panel.detectedRecordId).toContainText(SOFIA.id);
  await expect(panel.section('brief-source')).toContainText(SOFIA.campaign);
});

test('a Salesforce Classic lead page is detected, and the next record after a full page load', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto('https://acme.my.salesforce.com/00Q5j00000Lm7Qk?srPos=0&srKp=00Q');
  const panel = new SidePanel(await openSidePanel(crm));

  // Classic prints the salutation in the title ("Mr. Oluwaseun Adeyemi") and links the e-mail
  // to its own composer rather than mailto:.
  await expect(panel.detectedName).toHaveText('Oluwaseun Adeyemi');
  await expect(panel.detectedEmail).toHaveText('seun@trekkafreight.com');
  await expect(panel.detectedRecordId).toHaveText('lead 00Q5j00000Lm7Qk');
  await expect(panel.page.getByTestId('detected')).toContainText('Trekka Freight');
  await expect(panel.section('brief-source')).toContainText('Customer referral program');

  // Classic's 15-character id is not the one marketing stored (18 characters): found by e-mail.
  await crm.getByTestId('recent-00Q8d00000Hk4Lm').click();
  await expect(crm).toHaveURL('https://acme.my.salesforce.com/00Q8d00000Hk4Lm');
  await expect(panel.detectedName).toHaveText('Hannah Keller');
  await expect(panel.detectedEmail).toHaveText('hannah.keller@gruenfeld-maschinenbau.de');
  await expect(panel.detectedRecordId).toContainText('00Q8d00000Hk4Lm');
  await expect(panel.section('brief-source')).toContainText('ISO 27001 – Google Ads DACH');
});
