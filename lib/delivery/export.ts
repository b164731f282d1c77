import { db } from '@/lib/store/db';
import type { ContentEvent, FeedbackItem } from '@/lib/schema';
import { undeliveredRows } from './outbox';

/**
 * The feedback and content events that have not reached marketing yet, as they were given (webhook
 * copies name the same items, so each item appears once), for the rep to keep as a file before
 * clearing this browser's data.
 */
export async function exportUndelivered(): Promise<{ feedback: FeedbackItem[]; events: ContentEvent[] }> {
  const rows = await undeliveredRows();
  const ids = (kind: 'feedback' | 'event') => [...new Set(rows.filter((row) => row.kind === kind).map((row) => row.itemId ?? row.id))];
  const [feedback, events] = await Promise.all([db.feedback.bulkGet(ids('feedback')), db.contentEvents.bulkGet(ids('event'))]);
  const present = <T>(items: (T | undefined)[]) => items.filter((item): item is T => item !== undefined);
  // Stored feedback carries the delivery view's extra fields; the export is the item itself.
  return { feedback: present(feedback).map(({ ...item }) => item as FeedbackItem), events: present(events) };
}
