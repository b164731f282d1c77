import { describe, expect, it } from 'vitest';
import { measureRelevance } from '@/test/bench/relevance';

/**
 * The ranker on the judged set of test/fixtures/relevance (rules in RULES.md), against the two
 * baselines computed in the same run. The floor is the level reached when the ranker was written
 * (NDCG@3 0.889), less a little for float noise: a change that costs quality fails here.
 */
const NDCG3_FLOOR = 0.88;

describe('ranking quality on the judged set', () => {
  const report = measureRelevance();

  it(`keeps NDCG@3 at or above ${NDCG3_FLOOR}`, () => {
    expect(report.ranker.queries).toBeGreaterThanOrEqual(40);
    expect(report.ranker.ndcg3).toBeGreaterThanOrEqual(NDCG3_FLOOR);
  });

  it('beats both baselines on every measure', () => {
    for (const baseline of [report.wordOverlap, report.popularity]) {
      expect(report.ranker.ndcg3).toBeGreaterThan(baseline.ndcg3);
      expect(report.ranker.p3).toBeGreaterThan(baseline.p3);
      expect(report.ranker.mrr).toBeGreaterThan(baseline.mrr);
    }
  });

  it('never shows an item the rules grade "never send" in first place', () => {
    const firstPlaceZeros = report.perLead.filter((lead) => lead.ranked[0] && lead.ranked[0].grade === 0).map((lead) => lead.lead);
    expect(firstPlaceZeros).toEqual([]);
  });
});

/**
 * The second judged set (test/fixtures/relevance-2), written by someone who had not read the ranker,
 * for another vendor. Reading its misses led to two rule fixes (an opened item's English twin, a
 * request naming a case study's customer); its floor is the level then reached, less float noise.
 */
const SECOND_SET_FLOOR = 0.75;

describe('ranking quality on the second judged set', () => {
  const report = measureRelevance('second');

  it(`keeps NDCG@3 at or above ${SECOND_SET_FLOOR}`, () => {
    expect(report.ranker.queries).toBeGreaterThanOrEqual(30);
    expect(report.ranker.ndcg3).toBeGreaterThanOrEqual(SECOND_SET_FLOOR);
  });

  it('beats both baselines on every measure', () => {
    for (const baseline of [report.wordOverlap, report.popularity]) {
      expect(report.ranker.ndcg3).toBeGreaterThan(baseline.ndcg3);
      expect(report.ranker.p3).toBeGreaterThan(baseline.p3);
      expect(report.ranker.mrr).toBeGreaterThan(baseline.mrr);
    }
  });
});

/**
 * The third judged set (test/fixtures/relevance-3), written apart from the ranker and held out: it
 * is measured, never read to change the ranker. Its floor is the level measured when it came (the
 * same before and after the second set's rule fixes), less float noise.
 */
const THIRD_SET_FLOOR = 0.69;

describe('ranking quality on the held-out judged set', () => {
  const report = measureRelevance('third');

  it(`keeps NDCG@3 at or above ${THIRD_SET_FLOOR}`, () => {
    expect(report.ranker.queries).toBeGreaterThanOrEqual(30);
    expect(report.ranker.ndcg3).toBeGreaterThanOrEqual(THIRD_SET_FLOOR);
  });

  it('beats both baselines on every measure', () => {
    for (const baseline of [report.wordOverlap, report.popularity]) {
      expect(report.ranker.ndcg3).toBeGreaterThan(baseline.ndcg3);
      expect(report.ranker.p3).toBeGreaterThan(baseline.p3);
      expect(report.ranker.mrr).toBeGreaterThan(baseline.mrr);
    }
  });
});
