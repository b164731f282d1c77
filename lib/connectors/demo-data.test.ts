import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { ChannelSchema, LeadProfileSchema } from '../schema/lead';
import { ContentItemSchema } from '../schema/content';
import { summarizeZodError } from '../schema/common';
import leadsFile from '../../public/demo/leads.json';
import contentFile from '../../public/demo/content.json';

const LeadsFileSchema = z.object({ label: z.string(), leads: z.array(LeadProfileSchema) });
const ContentFileSchema = z.object({ label: z.string(), items: z.array(ContentItemSchema) });

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(summarizeZodError(result.error, 10));
  return result.data;
}

const { leads } = parse(LeadsFileSchema, leadsFile);
const { items } = parse(ContentFileSchema, contentFile);

const duplicates = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index);

const FIXTURES = [
  { id: 'lead-priya-raman', email: 'priya.raman@ledgerly.io', salesforce: '00Q8d00000XyZ1aEAF' },
  { id: 'lead-marcus-oyelaran', email: 'marcus@brightpath-health.com', salesforce: '00Q8d00000XyZ2bEAF' },
  { id: 'lead-sofia-lindqvist', email: 'sofia.lindqvist@nordvik.se', salesforce: '0038d00000Qw3rTAAR' },
  { id: 'lead-kenji-watanabe', email: 'kenji.watanabe@sorano-retail.jp', salesforce: '00Q8d00000XyZ3cEAF' },
  { id: 'lead-amara-okafor', email: 'amara.okafor@fundbridge.ng', salesforce: '00Q8d00000XyZ4dEAF' },
] as const;

describe('demo leads (public/demo/leads.json)', () => {
  it('parses against LeadProfileSchema and is labelled as fictional', () => {
    expect(leadsFile.label).toMatch(/fictional/i);
    expect(leads.length).toBeGreaterThanOrEqual(40);
  });

  it('has unique ids, emails and CRM ids', () => {
    expect(duplicates(leads.map((lead) => lead.id))).toEqual([]);
    expect(duplicates(leads.map((lead) => lead.email?.toLowerCase() ?? lead.id))).toEqual([]);
    for (const crm of ['salesforce', 'hubspot']) {
      const ids = leads.map((lead) => lead.crmIds[crm]).filter((id): id is string => Boolean(id));
      expect(duplicates(ids), crm).toEqual([]);
    }
  });

  it('uses well-formed Salesforce and HubSpot ids', () => {
    for (const lead of leads) {
      const sf = lead.crmIds.salesforce;
      if (sf) expect(sf, lead.id).toMatch(/^(00Q|003)[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/);
      const hs = lead.crmIds.hubspot;
      if (hs) expect(hs, lead.id).toMatch(/^\d+$/);
    }
  });

  it('covers every channel except "other" at least twice', () => {
    for (const channel of ChannelSchema.options.filter((c) => c !== 'other')) {
      const count = leads.filter((lead) => lead.source.channel === channel).length;
      expect(count, channel).toBeGreaterThanOrEqual(2);
    }
  });

  it('spreads over campaigns and time zones', () => {
    const campaigns = new Set(leads.map((lead) => lead.source.campaign).filter(Boolean));
    expect(campaigns.size).toBeGreaterThanOrEqual(8);
    const zones = new Set(leads.map((lead) => lead.contact.timeZone).filter(Boolean));
    expect(zones.size).toBeGreaterThanOrEqual(6);
  });

  it('keeps page views within 14 per lead and 4 visits', () => {
    for (const lead of leads) {
      expect(lead.pageViews.length, lead.id).toBeLessThanOrEqual(14);
      expect(new Set(lead.pageViews.map((view) => view.visitId)).size, lead.id).toBeLessThanOrEqual(4);
    }
  });

  it('only links to .example hosts', () => {
    const urls = JSON.stringify(leadsFile).match(/https?:\/\/[^/"?]+/g) ?? [];
    for (const url of urls) expect(new URL(url).hostname).toMatch(/\.example$/);
  });

  it.each(FIXTURES)('includes the fixture person $id', ({ id, email, salesforce }) => {
    const lead = leads.find((candidate) => candidate.id === id);
    expect(lead).toBeDefined();
    expect(lead?.email).toBe(email);
    expect(lead?.crmIds.salesforce).toBe(salesforce);
  });

  it('matches the details end-to-end tests rely on for Priya Raman', () => {
    const priya = leads.find((lead) => lead.id === 'lead-priya-raman')!;
    expect(priya.source.channel).toBe('paid_search');
    expect(priya.source.campaign).toBe('Q3 SOC 2 Readiness – Google Ads');
    expect(priya.crmIds.hubspot).toBe('51001');
    expect(priya.contact).toMatchObject({ timeZone: 'America/New_York', doNotCall: true, preferredChannel: 'email' });
    expect(priya.stage).toBe('mql');
    expect(priya.score).toBe(82);
    expect(priya.problems[0]?.text).toMatch(/^We have our first SOC 2 Type II audit in March/);
    expect(priya.pageViews.map((view) => view.title)).toEqual(expect.arrayContaining(['Pricing', 'SOC 2 automation']));
  });

  it('has no stated problems and a single visit for Kenji Watanabe', () => {
    const kenji = leads.find((lead) => lead.id === 'lead-kenji-watanabe')!;
    expect(kenji.problems).toEqual([]);
    expect(new Set(kenji.pageViews.map((view) => view.visitId)).size).toBe(1);
  });

  it('does not contain the people reserved for the not-found case', () => {
    const emails = leads.map((lead) => lead.email?.toLowerCase());
    expect(emails).not.toContain('jordan.blake@unknown-co.example');
    const salesforceIds = leads.map((lead) => lead.crmIds.salesforce);
    expect(salesforceIds).not.toContain('00Q8d00000NoMaTCH9');
    expect(salesforceIds).not.toContain('00Q8d00000NoEmaiL1');
    expect(leads.map((lead) => lead.name)).not.toContain('Alex Moreno');
  });
});

describe('demo content catalog (public/demo/content.json)', () => {
  it('parses against ContentItemSchema and is labelled as fictional', () => {
    expect(contentFile.label).toMatch(/fictional/i);
    expect(items.length).toBeGreaterThanOrEqual(30);
  });

  it('has unique ids and urls on the vendor site', () => {
    expect(duplicates(items.map((item) => item.id))).toEqual([]);
    expect(duplicates(items.map((item) => item.url))).toEqual([]);
    for (const item of items) expect(item.url).toMatch(/^https:\/\/www\.keyline\.example\/resources\/[a-z0-9-]+$/);
  });

  it('includes every content type', () => {
    const types = new Set(items.map((item) => item.type));
    for (const type of ContentItemSchema.shape.type.options) expect(types, type).toContain(type);
  });

  it('has at least one item a demo lead has already viewed (for "skip what they read")', () => {
    const viewed = new Set(leads.flatMap((lead) => lead.pageViews.map((view) => view.url)));
    expect(items.some((item) => viewed.has(item.url))).toBe(true);
    const priya = leads.find((lead) => lead.id === 'lead-priya-raman')!;
    const tallybook = items.find((item) => item.id === 'cs-tallybook-soc2')!;
    expect(priya.pageViews.map((view) => view.url)).toContain(tallybook.url);
  });
});
