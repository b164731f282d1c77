import { db, type OutboxRow } from './db';

/** The retention the settings start with: long enough for a quarter's follow-ups, no longer. */
export const DEFAULT_RETENTION_DAYS = 90;

/** States after which the item has reached marketing (or never will leave this browser). */
const SETTLED: ReadonlySet<OutboxRow['state']> = new Set(['sent', 'local']);

export interface Erased {
  profiles: number;
  feedback: number;
  events: number;
  looks: number;
}

/**
 * Deletes what this browser holds about leads once it is older than `days`: cached profiles, and
 * feedback, content events and first looks that have reached marketing (or stay local). Nothing
 * still waiting to be delivered is deleted, whatever its age: that is the rep's work in transit.
 * The per-day content counts stay (they name no lead).
 */
export async function purgeExpired(days: number, now = Date.now()): Promise<Erased> {
  const cutoff = new Date(now - days * 86_400_000).toISOString();
  return db.transaction('rw', [db.profiles, db.feedback, db.contentEvents, db.leadLooks, db.outbox], async () => {
    const profiles = await db.profiles.where('fetchedAt').below(cutoff).delete();
    const feedback = await deleteSettled(db.feedback.where('createdAt').below(cutoff).primaryKeys(), (id) => db.feedback.bulkDelete(id));
    const events = await deleteSettled(db.contentEvents.where('at').below(cutoff).primaryKeys(), (id) => db.contentEvents.bulkDelete(id));
    const looks = await deleteSettled(
      db.leadLooks.filter((look) => look.at < cutoff).primaryKeys(),
      (id) => db.leadLooks.bulkDelete(id),
    );
    return { profiles, feedback, events, looks };
  });
}

/**
 * Everything this browser holds about one lead (its CRM record key): the cached profile, the rep's
 * match choice, feedback, content events and first looks, with their outbox rows, delivered or not.
 * What marketing's systems already received stays there: this browser cannot erase it.
 */
export async function eraseLead(leadKey: string): Promise<Erased> {
  return db.transaction('rw', [db.profiles, db.matchOverrides, db.feedback, db.contentEvents, db.leadLooks, db.outbox], async () => {
    const profiles = await db.profiles.where('key').equals(leadKey).delete();
    await db.matchOverrides.delete(leadKey);
    const feedbackIds = await db.feedback.where('lead.key').equals(leadKey).primaryKeys();
    // Events are not indexed by lead (each index costs every event write): a scan, for a rare act.
    const eventIds = await db.contentEvents.filter((event) => event.leadKey === leadKey).primaryKeys();
    const lookIds = await db.leadLooks.filter((look) => look.lead.key === leadKey).primaryKeys();
    const ids = [...feedbackIds, ...eventIds, ...lookIds];
    await db.outbox.bulkDelete([...ids, ...feedbackIds.map((id) => `webhook:${id}`)]);
    await Promise.all([db.feedback.bulkDelete(feedbackIds), db.contentEvents.bulkDelete(eventIds), db.leadLooks.bulkDelete(lookIds)]);
    return { profiles, feedback: feedbackIds.length, events: eventIds.length, looks: lookIds.length };
  });
}

/**
 * Of the items with these ids, deletes those whose every outbox row (the source's, and a webhook
 * copy's) has settled, with those rows. Items without a row (stored before the outbox) count as settled.
 */
async function deleteSettled(keys: Promise<string[]>, deleteItems: (ids: string[]) => Promise<void>): Promise<number> {
  const ids = await keys;
  if (!ids.length) return 0;
  const rows = await db.outbox.bulkGet([...ids, ...ids.map((id) => `webhook:${id}`)]);
  const waiting = new Set(rows.flatMap((row) => (row && !SETTLED.has(row.state) ? [row.itemId ?? row.id] : [])));
  const settled = ids.filter((id) => !waiting.has(id));
  await db.outbox.bulkDelete([...settled, ...settled.map((id) => `webhook:${id}`)]);
  await deleteItems(settled);
  return settled.length;
}
