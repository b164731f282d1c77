import { leadConnector } from './connectors';
import type { CapabilityCheck } from '@/lib/connectors/types';
import { db } from '@/lib/store/db';
import { retryFailed } from '@/lib/delivery/outbox';
import { loadSettings } from '@/lib/store/settings';
import { deliverDue } from './delivery';
import { forgetRequestStatuses } from './request-statuses';
import { asConnectorError } from '@/lib/connectors/message-codes';

/** Runs the configured sources' connection test, one line per capability (per system, when several are read). */
export async function testConnection(): Promise<CapabilityCheck[]> {
  try {
    const { connector } = await leadConnector(await loadSettings());
    return await connector.testConnection(AbortSignal.timeout(30_000));
  } catch (error) {
    const { message, coded } = asConnectorError(error);
    return (['auth', 'lookup', 'content', 'write'] as const).map((capability) => ({ capability, ok: false, message, ...(coded ? { coded } : {}) }));
  }
}

/**
 * After the admin changes the source: briefs, catalog and request statuses cached from the old one no longer hold,
 * and feedback that failed (a wrong token, say) gets another chance with the new settings.
 */
export async function sourceChanged(): Promise<void> {
  await db.transaction('rw', db.profiles, db.catalogMeta, async () => {
    await db.profiles.clear();
    await db.catalogMeta.clear();
  });
  forgetRequestStatuses();
  await retryFailed();
  void deliverDue();
}
