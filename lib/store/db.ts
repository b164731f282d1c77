import Dexie, { type EntityTable, type Table } from 'dexie';
import { rebuildRollups, type RollupTable } from '@/lib/delivery/content-rollups';
import type { ContentEvent, ContentItem, DeliveryState, FeedbackItem, LeadProfile } from '@/lib/schema';
import type { LeadLook } from '@/lib/schema/feedback';
import type { FieldSignal } from '@/lib/schema/rest-api';
import type { DetectedRecord } from '@/lib/schema/record';
import { queueOf } from '@/lib/delivery/outbox-row';
import { recanonicalizeCrmKeys } from './import-buckets';
import type { CodedText } from '@/lib/schema/coded-text';

/** A marketing lookup's answer for one CRM record, found or not, with when it was fetched. */
export interface CachedProfile {
  /** recordKey(): "salesforce:00Q…" */
  key: string;
  /** The e-mail the lookup used; a later lookup with a different e-mail must not reuse a miss. */
  email?: string;
  /** The name the lookup used: with `email`, who the record's page showed when it was last read. */
  name?: string;
  /**
   * The page that showed `email`, without the record's id (recordPlace): record ids are one
   * account's, and another account's record with the same id is someone else.
   */
  shownOn?: string;
  profile: LeadProfile | null;
  fetchedAt: string;
  /** The profile is the one the rep picked for this record, not the automatic match. */
  chosenByRep?: boolean;
  /** The last refresh failed then, saying this; the entry is what the source said before. */
  refreshFailedAt?: string;
  refreshError?: string;
  /** The same failure as a code (lib/schema/coded-text.ts), for the panel to word; absent on older rows. */
  refreshErrorCoded?: CodedText;
}

/**
 * One feedback item, content event or first look on its way to marketing's system. Written in the same
 * transaction as the item itself, so nothing stored is ever left without a delivery record.
 */
export interface OutboxRow {
  /** The item's idempotency id. */
  id: string;
  kind: 'feedback' | 'event' | 'look';
  state: DeliveryState;
  attempts: number;
  /** Epoch ms before which no retry is made (backoff, Retry-After). */
  nextAttemptAt: number;
  /** Set while a request is out: if the worker dies mid-request, the next attempt knows. */
  unclear: boolean;
  lastError?: string;
  /** The same failure as a code, for the side panel to word (absent on rows from older releases). */
  lastErrorCoded?: CodedText;
  remoteId?: string;
  /**
   * Where it goes: the configured source (absent) or the team's webhook. A webhook copy's row id is
   * `webhook:<itemId>`, so both deliveries of one item are tracked apart.
   */
  destination?: 'webhook';
  itemId?: string;
  /**
   * A webhook copy's webhook (its host), as configured when the item was given: the copy goes there
   * or nowhere, never to a webhook set up later. Absent on rows queued before copies were bound.
   */
  webhookHost?: string;
  /** Why a failed row failed: 'auth' rows are tried again slowly (a token may be fixed on the other side). */
  failedBecause?: 'auth' | 'rejected';
  /**
   * Which delivery queue the row waits in; present only while `state` is `queued` (set through
   * lib/outbox-row.ts), so the `[queue+nextAttemptAt+id]` index holds waiting rows and nothing else.
   */
  queue?: OutboxQueue;
}

/**
 * The configured source, or the team's webhook; first looks wait in a queue of their own, so a
 * gateway that refuses them (a batch of an older contract's kinds only) never holds up feedback.
 */
export type OutboxQueue = 'source' | 'webhook' | 'looks';

export type StoredFeedback = FeedbackItem;

/** The record a tab shows. Kept here, not in memory, because the service worker is killed when idle. */
export interface TabRecord {
  tabId: number;
  record: DetectedRecord | null;
  updatedAt: string;
  /** The browser session the row was written in (lib/store/tab-records.ts): tab ids start over in the next. */
  session?: string;
}

