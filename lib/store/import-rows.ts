import { db as defaultDb, type LeadsideDb } from './db';
import type { ContentItem, LeadProfile, PageView } from '@/lib/schema';
import { profileLookupKeys } from '@/lib/import/keys';
import { packedKeys, packProfile, type PackedProfile } from '@/lib/import/pack';
import { BucketSession, hashKey, idsOf, readEntries, type LookupIds } from './import-buckets';

export type { LookupIds } from './import-buckets';
import type { ImportedCounts, ImportedPageView, ImportOutcome, ParsedImport } from '@/lib/import/types';

export interface SaveOptions {
  onProgress?: (fraction: number) => void;
  database?: LeadsideDb;
}

/** A profile's search line: what the rep's search matches and shows. */
export interface SearchLine {
  name?: string;
  email?: string;
  company?: string;
}

type Counted = Omit<ImportOutcome, 'kind'>;
const NO_KEYS: readonly string[] = [];

const NO_CHANGE: Counted = { added: 0, updated: 0, unchanged: 0 };
const EMPTY_COUNTS: ImportedCounts = { profiles: 0, pageViews: 0, content: 0 };

/**
 * Saves a file's valid rows in one transaction: all of them or, if anything fails, none. Rows are
 * upserted by their natural key (profile and content id; lead + time + URL for page views), and a row
 * equal to what is stored is not written again, so re-importing a file changes nothing.
 */
export async function saveImport(parsed: ParsedImport, { onProgress, database = defaultDb }: SaveOptions = {}): Promise<ImportOutcome> {
  if (parsed.fatal) throw new Error(`Nothing to import: ${parsed.fatal}`);
  const { profiles, pageViews, content } = parsed.records;
  const report = (fraction: number) => onProgress?.(Math.min(1, fraction));
  let outcome: Counted = NO_CHANGE;

  await database.transaction('rw', database.imported, async () => {
    const meta = new BucketSession<ImportedCounts>(database, 'meta');
    await meta.load(['counts']);
    const counts = { ...EMPTY_COUNTS, ...meta.get('counts') };
    report(0.05);

    if (profiles.length > 0) {
      const result = await saveProfiles(database, profiles, (fraction) => report(0.05 + fraction * (pageViews.length > 0 ? 0.6 : 0.95)));
      counts.profiles += result.added;
      if (parsed.kind === 'profiles') outcome = result;
    }
    if (pageViews.length > 0) {
      const start = profiles.length > 0 ? 0.65 : 0.05;
      const result = await savePageViews(database, pageViews, (fraction) => report(start + fraction * (1 - start)));
      counts.pageViews += result.added;
      // Page views a profile carried (JSON) are the profile's: the outcome counts the file's rows.
      if (parsed.kind === 'pageViews') outcome = result;
    }
    if (content.length > 0) {
      const result = await saveContent(database, content, (fraction) => report(0.05 + fraction * 0.95));
      counts.content += result.added;
      outcome = result;
    }
    meta.set('counts', counts);
    await meta.flush();
  });
  report(1);
  return { kind: parsed.kind, ...outcome };
}

