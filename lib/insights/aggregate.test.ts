import { describe, expect, it } from 'vitest';
import type { ContentEvent, ContentItem, FeedbackItem } from '@/lib/schema';
import { contentUsage, countEvents, fieldRequests, leadQuality, neverUsed } from './aggregate';

const item = (id: string): ContentItem => ({ id, title: `Title ${id}`, type: 'guide', url: `https://x.example/${id}`, summary: '', topics: [], industries: [], personas: [], stages: [] });
const event = (type: ContentEvent['type'], contentId: string, n: number): ContentEvent => ({ id: `${type}-${contentId}-${n}`, type, contentId, at: '2026-11-20T10:00:00.000Z', source: {} });
let sequence = 0;
const feedback = (lead: string, payload: Record<string, unknown>, source = { channel: 'paid_search' as const, campaign: 'Q3' }, createdAt?: string): FeedbackItem =>
  ({
    id: `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
    createdAt: createdAt ?? `2026-11-20T10:00:${String(sequence).padStart(2, '0')}.000Z`,
    lead: { key: lead, crm: 'salesforce', recordId: lead },
    source,
    ...payload,
  }) as FeedbackItem;

describe('contentUsage and neverUsed', () => {
  it('counts each event type and the latest rating per lead and item', () => {
    const rows = contentUsage(
      [item('a'), item('b'), item('c')],
      countEvents([event('suggested', 'a', 1), event('suggested', 'a', 2), event('opened', 'a', 1), event('link_copied', 'b', 1)]),
      [
        feedback('L1', { kind: 'content_rating', contentId: 'a', useful: false }),
        feedback('L1', { kind: 'content_rating', contentId: 'a', useful: true }),
        feedback('L2', { kind: 'content_rating', contentId: 'a', useful: true }),
      ],
    );
    expect(rows.find((row) => row.contentId === 'a')).toMatchObject({ suggested: 2, opened: 1, linkCopied: 0, useful: 2, notUseful: 0 });
    expect(rows.find((row) => row.contentId === 'b')).toMatchObject({ linkCopied: 1 });
    expect(neverUsed(rows).map((row) => row.contentId)).toEqual(['c']);
  });

  it('adds up several counts of one item (one per day, as the stored rollups are)', () => {
    const days = [
      { contentId: 'a', suggested: 3, opened: 1, linkCopied: 0 },
      { contentId: 'a', suggested: 2, opened: 0, linkCopied: 4 },
    ];
    expect(contentUsage([item('a')], days, [])[0]).toMatchObject({ suggested: 5, opened: 1, linkCopied: 4 });
  });

  it('keeps counts for items no longer in the catalog under their id', () => {
    expect(contentUsage([], countEvents([event('opened', 'gone', 1)]), [])).toEqual([
      expect.objectContaining({ contentId: 'gone', title: 'gone', opened: 1 }),
    ]);
  });
});

describe('leadQuality', () => {
  it('counts each lead once, with its latest verdict, under the source it had then', () => {
    const items = [
      feedback('L1', { kind: 'verdict', verdict: 'good_fit', reasons: [] }),
      feedback('L1', { kind: 'verdict', verdict: 'demo_booked', reasons: [] }),
      feedback('L2', { kind: 'verdict', verdict: 'bad_data', reasons: [] }),
      feedback('L3', { kind: 'verdict', verdict: 'not_a_fit', reasons: [] }, { channel: 'webinar' as const, campaign: 'Oct webinar' } as never),
      feedback('L4', { kind: 'content_request', text: 'x' }),
    ];
    const byChannel = leadQuality(items, 'channel');
    expect(byChannel[0]).toMatchObject({ key: 'paid_search', label: 'Paid search', leads: 2, verdicts: { demo_booked: 1, bad_data: 1, good_fit: 0 } });
    expect(byChannel[1]).toMatchObject({ key: 'webinar', leads: 1, verdicts: { not_a_fit: 1 } });
    expect(leadQuality(items, 'campaign').map((row) => row.label)).toEqual(['Q3', 'Oct webinar']);
  });

  it('groups feedback without a source as Unknown', () => {
    expect(leadQuality([feedback('L9', { kind: 'verdict', verdict: 'not_ready', reasons: [] }, {} as never)], 'campaign')[0]).toMatchObject({ label: 'Unknown', leads: 1 });
  });
});

describe('fieldRequests', () => {
  it('lists requests and questions newest first', () => {
    const rows = fieldRequests([
      feedback('L1', { kind: 'content_request', text: 'older' }, undefined, '2026-11-01T00:00:00.000Z'),
      feedback('L1', { kind: 'prospect_question', text: 'newer' }, undefined, '2026-11-02T00:00:00.000Z'),
      feedback('L1', { kind: 'verdict', verdict: 'good_fit', reasons: [] }),
    ]);
    expect(rows.map((row) => row.text)).toEqual(['newer', 'older']);
  });
});
