/**
 * The marketing dashboard (dashboard/, served at the team server's root) in Chromium, against the
 * real team server: what reps did in the extension reaches marketing's screens, filters and CSV
 * exports; reps are kept out; every page passes axe in light and dark, and is screenshotted at
 * 1280 and 390 px into artifacts/dashboard/.
 *
 * Needs `npm run build:dashboard` first (npm run test:e2e and scripts/test.ts do it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { DASHBOARD_BUILD_DIR } from '../../server/dashboard/static';
import { findAccount } from '../../server/admin/accounts';
import { hashPassword } from '../../server/dashboard/password';
import { setPasswordHash } from '../../server/db/queries/sign-in';
import { DashboardPage, DASHBOARD_PATHS, DEMO_EMAILS, enableDashboardSignIn, type DashboardPageId } from '../support/dashboard-pages';
import { openSecondProfile, readLocal, repSession, type LocalRecords } from '../support/rep-session';
import { serveTeamServer, type TeamServer } from '../support/team-server';

// Two demo leads with Salesforce ids (public/demo/leads.json), from different sources.
const PRIYA = { id: '00Q8d00000XyZ1aEAF', name: 'Priya', channel: 'paid_search', campaign: 'Q3 SOC 2 Readiness – Google Ads' };
const MARCUS = { id: '00Q8d00000XyZ2bEAF', name: 'Marcus Oyelaran', channel: 'webinar', campaign: 'HIPAA Access Controls Webinar – Oct' };

const SHOTS = path.resolve('artifacts/dashboard');

test.beforeAll(() => {
  if (!existsSync(path.join(DASHBOARD_BUILD_DIR, 'index.html'))) throw new Error('The dashboard is not built: run `npm run build:dashboard` first.');
});

/** Ben Rep's side, through the REST contract as his extension's outbox would send it: an opened item and a verdict. */
async function benOpensAndRates(team: TeamServer, contentId: string): Promise<void> {
  const id = randomUUID();
  const event = { id, type: 'opened', contentId, at: new Date().toISOString(), leadKey: `salesforce:${MARCUS.id}`, source: { channel: MARCUS.channel, campaign: MARCUS.campaign } };
  const response = await team.api(team.tokens.rep2, '/v1/deliveries', { method: 'POST', body: { items: [{ kind: 'event', id, item: event }] } });
  expect(await response.json()).toEqual({ results: [{ id, status: 'stored' }] });
  expect(
    await team.verdictAs(team.tokens.rep2, { lead: { recordId: MARCUS.id, name: MARCUS.name }, source: { channel: MARCUS.channel, campaign: MARCUS.campaign }, verdict: 'good_fit', rep: 'Ben Rep' }),
  ).toBe('stored');
}

/** A prospect question from a rep, as the extension's outbox delivers it. */
async function askAs(team: TeamServer, token: string, text: string): Promise<void> {
  const id = randomUUID();
  const item = {
    id,
    createdAt: new Date().toISOString(),
    lead: { key: `salesforce:${MARCUS.id}`, crm: 'salesforce', recordId: MARCUS.id, name: MARCUS.name },
    source: { channel: MARCUS.channel, campaign: MARCUS.campaign },
    kind: 'prospect_question',
    text,
  };
  const response = await team.api(token, '/v1/deliveries', { method: 'POST', body: { items: [{ kind: 'feedback', id, item }] } });
  expect(await response.json()).toEqual({ results: [{ id, status: 'stored' }] });
}

/**
 * A request from inside the page (the test server's host names resolve only in the browser), with
 * the page's cookies; answers the status and the headers.
 */
function fetchInPage(page: Page, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return page.evaluate(
    async ([target, options]) => {
      const response = await fetch(target, { ...options, credentials: 'same-origin' });
      return { status: response.status, headers: Object.fromEntries(response.headers.entries()) };
    },
    [url, init] as const,
  );
}

/** The CSV's rows as the table's cells (header row checked separately). */
function csvRows(text: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}

