import { mkdir } from 'node:fs/promises';
import type http from 'node:http';
import type { Page } from '@playwright/test';
import { expect, test, type ExtensionHandle } from './fixtures';
import { salesforceRecordUrl, SidePanel } from '../support/pages';
import { grantSiteAccessInBrowserSettings } from '../support/site-access';
import { PSEUDO_CHECK, setUiLanguage } from '../support/ui-language';

const SHOTS = 'artifacts/i18n';
const PRIYA = salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF');
const UNKNOWN = salesforceRecordUrl('Lead', '00Q8d00000NoMaTCH9');

/** The side panel's usual width: long German or French words must fit in it. */
const PANEL_SIZE = { width: 360, height: 800 };

/** Text on the page that escaped the pseudo-locale (never sent through `t`), lead data aside. */
const untranslated = (page: Page) => page.evaluate<string[]>(PSEUDO_CHECK);

/** HubSpot set up in Options (in English, as an admin does), then Priya's brief in the pseudo-locale. */
async function hubSpotBriefInPseudoLocale(extension: ExtensionHandle, openSidePanel: (tabPage: Page) => Promise<Page>, token: string): Promise<SidePanel> {
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, 'api.hubapi.com');
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('radio', { name: 'HubSpot' }).check();
  await options.getByLabel('Private app access token').fill(token);
  await options.getByRole('button', { name: 'Use this source' }).click();
  await expect(options.getByTestId('source-status')).toContainText('HubSpot');
  await options.close();

  await setUiLanguage(extension.context, extension.extensionId, 'en-XA');
  const crm = await extension.context.newPage();
  await crm.goto(PRIYA);
  const panel = new SidePanel(await openSidePanel(crm));
  await panel.page.setViewportSize(PANEL_SIZE);
  return panel;
}

test.beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
});

