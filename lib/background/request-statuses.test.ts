import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RequestStatuses } from '@/lib/schema/dashboard';
import { PageRequestSchema, PageResponseSchemas } from '@/lib/messaging/messages';
import { db } from '@/lib/store/db';
import { saveSettings } from '@/lib/store/settings';
import { handlePageRequest } from './page-requests';
import { forgetRequestStatuses, requestStatuses, STATUS_CACHE_MS } from './request-statuses';

const TOKEN = 'rep-token-51c9';
const SERVER = 'https://leadside.acme.example';
const PLANNED = 'a6f1c7de-0c55-4a8e-9f59-2c3c1f7b9a01';
const PUBLISHED = 'b1e0d7a2-5b8e-4c1f-8f0e-7d6c5b4a3a02';
const OTHER = 'c2d3e4f5-0000-4000-8000-000000000003';

const answer: RequestStatuses = {
  statuses: [
    { id: PLANNED, status: 'planned', content: null, changedAt: '2026-12-02T10:00:00.000Z' },
    { id: PUBLISHED, status: 'published', content: { id: 'cs-soc2', title: 'SOC 2 in 90 days', url: 'https://acme.example/soc2' }, changedAt: '2026-12-03T08:00:00.000Z' },
  ],
};

/** The server answers each GET /v1/requests/status with the next of `replies` (the last one repeats). */
function serve(...replies: Array<{ status: number; body: unknown } | 'network-down'>) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
      if (reply === 'network-down') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return urls;
}

describe("the status of the rep's requests, from the worker", () => {
  let now = Date.parse('2026-12-03T12:00:00.000Z');
  const clock = () => now;

  beforeEach(async () => {
    forgetRequestStatuses();
    now = Date.parse('2026-12-03T12:00:00.000Z');
    await db.delete();
    await db.open();
    await saveSettings({ source: { kind: 'leadside', serverUrl: SERVER, timeoutSeconds: 8 } });
    await db.secrets.put({ source: 'leadside', values: { token: TOKEN }, origin: SERVER });
    fakeBrowser.permissions.contains = async () => true;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('answers the asked ids the server has a status for, through a validated page message', async () => {
    const urls = serve({ status: 200, body: answer });
    const reply = await handlePageRequest(PageRequestSchema.parse({ type: 'request-statuses', ids: [PUBLISHED, OTHER] }));
    expect(PageResponseSchemas['request-statuses'].parse(reply)).toEqual({ statuses: [answer.statuses[1]] });
    expect(urls).toEqual([`${SERVER}/v1/requests/status`]);
    expect(PageRequestSchema.safeParse({ type: 'request-statuses', ids: [] }).success).toBe(false);
  });

  it('asks the server once for every panel within the cache time, and again after it', async () => {
    const urls = serve({ status: 200, body: answer });
    await Promise.all([requestStatuses([PLANNED], clock), requestStatuses([PUBLISHED], clock)]);
    now += STATUS_CACHE_MS - 1;
    expect(await requestStatuses([PLANNED, PUBLISHED], clock)).toEqual({ statuses: answer.statuses });
    expect(urls).toHaveLength(1);
    now += 2;
    await requestStatuses([PLANNED], clock);
    expect(urls).toHaveLength(2);
  });

  it('asks again at once for a request the cached answer does not know yet (just stored: the server says new)', async () => {
    const urls = serve(
      { status: 200, body: { statuses: [answer.statuses[0]] } },
      { status: 200, body: { statuses: [answer.statuses[0], { id: OTHER, status: 'new', content: null, changedAt: null }] } },
    );
    await requestStatuses([PLANNED], clock);
    expect(await requestStatuses([PLANNED, OTHER], clock)).toEqual({ statuses: [answer.statuses[0], expect.objectContaining({ id: OTHER, status: 'new' })] });
    expect(urls).toHaveLength(2);
  });

  it('answers none, never an error, when the source has none (404), fails, or is unreachable', async () => {
    for (const reply of [{ status: 404, body: { error: 'Not found' } }, { status: 500, body: { error: 'Database is down' } }, 'network-down'] as const) {
      forgetRequestStatuses();
      serve(reply);
      expect(await requestStatuses([PLANNED], clock)).toEqual({ statuses: [] });
    }
  });

  it('asks nothing of a source without statuses (the demo data)', async () => {
    const urls = serve({ status: 200, body: answer });
    await saveSettings({ source: { kind: 'demo' } });
    expect(await requestStatuses([PLANNED], clock)).toEqual({ statuses: [] });
    expect(urls).toEqual([]);
  });
});
