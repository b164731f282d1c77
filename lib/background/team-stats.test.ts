import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TeamStats } from '@/lib/schema/rest-api';
import { db } from '@/lib/store/db';
import { saveSecrets } from '@/lib/store/secrets';
import { saveSettings } from '@/lib/store/settings';
import { teamStats } from './team-stats';

const TOKEN = 'rep-token-31f0';
const stats: TeamStats = { content: [], leadQuality: [], team: { name: 'Acme sales', reps: 3 }, requests: [] };
const catalog = { items: [{ id: 'g1', title: 'Guide', type: 'guide', url: 'https://x.example/g1', summary: '', topics: [], industries: [], personas: [], stages: [] }], nextCursor: null };

/** The server: `stats` answers as given, the catalog always; every URL and token asked for is recorded. */
function serve(stats: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; auth: string | null }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, auth: new Headers(init.headers).get('Authorization') });
      if (new URL(url).pathname.endsWith('/content')) return Response.json(catalog);
      return stats();
    }),
  );
  return calls;
}

describe("the worker's team stats for Insights", () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
    await saveSettings({ source: { kind: 'leadside', serverUrl: 'https://leadside.acme.example', timeoutSeconds: 8 } });
    await saveSecrets('leadside', 'https://leadside.acme.example', { token: TOKEN });
    // The browser allows every host here; connectors.test.ts checks what happens when it does not.
    fakeBrowser.permissions.contains = async () => true;
  });
  afterEach(() => vi.unstubAllGlobals());

  it("asks the Leadside server with the rep's token and caches the catalog for the titles", async () => {
    const calls = serve(() => Response.json(stats));
    expect(await teamStats('2026-11-01T00:00:00.000Z')).toEqual({ outcome: 'team', stats, from: 'leadside', host: 'leadside.acme.example' });
    expect(calls).toContainEqual({ url: 'https://leadside.acme.example/v1/stats?since=2026-11-01T00%3A00%3A00.000Z', auth: `Bearer ${TOKEN}` });
    expect((await db.content.toArray()).map((item) => item.title)).toEqual(['Guide']);
  });

  it('answers a failure with the reason when the server is down or answers an error', async () => {
    serve(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await teamStats(undefined)).toEqual({
      outcome: 'failed',
      reason: 'Could not reach The Leadside server (leadside.acme.example) at leadside.acme.example: Failed to fetch',
      reasonCoded: { code: 'source.unreachable', params: { system: 'The Leadside server (leadside.acme.example)', host: 'leadside.acme.example' }, detail: 'Failed to fetch' },
      from: 'leadside',
      host: 'leadside.acme.example',
    });
    serve(() => Response.json({ error: 'Database unavailable' }, { status: 503 }));
    expect(await teamStats(undefined)).toMatchObject({ outcome: 'failed', reason: 'The Leadside server (leadside.acme.example) answered 503: Database unavailable' });
    serve(() => Response.json({ error: 'No route' }, { status: 404 }));
    expect(await teamStats(undefined)).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('has no /v1/stats'), reasonCoded: { code: 'leadside.noStats' } });
  });

  it("has no team numbers for the demo, and none from a team's gateway without /stats", async () => {
    const calls = serve(() => Response.json({ error: 'No route' }, { status: 404 }));
    await saveSettings({ source: { kind: 'demo' } });
    expect(await teamStats(undefined)).toEqual({ outcome: 'none' });
    expect(calls).toEqual([]);

    await saveSettings({ source: { kind: 'rest', baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 } });
    await saveSecrets('rest', 'https://gateway.acme.example/v1', { token: 'gateway-token' });
    expect(await teamStats(undefined)).toEqual({ outcome: 'none' });
    serve(() => Response.json(stats));
    expect(await teamStats(undefined)).toEqual({ outcome: 'team', stats, from: 'rest', host: 'gateway.acme.example' });
  });
});
