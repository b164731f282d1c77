/**
 * Ranking quality measures over graded judgments (0–3): the numbers the judged set is held to.
 * Pure functions of a ranked list of ids and the grades of one query; ids without a grade count as 0.
 */
export type Grades = ReadonlyMap<string, number>;

/** Graded relevance as a gain: a 3 is worth far more than a 1, as in the usual NDCG (2^g − 1). */
const gain = (grade: number) => 2 ** grade - 1;

function dcg(grades: readonly number[], k: number): number {
  return grades.slice(0, k).reduce((sum, grade, index) => sum + gain(grade) / Math.log2(index + 2), 0);
}

/**
 * NDCG@k: the ranking's discounted gain over the best possible one for these grades. A query with
 * nothing graded above 0 scores 0 here; `evaluate` leaves such queries out, as they say nothing about order.
 */
export function ndcgAt(ranked: readonly string[], grades: Grades, k = 3): number {
  const ideal = dcg([...grades.values()].sort((a, b) => b - a), k);
  if (ideal === 0) return 0;
  return dcg(ranked.map((id) => grades.get(id) ?? 0), k) / ideal;
}

/** Share of the top k that is relevant (grade ≥ `relevant`); a list shorter than k counts the gaps as misses. */
export function precisionAt(ranked: readonly string[], grades: Grades, k = 3, relevant = 2): number {
  return ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) >= relevant).length / k;
}

/** 1 / rank of the first relevant item (grade ≥ `relevant`), 0 when none is shown. */
export function reciprocalRank(ranked: readonly string[], grades: Grades, relevant = 2): number {
  const index = ranked.findIndex((id) => (grades.get(id) ?? 0) >= relevant);
  return index < 0 ? 0 : 1 / (index + 1);
}

export interface Evaluation {
  ndcg3: number;
  p3: number;
  mrr: number;
  /** Queries measured: those with at least one item graded above 0. */
  queries: number;
}

/** Mean NDCG@3, P@3 and MRR of a ranker over every judged query. */
export function evaluate(queries: ReadonlyArray<{ ranked: readonly string[]; grades: Grades }>): Evaluation {
  const measured = queries.filter((query) => [...query.grades.values()].some((grade) => grade > 0));
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  return {
    ndcg3: mean(measured.map((query) => ndcgAt(query.ranked, query.grades, 3))),
    p3: mean(measured.map((query) => precisionAt(query.ranked, query.grades, 3))),
    mrr: mean(measured.map((query) => reciprocalRank(query.ranked, query.grades))),
    queries: measured.length,
  };
}
