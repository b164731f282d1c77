/**
 * Page objects: how a person uses Leadside's pages, shared by the end-to-end tests and the
 * `npm start` demo walk so both drive the product the same way.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { getTabId, wakeServiceWorker } from './launch';

export const SALESFORCE_ORIGIN = 'https://acme.lightning.force.com';
export const salesforceRecordUrl = (objectType: 'Lead' | 'Contact', id: string) =>
  `${SALESFORCE_ORIGIN}/lightning/r/${objectType}/${id}/view`;

/** The fixture CRM app navigates in-page (pushState), like Lightning; see test/fixtures/crm. */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => window.__fixtureNavigate(target), path);
}

export class SidePanel {
  constructor(readonly page: Page) {}

  get detectedName(): Locator {
    return this.page.getByTestId('detected-name');
  }
  get detectedRecordId(): Locator {
    return this.page.getByTestId('detected-record-id');
  }
  get detectedEmail(): Locator {
    return this.page.getByTestId('detected-email');
  }
  section(testId: 'brief-source' | 'brief-pages' | 'brief-problem' | 'brief-contact' | 'brief-warmth' | 'suggestions'): Locator {
    return this.page.getByTestId(testId);
  }
  get suggestions(): Locator {
    return this.page.getByTestId('suggestion');
  }

  /**
   * From now on, logs the text of the given parts (data-testid; a missing part reads '') at every
   * change of the panel, joined by "|", so a test can prove a wrong state never appeared, not only
   * that the last one is right. Returns a reader of the log.
   */
  async recordStates(testIds: readonly string[]): Promise<() => Promise<string[]>> {
    // No named inner functions: these callbacks run in the panel, where a bundler's or tsx's
    // __name helper (which such functions get wrapped in) does not exist.
    const log = await this.page.evaluate((ids) => {
      const panelWindow = window as unknown as { __leadsideStates?: string[][] };
      const logs = panelWindow.__leadsideStates ?? [];
      panelWindow.__leadsideStates = logs;
      const seen: string[] = [];
      logs.push(seen);
      new MutationObserver(() => {
        seen.push(ids.map((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').join('|'));
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
      return logs.length - 1;
    }, [...testIds]);
    return () => this.page.evaluate((index) => (window as unknown as { __leadsideStates: string[][] }).__leadsideStates[index]!, log);
  }

  /** Clicks a verdict and waits until the panel confirms it was stored. */
  async giveVerdict(label: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Lead verdict' }).getByRole('button', { name: label, exact: true }).click();
    await this.page.getByTestId('verdict-status').getByText(`Saved: ${label}`).waitFor();
  }

  /** Rates a suggestion and waits for the stored confirmation. */
  async rateSuggestion(suggestion: Locator, useful: boolean): Promise<void> {
    await suggestion.getByRole('button', { name: useful ? 'Useful' : 'Not useful', exact: true }).click();
    await suggestion.getByText(useful ? 'Saved: useful' : 'Saved: not useful').waitFor();
  }

  /** Clicks Open on a suggestion and returns the tab it opened. */
  async openSuggestion(suggestion: Locator, context: BrowserContext): Promise<Page> {
    const opened = context.waitForEvent('page');
    await suggestion.getByRole('button', { name: 'Open', exact: true }).click();
    return opened;
  }
}

export class InsightsPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<InsightsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/insights.html`);
    await page.getByRole('heading', { name: 'Leadside Insights' }).waitFor();
    return new InsightsPage(page);
  }

  /** The cells of the row whose first cell is `label`, in the table with `testId`. */
  async rowCells(testId: string, label: string): Promise<string[]> {
    const row = this.page.getByTestId(testId).locator('tbody tr').filter({ has: this.page.locator('td:first-child', { hasText: label }) });
    await row.first().waitFor();
    return (await row.first().locator('td').allInnerTexts()).map((text) => text.trim());
  }

  async headers(testId: string): Promise<string[]> {
    return (await this.page.getByTestId(testId).locator('thead th').allInnerTexts()).map((text) => text.trim());
  }
}

/**
 * Opens `sidepanel.html?tabId=<tab>` for a CRM tab of any browser profile (the fixture's
 * `openSidePanel` does this for the test's own browser), then re-activates the CRM tab.
 */
export async function openPinnedSidePanel(extension: { context: BrowserContext; extensionId: string }, tabPage: Page): Promise<Page> {
  const tabId = await getTabId(await wakeServiceWorker(extension.context, extension.extensionId), tabPage);
  const panel = await extension.context.newPage();
  await panel.goto(`chrome-extension://${extension.extensionId}/sidepanel.html?tabId=${tabId}`);
  await tabPage.bringToFront();
  return panel;
}
