import fc from 'fast-check';
import { clearBackoffs } from './backoff';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import contact51001 from '@/test/fixtures/api/hubspot/contact-51001.json';
import contactsList from '@/test/fixtures/api/hubspot/contacts-list.json';
import searchPriya from '@/test/fixtures/api/hubspot/contacts-search-priya.json';
import eventsPage1 from '@/test/fixtures/api/hubspot/events-51001-page1.json';
import eventsPage2 from '@/test/fixtures/api/hubspot/events-51001-page2.json';
import rowsPage1 from '@/test/fixtures/api/hubspot/hubdb-rows-page1.json';
import noteCreated from '@/test/fixtures/api/hubspot/note-created.json';
import notesList from '@/test/fixtures/api/hubspot/notes-list.json';
import notesSearchFound from '@/test/fixtures/api/hubspot/notes-search-found.json';
import { ContentItemSchema, HubSpotSourceSchema, LeadProfileSchema, PageViewSchema, type FeedbackItem } from '@/lib/schema';
import { createHubSpotConnector } from './hubspot';
import {
  contentFromRow,
  CrmObjectSchema,
  hubspotErrorText,
  ianaTimeZone,
  pageViewsFromEvents,
  parseBestTime,
  toLeadProfile,
  toTimestamp,
} from './hubspot-map';
import { ConnectorError, type Connector, type OutboxEntry } from './types';

const TOKEN = 'pat-eu1-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const source = HubSpotSourceSchema.parse({
  kind: 'hubspot',
  mappings: { preferredChannel: 'preferred_contact_method', bestTime: 'best_time_to_call' },
  contentTableId: '5729341',
  timeoutSeconds: 5,
});
const signal = new AbortController().signal;

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const item: FeedbackItem = {
  id: '3f0c1a52-6a8e-4d1b-9b7e-2c4f5d6e7a81',
  createdAt: '2026-11-18T10:14:58Z',
  lead: { key: 'salesforce:00Q8d00000XyZ1aEAF', crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io' },
  source: { channel: 'paid_search' },
  kind: 'verdict',
  verdict: 'good_fit',
  reasons: [],
};
const entries: OutboxEntry[] = [
  { kind: 'feedback', item, id: item.id, attempts: 1, unclear: true },
  { kind: 'event', item: { id: 'e1', type: 'opened', contentId: 'c1', at: '2026-11-18T10:30:00Z', source: {} }, id: 'e1', attempts: 0, unclear: false },
];

/**
 * Every operation, checked the same way: it either answers something that fits Leadside's own schemas,
 * or fails with a ConnectorError whose message names HubSpot and never carries the token.
 */
async function exercise(connector: Connector): Promise<void> {
  const runs: [string, () => Promise<unknown>, (value: unknown) => void][] = [
    [
      'findProfile',
      () => connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io' }, signal),
      (value) => value === null || LeadProfileSchema.parse(value),
    ],
    ['getProfile', () => connector.getProfile('51001', signal), (value) => value === null || LeadProfileSchema.parse(value)],
    ['searchProfiles', () => connector.searchProfiles('ledgerly', signal), (value) => expect(Array.isArray(value)).toBe(true)],
    ['listContent', () => connector.listContent(signal), (value) => (value as unknown[]).forEach((entry) => ContentItemSchema.parse(entry))],
    [
      'deliver',
      () => connector.deliver(entries, signal),
      (value) => expect((value as { id: string }[]).map((result) => result.id).sort()).toEqual(['e1', item.id].sort()),
    ],
    [
      'testConnection',
      () => connector.testConnection(signal),
      (value) => {
        for (const check of value as { message: string }[]) {
          expect(check.message.length).toBeGreaterThan(0);
          expect(check.message).not.toContain(TOKEN);
        }
      },
    ],
  ];
  for (const [name, run, validate] of runs) {
    let value: unknown;
    try {
      value = await run();
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw new Error(`${name} threw something other than a ConnectorError: ${String(error)}`);
      expect(error.message).toMatch(/HubSpot/);
      expect(error.message).not.toContain(TOKEN);
      continue;
    }
    validate(value);
  }
}

/** A fake HubSpot answering every request from `answer` (status, body text). */
function stub(answer: (url: URL, method: string) => { status: number; body: string | undefined }) {
  // Each run starts without the back-off an earlier run's 429 left for this token.
  clearBackoffs();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const { status, body } = answer(new URL(String(input)), init?.method ?? 'GET');
      // A 429's window is too long to wait out in a test run: it fails at once, as it would in a lookup.
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(status === 429 ? { 'Retry-After': '60' } : {}) };
      return new Response(body, { status, headers });
    }),
  );
}

const STATUSES = [200, 201, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503];

