import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedbackItemSchema, LeadProfileSchema, type FeedbackItem } from '@/lib/schema';
import { MauticSourceSchema, type MauticSource } from '@/lib/schema/sources';
import activityPage1 from '@/test/fixtures/api/mautic/activity-1042-page1.json';
import activityPage2 from '@/test/fixtures/api/mautic/activity-1042-page2.json';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import assetsPage1 from '@/test/fixtures/api/mautic/assets-page1.json';
import assetsPage2 from '@/test/fixtures/api/mautic/assets-page2.json';
import contact1042 from '@/test/fixtures/api/mautic/contact-1042.json';
import contactsByEmail from '@/test/fixtures/api/mautic/contacts-by-email-priya.json';
import contactsEmpty from '@/test/fixtures/api/mautic/contacts-empty.json';
import contactsFuzzy from '@/test/fixtures/api/mautic/contacts-search-email-fuzzy.json';
import contactsLedgerly from '@/test/fixtures/api/mautic/contacts-search-ledgerly.json';
import error400 from '@/test/fixtures/api/mautic/error-400-note.json';
import error401 from '@/test/fixtures/api/mautic/error-401.json';
import error403 from '@/test/fixtures/api/mautic/error-403.json';
import error404 from '@/test/fixtures/api/mautic/error-404.json';
import error429 from '@/test/fixtures/api/mautic/error-429.json';
import error500 from '@/test/fixtures/api/mautic/error-500.json';
import noteCreated from '@/test/fixtures/api/mautic/note-created.json';
import notesEmpty from '@/test/fixtures/api/mautic/notes-empty.json';
import notesFound from '@/test/fixtures/api/mautic/notes-search-found.json';
import oauthInvalid from '@/test/fixtures/api/mautic/oauth-invalid-client.json';
import oauthToken from '@/test/fixtures/api/mautic/oauth-token.json';
import permissionCheck from '@/test/fixtures/api/mautic/users-permissioncheck.json';
import usersSelf from '@/test/fixtures/api/mautic/users-self.json';
import { createMauticConnector } from './mautic';
import { contentTypeFor, channelFromReferrer, channelFromUtm, problemText, stageFor, toTimestamp } from './mautic-map';
import { ConnectorError, type OutboxEntry } from './types';

const BASE = 'https://mautic.keyline.example';
const PASSWORD = 'Sécret-Pässword-42';
const CLIENT_SECRET = '4s7d8f9g0h1j2k3l4z5x6c7v8b9n0m1q';
const BASIC = `Basic ${Buffer.from(`leadside-api:${PASSWORD}`, 'utf8').toString('base64')}`;
const BEARER = `Bearer ${oauthToken.access_token}`;
const signal = new AbortController().signal;

const basicSource: MauticSource = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: `${BASE}/`, auth: { method: 'basic', username: 'leadside-api' } });
const oauthSource: MauticSource = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: BASE, auth: { method: 'oauth2', clientId: '3_4f8a1c2b9d7e' } });

interface Call {
  method: string;
  url: string;
  path: string;
  params: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}
interface Reply {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Never answers: the request ends only when its signal aborts. */
  hang?: boolean;
}

/** Stubs fetch with a handler routing on method and path, and records every request. */
function serve(handler: (call: Call) => Reply | undefined): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const call: Call = {
      method: init.method ?? 'GET',
      url: url.href,
      path: url.pathname,
      params: url.searchParams,
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const reply = handler(call);
    if (!reply) return new Response(JSON.stringify(error404), { status: 404 });
    if (reply.hang) {
      return new Promise<Response>((_, reject) => {
        const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
        if (init.signal?.aborted) abort();
        init.signal?.addEventListener('abort', abort);
      });
    }
    return new Response(reply.text ?? JSON.stringify(reply.json), { status: reply.status ?? 200, headers: reply.headers });
  });
  return calls;
}

/** Mautic answering the documented happy paths for Priya (contact 1042). */
function mautic(call: Call): Reply | undefined {
  const key = `${call.method} ${call.path}`;
  switch (key) {
    case 'GET /api/contacts':
      if (call.params.get('where[0][val]') === 'priya.raman@ledgerly.io') return { json: contactsByEmail };
      if (call.params.get('search') === 'ledgerly') return { json: contactsLedgerly };
      return { json: contactsEmpty };
    case 'GET /api/contacts/1042':
      return { json: contact1042 };
    case 'GET /api/contacts/1042/activity':
      return { json: call.params.get('page') === '2' ? activityPage2 : activityPage1 };
    case 'GET /api/assets':
      return { json: call.params.get('start') === '0' ? assetsPage1 : assetsPage2 };
    case 'GET /api/notes':
      return { json: notesEmpty };
    case 'POST /api/notes/new':
      return { status: 201, json: noteCreated };
    case 'GET /api/users/self':
      return { json: usersSelf };
    case 'POST /api/users/7/permissioncheck':
      return { json: permissionCheck };
    case 'POST /oauth/v2/token':
      return { json: oauthToken };
    default:
      return undefined;
  }
}

const ACTIVITY_QUERY =
  'limit=100&filters%5BincludeEvents%5D%5B%5D=page.hit&filters%5BincludeEvents%5D%5B%5D=form.submitted&filters%5BincludeEvents%5D%5B%5D=asset.download&filters%5BincludeEvents%5D%5B%5D=email.read&filters%5BincludeEvents%5D%5B%5D=lead.utmtagsadded';

