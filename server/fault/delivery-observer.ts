import { DeliveryResponseSchema } from '@/lib/schema/rest-api';

/** What the server answered on the wire, per idempotency id. */
export interface ObservedAnswers {
  /** POST /deliveries requests sent, and how they ended. */
  requests: number;
  answered: number;
  /** No HTTP answer at all (connection refused or cut, timeout) or a body that could not be read. */
  noAnswer: number;
  /** An HTTP error status (5xx during an outage, 429, …). */
  errorStatus: number;
  statuses: Map<number, number>;
  stored: Map<string, number>;
  duplicate: Map<string, number>;
  rejected: Map<string, string>;
  /** Ids that were in a request that got no answer: the server may have stored them unseen. */
  unclear: Set<string>;
}

/**
 * Wraps the global `fetch` that the REST connector calls, to count the server's `stored` and `duplicate`
 * answers per id. The connector itself reports both as `delivered` (which is right for the outbox), but
 * the fault test must be able to see the server store an id twice, so it reads the answers themselves
 * from a clone of each response; the connector gets the response untouched. Returns a restore function.
 */
export function observeDeliveries(deliveriesUrl: string): { answers: ObservedAnswers; restore: () => void } {
  const answers: ObservedAnswers = {
    requests: 0,
    answered: 0,
    noAnswer: 0,
    errorStatus: 0,
    statuses: new Map(),
    stored: new Map(),
    duplicate: new Map(),
    rejected: new Map(),
    unclear: new Set(),
  };
  const original = globalThis.fetch;
  const bump = (map: Map<string | number, number>, key: string | number) => map.set(key, (map.get(key) ?? 0) + 1);

  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== deliveriesUrl || init?.method !== 'POST') return original(input, init);
    answers.requests++;
    const sentIds = idsIn(init.body);
    const noAnswer = () => {
      answers.noAnswer++;
      for (const id of sentIds) answers.unclear.add(id);
    };
    let response: Response;
    try {
      response = await original(input, init);
    } catch (error) {
      noAnswer();
      throw error;
    }
    bump(answers.statuses, response.status);
    if (!response.ok) {
      answers.errorStatus++;
      // A 5xx may come after the transaction committed (the connection to the database was cut on the
      // way back), so the ids are as unclear as with no answer at all.
      if (response.status >= 500) for (const id of sentIds) answers.unclear.add(id);
      return response;
    }
    let body: unknown;
    try {
      body = await response.clone().json();
    } catch {
      noAnswer();
      return response;
    }
    const parsed = DeliveryResponseSchema.safeParse(body);
    if (!parsed.success) {
      noAnswer();
      return response;
    }
    answers.answered++;
    for (const result of parsed.data.results) {
      if (result.status === 'stored') bump(answers.stored, result.id);
      else if (result.status === 'duplicate') bump(answers.duplicate, result.id);
      else answers.rejected.set(result.id, result.error ?? 'rejected');
    }
    return response;
  };
  return { answers, restore: () => (globalThis.fetch = original) };
}

function idsIn(body: unknown): string[] {
  if (typeof body !== 'string') return [];
  const parsed = JSON.parse(body) as { items?: { id?: unknown }[] };
  return (parsed.items ?? []).flatMap((item) => (typeof item.id === 'string' ? [item.id] : []));
}
