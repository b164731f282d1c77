import type { Database } from '../db/database';
import { claimSync, finishSync, listTeamSources, saveVendorContent, type SourceKind } from '../db/queries/sources';
import { loadTeamConnector, VENDOR_LABELS } from './connector';

/** A sync that died with its process leaves its lease; after this long another may take over. */
export const SYNC_LEASE_MS = 10 * 60_000;

export interface SyncReport {
  kind: SourceKind;
  /** Items the vendor listed. */
  items: number;
  added: number;
  updated: number;
  unchanged: number;
  /** The vendor's items it stopped listing, taken out of the catalog. */
  retired: number;
  /** Items a source earlier in the team's order already lists (same id or URL), left to it. */
  duplicates: number;
  at: Date;
}

/** One source's outcome in a sync of every source of the team. */
export type SourceSyncOutcome = { kind: SourceKind; report: SyncReport } | { kind: SourceKind; error: unknown };

/** Nothing to sync: no source, or a sync of this source already running. */
export class SyncNotStartedError extends Error {}

interface SyncOptions {
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/**
 * One sync of one of the team's sources (the given kind; by default the main source): the vendor's
 * whole list, upserted into the team's content as that vendor's items (its items it no longer lists
 * retired; never another vendor's or an import's), and the outcome recorded on that source alone:
 * last_sync_at, and last_sync_error with the vendor's own words, or catalog_count (the items the
 * vendor listed). Each source has its own lease, so HubSpot's sync and Mautic's run side by side.
 * Profiles are not synced in bulk (the connectors have no cheap export); lookups fetch them on a miss.
 */
export async function syncTeamSource(database: Database, teamId: string, options: SyncOptions & { kind?: SourceKind } = {}): Promise<SyncReport> {
  const sources = await listTeamSources(database.db, teamId);
  const stored = options.kind ? sources.find((source) => source.kind === options.kind) : sources[0];
  if (!stored) {
    throw new SyncNotStartedError(
      options.kind && sources.length > 0
        ? `Team ${teamId} has no ${VENDOR_LABELS[options.kind]} source (it has ${sources.map((source) => VENDOR_LABELS[source.kind]).join(' and ')}).`
        : `Team ${teamId} has no marketing system to sync from: set one with \`set-source\`.`,
    );
  }
  const { kind } = stored;
  if (!(await claimSync(database.db, teamId, kind, SYNC_LEASE_MS))) {
    throw new SyncNotStartedError(`A sync of team ${teamId}'s ${VENDOR_LABELS[kind]} source is already running (started ${stored.syncStartedAt?.toISOString() ?? 'just now'}).`);
  }
  try {
    const team = await loadTeamConnector(database, teamId, options.env);
    const systems = team?.systems ?? [];
    const system = systems.find((candidate) => candidate.kind === kind);
    if (!system) throw new SyncNotStartedError(`Team ${teamId}'s ${VENDOR_LABELS[kind]} source was removed while the sync started.`);
    const items = await system.connector.listContent(options.signal ?? new AbortController().signal);
    const yieldTo = systems.slice(0, systems.indexOf(system)).map((earlier) => earlier.kind);
    const changes = await saveVendorContent(database.db, teamId, kind, items, { yieldTo });
    const at = new Date();
    await finishSync(database.db, teamId, kind, { at, error: null, catalogCount: items.length });
    return { kind, items: items.length, ...changes, at };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishSync(database.db, teamId, kind, { at: new Date(), error: message });
    throw error;
  }
}

/**
 * Every source of the team, one after the other in the team's order (so the main source's items are
 * in first and the others leave its copies be), each with its own lease, time and error: one that
 * fails does not stop the others. An empty list when the team has no source.
 */
export async function syncTeamSources(database: Database, teamId: string, options: SyncOptions = {}): Promise<SourceSyncOutcome[]> {
  const outcomes: SourceSyncOutcome[] = [];
  for (const { kind } of await listTeamSources(database.db, teamId)) {
    try {
      outcomes.push({ kind, report: await syncTeamSource(database, teamId, { ...options, kind }) });
    } catch (error) {
      outcomes.push({ kind, error });
    }
  }
  return outcomes;
}

/** One line for the CLI and the job log. */
export const describeSync = (report: SyncReport): string =>
  `Synced ${VENDOR_LABELS[report.kind]} at ${report.at.toISOString()}: ${report.items} item${report.items === 1 ? '' : 's'} listed; ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.retired} retired${
    report.duplicates > 0 ? `; ${report.duplicates} left to a source earlier in the team's order (already listed there)` : ''
  }.`;