async function saveProfiles(database: LeadsideDb, rows: readonly LeadProfile[], progress: (fraction: number) => void): Promise<Counted> {
  const counted = { added: 0, updated: 0, unchanged: 0 };
  const profiles = new BucketSession<PackedProfile>(database, 'profiles');
  const hashes = rows.map((row) => hashKey(row.id));
  await profiles.load(hashes);
  progress(0.2);

  const changed: LeadProfile[] = [];
  const changedHashes: number[] = [];
  // Lookup-key edits, as parallel lists (far less garbage than a Set per key for 100,000 rows).
  const editKeys: string[] = [];
  const editIds: string[] = [];
  const editAdds: boolean[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const hash = hashes[index]!;
    const stored = profiles.get(row.id, hash);
    const compact = packProfile(row);
    if (stored) {
      // Both sides are built by the same code in the same key order, so equal data is equal JSON.
      if (JSON.stringify(stored) === JSON.stringify(compact)) {
        counted.unchanged++;
        continue;
      }
      counted.updated++;
    } else {
      counted.added++;
    }
    profiles.set(row.id, compact, hash);
    changed.push(row);
    changedHashes.push(hash);
    const after = profileLookupKeys(row);
    const before = stored ? profileLookupKeys(packedKeys(stored)) : NO_KEYS;
    for (const key of before) {
      if (after.includes(key)) continue;
      editKeys.push(key);
      editIds.push(row.id);
      editAdds.push(false);
    }
    for (const key of after) {
      if (before !== NO_KEYS && before.includes(key)) continue;
      editKeys.push(key);
      editIds.push(row.id);
      editAdds.push(true);
    }
  }
  if (changed.length === 0) {
    progress(1);
    return counted;
  }

  const keys = new BucketSession<LookupIds>(database, 'keys');
  const search = new BucketSession<SearchLine>(database, 'search');
  const keyHashes = editKeys.map(hashKey);
  await keys.load(keyHashes);
  // The search store's bucket count divides the profiles', so the profile's hash serves for both.
  await search.load(changedHashes);
  for (let index = 0; index < editKeys.length; index++) {
    const key = editKeys[index]!;
    const hash = keyHashes[index]!;
    const id = editIds[index]!;
    const current = keys.get(key, hash);
    if (editAdds[index]) {
      // The usual case, a key no other lead has, allocates nothing.
      if (current === undefined) keys.set(key, id, hash);
      else if (!idsOf(current).includes(id)) keys.set(key, [...idsOf(current), id], hash);
    } else if (current !== undefined && idsOf(current).includes(id)) {
      const remaining = idsOf(current).filter((other) => other !== id);
      if (remaining.length === 0) keys.delete(key, hash);
      else keys.set(key, remaining.length === 1 ? remaining[0]! : remaining, hash);
    }
  }
  changed.forEach((row, index) => search.set(row.id, line(row), changedHashes[index]));
  progress(0.4);

  const total = profiles.changedBuckets + keys.changedBuckets + search.changedBuckets;
  let written = 0;
  const onBatch = (count: number) => progress(0.4 + (0.6 * (written += count)) / total);
  await Promise.all([profiles.flush(onBatch), keys.flush(onBatch), search.flush(onBatch)]);
  return counted;
}

function line({ name, email, company }: SearchLine): SearchLine {
  const entry: SearchLine = {};
  if (name) entry.name = name;
  if (email) entry.email = email;
  if (company) entry.company = company;
  return entry;
}

async function savePageViews(database: LeadsideDb, views: readonly ImportedPageView[], progress: (fraction: number) => void): Promise<Counted> {
  const counted = { added: 0, updated: 0, unchanged: 0 };
  const byLead = new Map<string, PageView[]>();
  for (const { profileKey, ...view } of views) {
    const list = byLead.get(profileKey);
    if (list) list.push(view);
    else byLead.set(profileKey, [view]);
  }
  const session = new BucketSession<PageView[]>(database, 'pageViews');
  await session.load(byLead.keys());
  progress(0.3);
  for (const [profileKey, incoming] of byLead) {
    const stored = new Map((session.get(profileKey) ?? []).map((view) => [viewKey(view), view]));
    let changed = false;
    for (const view of incoming) {
      const key = viewKey(view);
      const before = stored.get(key);
      if (before && sameValue(before, view)) {
        counted.unchanged++;
        continue;
      }
      if (before) counted.updated++;
      else counted.added++;
      stored.set(key, view);
      changed = true;
    }
    if (changed) session.set(profileKey, [...stored.values()].sort((a, b) => (a.viewedAt < b.viewedAt ? -1 : a.viewedAt > b.viewedAt ? 1 : 0)));
  }
  const total = session.changedBuckets;
  let written = 0;
  await session.flush((count) => progress(0.3 + (0.7 * (written += count)) / total));
  return counted;
}

/** Within one lead, a view is its instant and URL. */
const viewKey = (view: Pick<PageView, 'viewedAt' | 'url'>) => `${view.viewedAt}\n${view.url}`;

async function saveContent(database: LeadsideDb, items: readonly ContentItem[], progress: (fraction: number) => void): Promise<Counted> {
  const counted = { added: 0, updated: 0, unchanged: 0 };
  const session = new BucketSession<ContentItem>(database, 'content');
  await session.load(items.map((item) => item.id));
  for (const item of items) {
    const stored = session.get(item.id);
    if (stored && sameValue(stored, item)) {
      counted.unchanged++;
      continue;
    }
    if (stored) counted.updated++;
    else counted.added++;
    session.set(item.id, item);
  }
  progress(0.5);
  await session.flush();
  progress(1);
  return counted;
}

/**
 * Equal stored and new values, compared as JSON: both are built by the same code in the same key
 * order, and IndexedDB keeps key order, so equal data serializes equally.
 */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function countImported(database: LeadsideDb = defaultDb): Promise<ImportedCounts> {
  const meta = await readEntries<ImportedCounts>(database, 'meta', ['counts']);
  return { ...EMPTY_COUNTS, ...meta.get('counts') };
}

/** Removes everything imported from files (the File source's whole data), nothing else. */
export async function clearImported(database: LeadsideDb = defaultDb): Promise<void> {
  await database.imported.clear();
}
