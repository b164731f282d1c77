import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeadProfileSchema } from '@/lib/schema/lead';
import { mergePageViews, mergeProfiles } from './merge';

/** The same person as HubSpot and Mautic hold her: overlapping page views, each system's own score and stage. */
const fromHubSpot = LeadProfileSchema.parse({
  id: '51',
  email: 'ines.duarte@example.pt',
  name: 'Inês Duarte',
  company: 'Transportes Duarte',
  crmIds: { salesforce: '00Q5e00000AbCdE' },
  source: { channel: 'other' },
  pageViews: [
    { url: 'https://www.example.com/pricing', title: 'Pricing', viewedAt: '2026-11-20T10:00:00.000Z', visitId: 'hs-1' },
    { url: 'https://www.example.com/features/tracking', title: 'Live tracking', viewedAt: '2026-11-20T10:03:00.000Z', visitId: 'hs-1' },
  ],
  problems: [{ text: 'We find out a truck is late when the customer calls us.', form: 'Demo request', submittedAt: '2026-11-20T10:05:00.000Z' }],
  contact: { preferredChannel: 'phone', timeZone: 'Europe/Lisbon', doNotCall: false, doNotEmail: false },
  score: 72,
  stage: 'mql',
});

const fromMautic = LeadProfileSchema.parse({
  id: '9034',
  email: 'ines.duarte@example.pt',
  title: 'Diretora de Operações',
  crmIds: { salesforce: '00Q-other', hubspot: '51' },
  source: { channel: 'paid_search', campaign: 'tracking-pt', utm: { source: 'google', medium: 'cpc' } },
  pageViews: [
    // The same pricing view, logged 20 s later by Mautic's tracking pixel, with a trailing slash.
    { url: 'https://www.example.com/pricing/', title: 'Pricing & Plans', viewedAt: '2026-11-20T10:00:20.000Z', visitId: 'm-77' },
    // The same page again an hour later: another view.
    { url: 'https://www.example.com/pricing', title: 'Pricing & Plans', viewedAt: '2026-11-20T11:00:00.000Z', visitId: 'm-78' },
  ],
  problems: [{ text: '  we find out a truck is late when the customer calls us. ', form: 'Contact', submittedAt: '2026-11-20T10:05:02.000Z' }],
  contact: { doNotCall: false, doNotEmail: true },
  score: 35,
  stage: 'sql',
  qualifiedAt: '2026-11-19T08:00:00.000Z',
});

