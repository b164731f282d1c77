import type { LeadProfile } from '@/lib/schema';
import { canonicalGuid } from '@/lib/leads/crm-record';
import { isSalesforceId } from '@/lib/leads/salesforce-id';

/**
 * The key a CRM record id is looked up by. Salesforce shows an id with 15 case-sensitive characters
 * (Classic URLs, reports) or 18 (Lightning URLs, the API: the same 15 plus a case checksum), and
 * exports use either, so both stand for their first 15. A GUID (Dynamics 365's ids) stands for its
 * bare lower-case form, as the CRM's page reports it, whether a file holds it braced or in capitals
 * (Dataverse exports and URLs often do); that holds for every CRM, since no Salesforce id is GUID-shaped.
 */
export function crmKey(crm: string, recordId: string): string {
  return `crm:${crm}:${canonicalRecordId(crm, recordId)}`;
}

function canonicalRecordId(crm: string, recordId: string): string {
  if (crm === 'salesforce' && recordId.length === 18 && isSalesforceId(recordId)) return recordId.slice(0, 15);
  return canonicalGuid(recordId) ?? recordId;
}

/** E-mail lookups ignore case. */
export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;

/** Every key a profile is found by (in the `keys` store): its CRM record ids, then its e-mail. */
export function profileLookupKeys(profile: Pick<LeadProfile, 'crmIds' | 'email'>): string[] {
  const keys: string[] = [];
  for (const crm in profile.crmIds) if (Object.hasOwn(profile.crmIds, crm)) keys.push(crmKey(crm, profile.crmIds[crm]!));
  if (profile.email) keys.push(emailKey(profile.email));
  return keys;
}

/** How a page-view file names a lead: by profile id, or by e-mail (then matched ignoring case). */
export const viewsById = (profileId: string) => `id:${profileId}`;
export const viewsByEmail = (email: string) => `email:${email.trim().toLowerCase()}`;

/** The page-view lists that belong to a profile. */
export function pageViewOwnerKeys(profile: Pick<LeadProfile, 'id' | 'email'>): string[] {
  return profile.email ? [viewsById(profile.id), viewsByEmail(profile.email)] : [viewsById(profile.id)];
}
