import { describe, expect, it } from 'vitest';
import { ContentEventSchema, LeadProfileSchema } from '@/lib/schema';
import { parseCsv } from '@/lib/import';
import { generateCachedProfiles, generateContentEvents, SCALE_SIZES, scaleLeadKey, type ScaleOptions } from '../bench/generate-scale';
import { generateProfilesCsv } from '../bench/profiles-csv';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const small: ScaleOptions = { ...SCALE_SIZES, seed: 11, now: NOW, profiles: 400, events: 3_000 };

describe('the scale benchmark generator', () => {
  it('makes cached profiles the lead schema parses to themselves, with the mean number of page views', () => {
    const cached = [...generateCachedProfiles(small)];
    expect(cached).toHaveLength(400);
    for (const entry of cached) {
      expect(LeadProfileSchema.parse(entry.profile)).toEqual(entry.profile);
      expect(entry.key).toBe(`salesforce:${entry.profile!.crmIds.salesforce}`);
      expect(entry.fetchedAt).toBe(new Date(NOW).toISOString());
    }
    expect(cached.reduce((sum, entry) => sum + entry.profile!.pageViews.length, 0)).toBe(400 * SCALE_SIZES.pageViewsPerProfile);
    expect(new Set(cached.map((entry) => entry.key)).size).toBe(400);
    const viewTimes = cached.flatMap((entry) => entry.profile!.pageViews.map((view) => Date.parse(view.viewedAt)));
    expect(Math.min(...viewTimes)).toBeGreaterThanOrEqual(NOW - SCALE_SIZES.days * 86_400_000);
  });

  it('makes content events the event schema parses to themselves, unique, within the period, for generated leads', () => {
    const events = [...generateContentEvents(small)];
    expect(events).toHaveLength(3_000);
    const leadKeys = new Set(Array.from({ length: small.profiles }, (_, index) => scaleLeadKey(index)));
    for (const event of events) {
      expect(ContentEventSchema.parse(event)).toEqual(event);
      expect(leadKeys.has(event.leadKey!)).toBe(true);
      expect(Date.parse(event.at)).toBeLessThanOrEqual(NOW);
      expect(Date.parse(event.at)).toBeGreaterThan(NOW - SCALE_SIZES.days * 86_400_000);
    }
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const types = new Set(events.map((event) => event.type));
    expect(types).toEqual(new Set(['suggested', 'opened', 'link_copied']));
    expect(new Set(events.map((event) => event.contentId)).size).toBeGreaterThan(20);
  });

  it('gives the same data for a seed and other data for another seed', () => {
    const again = { ...small, profiles: 50, events: 200 };
    expect([...generateCachedProfiles(again)]).toEqual([...generateCachedProfiles(again)]);
    expect([...generateContentEvents(again)]).toEqual([...generateContentEvents(again)]);
    expect([...generateCachedProfiles({ ...again, seed: 12 })]).not.toEqual([...generateCachedProfiles(again)]);
    expect([...generateContentEvents({ ...again, seed: 12 })]).not.toEqual([...generateContentEvents(again)]);
  });
});

describe('the seeded profiles CSV', () => {
  it('imports every row as a new profile through the real CSV reader', async () => {
    const parsed = await parseCsv(generateProfilesCsv(1_000), 'profiles');
    expect(parsed.errors).toEqual([]);
    expect(parsed).toMatchObject({ total: 1_000, valid: 1_000, rejected: 0, ignoredColumns: [] });
    expect(parsed.records.profiles.some((profile) => profile.problems.length > 0)).toBe(true);
    for (const profile of parsed.records.profiles) expect(LeadProfileSchema.parse(profile)).toEqual(profile);
  });

  it('is the same text for a seed', () => {
    expect(generateProfilesCsv(300, 3)).toBe(generateProfilesCsv(300, 3));
    expect(generateProfilesCsv(300, 4)).not.toBe(generateProfilesCsv(300, 3));
  });
});
