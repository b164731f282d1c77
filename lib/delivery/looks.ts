import { LeadLookSchema, type LeadLook, type LeadProfile } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';
import { sourceSnapshot } from '@/lib/leads/source-snapshot';
import { db } from '@/lib/store/db';
import { leadRefFor } from './lead-ref';
import { newOutboxRow } from './outbox-row';

/**
 * Records that the rep looked at a lead marketing knows, the first time only: this install reports
 * each marketing profile once (the team server keeps each rep's earliest look, which starts its
 * follow-up clock, so a later one would change nothing). The look and its outbox row are written in
 * one transaction, like feedback. Resolves to the look when it was the first, else undefined.
 */
export async function recordFirstLook(record: DetectedRecord, profile: LeadProfile, at: Date = new Date()): Promise<LeadLook | undefined> {
  const look = LeadLookSchema.parse({
    id: crypto.randomUUID(),
    at: at.toISOString(),
    lead: leadRefFor(record, profile),
    source: sourceSnapshot(profile),
  });
  return db.transaction('rw', db.leadLooks, db.outbox, async () => {
    if ((await db.leadLooks.where('lead.profileId').equals(profile.id).count()) > 0) return undefined;
    await Promise.all([db.leadLooks.add(look), db.outbox.add(newOutboxRow(look.id, 'look'))]);
    return look;
  });
}
