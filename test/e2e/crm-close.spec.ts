import { expect, test } from './fixtures';
import { navigateInApp, SidePanel } from '../support/pages';

const CARROW = 'lead_Cw8vR2kPq7ZmT4xN1bYh5LdF3sJ9aGe6UoK0iVnXc2E';
const ETHAN = 'cont_E7rBq2XmP9kL4vN8cT1yH6wZ3sJ5dF0aGuKiOeRb2Mn';
const OLIVIA = 'cont_O4cHn8TgR2mK7vB1xL9pD3wS6qF5jZ0aYeUiNtMr8Qs';
const UNKNOWN_CO = 'lead_Un5Kq3WnT8yB2mR6cP1xL7dS0gF9jZ4aEuHiNtVbM5Rp';
const NO_CONTACTS = 'lead_Br7Kq1WnT4yB9mR3cP6xL2dS8gF5jZ0aEuHiNtVbM7Yk';

test('a Close lead with two contacts: the first is detected, expanding the second switches the brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`https://app.close.com/lead/${CARROW}/`);
  const panel = new SidePanel(await openSidePanel(crm));

  // Nothing expanded yet: the lead's first contact.
  await expect(panel.detectedName).toHaveText('Ethan Brooks');
  await expect(panel.detectedEmail).toHaveText('ebrooks@carrowinsurance.com');
  await expect(panel.detectedRecordId).toHaveText(`lead ${CARROW}/${ETHAN}`);
  // In Close the lead is the company.
  await expect(panel.page.getByTestId('detected')).toContainText('Carrow Insurance Group');
  await expect(panel.section('brief-source')).toContainText('Access Reviews Webinar – Sept');

  // The rep expands the second contact: same URL, another person, their own brief.
  const url = crm.url();
  await crm.getByTestId(`contact-toggle-${OLIVIA}`).click();
  await expect(panel.detectedName).toHaveText('Olivia Chen');
  await expect(panel.detectedEmail).toHaveText('olivia.chen@banksiahealth.com.au');
  await expect(panel.detectedRecordId).toHaveText(`lead ${CARROW}/${OLIVIA}`);
  await expect(panel.section('brief-source')).toContainText('Partner: Auditwise referrals');
  await expect(panel.section('brief-source')).not.toContainText('Access Reviews Webinar');
  expect(crm.url()).toBe(url);

  // Expanding the first one again (the second stays open) makes it the chosen one again.
  await crm.getByTestId(`contact-toggle-${ETHAN}`).click();
  await expect(panel.detectedName).toHaveText('Ethan Brooks');
  await expect(panel.section('brief-source')).toContainText('Access Reviews Webinar – Sept');
});

test('a Close contact marketing does not know shows who was detected', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`https://app.close.com/lead/${UNKNOWN_CO}/`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Rowan Pike');
  await expect(panel.detectedEmail).toHaveText('nobody@unknown-co.example');
  await expect(panel.page.getByTestId('state-not-found')).toContainText('Not in marketing data');
});

test('moving to a lead without contacts reports the lead alone (no person), and the lead list is no record', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto('https://app.close.com/leads/');
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.page.getByTestId('state-no-record')).toBeVisible();

  await crm.getByTestId(`lead-link-${CARROW}`).click();
  await expect(panel.detectedName).toHaveText('Ethan Brooks');

  await navigateInApp(crm, `/lead/${NO_CONTACTS}/`);
  await expect(crm.getByTestId('lead-page')).toContainText('No contacts yet.');
  await expect(panel.detectedRecordId).toHaveText(`lead ${NO_CONTACTS}`);
  await expect(panel.detectedName).toHaveText('Name not shown on the page');
  await expect(panel.detectedEmail).toHaveText('not shown on the page');
});
