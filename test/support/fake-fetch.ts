import { vi } from 'vitest';

/** One answer of a fake vendor API: the first route whose method, path and condition match answers. */
export interface FakeRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string | RegExp;
  /** Extra condition on the request (query, parsed JSON body). */
  when?: (url: URL, body: any) => boolean;
  status?: number;
  body?: unknown;
  /** Raw text instead of JSON. */
  text?: string;
  headers?: Record<string, string>;
  /** Answer only this many times, then let later routes answer. */
  times?: number;
}

/** A request the fake saw. */
export interface FakeCall {
  method: string;
  url: URL;
  headers: Headers;
  body: any;
}

/**
 * Replaces the global `fetch` with a fake vendor API answering from `routes`, and returns the list
 * every request is recorded in. A request no route answers throws (a test that did not expect it
 * should fail loudly), unless `unmatched` says what the vendor would answer instead (its 404).
 * Undo with `vi.unstubAllGlobals()`.
 */
export function stubFetch(routes: readonly FakeRoute[], unmatched?: (call: FakeCall) => Response): FakeCall[] {
  const calls: FakeCall[] = [];
  const used = new Map<FakeRoute, number>();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      const call = { method, url, headers: new Headers(init?.headers), body };
      calls.push(call);
      const route = routes.find(
        (candidate) =>
          candidate.method === method &&
          (typeof candidate.path === 'string' ? candidate.path === url.pathname : candidate.path.test(url.pathname)) &&
          (!candidate.when || candidate.when(url, body)) &&
          (candidate.times === undefined || (used.get(candidate) ?? 0) < candidate.times),
      );
      if (!route) {
        if (unmatched) return unmatched(call);
        throw new Error(`Unexpected request ${method} ${url}`);
      }
      used.set(route, (used.get(route) ?? 0) + 1);
      return new Response(route.text ?? JSON.stringify(route.body), {
        status: route.status ?? 200,
        headers: { 'Content-Type': 'application/json;charset=utf-8', ...route.headers },
      });
    }),
  );
  return calls;
}
