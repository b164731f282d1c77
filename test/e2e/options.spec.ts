import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { InsightsPage, salesforceRecordUrl, SidePanel } from '../support/pages';

test('options: the demo source is the default, the display name is saved and carried on feedback', async ({ extension, openSidePanel }) => {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(options.getByRole('radio', { name: /Demo data/ })).toBeChecked();

  await options.getByLabel('Your display name').fill('Dana Whitfield');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('profile-status')).toHaveText('✓ Saved');

  await options.getByLabel('Keep briefs cached for (minutes)').fill('0');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('profile-status')).toContainText('Not saved: Keep briefs cached for (minutes): at least 1');
  await options.reload();
  await expect(options.getByLabel('Your display name')).toHaveValue('Dana Whitfield');
  await expect(options.getByLabel('Keep briefs cached for (minutes)')).toHaveValue('60');

  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ2bEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await panel.page.getByRole('radio', { name: 'Prospect question' }).check();
  await panel.page.getByLabel('What the prospect asked').fill('Can Keyline pull access logs from Epic?');
  await panel.page.getByRole('button', { name: 'Send to marketing' }).click();
  await expect(panel.page.getByText('✓ Question saved')).toBeVisible();

  const insights = await InsightsPage.open(extension.context, extension.extensionId);
  const cells = await insights.rowCells('field-requests', '');
  expect(cells).toEqual(expect.arrayContaining(['Prospect question', 'Can Keyline pull access logs from Epic?', 'Marcus Oyelaran', 'Dana Whitfield']));
});

test('options: clearing local data empties Insights after a confirmation', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ4dEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await panel.giveVerdict('Not ready');

  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Clear all local data' }).click();
  await options.getByRole('button', { name: 'Yes, clear everything' }).click();
  await expect(options.getByText('✓ All local data cleared')).toBeVisible();

  const insights = await InsightsPage.open(extension.context, extension.extensionId);
  await expect(insights.page.getByTestId('quality-by-channel')).toContainText('No lead verdicts yet.');
});

test('side panel, options and Insights have no serious accessibility violations', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.suggestions).toHaveCount(3);
  await panel.giveVerdict('Good fit');
  const insights = await InsightsPage.open(extension.context, extension.extensionId);
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Leadside Options' }).waitFor();

  for (const page of [panel.page, insights.page, options]) {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${page.url()}: ${violation.id} ${violation.nodes[0]?.target}`)).toEqual([]);
  }
});

test('options: a host permission the browser refuses is reported in words, and nothing is saved', async ({ extension }) => {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByLabel('Add a site: host').fill('crm.refused.example');

  // Headless Chromium cannot show (nor decline) the permission prompt: a request with the user's
  // gesture waits for it forever. What it can do is refuse to ask: a request made once the gesture
  // has expired (5 s) is rejected, the kind of error that used to vanish. So the button is pressed by
  // the page itself after 6 s of quiet.
  // Nothing may touch the page meanwhile: Playwright's calls into it count as the user's gesture.
  await options.getByRole('button', { name: 'Add site' }).evaluate((button) => void setTimeout(() => (button as HTMLButtonElement).click(), 6_000));
  await options.waitForTimeout(7_000);
  await expect(options.getByTestId('sites-status')).toHaveText(
    /^Not added: the browser refused to ask for access to crm\.refused\.example: .*user gesture/,
    { timeout: 20_000 },
  );
  await expect(options.getByRole('button', { name: 'Add site', exact: true })).toBeEnabled();
  await options.reload();
  await expect(options.getByTestId('crm-sites')).not.toContainText('crm.refused.example');
});
