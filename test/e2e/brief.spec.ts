import { expect, test } from './fixtures';
import { navigateInApp, salesforceRecordUrl, SidePanel } from '../support/pages';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getTabId, nativeSidePanelUrls, wakeServiceWorker } from '../support/launch';
import { readClosedShadow } from '../support/closed-shadow';

const PRIYA = salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF');
const MARCUS_PATH = '/lightning/r/Lead/00Q8d00000XyZ2bEAF/view';

test('the side panel shows the open lead’s marketing brief', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(PRIYA);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText('Priya Raman');
  await expect(panel.detectedEmail).toHaveText('priya.raman@ledgerly.io');
  await expect(panel.detectedRecordId).toContainText('00Q8d00000XyZ1aEAF');
  await expect(panel.page.getByTestId('do-not-contact')).toContainText('Do not call');
  await expect(panel.section('brief-source')).toContainText('Paid search');
  await expect(panel.section('brief-source')).toContainText('Q3 SOC 2 Readiness – Google Ads');
  await expect(panel.section('brief-source')).toContainText('soc 2 audit software');
  await expect(panel.section('brief-problem')).toContainText('first SOC 2 Type II audit in March');
  await expect(panel.section('brief-problem')).toContainText('Demo request');
  await expect(panel.section('brief-contact')).toContainText('Email');
  await expect(panel.section('brief-contact')).toContainText('09:00–11:00, weekdays');
  await expect(panel.page.getByTestId('lead-local-time')).toContainText('America/New York');
  await expect(panel.section('brief-pages').getByTestId('visit').first()).toBeVisible();
  await expect(panel.section('brief-pages')).toContainText('Pricing');
  await expect(panel.suggestions).toHaveCount(3);
  await expect(panel.suggestions.first().getByTestId('suggestion-reason')).not.toBeEmpty();
});

test('an in-app switch to another lead switches the brief and never shows the first lead’s data for it', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(PRIYA);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.section('brief-problem')).toContainText('SOC 2 Type II');

  // Record every state the panel passes through, so a flash of Priya's brief under Marcus's name fails.
  const states = await panel.recordStates(['detected-record-id', 'brief-problem', 'source-campaign']);

  const reloadMarker = await crm.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));
  await navigateInApp(crm, MARCUS_PATH);
  await expect(panel.detectedName).toHaveText('Marcus Oyelaran');
  await expect(panel.section('brief-source')).toContainText('HIPAA Access Controls Webinar – Oct');
  expect(await crm.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(reloadMarker);

  const seen = await states();
  const mixed = seen.filter((state) => state.includes('00Q8d00000XyZ2bEAF') && (state.includes('SOC 2 Type II') || state.includes('Q3 SOC 2 Readiness')));
  expect(mixed, 'Marcus’s record shown with Priya’s brief').toEqual([]);
  expect(seen.some((state) => state.includes('00Q8d00000XyZ2bEAF'))).toBe(true);
});

test('a page that is not a record shows the “not a record page” state', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(PRIYA);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Priya Raman');

  await navigateInApp(crm, '/lightning/o/Lead/list');
  await expect(panel.page.getByTestId('state-no-record')).toContainText('Not a record page');
  await expect(panel.detectedName).toHaveCount(0);
});

test('a lead marketing does not know shows who was detected and “not in marketing data”', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000NoMaTCH9'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Jordan Blake');
  await expect(panel.detectedEmail).toHaveText('jordan.blake@unknown-co.example');
  await expect(panel.page.getByTestId('state-not-found')).toContainText('Not in marketing data');
});

test('a record whose e-mail the page does not show still shows the name and record id', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000NoEmaiL1'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Alex Moreno');
  await expect(panel.detectedRecordId).toContainText('00Q8d00000NoEmaiL1');
  await expect(panel.detectedEmail).toContainText('not shown on the page');
  await expect(panel.page.getByTestId('state-not-found')).toBeVisible();
});

