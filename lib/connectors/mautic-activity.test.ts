import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeadProfileSchema } from '@/lib/schema';
import { MauticSourceSchema } from '@/lib/schema/sources';
import { createMauticConnector } from './mautic';

/*
 * Issue 15's Mautic points, on payloads written from Mautic's own documents (developer-documentation-new
 * docs/rest_api/contacts.rst "Get activity events for specific Contact", fields.rst; mautic/mautic
 * LeadBundle DoNotContact and UtmTag entities, LeadSubscriber::addTimelineUtmEntries): a contact of an
 * imaginary cycling-gear shop, not the repo's fixtures.
 */

const BASE = 'https://crm.velotrail.example';
const signal = new AbortController().signal;
const source = (mappings?: Record<string, string>) =>
  MauticSourceSchema.parse({ kind: 'mautic', baseUrl: BASE, auth: { method: 'basic', username: 'api' }, ...(mappings ? { mappings } : {}) });

/** A contact as GET /api/contacts?where… answers it: HTML-encoded strings, grouped fields with normalizedValue. */
function contact(overrides: Record<string, unknown> = {}) {
  return {
    id: 311,
    dateAdded: '2026-10-02T08:00:00+00:00',
    lastActive: '2026-11-20T10:00:00+00:00',
    points: '42',
    stage: { id: 2, name: 'MQL' },
    fields: {
      core: {
        firstname: { id: '2', label: 'First Name', alias: 'firstname', type: 'text', group: 'core', value: 'Ren&eacute;e' },
        lastname: { id: '3', label: 'Last Name', alias: 'lastname', type: 'text', group: 'core', value: 'O&#39;Hara' },
        email: { id: '6', label: 'Email', alias: 'email', type: 'email', group: 'core', value: 'renee@velotrail.example' },
        company: { id: '9', label: 'Company', alias: 'company', type: 'text', group: 'core', value: 'Pedal &amp; Co' },
        timezone: { id: '20', label: 'Timezone', alias: 'timezone', type: 'timezone', group: 'core', value: 'Europe/Berlin' },
        contact_pref: {
          id: '41', label: 'How should we reach you?', alias: 'contact_pref', type: 'select', group: 'core',
          properties: 'a:1:{s:4:"list";a:0:{}}', value: 'phone', normalizedValue: 'Phone call',
        },
        best_slot: { id: '42', label: 'Best time', alias: 'best_slot', type: 'text', group: 'core', value: 'Weekdays 08:30-10:00' },
        pain: { id: '43', label: 'What is the problem?', alias: 'pain', type: 'textarea', group: 'core', value: 'Our fleet&#39;s service bookings are lost between e-mail &amp; phone.' },
        sf_id: { id: '44', label: 'Salesforce ID', alias: 'sf_id', type: 'text', group: 'core', value: '00Q5e00000AbCdEFGH' },
      },
      social: [],
      personal: [],
      professional: [],
      all: {
        id: 311, firstname: 'Ren&eacute;e', lastname: 'O&#39;Hara', email: 'renee@velotrail.example', company: 'Pedal &amp; Co',
        timezone: 'Europe/Berlin', contact_pref: 'phone', best_slot: 'Weekdays 08:30-10:00',
        pain: 'Our fleet&#39;s service bookings are lost between e-mail &amp; phone.', sf_id: '00Q5e00000AbCdEFGH',
      },
    },
    utmtags: [
      { id: 7, query: { utm_source: 'newsletter' }, referer: null, url: 'https://velotrail.example/?utm_source=newsletter', utmCampaign: 'spring-tune-up', utmMedium: 'email', utmSource: 'newsletter', utmTerm: null, utmContent: null },
      { id: 19, query: { utm_term: 'fleet service software' }, referer: 'https://www.google.com/', url: 'https://velotrail.example/fleet', utmCampaign: 'fleet-q4', utmMedium: 'cpc', utmSource: 'google', utmTerm: 'fleet service software', utmContent: 'ad-2' },
    ],
    doNotContact: [{ id: 5, dateAdded: '2026-11-18T16:45:00+00:00', reason: 1, comments: 'User unsubscribed via the link in &quot;Spring tune-up&quot;', channel: 'email', channelId: 12 }],
    ...overrides,
  };
}

