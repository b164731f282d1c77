/**
 * `npm start`: builds Leadside and runs it on the embedded demo: a demo Salesforce Lightning lead
 * page served locally at its real hostname, with the bundled demo marketing data as the source.
 *
 * With a display, Chromium opens with the extension loaded and stays open for you to try.
 * Without one (or with --headless), it walks the demo (open lead → brief → open a suggestion →
 * feedback → Insights), writes a screenshot of each step and prints their paths.
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

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const outDir = path.resolve('artifacts/demo');

async function main() {
  ensureChromium();
  console.log('Building the extension (wxt build)…');
  execSync('npx wxt build', { stdio: 'inherit' });

  const server = await startTestServer();
  registerCrmFixtures(server);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'leadside-demo-'));
  const { context, extensionId, serviceWorker } = await launchWithExtension({ userDataDir, port: server.port, headless });
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
    console.log('Click the Leadside toolbar icon (or Alt+Shift+L) to open the side panel; a pinned panel is open in the second tab.');
    console.log('Close the browser window to stop.');
    await new Promise((resolve) => context.on('close', resolve));
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
  await crm.locator('leadside-glance').getByRole('button', { name: 'Open brief' }).waitFor();
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
  await insights.page.getByTestId('content-usage').waitFor();
  await shot(insights.page, '04-insights');

  const options = await context.newPage();
  await options.setViewportSize({ width: 1000, height: 800 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Leadside Options' }).waitFor();
  await shot(options, '05-options');

  await context.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
  console.log('\nNo display found, so Leadside walked the demo headless. Screenshots:');
  for (const file of shots) console.log(`  ${file}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
