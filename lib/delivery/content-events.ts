import { addToRollups } from './content-rollups';
import { db } from '@/lib/store/db';
import { newOutboxRow } from './outbox-row';
import type { ContentEventType, SourceSnapshot } from '@/lib/schema';

interface EventInput {
  type: ContentEventType;
  contentId: string;
  leadKey?: string;
  source: SourceSnapshot;
}

/**
 * Records that a rep opened or copied a content item. Each event is its own row, with its outbox
 * row, and is counted in the day's rollup in the same transaction.
 */
export async function recordContentEvent(input: EventInput): Promise<void> {
  const event = { ...input, id: crypto.randomUUID(), at: new Date().toISOString() };
  await db.transaction('rw', db.contentEvents, db.outbox, db.contentRollups, () =>
    // Issued together: the transaction commits all three or none, and waits for one round trip, not three.
    Promise.all([db.contentEvents.add(event), db.outbox.add(newOutboxRow(event.id, 'event')), addToRollups(db.contentRollups, [event])]),
  );
}

/**
 * Records that items were suggested for a lead: once per lead, item and day, however often the
 * panel re-renders, so "suggested" counts what reps were shown, not how often they switched tabs.
 */
export async function recordSuggested(contentIds: readonly string[], leadKey: string, source: SourceSnapshot): Promise<void> {
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  const rows = contentIds.map((contentId) => ({
    id: `suggested:${leadKey}:${contentId}:${day}`,
    type: 'suggested' as const,
    contentId,
    leadKey,
    source,
    at: now.toISOString(),
  }));
  await db.transaction('rw', db.contentEvents, db.outbox, db.contentRollups, async () => {
    const existing = new Set(
      (await db.contentEvents.bulkGet(rows.map((row) => row.id))).flatMap((row) => (row ? [row.id] : [])),
    );
    const added = rows.filter((row) => !existing.has(row.id));
    if (added.length === 0) return;
    // Only what was added is counted: a suggestion already recorded today is not counted again.
    await Promise.all([
      db.contentEvents.bulkAdd(added),
      db.outbox.bulkAdd(added.map((row) => newOutboxRow(row.id, 'event'))),
      addToRollups(db.contentRollups, added),
    ]);
  });
}