/** GET /api/contacts/311/activity, newest first, with the event shapes contacts.rst documents. */
const activity = {
  events: [
    {
      event: 'email.read', eventId: 'email.read902', eventType: 'Email read', timestamp: '2026-11-17T11:20:00+00:00', contactId: '311',
      eventLabel: { label: 'Fleet newsletter #4', href: `${BASE}/email/view/abc`, isExternal: true },
      details: { stat: { id: '902', dateRead: '2026-11-17T11:20:00+00:00', dateSent: '2026-11-17T09:20:00+00:00', isRead: '1', storedSubject: 'Q&#39;s answered: fleet servicing &amp; you', emailName: 'Fleet newsletter #4', openDetails: [] }, type: 'read' },
    },
    {
      event: 'asset.download', eventId: 'asset.download55', eventType: 'Asset downloaded', timestamp: '2026-11-16T15:00:00+00:00',
      eventLabel: { label: 'Pricing &#38; Plans', href: '/s/assets/view/4' },
      details: { asset: { id: 4, title: 'Pricing &#38; Plans', alias: 'pricing-plans' }, assetDownloadUrl: `${BASE}/asset/4:pricing-plans` },
    },
    {
      event: 'form.submitted', eventId: 'form.submitted77', eventType: 'Form submitted', timestamp: '2026-11-16T14:58:00+00:00',
      eventLabel: { label: 'Talk to sales', href: '/s/forms/view/3' },
      details: {
        submission: { id: 77, form: { id: 3, name: 'Talk to sales', alias: 'talk_to_sales' }, dateSubmitted: '2026-11-16T14:58:00+00:00', referer: 'https://velotrail.example/contact', results: { form_id: '3', email: 'renee@velotrail.example', company: 'Pedal &amp; Co' } },
        form: { id: 3, name: 'Talk to sales', alias: 'talk_to_sales' },
        page: {},
      },
    },
    {
      event: 'page.hit', eventType: 'Page hit', timestamp: '2026-11-16T14:50:00+00:00',
      eventLabel: { label: 'Pricing &#38; Plans &ndash; VeloTrail', href: '/s/pages/view/2' },
      details: { hit: { dateHit: '2026-11-16T14:50:00+00:00', dateLeft: '2026-11-16T14:53:00+00:00', url: 'https://velotrail.example/pricing?plan=fleet&amp;seats=10', urlTitle: 'Pricing &#38; Plans &ndash; VeloTrail' } },
    },
    {
      event: 'lead.utmtagsadded', eventId: 'lead.utmtagsadded19', eventType: 'UTM tags recorded', timestamp: '2026-11-16T14:49:00+00:00', contactId: '311',
      eventLabel: 'UTM Campaign: fleet-q4',
      details: { utmtags: { id: '19', lead_id: '311', date_added: '2026-11-16 14:49:00', utm_campaign: 'fleet-q4', utm_term: 'fleet service software' } },
    },
    {
      event: 'lead.utmtagsadded', eventId: 'lead.utmtagsadded7', eventType: 'UTM tags recorded', timestamp: '2026-10-02T08:00:00+00:00', contactId: '311',
      eventLabel: 'UTM Campaign: spring-tune-up',
      details: { utmtags: { id: '7', lead_id: '311', date_added: '2026-10-02 08:00:00', utm_campaign: 'spring-tune-up', utm_term: null } },
    },
  ],
  total: 6,
  page: 1,
  limit: 100,
  maxPages: 1,
};

interface Seen {
  path: string;
  params: URLSearchParams;
}

function serve(route: (seen: Seen) => unknown): Seen[] {
  const calls: Seen[] = [];
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const url = new URL(String(input));
    const seen = { path: url.pathname, params: url.searchParams };
    calls.push(seen);
    const body = route(seen);
    return body === undefined
      ? new Response(JSON.stringify({ errors: [{ message: 'Item was not found.', code: 404, type: null }] }), { status: 404 })
      : new Response(JSON.stringify(body), { status: 200 });
  });
  return calls;
}

const standard = (seen: Seen) => {
  if (seen.path === '/api/contacts') return { total: '1', contacts: { 311: contact() } };
  if (seen.path === '/api/contacts/311/activity') return activity;
  return undefined;
};

afterEach(() => vi.unstubAllGlobals());

