import { recordFirstLook } from '@/lib/delivery/looks';
import type { Brief, LeadProfile } from '@/lib/schema';
import type { DataSource } from '@/lib/schema/sources';
import type { DetectedRecord } from '@/lib/schema/record';
import { loadSettings } from '@/lib/store/settings';
import { deliverDue } from './delivery';

/**
 * The sources that take a rep's first looks: the ones that collect every rep's deliveries (the
 * Leadside server; a team's REST gateway speaking the same contract). A vendor (HubSpot, Mautic)
 * has no place for them, and the demo data and imported files have nobody to tell.
 */
const TAKES_LOOKS: ReadonlySet<DataSource['kind']> = new Set(['leadside', 'rest']);

/**
 * The rep has the lead's brief (or glance) in front of them: the first time for this marketing
 * profile, tell the source, so marketing can time how fast sales looked at a qualified lead. A miss
 * is no look at a lead. Never throws: a look that could not be recorded must not cost the brief.
 */
export async function noteLook(record: DetectedRecord, profile: LeadProfile | null | undefined): Promise<void> {
  if (!profile) return;
  try {
    if (!TAKES_LOOKS.has((await loadSettings()).source.kind)) return;
    if (await recordFirstLook(record, profile)) void deliverDue();
  } catch (error) {
    console.warn('Leadside: could not record the look at this lead', error instanceof Error ? error.message : error);
  }
}

/** noteLook for a brief the panel is about to show. */
export function noteLookAtBrief(brief: Brief): void {
  if (brief.state === 'found') void noteLook(brief.record, brief.profile);
}
