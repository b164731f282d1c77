import { text } from 'node:stream/consumers';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import type { BrowserContext, Page } from '@playwright/test';
import type { TestServer } from './https-server';
import { grantSiteAccessInBrowserSettings } from './site-access';

const readDemo = <T>(file: string) => JSON.parse(readFileSync(new URL(`../../public/demo/${file}`, import.meta.url), 'utf8')) as T;
const leadsFile = readDemo<{ leads: Array<{ email: string; crmIds: Record<string, string> }> }>('leads.json');
const contentFile = readDemo<{ items: unknown[] }>('content.json');

export type Fault = 'error500' | 'rateLimit' | 'timeout' | 'drop';

export interface GatewayOptions {
  token: string;
  /** Share of delivery requests that fail, and how (drawn with a seeded generator). */
  faultRate?: number;
  /** How long a "timeout" fault holds the request before answering (longer than the client waits). */
  holdMs?: number;
  /**
   * At most this many faulted requests per item: a flaky gateway, not one that is down for an item.
   * Without it a seeded run of faults can push one item's backoff past any wait a test can afford.
   */
  maxFaultsPerItem?: number;
  seed?: number;
  /** How long every answer waits, as a real source's network and work would (the benchmark's 50 ms). */
  answerDelayMs?: number;
  /** The catalog /content answers (the demo catalog unless given: the memory benchmark's large one). */
  content?: readonly unknown[];
  /** What /field-signals answers; without it the gateway has none (404), as a team's own may not. */
  fieldSignals?: unknown;
}

/**
 * A REST gateway implementing Leadside's contract (docs/api/openapi.json) on the test server:
 * profiles and content from the demo dataset, deliveries stored by id exactly once, and, for the
 * fault-injection test, random 500s, 429s with Retry-After, answers held past the client's timeout
 * (after storing: the client cannot tell) and dropped connections (before or after storing).
 */
export function serveRestGateway(server: TestServer, host: string, options: GatewayOptions) {
  const stored = new Map<string, unknown>();
  /** Every item as it arrived, each time it arrived (faulted requests included): what it was sent, not only what it kept. */
  const received = new Map<string, unknown[]>();
  const faults: Record<Fault, number> = { error500: 0, rateLimit: 0, timeout: 0, drop: 0 };
  const faultsOf = new Map<string, number>();
  const stats = { deliveryRequests: 0, itemsReceived: 0, duplicatesAnswered: 0, faults, stored, received };
  let state = options.seed ?? 7;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  server.route(host, async (req, res, url) => {
    if (options.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, options.answerDelayMs));
    if (req.headers.authorization !== `Bearer ${options.token}`) return json(res, 401, { error: 'Unknown token' });
    const path = url.pathname.replace(/^\/v1/, '');
    if (path === '/profiles') {
      const email = url.searchParams.get('email')?.toLowerCase();
      const crm = url.searchParams.get('crm') ?? '';
      const recordId = url.searchParams.get('recordId');
      const lead = leadsFile.leads.find((entry) => entry.crmIds[crm] === recordId || (email && entry.email.toLowerCase() === email));
      return lead ? json(res, 200, { profile: lead }) : json(res, 404, { error: 'No such lead' });
    }
    if (path === '/profiles/search') return json(res, 200, { results: [] });
    if (path === '/content') return json(res, 200, { items: options.content ?? contentFile.items, nextCursor: null });
    if (path === '/field-signals' && options.fieldSignals) return json(res, 200, options.fieldSignals);
    if (path === '/deliveries' && req.method === 'POST') {
      stats.deliveryRequests++;
      const body = JSON.parse(await text(req)) as { items: Array<{ id: string; item: unknown }> };
      for (const { id, item } of body.items) received.set(id, [...(received.get(id) ?? []), item]);
      const store = () =>
        body.items.map(({ id, item }) => {
          stats.itemsReceived++;
          if (stored.has(id)) {
            stats.duplicatesAnswered++;
            return { id, status: 'duplicate' };
          }
          stored.set(id, item);
          return { id, status: 'stored' };
        });
      const roll = random();
      const rate = options.faultRate ?? 0;
      const mayFault = body.items.every(({ id }) => (faultsOf.get(id) ?? 0) < (options.maxFaultsPerItem ?? Infinity));
      if (roll < rate && mayFault) {
        for (const { id } of body.items) faultsOf.set(id, (faultsOf.get(id) ?? 0) + 1);
        const fault = (['error500', 'rateLimit', 'timeout', 'drop'] as const)[Math.floor((roll / rate) * 4)]!;
        faults[fault]++;
        if (fault === 'error500') return json(res, 500, { error: 'Injected failure' });
        if (fault === 'rateLimit') return json(res, 429, { error: 'Slow down' }, { 'Retry-After': '1' });
        if (fault === 'timeout') {
          const results = store(); // stored, but the answer comes after the client has given up
          await new Promise((resolve) => setTimeout(resolve, options.holdMs ?? 1500));
          return json(res, 200, { results });
        }
        if (random() < 0.5) store(); // dropped after storing, or before: the client cannot tell
        return void req.socket.destroy();
      }
      return json(res, 200, { results: store() });
    }
    return json(res, 404, { error: `No route ${path}` });
  });
  return stats;
}

/**
 * Makes the gateway at `host` Leadside's source the way an admin does: site access in the browser's
 * settings, then the Options page's REST gateway form. Resolves once the page says it is connected;
 * returns the Options page (an extension page, handy for sending Leadside's runtime messages).
 */
export async function connectRestGateway(
  context: BrowserContext,
  extensionId: string,
  gateway: { host: string; token: string; timeoutSeconds?: number },
): Promise<Page> {
  await grantSiteAccessInBrowserSettings(context, extensionId, gateway.host);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('radio', { name: 'REST gateway (your own service)' }).check();
  await options.getByLabel('Gateway base URL').fill(`https://${gateway.host}/v1`);
  await options.getByLabel('Access token').fill(gateway.token);
  await options.getByLabel('Give up after (seconds)').fill(String(gateway.timeoutSeconds ?? 8));
  await options.getByRole('button', { name: 'Use this source' }).click();
  await options.getByTestId('source-status').getByText('✓ Connected to REST gateway (your own service)', { exact: true }).waitFor();
  return options;
}
