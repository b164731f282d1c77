import { expect, test } from './fixtures';
import { InsightsPage, salesforceRecordUrl, SidePanel } from '../support/pages';
import { stopServiceWorkers } from '../support/launch';

test('open, verdict and rating survive a stopped worker and a browser restart, and reach Insights', async ({
  extension,
  openSidePanel,
  restartBrowser,
}) => {
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.suggestions).toHaveCount(3);

  const first = panel.suggestions.first();
  const title = (await first.getByRole('heading').innerText()).trim();
  const opened = await panel.openSuggestion(first, extension.context);
  expect(opened.url()).toMatch(/^https:\/\/www\.keyline\.example\/resources\//);
  await opened.close();

  await panel.giveVerdict('Demo booked');
  await panel.rateSuggestion(first, true);

  await stopServiceWorkers(extension.context, extension.extensionId);
  const restarted = await restartBrowser();

  const insights = await InsightsPage.open(restarted.context, restarted.extensionId);
  const usage = await insights.rowCells('content-usage', title);
  const usageHeaders = await insights.headers('content-usage');
  const cell = (name: string) => usage[usageHeaders.indexOf(name)];
  expect(cell('Suggested')).toBe('1');
  expect(cell('Opened')).toBe('1');
  expect(cell('Useful')).toBe('1');

  const byChannel = await insights.rowCells('quality-by-channel', 'Paid search');
  const channelHeaders = await insights.headers('quality-by-channel');
  expect(byChannel[channelHeaders.indexOf('Leads rated')]).toBe('1');
  expect(byChannel[channelHeaders.indexOf('Demo booked')]).toMatch(/^1 /);
  const byCampaign = await insights.rowCells('quality-by-campaign', 'Q3 SOC 2 Readiness – Google Ads');
  expect(byCampaign[channelHeaders.indexOf('Demo booked')]).toMatch(/^1 /);
});

test('a verdict confirmed in the panel is already on disk: the stored item is there after the worker stops', async ({
  extension,
  openSidePanel,
}) => {
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Contact', '0038d00000Qw3rTAAR'));
  const panel = new SidePanel(await openSidePanel(crm));
  await panel.giveVerdict('Good fit');
  await stopServiceWorkers(extension.context, extension.extensionId);

  // A fresh worker answers from IndexedDB alone: the reopened panel shows the verdict as chosen.
  await panel.page.reload();
  await expect(panel.page.getByRole('group', { name: 'Lead verdict' }).getByRole('button', { name: 'Good fit' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});
