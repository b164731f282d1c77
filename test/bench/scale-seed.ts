/**
 * Runs inside an extension page (bundled by seed-extension.ts): fills the extension's own IndexedDB
 * with the seeded scale data, through lib/db.ts's schema. The rows are generated here rather than
 * sent over the DevTools protocol, which would carry ~300 MB of JSON for a million page views.
 *
 * The data is written as the database was before the newest schema versions (`seedVersion`), then
 * the current code opens it, so its own upgrades (content rollups, from version 6) derive whatever
 * they derive from the events exactly as on a rep's upgraded browser. That upgrade is timed.
 */
import Dexie from 'dexie';
import { LeadsideDb, type TabRecord } from '@/lib/db';
import { salesforceRecordUrl } from '../support/pages';
import { generateCachedProfiles, generateContentEvents, scaleRecordId, type ScaleOptions } from './generate-scale';

export interface SeedRequest extends ScaleOptions {
  /** The schema version the rows are written under. */
  seedVersion: number;
  /** Tab records to store (tab id → generated lead index), for the brief lookups. */
  tabs: Array<[tabId: number, leadIndex: number]>;
}

export interface SeedReport {
  profilesMs: number;
  eventsMs: number;
  /** Opening with the current schema: every upgrade after `seedVersion`. */
  upgradeMs: number;
}

/** Rows per bulkAdd: big enough that a transaction's cost is shared, small enough to keep memory flat. */
const BATCH = 5_000;

async function seed(request: SeedRequest): Promise<SeedReport> {
  // Nothing else may have the database open (the benchmark stops the worker first).
  await Dexie.delete('leadside');
  const old = new LeadsideDb('leadside', { upToVersion: request.seedVersion });
  await old.open();
  const idb = old.backendDB();
  let started = performance.now();
  // Both at once: the stores are apart, so while one batch commits the next one is being generated.
  const [profilesMs, eventsMs] = await Promise.all([
    writeInBatches(idb, 'profiles', generateCachedProfiles(request)).then(() => performance.now() - started),
    writeInBatches(idb, 'contentEvents', generateContentEvents(request)).then(() => performance.now() - started),
  ]);
  const updatedAt = new Date(request.now).toISOString();
  await old.tabs.bulkPut(
    request.tabs.map(([tabId, index]): TabRecord => ({
      tabId,
      updatedAt,
      record: { crm: 'salesforce', objectType: 'Lead', recordId: scaleRecordId(index), url: salesforceRecordUrl('Lead', scaleRecordId(index)) },
    })),
  );
  old.close();

  const current = new LeadsideDb('leadside');
  started = performance.now();
  await current.open();
  const upgradeMs = performance.now() - started;
  current.close();
  return { profilesMs, eventsMs, upgradeMs };
}

/**
 * Adds the rows batch by batch, one transaction each, the next batch generated while the last
 * commits. Plain IndexedDB with relaxed durability (no flush to disk per commit): what is measured
 * later is the extension reading this data, not how it got there.
 */
async function writeInBatches(idb: IDBDatabase, store: string, rows: Iterable<unknown>): Promise<void> {
  let pending: Promise<void> = Promise.resolve();
  let batch: unknown[] = [];
  const write = (values: unknown[]) =>
    new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(store, 'readwrite', { durability: 'relaxed' });
      const objects = tx.objectStore(store);
      for (const value of values) objects.add(value);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      await pending;
      pending = write(batch);
      batch = [];
    }
  }
  await pending;
  if (batch.length > 0) await write(batch);
}

(globalThis as unknown as { leadsideScaleSeed: typeof seed }).leadsideScaleSeed = seed;