test('German: the brief, verdict and feedback log speak German, dates in German form, in light and dark', async ({ extension, openSidePanel }) => {
  await setUiLanguage(extension.context, extension.extensionId, 'de');
  const crm = await extension.context.newPage();
  await crm.goto(PRIYA);
  const panel = new SidePanel(await openSidePanel(crm));
  await panel.page.setViewportSize(PANEL_SIZE);

  await expect(panel.page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(panel.suggestions).toHaveCount(3);
  await expect(panel.section('brief-source').getByRole('heading')).toHaveText('Wie der Lead zu uns kam');
  await expect(panel.section('brief-source')).toContainText('Bezahlte Suche');
  await expect(panel.section('suggestions').getByRole('heading', { level: 2 })).toHaveText('Empfohlene Inhalte');
  await expect(panel.page.getByTestId('do-not-contact')).toContainText('Nicht anrufen');
  await expect(panel.section('brief-contact')).toContainText('09:00–11:00, werktags');
  // Lead data stays as marketing wrote it.
  await expect(panel.section('brief-problem')).toContainText('first SOC 2 Type II audit in March');
  // A German date: "Besuch 3 · 12. Nov., 14:05" (day, dot, German month abbreviation).
  await expect(panel.section('brief-pages').getByTestId('visit').first()).toContainText(
    /Besuch \d+ · \d{1,2}\. (Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.),? \d{2}:\d{2}/,
  );
  await expect(panel.page.getByTestId('fetched-at')).toContainText('Marketingdaten aktualisiert');

  await panel.page.getByTestId('verdict-bar').getByRole('button', { name: 'Passt gut' }).click();
  await expect(panel.page.getByTestId('verdict-status')).toHaveText('✓ Gespeichert: Passt gut');
  await expect(panel.page.getByTestId('feedback-log')).toContainText('Einschätzung: Passt gut');
  await panel.page.getByTestId('verdict-bar').getByRole('button', { name: 'Klarer Bedarf' }).click();

  // Nothing wider than the panel: no German word pushes the layout sideways.
  expect(await panel.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANEL_SIZE.width);
  await panel.page.screenshot({ path: `${SHOTS}/sidepanel-de.png`, fullPage: true });
  await panel.page.emulateMedia({ colorScheme: 'dark' });
  await expect(panel.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await panel.page.screenshot({ path: `${SHOTS}/sidepanel-de-dark.png`, fullPage: true });
});

test('pseudo-locale: no untranslated text on the brief with suggestions, a verdict and the feedback log, nor on “not found”', async ({
  extension,
  openSidePanel,
}) => {
  await setUiLanguage(extension.context, extension.extensionId, 'en-XA');
  const crm = await extension.context.newPage();
  await crm.goto(PRIYA);
  const panel = new SidePanel(await openSidePanel(crm));
  await panel.page.setViewportSize(PANEL_SIZE);
  await expect(panel.suggestions).toHaveCount(3);

  await panel.page.getByTestId('verdict-bar').getByRole('group').first().getByRole('button').first().click();
  await expect(panel.page.getByTestId('feedback-item')).toHaveCount(1);
  await panel.page.locator('#tell-text').fill('Need a case study for auditors');
  await panel.page.locator('form[aria-labelledby="tell-title"] button[type="submit"]').click();
  await expect(panel.page.getByTestId('feedback-item')).toHaveCount(2);
  await panel.suggestions.first().getByRole('group').getByRole('button').first().click();
  await expect(panel.page.getByTestId('feedback-item')).toHaveCount(3);

  expect(await untranslated(panel.page)).toEqual([]);
  await panel.page.screenshot({ path: `${SHOTS}/sidepanel-pseudo.png`, fullPage: true });

  await crm.goto(UNKNOWN);
  await expect(panel.page.getByTestId('state-not-found')).toBeVisible();
  expect(await untranslated(panel.page)).toEqual([]);
  await panel.page.screenshot({ path: `${SHOTS}/sidepanel-pseudo-not-found.png`, fullPage: true });
});

test('pseudo-locale: no untranslated text on an error (a marketing system refusing the credentials)', async ({ extension, server, openSidePanel }) => {
  // HubSpot refuses every token: the brief is an error with "Reconnect HubSpot".
  server.route('api.hubapi.com', async (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(401, { 'Content-Type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify({ status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' }));
  });
  const panel = await hubSpotBriefInPseudoLocale(extension, openSidePanel, 'pat-na1-revoked-token');
  const error = panel.page.getByTestId('state-error');
  await expect(error.getByTestId('reconnect')).toBeVisible();
  // Leadside's own sentence is translated, status and system filled in; HubSpot's own words follow it
  // as they came, quoted and marked translate="no" (they are HubSpot's, like lead data is the lead's).
  const message = error.getByTestId('system-message');
  await expect(message).toHaveAttribute('data-code', 'source.unauthorized');
  await expect(message).toContainText('⟦');
  await expect(message).toContainText('401');
  await expect(message.locator('q[translate="no"]')).toHaveText('Authentication credentials not found.');
  await expect(message).not.toContainText('The access token is missing');
  expect(await untranslated(panel.page)).toEqual([]);
  await panel.page.screenshot({ path: `${SHOTS}/sidepanel-pseudo-error.png`, fullPage: true });
});

test('pseudo-locale: a source’s gap note and the stale-data banner are worded in the UI language, the vendor’s words quoted', async ({
  extension,
  server,
  openSidePanel,
}) => {
  // HubSpot finds the lead, but its events API refuses the scope (a gap); later the contact read fails (stale data).
  let down = false;
  server.route('api.hubapi.com', async (_req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/crm/v3/objects/contacts/search') {
      if (down) return answer(503, { status: 'error', message: 'Service temporarily unavailable', category: 'SERVICE_UNAVAILABLE' });
      return answer(200, { total: 1, results: [{ id: '90210', properties: { email: 'priya.raman@ledgerly.io' } }] });
    }
    if (url.pathname === '/crm/v3/objects/contacts/90210') {
      if (down) return answer(503, { status: 'error', message: 'Service temporarily unavailable', category: 'SERVICE_UNAVAILABLE' });
      return answer(200, {
        id: '90210',
        properties: { email: 'priya.raman@ledgerly.io', firstname: 'Priya', lastname: 'Raman', company: 'Ledgerly', hs_analytics_num_page_views: '4' },
        createdAt: '2026-10-02T08:16:40.112Z',
        updatedAt: '2026-11-20T10:00:03.001Z',
        archived: false,
      });
    }
    if (url.pathname === '/events/v3/events') {
      return answer(403, { status: 'error', message: "This app hasn't been granted all required scopes to make this call.", category: 'MISSING_SCOPES' });
    }
    return answer(404, { status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' });
  });
  const panel = await hubSpotBriefInPseudoLocale(extension, openSidePanel, 'pat-na1-good-token');
  const gap = panel.page.getByTestId('data-gap');
  await expect(gap.getByTestId('system-message')).toHaveAttribute('data-code', 'hubspot.eventsNeedScope');
  await expect(gap).toContainText('⟦');
  expect(await untranslated(panel.page)).toEqual([]);

  // The source fails on a refresh: the cached brief stays, with a banner saying why, worded here too.
  down = true;
  await panel.page.locator('.panel-header nav button').first().click();
  const stale = panel.page.getByTestId('stale-banner');
  await expect(stale.getByTestId('system-message')).toHaveAttribute('data-code', 'source.serverError');
  await expect(stale.locator('q[translate="no"]')).toHaveText('Service temporarily unavailable');
  expect(await untranslated(panel.page)).toEqual([]);
  await panel.page.screenshot({ path: `${SHOTS}/sidepanel-pseudo-gap-and-stale.png`, fullPage: true });
});
