/**
 * `npm start`: builds Leadside and runs the whole loop on this machine: the team server on its
 * embedded database (PGlite in a fresh folder) loaded with the bundled demo data, the extension
 * connected to it with a demo rep's token, and a demo Salesforce Lightning lead page served locally at
 * its real hostname. The server also listens on http://127.0.0.1:8787 (its API reference at /docs).
 *
 * With a display, Chromium opens with the extension loaded and stays open for you to try.
 * Without one (or with --headless), it walks the demo (open lead → brief → open a suggestion →
 * feedback → the team's Insights, with another rep's verdict beside this one), writes a screenshot of
 * each step and prints their paths.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTabId, launchWithExtension } from '../test/support/launch';
import { startTestServer } from '../test/support/https-server';
import { registerCrmFixtures } from '../test/support/crm-fixtures';
import { InsightsPage, salesforceRecordUrl, SidePanel } from '../test/support/pages';
import { ensureChromium } from '../test/support/chromium';
import { readClosedShadow } from '../test/support/closed-shadow';
import { expect } from '@playwright/test';
import { connectLeadsideServer, serveTeamServer } from '../test/support/team-server';
import { serve } from '@hono/node-server';
import { buildDashboard } from './build-dashboard';
import { DashboardPage, DASHBOARD_PASSWORD, DEMO_EMAILS, enableDashboardSignIn } from '../test/support/dashboard-pages';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const outDir = path.resolve('artifacts/demo');
/** Where the demo's team server also listens for a person (its API reference at /docs). */
const LOCAL_PORT = 8787;

async function main() {
  ensureChromium();
  console.log('Building the extension (wxt build)…');
  execSync('npx wxt build', { stdio: 'inherit' });
  console.log('Building the marketing dashboard…');
  await buildDashboard();

  const server = await startTestServer();
  registerCrmFixtures(server);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leadside-demo-server-'));
  console.log(`Starting the team server (PGlite in ${dataDir}) with the demo team…`);
  const team = await serveTeamServer(server, { dataDir });
  const local = serve({ fetch: team.app.fetch, port: LOCAL_PORT, hostname: '127.0.0.1' });
  local.on('error', (error) => console.warn(`The server is not also on http://127.0.0.1:${LOCAL_PORT}: ${error.message}`));
  // The team view is about every rep: before the walk, Ben Rep (the demo's second rep) calls another
  // demo lead a good fit, through the same API his extension would use.
  const bens = await team.verdictAs(team.tokens.rep2, {
    lead: { recordId: '00Q8d00000XyZ2bEAF', name: 'Marcus Oyelaran' },
    source: { channel: 'webinar', campaign: 'HIPAA Access Controls Webinar – Oct' },
    verdict: 'good_fit',
    rep: 'Ben Rep',
  });
  if (bens !== 'stored') throw new Error(`The demo server refused Ben Rep's verdict: ${bens}`);
  // Marketing's dashboard at the server's root: the demo marketer and admin get a password.
  await enableDashboardSignIn(team);
  const dashboardHelp = `The marketing dashboard: http://127.0.0.1:${LOCAL_PORT}/ (or ${team.url} in the demo browser); sign in as ${DEMO_EMAILS.marketer} or ${DEMO_EMAILS.admin}, password ${DASHBOARD_PASSWORD}`;

  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'leadside-demo-'));
  const { context, extensionId, serviceWorker } = await launchWithExtension({ userDataDir, port: server.port, headless });
  const connected = await connectLeadsideServer(context, extensionId, { url: team.url, token: team.tokens.rep1 });
  await connected.close();
  const leadUrl = salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF');

  const crm = context.pages()[0] ?? (await context.newPage());
  await crm.setViewportSize({ width: 1280, height: 800 });
  await crm.goto(leadUrl);
  const tabId = await getTabId(serviceWorker, leadUrl);
  const panelPage = await context.newPage();
  await panelPage.setViewportSize({ width: 420, height: 1000 });
  await panelPage.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);

  if (!headless) {
    await crm.bringToFront();
    console.log(`\nLeadside is running on a demo Salesforce lead: ${leadUrl}`);
    console.log(`It is connected to the team server as Ana Rep; the server's API reference: http://127.0.0.1:${LOCAL_PORT}/docs`);
    console.log(dashboardHelp);
    console.log(`Tokens of the demo team (for curl or another browser): ${JSON.stringify(team.tokens)}`);
    console.log('Click the Leadside toolbar icon (or Alt+Shift+L) to open the side panel; a pinned panel is open in the second tab.');
    console.log('Close the browser window to stop.');
    await new Promise((resolve) => context.on('close', resolve));
    local.close();
    await team.close();
    await server.close();
    return;
  }

  mkdirSync(outDir, { recursive: true });
  const shots: string[] = [];
  const shot = async (page: typeof crm, name: string, fullPage = true) => {
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    shots.push(file);
  };

  const panel = new SidePanel(panelPage);
  // The pill's shadow root is closed to the page: wait for it the way the browser sees it.
  await expect.poll(async () => (await readClosedShadow(crm, 'leadside-glance'))?.text ?? '', { timeout: 15_000 }).toContain('·');
  await shot(crm, '01-crm-lead-with-glance-pill', false);
  await panel.suggestions.first().waitFor();
  await shot(panelPage, '02-side-panel-brief');

  const first = panel.suggestions.first();
  const opened = await panel.openSuggestion(first, context);
  await opened.close();
  await panel.giveVerdict('Demo booked');
  await panel.rateSuggestion(first, true);
  await shot(panelPage, '03-side-panel-after-feedback');

  const insights = await InsightsPage.open(context, extensionId);
  await insights.page.setViewportSize({ width: 1200, height: 900 });
  // The team's numbers: this walk's open and verdict (Ana Rep) beside Ben Rep's, from the server.
  await insights.page.getByTestId('insights-scope').getByText('Team data').waitFor();
  await insights.page.getByTestId('quality-by-channel').getByText('Webinar').waitFor();
  await shot(insights.page, '04-team-insights');

  const options = await context.newPage();
  await options.setViewportSize({ width: 1000, height: 800 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Leadside Options' }).waitFor();
  await shot(options, '05-options');

  // Marketing's side of the same walk: Ana's verdict and Ben's, on the dashboard.
  const dashboard = await DashboardPage.signIn(context, team.url, DEMO_EMAILS.marketer);
  await dashboard.page.setViewportSize({ width: 1280, height: 900 });
  for (const [id, name] of [
    ['overview', '06-dashboard-overview'],
    ['lead-quality', '07-dashboard-lead-quality'],
    ['content', '08-dashboard-content'],
  ] as const) {
    await dashboard.goto(id);
    // Until every part of the page has its data (no "Loading …" status left).
    await dashboard.page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((status) => status.textContent?.startsWith('Loading')));
    await shot(dashboard.page, name);
  }

  await context.close();
  local.close();
  await team.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  console.log('\nNo display found, so Leadside walked the demo headless. Screenshots:');
  for (const file of shots) console.log(`  ${file}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
