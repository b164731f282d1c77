import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fetchJson, MAX_RESPONSE_BYTES, MAX_RETRY_AFTER_MS, rateLimitResetMs, retryAfterMs } from './http';
import { ConnectorError } from './types';

const Anything = z.unknown();
const OPTIONS = { vendor: 'Acme API' };

afterEach(() => vi.unstubAllGlobals());

/** A body of `chunks` pieces of `size` bytes, produced only as they are read. */
function streamed(size: number, chunks: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('fetchJson', () => {
  it('never follows a redirect with the credentials, and says where it pointed', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(null, { status: 302, headers: { Location: 'https://collector.example/steal' } }));
    vi.stubGlobal('fetch', fetch);
    const error = await failure(fetchJson({ url: 'https://api.acme.example/x', timeoutMs: 1000, headers: { Authorization: 'Bearer t' } }, Anything, OPTIONS));
    expect(fetch.mock.calls[0]![1]).toMatchObject({ redirect: 'manual' });
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('redirect to https://collector.example/steal');
  });

  it('refuses an answer larger than the cap, declared or streamed, without reading it all', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { headers: { 'Content-Length': String(MAX_RESPONSE_BYTES + 1) } })));
    expect((await failure(fetchJson({ url: 'https://api.acme.example/x', timeoutMs: 1000 }, Anything, OPTIONS))).message).toMatch(/larger than 8 MB/);

    const chunk = 1024 * 1024;
    const body = streamed(chunk, 60);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(body)));
    const error = await failure(fetchJson({ url: 'https://api.acme.example/x', timeoutMs: 5000 }, Anything, OPTIONS));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/larger than 8 MB/);
  });

  it('reads an answer just under the cap', async () => {
    const json = `"${'a'.repeat(MAX_RESPONSE_BYTES - 10)}"`;
    vi.stubGlobal('fetch', vi.fn(async () => new Response(json)));
    await expect(fetchJson({ url: 'https://api.acme.example/x', timeoutMs: 5000 }, z.string(), OPTIONS)).resolves.toHaveLength(MAX_RESPONSE_BYTES - 10);
  });

  it('calls a body that stops arriving a timeout, not "not JSON"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        // The first bytes, then nothing; a real fetch errors the body's stream when the request's signal aborts.
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"items": ['));
            init.signal?.addEventListener('abort', () => controller.error(new DOMException('The operation was aborted.', 'AbortError')));
          },
        });
        return new Response(body);
      }),
    );
    const error = await failure(fetchJson({ url: 'https://api.acme.example/x', timeoutMs: 100 }, Anything, OPTIONS));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('did not finish sending its answer');
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and caps what would park an item for days', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 03 Dec 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('99999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('rateLimitResetMs', () => {
  it('takes Retry-After first, else the limiter’s reset as Unix seconds or as seconds to go', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    const headers = (entries: Record<string, string>) => new Headers(entries);
    expect(rateLimitResetMs(headers({ 'Retry-After': '30', 'X-RateLimit-Reset': String(now / 1000 + 2400) }), now)).toBe(30_000);
    expect(rateLimitResetMs(headers({ 'X-RateLimit-Reset': String(now / 1000 + 2400) }), now)).toBe(2_400_000);
    expect(rateLimitResetMs(headers({ 'RateLimit-Reset': '45' }), now)).toBe(45_000);
    expect(rateLimitResetMs(headers({ 'X-RateLimit-Reset': String(now / 1000 - 60) }), now)).toBe(0);
    for (const value of ['', 'soon', '-5']) expect(rateLimitResetMs(headers({ 'X-RateLimit-Reset': value }), now), value).toBeUndefined();
    expect(rateLimitResetMs(headers({}), now)).toBeUndefined();
  });
});