function feedback(overrides: Partial<Record<string, unknown>> = {}): FeedbackItem {
  return FeedbackItemSchema.parse({
    id: '6f1c2b9e-3d4a-4f5b-8c7d-2e1f0a9b8c7d',
    createdAt: '2026-11-17T09:12:00.000Z',
    lead: { key: 'salesforce:00Q8d00000XyZ1aEAF', crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io', name: 'Priya Raman' },
    source: { channel: 'paid_search', campaign: 'Q3 SOC 2 Readiness' },
    rep: 'Dana Whitfield',
    kind: 'verdict',
    verdict: 'good_fit',
    reasons: ['Right persona', 'Clear need'],
    ...overrides,
  });
}

function entry(item: FeedbackItem, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  return { kind: 'feedback', item, id: item.id, attempts: 0, unclear: false, ...extra } as OutboxEntry;
}

async function failureOf(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Mautic connector: finding a lead', () => {
  it('finds the contact by exact e-mail with basic auth and maps the whole brief', async () => {
    const calls = serve(mautic);
    const profile = await createMauticConnector(basicSource, { password: PASSWORD }).findProfile(
      { crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io', name: 'Priya Raman' },
      signal,
    );

    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `GET ${BASE}/api/contacts?where%5B0%5D%5Bcol%5D=email&where%5B0%5D%5Bexpr%5D=eq&where%5B0%5D%5Bval%5D=priya.raman%40ledgerly.io&limit=10`,
      `GET ${BASE}/api/contacts/1042/activity?page=1&${ACTIVITY_QUERY}`,
      `GET ${BASE}/api/contacts/1042/activity?page=2&${ACTIVITY_QUERY}`,
    ]);
    for (const call of calls) {
      expect(call.headers.Authorization).toBe(BASIC);
      expect(call.headers.Accept).toBe('application/json');
    }

    expect(LeadProfileSchema.safeParse(profile).success).toBe(true);
    expect(profile).toMatchObject({
      id: '1042',
      email: 'Priya.Raman@ledgerly.io',
      name: 'Priya Raman',
      company: 'Ledgerly',
      title: 'VP Security',
      crmIds: {},
      score: 87,
      stage: 'sql',
      // Her do-not-contact entry is on Mautic's "sms" channel, its text messages: calls are not refused.
      contact: { timeZone: 'America/New_York', doNotCall: false, doNotEmail: false, doNotText: true, optOuts: [expect.objectContaining({ channel: 'sms' })] },
      source: {
        channel: 'paid_search',
        campaign: 'soc2-readiness-q3',
        utm: { source: 'google', medium: 'cpc', campaign: 'soc2-readiness-q3', term: 'soc 2 audit software', content: 'rsa-evidence-headline' },
        firstPage: 'https://www.keyline.example/product/soc-2?utm_source=google&utm_medium=cpc&utm_campaign=soc2-readiness-q3',
        referrer: 'https://www.google.com/',
        firstSeen: '2026-09-14T13:22:05.000Z',
        latest: { channel: 'email', campaign: 'soc2-countdown' },
      },
      problems: [
        {
          text: "We have our first SOC 2 Type II audit in March and our quarterly access reviews still live in spreadsheets. I need evidence collection that doesn't eat my team's whole quarter.",
          form: 'Demo request',
          submittedAt: '2026-11-16T13:09:30.000Z',
        },
      ],
    });
    expect(profile?.highIntent).toEqual([
      { label: 'Submitted “Demo request”', at: '2026-11-16T13:09:30.000Z' },
      { label: 'Viewed the demo page', at: '2026-11-16T13:07:40.000Z' },
      { label: 'Viewed pricing', at: '2026-11-16T13:05:20.000Z' },
      { label: 'Read about security', at: '2026-11-12T15:42:20.000Z' },
      // lib/visits reads "Type I vs Type II" as a comparison page.
      { label: 'Compared alternatives', at: '2026-09-14T13:25:14.000Z' },
    ]);
  });

  it('groups page views into visits by 30-minute gaps, with time on page; downloads are activity, not pages', async () => {
    serve(mautic);
    const profile = await createMauticConnector(basicSource, { password: PASSWORD }).findProfile(
      { crm: 'salesforce', recordId: 'x', email: 'priya.raman@ledgerly.io' },
      signal,
    );
    const views = profile!.pageViews;
    expect(views.map((view) => [view.title, view.viewedAt, view.durationSec, view.visitId])).toEqual([
      ['Book a demo – Keyline', '2026-11-16T13:07:40.000Z', 111, 'mautic-visit-2026-11-16T13:02:10.000Z'],
      ['Pricing – Keyline', '2026-11-16T13:05:20.000Z', 140, 'mautic-visit-2026-11-16T13:02:10.000Z'],
      ['Access reviews – Keyline', '2026-11-16T13:02:10.000Z', 190, 'mautic-visit-2026-11-16T13:02:10.000Z'],
      ['Security & trust center – Keyline', '2026-11-12T15:42:20.000Z', undefined, 'mautic-visit-2026-11-12T15:42:20.000Z'],
      ['Blog: SOC 2 Type I vs Type II – which one first?', '2026-09-14T13:25:14.000Z', 242, 'mautic-visit-2026-09-14T13:22:05.000Z'],
      ['SOC 2 automation – Keyline', '2026-09-14T13:22:05.000Z', 189, 'mautic-visit-2026-09-14T13:22:05.000Z'],
    ]);
    // The download's link is the asset's downloadUrl, the catalog item's URL, so it is not suggested again.
    expect(profile!.activities?.find((activity) => activity.kind === 'download')).toEqual({
      kind: 'download',
      title: 'SOC 2 Readiness Checklist',
      url: 'https://mautic.keyline.example/asset/12:soc-2-readiness-checklist',
      at: '2026-11-12T15:44:10.000Z',
    });
  });

  it('keeps only the contact whose e-mail matches exactly, ignoring case', async () => {
    serve((call) => (call.path === '/api/contacts' ? { json: contactsFuzzy } : mautic(call)));
    const connector = createMauticConnector(basicSource, { password: PASSWORD });
    const found = await connector.findProfile({ crm: 'hubspot', recordId: '51001', email: 'PRIYA.RAMAN@LEDGERLY.IO' }, signal);
    expect(found?.id).toBe('1042');

    // priya_raman@… is what a LIKE search for priya_raman would also return: it is not this lead.
    const calls = serve((call) => (call.path === '/api/contacts' ? { json: { total: '1', contacts: { 1188: contactsFuzzy.contacts['1188'] } } } : mautic(call)));
    expect(await connector.findProfile({ crm: 'hubspot', recordId: '51001', email: 'priya.raman@ledgerly.io' }, signal)).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('answers null for a person Mautic does not know, and without an e-mail asks nothing', async () => {
    const calls = serve(mautic);
    const connector = createMauticConnector(basicSource, { password: PASSWORD });
    expect(await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000NoMaTCH9', email: 'jordan.blake@unknown-co.example' }, signal)).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params.get('where[0][val]')).toBe('jordan.blake@unknown-co.example');
    expect(await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000NoEmaiL1' }, signal)).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('asks for a Salesforce id in both its forms, 15 and 18 characters, in the mapped CRM id field', async () => {
    const calls = serve(mautic);
    const mapped = MauticSourceSchema.parse({ ...basicSource, mappings: { ...basicSource.mappings, crmIdField: 'sf_id', crm: 'salesforce' } });
    await createMauticConnector(mapped, { password: PASSWORD }).findProfile({ crm: 'salesforce', recordId: '00Q8d00000XyZ1a' }, signal);
    const byCrmId = calls.find((call) => call.params.get('where[0][col]') === 'sf_id');
    expect(byCrmId?.params.get('where[0][val]')?.split(',')).toEqual(['00Q8d00000XyZ1a', '00Q8d00000XyZ1aEAF']);
  });

  it('reads a contact by id, answering null when it is gone or not a Mautic id', async () => {
    const calls = serve(mautic);
    const connector = createMauticConnector(basicSource, { password: PASSWORD });
    const profile = await connector.getProfile('1042', signal);
    expect(profile?.name).toBe('Priya Raman');
    expect(calls[0]!.url).toBe(`${BASE}/api/contacts/1042`);

    serve((call) => (call.path === '/api/contacts/77' ? { status: 404, json: error404 } : mautic(call)));
    expect(await connector.getProfile('77', signal)).toBeNull();
    const none = serve(mautic);
    expect(await connector.getProfile('lead-priya-raman', signal)).toBeNull();
    expect(await connector.getProfile('../users/self', signal)).toBeNull();
    expect(none).toHaveLength(0);
  });

  it('maps a contact with no UTM tags, no activity and odd values without failing', async () => {
    const bare = structuredClone(contact1042.contact) as Record<string, unknown>;
    Object.assign(bare, { utmtags: [], doNotContact: { 3: { channel: 'email', reason: 1 } }, stage: null, points: '12', dateAdded: 'not a date' });
    bare.fields = { all: { email: 'someone@ledgerly.io', firstname: 'Sam', lastname: null, timezone: 'Mars/Olympus_Mons', company: 42 } };
    serve((call) => (call.path === '/api/contacts/1042' ? { json: { contact: bare } } : call.path.endsWith('/activity') ? { json: activityEmpty } : mautic(call)));
    const profile = await createMauticConnector(basicSource, { password: PASSWORD }).getProfile('1042', signal);
    expect(profile).toMatchObject({
      id: '1042',
      email: 'someone@ledgerly.io',
      name: 'Sam',
      company: '42',
      score: 12,
      // Nothing tracked says where they came from: unknown, never a claim that they typed the address.
      source: { channel: 'other', utm: {} },
      contact: { doNotEmail: true, doNotCall: false },
      pageViews: [],
      problems: [],
    });
    expect(profile?.contact.timeZone).toBeUndefined();
    expect(profile?.stage).toBeUndefined();
    expect(profile?.source.firstSeen).toBeUndefined();
  });

  it('drops links that are not http(s) and reads the grouped field form when `all` is missing', async () => {
    const contact = structuredClone(contact1042.contact) as Record<string, unknown> & { fields: Record<string, unknown> };
    delete contact.fields.all;
    contact.utmtags = [{ id: 1, url: 'javascript:alert(1)', referer: 'https://www.linkedin.com/feed/', utmSource: null, utmMedium: null }];
    const events = structuredClone(activityPage1.events) as Array<{ eventLabel: { href: string }; details: { hit?: { url: string } } }>;
    events[1]!.details.hit!.url = 'javascript:alert(document.cookie)';
    events[1]!.eventLabel.href = 'javascript:alert(document.cookie)';
    // A hit without a usable URL of its own falls back to its label's external link.
    events[2]!.details.hit!.url = '';
    serve((call) =>
      call.path === '/api/contacts/1042'
        ? { json: { contact } }
        : call.path.endsWith('/activity')
          ? { json: { ...activityPage1, events, maxPages: 1 } }
          : mautic(call),
    );
    const profile = await createMauticConnector(basicSource, { password: PASSWORD }).getProfile('1042', signal);
    expect(profile?.name).toBe('Priya Raman');
    expect(profile?.title).toBe('VP Security');
    expect(profile?.source.channel).toBe('organic_social');
    expect(profile?.source.firstPage).toBe('https://www.keyline.example/product/access-reviews');
    expect(profile?.pageViews.some((view) => view.url.startsWith('javascript:'))).toBe(false);
    expect(profile?.pageViews.map((view) => view.url)).toEqual([
      'https://www.keyline.example/pricing',
      'https://www.keyline.example/product/access-reviews',
    ]);
  });
});

describe('Mautic connector: search and content', () => {
  it('searches contacts by free text and answers one line each', async () => {
    const calls = serve(mautic);
    const connector = createMauticConnector(basicSource, { password: PASSWORD });
    expect(await connector.searchProfiles('  ledgerly ', signal)).toEqual([
      { id: '1042', name: 'Priya Raman', email: 'Priya.Raman@ledgerly.io', company: 'Ledgerly' },
      { id: '1301', name: 'Marco Ledger', email: 'marco@ledger-partners.example', company: 'Ledger Partners' },
    ]);
    expect(calls.map((call) => call.url)).toEqual([`${BASE}/api/contacts?search=ledgerly&limit=20`]);
    expect(await connector.searchProfiles('   ', signal)).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('pages through the assets and maps them to catalog items', async () => {
    const calls = serve(mautic);
    const items = await createMauticConnector(basicSource, { password: PASSWORD }).listContent(signal);
    expect(calls.map((call) => call.url)).toEqual([
      `${BASE}/api/assets?start=0&limit=100&orderBy=id&orderByDir=asc`,
      `${BASE}/api/assets?start=4&limit=100&orderBy=id&orderByDir=asc`,
    ]);
    expect(items.map((item) => [item.id, item.type, item.topics])).toEqual([
      ['mautic-asset-12', 'checklist', ['SOC 2']],
      ['mautic-asset-14', 'case_study', ['Customer stories']],
      ['mautic-asset-15', 'guide', ['Access reviews']],
      // 16 is unpublished: not offered to reps.
      ['mautic-asset-17', 'datasheet', []],
      ['mautic-asset-18', 'webinar', ['Webinars']],
    ]);
    expect(items[0]).toMatchObject({
      title: 'SOC 2 Readiness Checklist',
      url: 'https://mautic.keyline.example/asset/12:soc-2-readiness-checklist',
      summary: 'Forty controls auditors ask about first, with the evidence each one needs.',
      updatedAt: '2026-08-02T10:15:00.000Z',
      language: 'en',
      industries: [],
      personas: [],
      stages: [],
    });
    // The documented example's "2015-06-010T…" is not a date: the creation date stands in.
    expect(items[2]!.updatedAt).toBe('2026-06-20T08:00:00.000Z');
    expect(items[3]!.summary).toBe('');
  });

  it('infers the content type from the title, category, description and extension', () => {
    const type = (title: string, extra: { description?: string; category?: string; extension?: string } = {}) =>
      contentTypeFor({ title, description: extra.description, category: extra.category ? { title: extra.category } : null, extension: extra.extension });
    expect(type('Customer story: Nordvik')).toBe('case_study');
    expect(type('Zero trust', { category: 'Case Studies' })).toBe('case_study');
    expect(type('The state of compliance', { category: 'White papers' })).toBe('whitepaper');
    expect(type('SOC 2 eBook')).toBe('ebook');
    expect(type('Product spec sheet')).toBe('datasheet');
    expect(type('Vanta battlecard')).toBe('battlecard');
    expect(type('ROI calculator', { extension: 'xlsx' })).toBe('roi_calculator');
    expect(type('Onboarding playbook')).toBe('guide');
    expect(type('Product tour', { extension: 'MP4' })).toBe('video');
    expect(type('Board update', { extension: 'pptx' })).toBe('deck');
    expect(type('Keyline at a glance', { extension: 'pdf' })).toBe('one_pager');
    // A whitepaper whose description mentions a guide is still a whitepaper.
    expect(type('Audit readiness whitepaper', { description: 'Our guide to …' })).toBe('whitepaper');
    expect(type('Keyline overview', { description: 'A short guide to the platform' })).toBe('guide');
  });
});

describe('Mautic connector: delivering feedback as notes', () => {
  it('adds one note per feedback item, looking the contact up once per batch', async () => {
    const calls = serve(mautic);
    const first = feedback();
    const second = feedback({ id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', kind: 'content_request', text: 'Need a fintech case study <with numbers>' });
    const event: OutboxEntry = {
      kind: 'event',
      id: 'evt-1',
      attempts: 0,
      unclear: false,
      item: { id: 'evt-1', type: 'opened', contentId: 'mautic-asset-12', at: '2026-11-17T09:00:00.000Z', source: {} },
    };
    const results = await createMauticConnector(basicSource, { password: PASSWORD }).deliver([entry(first), event, entry(second)], signal);

    expect(results).toEqual([
      { id: first.id, outcome: 'delivered', remoteId: '5120' },
      { id: 'evt-1', outcome: 'unsupported' },
      { id: second.id, outcome: 'delivered', remoteId: '5120' },
    ]);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/contacts', 'POST /api/notes/new', 'POST /api/notes/new']);
    const post = calls[1]!;
    expect(post.headers).toMatchObject({ Authorization: BASIC, 'Content-Type': 'application/json' });
    expect(post.body).toEqual({
      lead: 1042,
      type: 'general',
      text:
        'Leadside feedback: Good fit<br>Reasons: Right persona, Clear need<br>Lead source when given: Paid search · Q3 SOC 2 Readiness<br>' +
        'Given by Dana Whitfield on 2026-11-17T09:12:00.000Z<br>leadside-id: 6f1c2b9e-3d4a-4f5b-8c7d-2e1f0a9b8c7d',
    });
    expect((calls[2]!.body as { text: string }).text).toContain('Need a fintech case study &lt;with numbers&gt;');
  });

  it('finds the note of an unclear attempt by its marker instead of adding a second one', async () => {
    const item = feedback({ id: '0b7e4a52-9c1d-4e8f-a6b3-5d2c1e0f9a8b' });
    const calls = serve((call) => (call.path === '/api/notes' ? { json: notesFound } : mautic(call)));
    const results = await createMauticConnector(basicSource, { password: PASSWORD }).deliver([entry(item, { unclear: true, attempts: 1 })], signal);
    expect(results).toEqual([{ id: item.id, outcome: 'delivered', remoteId: '5119' }]);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      expect.stringMatching(/^GET .*\/api\/contacts\?/),
      `GET ${BASE}/api/notes?search=0b7e4a52-9c1d-4e8f-a6b3-5d2c1e0f9a8b&limit=10`,
    ]);
  });

  it('sends an unclear item whose note is not there, and trusts a remote id it already has', async () => {
    const item = feedback();
    // The search also answers a note whose text merely mentions the id without the marker.
    const calls = serve((call) =>
      call.path === '/api/notes' ? { json: { total: 1, notes: [{ id: 4000, text: `see ${item.id}` }] } } : mautic(call),
    );
    const connector = createMauticConnector(basicSource, { password: PASSWORD });
    expect(await connector.deliver([entry(item, { unclear: true })], signal)).toEqual([{ id: item.id, outcome: 'delivered', remoteId: '5120' }]);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/contacts', 'GET /api/notes', 'POST /api/notes/new']);

    const none = serve(mautic);
    expect(await connector.deliver([entry(item, { remoteId: '5120', attempts: 2 })], signal)).toEqual([{ id: item.id, outcome: 'delivered', remoteId: '5120' }]);
    expect(none).toHaveLength(0);
  });

  it('still sends a repeat attempt when the user may create notes but not list them', async () => {
    const calls = serve((call) => (call.path === '/api/notes' ? { status: 403, json: error403 } : mautic(call)));
    const item = feedback();
    expect(await createMauticConnector(basicSource, { password: PASSWORD }).deliver([entry(item, { attempts: 2 })], signal)).toEqual([
      { id: item.id, outcome: 'delivered', remoteId: '5120' },
    ]);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/contacts', 'GET /api/notes', 'POST /api/notes/new']);
  });

  it('rejects items whose lead cannot be found, and a note Mautic refuses', async () => {
    const calls = serve((call) => (call.method === 'POST' ? { status: 400, json: error400 } : mautic(call)));
    const noEmail = feedback({ lead: { key: 'pipedrive:9', crm: 'pipedrive', recordId: '9' } });
    const unknown = feedback({ id: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d', lead: { key: 'salesforce:x', crm: 'salesforce', recordId: 'x', email: 'jordan.blake@unknown-co.example' } });
    const refused = feedback({ id: '2d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d' });
    const results = await createMauticConnector(basicSource, { password: PASSWORD }).deliver([entry(noEmail), entry(unknown), entry(refused)], signal);
    expect(results).toEqual([
      { id: noEmail.id, outcome: 'rejected', error: expect.stringContaining('no e-mail address'), coded: { code: 'mautic.leadHasNoEmail' } },
      {
        id: unknown.id,
        outcome: 'rejected',
        error: `Mautic (mautic.keyline.example) has no contact with the e-mail jordan.blake@unknown-co.example.`,
        coded: { code: 'mautic.noContactForEmail', params: { system: 'Mautic (mautic.keyline.example)', email: 'jordan.blake@unknown-co.example' } },
      },
      {
        id: refused.id,
        outcome: 'rejected',
        error: 'Mautic (mautic.keyline.example) answered 400: lead: This value is not valid.',
        coded: { code: 'source.rejected', params: { system: 'Mautic (mautic.keyline.example)', status: 400 }, detail: 'lead: This value is not valid.' },
      },
    ]);
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('retries an item after a 5xx and carries on with the rest', async () => {
    let posts = 0;
    serve((call) => (call.method === 'POST' && posts++ === 0 ? { status: 500, json: error500 } : mautic(call)));
    const a = feedback();
    const b = feedback({ id: '3d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d' });
    expect(await createMauticConnector(basicSource, { password: PASSWORD }).deliver([entry(a), entry(b)], signal)).toEqual([
      { id: a.id, outcome: 'retry', error: expect.stringContaining('answered 500: Looks like I encountered an error'), coded: expect.objectContaining({ code: 'source.serverError' }) },
      { id: b.id, outcome: 'delivered', remoteId: '5120' },
    ]);
  });

  it('fails the whole batch on auth or rate limit before anything was stored, else reports what was', async () => {
    serve((call) => (call.method === 'POST' ? { status: 429, json: error429, headers: { 'Retry-After': '120' } } : mautic(call)));
    const a = feedback();
    const b = feedback({ id: '4d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d' });
    const connector = createMauticConnector(basicSource, { password: PASSWORD });
    const limited = await failureOf(connector.deliver([entry(a), entry(b)], signal));
    expect(limited.kind).toBe('rate-limited');
    expect(limited.retryAfterMs).toBe(120_000);

    let posts = 0;
    serve((call) => (call.method === 'POST' && posts++ > 0 ? { status: 429, json: error429, headers: { 'Retry-After': '120' } } : mautic(call)));
    expect(await connector.deliver([entry(a), entry(b)], signal)).toEqual([
      { id: a.id, outcome: 'delivered', remoteId: '5120' },
      { id: b.id, outcome: 'retry', error: expect.stringContaining('You exceeded the rate limit'), coded: expect.objectContaining({ code: 'source.rateLimitedRetry' }) },
    ]);

    serve(() => ({ status: 401, json: error401 }));
    expect((await failureOf(connector.deliver([entry(a)], signal))).kind).toBe('auth');
  });
});

describe('Mautic connector: OAuth2 client credentials', () => {
  it('gets a token once, sends it as a bearer token, and renews it when it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-17T09:00:00Z'));
    const calls = serve(mautic);
    const connector = createMauticConnector(oauthSource, { clientSecret: CLIENT_SECRET });
    await Promise.all([connector.searchProfiles('ledgerly', signal), connector.searchProfiles('ledgerly', signal)]);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /oauth/v2/token', 'GET /api/contacts', 'GET /api/contacts']);
    expect(calls[0]!.url).toBe(`${BASE}/oauth/v2/token`);
    expect(calls[0]!.body).toEqual({ grant_type: 'client_credentials', client_id: '3_4f8a1c2b9d7e', client_secret: CLIENT_SECRET });
    expect(calls[0]!.headers.Authorization).toBeUndefined();
    expect(calls[1]!.headers.Authorization).toBe(BEARER);

    vi.setSystemTime(new Date('2026-11-17T09:59:30Z')); // within a minute of expiry (3600 s)
    await connector.searchProfiles('ledgerly', signal);
    expect(calls.map((call) => call.path).slice(3)).toEqual(['/oauth/v2/token', '/api/contacts']);
  });

  it('fetches a new token once when Mautic answers 401, then gives up', async () => {
    let rejections = 1;
    const calls = serve((call) => (call.path === '/api/contacts' && rejections-- > 0 ? { status: 401, json: error401 } : mautic(call)));
    const connector = createMauticConnector(oauthSource, { clientSecret: CLIENT_SECRET });
    expect(await connector.searchProfiles('ledgerly', signal)).toHaveLength(2);
    expect(calls.map((call) => call.path)).toEqual(['/oauth/v2/token', '/api/contacts', '/oauth/v2/token', '/api/contacts']);

    const always = serve((call) => (call.path === '/api/contacts' ? { status: 401, json: error401 } : mautic(call)));
    const failure = await failureOf(createMauticConnector(oauthSource, { clientSecret: CLIENT_SECRET }).searchProfiles('ledgerly', signal));
    expect(failure.kind).toBe('auth');
    expect(failure.message).toContain('API authorization denied.');
    expect(always.map((call) => call.path)).toEqual(['/oauth/v2/token', '/api/contacts', '/oauth/v2/token', '/api/contacts']);
  });

  it('reports wrong client credentials as an auth problem in Mautic’s words, never with the secret', async () => {
    const calls = serve((call) => (call.path === '/oauth/v2/token' ? { status: 400, json: oauthInvalid } : mautic(call)));
    const failure = await failureOf(createMauticConnector(oauthSource, { clientSecret: CLIENT_SECRET }).listContent(signal));
    expect(failure.kind).toBe('auth');
    expect(failure.message).toContain('The client credentials are invalid');
    expect(failure.message).not.toContain(CLIENT_SECRET);
    expect(calls).toHaveLength(1);
  });

  it('says which secret is missing without calling Mautic', async () => {
    const calls = serve(mautic);
    const oauth = await failureOf(createMauticConnector(oauthSource, {}).listContent(signal));
    expect(oauth.kind).toBe('auth');
    expect(oauth.message).toMatch(/client secret/);
    const basic = await failureOf(createMauticConnector(basicSource, {}).listContent(signal));
    expect(basic.message).toMatch(/No password is saved for the Mautic user leadside-api/);
    expect(calls).toHaveLength(0);
  });
});

describe('Mautic connector: failures', () => {
  const lookup = (connector: ReturnType<typeof createMauticConnector>) =>
    connector.findProfile({ crm: 'salesforce', recordId: 'x', email: 'priya.raman@ledgerly.io' }, signal);

  it.each([
    [401, error401, 'auth', 'answered 401: API authorization denied.'],
    [403, error403, 'auth', 'answered 403: You do not have access to the requested area/action.'],
    // The contacts list answers "no match" with total 0: a 404 there is a route Mautic does not have.
    [404, error404, 'rejected', 'answered 404: Item was not found.'],
    [500, error500, 'server', 'answered 500: Looks like I encountered an error'],
  ])('maps %i to a %s error with Mautic’s own text', async (status, body, kind, text) => {
    serve(() => ({ status, json: body }));
    const failure = await failureOf(lookup(createMauticConnector(basicSource, { password: PASSWORD })));
    expect(failure.kind).toBe(kind);
    expect(failure.message).toContain(`Mautic (mautic.keyline.example) ${text}`);
    expect(failure.message).not.toContain(PASSWORD);
    expect(failure.message).not.toContain(BASIC.slice(6));
  });

  it('passes Retry-After on a 429', async () => {
    serve(() => ({ status: 429, json: error429, headers: { 'Retry-After': '90' } }));
    const failure = await failureOf(lookup(createMauticConnector(basicSource, { password: PASSWORD })));
    expect(failure.kind).toBe('rate-limited');
    expect(failure.retryAfterMs).toBe(90_000);
    expect(failure.message).toContain('You exceeded the rate limit of 1000 API calls per hour.');
  });

  it('reports a payload that does not fit, or is not JSON, as malformed', async () => {
    serve((call) => (call.path === '/api/contacts' ? { json: { total: 1, contacts: 'nope' } } : mautic(call)));
    const shape = await failureOf(lookup(createMauticConnector(basicSource, { password: PASSWORD })));
    expect(shape.kind).toBe('malformed');
    expect(shape.message).toContain('contacts');

    // A wrong base URL often answers Mautic's login page.
    serve(() => ({ text: '<!DOCTYPE html><html><title>Mautic</title></html>', headers: { 'Content-Type': 'text/html' } }));
    const html = await failureOf(lookup(createMauticConnector(basicSource, { password: PASSWORD })));
    expect(html.kind).toBe('malformed');
    expect(html.message).toContain('not JSON');
  });

  it('times out when Mautic does not answer', async () => {
    serve(() => ({ hang: true }));
    const source = MauticSourceSchema.parse({ ...basicSource, timeoutSeconds: 1 });
    const failure = await failureOf(lookup(createMauticConnector(source, { password: PASSWORD })));
    expect(failure.kind).toBe('timeout');
    expect(failure.message).toBe('Mautic (mautic.keyline.example) did not answer within 1 s');
  });

  it('never repeats a secret Mautic echoes back', async () => {
    serve(() => ({ status: 400, json: { errors: [{ message: `Invalid credentials for leadside-api:${PASSWORD} (${BASIC})`, code: 400 }] } }));
    const failure = await failureOf(lookup(createMauticConnector(basicSource, { password: PASSWORD })));
    expect(failure.message).not.toContain(PASSWORD);
    expect(failure.message).not.toContain(BASIC.slice(6));
    expect(failure.message).toContain('•••');

    serve((call) => (call.method === 'POST' ? { status: 422, json: { errors: [{ message: `rejected ${PASSWORD}`, code: 422 }] } } : mautic(call)));
    const [result] = await createMauticConnector(basicSource, { password: PASSWORD }).deliver([entry(feedback())], signal);
    // The coded message's quoted vendor words are cut too.
    expect(result).toEqual({
      id: feedback().id,
      outcome: 'rejected',
      error: 'Mautic (mautic.keyline.example) answered 422: rejected •••',
      coded: { code: 'source.rejected', params: { system: 'Mautic (mautic.keyline.example)', status: 422 }, detail: 'rejected •••' },
    });
  });

  it('lets the caller’s abort through as an abort', async () => {
    serve(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = createMauticConnector(basicSource, { password: PASSWORD }).listContent(controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('Mautic connector: connection test', () => {
  it('checks auth, lookup, content and the note permission without writing', async () => {
    const calls = serve(mautic);
    const checks = await createMauticConnector(basicSource, { password: PASSWORD }).testConnection(signal);
    expect(checks).toEqual([
      {
        capability: 'auth',
        ok: true,
        message: 'Signed in to Mautic (mautic.keyline.example) as leadside-api (Sales enablement API)',
        coded: { code: 'mautic.check.signedInWithRole', params: { system: 'Mautic (mautic.keyline.example)', user: 'leadside-api', role: 'Sales enablement API' } },
      },
      { capability: 'lookup', ok: true, message: 'Contacts can be looked up by e-mail', coded: { code: 'mautic.check.lookup' } },
      { capability: 'content', ok: true, message: '5 published assets with a download link', coded: { code: 'mautic.check.content', params: { count: 5 } } },
      {
        capability: 'write',
        ok: true,
        message: 'The Mautic user may create notes (lead:notes:create).',
        coded: { code: 'mautic.check.writeAllowed', params: { permission: 'lead:notes:create' } },
      },
    ]);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /api/users/self',
      'GET /api/contacts',
      'GET /api/assets',
      'GET /api/assets',
      'POST /api/users/7/permissioncheck',
    ]);
    expect(calls.at(-1)!.body).toEqual({ permissions: ['lead:notes:create'] });
    expect(calls.some((call) => call.path === '/api/notes/new')).toBe(false);
  });

  it('says when the user may not create notes, and when Mautic cannot tell', async () => {
    serve((call) => (call.path.endsWith('/permissioncheck') ? { json: { 'lead:notes:create': false } } : mautic(call)));
    const denied = await createMauticConnector(basicSource, { password: PASSWORD }).testConnection(signal);
    expect(denied[3]).toMatchObject({ capability: 'write', ok: false, message: expect.stringContaining('may not create notes') });

    // Mautic 4.4 to 6 fail the check for a role without the notes permissions, and its notes too (mautic/mautic#12110).
    serve((call) => (call.path.endsWith('/permissioncheck') ? { status: 500, json: error500 } : mautic(call)));
    const failed = await createMauticConnector(basicSource, { password: PASSWORD }).testConnection(signal);
    expect(failed[3]).toMatchObject({ capability: 'write', ok: false, message: expect.stringContaining('Not confirmed'), coded: { code: 'mautic.check.writeCheckFailed' } });

    serve((call) => (call.path.endsWith('/permissioncheck') ? { json: {} } : mautic(call)));
    const unknown = await createMauticConnector(basicSource, { password: PASSWORD }).testConnection(signal);
    expect(unknown[3]).toMatchObject({ capability: 'write', ok: true, message: expect.stringContaining('The first delivery will tell') });
  });

  it('reports each capability with Mautic’s own error text', async () => {
    serve(() => ({ status: 401, json: error401 }));
    const checks = await createMauticConnector(basicSource, { password: PASSWORD }).testConnection(signal);
    expect(checks.slice(0, 3).map((check) => [check.capability, check.ok])).toEqual([
      ['auth', false],
      ['lookup', false],
      ['content', false],
    ]);
    for (const check of checks.slice(0, 3)) expect(check.message).toContain('API authorization denied.');
    for (const check of checks) expect(check.message).not.toContain(PASSWORD);
  });

  it('falls back to a contacts read when an OAuth2 client has no user behind it', async () => {
    serve((call) => (call.path === '/api/users/self' ? { status: 500, json: error500 } : mautic(call)));
    const checks = await createMauticConnector(oauthSource, { clientSecret: CLIENT_SECRET }).testConnection(signal);
    expect(checks[0]).toEqual({
      capability: 'auth',
      ok: true,
      message: 'Mautic (mautic.keyline.example) accepted the credentials',
      coded: { code: 'mautic.check.credentialsAccepted', params: { system: 'Mautic (mautic.keyline.example)' } },
    });
    expect(checks[3]).toMatchObject({ capability: 'write', ok: true, message: expect.stringContaining('Not verified') });
  });
});

describe('Mautic mapping helpers', () => {
  it.each([
    ['cpc', 'google', 'paid_search'],
    ['PPC', 'bing', 'paid_search'],
    ['paid', 'linkedin', 'paid_social'],
    ['paid_social', 'facebook', 'paid_social'],
    ['social', 'linkedin', 'organic_social'],
    ['email', 'mautic', 'email'],
    ['Newsletter', undefined, 'email'],
    ['referral', 'g2', 'referral'],
    ['event', 'rsa', 'event'],
    ['webinar', 'zoom', 'webinar'],
    ['partner', 'acme', 'partner'],
    ['display', 'dv360', 'other'],
    [undefined, 'google', undefined],
  ])('utm_medium %s (source %s) is %s', (medium, source, channel) => {
    expect(channelFromUtm(medium, source)).toBe(channel);
  });

  it.each([
    ['https://www.google.com/', 'organic_search'],
    ['https://duckduckgo.com/?q=soc+2', 'organic_search'],
    ['https://www.linkedin.com/feed/', 'organic_social'],
    ['https://news.ycombinator.com/item?id=1', 'referral'],
    ['https://www.keyline.example/pricing', undefined],
    ['javascript:alert(1)', undefined],
    [undefined, undefined],
  ])('referrer %s is %s', (referrer, channel) => {
    expect(channelFromReferrer(referrer, 'keyline.example')).toBe(channel);
  });

  it.each([
    ['Subscriber', 'subscriber'],
    ['lead', 'lead'],
    ['MQL', 'mql'],
    ['Marketing Qualified Lead', 'mql'],
    ['sales-qualified lead', 'sql'],
    ['Opportunity', 'opportunity'],
    ['Customer', 'customer'],
    ['Evangelist', 'evangelist'],
    ['Nurture track B', 'other'],
  ])('stage %s is %s', (name, stage) => {
    expect(stageFor(name)).toBe(stage);
  });

  it('picks the longest free-text answer as the stated problem', () => {
    expect(
      problemText({
        form_id: '7',
        email: 'a.long.address.that.is.not.a.problem@example.com',
        company: 'A company with a very long legal name GmbH & Co. KG',
        website: 'https://www.example.com/a/very/long/path/that/is/not/text',
        phone: '+1 (646) 555 0142 0000',
        budget: 'Under 10k',
        challenge: 'Auditors keep asking for screenshots',
        details: 'We need evidence collection that does not eat a whole quarter.',
        interests: ['soc2', 'iso27001'],
      }),
    ).toBe('We need evidence collection that does not eat a whole quarter.');
    expect(problemText({ email: 'x@y.z', f_name: '' })).toBeUndefined();
  });

  it('reads Mautic dates as canonical UTC and drops impossible ones', () => {
    expect(toTimestamp('2015-07-21T12:27:12-05:00')).toBe('2015-07-21T17:27:12.000Z');
    expect(toTimestamp('2017-07-12 23:30:56')).toBe('2017-07-12T23:30:56.000Z');
    expect(toTimestamp('2015-06-010T09:30:47+00:00')).toBeUndefined();
    expect(toTimestamp('2026-02-30T00:00:00+00:00')).toBeUndefined();
    expect(toTimestamp(1700000000)).toBeUndefined();
  });
});
