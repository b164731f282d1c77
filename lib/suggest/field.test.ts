import { describe, expect, it } from 'vitest';
import { leadProfile } from '@/test/support/lead-profile';
import type { ContentItem } from '@/lib/schema';
import { FIELD_CAP, fieldAdjustments, fieldSignalsBySegment, segmentOf, type FieldSignal } from './field';
import { suggestContent } from './rank';

const now = new Date('2026-12-01T12:00:00Z');
const item = (id: string, extra: Partial<ContentItem>): ContentItem => ({
  id,
  title: id,
  type: 'guide',
  url: `https://www.vendor.example/resources/${id}`,
  summary: '',
  topics: [],
  industries: [],
  personas: [],
  stages: [],
  ...extra,
});
/** Ratings and opens by reps for leads of one segment (logistics operations people, unless said). */
const signal = (contentId: string, counts: Partial<Pick<FieldSignal, 'useful' | 'notUseful' | 'opened'>>, segment: Pick<FieldSignal, 'industry' | 'persona'> = { industry: 'Logistics', persona: 'operations' }): FieldSignal => ({
  contentId,
  useful: 0,
  notUseful: 0,
  opened: 0,
  ...segment,
  ...counts,
});

describe('field signals by segment', () => {
  it('reads a lead’s persona from its job title in any of the table’s languages, as the ranker does', () => {
    expect(segmentOf({ industry: ' Logistics ', title: 'Leiter Disposition' })).toEqual({ industry: 'Logistics', persona: 'Operations' });
    expect(segmentOf({ persona: 'Jefa de Compras' })).toEqual({ industry: undefined, persona: 'Procurement' });
    expect(segmentOf({})).toEqual({ industry: undefined, persona: undefined });
  });

  it('sums leads per item and segment (industry case aside), strongest first, and leaves out leads like no other', () => {
    const signals = fieldSignalsBySegment([
      { contentId: 'a', segment: { industry: 'Logistics', persona: 'Operations' }, useful: 1, notUseful: 0, opened: 1 },
      { contentId: 'a', segment: { industry: 'logistics', persona: 'operations' }, useful: 1, notUseful: 0, opened: 0 },
      { contentId: 'a', segment: { industry: 'Retail' }, useful: 0, notUseful: 1, opened: 0 },
      { contentId: 'b', segment: { industry: 'Logistics', persona: 'Operations' }, useful: 0, notUseful: 0, opened: 1 },
      { contentId: 'c', segment: {}, useful: 5, notUseful: 0, opened: 0 },
    ]);
    expect(signals).toEqual([
      { contentId: 'a', industry: 'Logistics', persona: 'operations', useful: 2, notUseful: 0, opened: 1 },
      { contentId: 'a', industry: 'Retail', useful: 0, notUseful: 1, opened: 0 },
      { contentId: 'b', industry: 'Logistics', persona: 'operations', useful: 0, notUseful: 0, opened: 1 },
    ]);
  });
});

