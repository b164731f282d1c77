import { db, type CachedProfile } from '@/lib/db';
import type { Connector } from '@/lib/connectors/types';
import { ConnectorError } from '@/lib/connectors/types';
import { recordKey, type DetectedRecord } from '@/lib/schema/record';

/** Default time a marketing lookup may take before the rep is shown an error (or the cached copy). */
export const LOOKUP_TIMEOUT_MS = 8_000;

/** Lookups under way, so a tab's prefetch and the side panel's request share one call. */
const inFlight = new Map<string, Promise<CachedProfile>>();

export interface LookupOptions {
  connector: Connector;
  ttlMinutes: number;
  refresh?: boolean;
}

/**
 * The marketing profile for a CRM record: from the Dexie cache while fresh, else from the connector
 * (and cached, misses included, so an unknown lead does not cost a call on every tab switch).
 */
export async function lookupProfile(record: DetectedRecord, options: LookupOptions): Promise<CachedProfile> {
  const key = recordKey(record);
  const cached = await db.profiles.get(key);
  if (cached && !options.refresh && isFresh(cached, record, options.ttlMinutes)) return cached;

  // Keyed by the e-mail too: a lookup begun before the e-mail was read cannot answer for it.
  const flightKey = `${key}\n${record.email ?? ''}`;
  let pending = inFlight.get(flightKey);
  if (!pending) {
    pending = fetchAndCache(record, options.connector).finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, pending);
  }
  return pending;
}

export async function getCachedProfile(record: DetectedRecord): Promise<CachedProfile | undefined> {
  return db.profiles.get(recordKey(record));
}

function isFresh(cached: CachedProfile, record: DetectedRecord, ttlMinutes: number): boolean {
  if (cached.chosenByRep) return Date.now() - Date.parse(cached.fetchedAt) < ttlMinutes * 60_000;
  // A miss looked up without the e-mail (or with another one) says nothing about this e-mail.
  if (cached.profile === null && record.email && cached.email !== record.email) return false;
  return Date.now() - Date.parse(cached.fetchedAt) < ttlMinutes * 60_000;
}

/**
 * Remembers the rep's choice of marketing profile for a CRM record (null forgets it), and drops the
 * cached lookup so the next brief uses the choice.
 */
export async function chooseProfile(record: DetectedRecord, profileId: string | null): Promise<void> {
  const key = recordKey(record);
  await db.transaction('rw', db.matchOverrides, db.profiles, async () => {
    if (profileId) await db.matchOverrides.put({ key, profileId, chosenAt: new Date().toISOString() });
    else await db.matchOverrides.delete(key);
    await db.profiles.delete(key);
  });
}

async function fetchAndCache(record: DetectedRecord, connector: Connector): Promise<CachedProfile> {
  const signal = AbortSignal.timeout(LOOKUP_TIMEOUT_MS);
  let profile;
  const override = await db.matchOverrides.get(recordKey(record));
  try {
    profile = override
      ? await connector.getProfile(override.profileId, signal)
      : await connector.findProfile({ crm: record.crm, recordId: record.recordId, email: record.email, name: record.name }, signal);
  } catch (error) {
    if (signal.aborted) {
      throw new ConnectorError('timeout', `${connector.label} did not answer within ${LOOKUP_TIMEOUT_MS / 1000} s`);
    }
    throw error;
  }
  const entry: CachedProfile = {
    key: recordKey(record),
    email: record.email,
    chosenByRep: Boolean(override),
    profile,
    fetchedAt: new Date().toISOString(),
  };
  await db.profiles.put(entry);
  return entry;
}
