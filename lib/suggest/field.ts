import type { LeadProfile } from '@/lib/schema';

/**
 * Learning from the field: the team's useful / not useful ratings and opens of an item, for leads
 * like this one, nudge its rank. The nudge is bounded (never more than FIELD_CAP, and one rating is
 * worth a fraction of it) so a single rating never flips a result, and it is explained.
 */

/** One rep's signal on an item for a lead, with what made that lead that kind of lead. */
export interface FieldSignal {
  contentId: string;
  signal: 'useful' | 'not_useful' | 'opened';
  industry?: string;
  persona?: string;
  /** The item or topic the lead's need matched when it was rated, if known. */
  need?: string;
}

/** The most the field may move an item, on the ranker's 0–1+ scale: a strong match always outweighs it. */
export const FIELD_CAP = 0.15;
const VALUE = { useful: 1, not_useful: -1, opened: 0.25 } as const;

export interface FieldAdjustment {
  delta: number;
  useful: number;
  notUseful: number;
}

const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * The adjustment for each rated item: signals from leads of the same industry, persona or need count
 * (more when several match), others not at all; the sum is squashed so it approaches ±FIELD_CAP only
 * with many agreeing ratings (one rating: about a quarter of it).
 */
export function fieldAdjustments(profile: Pick<LeadProfile, 'industry' | 'persona'>, need: string | undefined, signals: readonly FieldSignal[]): Map<string, FieldAdjustment> {
  const totals = new Map<string, { net: number; useful: number; notUseful: number }>();
  for (const signal of signals) {
    const similarity = (same(signal.industry, profile.industry) ? 1 : 0) + (same(signal.persona, profile.persona) ? 1 : 0) + (same(signal.need, need) ? 1 : 0);
    if (similarity === 0) continue;
    const total = totals.get(signal.contentId) ?? { net: 0, useful: 0, notUseful: 0 };
    total.net += VALUE[signal.signal] * (similarity / 2);
    if (signal.signal === 'useful') total.useful++;
    if (signal.signal === 'not_useful') total.notUseful++;
    totals.set(signal.contentId, total);
  }
  return new Map(
    [...totals].map(([id, total]) => [id, { delta: FIELD_CAP * Math.tanh(total.net / 2), useful: total.useful, notUseful: total.notUseful }]),
  );
}

/** "Useful for 3 similar leads" / "Not useful for 2 similar leads", for the reason line. */
export function explainField(adjustment: FieldAdjustment): string | undefined {
  if (adjustment.delta > 0.01 && adjustment.useful > 0) return `rated useful for ${adjustment.useful} similar lead${adjustment.useful === 1 ? '' : 's'}`;
  if (adjustment.delta < -0.01 && adjustment.notUseful > 0) return `rated not useful for ${adjustment.notUseful} similar lead${adjustment.notUseful === 1 ? '' : 's'}`;
  return undefined;
}
