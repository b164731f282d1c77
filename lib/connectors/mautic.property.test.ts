import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentItemSchema, LeadProfileSchema } from '@/lib/schema';
import { MauticSourceSchema } from '@/lib/schema/sources';
import activityPage1 from '@/test/fixtures/api/mautic/activity-1042-page1.json';
import assetsPage1 from '@/test/fixtures/api/mautic/assets-page1.json';
import contactsByEmail from '@/test/fixtures/api/mautic/contacts-by-email-priya.json';
import { createMauticConnector } from './mautic';
import { MauticActivitySchema, MauticContactSchema, mauticErrorText } from './mautic-api';
import { channelFromReferrer, channelFromUtm, contactToProfile, fieldValue, problemText, stageFor, toTimestamp } from './mautic-map';
import { ConnectorError, type Connector, type OutboxEntry } from './types';

/*
 * Whatever Mautic (or something pretending to be it) answers, the connector either produces valid
 * domain objects or fails with a ConnectorError saying what went wrong: never another exception,
 * never an empty message.
 */

const source = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: 'https://mautic.keyline.example', auth: { method: 'basic', username: 'leadside-api' } });
const PASSWORD = 'correct-horse-battery-staple';
const signal = new AbortController().signal;
const RUNS = 150;

/** Every request answers with this body (status 200 unless given). */
function answerAll(body: () => unknown, status = 200) {
  vi.stubGlobal('fetch', async () => {
    const text = JSON.stringify(body());
    return new Response(text === undefined ? '' : text, { status });
  });
}

/** Each request answers the fixture for its path, mutated by the test. */
function answerByPath(bodies: (path: string) => unknown) {
  vi.stubGlobal('fetch', async (input: string) => {
    const text = JSON.stringify(bodies(new URL(input).pathname));
    return new Response(text === undefined ? '' : text, { status: 200 });
  });
}

const feedbackEntry: OutboxEntry = {
  kind: 'feedback',
  id: '6f1c2b9e-3d4a-4f5b-8c7d-2e1f0a9b8c7d',
  attempts: 1,
  unclear: true,
  item: {
    id: '6f1c2b9e-3d4a-4f5b-8c7d-2e1f0a9b8c7d',
    createdAt: '2026-11-17T09:12:00.000Z',
    lead: { key: 'salesforce:1', crm: 'salesforce', recordId: '1', email: 'priya.raman@ledgerly.io' },
    source: {},
    kind: 'verdict',
    verdict: 'good_fit',
    reasons: [],
  },
};

/** Runs every capability and checks each outcome: valid data, or a worded ConnectorError. */
async function exerciseAll(connector: Connector): Promise<void> {
  const outcomes: Array<[string, Promise<unknown>, (value: unknown) => void]> = [
    ['findProfile', connector.findProfile({ crm: 'salesforce', recordId: '1', email: 'priya.raman@ledgerly.io' }, signal), expectProfileOrNull],
    ['getProfile', connector.getProfile('1042', signal), expectProfileOrNull],
    ['searchProfiles', connector.searchProfiles('ledgerly', signal), (value) => expect(Array.isArray(value)).toBe(true)],
    ['listContent', connector.listContent(signal), (value) => (value as unknown[]).forEach((item) => expect(ContentItemSchema.safeParse(item).success).toBe(true))],
    ['deliver', connector.deliver([feedbackEntry], signal), (value) => expect(value).toHaveLength(1)],
    ['testConnection', connector.testConnection(signal), (value) => (value as Array<{ message: string }>).forEach((check) => expect(check.message).toBeTruthy())],
  ];
  for (const [name, outcome, check] of outcomes) {
    try {
      check(await outcome);
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw new Error(`${name} threw ${String(error)}`);
      expect(error.message.length).toBeGreaterThan(10);
      expect(error.message).toContain('Mautic');
      expect(error.message).not.toContain(PASSWORD);
    }
  }
}

