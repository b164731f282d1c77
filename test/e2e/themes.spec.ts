import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { InsightsPage, salesforceRecordUrl, SidePanel } from '../support/pages';
import { readClosedShadow } from '../support/closed-shadow';

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

test('the glance pill on the CRM page takes the theme chosen in Options, whatever the system says', async ({ extension }) => {
  /** The pill's background and text as the browser paints them, once it shows the lead. */
  const pillColours = async (crm: Page) => {
    let colours: { color: string; background: string } | undefined;
    await expect
      .poll(async () => {
        const pill = await readClosedShadow(crm, 'leadside-glance');
        colours = pill?.text.includes('Priya Raman') ? pill.colours['pill'] : undefined;
        return colours;
      })
      .toBeDefined();
    return colours!;
  };
  const DARK = { background: 'rgb(29, 37, 48)', color: 'rgb(241, 244, 248)' };
  const LIGHT = { background: 'rgb(255, 255, 255)', color: 'rgb(27, 36, 48)' };
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const choose = async (theme: 'system' | 'light' | 'dark') => {
    await options.getByTestId('theme-choice').selectOption(theme);
    await options.getByRole('button', { name: 'Save' }).last().click();
    await expect(options.getByTestId('profile-status')).toHaveText('✓ Saved');
    // Stored (Options applies it only then; its own system theme is light).
    await expect(options.locator('html')).toHaveAttribute('data-theme', theme === 'system' ? 'light' : theme);
  };
  const crm = await extension.context.newPage();
  await crm.emulateMedia({ colorScheme: 'light' });

  // The system's theme while the rep has chosen none.
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  expect(await pillColours(crm)).toEqual(LIGHT);

  // Dark chosen in Options, on a light system: the next glance brings it.
  await choose('dark');
  await crm.reload();
  expect(await pillColours(crm)).toEqual(DARK);

  // Light chosen, on a dark system.
  await choose('light');
  await crm.emulateMedia({ colorScheme: 'dark' });
  await crm.reload();
  expect(await pillColours(crm)).toEqual(LIGHT);

  // Back to the system's: dark now.
  await choose('system');
  await crm.reload();
  expect(await pillColours(crm)).toEqual(DARK);
});
