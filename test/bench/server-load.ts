import { performance } from 'node:perf_hooks';
import { summarize, type Summary } from './stats';

export interface LoadResult {
  /** Every request's latency (ms), in completion order. */
  latencies: number[];
  elapsedMs: number;
  summary: Summary;
}

/**
 * `requests` calls of `send(i)` from `clients` concurrent loops (each starts its next call when its
 * previous one is answered, like a client that waits for its answer), timing each call.
 * A call that throws fails the whole run: a benchmark of failing requests measures nothing.
 */
export async function runLoad(options: { clients: number; requests: number; send: (index: number) => Promise<void> }): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const client = async () => {
    while (next < options.requests) {
      const index = next++;
      const t0 = performance.now();
      await options.send(index);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const elapsedMs = performance.now() - started;
  return { latencies, elapsedMs, summary: summarize(latencies) };
}

/** A fetch that must answer `expectedStatus`; anything else throws with the body, so a broken run stops. */
export async function fetchExpecting(url: string, init: RequestInit, expectedStatus = 200): Promise<Response> {
  const response = await fetch(url, init);
  if (response.status !== expectedStatus) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status} (expected ${expectedStatus}): ${(await response.text()).slice(0, 500)}`);
  }
  return response;
}
