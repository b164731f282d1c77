import { loadJudgedSet, type JudgedSetName } from '@/test/fixtures/relevance/judged-set';
import { rankByPopularity, rankByWordOverlap } from '@/lib/suggest/baselines';
import { evaluate, type Evaluation } from '@/lib/suggest/metrics';
import { suggestContent } from '@/lib/suggest/rank';

export interface RelevanceReport {
  ranker: Evaluation;
  wordOverlap: Evaluation;
  popularity: Evaluation;
  catalogSize: number;
  /** Per lead: the ranker's top 3 with grades, for reading what went wrong. */
  perLead: Array<{ lead: string; ranked: Array<{ id: string; grade: number; reason: string }> }>;
}

/**
 * NDCG@3, P@3 and MRR on the judged set (test/fixtures/relevance) for the ranker and two baselines in
 * one run. Popularity is leave-one-out: for each lead, the items graded 2 or more for the most other
 * leads, as a team's "most sent" list would be.
 */
export function measureRelevance(set: JudgedSetName = 'first'): RelevanceReport {
  const { catalog, leads, grades, now } = loadJudgedSet(set);
  const rankerRuns = leads.map((lead) => ({ lead, suggestions: suggestContent(lead, catalog, 3, { now }) }));
  const popularityFor = (leadId: string) => {
    const counts = new Map<string, number>();
    for (const [other, graded] of grades) {
      if (other === leadId) continue;
      for (const [item, grade] of graded) if (grade >= 2) counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    return counts;
  };
  return {
    ranker: evaluate(rankerRuns.map(({ lead, suggestions }) => ({ ranked: suggestions.map((s) => s.item.id), grades: grades.get(lead.id)! }))),
    wordOverlap: evaluate(leads.map((lead) => ({ ranked: rankByWordOverlap(lead, catalog), grades: grades.get(lead.id)! }))),
    popularity: evaluate(leads.map((lead) => ({ ranked: rankByPopularity(popularityFor(lead.id)), grades: grades.get(lead.id)! }))),
    catalogSize: catalog.length,
    perLead: rankerRuns.map(({ lead, suggestions }) => ({
      lead: lead.id,
      ranked: suggestions.map((s) => ({ id: s.item.id, grade: grades.get(lead.id)!.get(s.item.id) ?? 0, reason: s.reason })),
    })),
  };
}
