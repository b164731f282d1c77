import { expect, test } from './fixtures';
import { navigateInApp, SidePanel } from '../support/pages';

const ORIGIN = 'https://acme.capsulecrm.com';

test('a person party on Capsule shows their brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/party/80011201`);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Siobhan Murphy');
  await expect(panel.detectedEmail).toHaveText('siobhan.murphy@kestrelmedia.ie');
  await expect(panel.detectedRecordId).toHaveText('person 80011201');
  await expect(panel.page.getByTestId('detected')).toContainText('Kestrel Media Group');
  await expect(panel.section('brief-source')).toContainText('Access Reviews – Bing Ads');
});

test('an organisation party is reported as the organisation it is, never as a person; the panel then follows to the next person', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/party/80011201`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Siobhan Murphy');
  const seen = await panel.recordStates(['detected-record-id']);

  // Same URL shape, but the organisation's page (with its own e-mail and its people's e-mails).
  await crm.getByTestId('organisation-link').click();
  await expect(crm).toHaveURL(`${ORIGIN}/party/80011200`);
  await expect(crm.getByTestId('party-page')).toContainText('People');
  // A record is a record: the party is reported at once, and the page refines it to an organisation,
  // which the panel names as such, with no person.
  await expect(panel.detectedRecordId).toHaveText('organisation 80011200');
  await expect(panel.page.getByTestId('state-not-a-person')).toContainText('A company’s record');
  await expect(panel.detectedName).toHaveCount(0);

  await navigateInApp(crm, '/party/80011301');
  await expect(panel.detectedName).toHaveText('Diego Ramírez');
  await expect(panel.detectedRecordId).toHaveText('person 80011301');
  await expect(panel.section('brief-source')).toContainText('SOC 2 LatAm – Google Ads');
  expect((await seen()).filter((state) => state.includes('person 80011200')), 'the organisation reported as a person').toEqual([]);
});

test('an organisation opened directly is reported as an organisation, never as a person', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/party/80011300?advanced`);
  await expect(crm.getByTestId('party-page')).toContainText('Rutamax');
  const panel = new SidePanel(await openSidePanel(crm));
  const seen = await panel.recordStates(['detected-record-id']);
  await expect(panel.detectedRecordId).toHaveText('organisation 80011300');
  await expect(panel.page.getByTestId('state-not-a-person')).toContainText('A company’s record');

  // Its people are listed with their e-mails; one of them is the next person opened.
  await crm.getByRole('link', { name: 'Diego Ramírez' }).click();
  await expect(panel.detectedName).toHaveText('Diego Ramírez');
  expect((await seen()).filter((state) => state.includes('person 80011300')), 'the organisation reported as a person').toEqual([]);
});

test('a Capsule person marketing does not know, with no organisation, shows who was detected', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/party/80011401`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Quinn Ashby');
  await expect(panel.detectedEmail).toHaveText('nobody@unknown-co.example');
  await expect(panel.page.getByTestId('state-not-found')).toContainText('Not in marketing data');
});
