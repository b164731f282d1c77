import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tallyRollups } from './content-rollups';
import { db } from '@/lib/store/db';
import { recordContentEvent, recordSuggested } from './content-events';

const source = { channel: 'paid_search' as const, campaign: 'Q3' };

/** The rollups must always be the tally of the stored events. */
async function expectRollupsMatchEvents() {
  const stored = await db.contentRollups.toArray();
  expect(new Map(stored.map((rollup) => [`${rollup.day}\n${rollup.contentId}`, rollup]))).toEqual(tallyRollups(await db.contentEvents.toArray()));
}

describe('content events', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T10:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stores an opened or copied event with its outbox row and counts it in the day', async () => {
    await recordContentEvent({ type: 'opened', contentId: 'a', leadKey: 'salesforce:L1', source });
    await recordContentEvent({ type: 'link_copied', contentId: 'a', leadKey: 'salesforce:L1', source });
    await recordContentEvent({ type: 'opened', contentId: 'a', leadKey: 'salesforce:L2', source });
    const events = await db.contentEvents.toArray();
    expect(events).toHaveLength(3);
    expect(await db.outbox.bulkGet(events.map((event) => event.id))).toEqual(events.map(() => expect.objectContaining({ kind: 'event', state: 'queued' })));
    expect(await db.contentRollups.toArray()).toEqual([{ day: '2026-11-20', contentId: 'a', suggested: 0, opened: 2, linkCopied: 1 }]);
  });

  it('counts a suggestion once per lead, item and day, however often it is suggested', async () => {
    await recordSuggested(['a', 'b'], 'salesforce:L1', source);
    await recordSuggested(['a', 'b', 'c'], 'salesforce:L1', source);
    await recordSuggested(['a'], 'salesforce:L2', source);
    vi.setSystemTime(new Date('2026-11-21T09:00:00.000Z'));
    await recordSuggested(['a'], 'salesforce:L1', source);
    expect(await db.contentEvents.count()).toBe(5);
    expect(await db.outbox.count()).toBe(5);
    expect(await db.contentRollups.toArray()).toEqual([
      { day: '2026-11-20', contentId: 'a', suggested: 2, opened: 0, linkCopied: 0 },
      { day: '2026-11-20', contentId: 'b', suggested: 1, opened: 0, linkCopied: 0 },
      { day: '2026-11-20', contentId: 'c', suggested: 1, opened: 0, linkCopied: 0 },
      { day: '2026-11-21', contentId: 'a', suggested: 1, opened: 0, linkCopied: 0 },
    ]);
    await expectRollupsMatchEvents();
  });

  it('keeps the rollups equal to the events when writes run at once', async () => {
    await Promise.all([
      ...Array.from({ length: 20 }, (_, index) => recordContentEvent({ type: index % 2 ? 'opened' : 'link_copied', contentId: `item-${index % 3}`, source })),
      ...Array.from({ length: 20 }, (_, index) => recordSuggested([`item-${index % 4}`, 'item-9'], `salesforce:L${index % 5}`, source)),
    ]);
    // 20 opened/copied; each (lead, item) pair once (5 leads × 4 items meet once in 20 calls); item-9 once per lead.
    expect(await db.contentEvents.count()).toBe(20 + 20 + 5);
    await expectRollupsMatchEvents();
  });

  it('counts nothing when the write fails', async () => {
    // The same item twice in one call is the same event id twice: the transaction fails whole.
    await expect(recordSuggested(['a', 'a'], 'salesforce:L1', source)).rejects.toThrow();
    expect(await db.contentEvents.count()).toBe(0);
    expect(await db.contentRollups.count()).toBe(0);
  });
});
