/**
 * A Salesforce record id in both of its forms. Salesforce shows one record by 15 case-sensitive
 * characters (Classic URLs, reports, old `one.app` links) or by 18 (Lightning URLs and the API: the 15
 * plus three characters encoding their case). A system synced through the API stores the 18; one fed
 * from reports or Classic links, the 15: a lookup asks for both.
 */
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const CASE_CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Whether `id` is shaped like a Salesforce record id (15 or 18 letters and digits). */
export const isSalesforceId = (id: string): boolean => SALESFORCE_ID.test(id);

/** Whether two ids name one record: their first 15 characters are the id, the rest its case checksum. */
export const sameSalesforceId = (stored: string | undefined, id: string): boolean => !!stored && stored.trim().slice(0, 15) === id.slice(0, 15);

/** The id as given first, then its other form; just the id when it is no Salesforce id. */
export function salesforceIdForms(id: string): string[] {
  if (!isSalesforceId(id)) return [id];
  const short = id.slice(0, 15);
  // Salesforce's documented conversion: each five characters give one, a bit set for each capital.
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let index = 0; index < 5; index++) if (/[A-Z]/.test(short[chunk * 5 + index]!)) bits |= 1 << index;
    suffix += CASE_CHECKSUM[bits];
  }
  const long = short + suffix;
  return id.length === 15 ? [short, long] : [id, short];
}
