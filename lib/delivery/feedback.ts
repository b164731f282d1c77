import { db, type OutboxRow, type StoredFeedback } from '@/lib/store/db';
import { FeedbackItemSchema, type FeedbackPayload, type LeadRef, type SourceSnapshot } from '@/lib/schema';
import type { FeedbackView } from '@/lib/messaging/messages';
import { newOutboxRow } from './outbox-row';

interface FeedbackInput {
  /** Made by the side panel, so a retried submit after a worker restart cannot store it twice. */
  id: string;
  payload: FeedbackPayload;
  lead: LeadRef;
  source: SourceSnapshot;
  rep?: string;
  /** The team posts feedback to a webhook too (this host): queue a second delivery, bound to it. */
  webhookHost?: string;
}

/**
 * Stores one piece of feedback durably, with its outbox row, and returns once the IndexedDB
 * transaction has committed: the side panel confirms only then. Storing the same id again keeps
 * the first one.
 */
export async function storeFeedback(input: FeedbackInput): Promise<FeedbackView> {
  const item = FeedbackItemSchema.parse({
    id: input.id,
    createdAt: new Date().toISOString(),
    lead: input.lead,
    source: input.source,
    rep: input.rep || undefined,
    ...input.payload,
  });
  const [stored, delivery] = await db.transaction('rw', db.feedback, db.outbox, async () => {
    const existing = await db.feedback.get(item.id);
    if (existing) return [existing, await db.outbox.get(item.id)] as const;
    const row = newOutboxRow(item.id, 'feedback');
    await db.feedback.add(item);
    await db.outbox.add(row);
    if (input.webhookHost) {
      await db.outbox.add(newOutboxRow(`webhook:${item.id}`, 'feedback', { destination: 'webhook', itemId: item.id, webhookHost: input.webhookHost }));
    }
    return [item, row] as const;
  });
  return toFeedbackView(stored, delivery);
}

/** A lead's feedback, newest first, each with where it stands on its way to marketing. */
export async function listFeedback(leadKey: string): Promise<FeedbackView[]> {
  const items = await db.feedback.where('lead.key').equals(leadKey).toArray();
  const deliveries = await db.outbox.bulkGet(items.map((item) => item.id));
  return items
    .map((item, index) => toFeedbackView(item, deliveries[index]))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function toFeedbackView(item: StoredFeedback, delivery: OutboxRow | undefined): FeedbackView {
  const { id, createdAt, lead: _lead, source: _source, rep: _rep, ...payload } = item;
  return {
    id,
    createdAt,
    payload: payload as FeedbackPayload,
    state: delivery?.state ?? 'queued',
    lastError: delivery?.lastError,
    ...(delivery?.lastErrorCoded ? { lastErrorCoded: delivery.lastErrorCoded } : {}),
    attempts: delivery?.attempts ?? 0,
  };
}
