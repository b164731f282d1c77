import type { EntityTable, Table } from 'dexie';
import type { ContentEvent, ContentEventType } from '@/lib/schema';

/**
 * One content item's counts for one UTC day. Insights reads these instead of every event: a year
 * of a busy team's events is a few hundred thousand rows, its rollups a few thousand. Kept in the
 * same transaction as each event write (lib/content-events.ts), so they never disagree with it.
 */
export interface ContentRollup {
  /** YYYY-MM-DD, UTC: the day of the events' `at`. */
  day: string;
  contentId: string;
  suggested: number;
  opened: number;
  linkCopied: number;
}

export type RollupTable = Table<ContentRollup, [string, string]>;
type Countable = Pick<ContentEvent, 'type' | 'contentId' | 'at'>;

const COUNTER: Record<ContentEventType, 'suggested' | 'opened' | 'linkCopied'> = {
  suggested: 'suggested',
  opened: 'opened',
  link_copied: 'linkCopied',
};

/** The UTC day of a timestamp. Events are stamped with toISOString(), so this is nearly always a slice. */
export function eventDay(at: string): string {
  return at.length === 24 && at.endsWith('Z') ? at.slice(0, 10) : new Date(at).toISOString().slice(0, 10);
}

/** Per-day, per-item counts of some events, added to `into` (keyed "day\ncontentId"). */
export function tallyRollups(events: Iterable<Countable>, into = new Map<string, ContentRollup>()): Map<string, ContentRollup> {
  for (const event of events) {
    const day = eventDay(event.at);
    const key = `${day}\n${event.contentId}`;
    let rollup = into.get(key);
    if (!rollup) into.set(key, (rollup = { day, contentId: event.contentId, suggested: 0, opened: 0, linkCopied: 0 }));
    rollup[COUNTER[event.type]]++;
  }
  return into;
}

/** Counts newly stored events into the rollups. Call inside the transaction that stores them. */
export async function addToRollups(table: RollupTable, events: readonly Countable[]): Promise<void> {
  if (events.length === 0) return;
  const additions = [...tallyRollups(events).values()];
  const stored = await table.bulkGet(additions.map((rollup): [string, string] => [rollup.day, rollup.contentId]));
  await table.bulkPut(
    additions.map((rollup, index) => {
      const before = stored[index];
      if (!before) return rollup;
      return {
        ...before,
        suggested: before.suggested + rollup.suggested,
        opened: before.opened + rollup.opened,
        linkCopied: before.linkCopied + rollup.linkCopied,
      };
    }),
  );
}

/** Events read per step while rebuilding, so a large history never sits in memory at once. */
const REBUILD_PAGE = 10_000;

/** Replaces the rollups with counts of every stored event (the schema upgrade that added them). */
export async function rebuildRollups(events: EntityTable<ContentEvent, 'id'>, rollups: RollupTable, pageSize = REBUILD_PAGE): Promise<void> {
  const tally = new Map<string, ContentRollup>();
  let after: string | undefined;
  for (;;) {
    const page: ContentEvent[] = await (after === undefined ? events.orderBy(':id') : events.where(':id').above(after)).limit(pageSize).toArray();
    tallyRollups(page, tally);
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.id;
  }
  await rollups.clear();
  await rollups.bulkPut([...tally.values()]);
}
