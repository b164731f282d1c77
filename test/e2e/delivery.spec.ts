import { text } from 'node:stream/consumers';
import { expect, test } from './fixtures';
import { salesforceRecordUrl, SidePanel } from '../support/pages';
import { connectRestGateway as connectGateway, serveRestGateway } from '../support/rest-gateway';
import { grantSiteAccessInBrowserSettings } from '../support/site-access';
import { stopServiceWorkers, wakeServiceWorker, getTabId } from '../support/launch';
import type { BrowserContext, Page } from '@playwright/test';
import { readLocal } from '../support/rep-session';

const GATEWAY = 'gateway.acme.example';
const TOKEN = 'test-token-5f2c';

async function connectRestGateway(context: BrowserContext, extensionId: string, timeoutSeconds = 8): Promise<Page> {
  const options = await connectGateway(context, extensionId, { host: GATEWAY, token: TOKEN, timeoutSeconds });
  await expect(options.getByTestId('source-status')).toHaveText('✓ Connected to REST gateway (your own service)');
  return options;
}

test('with the REST gateway: test connection, the brief from the gateway, and feedback delivered', async ({ extension, server, openSidePanel }) => {
  const gateway = serveRestGateway(server, GATEWAY, { token: TOKEN });
  const options = await connectRestGateway(extension.context, extension.extensionId);
  await options.getByRole('button', { name: 'Test connection' }).click();
  const checks = options.getByTestId('connection-checks');
  await expect(checks).toContainText('✓ Sign-in');
  await expect(checks).toContainText('✓ Content list');
  await expect(checks).toContainText('✓ Feedback delivery');
  // The token never reaches a page's storage a content script could read.
  const local = await options.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<unknown> } } } }).chrome.storage.local.get());
  expect(JSON.stringify(local)).not.toContain(TOKEN);

  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ2bEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.section('brief-source')).toContainText('HIPAA Access Controls Webinar – Oct');
  await panel.giveVerdict('Good fit');
  await expect(panel.page.getByTestId('feedback-item').first()).toHaveAttribute('data-state', 'sent');
  expect([...gateway.stored.values()]).toContainEqual(expect.objectContaining({ kind: 'verdict', verdict: 'good_fit', source: expect.objectContaining({ channel: 'webinar' }) }));
});

