import type { Page } from '@playwright/test';
import { salesforceRecordUrl } from '../support/pages';
import { summarize, type Summary } from './stats';

/** Lead pages the switches cycle through (all in the Lightning fixture). */
const RECORD_IDS = ['00Q8d00000XyZ1aEAF', '00Q8d00000XyZ2bEAF', '00Q8d00000XyZ3cEAF', '00Q8d00000XyZ4dEAF', '00Q8d00000NoMaTCH9'];

export interface DetectionResult {
  leadside: Summary;
  /** A 1-second polling watcher, the way many extensions follow SPA navigation, measured the same way. */
  polling: Summary;
}

/**
 * URL change → record detected, over `switches` in-app navigations. Time starts in the page right
 * before `history.pushState`; it stops at the content script's `leadside:record-detected` mark
 * (user-timing marks share the page's timeline across the content script's isolated world).
 */
export async function measureDetection(crm: Page, switches: number): Promise<DetectionResult> {
  await crm.goto(salesforceRecordUrl('Lead', RECORD_IDS[0]!));
  await waitForMark(crm, 'leadside:record-detected', `salesforce:${RECORD_IDS[0]}`, 0);
  // The baseline: poll location.href once a second and mark each change, in the page itself.
  await crm.evaluate(() => {
    let last = location.href;
    setInterval(() => {
      if (location.href !== last) {
        last = location.href;
        performance.mark('baseline:record-detected', { detail: location.pathname });
      }
    }, 1000);
  });

  const leadside: number[] = [];
  const polling: number[] = [];
  for (let i = 1; i <= switches; i++) {
    const id = RECORD_IDS[i % RECORD_IDS.length]!;
    const path = `/lightning/r/Lead/${id}/view`;
    const startedAt = await crm.evaluate((target) => {
      const t0 = performance.now();
      void window.__fixtureNavigate(target);
      return t0;
    }, path);
    leadside.push((await waitForMark(crm, 'leadside:record-detected', `salesforce:${id}`, startedAt)) - startedAt);
    polling.push((await waitForMark(crm, 'baseline:record-detected', path, startedAt)) - startedAt);
  }
  return { leadside: summarize(leadside), polling: summarize(polling) };
}

/** The start time of the first mark named `name` with `detail`, made after `after`. */
function waitForMark(page: Page, name: string, detail: string, after: number): Promise<number> {
  return page.evaluate(
    ([markName, markDetail, since]) =>
      new Promise<number>((resolve, reject) => {
        const find = () =>
          performance
            .getEntriesByName(markName as string, 'mark')
            .find((entry) => entry.startTime >= (since as number) && (entry as PerformanceMark).detail === markDetail)?.startTime;
        const found = find();
        if (found !== undefined) return resolve(found);
        const observer = new PerformanceObserver(() => {
          const hit = find();
          if (hit !== undefined) {
            observer.disconnect();
            resolve(hit);
          }
        });
        observer.observe({ type: 'mark' });
        setTimeout(() => reject(new Error(`no ${markName} for ${markDetail} within 5 s`)), 5000);
      }),
    [name, detail, after] as const,
  );
}