describe('mergeProfiles', () => {
  it('gives no profile when no system knows the lead', () => {
    expect(mergeProfiles([{ system: 'HubSpot', profile: null }, { system: 'Mautic', profile: null, error: 'Mautic did not answer within 8 s' }])).toBeNull();
  });

  it('keeps each score and stage next to its system, never added together', () => {
    const merged = mergeProfiles([{ system: 'HubSpot', profile: fromHubSpot }, { system: 'Mautic', profile: fromMautic }])!;
    expect(merged.systems).toEqual([
      { name: 'HubSpot', found: true, score: 72, stage: 'mql', doNotContact: false },
      { name: 'Mautic', found: true, score: 35, stage: 'sql', doNotContact: true },
    ]);
    expect(merged.score).toBe(72);
    expect(merged.stage).toBe('mql');
  });

  it('counts a page view two systems saw within a minute once, and a later view of the same page again', () => {
    const merged = mergeProfiles([{ system: 'HubSpot', profile: fromHubSpot }, { system: 'Mautic', profile: fromMautic }])!;
    expect(merged.pageViews.map((view) => [view.url, view.viewedAt])).toEqual([
      ['https://www.example.com/pricing', '2026-11-20T11:00:00.000Z'],
      ['https://www.example.com/features/tracking', '2026-11-20T10:03:00.000Z'],
      ['https://www.example.com/pricing', '2026-11-20T10:00:00.000Z'],
    ]);
  });

  it('takes the source and do-not-contact from whichever system says so', () => {
    const merged = mergeProfiles([{ system: 'HubSpot', profile: fromHubSpot }, { system: 'Mautic', profile: fromMautic }])!;
    expect(merged.source.channel).toBe('paid_search');
    expect(merged.source.campaign).toBe('tracking-pt');
    expect(merged.contact).toMatchObject({ doNotEmail: true, doNotCall: false, preferredChannel: 'phone', timeZone: 'Europe/Lisbon' });
  });

  it('fills who the lead is from the first system that says, the main source first', () => {
    const merged = mergeProfiles([{ system: 'HubSpot', profile: fromHubSpot }, { system: 'Mautic', profile: fromMautic }])!;
    expect(merged).toMatchObject({ id: '51', name: 'Inês Duarte', company: 'Transportes Duarte', title: 'Diretora de Operações' });
    expect(merged.crmIds).toEqual({ salesforce: '00Q5e00000AbCdE', hubspot: '51' });
    expect(merged.problems).toHaveLength(1);
    expect(merged.qualifiedAt).toBe('2026-11-19T08:00:00.000Z');
  });

  it("keeps every system's opt-out record, activity and unread part once each", () => {
    const hubspotPart = { ...fromHubSpot, gaps: [{ what: 'Per-page history', why: "needs HubSpot's web-analytics scope or Enterprise" }] };
    const mauticPart = {
      ...fromMautic,
      contact: { ...fromMautic.contact, optOuts: [{ channel: 'email', reason: 'unsubscribed' as const, at: '2026-11-21T09:00:00.000Z' }] },
      activities: [
        { kind: 'download' as const, title: 'SOC 2 checklist', at: '2026-11-20T10:10:00.000Z' },
        { kind: 'email_open' as const, title: 'Nurture 3', at: '2026-11-22T10:10:00.000Z', subject: 'Your checklist' },
      ],
    };
    const merged = mergeProfiles([{ system: 'HubSpot', profile: hubspotPart }, { system: 'Mautic', profile: mauticPart }])!;
    expect(merged.contact.optOuts).toEqual([{ channel: 'email', reason: 'unsubscribed', at: '2026-11-21T09:00:00.000Z' }]);
    expect(merged.activities?.map((activity) => activity.title)).toEqual(['Nurture 3', 'SOC 2 checklist']);
    expect(merged.gaps).toEqual(hubspotPart.gaps);
    expect(mergeProfiles([{ system: 'HubSpot', profile: fromHubSpot }])!.activities).toBeUndefined();
  });

  it('shows what one system knows when another fails or does not know the lead, and says which', () => {
    const merged = mergeProfiles([
      { system: 'HubSpot', profile: null, error: 'HubSpot refused the token (401)' },
      { system: 'Mautic', profile: fromMautic },
      { system: 'Typeform export', profile: null },
    ])!;
    expect(merged.id).toBe('9034');
    expect(merged.systems).toEqual([
      { name: 'HubSpot', found: false, doNotContact: false, error: 'HubSpot refused the token (401)' },
      { name: 'Mautic', found: true, score: 35, stage: 'sql', doNotContact: true },
      { name: 'Typeform export', found: false, doNotContact: false },
    ]);
    expect(LeadProfileSchema.safeParse(merged).success).toBe(true);
  });
});

const viewArb = fc.record({
  url: fc.constantFrom('https://a.example/pricing', 'https://a.example/pricing/', 'https://a.example/blog', 'https://A.example/blog#top'),
  title: fc.string({ maxLength: 20 }),
  viewedAt: fc.integer({ min: 0, max: 3_600_000 }).map((ms) => new Date(Date.UTC(2026, 10, 1) + ms).toISOString()),
  visitId: fc.constantFrom('v1', 'v2'),
});

describe('mergePageViews', () => {
  it('never keeps two views of one page within a minute, never drops a view with no such twin, newest first', () => {
    fc.assert(
      fc.property(fc.array(viewArb, { maxLength: 40 }), (views) => {
        const merged = mergePageViews(views);
        const key = (url: string) => new URL(url).pathname.replace(/\/$/, '') + new URL(url).host.toLowerCase();
        for (const [index, view] of merged.entries()) {
          const twins = merged.filter((other, at) => at !== index && key(other.url) === key(view.url) && Math.abs(Date.parse(other.viewedAt) - Date.parse(view.viewedAt)) <= 60_000);
          expect(twins).toEqual([]);
          if (index > 0) expect(merged[index - 1]!.viewedAt >= view.viewedAt).toBe(true);
        }
        // A view is only dropped for a kept view of the same page within a minute.
        for (const view of views) {
          const kept = merged.some((other) => key(other.url) === key(view.url) && Math.abs(Date.parse(other.viewedAt) - Date.parse(view.viewedAt)) <= 60_000);
          expect(kept).toBe(true);
        }
      }),
    );
  });

  it('is the identity for one system whose views are all distinct', () => {
    fc.assert(
      fc.property(fc.array(viewArb, { maxLength: 20 }), (views) => {
        const once = mergePageViews(views);
        expect(mergePageViews(once)).toEqual(once);
      }),
    );
  });
});
