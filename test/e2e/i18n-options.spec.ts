import type { Page } from '@playwright/test';
import { expect, test, type ExtensionHandle } from './fixtures';
import { salesforceRecordUrl, SidePanel } from '../support/pages';
import { PSEUDO_CHECK, setUiLanguage } from '../support/ui-language';

/**
 * Options and Insights in the rep's language (issue 14): chosen in Options, applied at once, with
 * dates and numbers in that language's format; and the pseudo-locale proves no visible string of
 * either page escaped translation.
 */

/** A verdict and a prospect question, given in the (English) side panel, so Insights has rows, shares and a date. */
async function giveFeedback(extension: ExtensionHandle, openSidePanel: (page: Page) => Promise<Page>): Promise<void> {
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.suggestions).toHaveCount(3);
  await panel.giveVerdict('Good fit');
  await panel.page.getByRole('radio', { name: 'Prospect question' }).check();
  await panel.page.getByLabel('What the prospect asked').fill('Does it cover ISO 27001 too?');
  await panel.page.getByRole('button', { name: 'Send to marketing' }).click();
  await expect(panel.page.getByText('✓ Question saved')).toBeVisible();
  await panel.page.close();
  await crm.close();
}

async function openOptions(extension: ExtensionHandle): Promise<Page> {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByTestId('language-choice').waitFor();
  return options;
}

