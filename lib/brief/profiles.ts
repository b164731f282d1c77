import { db, type CachedProfile } from '@/lib/store/db';
import type { Connector } from '@/lib/connectors/types';
import { recordKey, recordPlace, type DetectedRecord } from '@/lib/schema/record';
import type { DataSource } from '@/lib/schema/sources';
import { timedOut } from '@/lib/connectors/http';
import { asConnectorError } from '@/lib/connectors/message-codes';
import type { CodedText } from '@/lib/schema/coded-text';

/** Default time a marketing lookup may take before the rep is shown an error (or the cached copy). */
export const LOOKUP_TIMEOUT_MS = 8_000;

/** How long a lookup may take: the admin's timeout for the source (Options), else the default. */
export function lookupTimeoutMs(source: DataSource): number {
  return 'timeoutSeconds' in source ? source.timeoutSeconds * 1000 : LOOKUP_TIMEOUT_MS;
}

/**
 * The lookup under way per record (recordKey), with the e-mail it was asked with, so the worker's own
 * lookup and the side panel's request share one call, and a record whose e-mail the page shows only
 * later is not asked for twice at once (fetchOnce).
 */
const inFlight = new Map<string, { email?: string; done: Promise<CachedProfile> }>();

export interface LookupOptions {
  connector: Connector;
  ttlMinutes: number;
  /** The whole lookup's time limit (lookupTimeoutMs); LOOKUP_TIMEOUT_MS when not given. */
  timeoutMs?: number;
  refresh?: boolean;
  /** Called when a refresh that went on behind a stale answer has finished (or failed). */
  onRefreshed?: () => void;
}

export interface Lookup {
  entry: CachedProfile;
  /** The entry is past its TTL and a refresh is running behind it. */
  refreshing: boolean;
  /** The entry is the cached copy because the source failed just now; what it said. */
  warning?: string;
  warningCoded?: CodedText;
}

/** After a failed refresh, the cached copy is answered without retrying for this long. */
const FAILED_REFRESH_PAUSE_MS = 60_000;

/**
 * The marketing profile for a CRM record, stale-while-revalidate: a fresh cache entry as it is; a
 * stale one at once while a refresh runs behind it; else from the connector (misses are cached too,
 * so an unknown lead does not cost a call on every tab switch). When the source fails and a cached
 * copy exists, the copy is answered with the failure as a warning.
 */
export async function lookupProfile(record: DetectedRecord, options: LookupOptions): Promise<Lookup> {
  const usable = await usableCacheEntry(record);
  if (usable && !options.refresh) return refreshBehind(answerFromCache(usable, options.ttlMinutes), record, options);
  try {
    return { entry: await fetchOnce(record, options.connector, options.timeoutMs ?? LOOKUP_TIMEOUT_MS), refreshing: false };
  } catch (error) {
    if (!usable) throw error;
    return { entry: usable, refreshing: false, ...failureNote(error) };
  }
}

/**
 * The lookup when the cache can answer it, fresh or stale (a refresh then starts behind it, as in
 * lookupProfile); undefined when only the source can. Never waits for the source.
 */
export async function lookupCachedProfile(record: DetectedRecord, options: LookupOptions): Promise<Lookup | undefined> {
  const read = await readCachedLookup(record, options.ttlMinutes);
  return read && refreshBehind(read, record, options);
}

/** What the cache answers for a record, and whether the answer is old enough that a refresh should start behind it. */
export interface CachedLookup extends Lookup {
  needsRefresh: boolean;
}

/**
 * What the cache answers for the record as the page shows it now, without asking the source or
 * starting anything: the side panel builds a cached lead's brief with it (`refreshing` says a
 * refresh is due, which the worker, told of the same record, starts). Undefined when only the
 * source can answer.
 */
export async function readCachedLookup(record: DetectedRecord, ttlMinutes: number): Promise<CachedLookup | undefined> {
  const usable = await usableCacheEntry(record);
  return usable && answerFromCache(usable, ttlMinutes);
}

async function usableCacheEntry(record: DetectedRecord): Promise<CachedProfile | undefined> {
  const cached = await db.profiles.get(recordKey(record));
  return cached && answersFor(cached, record) ? cached : undefined;
}

function answerFromCache(usable: CachedProfile, ttlMinutes: number): CachedLookup {
  if (isFresh(usable, ttlMinutes)) return { entry: usable, refreshing: false, needsRefresh: false };
  if (usable.refreshFailedAt && Date.now() - Date.parse(usable.refreshFailedAt) < FAILED_REFRESH_PAUSE_MS) {
    return { entry: usable, refreshing: false, warning: usable.refreshError, warningCoded: usable.refreshErrorCoded, needsRefresh: false };
  }
  return { entry: usable, refreshing: true, needsRefresh: true };
}

/**
 * Notes on a cached lead found by the record's id alone who the record's page then showed (its
 * address and name): what the worker knows of a record it need not read again (`record-opened`).
 * Only an entry with no address of its own takes them: one with an address that differs is no
 * answer for this page at all (answersFor), and is asked again.
 */
export async function notePersonShown(record: DetectedRecord): Promise<void> {
  if (!record.email) return;
  const shown = { email: record.email, ...personShown(record) };
  await db.profiles
    .where('key')
    .equals(recordKey(record))
    .filter((entry) => !entry.email && entry.profile !== null)
    .modify(shown);
}

/** Who the record's page showed beside its address, and on which account's page (CachedProfile). */
function personShown(record: DetectedRecord): Pick<CachedProfile, 'name' | 'shownOn'> {
  if (!record.email) return {};
  return { ...(record.name ? { name: record.name } : {}), shownOn: recordPlace(record) };
}

