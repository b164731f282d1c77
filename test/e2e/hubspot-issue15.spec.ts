import path from 'node:path';
import type http from 'node:http';
import { expect, test } from './fixtures';
import { salesforceRecordUrl, SidePanel } from '../support/pages';
import { grantSiteAccessInBrowserSettings } from '../support/site-access';
import type { TestServer } from '../support/https-server';

const TOKEN = 'pat-na1-issue15-good-token';
const SHOTS = path.resolve('artifacts/issue15');

/**
 * HubSpot at its real host as a new account answers (HubSpot's own models): the contact found by
 * e-mail has its stated problem without propertiesWithHistory or a conversion date, its best time as
 * free text, only the visit summary (no last timestamp), and the events API refuses the scope.
 */
function serveNewHubSpotAccount(server: TestServer, acceptedToken: string) {
  const contact = {
    id: '90210',
    properties: {
      email: 'priya.raman@ledgerly.io',
      firstname: 'Priya',
      lastname: 'Raman',
      company: 'Ledgerly',
      what_is_your_challenge: 'Our auditors want evidence for 80 controls and it lives in six spreadsheets.',
      best_time_to_reach_you: 'Mon/Wed mornings, before 11 ET',
      hs_timezone: 'america_slash_new_york',
      hs_analytics_source: 'ORGANIC_SEARCH',
      hs_analytics_num_page_views: '9',
      hs_analytics_num_visits: '3',
      hs_analytics_first_url: 'https://www.keyline.example/blog/soc-2-evidence',
      hs_analytics_first_timestamp: '2026-10-02T08:15:00.000Z',
      hs_analytics_last_url: 'https://www.keyline.example/pricing',
      first_conversion_date: null,
      recent_conversion_date: null,
      lastmodifieddate: '2026-11-20T10:00:03.001Z',
    },
    createdAt: '2026-10-02T08:16:40.112Z',
    updatedAt: '2026-11-20T10:00:03.001Z',
    archived: false,
  };
  server.route('api.hubapi.com', async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${acceptedToken}`) {
      return answer(401, { status: 'error', message: 'Authentication credentials not found.', correlationId: '3c1d0b8a-0f0e-4d8c-9b7a-6e5d4c3b2a10', category: 'INVALID_AUTHENTICATION' });
    }
    if (url.pathname === '/crm/v3/objects/contacts/search') return answer(200, { total: 1, results: [{ id: '90210', properties: { email: contact.properties.email } }] });
    if (url.pathname === '/crm/v3/objects/contacts/90210') return answer(200, contact);
    if (url.pathname === '/events/v3/events') {
      return answer(403, { status: 'error', message: "This app hasn't been granted all required scopes to make this call.", correlationId: 'a0b1c2d3-e4f5-4061-8293-a4b5c6d7e8f9', category: 'MISSING_SCOPES' });
    }
    return answer(404, { status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' });
  });
}

async function useHubSpot(extension: { context: import('@playwright/test').BrowserContext; extensionId: string }, token: string) {
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, 'api.hubapi.com');
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('radio', { name: 'HubSpot' }).check();
  await options.getByLabel('Private app access token').fill(token);
  await options.getByLabel('Property with the problem they stated').fill('what_is_your_challenge');
  await options.getByLabel(/Property with their best time/).fill('best_time_to_reach_you');
  await options.getByRole('button', { name: 'Use this source' }).click();
  await expect(options.getByTestId('source-status')).toHaveText('✓ Connected to HubSpot');
  await options.close();
}

test('a new HubSpot account: the problem without a date, best time as written, and a note that per-page history needs the scope', async ({
  extension,
  server,
  openSidePanel,
}) => {
  serveNewHubSpotAccount(server, TOKEN);
  await useHubSpot(extension, TOKEN);
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.section('brief-problem')).toContainText('it lives in six spreadsheets');
  await expect(panel.section('brief-problem').getByTestId('problem-caption')).toContainText('date unknown');
  await expect(panel.section('brief-contact').getByTestId('best-time-text')).toHaveText('“Mon/Wed mornings, before 11 ET”');
  await expect(panel.section('brief-contact').getByTestId('best-time-window')).toContainText('08:00–11:00, Mon, Wed, America/New York time');
  await expect(panel.page.getByTestId('data-gap')).toContainText('Per-page history needs HubSpot’s web-analytics scope or Enterprise');
  await expect(panel.section('brief-pages')).toContainText('Last page seen, date unknown');
  await panel.page.screenshot({ path: path.join(SHOTS, 'hubspot-new-account-panel.png'), fullPage: true });
});

test('a HubSpot token that is refused: the brief offers "Reconnect HubSpot", which opens Options at HubSpot’s form', async ({
  extension,
  server,
  openSidePanel,
}) => {
  serveNewHubSpotAccount(server, TOKEN);
  await useHubSpot(extension, 'pat-na1-revoked-token');
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));

  const error = panel.page.getByTestId('state-error');
  await expect(error).toContainText('HubSpot answered 401');

  // Retrying with the same token would fail the same way: the plain Retry is not offered.
  await expect(error.getByRole('button', { name: 'Retry', exact: true })).toHaveCount(0);
  await expect(error.getByTestId('retry-after-reconnect')).toHaveText('Reconnected? Try again');
  await panel.page.screenshot({ path: path.join(SHOTS, 'hubspot-reconnect-panel.png'), fullPage: true });

  const [options] = await Promise.all([extension.context.waitForEvent('page'), error.getByRole('button', { name: 'Reconnect HubSpot' }).click()]);
  await options.waitForLoadState();
  expect(new URL(options.url()).hash).toBe('#source-hubspot');
  await expect(options.getByLabel('Private app access token')).toBeFocused();

  // Reconnected with the right token: trying again brings the brief.
  await options.getByLabel('Private app access token').fill(TOKEN);
  await options.getByTestId('data-source').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('source-status')).toHaveText('✓ Connected to HubSpot');
  await panel.page.bringToFront();
  await error.getByTestId('retry-after-reconnect').click();
  await expect(panel.section('brief-problem')).toContainText('it lives in six spreadsheets');
});