describe('HubSpot connector against arbitrary answers', () => {
  it('any JSON, any status: a valid answer or a ConnectorError with a clear message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...STATUSES), fc.anything()), { minLength: 1, maxLength: 8 }), async (answers) => {
        let next = 0;
        stub(() => {
          const [status, body] = answers[next++ % answers.length]!;
          return { status: status === 204 ? 200 : status, body: JSON.stringify(body) };
        });
        await exercise(createHubSpotConnector(source, { token: TOKEN }));
      }),
      { numRuns: 150 },
    );
  });

  it('documented answers with one part broken anywhere: still valid or a ConnectorError', async () => {
    const fixtures: Record<string, unknown> = {
      search: searchPriya,
      contact: contact51001,
      events1: eventsPage1,
      events2: eventsPage2,
      rows: rowsPage1,
      note: noteCreated,
      notesSearch: notesSearchFound,
      contacts: contactsList,
      notes: notesList,
    };
    const routeOf = (url: URL, method: string): string => {
      if (url.pathname === '/crm/v3/objects/contacts/search') return 'search';
      if (url.pathname.startsWith('/crm/v3/objects/contacts/')) return 'contact';
      if (url.pathname === '/crm/v3/objects/contacts') return 'contacts';
      if (url.pathname === '/events/v3/events') return url.searchParams.has('after') ? 'events2' : 'events1';
      if (url.pathname.startsWith('/cms/v3/hubdb/')) return 'rows';
      if (url.pathname === '/crm/v3/objects/notes/search') return 'notesSearch';
      if (url.pathname === '/crm/v3/objects/notes') return method === 'POST' ? 'note' : 'notes';
      throw new Error(`unexpected ${url}`);
    };
    const names = Object.keys(fixtures);

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.nat(),
        fc.oneof(fc.anything(), fc.constant(undefined), fc.string(), fc.constantFrom('javascript:alert(1)', '', null, -1, 1e308, '9999-99-99')),
        async (name, at, replacement) => {
          const broken = mutate(fixtures[name], at, replacement);
          stub((url, method) => {
            const route = routeOf(url, method);
            return { status: 200, body: JSON.stringify(route === name ? broken : fixtures[route]) };
          });
          await exercise(createHubSpotConnector(source, { token: TOKEN }));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('HubSpot parsers never throw', () => {
  it('events, rows, error bodies, times and windows', () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), fc.anything(), fc.anything(), fc.string(), (events, row, errorBody, text) => {
        for (const view of pageViewsFromEvents(events)) PageViewSchema.parse(view);
        const content = contentFromRow(row);
        if ('item' in content) ContentItemSchema.parse(content.item);
        else expect(content.skipped.length).toBeGreaterThan(0);
        const said = hubspotErrorText(errorBody, 500);
        expect(said === undefined || typeof said === 'string').toBe(true);
        const time = toTimestamp(row);
        expect(time === undefined || !Number.isNaN(Date.parse(time))).toBe(true);
        const zone = ianaTimeZone(text);
        if (zone) expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
        parseBestTime(text);
      }),
      { numRuns: 500 },
    );
  });

  it('a contact with any property values maps to a valid profile', () => {
    const names = [
      'email',
      'firstname',
      'lastname',
      'company',
      'hubspotscore',
      'lifecyclestage',
      'hs_email_optout',
      'hs_analytics_source',
      'hs_analytics_source_data_1',
      'hs_analytics_source_data_2',
      'hs_analytics_first_url',
      'hs_analytics_first_referrer',
      'hs_analytics_first_timestamp',
      'hs_latest_source',
      'hs_latest_source_data_1',
      'hs_latest_source_timestamp',
      'hs_analytics_last_url',
      'hs_analytics_last_visit_timestamp',
      'hs_analytics_num_page_views',
      'recent_conversion_event_name',
      'recent_conversion_date',
      'message',
      'preferred_contact_method',
      'best_time_to_call',
      'hs_timezone',
      'salesforceleadid',
    ];
    const value = fc.oneof(
      fc.string(),
      fc.webUrl({ withQueryParameters: true }),
      fc.constantFrom('javascript:alert(1)', 'PAID_SEARCH', 'OTHER_CAMPAIGNS', '2026-01-01T00:00:00Z', '1793109790000', 'america_slash_new_york', 'NaN', '1e400', 'a@b'),
      fc.constant(null),
      fc.integer(),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), value), fc.array(fc.anything(), { maxLength: 4 }), (properties, history) => {
        const contact = CrmObjectSchema.parse({ id: '51001', properties, propertiesWithHistory: { message: history } });
        LeadProfileSchema.parse(toLeadProfile(contact, [], source));
      }),
      { numRuns: 500 },
    );
  });
});

/** The fixture with the node at (index mod node count) replaced, or deleted when the replacement is undefined. */
function mutate(value: unknown, index: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node && typeof node === 'object') for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, []);
  const path = paths[index % paths.length]!;
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = replacement;
  return copy;
}
