/**
 * Page objects of the marketing dashboard (dashboard/, served at the team server's root): how a
 * marketer or admin uses it, for the end-to-end tests and the demo walk. They find things by role,
 * label and the stable data-testids the app sets:
 *
 * - `sign-in` (form), `sign-in-error`, `sign-in-notice`, `rep-refused`, `signed-in-as`, `sign-out`
 * - `nav-<id>` menu links and `page-<id>` page headers, ids: overview, content, lead-quality,
 *   follow-up, requests, catalog, digest, admin
 * - `filter-bar`, `filter-period`, `filter-from`, `filter-to`, `filter-rep`, `theme-select`
 * - tables (each with "Export CSV"): overview-by-source, content-funnel, content-never-used,
 *   content-stale-opened, content-by-rep, lead-quality-table, lead-drill-table, follow-up-by-source,
 *   follow-up-past-sla, requests-table, catalog-table, digest-*, users-table, tokens-table
 * - `request-status-<id>` (status select), `request-publish`, `request-answer`, `request-result`
 * - `catalog-edit-<id>`, `catalog-retire-<id>` / `catalog-restore-<id>`, `catalog-edit-form`,
 *   `catalog-field-<title|url|topics|review-by|replaced-by|summary>`, `catalog-edit-result`
 * - `load-error` (a failed fetch, with Retry), `empty`, `kpi-<name>-value`
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { setDashboardPassword } from '../../server/dashboard/set-password';
import type { TeamServer } from './team-server';

/** The demo team's people (server/admin/seed-demo.ts). */
export const DEMO_EMAILS = {
  rep1: 'rep1@demo.leadside.example',
  rep2: 'rep2@demo.leadside.example',
  marketer: 'marketer@demo.leadside.example',
  admin: 'admin@demo.leadside.example',
} as const;

/** The password tests give the demo marketer and admin (12+ characters, as the server asks). */
export const DASHBOARD_PASSWORD = 'leadside-demo-password';

/** Gives the demo marketer and admin a dashboard password (reps cannot have one). */
export async function enableDashboardSignIn(team: TeamServer, password = DASHBOARD_PASSWORD): Promise<void> {
  for (const email of [DEMO_EMAILS.marketer, DEMO_EMAILS.admin]) await setDashboardPassword(team.database, { email, password });
}

export type DashboardPageId = 'overview' | 'content' | 'lead-quality' | 'follow-up' | 'requests' | 'catalog' | 'digest' | 'admin';

export const DASHBOARD_PATHS: Record<DashboardPageId, string> = {
  overview: '/',
  content: '/content',
  'lead-quality': '/lead-quality',
  'follow-up': '/follow-up',
  requests: '/requests',
  catalog: '/catalog',
  digest: '/digest',
  admin: '/admin',
};

export class DashboardPage {
  constructor(
    readonly page: Page,
    /** The server's root, e.g. https://leadside.acme-team.example */
    readonly baseUrl: string,
  ) {}

  /** Opens the dashboard in a new tab of `context` and signs in; resolves once the overview shows. */
  static async signIn(context: BrowserContext, baseUrl: string, email: string, password = DASHBOARD_PASSWORD): Promise<DashboardPage> {
    const dashboard = new DashboardPage(await context.newPage(), baseUrl);
    await dashboard.page.goto(baseUrl);
    await dashboard.submitSignIn(email, password);
    await dashboard.page.getByTestId('signed-in-as').waitFor();
    return dashboard;
  }

  get signInForm(): Locator {
    return this.page.getByTestId('sign-in');
  }

  /** Fills and sends the sign-in form (whatever the outcome). */
  async submitSignIn(email: string, password: string): Promise<void> {
    await this.signInForm.getByLabel('E-mail').fill(email);
    await this.signInForm.getByLabel('Password').fill(password);
    await this.signInForm.getByRole('button', { name: 'Sign in' }).click();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
    await this.signInForm.waitFor();
  }

  /** Goes to a page through the menu (the filters travel with it) and waits for its header. */
  async open(id: DashboardPageId): Promise<void> {
    await this.page.getByTestId(`nav-${id}`).click();
    await this.page.getByTestId(`page-${id}`).waitFor();
  }