describe('Mautic: strings are decoded once, where the answer is read', () => {
  it('shows names, titles, subjects and comments without HTML entities, and URLs as Mautic meant them', async () => {
    serve(standard);
    const profile = await createMauticConnector(source(), { password: 'pw' }).findProfile({ crm: 'salesforce', recordId: 'x', email: 'renee@velotrail.example' }, signal);
    expect(LeadProfileSchema.safeParse(profile).success).toBe(true);
    expect(profile?.name).toBe('Renée O\'Hara');
    expect(profile?.company).toBe('Pedal & Co');
    expect(profile?.pageViews.map((view) => [view.title, view.url])).toEqual([['Pricing & Plans – VeloTrail', 'https://velotrail.example/pricing?plan=fleet&seats=10']]);
    expect(profile?.activities?.map((item) => item.title)).toEqual(['Fleet newsletter #4', 'Pricing & Plans', 'Talk to sales']);
    expect(profile?.activities?.[0]?.subject).toBe("Q's answered: fleet servicing & you");
    expect(profile?.contact.optOuts?.[0]?.comment).toBe('User unsubscribed via the link in "Spring tune-up"');
    expect(JSON.stringify(profile)).not.toMatch(/&(#\d+|#x[0-9a-f]+|[a-z]+);/i);
  });

  it('decodes the error text Mautic sends too', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ errors: [{ message: 'You don&#39;t have access to the requested area.', code: 403 }] }), { status: 403 }));
    const failure = await createMauticConnector(source(), { password: 'pw' }).findProfile({ crm: 'salesforce', recordId: 'x', email: 'renee@velotrail.example' }, signal).catch((error: Error) => error);
    expect(String((failure as Error).message)).toContain("You don't have access");
  });
});

describe('Mautic: downloads, e-mail opens and form submissions are activity of their own kind', () => {
  it('keeps them out of the pages and their count, newest first, with the e-mail sent time and subject', async () => {
    serve(standard);
    const profile = await createMauticConnector(source(), { password: 'pw' }).findProfile({ crm: 'salesforce', recordId: 'x', email: 'renee@velotrail.example' }, signal);
    expect(profile?.pageViews).toHaveLength(1);
    expect(profile?.pageViews.some((view) => view.url.includes('/asset/'))).toBe(false);
    expect(profile?.activities).toEqual([
      { kind: 'email_open', title: 'Fleet newsletter #4', at: '2026-11-17T11:20:00.000Z', sentAt: '2026-11-17T09:20:00.000Z', subject: "Q's answered: fleet servicing & you" },
      { kind: 'download', title: 'Pricing & Plans', url: `${BASE}/asset/4:pricing-plans`, at: '2026-11-16T15:00:00.000Z' },
      { kind: 'form_submission', title: 'Talk to sales', url: 'https://velotrail.example/contact', at: '2026-11-16T14:58:00.000Z' },
    ]);
  });

  it('asks the timeline for the UTM tag events that date each touch', async () => {
    const calls = serve(standard);
    await createMauticConnector(source(), { password: 'pw' }).findProfile({ crm: 'salesforce', recordId: 'x', email: 'renee@velotrail.example' }, signal);
    const asked = calls.find((call) => call.path.endsWith('/activity'))!.params.getAll('filters[includeEvents][]');
    expect(asked).toEqual(expect.arrayContaining(['page.hit', 'asset.download', 'email.read', 'form.submitted', 'lead.utmtagsadded']));
  });

  it('keeps a download with no usable link as activity rather than dropping it', async () => {
    const events = [{ event: 'asset.download', timestamp: '2026-11-16T15:00:00+00:00', eventLabel: { label: 'Spec sheet', href: '/s/assets/view/9' }, details: { asset: { id: 9, title: 'Spec sheet' }, assetDownloadUrl: '/asset/9' } }];
    serve((seen) => (seen.path.endsWith('/activity') ? { events, total: 1, page: 1, limit: 100, maxPages: 1 } : standard(seen)));
    const profile = await createMauticConnector(source(), { password: 'pw' }).findProfile({ crm: 'salesforce', recordId: 'x', email: 'renee@velotrail.example' }, signal);
    expect(profile?.activities).toEqual([{ kind: 'download', title: 'Spec sheet', at: '2026-11-16T15:00:00.000Z' }]);
    expect(profile?.pageViews).toEqual([]);
  });
});

