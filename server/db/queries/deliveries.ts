import { sql, type Kysely, type Transaction } from 'kysely';
import type { ContentEvent, FeedbackItem, LeadLook } from '@/lib/schema';
import type { NewContentEvent, NewFeedback, Tables } from '../tables';
import { isForwarded, queueForwards } from './forwards';
import { normalizeRecordId } from './profiles';

export type Delivery =
  | { kind: 'feedback'; id: string; item: FeedbackItem }
  | { kind: 'event'; id: string; item: ContentEvent }
  | { kind: 'look'; id: string; item: LeadLook };

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
      teamId,
      fresh.flatMap((delivery) => (delivery.kind === 'feedback' ? [{ row: feedbackRow(teamId, userId, delivery.id, delivery.item), lead: delivery.item.lead }] : [])),
    );
    await insertEvents(
      trx,
      fresh.flatMap((delivery) => (delivery.kind === 'event' ? [eventRow(teamId, userId, delivery.id, delivery.item)] : [])),
    );
    await recordLooks(
      trx,
      teamId,
      userId,
      fresh.flatMap((delivery) => (delivery.kind === 'look' ? [delivery.item] : [])),
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
    reasons: item.kind === 'verdict' ? JSON.stringify(item.reasons) : null,
    note: item.kind === 'verdict' ? (item.note ?? null) : null,
    profile_id: item.lead.profileId ?? null,
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

async function insertFeedback(trx: Transaction<Tables>, teamId: string, items: { row: NewFeedback; lead: FeedbackItem['lead'] }[]): Promise<void> {
  if (items.length === 0) return;
  const profiles = await resolveProfiles(
    trx,
    teamId,
    items.filter(({ row }) => !row.profile_id).map(({ lead }) => lead),
  );
  const rows = items.map(({ row, lead }) => ({
    ...row,
    profile_id: row.profile_id ?? profiles(lead) ?? null,
    reasons: row.reasons === null || row.reasons === undefined ? null : sql<string>`cast(${row.reasons} as text)::jsonb`,
  }));
  await trx.insertInto('feedback').values(rows).execute();
}

/**
 * The profile of leads whose item named none (an older extension, or a record the brief did not
 * match then): the record's known CRM id, else the lead's e-mail, as a profile lookup finds it. Two
 * queries per batch whatever its size; what stays unknown stays null.
 */
async function resolveProfiles(trx: Transaction<Tables>, teamId: string, leads: FeedbackItem['lead'][]): Promise<(lead: FeedbackItem['lead']) => string | undefined> {
  const recordKey = (crm: string, recordId: string) => `${crm}\n${recordId}`;
  const records = [...new Map(leads.map((lead) => [recordKey(lead.crm, normalizeRecordId(lead.crm, lead.recordId)), { crm: lead.crm, recordId: normalizeRecordId(lead.crm, lead.recordId) }])).values()];
  const emails = [...new Set(leads.flatMap((lead) => (lead.email ? [lead.email.trim().toLowerCase()] : [])))];
  const [byRecord, byEmail] = await Promise.all([
    records.length === 0
      ? []
      : trx
          .selectFrom('profile_crm_ids')
          .select(['crm', 'record_id', 'profile_id'])
          .where('team_id', '=', teamId)
          .where((eb) => eb.or(records.map(({ crm, recordId }) => eb.and([eb('crm', '=', crm), eb('record_id', '=', recordId)]))))
          .execute(),
    emails.length === 0
      ? []
      : trx.selectFrom('profiles').select(['email_lower', 'id']).where('team_id', '=', teamId).where('email_lower', 'in', emails).orderBy('id', 'desc').execute(),
  ]);
  const recordProfiles = new Map(byRecord.map((row) => [recordKey(row.crm, row.record_id), row.profile_id]));
  // Ordered by id descending, so the smallest id of two profiles sharing an e-mail wins, as in findProfileForRecord.
  const emailProfiles = new Map(byEmail.map((row) => [row.email_lower ?? '', row.id]));
  return (lead) => recordProfiles.get(recordKey(lead.crm, normalizeRecordId(lead.crm, lead.recordId))) ?? (lead.email ? emailProfiles.get(lead.email.trim().toLowerCase()) : undefined);
}

/**
 * The first time this rep opened each lead's record: an earlier look than the stored one (items can
 * arrive out of order from an outbox) moves the time back; a later one changes nothing.
 */
async function recordLooks(trx: Transaction<Tables>, teamId: string, userId: string, looks: LeadLook[]): Promise<void> {
  // One upsert may not touch a row twice: the earliest look per lead in the batch goes in.
  const earliest = new Map<string, LeadLook>();
  for (const look of looks) {
    const known = earliest.get(look.lead.profileId);
    if (!known || Date.parse(look.at) < Date.parse(known.at)) earliest.set(look.lead.profileId, look);
  }
  if (earliest.size === 0) return;
  await trx
    .insertInto('lead_looks')
    .values(
      [...earliest.values()]
        .sort((a, b) => (a.lead.profileId < b.lead.profileId ? -1 : 1))
        .map((look) => ({
          team_id: teamId,
          profile_id: look.lead.profileId,
          user_id: userId,
          first_at: look.at,
          lead_key: look.lead.key,
          lead_label: look.lead.name ?? look.lead.email ?? look.lead.recordId,
          channel: look.source.channel ?? null,
          campaign: look.source.campaign ?? null,
        })),
    )
    .onConflict((oc) =>
      oc
        .columns(['team_id', 'profile_id', 'user_id'])
        .doUpdateSet((eb) => ({
          first_at: eb.ref('excluded.first_at'),
          lead_key: eb.ref('excluded.lead_key'),
          lead_label: eb.ref('excluded.lead_label'),
          channel: eb.ref('excluded.channel'),
          campaign: eb.ref('excluded.campaign'),
        }))
        .whereRef('excluded.first_at', '<', 'lead_looks.first_at'),
    )
    .execute();
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
  // Per rep and lead source too, for the dashboard (migration 0008); rows in key order as above.
  const bySource = new Map<string, { team_id: string; day: string; user_id: string; channel: string; suggested: number; opened: number; link_copied: number }>();
  for (const row of rows) {
    const day = utcDay(row.at);
    const channel = row.channel ?? '';
    const key = `${day}\n${row.user_id}\n${channel}`;
    let entry = bySource.get(key);
    if (!entry) bySource.set(key, (entry = { team_id: row.team_id, day, user_id: row.user_id, channel, suggested: 0, opened: 0, link_copied: 0 }));
    entry[row.type]++;
  }
  await trx
    .insertInto('content_source_daily')
    .values([...bySource.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry))
    .onConflict((oc) =>
      oc.columns(['team_id', 'day', 'user_id', 'channel']).doUpdateSet((eb) => ({
        suggested: eb('content_source_daily.suggested', '+', eb.ref('excluded.suggested')),
        opened: eb('content_source_daily.opened', '+', eb.ref('excluded.opened')),
        link_copied: eb('content_source_daily.link_copied', '+', eb.ref('excluded.link_copied')),
      })),
    )
    .execute();
}

/** The UTC calendar day of an instant, the rollups' day. */
export const utcDay = (at: Date | string): string => new Date(at).toISOString().slice(0, 10);