describe('learning from the field', () => {
  const lead = { industry: 'Logistics', persona: 'Operations' };

  it('counts only leads of the same industry or persona, and stays within the cap however many agree', () => {
    const adjustments = fieldAdjustments(lead, [signal('a', { useful: 50 }), signal('b', { useful: 50 }, { industry: 'Retail', persona: 'finance' })]);
    expect(adjustments.get('a')!.delta).toBeLessThanOrEqual(FIELD_CAP);
    expect(adjustments.get('a')!.delta).toBeGreaterThan(FIELD_CAP * 0.95);
    expect(adjustments.has('b')).toBe(false);
  });

  it('gives a lone rating no weight, half weight to leads alike in one way only, and opens at most one rating’s worth', () => {
    expect(fieldAdjustments(lead, [signal('a', { useful: 1 })]).size).toBe(0);
    const both = fieldAdjustments(lead, [signal('a', { useful: 3 })]).get('a')!.delta;
    const industryOnly = fieldAdjustments(lead, [signal('a', { useful: 3 }, { industry: 'logistics', persona: 'finance' })]).get('a')!.delta;
    expect(industryOnly).toBeGreaterThan(0);
    expect(industryOnly).toBeLessThan(both);
    const opens = fieldAdjustments(lead, [signal('a', { opened: 500 })]).get('a')!.delta;
    const oneRating = FIELD_CAP * Math.tanh(1 / 4);
    expect(opens).toBeCloseTo(oneRating, 6);
    expect(fieldAdjustments(lead, [signal('a', { notUseful: 4 })]).get('a')!.delta).toBeLessThan(0);
  });

  it('works an adjustment out once per segment of leads, and right for each', () => {
    const signals = [signal('a', { useful: 5 }), signal('a', { notUseful: 5 }, { industry: 'Retail' })];
    const logistics = fieldAdjustments(lead, signals);
    expect(fieldAdjustments({ industry: 'retail' }, signals).get('a')!.delta).toBeLessThan(0);
    expect(logistics.get('a')!.delta).toBeGreaterThan(0);
    expect(fieldAdjustments({ industry: 'logistics', persona: 'OPERATIONS' }, signals)).toBe(logistics);
  });

  describe('in the ranking', () => {
    const catalog = [
      item('alerts', { title: 'Proactive delay alerts', topics: ['late deliveries', 'exception alerts'], summary: 'Know a truck is late before the customer calls: alerts on every delay.' }),
      item('eta', { title: 'Live ETA for dispatchers', topics: ['estimated arrival', 'dispatch'], summary: 'Dispatchers see when each truck will arrive.' }),
      item('portal', { title: 'Customer tracking portal', topics: ['shipment tracking', 'customer portal'], summary: 'Customers see where their truck is without calling.' }),
      item('texts', { title: 'Delay texts', topics: ['customer notifications'], summary: 'Text customers when a truck runs late.' }),
    ];
    const profile = leadProfile({
      industry: 'Logistics',
      title: 'Head of Dispatch',
      problems: [{ text: 'We find out a truck is late when the customer calls us.', form: 'Contact', submittedAt: '2026-11-20T09:00:00Z' }],
    });
    const rank = (field?: FieldSignal[]) => suggestContent(profile, catalog, 4, { now, field });
    const plain = rank();
    const score = (id: string) => plain.find((suggestion) => suggestion.item.id === id)!.score;

    it('starts from a ranking with a clear first, a close pair and a far last (what the cases below rely on)', () => {
      expect(plain.map((suggestion) => suggestion.item.id)).toEqual(['alerts', 'texts', 'portal', 'eta']);
      expect(score('texts') - score('portal')).toBeLessThan(FIELD_CAP / 2);
      expect(score('alerts') - score('portal')).toBeGreaterThan(FIELD_CAP);
      expect(score('portal') - score('eta')).toBeGreaterThan(2 * FIELD_CAP);
    });

    it('lets no single rating flip a result, not even between close items', () => {
      const once = rank([signal('portal', { useful: 1 }), signal('texts', { notUseful: 1 })]);
      expect(once.map((suggestion) => suggestion.item.id)).toEqual(['alerts', 'texts', 'portal', 'eta']);
      expect(once.map((suggestion) => suggestion.reason).join(' ')).not.toMatch(/rated/);
    });

    it('reorders close items when several similar leads agree, and says so in the rep’s terms', () => {
      const ranked = rank([signal('portal', { useful: 4 }), signal('portal', { notUseful: 3 }, { industry: 'Retail', persona: 'finance' })]);
      expect(ranked.map((suggestion) => suggestion.item.id)).toEqual(['alerts', 'portal', 'texts', 'eta']);
      expect(ranked[1]!.reason).toMatch(/rated useful for 4 Operations leads in Logistics/);
      expect(ranked[0]!.reason).not.toMatch(/rated/);
    });

    it('never lifts an item past one that fit clearly better, however many agree', () => {
      const ranked = rank([signal('portal', { useful: 200 }), signal('eta', { useful: 200 }), signal('texts', { notUseful: 200 })]);
      expect(ranked[0]!.item.id).toBe('alerts');
      expect(ranked.at(-1)!.item.id).toBe('eta');
      const industryOnly = rank([signal('texts', { notUseful: 3 }, { industry: 'Logistics' }), signal('portal', { useful: 3 }, { industry: 'Logistics' })]);
      expect(industryOnly.find((suggestion) => suggestion.item.id === 'portal')!.reason).toMatch(/rated useful for 3 leads in Logistics/);
      expect(industryOnly.find((suggestion) => suggestion.item.id === 'texts')!.reason).toMatch(/rated not useful for 3 leads in Logistics/);
    });

    it('never brings in an item nothing about the lead supports, however well it was rated', () => {
      const unrelated = item('fuel', { title: 'Fuel cost report', topics: ['fuel costs'], summary: 'Spend less on diesel per mile.' });
      const ranked = suggestContent(profile, [...catalog, unrelated], 10, { now, field: [signal('fuel', { useful: 50 })] });
      expect(ranked.map((suggestion) => suggestion.item.id)).toEqual(['alerts', 'texts', 'portal', 'eta']);
    });

    it('changes nothing for a lead of another segment', () => {
      const retail = leadProfile({ ...profile, industry: 'Retail', title: 'Store manager' });
      const field = [signal('portal', { useful: 30 }), signal('texts', { notUseful: 30 })];
      expect(suggestContent(retail, catalog, 4, { now, field })).toEqual(suggestContent(retail, catalog, 4, { now }));
    });
  });
});
