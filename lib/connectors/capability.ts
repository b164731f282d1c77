import { asConnectorError, type Said } from './message-codes';
import type { CapabilityCheck } from './types';

/**
 * Runs one capability check of a connection test, turning its failure into that line's message
 * (the vendor's own words, and its code for the page to word). Only the caller giving up (its
 * signal aborted) ends the whole test. What worked is `okMessage`, or what `run` answers.
 */
export async function check(
  capability: CapabilityCheck['capability'],
  run: () => Promise<unknown>,
  okMessage?: Said,
  signal?: AbortSignal,
): Promise<CapabilityCheck> {
  try {
    const result = await run();
    const worked = okMessage ?? (isSaid(result) ? result : { message: String(result) });
    return { capability, ok: true, ...worked };
  } catch (error) {
    if (signal?.aborted) throw error;
    const failure = asConnectorError(error);
    return { capability, ok: false, message: failure.message, ...(failure.coded ? { coded: failure.coded } : {}) };
  }
}

const isSaid = (value: unknown): value is Said => !!value && typeof value === 'object' && typeof (value as Said).message === 'string';
