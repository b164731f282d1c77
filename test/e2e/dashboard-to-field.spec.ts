/**
 * From the dashboard back to the field (issue 10): what marketing does on the team server reaches the
 * rep's side panel, and what the rep's extension reports reaches the server. In real Chromium with
 * the built extension, against the real server (server/app.ts on PGlite) on its production-looking host;
 * the marketer uses the dashboard web app it serves, signed in, in another tab.
 *
 * Needs `npm run build:dashboard` first (npm run test:e2e and scripts/test.ts do it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DashboardPage, DEMO_EMAILS, enableDashboardSignIn } from '../support/dashboard-pages';
import { salesforceRecordUrl, SidePanel } from '../support/pages';
import { connectLeadsideServer, serveTeamServer, type TeamServer } from '../support/team-server';
import { DASHBOARD_BUILD_DIR } from '../../server/dashboard/static';

// A demo lead with a Salesforce id (public/demo/leads.json).
const PRIYA = { id: '00Q8d00000XyZ1aEAF', name: 'Priya Raman' };
const REQUEST = 'Need a SOC 2 evidence checklist for their auditors';

test.beforeAll(() => {
  if (!existsSync(path.join(DASHBOARD_BUILD_DIR, 'index.html'))) throw new Error('The dashboard is not built: run `npm run build:dashboard` first.');
});

/** The first looks the server stored: which rep first opened which lead's record. */
const leadLooks = (team: TeamServer) =>
  team.database.db
    .selectFrom('lead_looks')
    .innerJoin('users', (join) => join.onRef('users.team_id', '=', 'lead_looks.team_id').onRef('users.id', '=', 'lead_looks.user_id'))
    .select(['users.email', 'lead_looks.profile_id'])
    .execute();

/** The panel's log line of the rep's request, and its status line from marketing. */
const requestLine = (panel: Page) => panel.getByTestId('feedback-item').filter({ hasText: REQUEST });

test('marketing marks a field request planned and edits a catalog item; the rep sees both; the rep\'s first look reaches the server', async ({
  extension,
  server,
  openSidePanel,
}) => {
  test.setTimeout(240_000);
  const team = await serveTeamServer(server);
  try {
    // The rep connects with their own token and keeps briefs for a minute (Options → You): the
    // catalog is then downloaded again a minute after the first brief, as the rep's next brief shows.
    const options = await connectLeadsideServer(extension.context, extension.extensionId, { url: team.url, token: team.tokens.rep1 });
    await options.getByLabel('Keep briefs cached for (minutes)').fill('1');
    await options.getByRole('form', { name: 'You' }).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.getByTestId('profile-status')).toHaveText('✓ Saved');

    // The rep opens the lead's record: the brief, its suggestions, and the first look.
    const crm = await extension.context.newPage();
    await crm.goto(salesforceRecordUrl('Lead', PRIYA.id));
    const panel = new SidePanel(await openSidePanel(crm));
    await expect(panel.suggestions).toHaveCount(3);
    const catalogFetchedBy = Date.now();
    const profileId = await panel.page.getByTestId('brief').getAttribute('data-lead-id');
    expect(profileId).toBeTruthy();
    await expect.poll(() => leadLooks(team), { timeout: 30_000 }).toEqual([{ email: DEMO_EMAILS.rep1, profile_id: profileId }]);

    // The rep asks marketing for content; once the server stored it, it shows as New.
    await panel.page.getByLabel('Content you need').fill(REQUEST);
    await panel.page.getByRole('button', { name: 'Send to marketing' }).click();
    await expect(panel.page.getByText('✓ Content request saved')).toBeVisible();
    await expect(requestLine(panel.page)).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
    await expect(requestLine(panel.page).getByTestId('request-status')).toHaveText('Marketing: New');

    // The marketer, signed in to the dashboard, marks it planned and retitles the first suggestion.
    const first = panel.suggestions.first();
    const contentId = (await first.getAttribute('data-content-id'))!;
    const oldTitle = (await first.getByRole('heading').innerText()).trim();
    const newTitle = `${oldTitle} (2027 edition)`;
    await enableDashboardSignIn(team);
    const dashboard = await DashboardPage.signIn(extension.context, team.url, DEMO_EMAILS.marketer);
    await dashboard.open('requests');
    await expect(dashboard.row('requests-table', '').filter({ hasText: REQUEST })).toContainText(PRIYA.name);
    await dashboard.setRequestStatus(REQUEST, 'Planned');
    await dashboard.open('catalog');
    await dashboard.editCatalogItem(oldTitle, { title: newTitle });
    await dashboard.page.close();

    // The rep's side panel shows Planned the next time it shows the log once the worker's brief cache
    // of statuses (30 s) has passed: the rep reopens the panel now and then.
    await expect(async () => {
      await panel.page.reload();
      await expect(requestLine(panel.page).getByTestId('request-status')).toHaveText('Marketing: Planned', { timeout: 3_000 });
    }).toPass({ timeout: 60_000, intervals: [2_000] });

    // The rep comes back to the record after the catalog's cadence (a minute here): the brief shows the new title.
    await panel.page.waitForTimeout(Math.max(0, catalogFetchedBy + 61_000 - Date.now()));
    await crm.reload();
    await expect(panel.page.locator(`[data-testid="suggestion"][data-content-id="${contentId}"]`).getByRole('heading')).toHaveText(newTitle, { timeout: 30_000 });
    await expect(panel.page.getByText(oldTitle, { exact: true })).toHaveCount(0);

    // Looking again changes nothing: the server keeps the rep's first look, and the extension sent one.
    expect(await leadLooks(team)).toEqual([{ email: DEMO_EMAILS.rep1, profile_id: profileId }]);
  } finally {
    await team.close();
  }
});