function expectProfileOrNull(value: unknown) {
  if (value !== null) expect(LeadProfileSchema.safeParse(value).success).toBe(true);
}

/** A JSON value with one property somewhere replaced by arbitrary data, or removed. */
function mutated(fixture: unknown) {
  const paths: Array<Array<string | number>> = [];
  const walk = (node: unknown, path: Array<string | number>) => {
    paths.push(path);
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) walk(child, [...path, Array.isArray(node) ? Number(key) : key]);
    }
  };
  walk(fixture, []);
  return fc
    .array(fc.tuple(fc.nat({ max: paths.length - 1 }), fc.oneof(fc.constant<'delete'>('delete'), fc.anything())), { minLength: 1, maxLength: 4 })
    .map((changes) => {
      let copy = structuredClone(fixture) as unknown;
      for (const [index, replacement] of changes) {
        const path = paths[index]!;
        if (path.length === 0) {
          copy = replacement === 'delete' ? undefined : replacement;
          continue;
        }
        let parent = copy as Record<string | number, unknown> | undefined;
        for (const key of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent[key] as Record<string | number, unknown>) : undefined;
        if (!parent || typeof parent !== 'object') continue;
        const last = path[path.length - 1]!;
        if (replacement === 'delete') delete parent[last];
        else parent[last] = replacement;
      }
      return copy;
    });
}

beforeEach(() => {
  // fetchJson logs every payload that does not validate; here that is the point of the test.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Mautic connector against arbitrary answers', () => {
  it('turns any JSON answer into valid data or a worded ConnectorError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (body) => {
        answerAll(() => body);
        await exerciseAll(createMauticConnector(source, { password: PASSWORD }));
      }),
      { numRuns: RUNS },
    );
  });

  it('does the same for arbitrary error bodies with any failing status', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.constantFrom(400, 401, 403, 404, 409, 422, 429, 500, 502, 503), async (body, status) => {
        answerAll(() => body, status);
        await exerciseAll(createMauticConnector(source, { password: PASSWORD }));
      }),
      { numRuns: RUNS },
    );
  });

  it('survives documented payloads with properties replaced or removed', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(contactsByEmail), mutated(activityPage1), mutated(assetsPage1), async (contacts, activity, assets) => {
        answerByPath((path) => {
          if (path === '/api/contacts') return contacts;
          if (path.endsWith('/activity')) return activity;
          if (path === '/api/assets') return assets;
          if (path === '/api/contacts/1042') return { contact: (contacts as { contacts?: Record<string, unknown> })?.contacts?.['1042'] };
          return { total: 0, notes: [] };
        });
        await exerciseAll(createMauticConnector(source, { password: PASSWORD }));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('Mautic parsers and mappers on arbitrary input', () => {
  it('map any contact and events that pass the vendor schemas to a valid profile', () => {
    const contactArb = mutated(contactsByEmail.contacts['1042']);
    const eventsArb = mutated(activityPage1);
    fc.assert(
      fc.property(contactArb, eventsArb, (rawContact, rawActivity) => {
        const contact = MauticContactSchema.safeParse(rawContact);
        const activity = MauticActivitySchema.safeParse(rawActivity);
        if (!contact.success || !activity.success) return;
        const profile = LeadProfileSchema.safeParse(contactToProfile(contact.data, activity.data.events));
        expect(profile.success, profile.error?.message).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('never throw on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const text = typeof a === 'string' ? a : undefined;
        const other = typeof b === 'string' ? b : undefined;
        const stamp = toTimestamp(a);
        if (stamp !== undefined) expect(Number.isNaN(Date.parse(stamp))).toBe(false);
        channelFromUtm(text, other);
        channelFromReferrer(text, other);
        stageFor(text);
        if (a && typeof a === 'object' && !Array.isArray(a)) {
          problemText(a as Record<string, unknown>);
          fieldValue(a as Record<string, unknown>, 'email');
        }
        const said = mauticErrorText(a);
        if (said !== undefined) expect(said.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
