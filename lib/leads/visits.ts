import type { PageView } from '@/lib/schema';
import { withoutTracking } from './tracking-params';

export interface Visit {
  visitId: string;
  startedAt: string;
  pages: PageView[];
}

/** Page views grouped into visits, newest visit first and newest page first within each. */
export function groupVisits(pageViews: readonly PageView[]): Visit[] {
  const byVisit = new Map<string, PageView[]>();
  for (const view of pageViews) byVisit.set(view.visitId, [...(byVisit.get(view.visitId) ?? []), view]);
  return [...byVisit]
    .map(([visitId, pages]) => {
      const sorted = [...pages].sort((a, b) => b.viewedAt.localeCompare(a.viewedAt));
      return { visitId, pages: sorted, startedAt: sorted[sorted.length - 1]!.viewedAt, latest: sorted[0]!.viewedAt };
    })
    .sort((a, b) => b.latest.localeCompare(a.latest))
    .map(({ latest: _latest, ...visit }) => visit);
}

/** The buying signals a page can carry: what the panel names them by (its words come from each UI language). */
export type IntentKind = 'pricing' | 'demo' | 'security' | 'integrations' | 'comparison';

const INTENT_SIGNALS: ReadonlyArray<readonly [RegExp, IntentKind, string]> = [
  [/pricing|plans|quote/i, 'pricing', 'Pricing'],
  [/demo|contact[- ]sales|talk to/i, 'demo', 'Demo request'],
  [/security|trust|compliance center|soc ?2 report/i, 'security', 'Security'],
  [/integration/i, 'integrations', 'Integrations'],
  [/compare|vs\.?\s|versus|alternative/i, 'comparison', 'Comparison'],
];

const signalOf = (view: Pick<PageView, 'title' | 'url'>) => {
  // The page's own address: a campaign's name in its utm tags says nothing of what the page is.
  const text = `${view.title} ${withoutTracking(view.url)}`;
  return INTENT_SIGNALS.find(([pattern]) => pattern.test(text));
};

/** The buying signal a page carries, if any: pricing, demo, security, integrations, comparison. */
export const intentKindOf = (view: Pick<PageView, 'title' | 'url'>): IntentKind | undefined => signalOf(view)?.[1];

/** The same signal in English words, as connectors store it in a lead's high-intent moments ("Pricing"). */
export const intentOf = (view: Pick<PageView, 'title' | 'url'>): string | undefined => signalOf(view)?.[2];
