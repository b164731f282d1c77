import type { LeadProfile } from '@/lib/schema';
import { salesforceIdForms, sameSalesforceId } from './salesforce-id';

/** A Dynamics (Dataverse) record id: a GUID, shown bare or in braces, in either case. */
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/**
 * A GUID-shaped id as one text, bare and lower case (RFC 4122: a UUID's hex digits are case-
 * insensitive), else undefined. No Salesforce id is GUID-shaped, so this holds for every CRM.
 */
export function canonicalGuid(id: string): string | undefined {
  return GUID.exec(id)?.[1]?.toLowerCase();
}

/**
 * The forms a system that synced a CRM's record id may hold it in, the id as given first: Salesforce's
 * 15 and 18 characters; a GUID bare or in braces, lower or upper case (Dataverse's own API writes it
 * bare and lower, its URLs and exports often braced or upper). Any other id as it is.
 */
export function crmIdForms(crm: string, id: string): string[] {
  if (crm === 'salesforce') return salesforceIdForms(id);
  const guid = GUID.exec(id)?.[1];
  if (!guid) return [id];
  const lower = guid.toLowerCase();
  const upper = guid.toUpperCase();
  return [...new Set([id, lower, upper, `{${lower}}`, `{${upper}}`])];
}

/**
 * Whether a stored id and a record's id name one record: Salesforce's by its first 15 (case-sensitive)
 * characters, a GUID whatever its braces and case, and the other CRMs' ids (numbers, Close's
 * `lead_…`) as they are, case aside.
 */
export function sameCrmId(crm: string, stored: string | undefined, id: string): boolean {
  const kept = stored?.trim();
  if (!kept) return false;
  if (crm === 'salesforce') return sameSalesforceId(kept, id);
  const guid = (value: string) => canonicalGuid(value) ?? value.toLowerCase();
  return guid(kept) === guid(id.trim());
}

/**
 * Whether marketing's system itself ties the lead to this CRM record: the profile holds the record's
 * id for that CRM (synced from the CRM, or imported with it). A lead found by e-mail, or by a record id
 * the profile does not hold, is not: the page that showed the address is what tied them.
 */
export function isTiedToRecord(profile: Pick<LeadProfile, 'crmIds'>, record: { crm: string; recordId: string }): boolean {
  return sameCrmId(record.crm, profile.crmIds[record.crm], record.recordId);
}
