import { describe, expect, it } from 'vitest';
import leadsFile from '@/public/demo/leads.json';
import contentFile from '@/public/demo/content.json';
import { DemoContentFileSchema, DemoLeadsFileSchema } from '@/lib/connectors/demo';
import type { LeadProfile } from '@/lib/schema';
import { suggestContent } from './rank';

const leads = DemoLeadsFileSchema.parse(leadsFile).leads;
const catalog = DemoContentFileSchema.parse(contentFile).items;
const lead = (id: string) => leads.find((entry) => entry.id === id)!;

describe('suggestContent', () => {
  it('suggests what fits the stated problem, quoting the lead\'s own words', () => {
    const suggestions = suggestContent(lead('lead-priya-raman'), catalog);
    expect(suggestions).toHaveLength(3);
    const reasons = suggestions.map((suggestion) => suggestion.reason).join(' | ');
    expect(reasons).toMatch(/They wrote “[^”]*(audit|access reviews|evidence)[^”]*”/i);
    expect(suggestions.every((suggestion) => suggestion.item.industries.length === 0 || suggestion.item.industries.includes('Fintech'))).toBe(true);
  });

  it('skips what the lead already read, even when the URL carried tracking parameters', () => {
    const priya = lead('lead-priya-raman');
    const readUrls = new Set(priya.pageViews.map((view) => view.url.split('?')[0]));
    for (const suggestion of suggestContent(priya, catalog, 10)) expect(readUrls.has(suggestion.item.url)).toBe(false);

    const target = catalog[0]!;
    const withTracking: LeadProfile = {
      ...priya,
      pageViews: [{ url: `${target.url}/?utm_source=x`, title: target.title, viewedAt: '2026-11-01T10:00:00Z', visitId: 'v9' }],
    };
    expect(suggestContent(withTracking, catalog, catalog.length).map((s) => s.item.id)).not.toContain(target.id);
  });

  it('gives different leads different suggestions', () => {
    const tops = leads.map((entry) => suggestContent(entry, catalog).map((s) => s.item.id).join(','));
    expect(new Set(tops).size).toBeGreaterThan(leads.length * 0.6);
    expect(suggestContent(lead('lead-marcus-oyelaran'), catalog)[0]!.item.id).not.toBe(
      suggestContent(lead('lead-priya-raman'), catalog)[0]!.item.id,
    );
  });

  it('returns nothing for an empty catalog and still ranks a lead with no history', () => {
    expect(suggestContent(lead('lead-priya-raman'), [])).toEqual([]);
    const blank: LeadProfile = { ...lead('lead-kenji-watanabe'), problems: [], pageViews: [] };
    for (const suggestion of suggestContent(blank, catalog)) expect(suggestion.reason).not.toBe('');
  });
});
