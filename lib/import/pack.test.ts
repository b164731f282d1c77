import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import leads from '@/public/demo/leads.json';
import { LeadProfileSchema } from '@/lib/schema';
import { packedKeys, packProfile, unpackProfile } from './pack';

describe('packed profiles', () => {
  it.each(leads.leads.map((lead) => [lead.id, LeadProfileSchema.parse(lead)] as const))('%s survives packing and JSON', (_id, profile) => {
    const stored = JSON.parse(JSON.stringify(packProfile(profile)));
    expect(LeadProfileSchema.parse(unpackProfile(stored))).toEqual(profile);
  });

  it('is a quarter smaller than the object for a typical imported row', () => {
    const profile = LeadProfileSchema.parse({
      id: 'lead-1',
      email: 'user1@company1.example',
      name: 'First1 Last1',
      company: 'Company 1',
      title: 'VP Security',
      crmIds: { salesforce: '00Q8d0000000001', hubspot: '1' },
      source: { channel: 'paid_search', campaign: 'Campaign 1', utm: { source: 'google', medium: 'cpc' }, firstPage: 'https://www.example.com/p/1', firstSeen: '2026-09-14T13:22:05Z' },
      problems: [{ text: 'We need help', form: 'Demo request', submittedAt: '2026-11-16T13:09:30Z' }],
      contact: { timeZone: 'America/New_York' },
      score: 5,
      stage: 'mql',
    });
    expect(JSON.stringify(packProfile(profile)).length).toBeLessThan(JSON.stringify(profile).length * 0.75);
  });

  it('keeps a score of 0 and leaves out only what is absent or default', () => {
    const minimal = LeadProfileSchema.parse({ id: 'x', source: { channel: 'email' }, score: 0 });
    const packed = packProfile(minimal);
    expect(LeadProfileSchema.parse(unpackProfile(JSON.parse(JSON.stringify(packed))))).toEqual(minimal);
    expect(JSON.stringify(LeadProfileSchema.parse({ id: 'y', source: { channel: 'other' } }))).toContain('"pageViews":[]');
    expect(JSON.stringify(packProfile(LeadProfileSchema.parse({ id: 'y', source: { channel: 'other' } })))).not.toContain('[]');
  });

  it('reads the lookup fields straight from the packed form', () => {
    const profile = LeadProfileSchema.parse({ id: 'x', email: 'A@Example.com', crmIds: { salesforce: '00Q1' }, source: { channel: 'email' } });
    expect(packedKeys(packProfile(profile))).toEqual({ crmIds: { salesforce: '00Q1' }, email: 'A@Example.com' });
    expect(packedKeys('garbage')).toEqual({ crmIds: {}, email: undefined });
    expect(packedKeys(null)).toEqual({ crmIds: {}, email: undefined });
  });

  it('passes anything that is not packed to the schema unchanged', () => {
    const object = { id: 'x', source: { channel: 'fax' } };
    expect(unpackProfile(object)).toBe(object);
    expect(LeadProfileSchema.safeParse(unpackProfile(['x', 5, 6])).success).toBe(false);
  });

  it('round-trips any valid profile (property)', () => {
    const text = fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined });
    const profileArb = fc
      .record({
        id: fc.string({ minLength: 1, maxLength: 10 }),
        name: text,
        company: text,
        score: fc.option(fc.integer({ min: -5, max: 100 }), { nil: undefined }),
        stage: fc.option(fc.constantFrom('lead', 'mql', 'sql'), { nil: undefined }),
        crmIds: fc.dictionary(fc.constantFrom('salesforce', 'hubspot', 'zoho'), fc.string({ minLength: 1, maxLength: 18 })),
        source: fc.record({ channel: fc.constantFrom('email', 'event', 'other'), campaign: text, referrer: text }, { requiredKeys: ['channel'] }),
        contact: fc.record({ doNotCall: fc.boolean(), doNotEmail: fc.boolean() }),
      })
      .map((raw) => LeadProfileSchema.parse(JSON.parse(JSON.stringify(raw))));
    fc.assert(
      fc.property(profileArb, (profile) => {
        expect(LeadProfileSchema.parse(unpackProfile(JSON.parse(JSON.stringify(packProfile(profile)))))).toEqual(profile);
      }),
      { numRuns: 300 },
    );
  });
});