/** The rep's correction of a wrong match: this CRM record is this marketing profile. */
export interface MatchOverride {
  /** recordKey() of the CRM record. */
  key: string;
  profileId: string;
  chosenAt: string;
  /**
   * The connector (source) whose profile id this is: another source's ids mean other people, so the
   * choice applies only while this source is configured. Absent on choices made before this was kept.
   */
  sourceId?: string;
}

/** A source's secrets (tokens, passwords), readable only by Leadside's own pages and worker. */
export interface StoredSecrets {
  source: string;
  values: Record<string, string>;
  /**
   * The origin (https://host) they were entered for: they are never sent anywhere else. Absent on
   * secrets saved before secrets were bound, which are therefore asked for again.
   */
  origin?: string;
}

/** The admin's settings (lib/store/settings.ts), one row; validated when read, not here. */
export interface StoredSettings {
  id: 'settings';
  value: unknown;
}

export interface CatalogMeta {
  id: 'catalog';
  fetchedAt: string;
  sourceId: string;
}

/**
 * What the team's ratings and opens say per content item and segment of leads (lib/brief/field-signals.ts),
 * kept beside the catalog they rank, in the same table so clearing the catalog clears them too.
 */
export interface StoredFieldSignals {
  id: 'field-signals';
  sourceId: string;
  fetchedAt: string;
  /** `team`: the source's answer (the Leadside server); `local`: counted from this browser's own ratings and opens. */
  origin: 'team' | 'local';
  signals: FieldSignal[];
}

/**
 * Data imported from files, packed many entries to a record as one JSON string (lib/import/store.ts
 * owns the layout): Chromium spends ~70 µs per IndexedDB record and structured-clones objects ~5×
 * slower than JSON, either of which would cap a one-record-per-row import far below the 20,000
 * rows/s a 100,000-lead file needs.
 */
export interface ImportedBucket {
  /** Which map: profiles, lookup keys, page views, search lines, content, meta. */
  store: string;
  /** hash(entry key) modulo the store's bucket count. */
  bucket: number;
  /** JSON of the bucket's keys and values. */
  data: string;
}

/**
 * The schema's history, one entry per version, oldest first. Each schema change appends an entry
 * (never edit an old one) so installed copies upgrade in place without losing unsent feedback.
 */
const SCHEMA_HISTORY: ReadonlyArray<(database: Dexie) => void> = [
  (database) =>
    database.version(1).stores({
      profiles: 'key, fetchedAt',
      content: 'id',
      catalogMeta: 'id',
      feedback: 'id, createdAt, lead.key, kind, delivery.state',
      contentEvents: 'id, contentId, type, at, leadKey',
      tabs: 'tabId',
    }),
  (database) => database.version(2).stores({ matchOverrides: 'key' }),
  // Secrets live here rather than in browser.storage.local, which content scripts can read.
  (database) => database.version(3).stores({ secrets: 'source' }),
  // The File import source (lib/import): its data is the source itself, not a cache of one.
  (database) => database.version(4).stores({ imported: '[store+bucket]' }),
  // Delivery state moves out of the feedback rows into one outbox for feedback and events alike.
  (database) =>
    database
      .version(5)
      .stores({ outbox: 'id, state, nextAttemptAt', feedback: 'id, createdAt, lead.key, kind' })
      .upgrade(async (tx) => {
        const rows = (await tx.table('feedback').toArray()) as Array<{ id: string; delivery?: { state: DeliveryState; attempts: number; lastError?: string } }>;
        await tx.table('outbox').bulkPut(
          rows.map((row) => ({
            id: row.id,
            kind: 'feedback',
            state: row.delivery?.state ?? 'queued',
            attempts: row.delivery?.attempts ?? 0,
            nextAttemptAt: 0,
            unclear: false,
            lastError: row.delivery?.lastError,
          })),
        );
        await tx
          .table('feedback')
          .toCollection()
          .modify((row: { delivery?: unknown }) => {
            delete row.delivery;
          });
      }),
  // Per-day counts of content events (lib/content-rollups.ts), so Insights reads thousands of rows
  // rather than every event; built here from the events stored so far. The event indexes nothing
  // queries go: each cost every event write (Insights reads events by `at` only, delivery by id).
  (database) =>
    database
      .version(6)
      .stores({ contentRollups: '[day+contentId]', contentEvents: 'id, at' })
      .upgrade((tx) => rebuildRollups(tx.table('contentEvents'), tx.table('contentRollups'))),
  // Draining reads only what waits: queued rows by queue and due time (the id last, so a drain can
  // resume exactly after its last batch). Sent rows used to stay in the nextAttemptAt index, and
  // every batch stepped over all of them.
  (database) =>
    database
      .version(7)
      .stores({ outbox: 'id, state, [queue+nextAttemptAt+id]' })
      .upgrade((tx) =>
        tx
          .table('outbox')
          .where('state')
          .equals('queued')
          .modify((row: OutboxRow) => {
            row.queue = queueOf(row);
          }),
      ),
  // Settings move here from browser.storage.local, which content scripts can write: a compromised
  // CRM page could otherwise point a source at its own host. lib/store/settings.ts moves an older
  // release's value over on first read (the browser API cannot be awaited inside this upgrade).
  (database) => database.version(8).stores({ settings: 'id' }),
  // The first look at each lead this install reported (lib/delivery/looks.ts): one per marketing
  // profile, which the unique index holds to even when two tabs open the same lead at once.
  (database) => database.version(9).stores({ leadLooks: 'id, &lead.profileId' }),
  // Imported profiles are found by a CRM record id that is a GUID (Dynamics 365) in its bare lower-case
  // form, as the CRM's page reports it; files that held one braced or in capitals were keyed as written,
  // so their lookup keys move to that form (lib/import/keys.ts crmKey). The profiles keep the ids as given.
  (database) =>
    database
      .version(10)
      .stores({})
      .upgrade(async (tx) => {
        await recanonicalizeCrmKeys(tx.table('imported'));
      }),
];