/** Starts the refresh a stale answer needs, behind it. */
function refreshBehind({ needsRefresh, ...lookup }: CachedLookup, record: DetectedRecord, options: LookupOptions): Lookup {
  if (needsRefresh) {
    void fetchOnce(record, options.connector, options.timeoutMs ?? LOOKUP_TIMEOUT_MS)
      .catch(() => undefined)
      .finally(() => options.onRefreshed?.());
  }
  return lookup;
}

/**
 * One lookup per record at a time, shared by everyone asking meanwhile, and asked with everything
 * the page showed when it began. The page often shows the e-mail a moment after the URL named the
 * record: a lookup begun without it is not repeated with it, since the source answers the same
 * person by record id. Only if it found nobody is the source asked again, with the e-mail (a source
 * that knows leads by e-mail alone). A lookup begun with another e-mail is for another person (the
 * page still showed the last record) and does not answer for this one.
 */
function fetchOnce(record: DetectedRecord, connector: Connector, timeoutMs: number): Promise<CachedProfile> {
  const key = recordKey(record);
  const email = record.email?.toLowerCase();
  const flight = inFlight.get(key);
  if (flight && (flight.email === email || !email)) return flight.done;
  const begun = flight && flight.email === undefined ? flight.done : undefined;
  const done = (
    begun
      ? begun.then((entry) => (entry.profile || entry.chosenByRep ? entry : fetchAndCache(record, connector, timeoutMs)))
      : fetchAndCache(record, connector, timeoutMs)
  ).finally(() => {
    if (inFlight.get(key) === mine) inFlight.delete(key);
  });
  const mine = { email, done };
  inFlight.set(key, mine);
  return done;
}

/** What the cache holds for a CRM record, by its recordKey(). */
export async function getCachedProfile(leadKey: string): Promise<CachedProfile | undefined> {
  return db.profiles.get(leadKey);
}

/** Whether a cache entry answers for the record as the page shows it now. */
function answersFor(cached: CachedProfile, record: DetectedRecord): boolean {
  if (cached.chosenByRep) return true;
  // A lookup made with another e-mail than the page shows now says nothing about this person: the
  // record's page was read while it still showed someone else (CRMs keep old forms in the DOM while
  // the next one renders), or the record's e-mail changed. Found or not, it is asked again.
  if (cached.email && record.email && cached.email.toLowerCase() !== record.email.toLowerCase()) return false;
  // A miss looked up without the e-mail says nothing about this e-mail either.
  return cached.profile !== null || !record.email || cached.email === record.email;
}

function isFresh(cached: CachedProfile, ttlMinutes: number): boolean {
  return Date.now() - Date.parse(cached.fetchedAt) < ttlMinutes * 60_000;
}

/**
 * Remembers the rep's choice of marketing profile for a CRM record (null forgets it), for the source
 * whose profile it is (`sourceId`, the connector's id), and drops the cached lookup so the next brief
 * uses the choice.
 */
export async function chooseProfile(record: DetectedRecord, profileId: string | null, sourceId: string): Promise<void> {
  const key = recordKey(record);
  await db.transaction('rw', db.matchOverrides, db.profiles, async () => {
    if (profileId) await db.matchOverrides.put({ key, profileId, chosenAt: new Date().toISOString(), sourceId });
    else await db.matchOverrides.delete(key);
    await db.profiles.delete(key);
  });
}

async function fetchAndCache(record: DetectedRecord, connector: Connector, timeoutMs: number): Promise<CachedProfile> {
  const signal = AbortSignal.timeout(timeoutMs);
  let profile;
  const stored = await db.matchOverrides.get(recordKey(record));
  // Another source's profile id names someone else there (or no one): look the record up afresh.
  const override = stored && (stored.sourceId === undefined || stored.sourceId === connector.id) ? stored : undefined;
  try {
    profile = override
      ? await connector.getProfile(override.profileId, signal)
      : await connector.findProfile({ crm: record.crm, recordId: record.recordId, objectType: record.objectType, email: record.email, name: record.name }, signal);
  } catch (caught) {
    const error = signal.aborted ? timedOut(connector.label, timeoutMs / 1000) : caught;
    const note = failureNote(error);
    // Remembered on the cached copy, so the brief can say why it is old without asking again at once.
    await db.profiles.update(recordKey(record), {
      refreshFailedAt: new Date().toISOString(),
      refreshError: note.warning,
      refreshErrorCoded: note.warningCoded,
    });
    throw error;
  }
  const entry: CachedProfile = {
    key: recordKey(record),
    email: record.email,
    ...personShown(record),
    chosenByRep: Boolean(override),
    profile,
    fetchedAt: new Date().toISOString(),
  };
  await db.profiles.put(entry);
  void trimProfileCache().catch((error: unknown) => console.warn('Leadside: could not trim the profile cache', error));
  return entry;
}

/**
 * The most lead profiles kept in this browser. Each CRM record a rep opens caches one; a rep sees a
 * few dozen a day, so this holds months of work, and a page (or a long session) that opens
 * thousands cannot fill the disk with marketing's data. The least recently fetched go first.
 */
export const MAX_CACHED_PROFILES = 2_000;

export async function trimProfileCache(): Promise<void> {
  const excess = (await db.profiles.count()) - MAX_CACHED_PROFILES;
  if (excess > 0) await db.profiles.orderBy('fetchedAt').limit(excess).delete();
}

/** A failure as the brief's warning: the English text, and its code for the panel to word. */
function failureNote(error: unknown): { warning: string; warningCoded?: CodedText } {
  const failure = asConnectorError(error);
  return { warning: failure.message, ...(failure.coded ? { warningCoded: failure.coded } : {}) };
}