test('fault injection: 1,000 items through 500s, 429s, timeouts, dropped connections and stopped workers arrive exactly once', async ({
  extension,
  server,
}) => {
  test.setTimeout(420_000);
  const gateway = serveRestGateway(server, GATEWAY, { token: TOKEN, faultRate: 0.35, holdMs: 1500, maxFaultsPerItem: 4, seed: 20261122 });
  const options = await connectRestGateway(extension.context, extension.extensionId, 1);
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const tabId = await getTabId(await wakeServiceWorker(extension.context, extension.extensionId), crm);
  await expect.poll(() => options.evaluate(() => 1)).toBe(1);

  const startedAt = Date.now();
  // 600 feedback items and 400 content events, sent the way the side panel sends them, in five
  // rounds; after each round the worker is stopped while it is delivering, and a fresh one (empty
  // globals) carries on from IndexedDB.
  const ids: string[] = [];
  let stops = 0;
  for (let round = 0; round < 5; round++) {
    ids.push(
      ...(await options.evaluate(async (tab) => {
        const send = (message: unknown) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(message);
        const made: string[] = [];
        for (let i = 0; i < 120; i++) {
          const id = crypto.randomUUID();
          made.push(id);
          await send({ type: 'submit-feedback', tabId: tab, leadKey: 'salesforce:00Q8d00000XyZ1aEAF', id, payload: i % 2 ? { kind: 'verdict', verdict: 'good_fit', reasons: [] } : { kind: 'content_request', text: `request ${i}` } });
        }
        for (let i = 0; i < 80; i++) await send({ type: 'record-content-event', tabId: tab, leadKey: 'salesforce:00Q8d00000XyZ1aEAF', eventType: 'opened', contentId: `cs-${i % 7}` });
        return made;
      }, tabId)),
    );
    await stopServiceWorkers(extension.context, extension.extensionId);
    stops++;
    await wakeServiceWorker(extension.context, extension.extensionId);
  }
  expect(ids).toHaveLength(600);
  // The 1,000, and the rep's first look at the lead whose record the tab shows (its own delivery).
  const expected = 1001;
  // Alone this takes ~15 s. Beside the variant matrix on two busy cores the gateway's 1.5 s holds
  // time out more often and the last items wait for their backoff and the delivery alarm (a CI run
  // had 991 of 1,001 at 200 s), so the wait runs to just short of the test's own time limit.
  while (gateway.stored.size < expected && Date.now() - startedAt < 360_000) await options.waitForTimeout(500);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const faults = Object.values(gateway.faults).reduce((sum, count) => sum + count, 0);
  console.log(
    `fault injection: ${gateway.stored.size} unique items stored of ${expected}; ${gateway.deliveryRequests} delivery requests, ${faults} faults injected ` +
      `(${JSON.stringify(gateway.faults)}), ${gateway.itemsReceived - gateway.stored.size} items resent (${gateway.duplicatesAnswered} answered as duplicates), ` +
      `${stops} worker stops, ${seconds} s`,
  );
  if (gateway.stored.size < expected) {
    // Why the rest did not arrive: each waiting row's attempts, when it is next due and its last error.
    const waiting = (await readLocal(options)).outbox.filter((row) => row.state !== 'sent') as unknown as Array<{ attempts: number; nextAttemptAt: number; lastError?: string; state: string }>;
    const alarm = await options.evaluate(() => (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome.alarms.get('leadside-outbox'));
    const now = Date.now();
    console.log(`delivery alarm: ${alarm ? `in ${Math.round((alarm.scheduledTime - now) / 1000)} s` : 'none'}`);
    console.log(`still waiting: ${waiting.map((row) => `${row.state} after ${row.attempts} attempts, due in ${Math.round((row.nextAttemptAt - now) / 1000)} s (${row.lastError})`).join('; ')}`);
  }
  expect(gateway.stored.size).toBe(expected);
  // What the gateway was sent, not only what it kept: it dedups by id, so a second copy of a rep's
  // submission under another id, or an id resent with other content, would hide behind its count.
  expect(gateway.received.size).toBe(expected);
  for (const [id, copies] of gateway.received) for (const copy of copies) expect(copy, `every copy of ${id}`).toEqual(gateway.stored.get(id));
  // Each stored payload is what was submitted.
  ids.forEach((id, index) => {
    const i = index % 120;
    const submitted = i % 2 ? { kind: 'verdict', verdict: 'good_fit', reasons: [] } : { kind: 'content_request', text: `request ${i}` };
    expect(gateway.stored.get(id), `item ${id}`).toMatchObject({ ...submitted, lead: expect.objectContaining({ key: 'salesforce:00Q8d00000XyZ1aEAF' }) });
  });
  const opened = [...gateway.stored.values()].filter((item) => (item as { type?: string }).type === 'opened') as Array<{ contentId: string }>;
  expect(opened).toHaveLength(400);
  for (let content = 0; content < 7; content++) {
    expect(opened.filter((event) => event.contentId === `cs-${content}`), `opens of cs-${content}`).toHaveLength(5 * Array.from({ length: 80 }, (_, i) => i % 7).filter((k) => k === content).length);
  }
  // And every outbox row in the browser ends sent: the last answers lost to timeouts are resent (and
  // answered as duplicates) after the gateway already holds everything, once their backoff is over
  // (at most four faults per item, so under a minute even with the settle wait and Retry-After).
  await expect
    .poll(async () => (await readLocal(options)).outbox.filter((row) => row.state !== 'sent'), { timeout: 150_000, intervals: [2_000] })
    .toEqual([]);
  expect((await readLocal(options)).outbox).toHaveLength(expected);
  // Feedback has a `kind`, events a `type`; the look neither.
  const looks = [...gateway.stored.values()].filter((item) => !('kind' in (item as object)) && !('type' in (item as object)));
  expect(looks).toEqual([expect.objectContaining({ lead: expect.objectContaining({ recordId: '00Q8d00000XyZ1aEAF', profileId: expect.any(String) }) })]);
  for (const id of ids) expect(gateway.stored.has(id)).toBe(true);
  expect(faults).toBeGreaterThan(5);
});

test('feedback is also posted to a Slack webhook, as readable text', async ({ extension, server, openSidePanel }) => {
  const posted: unknown[] = [];
  server.route('hooks.slack.example', async (req, res) => {
    posted.push(JSON.parse(await text(req)));
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
  });
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, 'hooks.slack.example');
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByLabel('Webhook URL').fill('https://hooks.slack.example/services/T000/B000/secret');
  await options.getByRole('button', { name: 'Save webhook' }).click();
  await expect(options.getByTestId('webhook-status')).toHaveText('✓ Feedback will also be posted to hooks.slack.example');

  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await panel.giveVerdict('Demo booked');
  await expect.poll(() => posted).toEqual([{ text: '*Demo booked* for Priya Raman (Paid search · Q3 SOC 2 Readiness – Google Ads)' }]);
  // The demo source keeps its copy in the browser; the webhook copy is tracked on its own.
  await expect(panel.page.getByTestId('feedback-item').first()).toHaveAttribute('data-state', 'local');
});
