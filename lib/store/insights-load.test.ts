import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordContentEvent, recordSuggested } from '@/lib/delivery/content-events';
import { db } from './db';
import { contentUsage, countEvents } from '@/lib/insights/aggregate';
import { loadInsights } from './insights-load';

const DAY = 86_400_000;
const START = Date.parse('2026-11-01T00:00:00.000Z');

describe('loadInsights', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts exactly the events from the start of the period, as counting every event would', async () => {
    // Events every few hours over ten days, with items and leads varying.
    const times: number[] = [];
    for (let index = 0; index < 120; index++) {
      const at = START + index * 2 * 3_600_000 + (index % 7) * 60_000;
      times.push(at);
      vi.setSystemTime(at);
      if (index % 3 === 0) await recordSuggested([`item-${index % 5}`, `item-${(index + 1) % 5}`], `salesforce:L${index % 4}`, {});
      else await recordContentEvent({ type: index % 2 ? 'opened' : 'link_copied', contentId: `item-${index % 6}`, source: {} });
    }
    await db.content.bulkPut([{ id: 'item-0', title: 'Item zero', type: 'guide', url: 'https://x.example/0', summary: '', topics: [], industries: [], personas: [], stages: [] }]);
    const events = await db.contentEvents.toArray();
    const catalog = await db.content.toArray();

    const periods = [
      undefined, // all time
      new Date(START + 3 * DAY + 5 * 3_600_000 + 123).toISOString(), // in the middle of a day
      new Date(times[50]!).toISOString(), // exactly at an event: it counts
      new Date(START + 4 * DAY).toISOString(), // midnight
      new Date(START - DAY).toISOString(), // before everything
      new Date(START + 30 * DAY).toISOString(), // after everything
    ];
    for (const since of periods) {
      const expected = contentUsage(catalog, countEvents(events.filter((event) => !since || event.at >= since)), []);
      const insights = await loadInsights({ since });
      expect(insights.usage, `since ${since}`).toEqual(expected);
      expect(insights.totals.events).toBe(events.filter((event) => !since || event.at >= since).length);
    }
  });

  it('takes a period start with an offset as the same instant', async () => {
    vi.setSystemTime(Date.parse('2026-11-20T01:00:00.000Z'));
    await recordContentEvent({ type: 'opened', contentId: 'a', source: {} });
    vi.setSystemTime(Date.parse('2026-11-20T03:00:00.000Z'));
    await recordContentEvent({ type: 'opened', contentId: 'a', source: {} });
    // 23:00 on the 19th at -04:00 is 03:00Z on the 20th: only the second event.
    expect((await loadInsights({ since: '2026-11-19T23:00:00-04:00' })).totals.events).toBe(1);
  });
});
