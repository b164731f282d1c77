import { reconnectTarget } from '@/lib/connectors/source-messages';
import { ConnectorError } from '@/lib/connectors/types';
import type { Brief } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';
import type { DataSource } from '@/lib/schema/sources';
import { asConnectorError } from '@/lib/connectors/message-codes';
import { storageErrorCode } from '@/lib/store/storage-errors';

/**
 * The brief for a lookup that failed, with what the rep can do about it: the failure's kind, when a
 * rate limit lets Leadside ask again, and for refused credentials which source to reconnect (the
 * system the error names, else the main source).
 */
export function errorBrief(record: DetectedRecord, error: unknown, main?: { kind: DataSource['kind']; label: string }): Extract<Brief, { state: 'error' }> {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ConnectorError)) {
    // Not a source's failure: the browser's storage, or a bug (its own words, after "something unexpected").
    return { state: 'error', record, error: message, errorCoded: storageErrorCode(error) ?? asConnectorError(error).coded };
  }
  const reconnect = error.kind === 'auth' ? reconnectTarget(error.system, main) : undefined;
  return {
    state: 'error',
    record,
    error: message,
    ...(error.coded ? { errorCoded: error.coded } : {}),
    errorKind: error.kind,
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    ...(reconnect ? { reconnect } : {}),
  };
}