describe('Mautic: do-not-contact and the latest touch', () => {
  it('says when and why do-not-contact was set, for each reason code', async () => {
    const doNotContact = [
      { id: 5, dateAdded: '2026-11-18T16:45:00+00:00', reason: 1, comments: '', channel: 'email', channelId: null },
      { id: 6, dateAdded: '2026-11-19T09:00:00+01:00', reason: '2', comments: '550 5.1.1 mailbox unavailable', channel: 'sms', channelId: null },
      { id: 7, dateAdded: null, reason: 3, comments: 'Asked on the phone', channel: 'phone', channelId: null },
      { id: 8, dateAdded: '2026-11-01T00:00:00+00:00', reason: 0, comments: '', channel: 'email', channelId: null },
    ];
    serve((seen) => (seen.path === '/api/contacts' ? { total: 1, contacts: [contact({ doNotContact })] } : standard(seen)));
    const profile = await createMauticConnector(source(), { password: 'pw' }).findProfile({ crm: 'salesforce', recordId: 'x', email: 'renee@velotrail.example' }, signal);
    expect(profile?.contact).toMatchObject({ doNotEmail: true, doNotCall: true });
    expect(profile?.contact.optOuts).toEqual([
      { channel: 'sms', reason: 'bounced', at: '2026-11-19T08:00:00.000Z', comment: '550 5.1.1 mailbox unavailable' },
      { channel: 'email', reason: 'unsubscribed', at: '2026-11-18T16:45:00.000Z' },
      { channel: 'phone', reason: 'manual', comment: 'Asked on the phone' },
    ]);
  });

  it("shows the latest UTM touch's keyword and date, dated by its timeline event", async () => {
    serve(standard);
    const profile = await createMauticConnector(source(), { password: 'pw' }).findProfile({ crm: 'salesforce', recordId: 'x', email: 'renee@velotrail.example' }, signal);
    expect(profile?.source).toMatchObject({ channel: 'email', campaign: 'spring-tune-up' });
    expect(profile?.source.latest).toEqual({ channel: 'paid_search', campaign: 'fleet-q4', term: 'fleet service software', at: '2026-11-16T14:49:00.000Z' });
  });

  it('orders tag sets by their own dateAdded when Mautic sends one, whatever their ids', async () => {
    const utmtags = [
      { id: 30, dateAdded: '2026-11-20T10:00:00+00:00', utmSource: 'linkedin', utmMedium: 'paid_social', utmCampaign: 'fleet-retarget', utmTerm: 'bike fleet' },
      { id: 31, dateAdded: '2026-10-01T10:00:00+00:00', utmSource: 'google', utmMedium: 'organic', utmCampaign: null, utmTerm: null },
    ];
    serve((seen) => (seen.path === '/api/contacts' ? { total: 1, contacts: [contact({ utmtags })] } : seen.path.endsWith('/activity') ? { events: [], total: 0 } : undefined));
    const profile = await createMauticConnector(source(), { password: 'pw' }).findProfile({ crm: 'salesforce', recordId: 'x', email: 'renee@velotrail.example' }, signal);
    expect(profile?.source.channel).toBe('organic_search');
    expect(profile?.source.latest).toEqual({ channel: 'paid_social', campaign: 'fleet-retarget', term: 'bike fleet', at: '2026-11-20T10:00:00.000Z' });
  });
});