  /** Loads a page by its address (a shared link), e.g. goto('lead-quality', '?period=7'). */
  async goto(id: DashboardPageId, search = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}${DASHBOARD_PATHS[id]}${search}`);
    await this.page.getByTestId(`page-${id}`).waitFor();
  }

  table(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** The row whose first cell contains `label`. */
  row(testId: string, label: string): Locator {
    return this.table(testId).locator('tbody tr').filter({ has: this.page.locator('td:first-child', { hasText: label }) });
  }

  async headers(testId: string): Promise<string[]> {
    return (await this.table(testId).locator('thead th').allInnerTexts()).map((text) => text.trim());
  }

  /** Every body row's cells as shown, top to bottom. */
  async rows(testId: string): Promise<string[][]> {
    return this.table(testId)
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell as HTMLElement).innerText.trim())));
  }

  /** The cells of one row by column header. */
  async rowByHeader(testId: string, label: string): Promise<Record<string, string>> {
    const row = this.row(testId, label).first();
    await row.waitFor();
    const [cells, headers] = await Promise.all([row.locator('td').allInnerTexts(), this.headers(testId)]);
    return Object.fromEntries(headers.map((header, index) => [header, (cells[index] ?? '').trim()]));
  }

  /** Clicks the table's "Export CSV" and returns the downloaded file's name and text. */
  async exportCsv(testId: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.table(testId).getByRole('button', { name: 'Export CSV' }).first().click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
  }

  /** Period: '7' | '30' | '90' (last N days). */
  async setPeriod(days: '7' | '30' | '90'): Promise<void> {
    await this.page.getByTestId('filter-period').selectOption(days);
  }

  async setCustomPeriod(from: string, to: string): Promise<void> {
    await this.page.getByTestId('filter-period').selectOption('custom');
    await this.page.getByTestId('filter-from').fill(from);
    await this.page.getByTestId('filter-to').fill(to);
  }

  /** A rep by name, or "All reps". */
  async setRep(name: string): Promise<void> {
    await this.page.getByTestId('filter-rep').selectOption({ label: name });
  }

  /**
   * On "From the field": sets the status of the request whose text contains `text`; publishing
   * picks the catalog item titled `answer`. Resolves once the page says it was saved.
   */
  async setRequestStatus(text: string, status: 'New' | 'Planned' | 'Published', answer?: string): Promise<void> {
    const row = this.table('requests-table').locator('tbody tr', { hasText: text }).first();
    await row.getByRole('combobox', { name: /^Status of/ }).selectOption({ label: status });
    if (status === 'Published') {
      if (!answer) throw new Error('Publishing a request names the catalog item that answers it');
      await row.getByTestId('request-answer').selectOption({ label: answer });
      await row.getByRole('button', { name: 'Publish' }).click();
    }
    await row.getByTestId('request-result').getByText('✓ Saved').waitFor();
  }

  /** On "Catalog": opens the item titled `title` for editing, changes the given fields and saves. */
  async editCatalogItem(title: string, changes: { title?: string; url?: string; topics?: string; reviewBy?: string; summary?: string; replacedBy?: string }): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${title}`, exact: true }).click();
    const form = this.page.getByTestId('catalog-edit-form');
    if (changes.title !== undefined) await form.getByTestId('catalog-field-title').fill(changes.title);
    if (changes.url !== undefined) await form.getByTestId('catalog-field-url').fill(changes.url);
    if (changes.topics !== undefined) await form.getByTestId('catalog-field-topics').fill(changes.topics);
    if (changes.reviewBy !== undefined) await form.getByTestId('catalog-field-review-by').fill(changes.reviewBy);
    if (changes.summary !== undefined) await form.getByTestId('catalog-field-summary').fill(changes.summary);
    if (changes.replacedBy !== undefined) await form.getByTestId('catalog-field-replaced-by').selectOption({ label: changes.replacedBy });
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByTestId('catalog-edit-result').getByText('✓ Saved').waitFor();
    await form.screenshot({ path: 'artifacts/dashboard/catalog-edit-form.png' });
  }

  async setTheme(theme: 'system' | 'light' | 'dark'): Promise<void> {
    await this.page.getByTestId('theme-select').first().selectOption(theme);
  }
}
