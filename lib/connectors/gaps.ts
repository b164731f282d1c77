import { LEAD_LIMITS, type DataGap } from '@/lib/schema';
import { ConnectorError } from './types';
import type { CodedText } from '@/lib/schema/coded-text';

/**
 * A gap as the profile holds it (LeadProfile.gaps): "what" then "why" read as one English sentence,
 * within the schema's length, and the same note as a code for the panel to word.
 */
export function dataGap(what: string, why: string, codedText?: CodedText): DataGap {
  const fit = (text: string) => (text.length > LEAD_LIMITS.text ? `${text.slice(0, LEAD_LIMITS.text - 1)}…` : text);
  return { what: fit(what), why: fit(why), ...(codedText ? { coded: codedText } : {}) };
}

/**
 * Whether a failed sub-call (a contact's activity, its events) may leave a gap instead of failing
 * the whole brief: a vendor's answer or silence, not the lookup being called off.
 */
export function isGapWorthy(error: unknown, signal: AbortSignal): error is ConnectorError {
  return error instanceof ConnectorError && !signal.aborted;
}
