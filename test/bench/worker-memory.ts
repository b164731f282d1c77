import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { TestServer } from '../support/https-server';
import { getTabId, launchWithExtension } from '../support/launch';
import { salesforceRecordUrl } from '../support/pages';
import { connectRestGateway, serveRestGateway } from '../support/rest-gateway';
import { connectLeadsideServer } from '../support/team-server';
import { heapUsedBytes, REMOTE_DEBUGGING_ARG } from './heap';
import { generateCatalog, generateFieldSignals } from './ranking';
import type { BenchRow } from './row';

const TOKEN = 'bench-memory-token-41c2';
const SMALL = 'demo-catalog.bench.example';
const LARGE = 'large-catalog.bench.example';
/** Leads of the demo data on the Lightning fixture. */
const RECORDS = ['00Q8d00000XyZ1aEAF', '00Q8d00000XyZ2bEAF'] as const;
/**
 * After the brief shows: the catalog's ranking index is built behind the read that brought it
 * (a timer), and the field signals arrive behind the catalog download. Both must be in the heap.
 */
const SETTLE_MS = 1500;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * The service worker's JavaScript heap (after a garbage collection) once it holds a large catalog:
 * `catalogSize` items served by a gateway speaking the contract, with a team's field signals for them, downloaded
 * (as the Leadside server source), indexed for ranking and ranked for a lead's brief. The baseline is the same worker in the same
 * browser a moment before, holding the 50-item demo catalog from another gateway the same way.
 */
export async function workerMemoryRow(server: TestServer, catalogSize = 500): Promise<BenchRow> {
  const catalog = generateCatalog(catalogSize);
  const signals = generateFieldSignals(catalog);
  serveRestGateway(server, SMALL, { token: TOKEN });
  serveRestGateway(server, LARGE, { token: TOKEN, content: catalog, fieldSignals: { since: new Date(Date.now() - 180 * 86_400_000).toISOString(), signals } });

  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'leadside-bench-memory-'));
  const { context, extensionId } = await launchWithExtension({ userDataDir, port: server.port, extraArgs: [REMOTE_DEBUGGING_ARG] });
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  try {
    const workerUrl = `chrome-extension://${extensionId}/background.js`;
    const heapAfterBrief = async (connect: () => Promise<Page>, recordId: string) => {
      await (await connect()).close();
      const { panel, close } = await briefShown(context, extensionId, recordId);
      await panel.waitForTimeout(SETTLE_MS);
      const suggestions = (await panel.getByTestId('suggestions').textContent()) ?? '';
      const stored = await storedFieldSignals(panel);
      const heap = (await heapUsedBytes(userDataDir, [workerUrl])).get(workerUrl);
      await close();
      if (heap === undefined) throw new Error('The service worker was not found to measure its heap.');
      return { heap, suggestions, stored };
    };
    const small = await heapAfterBrief(() => connectRestGateway(context, extensionId, { host: SMALL, token: TOKEN }), RECORDS[0]);
    // As the Leadside server: the source whose field signals a team's ranking learns from (the gateway speaks its contract).
    const large = await heapAfterBrief(() => connectLeadsideServer(context, extensionId, { url: `https://${LARGE}`, token: TOKEN }), RECORDS[1]);
    // The generated catalog's titles end in "#<n>": the brief was ranked against it, not a cached demo one.
    if (!/#\d+/.test(large.suggestions)) throw new Error(`The brief did not suggest from the ${catalogSize}-item catalog: ${large.suggestions.slice(0, 200)}`);
    if (large.stored !== signals.length) throw new Error(`The worker stored ${large.stored} of the gateway's ${signals.length} field signals.`);
    return {
      figure: `Memory, ${catalogSize}-item catalog`,
      how:
        `the service worker's JavaScript heap after a garbage collection, once a brief was ranked against a ${catalogSize}-item seeded catalog downloaded from a Leadside server source ` +
        `with ${signals.length.toLocaleString('en-US')} field signals (index built, signals stored and kept), ${SETTLE_MS} ms after the brief showed; ` +
        'baseline: the same worker a moment earlier with the 50-item demo catalog from another gateway (no field signals: its own ratings stand in)',
      result: `${mib(large.heap)} (with the 50-item demo catalog: ${mib(small.heap)}; +${mib(large.heap - small.heap)})`,
      target: 'report',
      met: undefined,
    };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Opens the Lightning fixture on `recordId` and the side panel pinned to that tab, once its suggestions show. */
async function briefShown(context: BrowserContext, extensionId: string, recordId: string) {
  const crm = await context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', recordId));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const tabId = await getTabId(worker, crm);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId('suggestions').waitFor({ timeout: 20_000 });
  return {
    panel,
    close: async () => {
      await panel.close();
      await crm.close();
    },
  };
}

/** How many field signals the extension keeps beside the catalog (lib/brief/field-signals.ts), read from its IndexedDB. */
function storedFieldSignals(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('leadside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('catalogMeta').objectStore('catalogMeta').get('field-signals');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            open.result.close();
            resolve((read.result as { signals?: unknown[] } | undefined)?.signals?.length ?? 0);
          };
        };
      }),
  );
}
