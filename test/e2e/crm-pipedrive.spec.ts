import { expect, test } from './fixtures';
import { navigateInApp, SidePanel } from '../support/pages';

/** See test/fixtures/crm/pipedrive.html: any <company>.pipedrive.com serves the same company. */
const ORIGIN = 'https://keyline.pipedrive.com';
const SOFIA = '1207';
const AMARA = '1208';
const NORDVIK_DEAL = '311'; // Sofia's deal, with Erik Holm (1210) as a participant
const ORG_ONLY_DEAL = '313'; // no contact person, one participant

test('a person page shows the person and their brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/person/${SOFIA}`);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Sofia Lindqvist');
  await expect(panel.detectedEmail).toHaveText('sofia.lindqvist@nordvik.se');
  await expect(panel.detectedRecordId).toHaveText(`person ${SOFIA}`);
  await expect(panel.page.getByTestId('detected')).toContainText('Nordvik Logistics');
  await expect(panel.section('brief-source')).toContainText('Nordic Security Summit 2026');
});

test('a deal page shows the deal’s person, under the person’s own record id', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/deal/${NORDVIK_DEAL}`);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Sofia Lindqvist');
  // The person, not the participant on the same deal.
  await expect(panel.detectedEmail).toHaveText('sofia.lindqvist@nordvik.se');
  await expect(panel.detectedRecordId).toHaveText(`person ${SOFIA}`);
  await expect(panel.detectedRecordId).not.toContainText(NORDVIK_DEAL);
  await expect(panel.section('brief-source')).toContainText('Nordic Security Summit 2026');
});

test('moving in-app from a person to a deal and to a deal without a person follows along', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/person/${AMARA}`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Amara Okafor');
  await expect(panel.section('brief-source')).toContainText('Partner: Auditwise referrals');

  // Amara's view stays in the DOM, hidden, while the deal shows: it must not be read.
  await navigateInApp(crm, `/deal/${NORDVIK_DEAL}`);
  await expect(panel.detectedName).toHaveText('Sofia Lindqvist');
  await expect(panel.detectedRecordId).toHaveText(`person ${SOFIA}`);
  await expect(panel.section('brief-source')).toContainText('Nordic Security Summit 2026');
  await expect(panel.section('brief-source')).not.toContainText('Auditwise');

  // An organization-only deal has no person; its participant (Diego Ramírez, 1209) is not one.
  const states = await panel.recordStates(['detected-record-id', 'detected-name', 'brief-source']);
  await navigateInApp(crm, `/deal/${ORG_ONLY_DEAL}`);
  // The deal is reported as the deal it is, with nobody on it.
  await expect(panel.detectedRecordId).toHaveText(`deal ${ORG_ONLY_DEAL}`);
  await expect(panel.detectedName).toHaveText('Name not shown on the page');
  await expect(panel.detectedEmail).toHaveText('not shown on the page');

  // Once the rep links a person to that deal, the same URL shows them.
  await crm.getByTestId('link-person').click();
  await expect(panel.detectedName).toHaveText('Robin Vale');
  await expect(panel.detectedRecordId).toHaveText('person 1213');
  await expect(panel.page.getByTestId('state-not-found')).toContainText('Not in marketing data');
  const seen = await states();
  expect(seen.filter((state) => state.includes('1209') || state.includes('Diego')), 'the participant taken for the deal’s person').toEqual([]);
});

test('a deal the deals API says has no person is a deal’s record, until the rep links one', async ({ extension, server, openSidePanel }) => {
  // The test server plays Pipedrive's v1 deals resource, which the web app calls on the same
  // origin, with this deal's answer (no person_id); every page is still the fixture's app.
  const asked: string[] = [];
  server.route('*.pipedrive.com', (_req, res, url) => {
    if (!url.pathname.startsWith('/api/')) return false;
    asked.push(url.pathname);
    const body = url.pathname === `/api/v1/deals/${ORG_ONLY_DEAL}` ? { success: true, data: { id: 313, person_id: null, org_id: { name: 'Nordvik Logistics', value: 42 } } } : { success: false };
    res.writeHead(body.success ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/deal/${ORG_ONLY_DEAL}`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.page.getByTestId('state-not-a-person')).toContainText('A deal’s record');
  await expect(panel.detectedRecordId).toHaveText(`deal ${ORG_ONLY_DEAL}`);
  expect(asked).toContain(`/api/v1/deals/${ORG_ONLY_DEAL}`);

  // The page's link to a person outranks the API's earlier word.
  await crm.getByTestId('link-person').click();
  await expect(panel.detectedName).toHaveText('Robin Vale');
  await expect(panel.detectedRecordId).toHaveText('person 1213');
});
