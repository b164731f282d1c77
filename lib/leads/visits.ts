import type { PageView } from '@/lib/schema';

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

const INTENT_SIGNALS: ReadonlyArray<readonly [RegExp, string]> = [
  [/pricing|plans|quote/i, 'Pricing'],
  [/demo|contact[- ]sales|talk to/i, 'Demo request'],
  [/security|trust|compliance center|soc ?2 report/i, 'Security'],
  [/integration/i, 'Integrations'],
  [/compare|vs\.?\s|versus|alternative/i, 'Comparison'],
];

/** The buying signal a page carries, if any: pricing, demo, security, integrations, comparison. */
export function intentOf(view: Pick<PageView, 'title' | 'url'>): string | undefined {
  const text = `${view.title} ${view.url}`;
  return INTENT_SIGNALS.find(([pattern]) => pattern.test(text))?.[1];
}
