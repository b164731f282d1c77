import { db, type StoredFeedback } from '@/lib/db';
import { FeedbackItemSchema, type FeedbackPayload, type LeadRef, type SourceSnapshot } from '@/lib/schema';
import type { FeedbackView } from '@/lib/messages';

interface FeedbackInput {
  /** Made by the side panel, so a retried submit after a worker restart cannot store it twice. */
  id: string;
  payload: FeedbackPayload;
  lead: LeadRef;
  source: SourceSnapshot;
  rep?: string;
}

/**
 * Stores one piece of feedback durably and returns it once the IndexedDB transaction has committed:
 * the side panel confirms only then. Storing the same id again keeps the first one.
 */
export async function storeFeedback(input: FeedbackInput): Promise<StoredFeedback> {
  const item = FeedbackItemSchema.parse({
    id: input.id,
    createdAt: new Date().toISOString(),
    lead: input.lead,
    source: input.source,
    rep: input.rep || undefined,
    ...input.payload,
  });
  return db.transaction('rw', db.feedback, async () => {
    const existing = await db.feedback.get(item.id);
    if (existing) return existing;
    const stored: StoredFeedback = { ...item, delivery: { state: 'queued', attempts: 0 } };
    await db.feedback.add(stored);
    return stored;
  });
}

/** A lead's feedback, newest first. */
export async function listFeedback(leadKey: string): Promise<StoredFeedback[]> {
  const items = await db.feedback.where('lead.key').equals(leadKey).toArray();
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function toFeedbackView(item: StoredFeedback): FeedbackView {
  const { id, createdAt, delivery, lead: _lead, source: _source, rep: _rep, ...payload } = item;
  return { id, createdAt, payload: payload as FeedbackPayload, state: delivery.state, lastError: delivery.lastError };
}
