import { expect, test } from './fixtures';
import { navigateInApp, SidePanel } from '../support/pages';

/** See test/fixtures/crm/hubspot.html: portal 4815162 lives on app.hubspot.com, 26401337 on app-eu1. */
const US = 'https://app.hubspot.com/contacts/4815162';
const EU = 'https://app-eu1.hubspot.com/contacts/26401337';
const PRIYA = '51001'; // marketing knows her HubSpot id
const MARCUS = '88001'; // marketing knows only his e-mail
const SIOBHAN = '77502';
const QUINN = '90001'; // not in the demo data

test('a contact on app.hubspot.com shows the person from the record page and their brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${US}/record/0-1/${MARCUS}/view/1`);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Marcus Oyelaran');
  await expect(panel.detectedEmail).toHaveText('marcus@brightpath-health.com');
  await expect(panel.detectedRecordId).toHaveText(`contact ${MARCUS}`);
  // The primary company, not the second association.
  await expect(panel.page.getByTestId('detected')).toContainText('BrightPath Health');
  await expect(panel.page.getByTestId('detected')).not.toContainText('BrightPath Clinics Group');
  await expect(panel.section('brief-source')).toContainText('HIPAA Access Controls Webinar – Oct');
});

test('a contact on the EU data centre (app-eu1.hubspot.com) is detected', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${EU}/record/0-1/${SIOBHAN}`);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Siobhan Murphy');
  await expect(panel.detectedEmail).toHaveText('siobhan.murphy@kestrelmedia.ie');
  await expect(panel.detectedRecordId).toContainText(SIOBHAN);
  await expect(panel.section('brief-source')).toContainText('Access Reviews – Bing Ads');
});

test('switching contacts in-app switches the panel and never shows the first contact’s brief for the second', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${US}/record/0-1/${PRIYA}`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Priya Raman');
  await expect(panel.section('brief-source')).toContainText('Q3 SOC 2 Readiness – Google Ads');

  const states = await panel.recordStates(['detected-record-id', 'detected-name', 'brief-source']);
  const marker = await crm.evaluate(() => (window.__marker = String(Math.random())));
  await navigateInApp(crm, `/contacts/4815162/record/0-1/${MARCUS}`);

  await expect(panel.detectedName).toHaveText('Marcus Oyelaran');
  await expect(panel.detectedRecordId).toContainText(MARCUS);
  await expect(panel.section('brief-source')).toContainText('HIPAA Access Controls Webinar – Oct');
  expect(await crm.evaluate(() => window.__marker), 'the CRM page reloaded').toBe(marker);

  const seen = await states();
  const mixed = seen.filter((state) => state.includes(MARCUS) && (state.includes('Priya') || state.includes('Q3 SOC 2 Readiness')));
  expect(mixed, 'Marcus’s record shown with Priya’s data').toEqual([]);
  expect(seen.some((state) => state.includes(MARCUS))).toBe(true);
});

test('the legacy /contacts/<portal>/contact/<id> URL is a contact record too', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${US}/contact/${PRIYA}`);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Priya Raman');
  await expect(panel.detectedEmail).toHaveText('priya.raman@ledgerly.io');
  await expect(panel.detectedRecordId).toHaveText(`contact ${PRIYA}`);
  await expect(panel.section('brief-source')).toContainText('Q3 SOC 2 Readiness – Google Ads');
});

test('a contact marketing does not know shows who was detected; a company record is not a person', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${US}/record/0-1/${QUINN}`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Quinn Harlow');
  await expect(panel.detectedEmail).toHaveText('nobody@unknown-co.example');
  await expect(panel.page.getByTestId('detected')).toContainText('Unknown Co');
  await expect(panel.page.getByTestId('state-not-found')).toContainText('Not in marketing data');

  // The association card links the company (object 0-2): a record, but not a person, and the panel
  // says so rather than "not a record page", and leaves the person.
  await crm.getByRole('link', { name: 'Unknown Co' }).click();
  await expect(crm).toHaveURL(`${US}/record/0-2/7009`);
  await expect(panel.page.getByTestId('state-not-a-person')).toContainText('A company’s record');
  await expect(panel.detectedRecordId).toHaveText('company 7009');
  await expect(panel.detectedName).toHaveCount(0);
});
