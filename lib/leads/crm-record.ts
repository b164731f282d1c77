import type { LeadProfile } from '@/lib/schema';
import { sameSalesforceId } from './salesforce-id';

/**
 * Whether marketing's system itself ties the lead to this CRM record: the profile holds the record's
 * id for that CRM (synced from the CRM, or imported with it). A lead found by e-mail, or by a record id
 * the profile does not hold, is not: the page that showed the address is what tied them.
 */
export function isTiedToRecord(profile: Pick<LeadProfile, 'crmIds'>, record: { crm: string; recordId: string }): boolean {
  const stored = profile.crmIds[record.crm]?.trim();
  if (!stored) return false;
  // Salesforce ids are case-sensitive and come in two lengths; the other CRMs' ids (numbers, GUIDs,
  // Close's `lead_…`) are not case-sensitive where they have letters at all.
  return record.crm === 'salesforce' ? sameSalesforceId(stored, record.recordId) : stored.toLowerCase() === record.recordId.toLowerCase();
}
