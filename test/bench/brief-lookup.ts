import type { Page } from '@playwright/test';
import { summarize, type Summary } from './stats';

/** A tab whose stored record is a seeded lead, and the marketing profile its brief must show. */
export interface LookupTarget {
  tabId: number;
  profileId: string;
}

/**
 * The side panel's `get-brief` request, as the panel sends it, from an extension page to the worker
 * and back: the worker reads the tab's record, looks the lead up in the profile cache
 * (lib/profiles.ts, among every seeded lead), ranks the catalog for it and answers the brief. Each
 * target is asked once, in order; the first `warmUp` are not counted (the worker's first brief reads
 * settings, the demo data and builds the ranking index). A brief for the wrong lead fails the run.
 * Each brief also counts its suggestions in the background; `pauseMs` between lookups lets that
 * write finish, as it does between a rep's switches, so a sample is one lookup, not the last one's tail.
 */
export async function measureBriefLookups(page: Page, targets: readonly LookupTarget[], warmUp: number, pauseMs: number): Promise<Summary> {
  const samples = await page.evaluate(async ([list, pause]) => {
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const { runtime } = (globalThis as unknown as { chrome: Runtime }).chrome;
    const times: number[] = [];
    for (const { tabId, profileId } of list) {
      const startedAt = performance.now();
      const brief = (await runtime.sendMessage({ type: 'get-brief', tabId })) as { state?: string; profile?: { id?: string }; error?: string };
      times.push(performance.now() - startedAt);
      if (brief.state !== 'found' || brief.profile?.id !== profileId) {
        throw new Error(`tab ${tabId}: expected the brief of ${profileId}, got ${JSON.stringify(brief).slice(0, 300)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    return times;
  }, [targets, pauseMs] as const);
  return summarize(samples.slice(warmUp));
}
