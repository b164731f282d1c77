import type { Page } from '@playwright/test';
import { salesforceRecordUrl } from '../support/pages';
import { summarize, type Summary } from './stats';

const RECORD_IDS = ['00Q8d00000XyZ1aEAF', '00Q8d00000XyZ2bEAF', '00Q8d00000XyZ3cEAF', '00Q8d00000XyZ4dEAF'];

/**
 * URL change on the CRM page → that lead's brief rendered in the side panel, with every lead already
 * cached. Both pages read the same wall clock (timeOrigin + now) so the two documents' times compare.
 */
export async function measureTimeToBrief(crm: Page, panel: Page, switches: number): Promise<Summary> {
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
    const shown = await briefShownFor(id); // warm the cache: every lead looked up once
    await navigate(id);
    await shown();
  }

  const samples: number[] = [];
  for (let i = 0; i < switches; i++) {
    const id = RECORD_IDS[i % RECORD_IDS.length]!;
    const shown = await briefShownFor(id);
    const startedAt = await navigate(id);
    samples.push((await shown()) - startedAt);
  }
  return summarize(samples);
}
