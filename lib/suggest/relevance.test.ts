import { describe, expect, it } from 'vitest';
import { measureRelevance } from '@/test/bench/relevance';
import type { JudgedSetName } from '@/test/fixtures/relevance/judged-set';

/**
 * The ranker on each judged set (rules in test/fixtures/relevance/RULES.md), against the two
 * baselines computed in the same run. Each floor is the level reached when the set came, less a
 * little for float noise: a change that costs quality fails here.
 * - first: the set the ranker was written on (NDCG@3 0.889, 0.913 with the datasheet's pull);
 * - second: written for another vendor by someone who had not read the ranker; reading its misses
 *   led to rule fixes (an opened item's English twin, a request naming a case study's customer,
 *   another industry's story, another product's stray match);
 * - third: written the same way and held out for a session (0.700), then read with the second;
 * - fourth and fifth: written the same way and held out for two sessions (0.662 and 0.737 before the
 *   third's reading, 0.727 and 0.786 after, 0.766 and 0.784 with the function words of Dutch, Polish
 *   and the Nordic languages, 0.813 and 0.813 with a product's datasheet pulled toward the need's
 *   piece), then read: 0.832 and 0.831 with a request to send again what they opened, said in words
 *   of their own; 0.833 and 0.843 with no customer content for the customers of products the lead
 *   does not own; 0.861 and 0.843 with the stopword package's Spanish list (the second set 0.862 →
 *   0.855 with it: one lead's tie);
 * - sixth: written the same way for a construction-software vendor (Swedish, Czech and Japanese
 *   among its languages) and held out for two sessions: 0.791 when it came, 0.807 and 0.823 after the
 *   two rules the fourth and fifth taught; then read: 0.850 with the language of any country and time
 *   zone (CLDR's and the time-zone package's, not a list of some), Czech and others' function words
 *   and the languages a script names;
 * - seventh: written the same way for a vendor of hotel and short-stay rental software (Italian,
 *   Dutch, Finnish, Turkish and Korean among its languages) and held out: 0.795 when it came, 0.825
 *   with the sixth's language rules;
 * - eighth: written the same way for a vendor of law-firm software (Spanish, Norwegian, Romanian,
 *   Indonesian and Simplified Chinese) and held out: 0.841 when it came, where the ranker before the
 *   sixth's language rules would have scored 0.720.
 */
const SETS: ReadonlyArray<{ set: JudgedSetName; floor: number; leads: number }> = [
  { set: 'first', floor: 0.9, leads: 40 },
  { set: 'second', floor: 0.85, leads: 30 },
  { set: 'third', floor: 0.78, leads: 30 },
  { set: 'fourth', floor: 0.85, leads: 30 },
  { set: 'fifth', floor: 0.84, leads: 30 },
  { set: 'sixth', floor: 0.845, leads: 40 },
  { set: 'seventh', floor: 0.82, leads: 40 },
  { set: 'eighth', floor: 0.835, leads: 40 },
];

describe.each(SETS)('ranking quality on the $set judged set', ({ set, floor, leads }) => {
  const report = measureRelevance(set);

  it(`keeps NDCG@3 at or above ${floor}`, () => {
    expect(report.ranker.queries).toBeGreaterThanOrEqual(leads);
    expect(report.ranker.ndcg3).toBeGreaterThanOrEqual(floor);
  });

  it('beats both baselines on every measure', () => {
    for (const baseline of [report.wordOverlap, report.popularity]) {
      expect(report.ranker.ndcg3).toBeGreaterThan(baseline.ndcg3);
      expect(report.ranker.p3).toBeGreaterThan(baseline.p3);
      expect(report.ranker.mrr).toBeGreaterThan(baseline.mrr);
    }
  });
});

describe('ranking quality on the judged set the ranker was written on', () => {
  it('never shows an item the rules grade "never send" in first place', () => {
    const firstPlaceZeros = measureRelevance('first')
      .perLead.filter((lead) => lead.ranked[0] && lead.ranked[0].grade === 0)
      .map((lead) => lead.lead);
    expect(firstPlaceZeros).toEqual([]);
  });
});
