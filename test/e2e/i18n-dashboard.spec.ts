/**
 * The marketing dashboard in the user's language, against the real team server: the shell's
 * Language select switches every page at once (German words, German numbers and dates) and is kept
 * in this browser; a browser whose language is Brazilian Portuguese gets Portuguese without asking;
 * and in the pseudo-locale (`?lang=en-XA`, kept like a choice) no visible text, label or selected
 * option escapes translation on the pages marketers and admins use, in their loaded, empty and
 * error states. Screenshots go to artifacts/i18n/.
 *
 * Needs `npm run build:dashboard` first. No extension: a plain Chromium, one context per language.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DASHBOARD_BUILD_DIR } from '../../server/dashboard/static';
import { DASHBOARD_PASSWORD, DASHBOARD_PATHS, DEMO_EMAILS, enableDashboardSignIn, type DashboardPageId } from '../support/dashboard-pages';
import { launchPlainChromium } from '../support/launch';
import { serveTeamServer, type TeamServer } from '../support/team-server';
import { PSEUDO_CHECK } from '../support/ui-language';

const SHOTS = path.resolve('artifacts/i18n');
// Read as a file: Playwright's loader takes no JSON import without an import attribute.
const ptCommon = JSON.parse(readFileSync(path.resolve('lib/i18n/resources/pt/common.json'), 'utf8')) as { languageAuto: string };

test.beforeAll(() => {
  if (!existsSync(path.join(DASHBOARD_BUILD_DIR, 'index.html'))) throw new Error('The dashboard is not built: run `npm run build:dashboard` first.');
  mkdirSync(SHOTS, { recursive: true });
});

/**
 * What PSEUDO_CHECK cannot see: labels that only screen readers or hovers show (aria-label,
 * placeholder, title) and the option a closed select shows. Each must be pseudo-localised unless it
 * is data (`translate="no"`) or exempt; the same rules as PSEUDO_CHECK.
 */
const ATTRIBUTE_CHECK = `(() => {
  const out = [];
  const exempt = (element) => element.closest('[data-intl], [translate="no"]');
  const plain = (text) => /[A-Za-z]{2,}/.test(text) && !/[⟦⟧]/.test(text);
  for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
    if (!element.checkVisibility() || exempt(element)) continue;
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = element.getAttribute(name);
      if (value && plain(value)) out.push(name + '=' + value);
    }
  }
  for (const select of document.body.querySelectorAll('select')) {
    const option = select.selectedOptions[0];
    if (!select.checkVisibility() || !option || exempt(option)) continue;
    if (plain(option.text)) out.push('option ' + option.text);
  }
  return out;
})()`;