describe('Mautic: mapped custom fields', () => {
  const mapped = { problem: 'pain', preferredChannel: 'contact_pref', bestTime: 'best_slot', timeZone: 'timezone', crmIdField: 'sf_id', crm: 'salesforce' };

  it('reads the mapped problem, channel (value or label), best time, zone and CRM id', async () => {
    const calls = serve(standard);
    const profile = await createMauticConnector(source(mapped), { password: 'pw' }).findProfile({ crm: 'hubspot', recordId: '1', email: 'renee@velotrail.example' }, signal);
    expect(profile?.contact).toMatchObject({ preferredChannel: 'phone', bestTimeText: 'Weekdays 08:30-10:00', bestTime: { start: '08:30', end: '10:00', weekdaysOnly: true }, timeZone: 'Europe/Berlin' });
    expect(profile?.crmIds).toEqual({ salesforce: '00Q5e00000AbCdEFGH' });
    expect(profile?.problems[0]).toEqual({ text: "Our fleet's service bookings are lost between e-mail & phone.", form: 'Mautic field pain' });
    // The value named the channel and Mautic sent the label: no field list was needed.
    expect(calls.some((call) => call.path.startsWith('/api/fields'))).toBe(false);
  });

  it.each([
    ['2', 'Phone call', 'phone'],
    ['7', 'Telefon', 'phone'],
    ['a', 'Appel téléphonique', 'phone'],
    ['b', 'Llamada', 'phone'],
    ['c', 'Ligação', 'phone'],
    ['d', 'Videollamada', 'video_call'],
    ['e', 'Courriel', 'email'],
    ['f', 'WhatsApp', 'sms'],
  ])('reads a select value %s by its label "%s" from the field list when the contact carries no label', async (value, label, channel) => {
    const fields = contact().fields as { core: Record<string, Record<string, unknown>>; all: Record<string, unknown> };
    const { normalizedValue: _dropped, ...entry } = fields.core.contact_pref!;
    const withoutLabel = { ...fields, core: { ...fields.core, contact_pref: { ...entry, value } }, all: { ...fields.all, contact_pref: value } };
    const fieldList = {
      total: 2,
      fields: [
        { id: 41, label: 'How should we reach you?', alias: 'contact_pref', type: 'select', properties: { list: [{ label, value }, { label: 'E-mail', value: 'mail' }] } },
        { id: 45, label: 'Newsletter', alias: 'newsletter', type: 'boolean', properties: { no: 'No', yes: 'Yes' } },
      ],
    };
    const calls = serve((seen) =>
      seen.path === '/api/contacts' ? { total: 1, contacts: [contact({ fields: withoutLabel })] } : seen.path === '/api/fields/contact' ? fieldList : standard(seen),
    );
    const connector = createMauticConnector(source(mapped), { password: 'pw' });
    const profile = await connector.findProfile({ crm: 'hubspot', recordId: '1', email: 'renee@velotrail.example' }, signal);
    expect(profile?.contact.preferredChannel).toBe(channel);
    // Read once, then remembered.
    await connector.findProfile({ crm: 'hubspot', recordId: '1', email: 'renee@velotrail.example' }, signal);
    expect(calls.filter((call) => call.path === '/api/fields/contact')).toHaveLength(1);
  });

  it('still shows the brief when the field list is refused, with the raw value unread as a channel', async () => {
    const fields = contact().fields as { core: Record<string, Record<string, unknown>>; all: Record<string, unknown> };
    const { normalizedValue: _dropped, ...entry } = fields.core.contact_pref!;
    const withoutLabel = { ...fields, core: { ...fields.core, contact_pref: { ...entry, value: '2' } }, all: { ...fields.all, contact_pref: '2' } };
    serve((seen) => (seen.path === '/api/contacts' ? { total: 1, contacts: [contact({ fields: withoutLabel })] } : standard(seen)));
    const profile = await createMauticConnector(source(mapped), { password: 'pw' }).findProfile({ crm: 'hubspot', recordId: '1', email: 'renee@velotrail.example' }, signal);
    expect(profile?.name).toBe("Renée O'Hara");
    expect(profile?.contact.preferredChannel).toBeUndefined();
  });

  it('finds the lead by the mapped CRM id field first, asking for the 15- and 18-character Salesforce ids', async () => {
    const calls = serve(standard);
    const profile = await createMauticConnector(source(mapped), { password: 'pw' }).findProfile({ crm: 'salesforce', recordId: '00Q5e00000AbCdEFGH' }, signal);
    expect(profile?.id).toBe('311');
    const first = calls[0]!.params;
    expect([first.get('where[0][col]'), first.get('where[0][expr]'), first.get('where[0][val]')]).toEqual(['sf_id', 'in', '00Q5e00000AbCdEFGH,00Q5e00000AbCdE']);
  });

  it('falls back to the e-mail when Mautic refuses a mapped alias it does not have', async () => {
    const calls: Seen[] = [];
    vi.stubGlobal('fetch', async (input: string | URL) => {
      const url = new URL(String(input));
      calls.push({ path: url.pathname, params: url.searchParams });
      if (url.searchParams.get('where[0][col]') === 'sf_id') return new Response(JSON.stringify({ errors: [{ message: 'Unknown column sf_id', code: 400 }] }), { status: 400 });
      return new Response(JSON.stringify(standard({ path: url.pathname, params: url.searchParams })), { status: 200 });
    });
    const profile = await createMauticConnector(source(mapped), { password: 'pw' }).findProfile({ crm: 'salesforce', recordId: '00Q5e00000AbCdEFGH', email: 'renee@velotrail.example' }, signal);
    expect(profile?.id).toBe('311');
    expect(calls.map((call) => call.params.get('where[0][col]'))).toEqual(['sf_id', 'email', null]);
  });

  it('reads settings saved before the mapping existed with its defaults', () => {
    const old = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: BASE, auth: { method: 'basic', username: 'api' }, timeoutSeconds: 8 });
    expect(old.mappings).toBeUndefined();
    expect(MauticSourceSchema.safeParse({ ...old, mappings: { preferredChannel: 'How should we reach you?' } }).success).toBe(false);
  });
});

