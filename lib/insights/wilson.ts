import type { Share } from '@/lib/schema/dashboard';

/** z for a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

/** Below this many leads a share is shown but marked as not meaning much yet (the dashboard's rule). */
export const TOO_FEW_LEADS = 10;

/**
 * The Wilson score interval of a proportion: unlike "share ± margin" it stays inside [0, 1] and is
 * honest about small samples (3 of 3 is 44%–100%, not "100%"). `of` = 0 gives the whole [0, 1].
 */
export function wilsonInterval(count: number, of: number, z = Z_95): { low: number; high: number } {
  if (of <= 0) return { low: 0, high: 1 };
  const p = count / of;
  const z2 = z * z;
  const centre = p + z2 / (2 * of);
  const margin = z * Math.sqrt((p * (1 - p)) / of + z2 / (4 * of * of));
  const denominator = 1 + z2 / of;
  // Clamped, and around the share: rounding can put an end a hair past it or outside [0, 1] at p = 0
  // or 1 (0 of 3 gave a low end of 4.9e-17, above the share).
  return { low: Math.min(p, clamp((centre - margin) / denominator)), high: Math.max(p, clamp((centre + margin) / denominator)) };
}

/** A count out of a total as the dashboard shows it: the share, its 95% interval, and whether the total is too small. */
export function shareOf(count: number, of: number, tooFewBelow = TOO_FEW_LEADS): Share {
  return { count, of, share: of > 0 ? count / of : 0, ...wilsonInterval(count, of), tooFew: of < tooFewBelow };
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
