import { expect, test } from './fixtures';
import { SidePanel } from '../support/pages';

/** See test/fixtures/crm/zoho.html: org20071882 is on the EU data centre, org20089364 on the US one. */
const EU_LEADS = 'https://crm.zoho.eu/crm/org20071882/tab/Leads';
const US = 'https://crm.zoho.com/crm';
const HANNAH = '5725767000000411001'; // a lead whose Salutation is "Dr."
const NOAH = '5725767000000411017';
const DANIEL = '4876876000000333001'; // a contact

test('a Leads record on crm.zoho.eu shows the lead and their brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${EU_LEADS}/${HANNAH}`);
  const panel = new SidePanel(await openSidePanel(crm));

  // Zoho's header reads "Dr. Hannah Keller"; marketing knows her without the salutation.
  await expect(panel.detectedName).toHaveText('Hannah Keller');
  await expect(panel.detectedEmail).toHaveText('hannah.keller@gruenfeld-maschinenbau.de');
  await expect(panel.detectedRecordId).toHaveText(`lead ${HANNAH}`);
  await expect(panel.page.getByTestId('detected')).toContainText('Grünfeld Maschinenbau');
  await expect(panel.section('brief-source')).toContainText('ISO 27001 – Google Ads DACH');
});

test('a Contacts record on crm.zoho.com (URL without the org) shows the contact and their brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${US}/tab/Contacts/${DANIEL}`);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Daniel Kim');
  await expect(panel.detectedEmail).toHaveText('daniel.kim@tandemnotes.app');
  await expect(panel.detectedRecordId).toHaveText(`contact ${DANIEL}`);
  await expect(panel.page.getByTestId('detected')).toContainText('Tandem Notes');
  await expect(panel.section('brief-source')).toContainText('Customer Newsletter – October');
});

test('stepping to the next lead, which Zoho renders in place, never shows the previous lead for it', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${EU_LEADS}/${HANNAH}`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.section('brief-source')).toContainText('ISO 27001 – Google Ads DACH');

  const states = await panel.recordStates(['detected-record-id', 'detected-name', 'brief-source']);
  // Zoho keeps Hannah's page on screen for a moment under Noah's URL, then updates it in place.
  await crm.getByTestId('next-record').click();
  await expect(crm).toHaveURL(`${EU_LEADS}/${NOAH}`);
  await expect(panel.detectedName).toHaveText('Noah Fischer');
  await expect(panel.detectedRecordId).toContainText(NOAH);
  await expect(panel.section('brief-source')).toContainText('Review site listing');

  const seen = await states();
  const mixed = seen.filter((state) => state.includes(NOAH) && (state.includes('Hannah') || state.includes('ISO 27001')));
  expect(mixed, 'Noah’s record shown with Hannah’s data').toEqual([]);
});

test('a list view is not a record; opening a lead from it is', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${US}/org20089364/tab/Leads/custom-view/5725767000000087501/list`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.page.getByTestId('state-no-record')).toBeVisible();

  // The list stays in the DOM, hidden, with everyone's e-mail in it.
  await crm.getByTestId('record-link-4876876000000411099').click();
  await expect(panel.detectedName).toHaveText('Morgan Blythe');
  await expect(panel.detectedEmail).toHaveText('nobody@unknown-co.example');
  await expect(panel.page.getByTestId('state-not-found')).toContainText('Not in marketing data');
});
