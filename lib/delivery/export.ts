import { db } from '@/lib/store/db';
import type { ContentEvent, FeedbackItem } from '@/lib/schema';
import { undeliveredItems } from './outbox';

/**
 * The feedback and content events that have not reached marketing yet, as they were given, for the
 * rep to keep as a file before clearing this browser's data.
 */
export async function exportUndelivered(): Promise<{ feedback: FeedbackItem[]; events: ContentEvent[] }> {
  const items = await undeliveredItems();
  const ids = (kind: 'feedback' | 'event') => items.filter((item) => item.kind === kind).map((item) => item.itemId);
  const [feedback, events] = await Promise.all([db.feedback.bulkGet(ids('feedback')), db.contentEvents.bulkGet(ids('event'))]);
  const present = <T>(found: (T | undefined)[]) => found.filter((item): item is T => item !== undefined);
  return { feedback: present(feedback), events: present(events) };
}
