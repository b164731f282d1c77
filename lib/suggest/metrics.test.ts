import { describe, expect, it } from 'vitest';
import { evaluate, ndcgAt, precisionAt, reciprocalRank } from './metrics';

const grades = new Map([
  ['a', 3],
  ['b', 2],
  ['c', 1],
]);

describe('ranking metrics', () => {
  it('scores the ideal order 1 and a worse order below it', () => {
    expect(ndcgAt(['a', 'b', 'c'], grades)).toBeCloseTo(1);
    const swapped = ndcgAt(['c', 'b', 'a'], grades);
    // (1 + 3/log2 3 + 7/2) / (7 + 3/log2 3 + 1/2)
    expect(swapped).toBeCloseTo((1 + 3 / Math.log2(3) + 7 / 2) / (7 + 3 / Math.log2(3) + 1 / 2), 6);
    expect(ndcgAt(['x', 'y', 'z'], grades)).toBe(0);
  });

  it('counts only grades of 2 or more as relevant for P@3 and MRR, unlisted ids as 0', () => {
    expect(precisionAt(['a', 'c', 'x'], grades)).toBeCloseTo(1 / 3);
    expect(precisionAt(['a'], grades)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x', 'c', 'b'], grades)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x'], grades)).toBe(0);
  });

  it('averages over queries and leaves out those with nothing relevant', () => {
    const result = evaluate([
      { ranked: ['a', 'b', 'c'], grades },
      { ranked: ['x'], grades },
      { ranked: ['a'], grades: new Map() },
    ]);
    expect(result.queries).toBe(2);
    expect(result.ndcg3).toBeCloseTo(0.5);
    expect(result.mrr).toBeCloseTo(0.5);
  });
});
