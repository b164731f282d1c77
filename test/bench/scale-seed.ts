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
import { LeadsideDb, type TabRecord } from '@/lib/store/db';
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
  /** Opening with the current schema: every upgrade after `seedVersion` (checked: every event is in the rollups). */
  upgradeMs: number;
}

/** Rows per bulkAdd: big enough that a transaction's cost is shared, small enough to keep memory flat. */
const BATCH = 5_000;

async function seed(request: SeedRequest): Promise<SeedReport> {
  const old = await openEmptyAt(request.seedVersion);
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

  // The upgrade runs here, or in the worker if it woke meanwhile and asked first: this waits for it either way.
  const current = new LeadsideDb('leadside');
  started = performance.now();
  await current.open();
  const upgradeMs = performance.now() - started;
  try {
    const [profiles, events, rollups] = await Promise.all([current.profiles.count(), current.contentEvents.count(), current.contentRollups.toArray()]);
    const counted = rollups.reduce((sum, rollup) => sum + rollup.suggested + rollup.opened + rollup.linkCopied, 0);
    if (profiles !== request.profiles || events !== request.events || counted !== events) {
      throw new Error(`Seeded ${profiles} profiles and ${events} events, ${counted} of them in the rollups; expected ${request.profiles} and ${request.events}, all counted`);
    }
  } finally {
    current.close();
  }
  return { profilesMs, eventsMs, upgradeMs };
}

/**
 * A new, empty database at `version`, held open until the caller closes it. The worker is stopped
 * first, but the browser may wake it at any time: if it opened the database first (at the current
 * version), start again; if it asks later, it waits for this connection to close instead of
 * closing it (Dexie's default), so the upgrade always runs on the seeded data.
 */
async function openEmptyAt(version: number, attempts = 3): Promise<LeadsideDb> {
  await Dexie.delete('leadside');
  const database = new LeadsideDb('leadside', { upToVersion: version });
  database.on('versionchange', () => false);
  await database.open();
  // Dexie opens a newer database than it declares rather than failing: that is someone else's.
  if (database.verno === version) return database;
  database.close();
  if (attempts <= 1) throw new Error(`The database was opened at version ${database.verno} before it could be seeded at ${version}`);
  return openEmptyAt(version, attempts - 1);
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
