import { MatchPattern } from 'wxt/utils/match-patterns';
import { DETECTORS } from '@/lib/crm/registry';
import type { DetectedRecord } from '@/lib/schema/record';

const detectors = DETECTORS.map((detector) => ({ detector, patterns: detector.matches.map((pattern) => new MatchPattern(pattern)) }));

/**
 * The record a built-in CRM's URL names, as its content script reads it from the same URL (the
 * detectors' pure `matchUrl`), only on the hosts that script runs on; null for any other page, a
 * custom site included (its content script's report is the panel's word there).
 */
export function recordAtUrl(href: string): DetectedRecord | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  for (const { detector, patterns } of detectors) {
    if (!patterns.some((pattern) => pattern.includes(url))) continue;
    const match = detector.matchUrl(url);
    if (match) return { ...match, url: href };
  }
  return null;
}
