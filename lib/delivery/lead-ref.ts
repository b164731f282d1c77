import type { LeadProfile, LeadRef } from '@/lib/schema';
import { recordKey, type DetectedRecord } from '@/lib/schema/record';

/**
 * The lead as feedback and looks name it: the CRM record, the person as the page showed them (or as
 * marketing knows them, when the page has not rendered them yet), and the marketing profile the
 * brief showed, which is how the team server ties the record to the lead marketing qualified.
 */
export function leadRefFor(record: DetectedRecord, profile: LeadProfile | null | undefined): LeadRef {
  return {
    key: recordKey(record),
    crm: record.crm,
    recordId: record.recordId,
    email: record.email ?? profile?.email,
    name: record.name ?? profile?.name,
    ...(profile ? { profileId: profile.id } : {}),
  };
}
