import Dexie, { type Table } from 'dexie';
import { crmKey } from '@/lib/import/keys';
import type { ImportedBucket, LeadsideDb } from './db';

/**
 * The layout of imported data in the `imported` table: each store is a map from an entry key to a
 * value, split into a fixed number of buckets by a hash of the key, one IndexedDB record per bucket
 * holding the bucket's keys and values as one JSON string. A lookup reads one bucket; an import
 * reads and writes each touched bucket once. Both choices are measured, not guessed: in Chromium on
 * a 2-core machine a record costs ~70 µs to write, and structured-cloning a profile object ~26 µs
 * against ~5 µs to JSON it, so 100,000 leads as 100,000 object records take ~10 s, as ~2,000 JSON
 * buckets about one. (JSON arrays also keep ids like "__proto__" as data, never as properties.)
 *
 * The bucket counts are part of the stored format: changing one needs a Dexie version that re-packs.
 */
export const BUCKET_COUNTS = {
  /** profile id → LeadProfile (page views apart) */
  profiles: 1024,
  /** "crm:salesforce:00Q…" / "email:jane@example.com" → ids of the profiles with that key */
  keys: 1024,
  /** "id:<profile id>" / "email:<e-mail>" → that lead's page views, oldest first */
  pageViews: 1024,
  /** profile id → name, e-mail and company: the small copy the rep's search scans */
  search: 128,
  /** content id → ContentItem */
  content: 32,
  /** "counts" → ImportedCounts, kept so showing them never reads every bucket */
  meta: 1,
} as const;

export type StoreName = keyof typeof BUCKET_COUNTS;

/**
 * FNV-1a over UTF-16 code units: fast, and spreads ids like "lead-1", "lead-2" evenly. Callers that
 * touch a key several times hash it once and pass the hash (an import hashes ~10⁶ keys).
 */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function bucketOf(store: StoreName, key: string): number {
  return hashKey(key) % BUCKET_COUNTS[store];
}

/** Buckets written per bulkPut, so the progress bar moves while a large import is written. */
const WRITE_BATCH = 128;

/**
 * Read-modify-write access to one store inside a Dexie transaction: `load` the buckets of the keys
 * about to be read or changed, change entries in memory, then `flush` the changed buckets.
 */
export class BucketSession<V> {
  private readonly buckets = new Map<number, Map<string, V>>();
  private readonly dirty = new Set<number>();

  constructor(
    private readonly database: LeadsideDb,
    readonly store: StoreName,
  ) {}

  /** Loads the buckets of these keys (or of these hashKey() values). */
  async load(keys: Iterable<string | number>): Promise<void> {
    const count = BUCKET_COUNTS[this.store];
    const wanted = new Set<number>();
    for (const key of keys) {
      const bucket = (typeof key === 'number' ? key : hashKey(key)) % count;
      if (!this.buckets.has(bucket)) wanted.add(bucket);
    }
    const list = [...wanted];
    const rows = await this.database.imported.bulkGet(list.map((bucket): [string, number] => [this.store, bucket]));
    list.forEach((bucket, index) => this.buckets.set(bucket, decode<V>(rows[index])));
  }

  /** `hash` is hashKey(key), when the caller has it. */
  get(key: string, hash = hashKey(key)): V | undefined {
    return this.entries(hash % BUCKET_COUNTS[this.store], key).get(key);
  }

  set(key: string, value: V, hash = hashKey(key)): void {
    const bucket = hash % BUCKET_COUNTS[this.store];
    this.entries(bucket, key).set(key, value);
    this.dirty.add(bucket);
  }

  delete(key: string, hash = hashKey(key)): void {
    const bucket = hash % BUCKET_COUNTS[this.store];
    if (this.entries(bucket, key).delete(key)) this.dirty.add(bucket);
  }

  get changedBuckets(): number {
    return this.dirty.size;
  }

  /**
   * Writes the changed buckets, two batches in flight: the next batch is encoded here while the
   * browser writes the last one (IndexedDB works in another process), and the page can paint between.
   */
  async flush(onBatch?: (buckets: number) => void): Promise<void> {
    const dirty = [...this.dirty];
    this.dirty.clear();
    let next = 0;
    const issue = (): Promise<void> | undefined => {
      if (next >= dirty.length) return undefined;
      const batch = dirty.slice(next, (next += WRITE_BATCH)).map((bucket): ImportedBucket => ({ store: this.store, bucket, data: encode(this.buckets.get(bucket)!) }));
      // Chained on Dexie's promise, so it stays inside the import's transaction.
      return this.database.imported.bulkPut(batch).then(() => {
        onBatch?.(batch.length);
        return issue();
      });
    };
    await Promise.all([issue(), issue()]);
  }

