import { describe, expect, it } from 'vitest';
import {
  ContentItemSchema,
  DetectedRecordSchema,
  FeedbackItemSchema,
  LEAD_LIMITS,
  LeadProfileSchema,
  summarizeZodError,
} from '@/lib/schema';

const minimalLead = { id: 'lead-1', source: { channel: 'webinar' } };

describe('LeadProfileSchema', () => {
  it('accepts a minimal lead and fills safe defaults', () => {
    const lead = LeadProfileSchema.parse(minimalLead);
    expect(lead.pageViews).toEqual([]);
    expect(lead.contact).toEqual({ doNotCall: false, doNotEmail: false });
    expect(lead.source.utm).toEqual({});
  });

  it.each([
    ['an unknown channel', { ...minimalLead, source: { channel: 'carrier_pigeon' } }, 'source.channel'],
    ['a javascript: page URL', { ...minimalLead, pageViews: [{ url: 'javascript:alert(1)', title: 'x', viewedAt: '2026-11-01T10:00:00Z', visitId: 'v1' }] }, 'pageViews.0.url'],
    ['a made-up time zone', { ...minimalLead, contact: { timeZone: 'Mars/Olympus_Mons' } }, 'contact.timeZone'],
    ['a best time that is not HH:MM', { ...minimalLead, contact: { bestTime: { start: '9am', end: '11:00' } } }, 'contact.bestTime.start'],
    ['a timestamp without a zone', { ...minimalLead, problems: [{ text: 'x', form: 'Demo', submittedAt: '2026-11-01 10:00' }] }, 'problems.0.submittedAt'],
    ['a malformed e-mail', { ...minimalLead, email: 'not-an-email' }, 'email'],
  ])('rejects %s with the path in the message', (_case, input, path) => {
    const result = LeadProfileSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(summarizeZodError(result.error!)).toContain(path);
  });
});

describe('ContentItemSchema', () => {
  const item = { id: 'c1', title: 'SOC 2 guide', type: 'guide', url: 'https://www.keyline.example/resources/soc2' };
  it('accepts an http(s) item', () => expect(ContentItemSchema.parse(item).topics).toEqual([]));
  it.each(['data:text/html,hi', 'file:///etc/passwd', 'javascript:void(0)'])('refuses %s as a link', (url) => {
    expect(ContentItemSchema.safeParse({ ...item, url }).success).toBe(false);
  });
});

describe('DetectedRecordSchema', () => {
  const record = { crm: 'salesforce', objectType: 'lead', recordId: '00Q8d00000XyZ1aEAF', url: 'https://acme.lightning.force.com/x' };
  it('keeps the record when the page shows an odd e-mail, dropping only the e-mail', () => {
    const parsed = DetectedRecordSchema.parse({ ...record, name: 'Priya', email: 'priya at ledgerly' });
    expect(parsed).toMatchObject({ recordId: '00Q8d00000XyZ1aEAF', name: 'Priya' });
    expect(parsed.email).toBeUndefined();
  });
  it('keeps an address on an internationalised domain, and drops one with no dotted domain', () => {
    for (const email of ['zoe@café-goa.example', 'marguerite.lamb+invoices@accounts.teal-harbour.co.uk', 'li.wei@北京.example', 'ana@tejo.consulting']) {
      expect(DetectedRecordSchema.parse({ ...record, email }).email, email).toBe(email);
    }
    for (const email of ['a@b', 'ana@localhost', 'ana@tejo.', 'ana@-tejo.example', 'ana lima@tejo.example', '<ana@tejo.example>', 'ana@tejo..example']) {
      expect(DetectedRecordSchema.parse({ ...record, email }).email, email).toBeUndefined();
    }
  });
  it('rejects an unknown CRM and an empty record id', () => {
    expect(DetectedRecordSchema.safeParse({ ...record, crm: 'myspace' }).success).toBe(false);
    expect(DetectedRecordSchema.safeParse({ ...record, recordId: '' }).success).toBe(false);
  });
});

describe('FeedbackItemSchema', () => {
  const common = {
    id: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    createdAt: '2026-11-20T10:00:00.000Z',
    lead: { key: 'salesforce:00Q1', crm: 'salesforce', recordId: '00Q1' },
    source: { channel: 'paid_search', campaign: 'Q3' },
  };
  it('accepts each kind', () => {
    for (const payload of [
      { kind: 'verdict', verdict: 'demo_booked' },
      { kind: 'content_rating', contentId: 'c1', useful: true },
      { kind: 'content_request', text: 'Need a fintech case study' },
      { kind: 'prospect_question', text: 'Do you support SCIM?' },
    ]) {
      expect(FeedbackItemSchema.safeParse({ ...common, ...payload }).success).toBe(true);
    }
  });
  it('rejects an unknown verdict, a missing idempotency id and an empty request', () => {
    expect(FeedbackItemSchema.safeParse({ ...common, kind: 'verdict', verdict: 'maybe' }).success).toBe(false);
    expect(FeedbackItemSchema.safeParse({ ...common, id: 'x', kind: 'verdict', verdict: 'good_fit' }).success).toBe(false);
    expect(FeedbackItemSchema.safeParse({ ...common, kind: 'content_request', text: '' }).success).toBe(false);
  });
});

describe('limits on what a source may send about one lead', () => {
  const base = { id: 'p-1', source: { channel: 'webinar' } };
  const view = (index: number) => ({ url: `https://acme.example/p/${index}`, title: 'Pricing', viewedAt: '2026-11-01T10:00:00Z', visitId: 'v1' });

  it('refuses a 2 MB name and 200,000 page views with words that say which limit', () => {
    const huge = LeadProfileSchema.safeParse({ ...base, name: 'x'.repeat(2_000_000) });
    expect(huge.success).toBe(false);
    expect(summarizeZodError(huge.error!)).toContain('name: At most 500 characters');
    const flood = LeadProfileSchema.safeParse({ ...base, pageViews: Array.from({ length: 200_000 }, (_, index) => view(index)) });
    expect(flood.success).toBe(false);
    expect(summarizeZodError(flood.error!)).toContain(`At most ${LEAD_LIMITS.pageViews} page views per lead`);
  });

  it('takes a lead at the limits', () => {
    const full = LeadProfileSchema.safeParse({ ...base, name: 'x'.repeat(LEAD_LIMITS.text), pageViews: Array.from({ length: LEAD_LIMITS.pageViews }, (_, index) => view(index)) });
    expect(full.success).toBe(true);
  });
});
