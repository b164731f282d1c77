import { CHANNEL_LABELS, type Glance, type LeadProfile } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';

/**
 * The three things the pill on the CRM page says: who, how they found us, and the one signal a rep
 * must not miss (do-not-contact first, then the strongest recent intent).
 */
export function glanceFor(record: DetectedRecord, profile: LeadProfile): Glance {
  const { contact } = profile;
  const doNot = [contact.doNotCall && 'call', contact.doNotEmail && 'email'].filter(Boolean);
  const signal = doNot.length
    ? `Do not ${doNot.join(' or ')}`
    : profile.highIntent[0]?.label ?? (profile.problems.length ? 'Stated a problem' : undefined);
  return {
    name: record.name ?? profile.name ?? record.recordId,
    source: CHANNEL_LABELS[profile.source.channel],
    signal,
  };
}
