import type { OutboxRow } from '@/lib/db';

/** A fresh outbox row: queued, due at once. */
export function newOutboxRow(id: string, kind: OutboxRow['kind']): OutboxRow {
  return { id, kind, state: 'queued', attempts: 0, nextAttemptAt: 0, unclear: false };
}
