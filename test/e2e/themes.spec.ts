import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { InsightsPage, salesforceRecordUrl, SidePanel } from '../support/pages';

/** axe's serious and critical findings on a page, one line each (WCAG 2 A and AA, contrast included). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${page.url()}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('dark system theme: side panel, Options and Insights follow it with no serious accessibility violation', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await panel.page.emulateMedia({ colorScheme: 'dark' });
  await expect(panel.suggestions).toHaveCount(3);
  await panel.giveVerdict('Good fit');
  const insights = await InsightsPage.open(extension.context, extension.extensionId);
  await insights.page.emulateMedia({ colorScheme: 'dark' });
  const options = await extension.context.newPage();
  await options.emulateMedia({ colorScheme: 'dark' });
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Leadside Options' }).waitFor();

  for (const [name, page] of [['sidepanel', panel.page], ['insights', insights.page], ['options', options]] as const) {
    // The page switched when the system did, without a reload.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `artifacts/themes/${name}-dark.png`, fullPage: true });
  }
});

test('Options → Appearance → Dark holds on a light system, and Light holds on a dark one', async ({ extension, openSidePanel }) => {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByTestId('theme-choice').selectOption('dark');
  await options.getByRole('button', { name: 'Save' }).last().click();
  await expect(options.getByTestId('profile-status')).toHaveText('✓ Saved');
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');

  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.suggestions).toHaveCount(3);
  await expect(panel.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // A chosen theme does not change with the system's.
  await panel.page.emulateMedia({ colorScheme: 'light' });
  await expect(panel.page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await options.getByTestId('theme-choice').selectOption('light');
  await options.getByRole('button', { name: 'Save' }).last().click();
  // Applied once stored.
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'light');
  await options.emulateMedia({ colorScheme: 'dark' });
  await options.reload();
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(options.getByTestId('theme-choice')).toHaveValue('light');
});
