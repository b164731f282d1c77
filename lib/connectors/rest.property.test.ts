import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import leadsFile from '@/public/demo/leads.json';
import { createRestConnector } from './rest';
import { ConnectorError } from './types';

const source = { kind: 'rest' as const, baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 };
const TOKEN = 'secret-token-abc123';
const connector = createRestConnector(source, { token: TOKEN });
const signal = new AbortController().signal;
const operations = [
  () => connector.findProfile({ crm: 'salesforce', recordId: '00Q1', email: 'a@b.example' }, signal),
  () => connector.getProfile('p1', signal),
  () => connector.searchProfiles('ledgerly', signal),
  () => connector.listContent(signal),
  () => connector.deliver([], signal),
];

function answerWith(status: number, body: string) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } })));
}

describe('REST connector against malformed answers', () => {
  // Each refused payload is logged on purpose (for the admin's console); not needed here.
  beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('never throws anything but a clear ConnectorError, and never repeats the token', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(200, 400, 401, 403, 404, 429, 500, 503),
        fc.oneof(fc.json(), fc.string(), fc.constant(JSON.stringify({ profile: { ...leadsFile.leads[0], source: { channel: 42 } } }))),
        fc.integer({ min: 0, max: operations.length - 1 }),
        async (status, body, operation) => {
          answerWith(status, body);
          try {
            await operations[operation]!();
          } catch (error) {
            expect(error).toBeInstanceOf(ConnectorError);
            expect((error as Error).message).toMatch(/REST gateway/);
            expect((error as Error).message).not.toContain(TOKEN);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a valid profile and names what did not validate in an invalid one', async () => {
    answerWith(200, JSON.stringify({ profile: leadsFile.leads[0] }));
    expect((await operations[0]!())?.toString()).toBeTruthy();
    answerWith(200, JSON.stringify({ profile: { ...leadsFile.leads[0], pageViews: [{ url: 'javascript:alert(1)' }] } }));
    await expect(operations[0]!()).rejects.toThrow(/profile\.pageViews\.0/);
  });
});
