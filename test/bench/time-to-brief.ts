import type { Page, Worker } from '@playwright/test';
import { salesforceRecordUrl } from '../support/pages';
import { summarize, type Summary } from './stats';

const RECORD_IDS = ['00Q8d00000XyZ1aEAF', '00Q8d00000XyZ2bEAF', '00Q8d00000XyZ3cEAF', '00Q8d00000XyZ4dEAF'];
/**
 * The pause between a brief on screen and the next switch. A shown brief leaves work behind it (the
 * panel reads the lead's feedback log and counts the suggestions shown, the worker writes the tab's
 * record, the glance pill and the first look): a rep reads a brief for seconds, so that work is done
 * before they switch again, and a switch timed right behind it would measure the last one's tail.
 */
export const BETWEEN_SWITCHES_MS = 250;

export interface TimeToBrief {
  total: Summary;
  /**
   * Per switch, the same work with no message in between: building the brief from the cache (the
   * `leadside:brief-built` measure: Dexie reads and ranking; the side panel builds a cached lead's
   * brief itself, the worker one it had to ask for) plus the panel rendering it (from its
   * `leadside:brief-received` mark to the brief on screen). Empty when uncached.
   */
  floor: Summary;
  /** Per switch, its time less its own floor: what the messages and the content script's page read add. */
  gap: Summary;
}

interface Options {
  switches: number;
  /** Empties the profile cache before each switch, so every brief waits for the source. */
  uncached?: boolean;
}

/**
 * URL change on the Lightning fixture → that lead's brief rendered in the side panel. Every time is
 * wall-clock (timeOrigin + now), so the CRM tab's, the worker's and the panel's times compare.
 */
export async function measureTimeToBrief(crm: Page, panel: Page, worker: Worker, options: Options): Promise<TimeToBrief> {
  /** Arms a watcher in the panel (awaited, so it is in place before the switch) and returns its result. */
  const briefShownFor = async (id: string): Promise<() => Promise<number>> => {
    await panel.evaluate((recordId) => {
      (window as unknown as { briefShown: Promise<number> }).briefShown = new Promise<number>((resolve, reject) => {
        const shown = () =>
          document.querySelector('[data-testid="detected-record-id"]')?.textContent?.includes(recordId) &&
          document.querySelector('[data-testid="brief-source"]');
        const done = () => resolve(performance.timeOrigin + performance.now());
        if (shown()) return done();
        const observer = new MutationObserver(() => {
          if (shown()) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => reject(new Error(`brief for ${recordId} not shown within 5 s`)), 5000);
      });
    }, id);
    return () => panel.evaluate(() => (window as unknown as { briefShown: Promise<number> }).briefShown);
  };
  const navigate = (id: string) =>
    crm.evaluate((path) => {
      const startedAt = performance.timeOrigin + performance.now();
      void window.__fixtureNavigate(path);
      return startedAt;
    }, `/lightning/r/Lead/${id}/view`);

  await crm.goto(salesforceRecordUrl('Lead', RECORD_IDS[0]!));
  await (await briefShownFor(RECORD_IDS[0]!))();
  for (const id of RECORD_IDS.slice(1)) {
    const shown = await briefShownFor(id); // every lead looked up once: the catalog and code are warm
    await navigate(id);
    await shown();
  }

  const totals: number[] = [];
  const floors: number[] = [];
  const gaps: number[] = [];
  for (let i = 0; i < options.switches; i++) {
    const id = RECORD_IDS[i % RECORD_IDS.length]!;
    if (options.uncached) await forgetCachedProfiles(worker);
    const shown = await briefShownFor(id);
    const startedAt = await navigate(id);
    const shownAt = await shown();
    totals.push(shownAt - startedAt);
    await new Promise((resolve) => setTimeout(resolve, BETWEEN_SWITCHES_MS));
    if (options.uncached) continue;
    const key = `salesforce:${id}`;
    const built = (await firstEntry(panel, 'leadside:brief-built', key, startedAt)) ?? (await firstEntry(worker, 'leadside:brief-built', key, startedAt));
    const received = await firstEntry(panel, 'leadside:brief-received', key, startedAt);
    if (!built || !received) continue;
    floors.push(built.duration + (shownAt - received.at));
    gaps.push(shownAt - startedAt - floors.at(-1)!);
  }
  return { total: summarize(totals), floor: summarize(floors), gap: summarize(gaps) };
}

/** The first user-timing entry named `name` for `key` at or after `since` (wall clock), with its duration. */
function firstEntry(where: Page | Worker, name: string, key: string, since: number) {
  const find = ([entryName, detail, after]: readonly [string, string, number]) =>
    performance
      .getEntriesByName(entryName)
      .map((entry) => ({ at: performance.timeOrigin + entry.startTime, duration: entry.duration, detail: (entry as PerformanceMark).detail as unknown }))
      .find((entry) => entry.detail === detail && entry.at >= after);
  const arg = [name, key, since] as const;
  return 'mainFrame' in where ? where.evaluate(find, arg) : where.evaluate(find, arg);
}

/** Empties the worker's profile cache (IndexedDB, opened directly: the bench has no handle on Dexie). */
function forgetCachedProfiles(worker: Worker): Promise<void> {
  return worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('leadside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('profiles', 'readwrite');
          transaction.objectStore('profiles').clear();
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}
