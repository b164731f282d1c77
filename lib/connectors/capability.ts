import type { CapabilityCheck } from './types';

/**
 * Runs one capability check of a connection test, turning its failure into that line's message
 * (the vendor's own words). Only the caller giving up (its signal aborted) ends the whole test.
 */
export async function check(
  capability: CapabilityCheck['capability'],
  run: () => Promise<unknown>,
  okMessage?: string,
  signal?: AbortSignal,
): Promise<CapabilityCheck> {
  try {
    const result = await run();
    return { capability, ok: true, message: okMessage ?? String(result) };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { capability, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
