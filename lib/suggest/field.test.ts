import { describe, expect, it } from 'vitest';
import type { ContentItem, LeadProfile } from '@/lib/schema';
import { FIELD_CAP, fieldAdjustments, type FieldSignal } from './field';
import { suggestContent } from './rank';

const signal = (contentId: string, kind: FieldSignal['signal'], industry = 'Healthcare'): FieldSignal => ({ contentId, signal: kind, industry });

describe('learning from the field', () => {
  it('counts only similar leads and stays within the cap however many agree', () => {
    const many = Array.from({ length: 50 }, () => signal('a', 'useful'));
    const adjustments = fieldAdjustments({ industry: 'Healthcare' }, undefined, [...many, signal('b', 'useful', 'Retail')]);
    expect(adjustments.get('a')!.delta).toBeLessThanOrEqual(FIELD_CAP);
    expect(adjustments.get('a')!.delta).toBeGreaterThan(FIELD_CAP * 0.9);
    expect(adjustments.has('b')).toBe(false);
  });

  it('never lets one rating flip a clear result, and explains the nudge it gives', () => {
    const item = (id: string, topics: string[]): ContentItem => ({ id, title: id, type: 'guide', url: `https://www.v.example/${id}`, summary: '', topics, industries: [], personas: [], stages: [] });
    const catalog = [item('reminders', ['appointment reminders', 'no-shows']), item('waitlist', ['waitlist', 'appointment'])];
    const lead: LeadProfile = {
      id: 'l',
      industry: 'Healthcare',
      crmIds: {},
      source: { channel: 'direct', utm: {} },
      pageViews: [],
      problems: [{ text: 'Patients miss appointments; we need reminders to cut no-shows', form: 'f', submittedAt: '2026-11-01T00:00:00Z' }],
      contact: { doNotCall: false, doNotEmail: false },
      highIntent: [],
    };
    const plain = suggestContent(lead, catalog, 2);
    expect(plain[0]!.item.id).toBe('reminders');
    const once = suggestContent(lead, catalog, 2, { field: [signal('reminders', 'not_useful'), signal('waitlist', 'useful')] });
    expect(once[0]!.item.id).toBe('reminders');
    expect(once[1]!.reason).toMatch(/rated useful for 1 similar lead/);
  });
});