export const LATEST_DB_VERSION = SCHEMA_HISTORY.length;

export interface LeadsideDbOptions {
  /**
   * Declares only the versions up to this one: the database as an older release left it, so the
   * upgrade tests and the benchmark can fill it and then let the current code upgrade it.
   */
  upToVersion?: number;
}

/** The one module that owns IndexedDB. */
export class LeadsideDb extends Dexie {
  profiles!: EntityTable<CachedProfile, 'key'>;
  content!: EntityTable<ContentItem, 'id'>;
  catalogMeta!: EntityTable<CatalogMeta | StoredFieldSignals, 'id'>;
  feedback!: EntityTable<StoredFeedback, 'id'>;
  contentEvents!: EntityTable<ContentEvent, 'id'>;
  contentRollups!: RollupTable;
  tabs!: EntityTable<TabRecord, 'tabId'>;
  matchOverrides!: EntityTable<MatchOverride, 'key'>;
  secrets!: EntityTable<StoredSecrets, 'source'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  imported!: Table<ImportedBucket, [string, number]>;
  settings!: EntityTable<StoredSettings, 'id'>;
  leadLooks!: EntityTable<LeadLook, 'id'>;

  constructor(name = 'leadside', { upToVersion = LATEST_DB_VERSION }: LeadsideDbOptions = {}) {
    super(name);
    for (const declare of SCHEMA_HISTORY.slice(0, upToVersion)) declare(this);
    // A new install starts with its settings row (empty: the defaults), so nothing written to
    // browser.storage.local is ever taken for an older release's settings to move over.
    this.on('populate', (tx) => {
      if (tx.storeNames.includes('settings')) void tx.table('settings').add({ id: 'settings', value: {} } satisfies StoredSettings);
    });
  }
}

export const db = new LeadsideDb();

/**
 * Deletes everything Leadside stored locally except settings and secrets (the admin's connection):
 * cached leads and content, imported files, feedback, events and what waits to be delivered.
 */
export async function clearLocalData(): Promise<void> {
  const tables = [
    db.profiles,
    db.content,
    db.catalogMeta,
    db.feedback,
    db.contentEvents,
    db.contentRollups,
    db.tabs,
    db.matchOverrides,
    db.outbox,
    db.leadLooks,
    db.imported,
  ];
  await db.transaction('rw', tables, () => Promise.all(tables.map((table) => table.clear())));
}
