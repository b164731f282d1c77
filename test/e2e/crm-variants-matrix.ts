/**
 * The variant corpus end to end: every page of test/fixtures/crm/variants served at its CRM's real
 * hostname and record URL, read by the built extension's real content scripts in Chromium, and the
 * record the service worker was told about compared with the manifest.
 *
 * One browser for each part of the matrix, with a few tabs that each load one variant after another,
 * as a rep opens one record after another: the corpus's pages cost their own load and little else.
 * Most of a page's time is waiting (for Leadside's reads, spaced so a CRM still rendering is not read
 * half-drawn), so the tabs load pages at once: a test asks for its own page and the next few, and
 * checks what its own reported. The parts are spec files of their own (crm-variants-1.spec.ts,
 * crm-variants-2.spec.ts) so that two of Playwright's workers share the matrix. Each spec file calls
 * `test()` itself: Playwright groups tests by the file that defines them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, type Worker } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/https-server';
import { getTabId, launchWithExtension, wakeServiceWorker, type ExtensionHandle } from '../support/launch';
import { registerCrmVariants } from '../support/crm-fixtures';
import { loadCrmVariants, settledAfterMs, type CrmVariant } from '../support/crm-variants';

/** How many spec files the matrix is split into. */
const PARTS = 2;

/**
 * How many tabs of a part load pages at once. On the 2-core machine, one tab per part spent 550 ms a
 * page, of which the browser's CPU was about a quarter; three tabs keep it busy without starving the
 * other tests beside the matrix.
 */
const TABS_PER_PART = 3;

/** How long a page may take to report the expected record: the assertion's own wait in the other specs. */
const REPORT_TIMEOUT_MS = 10_000;

/** A hostname's last two labels: enough to keep one CRM's pages together (force.com, hubspot.com, zoho.eu). */
const siteOf = (url: string) => new URL(url).hostname.split('.').slice(-2).join('.');

/**
 * The variants of one part (1-based). One CRM's pages one after another, as a rep works: Chromium then
 * keeps a tab's renderer process from page to page, where the manifest's order (by batch) changes
 * site, and so process, on most pages (398 of 556 when measured: 19 renderer processes for 117 pages
 * instead of 84, the matrix's CPU a fifth lower). Each part is a run of whole sites but where two meet.
 */
export function variantsOfPart(part: number): CrmVariant[] {
  const variants = loadCrmVariants().sort((a, b) => siteOf(a.url).localeCompare(siteOf(b.url)));
  const size = Math.ceil(variants.length / PARTS);
  return variants.slice((part - 1) * size, part * size);
}

export const variantTitle = (variant: CrmVariant) => `${variant.file} reports the record and the person`;

/** What the worker keeps for a tab, in the manifest's terms, and whether it is of the page the tab shows now. */
type TabRecord = { crm?: string; type?: string; id?: string; email?: string; name?: string; ofThisPage: boolean };

/** What a variant's page reported, for its test to check. */
interface VariantOutcome {
  /** The tab's record once it was the expected one, or the last one seen when the time ran out. */
  reported: TabRecord | null;
  /** For a person who shows no address: the record again once the page has rendered all it will. */
  settled?: TabRecord | null;
  /** The load or a read failed. */
  error?: unknown;
}

interface VariantTab {
  page: Page;
  /** The tab's id in the extension. */
  tabId: number;
}

/** What a variant's report must be: the manifest's record, of the page the tab shows now. */
const expectedOf = ({ expected: { crm, type, id, email, name } }: CrmVariant): TabRecord => ({ crm, type, id, email, name, ofThisPage: true });

/** The same record, as the test's `toEqual` will judge it (a field that is absent and one that is undefined are alike). */
const sameRecord = (a: TabRecord | null, b: TabRecord): boolean =>
  a !== null && (['crm', 'type', 'id', 'email', 'name', 'ofThisPage'] as const).every((field) => a[field] === b[field]);

/** How many pages after a test's own it asks to have loaded: enough to keep every tab busy. */
const LOOKAHEAD = 2 * TABS_PER_PART;

/**
 * A part of the matrix: its browser, its tabs, and the pages they load. A test's page is loaded
 * first, then those of the tests after it, in the part's order; under `--grep`, the pages after a
 * test's own may be of tests that do not run, which costs their loads and nothing else.
 */
export class VariantMatrix {
  private readonly outcomes = new Map<CrmVariant, Promise<VariantOutcome>>();
  /** Pages to load, the next first. */
  private readonly queue: CrmVariant[] = [];
  private readonly waiting = new Map<CrmVariant, (outcome: VariantOutcome) => void>();
  /** Tabs with no page to load; `pump` sets them to work. */
  private readonly idleTabs: VariantTab[];
  private readonly lanes = new Set<Promise<void>>();
  private closed = false;

  private constructor(
    private readonly variants: CrmVariant[],
    private readonly server: TestServer,
    private readonly extension: ExtensionHandle,
    private readonly userDataDir: string,
    tabs: VariantTab[],
  ) {
    this.idleTabs = [...tabs];
  }