test('Options → Language → Français switches Options at once, and Insights speaks French with French dates and numbers', async ({ extension, openSidePanel }) => {
  await giveFeedback(extension, openSidePanel);
  const options = await openOptions(extension);
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Leadside Options');

  await options.getByTestId('language-choice').selectOption('fr');
  await options.locator('form[aria-labelledby="profile-title"]').getByRole('button', { name: 'Save' }).click();

  // No reload: the page follows the stored choice.
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Options de Leadside');
  await expect(options.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(options).toHaveTitle('Options de Leadside');
  await expect(options.getByTestId('profile-status')).toHaveText('✓ Enregistré');
  await expect(options.getByRole('heading', { name: 'Source des données marketing' })).toBeVisible();
  await expect(options.getByRole('radio', { name: 'Données de démonstration' })).toBeChecked();
  await expect(options.getByRole('button', { name: 'Effacer toutes les données locales' })).toBeVisible();
  await expect(options.getByRole('combobox', { name: /^Langue\b/ })).toHaveValue('fr');
  // The list joined the French way ("…, Close et Freshsales"), by Intl.ListFormat.
  await expect(options.getByText(/^Intégrés : Salesforce, .+ et Freshsales\.$/)).toBeVisible();

  // A refused save in French: the field as the form names it, and the rule.
  await options.getByLabel('Garder les fiches en cache pendant (minutes)').fill('0');
  await options.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(options.getByTestId('profile-status')).toHaveText('Non enregistré : Garder les fiches en cache pendant (minutes) : au moins 1');
  await options.screenshot({ path: 'artifacts/i18n/options-fr.png', fullPage: true });

  const insights = await extension.context.newPage();
  await insights.goto(`chrome-extension://${extension.extensionId}/insights.html`);
  await expect(insights.getByRole('heading', { name: 'Qualité des leads par source' })).toBeVisible();
  await expect(insights.getByText('Données de ce navigateur uniquement.')).toBeVisible();
  await expect(insights.getByRole('link', { name: 'Options' })).toBeVisible();
  const quality = insights.getByTestId('quality-by-channel');
  await expect(quality.locator('thead')).toContainText('Bon profil');
  // French puts a (narrow) no-break space before the percent sign: "1 (100 %)", where English writes "1 (100%)".
  await expect(quality.locator('tbody')).toContainText(/\(100\s%\)/);
  await expect(quality.locator('tbody td').first()).toHaveText('Recherche payante');
  const requests = insights.getByTestId('field-requests');
  await expect(requests.locator('tbody')).toContainText('Question d’un prospect');
  // "4 déc., 05:40": day before the abbreviated French month, 24-hour clock.
  const when = (await requests.locator('tbody tr td').first().innerText()).trim();
  expect(when).toMatch(/^\d{1,2} (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.?,? \d{2}:\d{2}$/);
  await insights.screenshot({ path: 'artifacts/i18n/insights-fr.png', fullPage: true });
});

test('pseudo-locale: no visible string of Options (source forms, a refused permission, a refused save) or Insights escapes translation', async ({ extension, openSidePanel }) => {
  await giveFeedback(extension, openSidePanel);
  await setUiLanguage(extension.context, extension.extensionId, 'en-XA');
  const options = await openOptions(extension);
  await expect(options.getByRole('heading', { level: 1 })).toContainText('⟦');
  const pseudoLeft = () => options.evaluate(PSEUDO_CHECK) as Promise<string[]>;
  expect(await pseudoLeft()).toEqual([]);

  // "Test connection": each capability's line comes from the worker as a code, worded here.
  await options.getByTestId('test-connection').click();
  await expect(options.getByTestId('check-message')).toHaveCount(4);
  await expect(options.getByTestId('check-message').first()).toHaveAttribute('data-code', 'demo.check.auth');
  expect(await pseudoLeft()).toEqual([]);

  // A refused save: the form's field name and the rule, both through the catalog.
  const profile = options.locator('form[aria-labelledby="profile-title"]');
  await profile.locator('input[type="number"]').first().fill('0');
  await profile.getByRole('button').click();
  await expect(options.getByTestId('profile-status')).toContainText('⟦');

  // A refused host permission (as in options.spec.ts: headless Chromium refuses a request made once the gesture expired).
  await options.getByTestId('crm-sites').locator('input').first().fill('crm.refused.example');
  await options
    .getByTestId('crm-sites')
    .locator('button[type="submit"]')
    .evaluate((button) => void setTimeout(() => (button as HTMLButtonElement).click(), 6_000));
  await options.waitForTimeout(7_000);
  await expect(options.getByTestId('sites-status')).toContainText('crm.refused.example', { timeout: 20_000 });

  // The confirmation of clearing local data.
  await options.locator('section[aria-labelledby="privacy-title"] button.btn-danger').click();
  await expect(options.getByTestId('confirm-clear')).toBeVisible();

  // The Mautic form (the longest: sign-in choice, mapping), then a refused "Use this source".
  await options.locator('input[name="source"][value="mautic"]').check();
  await expect(options.getByTestId('mautic-mapping')).toBeVisible();
  await options.getByTestId('data-source').locator('.btn-primary').click();
  await expect(options.getByTestId('source-status')).toContainText('⟦');
  expect(await pseudoLeft()).toEqual([]);
  await options.screenshot({ path: 'artifacts/i18n/options-pseudo.png', fullPage: true });

  // The file import form, used as the main source: then systems can be read beside it (HubSpot's form).
  await options.locator('input[name="source"][value="file"]').check();
  await expect(options.getByTestId('imported-counts')).toContainText('⟦');
  await options.getByTestId('data-source').locator('.btn-primary').click();
  await expect(options.getByTestId('source-status')).toContainText('✓');
  await options.getByTestId('extra-source-kind').selectOption('hubspot');
  await expect(options.getByTestId('extra-sources').locator('input[type="password"]')).toBeVisible();
  expect(await pseudoLeft()).toEqual([]);
  await options.screenshot({ path: 'artifacts/i18n/options-pseudo-file-and-hubspot.png', fullPage: true });

  // A profiles file with bad rows: each refusal in the page's words, the file's value quoted as it was.
  const fileInput = options.getByTestId('file-import').locator('input[type="file"]');
  const csv = ['id,email,name,stage,first_seen', 'a,priya@ledgerly.io,Priya,lead,2026-09-14', 'b,not-an-email,Bad,hot,14/09/2026', 'a,dup@example.com,Dup,lead,'].join('\n');
  await fileInput.setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const reasons = options.getByTestId('rejected-rows').getByTestId('row-reason');
  await expect(reasons).toHaveCount(4);
  await expect(options.locator('[data-testid="row-reason"][data-code="import.notAnEmail"] q[translate="no"]')).toHaveText('not-an-email');
  await expect(options.locator('[data-testid="row-reason"][data-code="import.duplicateIdRow"]')).toHaveCount(1);
  expect(await pseudoLeft()).toEqual([]);
  await options.screenshot({ path: 'artifacts/i18n/options-pseudo-import-report.png', fullPage: true });
  // A file that is not a profiles file at all: the whole-file refusal, worded too.
  await fileInput.setInputFiles({ name: 'views.csv', mimeType: 'text/csv', buffer: Buffer.from('profile_id,url,viewed_at\nlead-a,https://x.example/,2026-11-16T13:05:20Z') });
  await expect(options.getByTestId('import-fatal')).toHaveAttribute('data-code', 'import.missingColumnsLooksLikePageViews');
  expect(await pseudoLeft()).toEqual([]);

  const insights = await extension.context.newPage();
  await insights.goto(`chrome-extension://${extension.extensionId}/insights.html`);
  await expect(insights.getByTestId('field-requests').locator('tbody tr')).toHaveCount(1);
  await expect(insights.getByTestId('quality-by-channel').locator('tbody tr')).toHaveCount(1);
  expect(await insights.evaluate(PSEUDO_CHECK)).toEqual([]);
  await insights.screenshot({ path: 'artifacts/i18n/insights-pseudo.png', fullPage: true });
});

test('the Language select is reached by keyboard, named "Language", and saved with Enter', async ({ extension }) => {
  const options = await openOptions(extension);
  const select = options.getByTestId('language-choice');
  // Its accessible name comes from its label, so a screen reader announces what it chooses.
  await expect(options.getByRole('combobox', { name: /^Language\b/ })).toHaveAttribute('data-testid', 'language-choice');
  let reached = false;
  for (let press = 0; press < 80 && !reached; press++) {
    await options.keyboard.press('Tab');
    reached = await select.evaluate((element) => element === document.activeElement);
  }
  expect(reached, 'Tab reaches the Language select').toBe(true);
  await select.selectOption('de');
  await options.keyboard.press('Tab');
  await expect(options.locator('form[aria-labelledby="profile-title"]').getByRole('button')).toBeFocused();
  await options.keyboard.press('Enter');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Leadside-Optionen');
  // Focus stays where the rep left it, now named in German.
  await expect(options.getByRole('button', { name: 'Speichern', exact: true })).toBeFocused();
});