test('a marketer sees two reps\' opens and verdicts, filters by rep and period, exports a CSV that matches the screen, and signs out', async ({
  extension,
  server,
  openSidePanel,
}) => {
  test.setTimeout(180_000);
  const team = await serveTeamServer(server);
  const rep2 = await openSecondProfile(server.port);
  try {
    await enableDashboardSignIn(team);

    // Two reps, each in their own extension profile with their own token, one after the other (two
    // busy Chromiums at once would crowd the machine): Ana opens the first suggestion for Priya, rates
    // it useful and books a demo; Ben does the same for Marcus and calls him a good fit.
    const ana = await repSession(extension, team, team.tokens.rep1, PRIYA, 'Demo booked', openSidePanel);
    const ben = await repSession(rep2.extension, team, team.tokens.rep2, MARCUS, 'Good fit', rep2.openSidePanel);
    // What each extension recorded (and sent: repSession waits for its outbox to drain).
    const [anaLocal, benLocal] = await Promise.all([readLocal(ana.options), readLocal(ben.options)]);
    const sent = (local: LocalRecords, type: LocalRecords['events'][number]['type']) => String(local.events.filter((event) => event.type === type).length);
    expect([sent(anaLocal, 'opened'), sent(benLocal, 'opened')]).toEqual(['1', '1']);
    await rep2.close(); // Ben is done: the marketer's part needs one browser

    // The marketer signs in.
    const dashboard = await DashboardPage.signIn(extension.context, team.url, DEMO_EMAILS.marketer);
    const { page } = dashboard;
    await expect(page.getByTestId('signed-in-as')).toContainText('Mia Marketer');
    await expect(page.getByTestId('nav-admin')).toHaveCount(0); // marketers do not manage users

    // Overview: both reps' verdicts, once each.
    await expect(page.getByTestId('kpi-leads-rated-value')).toHaveText('2');
    await expect(page.getByTestId('kpi-demos-booked-value')).toHaveText('1');
    expect(await dashboard.rowByHeader('overview-by-source', 'Paid search')).toMatchObject({ 'Leads rated': '1', 'Demos booked': '1' });
    expect(await dashboard.rowByHeader('overview-by-source', 'Webinar')).toMatchObject({ 'Leads rated': '1', 'Good fit': '1', 'Demos booked': '0' });

    // The CSV export holds exactly the rows on screen.
    const shown = await dashboard.rows('overview-by-source');
    const csv = await dashboard.exportCsv('overview-by-source');
    expect(csv.name).toMatch(/^leadside-by-source-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = csvRows(csv.text);
    expect(exported.header).toEqual(await dashboard.headers('overview-by-source'));
    expect(exported.rows).toEqual(shown);
    expect(shown).toHaveLength(2);

    // Content: each rep's suggestions, open and rating, in the per-rep table, as their extension sent them.
    await dashboard.open('content');
    for (const [rep, local] of [
      ['Ana Rep', anaLocal],
      ['Ben Rep', benLocal],
    ] as const) {
      expect(await dashboard.rowByHeader('content-by-rep', rep)).toMatchObject({
        Suggested: sent(local, 'suggested'),
        Opened: '1',
        'Link copied': sent(local, 'link_copied'),
        Useful: '1',
        'Not useful': '0',
      });
    }
    // Both opened the first suggestion of their lead: the same item twice, or two items once each.
    const openedTwice = ana.title === ben.title;
    for (const title of new Set([ana.title, ben.title])) {
      expect(await dashboard.rowByHeader('content-funnel', title)).toMatchObject({ Opened: openedTwice ? '2' : '1', Useful: openedTwice ? '2' : '1' });
    }

    // Filter by rep: only Ana's verdict; the address keeps the filter across a reload and the menu.
    await dashboard.open('overview');
    await dashboard.setRep('Ana Rep');
    await expect(page).toHaveURL(/[?&]rep=/);
    await expect(page.getByTestId('kpi-leads-rated-value')).toHaveText('1');
    await expect(dashboard.table('overview-by-source').locator('tbody tr')).toHaveCount(1);
    expect(await dashboard.rowByHeader('overview-by-source', 'Paid search')).toMatchObject({ 'Leads rated': '1', 'Demos booked': '1' });
    await page.reload();
    await expect(page.getByTestId('filter-rep').locator('option:checked')).toHaveText('Ana Rep');
    await expect(page.getByTestId('kpi-leads-rated-value')).toHaveText('1');
    await dashboard.open('lead-quality');
    await expect(page).toHaveURL(/\/lead-quality\?.*rep=/);
    await expect(dashboard.table('lead-quality-table').locator('tbody tr')).toHaveCount(1);
    await dashboard.setRep('All reps');
    await expect(dashboard.table('lead-quality-table').locator('tbody tr')).toHaveCount(2);

    // Drill down: the leads behind a row, with the verdict and the rep.
    await dashboard.row('lead-quality-table', 'Webinar').getByRole('button', { name: 'Webinar' }).click();
    expect(await dashboard.rowByHeader('lead-drill-table', MARCUS.name)).toMatchObject({ Verdict: 'Good fit', Rep: 'Ben Rep' });

    // Filter by period: a month last year holds nothing; the last 7 days hold both verdicts again.
    await dashboard.open('overview');
    const lastYear = new Date().getUTCFullYear() - 1;
    await dashboard.setCustomPeriod(`${lastYear}-01-01`, `${lastYear}-01-31`);
    await expect(page).toHaveURL(new RegExp(`from=${lastYear}-01-01`));
    await expect(page.getByTestId('kpi-leads-rated-value')).toHaveText('0');
    await expect(dashboard.table('overview-by-source')).toContainText('No lead of any source was rated in this period.');
    await dashboard.setPeriod('7');
    await expect(page.getByTestId('kpi-leads-rated-value')).toHaveText('2');

    // Sign out: the sign-in form, and the session is gone on the server too.
    await dashboard.signOut();
    expect((await fetchInPage(page, '/api/session')).status).toBe(401);
    await page.goto(`${team.url}/content`);
    await expect(dashboard.signInForm).toBeVisible();
  } finally {
    await rep2.close();
    await team.close();
  }
});

test("a rep's password is refused with a clear message, and a rep's token opens no dashboard page or /api route", async ({ extension, server }) => {
  test.setTimeout(90_000);
  const team = await serveTeamServer(server);
  try {
    // A rep with a password (set straight in the database: set-password refuses reps).
    const rep = await findAccount(team.database, DEMO_EMAILS.rep1);
    await setPasswordHash(team.database.db, rep.team_id, rep.id, await hashPassword('a-rep-password-1'));
    const dashboard = new DashboardPage(await extension.context.newPage(), team.url);
    await dashboard.page.goto(team.url);
    await dashboard.submitSignIn(DEMO_EMAILS.rep1, 'a-rep-password-1');
    await expect(dashboard.page.getByTestId('rep-refused')).toContainText('The dashboard is for marketing and admins');
    await expect(dashboard.page.getByTestId('rep-refused')).toContainText('Reps use the Leadside extension');
    expect((await fetchInPage(dashboard.page, '/api/session')).status).toBe(401);

    // A wrong password says so, in words.
    await dashboard.page.getByRole('button', { name: 'Back to sign-in' }).click();
    await dashboard.submitSignIn(DEMO_EMAILS.marketer, 'not-the-password');
    await expect(dashboard.page.getByTestId('sign-in-error')).toHaveText('Wrong e-mail or password.');

    // The rep's API token: every /api route refuses it, and no page of the app signs in with it.
    const bearer = { Authorization: `Bearer ${team.tokens.rep1}` };
    for (const route of ['/api/session', '/api/team', '/api/overview', '/api/content', '/api/lead-quality', '/api/follow-up', '/api/requests', '/api/catalog', '/api/digest', '/api/users', '/api/tokens', '/api/sources']) {
      expect((await fetchInPage(dashboard.page, route, { headers: bearer })).status, `${route} with a rep's token`).toBe(401);
    }
    const signInWithToken = { method: 'POST', headers: { ...bearer, 'Content-Type': 'application/json' }, body: JSON.stringify({ email: DEMO_EMAILS.rep1, password: 'a-rep-password-1' }) };
    expect((await fetchInPage(dashboard.page, '/api/session', signInWithToken)).status).toBe(401);
    const tokenPage = await extension.context.newPage();
    await tokenPage.setExtraHTTPHeaders(bearer);
    for (const id of Object.keys(DASHBOARD_PATHS) as DashboardPageId[]) {
      await tokenPage.goto(`${team.url}${DASHBOARD_PATHS[id]}`);
      await expect(tokenPage.getByTestId('sign-in')).toBeVisible();
      await expect(tokenPage.getByTestId('signed-in-as')).toHaveCount(0);
    }
  } finally {
    await team.close();
  }
});

/** Waits until the page has loaded its data: no spinner, its header shown. */
async function settled(page: Page, id: DashboardPageId): Promise<void> {
  await page.getByTestId(`page-${id}`).waitFor();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0, { timeout: 15_000 });
}

