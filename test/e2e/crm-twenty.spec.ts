import { expect, test } from './fixtures';
import { navigateInApp, SidePanel } from '../support/pages';

const HANNAH = '5b0e6a2c-8d41-4f3e-9c7a-2e1f0d9b8a71';
const ARJUN = 'a3c9e7d1-4b2f-4e8a-b6d5-0f1e2d3c4b5a';
const NOOR = 'e8f7d6c5-b4a3-4921-8f0e-1d2c3b4a5968';

test('a person on a Twenty workspace subdomain shows their brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`https://acme.twenty.com/object/person/${HANNAH}`);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Hannah Keller');
  await expect(panel.detectedEmail).toHaveText('hannah.keller@gruenfeld-maschinenbau.de');
  await expect(panel.detectedRecordId).toHaveText(`person ${HANNAH}`);
  await expect(panel.page.getByTestId('detected')).toContainText('Grünfeld Maschinenbau');
  await expect(panel.section('brief-source')).toContainText('ISO 27001 – Google Ads DACH');
});

test('on app.twenty.com the People list is no record, and opening a row detects that person', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto('https://app.twenty.com/objects/people');
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.page.getByTestId('state-no-record')).toBeVisible();

  await crm.getByTestId(`record-link-${ARJUN}`).click();
  await expect(crm).toHaveURL(`https://app.twenty.com/object/person/${ARJUN}`);
  await expect(panel.detectedName).toHaveText('Arjun Mehta');
  // Twenty lists the primary address first; the additional one is not who marketing knows.
  await expect(panel.detectedEmail).toHaveText('arjun.mehta@tijorifinance.in');
  await expect(panel.detectedRecordId).toContainText(ARJUN);
  await expect(panel.section('brief-source')).toContainText('Q3 SOC 2 Readiness – Google Ads');

  // The company's page is a record page too, but not a person: the panel says so and leaves the person.
  await crm.getByTestId('company-chip').click();
  await expect(panel.page.getByTestId('state-not-a-person')).toContainText('A company’s record');
  await expect(panel.detectedName).toHaveCount(0);
});

test('switching people in-app switches the brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`https://acme.twenty.com/object/person/${ARJUN}`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.section('brief-source')).toContainText('Q3 SOC 2 Readiness – Google Ads');

  await navigateInApp(crm, `/object/person/${HANNAH}`);
  await expect(panel.detectedName).toHaveText('Hannah Keller');
  await expect(panel.detectedRecordId).toContainText(HANNAH);
  await expect(panel.section('brief-source')).toContainText('ISO 27001 – Google Ads DACH');
  await expect(panel.section('brief-source')).not.toContainText('Q3 SOC 2 Readiness');
});

test('a Twenty person marketing does not know shows who was detected', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`https://acme.twenty.com/object/person/${NOOR}`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Noor Vance');
  await expect(panel.detectedEmail).toHaveText('nobody@unknown-co.example');
  await expect(panel.page.getByTestId('state-not-found')).toContainText('Not in marketing data');
});
