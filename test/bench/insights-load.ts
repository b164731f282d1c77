import type { BrowserContext } from '@playwright/test';
import { summarize, type Summary } from './stats';

export interface InsightsLoadResult {
  /** The page as it opens: the last 30 days. */
  lastMonth: Summary;
  /** "All time": every stored event. */
  allTime: Summary;
  /** Events counted in the all-time view, from the page's own totals. */
  events: number;
  /** The baseline: every event read and counted in the page, as Insights did before the rollups. */
  everyEvent: Summary;
}

interface LoadedDetail {
  since: string | null;
  events: number;
}

/**
 * The Insights page's `leadside:insights-loaded` measure (lib/insights/load.ts: reading Dexie and
 * aggregating, from the call to the result), `rounds` times: each round opens the page (30 days, its
 * default) and then switches the period to all time.
 */
export async function measureInsightsLoad(context: BrowserContext, extensionId: string, rounds: number, baselineRounds: number): Promise<InsightsLoadResult> {
  const page = await context.newPage();
  const lastMonth: number[] = [];
  const allTime: number[] = [];
  const everyEvent: number[] = [];
  let events = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      await page.goto(`chrome-extension://${extensionId}/insights.html`);
      lastMonth.push((await loaded(page, false)).duration);
      await page.getByLabel('Period').selectOption('all');
      const all = await loaded(page, true);
      allTime.push(all.duration);
      events = all.detail.events;
    }
    for (let round = 0; round < baselineRounds; round++) everyEvent.push(await countEveryEvent(page));
  } finally {
    await page.close();
  }
  return { lastMonth: summarize(lastMonth), allTime: summarize(allTime), events, everyEvent: summarize(everyEvent) };

  /** Milliseconds to read every stored event (one getAll, as Dexie's toArray does) and count them per item and type. */
  function countEveryEvent(target: typeof page) {
    return target.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const startedAt = performance.now();
          const opening = indexedDB.open('leadside');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const idb = opening.result;
            const reading = idb.transaction('contentEvents').objectStore('contentEvents').getAll();
            reading.onerror = () => reject(reading.error);
            reading.onsuccess = () => {
              const counts = new Map<string, number>();
              for (const event of reading.result as Array<{ contentId: string; type: string }>) {
                const key = `${event.contentId}\n${event.type}`;
                counts.set(key, (counts.get(key) ?? 0) + 1);
              }
              idb.close();
              resolve(performance.now() - startedAt);
            };
          };
        }),
    );
  }

  /** The page's first load of the all-time view, or of a period. */
  function loaded(target: typeof page, allTimeView: boolean) {
    return target.evaluate(
      (wanted) =>
        new Promise<{ duration: number; detail: LoadedDetail }>((resolve, reject) => {
          const found = () =>
            (performance.getEntriesByName('leadside:insights-loaded', 'measure') as PerformanceMeasure[]).find(
              (entry) => ((entry.detail as LoadedDetail).since === null) === wanted,
            );
          const done = (entry: PerformanceMeasure) => resolve({ duration: entry.duration, detail: entry.detail as LoadedDetail });
          const now = found();
          if (now) return done(now);
          const observer = new PerformanceObserver(() => {
            const entry = found();
            if (entry) {
              observer.disconnect();
              done(entry);
            }
          });
          observer.observe({ type: 'measure' });
          setTimeout(() => reject(new Error('Insights did not load within 60 s')), 60_000);
        }),
      allTimeView,
    );
  }
}