test('the glance pill on the record page names the lead, their source and the signal not to miss', async ({ extension }) => {
  const crm = await extension.context.newPage();
  await crm.goto(PRIYA);
  // The pill's shadow root is closed to the page (and so to locators): read it as the browser does.
  const pill = () => readClosedShadow(crm, 'leadside-glance');
  await expect.poll(async () => (await pill())?.text).toContain('Priya Raman · Paid search · Do not call');
  expect(await crm.evaluate(() => document.querySelector('leadside-glance')?.shadowRoot ?? 'closed')).toBe('closed');
  await (await pill())!.click('Open brief');
  // Chrome's own side panel is not a Playwright page; the worker can list it.
  await expect.poll(() => nativeSidePanelUrls(extension.serviceWorker)).toContainEqual(expect.stringContaining('sidepanel.html'));
});

test('the pill follows the rep from record to record: gone for a lead marketing does not know, back at once on a return, closed only for the record it was closed on', async ({ extension }) => {
  const crm = await extension.context.newPage();
  await crm.goto(PRIYA);
  const pill = () => readClosedShadow(crm, 'leadside-glance');
  const hidden = () => crm.evaluate(() => document.querySelector('leadside-glance')?.hasAttribute('data-hidden') ?? true);
  await expect.poll(async () => (await pill())?.text).toContain('Priya Raman');
  expect(await hidden()).toBe(false);

  await navigateInApp(crm, '/lightning/r/Lead/00Q8d00000NoMaTCH9/view');
  await expect.poll(hidden).toBe(true);

  // Back on Priya's record the pill is there in the URL change's own task, before the worker answers.
  const shownAtOnce = await crm.evaluate((path) => {
    window.__fixtureNavigate(path);
    const host = document.querySelector('leadside-glance');
    return Boolean(host && !host.hasAttribute('data-hidden'));
  }, new URL(PRIYA).pathname);
  expect(shownAtOnce).toBe(true);
  expect((await pill())?.text).toContain('Priya Raman');

  // Closed on Priya's record, it comes back for the next one, and for Priya's on a later visit.
  await (await pill())!.click('Hide Leadside for this record');
  await expect.poll(hidden).toBe(true);
  await navigateInApp(crm, MARCUS_PATH);
  await expect.poll(async () => !(await hidden()) && (await pill())?.text).toContain('Marcus Oyelaran');
  await navigateInApp(crm, new URL(PRIYA).pathname);
  await expect.poll(async () => !(await hidden()) && (await pill())?.text).toContain('Priya Raman');
});

test('a lead read once is known in the next tab without its page being read again', async ({ extension }) => {
  const first = await extension.context.newPage();
  await first.goto(PRIYA);
  await expect.poll(async () => (await readClosedShadow(first, 'leadside-glance'))?.text).toContain('Priya Raman');

  // The same record in another tab, whose page this time never shows the address: only what the
  // worker already knows (marketing ties Priya to the record, and the first tab's page showed her
  // address) can name it there.
  const fixture = readFileSync(path.resolve('test/fixtures/crm/salesforce-lightning.html'), 'utf8');
  const withoutAddress = fixture.replace("email: 'priya.raman@ledgerly.io'", "email: ''");
  expect(withoutAddress).not.toBe(fixture);
  const second = await extension.context.newPage();
  await second.route(PRIYA, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: withoutAddress }));
  await second.goto(PRIYA);
  await expect.poll(async () => (await readClosedShadow(second, 'leadside-glance'))?.text).toContain('Priya Raman');
  const worker = await wakeServiceWorker(extension.context, extension.extensionId);
  const tabId = await getTabId(worker, second);
  // The worker's copy of the tab's record (IndexedDB, written just behind its answer to the page).
  const tabRow = () =>
    worker.evaluate(
      (id) =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('leadside');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('tabs').objectStore('tabs').get(id);
            request.onsuccess = () => (open.result.close(), resolve((request.result as { record?: unknown } | undefined)?.record ?? null));
            request.onerror = () => reject(request.error);
          };
        }),
      tabId,
    );
  await expect.poll(tabRow).toMatchObject({ recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io', name: 'Priya Raman' });
  // The page itself shows no address, so none of it came from reading the page.
  await expect(second.getByText('priya.raman@ledgerly.io')).toHaveCount(0);
});