describe('Mautic: field option labels in every form Mautic keeps them', () => {
  it('reads list arrays, value-to-label maps, pipe lists and boolean yes/no words', async () => {
    const { fieldOptionLabels } = await import('./mautic-map');
    expect([...fieldOptionLabels({ type: 'select', properties: { list: [{ label: 'Phone call', value: 'phone' }, { label: 'E-mail', value: 'email' }] } })]).toEqual([
      ['phone', 'Phone call'],
      ['email', 'E-mail'],
    ]);
    expect([...fieldOptionLabels({ type: 'select', properties: { list: { 1: 'Telefon', 2: 'E-Mail' } } })]).toEqual([
      ['1', 'Telefon'],
      ['2', 'E-Mail'],
    ]);
    expect([...fieldOptionLabels({ type: 'lookup', properties: { list: 'Appel|Courriel' } })]).toEqual([
      ['Appel', 'Appel'],
      ['Courriel', 'Courriel'],
    ]);
    expect([...fieldOptionLabels({ type: 'select', properties: { list: { list: [{ label: 'Llamada', value: 'l' }] } } })]).toEqual([['l', 'Llamada']]);
    expect([...fieldOptionLabels({ type: 'boolean', properties: { no: 'Nein', yes: 'Ja' } })]).toEqual([
      ['1', 'Ja'],
      ['0', 'Nein'],
    ]);
    expect(fieldOptionLabels({ type: 'text', properties: 'a:0:{}' }).size).toBe(0);
  });

  it('does not ask for the field list for a free-text field, whatever its words', async () => {
    const fields = contact().fields as { core: Record<string, Record<string, unknown>>; all: Record<string, unknown> };
    const freeText = { ...fields, core: { ...fields.core, best_slot: { ...fields.core.best_slot, value: 'whenever suits' } }, all: { ...fields.all, best_slot: 'whenever suits' } };
    const calls = serve((seen) => (seen.path === '/api/contacts' ? { total: 1, contacts: [contact({ fields: freeText })] } : standard(seen)));
    const profile = await createMauticConnector(source({ bestTime: 'best_slot' }), { password: 'pw' }).findProfile({ crm: 'hubspot', recordId: '1', email: 'renee@velotrail.example' }, signal);
    expect(profile?.contact.bestTimeText).toBe('whenever suits');
    expect(profile?.contact.bestTime).toBeUndefined();
    expect(calls.some((call) => call.path.startsWith('/api/fields'))).toBe(false);
  });

  it('reads a do-not-contact reason sent as its word', async () => {
    const doNotContact = [{ id: 9, dateAdded: '2026-11-18T16:45:00+00:00', reason: 'Bounced', comments: null, channel: 'email' }];
    serve((seen) => (seen.path === '/api/contacts' ? { total: 1, contacts: [contact({ doNotContact })] } : standard(seen)));
    const profile = await createMauticConnector(source(), { password: 'pw' }).findProfile({ crm: 'hubspot', recordId: '1', email: 'renee@velotrail.example' }, signal);
    expect(profile?.contact.optOuts).toEqual([{ channel: 'email', reason: 'bounced', at: '2026-11-18T16:45:00.000Z' }]);
  });
});

describe('Mautic: a field label carried by the contact itself', () => {
  it('reads options given inline as JSON, in both of the item forms Mautic reads', async () => {
    const { fieldReading, fieldOptionLabels } = await import('./mautic-map');
    const fields = {
      core: { pref: { alias: 'pref', type: 'select', value: '3', properties: { list: [{ label: 'Ligação', value: '3' }] } } },
      all: { pref: '3' },
    };
    expect(fieldReading(fields, 'pref')).toEqual({ value: '3', label: 'Ligação', type: 'select' });
    expect([...fieldOptionLabels({ type: 'select', properties: { list: [{ sms: 'Textnachricht' }, { phone: 'Anruf' }] } })]).toEqual([
      ['sms', 'Textnachricht'],
      ['phone', 'Anruf'],
    ]);
    // A multiselect's normalizedValue is its labels joined by "|".
    expect(fieldReading({ core: { pref: { type: 'multiselect', value: 'a|b', normalizedValue: 'Llamada|Correo' } } }, 'pref')).toEqual({ value: 'a|b', label: 'Llamada|Correo', type: 'multiselect' });
  });
});