  static async open(variants: CrmVariant[], headless: boolean): Promise<VariantMatrix> {
    const server = await startTestServer();
    registerCrmVariants(server);
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'leadside-variants-'));
    const extension = await launchWithExtension({ userDataDir, port: server.port, headless });
    // An extension page kept open, so waking the worker before each check needs no page of its own.
    const extensionPage = extension.context.pages()[0] ?? (await extension.context.newPage());
    await extensionPage.goto(`chrome-extension://${extension.extensionId}/manifest.json`);
    const tabs: VariantTab[] = [];
    for (let index = 0; index < TABS_PER_PART; index++) {
      const page = await extension.context.newPage();
      tabs.push({ page, tabId: await getTabId(await wakeServiceWorker(extension.context, extension.extensionId), page) });
    }
    return new VariantMatrix(variants, server, extension, userDataDir, tabs);
  }

  /** Waits for `variant`'s page to report, and checks the report against the manifest. */
  async expectReported(variant: CrmVariant): Promise<void> {
    this.request(variant);
    const { reported, settled, error } = await this.outcomes.get(variant)!;
    if (error) throw error;
    const expected = expectedOf(variant);
    expect(reported, 'the record the worker was told about').toEqual(expected);
    // A page whose person shows no address must go on showing none once it has rendered all it will:
    // someone else's address read later would be a wrong brief.
    if (variant.expected.email === undefined) expect(settled, 'the record once the page has settled').toEqual(expected);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.lanes]);
    await this.extension.context.close();
    await this.server.close();
    await rm(this.userDataDir, { recursive: true, force: true });
  }

  /** Has `variant`'s page loaded next, unless it is already, and the pages after it in turn. */
  private request(variant: CrmVariant): void {
    const queued = this.queue.indexOf(variant);
    if (queued >= 0) this.queue.splice(queued, 1);
    if (!this.outcomes.has(variant) || queued >= 0) this.queue.unshift(variant);
    this.track(variant);
    const index = this.variants.indexOf(variant);
    for (const next of this.variants.slice(index + 1, index + 1 + LOOKAHEAD)) {
      if (!this.outcomes.has(next)) this.queue.push(next);
      this.track(next);
    }
    this.pump();
  }

  private track(variant: CrmVariant): void {
    if (!this.outcomes.has(variant)) this.outcomes.set(variant, new Promise((resolve) => this.waiting.set(variant, resolve)));
  }

  /** Sets every idle tab to work while there are pages to load. */
  private pump(): void {
    while (this.queue.length > 0 && this.idleTabs.length > 0) {
      const tab = this.idleTabs.pop()!;
      // runLane takes its first page before it returns, so the loop sees the queue shrink.
      const lane: Promise<void> = this.runLane(tab).finally(() => {
        this.lanes.delete(lane);
        this.idleTabs.push(tab);
        // A page asked for while this lane was finishing.
        if (this.queue.length > 0 && !this.closed) this.pump();
      });
      this.lanes.add(lane);
    }
  }

  /** One tab's work: the next variant in the queue, until none is left or the part is closed. */
  private async runLane(tab: VariantTab): Promise<void> {
    for (let variant = this.queue.shift(); variant && !this.closed; variant = this.queue.shift()) {
      const outcome = await this.load(tab, variant).catch((error: unknown): VariantOutcome => ({ reported: null, error }));
      this.waiting.get(variant)?.(outcome);
    }
  }

  /** Loads `variant` into `tab` and watches the worker until it reports the expected record, or the time runs out. */
  private async load(tab: VariantTab, variant: CrmVariant): Promise<VariantOutcome> {
    await tab.page.goto(variant.url);
    const worker = await wakeServiceWorker(this.extension.context, this.extension.extensionId);
    const expected = expectedOf(variant);
    const deadline = Date.now() + REPORT_TIMEOUT_MS;
    let reported = await tabRecord(tab, worker);
    // Read often (a read of the worker's IndexedDB is cheap): a longer spacing would be waited on
    // every one of the corpus's pages.
    while (!sameRecord(reported, expected) && Date.now() < deadline) {
      await tab.page.waitForTimeout(40);
      reported = await tabRecord(tab, worker);
    }
    if (variant.expected.email !== undefined || !sameRecord(reported, expected)) return { reported };
    // The poll above could have passed on the moment before someone else's address was read.
    await tab.page.waitForTimeout(settledAfterMs(variant));
    return { reported, settled: await tabRecord(tab, worker) };
  }
}

/**
 * What the worker keeps for the tab (its IndexedDB copy of the content script's report), and whether it
 * is the report of the page the tab shows now rather than of the variant loaded before it (every
 * variant has a URL of its own: loadCrmVariants refuses a manifest where two share one).
 */
async function tabRecord({ page, tabId }: VariantTab, worker: Worker): Promise<TabRecord | null> {
  const record = await worker.evaluate(
    (id) =>
      new Promise<Record<string, string | undefined> | null>((resolve, reject) => {
        const open = indexedDB.open('leadside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('tabs').objectStore('tabs').get(id);
          request.onsuccess = () => {
            const row = request.result as { record?: Record<string, string> | null } | undefined;
            const record = row?.record;
            resolve(record ? { crm: record.crm, type: record.objectType, id: record.recordId, email: record.email, name: record.name, url: record.url } : null);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    tabId,
  );
  if (!record) return null;
  const { url, ...reported } = record;
  return { ...reported, ofThisPage: url === page.url() };
}
