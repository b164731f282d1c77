import { expect, test } from './fixtures';
import { navigateInApp, SidePanel } from '../support/pages';

const ORIGIN = 'https://acme.myfreshworks.com';
const TOMAS = '402174876038';
const CHLOE = '402174876039';

test('a Freshsales contact page shows the contact’s brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/crm/sales/contacts/${TOMAS}`);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Tomás Ferreira');
  await expect(panel.detectedEmail).toHaveText('tomas.ferreira@moedaclara.com.br');
  await expect(panel.detectedRecordId).toHaveText(`contact ${TOMAS}`);
  await expect(panel.page.getByTestId('detected')).toContainText('Moeda Clara');
  await expect(panel.section('brief-source')).toContainText('LinkedIn – Engineering Leaders SOC 2');
});

test('a list view is no record; contacts opened from it and in-app after it are detected, never the hidden one', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/crm/sales/contacts/view/402000000101`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.page.getByTestId('state-no-record')).toBeVisible();

  await crm.getByTestId(`contact-link-${CHLOE}`).click();
  await expect(panel.detectedName).toHaveText('Chloe Martin');
  await expect(panel.detectedRecordId).toHaveText(`contact ${CHLOE}`);
  await expect(panel.section('brief-source')).toContainText('Offboarding Ebook – LinkedIn Lead Gen');

  const states = await panel.recordStates(['detected-record-id', 'detected-name']);

  // Chloe's page stays in the DOM, hidden, while Tomás's renders.
  await navigateInApp(crm, `/crm/sales/contacts/${TOMAS}`);
  const outgoing = crm.locator(`.contact-details-page[data-contact-id="${CHLOE}"]`);
  await expect(outgoing).toHaveCount(1);
  await expect(outgoing).toBeHidden();
  await expect(panel.detectedName).toHaveText('Tomás Ferreira');
  await expect(panel.detectedEmail).toHaveText('tomas.ferreira@moedaclara.com.br');
  await expect(panel.section('brief-source')).toContainText('LinkedIn – Engineering Leaders SOC 2');
  const seen = await states();
  expect(seen.filter((state) => state.includes(TOMAS) && state.includes('Chloe')), 'Tomás’s record under Chloe’s name').toEqual([]);
});

test('a contact on classic freshsales.io marketing does not know shows who was detected', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto('https://acme.freshsales.io/contacts/402174876040');
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Sam Okoro');
  await expect(panel.detectedEmail).toHaveText('nobody@unknown-co.example');
  await expect(panel.detectedRecordId).toHaveText('contact 402174876040');
  await expect(panel.page.getByTestId('state-not-found')).toContainText('Not in marketing data');
});
