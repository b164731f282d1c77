import type { LeadProfile } from '@/lib/schema';

/**
 * A profile as it is stored: a positional array instead of an object. A 100,000-lead import spends
 * most of its saving time turning profiles into JSON; without the ~20 property names per lead, the
 * JSON is a quarter smaller and encodes markedly faster. Empty lists and default flags are left out
 * (LeadProfileSchema restores them when the connector reads a profile). The order below is the
 * format: append new fields at the end, never reorder.
 */
export type PackedProfile = unknown[];

const FIELDS = ['id', 'email', 'name', 'company', 'title', 'industry', 'persona', 'score', 'stage'] as const;
const SOURCE_FIELDS = ['channel', 'campaign', 'utm', 'firstPage', 'referrer', 'firstSeen', 'latest'] as const;
/** Appended for the ranking (issue 11): what language to send in, and what a customer already owns. */
const LATER_FIELDS = ['language', 'country', 'customer', 'productsOwned'] as const;

/** Marks "absent" in the array (JSON has no undefined); no field of a valid profile is ever null. */
const NONE = null;

export function packProfile(profile: LeadProfile): PackedProfile {
  const packed: unknown[] = [];
  for (const field of FIELDS) packed.push(profile[field] ?? NONE);
  for (const field of SOURCE_FIELDS) packed.push(profile.source[field] ?? NONE);
  packed.push(
    Object.keys(profile.crmIds).length > 0 ? profile.crmIds : NONE,
    hasContactDetails(profile.contact) ? profile.contact : NONE,
    profile.problems.length > 0 ? profile.problems : NONE,
    profile.highIntent.length > 0 ? profile.highIntent : NONE,
    profile.pageViews.length > 0 ? profile.pageViews : NONE,
  );
  for (const field of LATER_FIELDS) packed.push(profile[field] ?? NONE);
  // Trailing absent fields cost nothing to leave out.
  while (packed.length > 1 && packed[packed.length - 1] === NONE) packed.pop();
  return packed;
}

/**
 * The profile object back from its stored form, for LeadProfileSchema to check and complete. An
 * object (not packed) is returned as it is, so the schema judges it.
 */
export function unpackProfile(stored: unknown): unknown {
  if (!Array.isArray(stored)) return stored;
  const at = (index: number) => (index < stored.length && stored[index] !== NONE ? stored[index] : undefined);
  const profile: Record<string, unknown> = {};
  FIELDS.forEach((field, index) => set(profile, field, at(index)));
  const source: Record<string, unknown> = {};
  SOURCE_FIELDS.forEach((field, index) => set(source, field, at(FIELDS.length + index)));
  profile.source = source;
  const rest = FIELDS.length + SOURCE_FIELDS.length;
  set(profile, 'crmIds', at(rest));
  set(profile, 'contact', at(rest + 1));
  set(profile, 'problems', at(rest + 2));
  set(profile, 'highIntent', at(rest + 3));
  set(profile, 'pageViews', at(rest + 4));
  LATER_FIELDS.forEach((field, index) => set(profile, field, at(rest + 5 + index)));
  return profile;
}

/** What the lookup keys need, straight from the packed form. */
export function packedKeys(stored: unknown): Pick<LeadProfile, 'crmIds' | 'email'> {
  const profile = unpackProfile(stored) as Partial<LeadProfile> | null;
  const crmIds = profile?.crmIds;
  return {
    crmIds: crmIds && typeof crmIds === 'object' ? crmIds : {},
    email: typeof profile?.email === 'string' ? profile.email : undefined,
  };
}

function hasContactDetails(contact: LeadProfile['contact']): boolean {
  return contact.doNotCall || contact.doNotEmail || contact.doNotText === true || contact.preferredChannel !== undefined || contact.bestTime !== undefined || contact.timeZone !== undefined;
}

function set(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}
