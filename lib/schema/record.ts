import { z } from 'zod';
import { HttpUrlSchema } from './common';

export const CrmIdSchema = z.enum([
  'salesforce',
  'hubspot',
  'pipedrive',
  'zoho',
  'dynamics',
  'twenty',
  'capsule',
  'close',
  'freshsales',
  'custom',
]);
export type CrmId = z.infer<typeof CrmIdSchema>;

export const CRM_LABELS: Record<CrmId, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  zoho: 'Zoho CRM',
  dynamics: 'Dynamics 365',
  twenty: 'Twenty',
  capsule: 'Capsule',
  close: 'Close',
  freshsales: 'Freshsales',
  custom: 'Custom CRM',
};

/**
 * An address as a page may show it: on an internationalised domain too ("zoe@café-goa.example"), but
 * with a dotted domain of letters, digits and hyphens ending in a name (zod's own Unicode pattern
 * takes anything after the "@", "a@b" included).
 */
const PAGE_EMAIL = /^[^\s@"<>()[\],;:]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]{0,62}$/u;

/** What a record that is not a person is: an organisation (an account, a company) or a deal (an opportunity). */
export const NonPersonKindSchema = z.enum(['organisation', 'deal']);
export type NonPersonKind = z.infer<typeof NonPersonKindSchema>;

/** What the content script found on the page: the record from the URL, the person from the page. */
export const DetectedRecordSchema = z.object({
  crm: CrmIdSchema,
  objectType: z.string().min(1),
  recordId: z.string().min(1).max(200),
  url: HttpUrlSchema,
  // What a page shows is read as-is; an odd value is dropped rather than losing the whole record.
  name: z.string().max(300).optional().catch(undefined),
  email: z.email({ pattern: PAGE_EMAIL }).max(320).optional().catch(undefined),
  company: z.string().max(300).optional().catch(undefined),
  /** Set when the record is not a person: no lead is looked up for it, and the panel says what it is. */
  nonPerson: NonPersonKindSchema.optional(),
});
export type DetectedRecord = z.infer<typeof DetectedRecordSchema>;

/**
 * The record as a tab reports it: which record, what kind, and who. Two reports with the same
 * identity are the same news (the worker notes no change, the panel builds nothing again); a record
 * refined in place (a Capsule party found to be an organisation), or its person shown a moment after
 * the URL named it, is news. The worker and the panel both judge by this, so a field added here
 * counts for both.
 */
export function reportedIdentity(record: DetectedRecord): string {
  return JSON.stringify([recordKey(record), record.objectType, record.nonPerson, record.name, record.email, record.company]);
}

/**
 * The page a record's id belongs to: its address up to the path, without the id. Record ids are one
 * account's, and an account is a host (acme.pipedrive.com) or a part of the path (Zoho's
 * /crm/org700112233/, HubSpot's portal), so what one page showed for an id holds on another page only
 * where the two differ in nothing but the id.
 */
export function recordPlace(record: Pick<DetectedRecord, 'recordId' | 'url'>): string {
  const { origin, pathname } = new URL(record.url);
  return origin + pathname.split(record.recordId).join('');
}

/** Stable key for one CRM record: what the cache, the feedback and the Insights join on. */
export function recordKey(record: Pick<DetectedRecord, 'crm' | 'recordId' | 'url'>): string {
  // Custom sites are many CRMs under one id: the host keeps /people/123 on two of them apart.
  if (record.crm === 'custom') return `custom:${new URL(record.url).host}:${record.recordId}`;
  return `${record.crm}:${record.recordId}`;
}