/** A new context of a plain browser at the team server, in `locale` (Playwright sets navigator.languages). */
async function openIn(browser: Browser, locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

/** Signs in through the form by its fields' names, whatever language the form speaks. */
async function signIn(page: Page, team: TeamServer, email: string, search = ''): Promise<void> {
  await page.goto(`${team.url}/${search}`);
  const form = page.getByTestId('sign-in');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(DASHBOARD_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** The page's data has arrived: its header shows and no spinner is left. */
async function settled(page: Page, id: DashboardPageId): Promise<void> {
  await page.getByTestId(`page-${id}`).waitFor();
  await expect(page.locator('.spinner')).toHaveCount(0, { timeout: 15_000 });
}

/** Every visible text, label and shown option of the page is pseudo-localised or marked as data. */
async function expectAllTranslated(page: Page, where: string): Promise<void> {
  expect(await page.evaluate<string[]>(PSEUDO_CHECK), `untranslated text on ${where}`).toEqual([]);
  expect(await page.evaluate<string[]>(ATTRIBUTE_CHECK), `untranslated labels or options on ${where}`).toEqual([]);
}

/** Verdicts from both demo reps and an opened item, so the charts, tables and drill-down have rows. */
async function someFieldWork(team: TeamServer): Promise<void> {
  const lead = (recordId: string, name: string) => ({ recordId, name });
  const id = randomUUID();
  const opened = { id, type: 'opened', contentId: 'cs-tallybook-soc2', at: new Date().toISOString(), leadKey: 'salesforce:00Q8d00000XyZ2bEAF', source: { channel: 'webinar', campaign: 'HIPAA Access Controls Webinar – Oct' } };
  const response = await team.api(team.tokens.rep2, '/v1/deliveries', { method: 'POST', body: { items: [{ kind: 'event', id, item: opened }] } });
  expect(await response.json()).toEqual({ results: [{ id, status: 'stored' }] });
  expect(await team.verdictAs(team.tokens.rep1, { lead: lead('00Q8d00000XyZ1aEAF', 'Priya Raman'), source: { channel: 'paid_search', campaign: 'Q3 SOC 2 Readiness – Google Ads' }, verdict: 'demo_booked', rep: 'Ana Rep' })).toBe('stored');
  expect(await team.verdictAs(team.tokens.rep2, { lead: lead('00Q8d00000XyZ2bEAF', 'Marcus Oyelaran'), source: { channel: 'webinar', campaign: 'HIPAA Access Controls Webinar – Oct' }, verdict: 'good_fit', rep: 'Ben Rep' })).toBe('stored');
}

test('Deutsch chosen in the shell switches the overview at once, with German numbers and dates, and stays after a reload', async ({ server }) => {
  test.setTimeout(120_000);
  const team = await serveTeamServer(server);
  const browser = await launchPlainChromium(server.port);
  try {
    await enableDashboardSignIn(team);
    await someFieldWork(team);
    const { page } = await openIn(browser, 'en-US');
    await signIn(page, team, DEMO_EMAILS.marketer);
    await settled(page, 'overview');
    // An en-US browser starts in English, following the browser.
    await expect(page.getByTestId('language-select')).toHaveValue('auto');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
    await expect(page.getByTestId('kpi-content-used-value')).toHaveText(/^\d+%$/);

    const headerBefore = page.getByTestId('page-overview');
    await page.getByTestId('language-select').selectOption({ label: 'Deutsch' });
    // At once: same page, no reload, no new request needed for the words.
    await expect(headerBefore).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Übersicht');
    await expect(page.getByTestId('nav-content')).toHaveText('Content');
    await expect(page.getByTestId('nav-lead-quality')).toHaveText('Lead-Qualität');
    await expect(page.getByTestId('kpi-leads-rated')).toContainText('Eingeschätzte Leads');
    await expect(page.getByTestId('overview-by-source')).toContainText('Bezahlte Suche');
    await expect(page.getByTestId('overview-by-source').getByRole('columnheader').first()).toHaveText('Quelle');
    // German formats: a percentage with a space before the sign, the period's days as German dates.
    await expect(page.getByTestId('kpi-content-used-value')).toHaveText(/^\d+\s%$/);
    const today = new Date().toISOString().slice(0, 10);
    const germanToday = new Intl.DateTimeFormat('de', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));
    await expect(page.getByTestId('period-line')).toContainText(germanToday);
    await expect(page.getByTestId('period-line')).toContainText('verglichen mit');
    expect(await page.title()).toBe('Übersicht · Leadside-Dashboard');

    // Kept in this browser: a reload (and a new page) come back in German.
    await page.reload();
    await settled(page, 'overview');
    await expect(page.getByTestId('language-select')).toHaveValue('de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Übersicht');
    await expect(page.getByTestId('period-line')).toContainText(germanToday);
    await page.getByTestId('overview-weekly').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-de.png'), fullPage: true });

    // Another page keeps it, and "Browser's language" goes back to English.
    await page.getByTestId('nav-lead-quality').click();
    await settled(page, 'lead-quality');
    await expect(page.getByTestId('lead-quality-table')).toContainText('Einschätzungen nach Quelle');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-de-lead-quality.png'), fullPage: true });
    await page.getByTestId('language-select').selectOption('auto');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lead quality');
  } finally {
    await browser.close();
    await team.close();
  }
});

test('a browser whose language is Brazilian Portuguese gets the dashboard in Portuguese, sign-in included', async ({ server }) => {
  test.setTimeout(90_000);
  const team = await serveTeamServer(server);
  const browser = await launchPlainChromium(server.port);
  try {
    await enableDashboardSignIn(team);
    await someFieldWork(team);
    const { page } = await openIn(browser, 'pt-BR');
    expect(await page.evaluate(() => navigator.languages)).toEqual(['pt-BR']);
    await page.goto(team.url);
    await expect(page.getByTestId('sign-in').getByRole('heading', { level: 1 })).toHaveText('Entrar no Leadside');
    await expect(page.getByTestId('sign-in').getByLabel('Senha')).toBeVisible();
    await signIn(page, team, DEMO_EMAILS.marketer);
    await settled(page, 'overview');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
    await expect(page.getByTestId('language-select')).toHaveValue('auto');
    await expect(page.getByTestId('language-select').locator('option:checked')).toHaveText(ptCommon.languageAuto.replace('{{name}}', 'Português'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Visão geral');
    await expect(page.getByTestId('overview-by-source')).toContainText('Busca paga');
    await expect(page.getByTestId('filter-period').locator('option:checked')).toHaveText('Últimos 30 dias');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-pt-BR.png'), fullPage: true });
  } finally {
    await browser.close();
    await team.close();
  }
});

test('the pseudo-locale leaves no untranslated text on the overview, content, lead quality, catalog and admin pages, loaded, empty or failed', async ({ server }) => {
  test.setTimeout(180_000);
  const team = await serveTeamServer(server);
  const browser = await launchPlainChromium(server.port);
  try {
    await enableDashboardSignIn(team);
    await someFieldWork(team);
    const { page } = await openIn(browser, 'en-US');
    // `?lang=en-XA` chooses it and keeps it in this browser, like a choice in the select.
    await page.goto(`${team.url}/?lang=en-XA`);
    await page.getByTestId('sign-in').waitFor();
    await expectAllTranslated(page, 'sign-in');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-sign-in-pseudo.png') });
    // A wrong password: the server's refusal comes with a code, worded here.
    const form = page.getByTestId('sign-in');
    await form.locator('input[name="email"]').fill(DEMO_EMAILS.admin);
    await form.locator('input[name="password"]').fill('not-the-password');
    await form.locator('button[type="submit"]').click();
    await expect(page.getByTestId('sign-in-error')).toContainText('⟦');
    await expectAllTranslated(page, 'sign-in with a wrong password');
    await signIn(page, team, DEMO_EMAILS.admin);
    await expect(page.getByTestId('language-select')).toHaveValue('en-XA');

    const walk = async (id: DashboardPageId, state = 'loaded') => {
      await settled(page, id);
      await expectAllTranslated(page, `${id} (${state})`);
      await page.screenshot({ path: path.join(SHOTS, `dashboard-${id}${state === 'loaded' ? '' : `-${state}`}-pseudo.png`), fullPage: true });
    };
    for (const id of ['overview', 'content', 'lead-quality', 'catalog', 'admin'] as const) {
      await page.goto(`${team.url}${DASHBOARD_PATHS[id]}`);
      await walk(id);
    }
    // The content page's chart has bars, and its axis names the catalog's items (data, so marked).
    await page.goto(`${team.url}/content`);
    await settled(page, 'content');
    await expect(page.getByTestId('content-top-chart').locator('svg text[translate="no"]').first()).toHaveText(/Tallybook/);

    // The chart's table fallback, opened.
    await page.goto(team.url);
    await settled(page, 'overview');
    await page.getByTestId('overview-weekly').locator('summary').click();
    await expectAllTranslated(page, 'overview with its chart as a table');

    // Lead quality's drill-down and its campaign grouping.
    await page.goto(`${team.url}/lead-quality`);
    await settled(page, 'lead-quality');
    await page.getByTestId('quality-drill').first().click();
    await page.getByTestId('lead-drill-table').waitFor();
    await walk('lead-quality', 'drill');
    await page.getByTestId('quality-by-campaign').click();
    await walk('lead-quality', 'by-campaign');

    // The catalog's editor, open.
    await page.goto(`${team.url}/catalog`);
    await settled(page, 'catalog');
    await page.locator('[data-testid^="catalog-edit-"]').first().click();
    await page.getByTestId('catalog-edit-form').waitFor();
    await walk('catalog', 'editor');

    // Empty: a period with no field work (last January).
    const lastYear = new Date().getUTCFullYear() - 1;
    for (const id of ['overview', 'content', 'lead-quality'] as const) {
      await page.goto(`${team.url}${DASHBOARD_PATHS[id]}?period=custom&from=${lastYear}-01-01&to=${lastYear}-01-31`);
      await walk(id, 'empty');
    }
    await expect(page.getByTestId('lead-quality-table')).toContainText('⟦');

    // Failed: the server down; our words around its (English) message, and Retry.
    // The server's failure as it answers it: English `error` for logs, a code the dashboard words.
    const failed = { error: 'The server failed to answer this request; it has been logged. Try again shortly.', code: 'server.failed' };
    await page.route('**/api/overview?*', (route) => route.fulfill({ status: 503, json: failed }));
    await page.route('**/api/catalog', (route) => route.fulfill({ status: 503, json: failed }));
    await page.goto(team.url);
    await page.getByTestId('load-error').waitFor();
    await walk('overview', 'error');
    await page.goto(`${team.url}/catalog`);
    await page.getByTestId('load-error').waitFor();
    await walk('catalog', 'error');
  } finally {
    await browser.close();
    await team.close();
  }
});
