import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ContentEvent, ContentItem, DeliveryState, FeedbackItem, LeadProfile, PageView } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';

/** A marketing lookup's answer for one CRM record, found or not, with when it was fetched. */
export interface CachedProfile {
  /** recordKey(): "salesforce:00Q…" */
  key: string;
  /** The e-mail the lookup used; a later lookup with a different e-mail must not reuse a miss. */
  email?: string;
  profile: LeadProfile | null;
  fetchedAt: string;
  /** The profile is the one the rep picked for this record, not the automatic match. */
  chosenByRep?: boolean;
  /** The last refresh failed then, saying this; the entry is what the source said before. */
  refreshFailedAt?: string;
  refreshError?: string;
}

/**
 * One feedback item or content event on its way to marketing's system. Written in the same
 * transaction as the item itself, so nothing stored is ever left without a delivery record.
 */
export interface OutboxRow {
  /** The item's idempotency id. */
  id: string;
  kind: 'feedback' | 'event';
  state: DeliveryState;
  attempts: number;
  /** Epoch ms before which no retry is made (backoff, Retry-After). */
  nextAttemptAt: number;
  /** Set while a request is out: if the worker dies mid-request, the next attempt knows. */
  unclear: boolean;
  lastError?: string;
  remoteId?: string;
}

export type StoredFeedback = FeedbackItem;

/** The record a tab shows. Kept here, not in memory, because the service worker is killed when idle. */
export interface TabRecord {
  tabId: number;
  record: DetectedRecord | null;
  updatedAt: string;
}

/** The rep's correction of a wrong match: this CRM record is this marketing profile. */
export interface MatchOverride {
  /** recordKey() of the CRM record. */
  key: string;
  profileId: string;
  chosenAt: string;
}

/** A source's secrets (tokens, passwords), readable only by Leadside's own pages and worker. */
export interface StoredSecrets {
  source: string;
  values: Record<string, string>;
}

export interface CatalogMeta {
  id: 'catalog';
  fetchedAt: string;
  sourceId: string;
}

/** A lead imported from a file (lib/import): the profile without page views, and the keys it is found by. */
export interface ImportedProfile {
  id: string;
  profile: LeadProfile;
  /** Lower-cased: e-mail lookups ignore case. */
  emailKey?: string;
  /** recordKey()-style "salesforce:00Q…", one per CRM id (Salesforce ids in both 15- and 18-character forms). */
  crmKeys: string[];
  /** Lower-cased words of the name, e-mail and company, for the rep's search. */
  words: string[];
}

/** A page view imported from a file: kept apart so page-view files may come before or after the profiles. */
export interface ImportedPageView extends PageView {
  /** How the file named the lead: "id:<profile id>" or "email:<lower-cased e-mail>". */
  profileKey: string;
}

/**
 * The one module that owns IndexedDB. Each schema change adds a version below (never edit an old
 * one) so installed copies upgrade in place without losing unsent feedback.
 */
export class LeadsideDb extends Dexie {
  profiles!: EntityTable<CachedProfile, 'key'>;
  content!: EntityTable<ContentItem, 'id'>;
  catalogMeta!: EntityTable<CatalogMeta, 'id'>;
  feedback!: EntityTable<StoredFeedback, 'id'>;
  contentEvents!: EntityTable<ContentEvent, 'id'>;
  tabs!: EntityTable<TabRecord, 'tabId'>;
  matchOverrides!: EntityTable<MatchOverride, 'key'>;
  secrets!: EntityTable<StoredSecrets, 'source'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  importedProfiles!: EntityTable<ImportedProfile, 'id'>;
  importedPageViews!: Table<ImportedPageView, [string, string, string]>;
  importedContent!: EntityTable<ContentItem, 'id'>;

  constructor(name = 'leadside') {
    super(name);
    this.version(1).stores({
      profiles: 'key, fetchedAt',
      content: 'id',
      catalogMeta: 'id',
      feedback: 'id, createdAt, lead.key, kind, delivery.state',
      contentEvents: 'id, contentId, type, at, leadKey',
      tabs: 'tabId',
    });
    this.version(2).stores({ matchOverrides: 'key' });
    // Secrets live here rather than in browser.storage.local, which content scripts can read.
    this.version(3).stores({ secrets: 'source' });
    // The File import source (lib/import): its data is the source itself, not a cache of one.
    // Page views are keyed by lead, time and URL so re-importing a file adds nothing.
    this.version(4).stores({
      importedProfiles: 'id, emailKey, *crmKeys, *words',
      importedPageViews: '[profileKey+viewedAt+url], profileKey',
      importedContent: 'id',
    });
    // Delivery state moves out of the feedback rows into one outbox for feedback and events alike.
    this.version(5)
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
      });
  }
}

export const db = new LeadsideDb();

/** Deletes everything Leadside stored locally except settings (the admin's connection). */
export async function clearLocalData(): Promise<void> {
  await db.transaction('rw', [db.profiles, db.content, db.catalogMeta, db.feedback, db.contentEvents, db.tabs, db.matchOverrides, db.outbox], () =>
    Promise.all([
      db.outbox.clear(),
      db.matchOverrides.clear(),
      db.profiles.clear(),
      db.content.clear(),
      db.catalogMeta.clear(),
      db.feedback.clear(),
      db.contentEvents.clear(),
      db.tabs.clear(),
    ]),
  );
}
