import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShareSchema } from '@/lib/schema/dashboard';
import { shareOf, wilsonInterval } from './wilson';

describe('wilsonInterval', () => {
  it('matches published values', () => {
    // 3 of 3: the textbook small-sample case (Wilson 1927; e.g. Newcombe 1998, table I).
    const allThree = wilsonInterval(3, 3);
    expect(allThree.low).toBeCloseTo(0.4385, 4);
    expect(allThree.high).toBe(1);
    const half = wilsonInterval(50, 100);
    expect(half.low).toBeCloseTo(0.4038, 4);
    expect(half.high).toBeCloseTo(0.5962, 4);
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
  });

  it('is the whole range when there is nothing to count', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('holds the share exactly at none and at all, with no rounding past it', () => {
    for (let of = 1; of <= 60; of++) {
      expect(wilsonInterval(0, of).low, `0 of ${of}`).toBe(0);
      expect(wilsonInterval(of, of).high, `${of} of ${of}`).toBe(1);
    }
  });

  it('always holds the observed share, inside [0, 1], and narrows as the sample grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (of, fraction) => {
        const count = Math.round(of * fraction);
        const { low, high } = wilsonInterval(count, of);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(count / of + 1e-12);
        expect(high).toBeGreaterThanOrEqual(count / of - 1e-12);
        const bigger = wilsonInterval(count * 4, of * 4);
        expect(bigger.high - bigger.low).toBeLessThan(high - low + 1e-12);
      }),
    );
  });
});

describe('shareOf', () => {
  it('marks fewer than 10 as too few and answers the contract', () => {
    expect(ShareSchema.parse(shareOf(2, 9))).toMatchObject({ count: 2, of: 9, tooFew: true });
    expect(shareOf(5, 10)).toMatchObject({ share: 0.5, tooFew: false });
    expect(shareOf(0, 0)).toEqual({ count: 0, of: 0, share: 0, low: 0, high: 1, tooFew: true });
  });
});
