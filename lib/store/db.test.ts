import { afterEach, describe, expect, it } from 'vitest';
import { clearLocalData, db, LATEST_DB_VERSION, LeadsideDb } from './db';
import { recordContentEvent } from '@/lib/delivery/content-events';
import type { ContentEvent } from '@/lib/schema';

const event = (id: string, type: ContentEvent['type'], contentId: string, at: string): ContentEvent => ({ id, type, contentId, at, source: {} });

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => new LeadsideDb(name).delete()));
});

describe('the database upgrade to content rollups (version 6)', () => {
  it('counts the events a version-5 database holds, keeps the events and only the index Insights reads', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const old = new LeadsideDb(name, { upToVersion: 5 });
    const events = [
      event('e1', 'suggested', 'a', '2026-11-19T23:59:59.000Z'),
      event('e2', 'suggested', 'a', '2026-11-20T08:00:00.000Z'),
      event('e3', 'opened', 'a', '2026-11-20T09:00:00.000Z'),
      event('e4', 'link_copied', 'b', '2026-11-20T09:30:00.000Z'),
    ];
    await old.contentEvents.bulkAdd(events);
    expect(old.tables.map((table) => table.name)).not.toContain('contentRollups');
    old.close();

    const upgraded = new LeadsideDb(name);
    expect(LATEST_DB_VERSION).toBeGreaterThanOrEqual(6);
    expect(await upgraded.contentEvents.toArray()).toEqual(events);
    expect(await upgraded.contentEvents.where('at').aboveOrEqual('2026-11-20').count()).toBe(3);
    expect(upgraded.contentEvents.schema.indexes.map((index) => index.name)).toEqual(['at']);
    expect(await upgraded.contentRollups.toArray()).toEqual([
      { day: '2026-11-19', contentId: 'a', suggested: 1, opened: 0, linkCopied: 0 },
      { day: '2026-11-20', contentId: 'a', suggested: 1, opened: 1, linkCopied: 0 },
      { day: '2026-11-20', contentId: 'b', suggested: 0, opened: 0, linkCopied: 1 },
    ]);
    upgraded.close();
  });
});

describe('clearLocalData', () => {
  it('clears the events and their rollups with them', async () => {
    await db.delete();
    await db.open();
    await recordContentEvent({ type: 'opened', contentId: 'a', source: {} });
    expect(await db.contentRollups.count()).toBe(1);
    await clearLocalData();
    expect(await db.contentEvents.count()).toBe(0);
    expect(await db.contentRollups.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
