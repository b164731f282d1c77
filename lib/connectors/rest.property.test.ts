import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import leadsFile from '@/public/demo/leads.json';
import { createRestConnector } from './rest';
import { ConnectorError, type OutboxEntry } from './types';

const source = { kind: 'rest' as const, baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 };
const TOKEN = 'secret-token-abc123';
const connector = createRestConnector(source, { token: TOKEN });
const signal = new AbortController().signal;
const event: OutboxEntry = {
  kind: 'event',
  item: { id: 'ev-1', type: 'opened', contentId: 'c1', at: '2026-11-18T10:30:00Z', source: {} },
  id: 'ev-1',
  attempts: 0,
  unclear: false,
};
const operations = [
  () => connector.findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'a@b.example' }, signal),
  () => connector.getProfile('p1', signal),
  () => connector.searchProfiles('ledgerly', signal),
  () => connector.listContent(signal),
  () => connector.deliver([], signal),
  () => connector.deliver([event], signal),
  () => connector.testConnection(signal),
];

/** Text around the token, long enough on either side to reach past any cut the connector makes (200 characters). */
const around = fc.tuple(fc.string({ maxLength: 260 }), fc.string({ maxLength: 40 }));
/** Answers a gateway might give that echo the bearer token: as raw text, in its error field, in a rejected item, as a key. */
const echoes = fc.oneof(
  around.map(([before, after]) => `${before}${TOKEN}${after}`),
  around.map(([before, after]) => JSON.stringify({ error: `${before}${TOKEN}${after}` })),
  around.map(([before, after]) => JSON.stringify({ results: [{ id: 'ev-1', status: 'rejected', error: `${before}${TOKEN}${after}` }] })),
  fc.constant(JSON.stringify({ results: [{ id: 'ev-1', status: TOKEN }] })),
  fc.constant(JSON.stringify({ profile: { ...leadsFile.leads[0], source: { channel: TOKEN } } })),
  fc.constant(JSON.stringify({ items: TOKEN, nextCursor: null })),
);

/** Any piece of the token 8 characters long: a token cut in half is still a leak. */
const TOKEN_PIECES = Array.from({ length: TOKEN.length - 7 }, (_, start) => TOKEN.slice(start, start + 8));
function expectNoTokenIn(text: string) {
  for (const piece of TOKEN_PIECES) expect(text).not.toContain(piece);
}

function answerWith(status: number, body: string) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } })));
}

describe('REST connector against malformed answers', () => {
  // Each refused payload is logged on purpose (for the admin's console); kept here to be checked, not shown.
  let warnings: unknown[][] = [];
  beforeEach(() => {
    warnings = [];
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('never throws anything but a clear ConnectorError, and never repeats the token, not even in part', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(200, 400, 401, 403, 404, 429, 500, 503),
        fc.oneof(fc.json(), fc.string(), fc.constant(JSON.stringify({ profile: { ...leadsFile.leads[0], source: { channel: 42 } } })), echoes),
        fc.integer({ min: 0, max: operations.length - 1 }),
        async (status, body, operation) => {
          answerWith(status, body);
          warnings = [];
          try {
            const answer = await operations[operation]!();
            // What reaches the rep or admin as text: rejected items' errors (lastError), connection test lines.
            if (operation >= 5) expectNoTokenIn(JSON.stringify(answer));
          } catch (error) {
            expect(error).toBeInstanceOf(ConnectorError);
            expect((error as Error).message).toMatch(/REST gateway/);
            expectNoTokenIn((error as Error).message);
          }
          expectNoTokenIn(JSON.stringify(warnings));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('cuts an echoed token out of an error, a rejected item and a connection test line', async () => {
    answerWith(401, JSON.stringify({ error: `Token ${TOKEN} is expired` }));
    await expect(operations[1]!()).rejects.toThrow('The REST gateway (gateway.acme.example) answered 401: Token ••• is expired');
    answerWith(200, JSON.stringify({ results: [{ id: 'ev-1', status: 'rejected', error: `bad item for ${TOKEN}` }] }));
    expect(await connector.deliver([event], signal)).toEqual([
      { id: 'ev-1', outcome: 'rejected', error: 'bad item for •••', coded: { code: 'delivery.refused', params: { system: 'The REST gateway (gateway.acme.example)' }, detail: 'bad item for •••' } },
    ]);
    answerWith(500, `${'x'.repeat(190)}${TOKEN}`);
    const lines = await connector.testConnection(signal);
    expect(lines[0]!.message).toBe(`The REST gateway (gateway.acme.example) answered 500: ${'x'.repeat(190)}•••`);
  });

  it('reads a valid profile and names what did not validate in an invalid one', async () => {
    answerWith(200, JSON.stringify({ profile: leadsFile.leads[0] }));
    expect((await operations[0]!())?.toString()).toBeTruthy();
    answerWith(200, JSON.stringify({ profile: { ...leadsFile.leads[0], pageViews: [{ url: 'javascript:alert(1)' }] } }));
    await expect(operations[0]!()).rejects.toThrow(/profile\.pageViews\.0/);
  });
});
