import type { Database } from '../db/database';
import { claimSync, finishSync, getTeamSource, saveVendorContent } from '../db/queries/sources';
import { loadTeamConnector, VENDOR_LABELS, type ServerSource } from './connector';

/** A sync that died with its process leaves its lease; after this long another may take over. */
export const SYNC_LEASE_MS = 10 * 60_000;

export interface SyncReport {
  kind: ServerSource['kind'];
  /** Items the vendor listed. */
  items: number;
  added: number;
  updated: number;
  unchanged: number;
  /** The vendor's items it stopped listing, taken out of the catalog. */
  retired: number;
  at: Date;
}

/** Nothing to sync: no source, or a sync of this team already running. */
export class SyncNotStartedError extends Error {}

/**
 * One sync of a team's catalog from its vendor: the connector's whole list, upserted into the team's
 * content (vendor items it no longer lists retired), and the outcome recorded on the source:
 * last_sync_at, and last_sync_error with the vendor's own words, or catalog_count (the items the vendor listed). Profiles are
 * not synced in bulk (the connectors have no cheap export); lookups fetch them on a miss.
 */
export async function syncTeamSource(database: Database, teamId: string, options: { signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {}): Promise<SyncReport> {
  const stored = await getTeamSource(database.db, teamId);
  if (!stored) throw new SyncNotStartedError(`Team ${teamId} has no marketing system to sync from: set one with \`set-source\`.`);
  if (!(await claimSync(database.db, teamId, SYNC_LEASE_MS))) {
    throw new SyncNotStartedError(`A sync of team ${teamId} is already running (started ${stored.syncStartedAt?.toISOString() ?? 'just now'}).`);
  }
  try {
    const team = await loadTeamConnector(database, teamId, options.env);
    if (!team) throw new SyncNotStartedError(`Team ${teamId}'s source was removed while the sync started.`);
    const items = await team.connector.listContent(options.signal ?? new AbortController().signal);
    const changes = await saveVendorContent(database.db, teamId, team.source.kind, items);
    const at = new Date();
    await finishSync(database.db, teamId, { at, error: null, catalogCount: items.length });
    return { kind: team.source.kind, items: items.length, ...changes, at };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishSync(database.db, teamId, { at: new Date(), error: message });
    throw error;
  }
}

/** One line for the CLI and the job log. */
export const describeSync = (report: SyncReport): string =>
  `Synced ${VENDOR_LABELS[report.kind]} at ${report.at.toISOString()}: ${report.items} item${report.items === 1 ? '' : 's'} listed; ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.retired} retired.`;