  private entries(bucket: number, key: string): Map<string, V> {
    const entries = this.buckets.get(bucket);
    if (!entries) throw new Error(`BucketSession(${this.store}): the bucket of ${JSON.stringify(key)} was not loaded`);
    return entries;
  }
}

/** The values of some keys of a store, outside any import (lookups). Missing keys are absent. */
export async function readEntries<V>(database: LeadsideDb, store: StoreName, keys: readonly string[]): Promise<Map<string, V>> {
  const buckets = [...new Set(keys.map((key) => bucketOf(store, key)))];
  const rows = await database.imported.bulkGet(buckets.map((bucket): [string, number] => [store, bucket]));
  const byBucket = new Map(buckets.map((bucket, index) => [bucket, decode<V>(rows[index])]));
  const found = new Map<string, V>();
  for (const key of keys) {
    const value = byBucket.get(bucketOf(store, key))?.get(key);
    if (value !== undefined) found.set(key, value);
  }
  return found;
}

/** Every entry of a store (search, content list). */
export async function readAllEntries<V>(database: LeadsideDb, store: StoreName): Promise<Array<[string, V]>> {
  const rows = await database.imported.where('[store+bucket]').between([store, Dexie.minKey], [store, Dexie.maxKey]).toArray();
  return rows.flatMap((row) => [...decode<V>(row)]);
}

/**
 * The profiles a lookup key (CRM record id, e-mail) leads to: nearly always one, stored as a plain
 * string; an array only when several leads share the key (two leads with one e-mail).
 */
export type LookupIds = string | string[];
export const idsOf = (value: LookupIds | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value);

/**
 * Rewrites the `keys` store's CRM keys to what crmKey() makes of them now (a database upgrade, inside
 * its transaction): a key is `crm:<crm>:<id>` of the id as crmKey() canonicalised it when imported, and
 * crmKey() of that id again is what it makes of the original today, so the keys need no profile read.
 * A key that changes moves to its new key's bucket, its profiles after those the new key already lists
 * (a file that held one id in two forms). Returns how many keys moved.
 */
export async function recanonicalizeCrmKeys(imported: Table<ImportedBucket, [string, number]>): Promise<number> {
  const rows = await imported.where('[store+bucket]').between(['keys', Dexie.minKey], ['keys', Dexie.maxKey]).toArray();
  const buckets = new Map(rows.map((row) => [row.bucket, decode<LookupIds>(row)]));
  const dirty = new Set<number>();
  const moves: Array<[key: string, ids: LookupIds]> = [];
  for (const [bucket, entries] of buckets) {
    for (const [key, ids] of entries) {
      const moved = recanonicalized(key);
      if (moved === key) continue;
      entries.delete(key);
      dirty.add(bucket);
      moves.push([moved, ids]);
    }
  }
  for (const [key, ids] of moves) {
    const bucket = bucketOf('keys', key);
    let entries = buckets.get(bucket);
    if (!entries) buckets.set(bucket, (entries = new Map()));
    const current = entries.get(key);
    const merged = [...new Set([...idsOf(current), ...idsOf(ids)])];
    entries.set(key, merged.length === 1 ? merged[0]! : merged);
    dirty.add(bucket);
  }
  if (dirty.size > 0) await imported.bulkPut([...dirty].map((bucket): ImportedBucket => ({ store: 'keys', bucket, data: encode(buckets.get(bucket)!) })));
  return moves.length;
}

const CRM_KEY = /^crm:([^:]*):(.*)$/s;
const recanonicalized = (key: string) => {
  const parts = CRM_KEY.exec(key);
  return parts ? crmKey(parts[1]!, parts[2]!) : key;
};

/** [key1, value1, key2, value2, …]: flat, so encoding 100,000 entries allocates no pair arrays. */
function encode<V>(entries: Map<string, V>): string {
  const flat: unknown[] = new Array(entries.size * 2);
  let index = 0;
  for (const [key, value] of entries) {
    flat[index++] = key;
    flat[index++] = value;
  }
  return JSON.stringify(flat);
}

/** A bucket's entries; a record that is not what this module wrote reads as empty rather than throwing. */
function decode<V>(row: ImportedBucket | undefined): Map<string, V> {
  if (!row || typeof row.data !== 'string') return new Map();
  try {
    const flat: unknown = JSON.parse(row.data);
    const entries = new Map<string, V>();
    if (!Array.isArray(flat)) return entries;
    for (let index = 0; index + 1 < flat.length; index += 2) {
      const key: unknown = flat[index];
      if (typeof key === 'string') entries.set(key, flat[index + 1] as V);
    }
    return entries;
  } catch {
    return new Map();
  }
}
