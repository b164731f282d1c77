import type { Kysely, Transaction } from 'kysely';
import type { ContentEvent, FeedbackItem } from '@/lib/schema';
import type { NewContentEvent, NewFeedback, Tables } from '../tables';
import { isForwarded, queueForwards } from './forwards';

export type Delivery = { kind: 'feedback'; id: string; item: FeedbackItem } | { kind: 'event'; id: string; item: ContentEvent };

/**
 * Stores a batch of deliveries in one transaction and says, per id, whether it was new. The primary
 * key (team_id, id) of `deliveries` is the exactly-once guarantee: `on conflict do nothing returning`
 * tells stored from duplicate even when two requests race (the second waits for the first to commit,
 * then skips). Only newly stored items become feedback or content-event rows, and their daily
 * rollups are updated in the same transaction, so the rollups never count an event twice or miss one.
 */
export async function storeDeliveries(
  db: Kysely<Tables>,
  teamId: string,
  userId: string,
  deliveries: readonly Delivery[],
): Promise<Map<string, 'stored' | 'duplicate'>> {
  const outcome = new Map<string, 'stored' | 'duplicate'>();
  // The first of two items with one id in a batch is the one stored.
  const first = [...new Map(deliveries.toReversed().map((delivery) => [delivery.id, delivery])).values()].toReversed();
  // Rows are written in key order so two concurrent batches lock shared keys in the same order and
  // cannot deadlock each other.
  const inKeyOrder = first.toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (first.length === 0) return outcome;

  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('deliveries')
      .values(inKeyOrder.map((delivery) => ({ team_id: teamId, id: delivery.id, kind: delivery.kind, user_id: userId, payload: JSON.stringify(delivery.item) })))
      .onConflict((oc) => oc.columns(['team_id', 'id']).doNothing())
      .returning('id')
      .execute();
    const stored = new Set(inserted.map((row) => row.id));
    const fresh = inKeyOrder.filter((delivery) => stored.has(delivery.id));
    await insertFeedback(
      trx,
      fresh.flatMap((delivery) => (delivery.kind === 'feedback' ? [feedbackRow(teamId, userId, delivery.id, delivery.item)] : [])),
    );
    await insertEvents(
      trx,
      fresh.flatMap((delivery) => (delivery.kind === 'event' ? [eventRow(teamId, userId, delivery.id, delivery.item)] : [])),
    );
    // Verdicts and field requests go on to the team's own systems: queued with the rows themselves,
    // so a crash after the commit loses none, and only fresh ones, so a duplicate is never re-sent.
    await queueForwards(
      trx,
      teamId,
      fresh.flatMap((delivery) => (delivery.kind === 'feedback' && isForwarded(delivery.item) ? [delivery.id] : [])),
    );
    for (const delivery of first) outcome.set(delivery.id, stored.has(delivery.id) ? 'stored' : 'duplicate');
  });
  return outcome;
}

function feedbackRow(teamId: string, userId: string, id: string, item: FeedbackItem): NewFeedback {
  return {
    team_id: teamId,
    id,
    user_id: userId,
    lead_key: item.lead.key,
    lead_label: item.lead.name ?? item.lead.email ?? item.lead.recordId,
    kind: item.kind,
    verdict: item.kind === 'verdict' ? item.verdict : null,
    content_id: item.kind === 'content_rating' ? item.contentId : null,
    useful: item.kind === 'content_rating' ? item.useful : null,
    text: item.kind === 'content_request' || item.kind === 'prospect_question' ? item.text : null,
    channel: item.source.channel ?? null,
    campaign: item.source.campaign ?? null,
    created_at: item.createdAt,
  };
}

function eventRow(teamId: string, userId: string, id: string, event: ContentEvent): NewContentEvent {
  return {
    team_id: teamId,
    id,
    user_id: userId,
    content_id: event.contentId,
    type: event.type,
    at: event.at,
    lead_key: event.leadKey ?? null,
    channel: event.source.channel ?? null,
    campaign: event.source.campaign ?? null,
  };
}

async function insertFeedback(trx: Transaction<Tables>, rows: NewFeedback[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('feedback').values(rows).execute();
}

/** The events, and their counts added to the per-day rollup in the same statement batch. */
async function insertEvents(trx: Transaction<Tables>, rows: NewContentEvent[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('content_events').values(rows).execute();
  // Summed here first: one upsert may not touch the same rollup row twice.
  const daily = new Map<string, { team_id: string; day: string; content_id: string; user_id: string; suggested: number; opened: number; link_copied: number }>();
  for (const row of rows) {
    const day = utcDay(row.at);
    const key = `${day}\n${row.content_id}\n${row.user_id}`;
    let entry = daily.get(key);
    if (!entry) daily.set(key, (entry = { team_id: row.team_id, day, content_id: row.content_id, user_id: row.user_id, suggested: 0, opened: 0, link_copied: 0 }));
    entry[row.type]++;
  }
  await trx
    .insertInto('content_daily')
    .values([...daily.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry))
    .onConflict((oc) =>
      oc.columns(['team_id', 'day', 'content_id', 'user_id']).doUpdateSet((eb) => ({
        suggested: eb('content_daily.suggested', '+', eb.ref('excluded.suggested')),
        opened: eb('content_daily.opened', '+', eb.ref('excluded.opened')),
        link_copied: eb('content_daily.link_copied', '+', eb.ref('excluded.link_copied')),
      })),
    )
    .execute();
}

/** The UTC calendar day of an instant, the rollups' day. */
export const utcDay = (at: Date | string): string => new Date(at).toISOString().slice(0, 10);
