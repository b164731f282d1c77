import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeadsideSourceSchema } from '@/lib/schema';
import type { TeamStats } from '@/lib/schema/rest-api';
import type { RequestStatuses } from '@/lib/schema/dashboard';
import { createLeadsideConnector } from './leadside';
import { createRestConnector } from './rest';
import { ConnectorError } from './types';

const TOKEN = 'rep-token-7d1e';
const source = LeadsideSourceSchema.parse({ kind: 'leadside', serverUrl: 'https://leadside.acme.example/' });
const signal = new AbortController().signal;

const stats: TeamStats = {
  content: [{ contentId: 'cs-1', suggested: 4, opened: 2, linkCopied: 1, useful: 1, notUseful: 0 }],
  leadQuality: [
    { channel: 'webinar', campaign: 'HIPAA webinar', leads: 2, verdicts: { good_fit: 1, demo_booked: 1, not_ready: 0, not_a_fit: 0, bad_data: 0 } },
  ],
  team: { name: 'Acme sales', reps: 2 },
  requests: [],
};

/** Answers every call with `status` and `body`, and records the URLs and headers asked for. */
function serve(status: number, body: unknown) {
  const calls: Array<{ url: string; auth: string | null }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, auth: new Headers(init.headers).get('Authorization') });
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

describe('Leadside server source', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('takes the server root, also when the address was pasted with /v1', () => {
    expect(source.serverUrl).toBe('https://leadside.acme.example');
    expect(LeadsideSourceSchema.parse({ kind: 'leadside', serverUrl: 'https://leadside.acme.example/v1/' }).serverUrl).toBe('https://leadside.acme.example');
    expect(LeadsideSourceSchema.safeParse({ kind: 'leadside', serverUrl: 'http://leadside.acme.example' }).success).toBe(false);
  });

  it('speaks the REST contract under /v1 with the rep token', async () => {
    const calls = serve(200, { results: [] });
    await createLeadsideConnector(source, { token: TOKEN }).searchProfiles('ledgerly', signal);
    expect(calls).toEqual([{ url: 'https://leadside.acme.example/v1/profiles/search?q=ledgerly', auth: `Bearer ${TOKEN}` }]);
  });

  it('reads the team stats for a period, and for all time without a since', async () => {
    const calls = serve(200, stats);
    const connector = createLeadsideConnector(source, { token: TOKEN });
    expect(await connector.teamStats!('2026-11-01T00:00:00.000Z', signal)).toEqual(stats);
    expect(await connector.teamStats!(undefined, signal)).toEqual(stats);
    expect(calls.map((call) => call.url)).toEqual([
      'https://leadside.acme.example/v1/stats?since=2026-11-01T00%3A00%3A00.000Z',
      'https://leadside.acme.example/v1/stats',
    ]);
  });

  it('answers null when the service has no stats (404), and names the Leadside server in errors', async () => {
    serve(404, { error: 'No route /stats' });
    expect(await createLeadsideConnector(source, { token: TOKEN }).teamStats!(undefined, signal)).toBeNull();

    serve(401, { error: 'Unknown or expired token' });
    const failure = createLeadsideConnector(source, { token: TOKEN }).teamStats!(undefined, signal);
    await expect(failure).rejects.toBeInstanceOf(ConnectorError);
    await expect(failure).rejects.toThrow('The Leadside server (leadside.acme.example) answered 401: Unknown or expired token');

    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    serve(200, { content: 'not a list' });
    await expect(createLeadsideConnector(source, { token: TOKEN }).teamStats!(undefined, signal)).rejects.toThrow(/could not read: content/);
  });

  it("reads the status of the rep's own field requests; a gateway without them (404) has none", async () => {
    const statuses: RequestStatuses = {
      statuses: [
        { id: 'a6f1c7de-0c55-4a8e-9f59-2c3c1f7b9a01', status: 'planned', content: null, changedAt: '2026-12-02T10:00:00.000Z' },
        {
          id: 'b1e0d7a2-5b8e-4c1f-8f0e-7d6c5b4a3a02',
          status: 'published',
          content: { id: 'cs-soc2', title: 'SOC 2 in 90 days', url: 'https://acme.example/soc2' },
          changedAt: '2026-12-03T08:00:00.000Z',
        },
      ],
    };
    const calls = serve(200, statuses);
    expect(await createLeadsideConnector(source, { token: TOKEN }).requestStatuses!(signal)).toEqual(statuses);
    expect(calls).toEqual([{ url: 'https://leadside.acme.example/v1/requests/status', auth: `Bearer ${TOKEN}` }]);

    serve(404, { error: 'Not found' });
    const gateway = createRestConnector({ baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 }, { token: TOKEN });
    expect(await gateway.requestStatuses!(signal)).toBeNull();

    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    serve(200, { statuses: [{ id: 'x', status: 'shipped', content: null, changedAt: null }] });
    await expect(createLeadsideConnector(source, { token: TOKEN }).requestStatuses!(signal)).rejects.toBeInstanceOf(ConnectorError);
  });

  it("reads the team's field signals; a gateway without them (404) has none, and a malformed answer is an error", async () => {
    const field = { since: '2026-06-06T12:00:00.000Z', signals: [{ contentId: 'cs-1', industry: 'Logistics', persona: 'operations', useful: 4, notUseful: 1, opened: 9 }] };
    const calls = serve(200, field);
    expect(await createLeadsideConnector(source, { token: TOKEN }).fieldSignals!(signal)).toEqual(field);
    expect(calls).toEqual([{ url: 'https://leadside.acme.example/v1/field-signals', auth: `Bearer ${TOKEN}` }]);

    serve(404, { error: 'Not found' });
    expect(await createRestConnector({ baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 }, { token: TOKEN }).fieldSignals!(signal)).toBeNull();

    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    serve(200, { since: field.since, signals: [{ contentId: 'cs-1', useful: -1, notUseful: 0, opened: 0 }] });
    await expect(createLeadsideConnector(source, { token: TOKEN }).fieldSignals!(signal)).rejects.toBeInstanceOf(ConnectorError);
  });

  it('keys its cached catalog apart from a REST gateway on the same host', () => {
    expect(createLeadsideConnector(source, {}).id).toBe('leadside:https://leadside.acme.example/v1');
  });
});
