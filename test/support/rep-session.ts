/**
 * A rep at work in the real extension against the real team server (test/support/team-server.ts):
 * a second browser profile for another rep's laptop, one rep's session on a Salesforce lead, and what
 * the extension stored and queued, read from its IndexedDB. Shared by the team-server and dashboard
 * e2e specs, so "what two reps did" is always what two extensions really sent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionHandle } from './launch';
import { openPinnedSidePanel, salesforceRecordUrl, SidePanel } from './pages';
import { connectLeadsideServer, type TeamServer } from './team-server';

export interface LocalRecords {
  outbox: Array<{ id: string; state: string; destination?: string }>;
  events: Array<{ id: string; type: 'suggested' | 'opened' | 'link_copied'; contentId: string }>;
  feedback: Array<{ id: string; kind: string }>;
}

/** What this browser stored and queued, read straight from the extension's IndexedDB. */
export function readLocal(extensionPage: Page): Promise<LocalRecords> {
  return extensionPage.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('leadside');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = database.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [outbox, events, feedback] = await Promise.all([all('outbox'), all('contentEvents'), all('feedback')]);
    database.close();
    return { outbox, events, feedback } as LocalRecords;
  });
}

/**
 * One rep's session: connect to the team server with their own token, open a lead in Salesforce,
 * open the first suggestion, rate it useful, give a verdict and (optionally) ask marketing something.
 * Resolves once everything the browser queued has reached the server. Returns the title of the
 * content opened, the extension's Options page (for readLocal), the CRM tab and the side panel.
 */
export async function repSession(
  rep: ExtensionHandle,
  team: TeamServer,
  token: string,
  lead: { id: string },
  verdict: string,
  openSidePanel: (tabPage: Page) => Promise<Page>,
  question?: string,
) {
  const options = await connectLeadsideServer(rep.context, rep.extensionId, { url: team.url, token });
  await options.getByRole('button', { name: 'Test connection' }).click();
  const checks = options.getByTestId('connection-checks');
  for (const capability of ['Sign-in', 'Lead lookup', 'Content list', 'Feedback delivery']) await expect(checks).toContainText(`✓ ${capability}`);

  const crm = await rep.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', lead.id));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.suggestions).toHaveCount(3);
  const first = panel.suggestions.first();
  const title = (await first.getByRole('heading').innerText()).trim();
  const opened = await panel.openSuggestion(first, rep.context);
  await opened.close();
  await panel.rateSuggestion(first, true);
  await panel.giveVerdict(verdict);
  if (question) {
    await panel.page.getByRole('radio', { name: 'Prospect question' }).check();
    await panel.page.getByLabel('What the prospect asked').fill(question);
    await panel.page.getByRole('button', { name: 'Send to marketing' }).click();
    await expect(panel.page.getByText('✓ Question saved')).toBeVisible();
  }
  // Everything this browser queued reaches the server (verdicts, ratings, questions, content events).
  await expect
    .poll(async () => (await readLocal(options)).outbox.filter((row) => row.state !== 'sent').map((row) => `${row.id}: ${row.state}`), { timeout: 30_000 })
    .toEqual([]);
  return { title, options, crm, panel };
}

/**
 * A second browser profile (another rep's laptop) with the built extension, on the same test server.
 * Run the two reps one after the other: two busy Chromiums at once crowd a small machine.
 */
export async function openSecondProfile(port: number) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'leadside-rep2-'));
  const extension = await launchWithExtension({ userDataDir, port });
  return {
    extension,
    openSidePanel: (tabPage: Page) => openPinnedSidePanel(extension, tabPage),
    close: async () => {
      await extension.context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
