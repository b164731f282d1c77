import { loadSettings } from '@/lib/store/settings';
import { purgeExpired } from '@/lib/store/retention';

export const RETENTION_ALARM = 'leadside-retention';

/** Deletes delivered lead data older than the rep's retention setting. Never throws: it runs unattended. */
export async function purgeByRetention(): Promise<void> {
  try {
    const { retentionDays } = await loadSettings();
    await purgeExpired(retentionDays);
  } catch (error) {
    console.warn('Leadside: could not delete old lead data:', error instanceof Error ? error.message : error);
  }
}