test('every page: served with strict headers, no CSP violation, axe finds nothing serious in light and dark, screenshots at 1280 and 390 px', async ({ extension, server }) => {
  test.setTimeout(240_000);
  const team = await serveTeamServer(server);
  try {
    await enableDashboardSignIn(team);
    // Data on every page: both reps' verdicts and a field request.
    await benOpensAndRates(team, 'cs-tallybook-soc2');
    expect(
      await team.verdictAs(team.tokens.rep1, { lead: { recordId: PRIYA.id, name: 'Priya Raman' }, source: { channel: PRIYA.channel, campaign: PRIYA.campaign }, verdict: 'demo_booked', rep: 'Ana Rep' }),
    ).toBe('stored');
    await askAs(team, team.tokens.rep2, 'Does Keyline cover HIPAA audit logs?');

    const dashboard = await DashboardPage.signIn(extension.context, team.url, DEMO_EMAILS.admin);
    const { page } = dashboard;
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    const { headers } = await fetchInPage(page, '/');
    expect(headers).toMatchObject({
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");

    // Keyboard: the first Tab reaches the skip link, which moves focus to the page; the menu works with Enter
    // and puts focus on the new page's heading.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await page.getByTestId('nav-content').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Content' })).toBeFocused();

    // A failed fetch says what failed and offers Retry, which loads the page once the server answers again.
    await page.route('**/api/overview?*', (route) => route.fulfill({ status: 503, json: { error: 'The Leadside server is down for maintenance' } }));
    await dashboard.open('overview');
    await expect(page.getByTestId('load-error')).toContainText('Could not load the overview. The Leadside server is down for maintenance');
    await page.unroute('**/api/overview?*');
    await page.getByTestId('load-error').getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('kpi-leads-rated-value')).toHaveText('2');

    mkdirSync(SHOTS, { recursive: true });
    const problems: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await dashboard.setTheme(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const id of Object.keys(DASHBOARD_PATHS) as DashboardPageId[]) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await dashboard.goto(id);
        await settled(page, id);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        problems.push(
          ...results.violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => `${theme} ${id}: ${violation.id} (${violation.impact}) at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`),
        );
        await page.screenshot({ path: path.join(SHOTS, `${id}-${theme}-1280.png`), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await settled(page, id);
        await page.screenshot({ path: path.join(SHOTS, `${id}-${theme}-390.png`), fullPage: true });
      }
    }
    // The sign-in page too (signed out), in both themes.
    await page.setViewportSize({ width: 1280, height: 900 });
    await dashboard.signOut();
    for (const theme of ['light', 'dark'] as const) {
      await dashboard.setTheme(theme);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      problems.push(...results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${theme} sign-in: ${violation.id}`));
      await page.screenshot({ path: path.join(SHOTS, `sign-in-${theme}-1280.png`) });
    }
    expect(problems).toEqual([]);
    expect(cspViolations).toEqual([]);
  } finally {
    await team.close();
  }
});

test("an admin makes a rep's token (its secret shown once), the extension's API takes it, and revoking it shuts it out", async ({ extension, server }) => {
  test.setTimeout(90_000);
  const team = await serveTeamServer(server);
  try {
    await enableDashboardSignIn(team);
    const dashboard = await DashboardPage.signIn(extension.context, team.url, DEMO_EMAILS.admin);
    const { page } = dashboard;
    await dashboard.open('admin');
    const form = page.getByTestId('new-token');
    await form.getByLabel('Whose token').selectOption({ label: 'Ben Rep (rep)' });
    await form.getByLabel('Label').fill("Ben's new laptop");
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('token-secret').locator('code').innerText()).trim();
    expect(secret).toMatch(/^lsk_/);
    expect((await team.api(secret, '/v1/content')).status).toBe(200);

    // Shown once: after "Done" (or a reload) the page holds no trace of it.
    await page.getByTestId('token-secret').getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await page.getByTestId('tokens-table').waitFor();
    expect(await page.content()).not.toContain(secret);

    await dashboard.row('tokens-table', 'Ben Rep').filter({ hasText: "Ben's new laptop" }).getByRole('button', { name: /^Revoke/ }).click();
    await expect(dashboard.row('tokens-table', 'Ben Rep').filter({ hasText: "Ben's new laptop" })).toContainText('Revoked');
    expect((await team.api(secret, '/v1/content')).status).toBe(401);
  } finally {
    await team.close();
  }
});

test("a marketer imports a catalog file (its row report shown), saves the follow-up settings, publishes a field request's answer, and is told why the digest was not sent", async ({
  extension,
  server,
}) => {
  test.setTimeout(120_000);
  const team = await serveTeamServer(server);
  try {
    await enableDashboardSignIn(team);
    await askAs(team, team.tokens.rep2, 'Is there a one-pager on HIPAA audit logs?');
    const dashboard = await DashboardPage.signIn(extension.context, team.url, DEMO_EMAILS.marketer);
    const { page } = dashboard;

    // Catalog import: one good row, one with a broken link; the report names the refused row.
    await dashboard.open('catalog');
    const csv = [
      'id,title,type,url,summary,topics',
      'ol-hipaa-logs,HIPAA audit logs on one page,one_pager,https://www.keyline.example/hipaa-logs,What Keyline logs for HIPAA.,HIPAA;audit logs',
      'ol-broken,A broken row,one_pager,not a link,,',
    ].join('\n');
    const importForm = page.getByTestId('catalog-import');
    await importForm.getByTestId('catalog-import-file').setInputFiles({ name: 'catalog.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await importForm.getByRole('button', { name: 'Import' }).click();
    const report = importForm.getByTestId('catalog-import-result');
    await expect(report).toContainText('2 rows read: 1 valid, 1 refused.');
    await expect(report.locator('tbody tr')).toHaveCount(1);
    await expect(report.locator('tbody tr')).toContainText('url');
    await expect(dashboard.row('catalog-table', 'HIPAA audit logs on one page')).toHaveCount(1);

    // Follow-up settings: saved, in words; a nonsense value is refused before it is sent.
    await dashboard.open('follow-up');
    const settings = page.getByTestId('follow-up-settings');
    await settings.getByTestId('settings-look-hours').fill('0');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings.getByTestId('settings-result')).toHaveText(/^Not saved: First look within/);
    await settings.getByTestId('settings-look-hours').fill('8');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings.getByTestId('settings-result')).toHaveText('✓ Saved. The times below use the new settings.');
    await page.reload();
    await expect(page.getByTestId('settings-look-hours')).toHaveValue('8');

    // From the field: published with the item that answers it.
    await dashboard.open('requests');
    await dashboard.setRequestStatus('one-pager on HIPAA audit logs', 'Published', 'HIPAA audit logs on one page');
    await expect(dashboard.table('requests-table').locator('tbody tr', { hasText: 'one-pager on HIPAA' })).toContainText('Answered by HIPAA audit logs on one page');

    // Digest: no Slack webhook yet, and the page says so rather than pretending.
    await dashboard.open('digest');
    await page.getByTestId('digest-send').click();
    await expect(page.getByTestId('digest-send-result')).toContainText(/Not sent: .*webhook/i);
  } finally {
    await team.close();
  }
});
