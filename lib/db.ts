import Dexie, { type EntityTable } from 'dexie';
import type { ContentEvent, ContentItem, DeliveryState, FeedbackItem, LeadProfile } from '@/lib/schema';
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
}

export interface Delivery {
  state: DeliveryState;
  attempts: number;
  lastError?: string;
}

export type StoredFeedback = FeedbackItem & { delivery: Delivery };

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
  }
}

export const db = new LeadsideDb();

/** Deletes everything Leadside stored locally except settings (the admin's connection). */
export async function clearLocalData(): Promise<void> {
  await db.transaction('rw', [db.profiles, db.content, db.catalogMeta, db.feedback, db.contentEvents, db.tabs, db.matchOverrides], () =>
    Promise.all([
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
