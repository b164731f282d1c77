import { afterEach, describe, expect, it } from 'vitest';
import { LeadsideDb } from '@/lib/store/db';
import type { ContentEvent } from '@/lib/schema';
import { addToRollups, eventDay, rebuildRollups, tallyRollups } from './content-rollups';

const event = (type: ContentEvent['type'], contentId: string, at: string, id = `${type}-${contentId}-${at}`): ContentEvent => ({ id, type, contentId, at, source: {} });

let databases: LeadsideDb[] = [];
afterEach(async () => {
  await Promise.all(databases.map((database) => database.delete()));
  databases = [];
});
function freshDb(): LeadsideDb {
  const database = new LeadsideDb(`rollups-${crypto.randomUUID()}`);
  databases.push(database);
  return database;
}

describe('content rollups', () => {
  it('count each event type per UTC day and item', () => {
    const rollups = [
      ...tallyRollups([
        event('suggested', 'a', '2026-11-20T23:59:59.999Z'),
        event('suggested', 'a', '2026-11-20T00:00:00.000Z'),
        event('opened', 'a', '2026-11-20T10:00:00.000Z'),
        event('link_copied', 'b', '2026-11-20T10:00:00.000Z'),
        event('opened', 'a', '2026-11-21T00:00:00.000Z'),
      ]).values(),
    ];
    expect(rollups).toEqual([
      { day: '2026-11-20', contentId: 'a', suggested: 2, opened: 1, linkCopied: 0 },
      { day: '2026-11-20', contentId: 'b', suggested: 0, opened: 0, linkCopied: 1 },
      { day: '2026-11-21', contentId: 'a', suggested: 0, opened: 1, linkCopied: 0 },
    ]);
  });

  it('date a timestamp with an offset by its UTC day', () => {
    expect(eventDay('2026-11-20T23:30:00-02:00')).toBe('2026-11-21');
    expect(eventDay('2026-11-20T01:30:00+02:00')).toBe('2026-11-19');
    expect(eventDay('2026-11-20T10:00:00.000Z')).toBe('2026-11-20');
  });

  it('add new events to what is stored', async () => {
    const database = freshDb();
    await addToRollups(database.contentRollups, [event('opened', 'a', '2026-11-20T10:00:00.000Z'), event('suggested', 'a', '2026-11-20T11:00:00.000Z')]);
    await addToRollups(database.contentRollups, [event('opened', 'a', '2026-11-20T12:00:00.000Z'), event('opened', 'b', '2026-11-20T12:00:00.000Z')]);
    await addToRollups(database.contentRollups, []);
    expect(await database.contentRollups.toArray()).toEqual([
      { day: '2026-11-20', contentId: 'a', suggested: 1, opened: 2, linkCopied: 0 },
      { day: '2026-11-20', contentId: 'b', suggested: 0, opened: 1, linkCopied: 0 },
    ]);
  });

  it('rebuild from every stored event, page after page, replacing what was there', async () => {
    const database = freshDb();
    const events = Array.from({ length: 103 }, (_, index) =>
      event(index % 3 === 0 ? 'opened' : 'suggested', `item-${index % 7}`, new Date(Date.UTC(2026, 10, 1 + (index % 5), 12)).toISOString(), `e-${index}`),
    );
    await database.contentEvents.bulkAdd(events);
    await database.contentRollups.put({ day: '2020-01-01', contentId: 'stale', suggested: 9, opened: 9, linkCopied: 9 });
    await rebuildRollups(database.contentEvents, database.contentRollups, 10);
    const stored = await database.contentRollups.toArray();
    expect(stored).toHaveLength(5 * 7);
    expect(new Map(stored.map((rollup) => [`${rollup.day}\n${rollup.contentId}`, rollup]))).toEqual(tallyRollups(events));
  });
});
