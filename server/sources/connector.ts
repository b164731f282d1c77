import { z } from 'zod';
import { createHubSpotConnector } from '@/lib/connectors/hubspot';
import { createMauticConnector } from '@/lib/connectors/mautic';
import { createMergedConnector } from '@/lib/connectors/merged';
import type { Connector } from '@/lib/connectors/types';
import { summarizeZodError } from '@/lib/schema';
import { HubSpotSourceSchema, MauticSourceSchema, type SourceSecrets } from '@/lib/schema/sources';
import type { Database } from '../db/database';
import { listTeamSources, type StoredSource } from '../db/queries/sources';
import { decryptSecrets, SecretsKeyError, secretsKey } from './secrets-crypto';

/** The marketing systems the server syncs from: those whose connectors hold a vendor secret. */
export const ServerSourceSchema = z.discriminatedUnion('kind', [HubSpotSourceSchema, MauticSourceSchema]);
export type ServerSource = z.infer<typeof ServerSourceSchema>;
export const SERVER_SOURCE_KINDS = ['hubspot', 'mautic'] as const;

export const VENDOR_LABELS: Record<ServerSource['kind'], string> = { hubspot: 'HubSpot', mautic: 'Mautic' };

/** The secret names each source needs (lib/connectors/hubspot.ts and mautic.ts read these). */
export function requiredSecrets(source: ServerSource): string[] {
  if (source.kind === 'hubspot') return ['token'];
  return source.auth.method === 'basic' ? ['password'] : ['clientSecret'];
}

/** The shared connector for a source: the same code the extension runs, here with the server's secrets. */
export function createSourceConnector(source: ServerSource, secrets: SourceSecrets): Connector {
  return source.kind === 'hubspot' ? createHubSpotConnector(source, secrets) : createMauticConnector(source, secrets);
}

/** A stored source that no longer reads (the schema changed under it): the admin must set it again. */
export class StoredSourceError extends Error {}

/** One of the team's sources with its own connector. */
export interface TeamSystem {
  kind: ServerSource['kind'];
  /** Its settings; undefined when the stored row no longer reads (then `problem` says why). */
  source?: ServerSource;
  /** Its own connector; one that could not be built rejects every call with `problem`. */
  connector: Connector;
  /** Why this source cannot be asked (settings or secrets that no longer read), for the admin. */
  problem?: Error;
}

export interface TeamConnector {
  /** The team's sources in its order: the first is the main one. */
  systems: TeamSystem[];
  /**
   * The connector lookups and deliveries use: the main source's own when the team has one source;
   * with several, one that asks them all and merges their answers (lib/connectors/merged.ts), while
   * deliveries (forwarded verdicts) and a corrected match go to the main source only.
   */
  connector: Connector;
}

/**
 * Connectors kept while their source rows are unchanged: they remember what the vendor said (a
 * Mautic OAuth2 token until it expires, whether HubSpot's events API is available), so a lookup does
 * not pay for a token request each time. Kept per team and checked against every row's kind,
 * position and updated_at on every use, so a source added, changed, reordered or removed by another
 * instance is picked up at once; each source's own connector is kept per (team, kind) so that
 * adding Mautic does not forget what HubSpot's connector learnt.
 */
const teamCache = new Map<string, { signature: string; team: TeamConnector }>();
const systemCache = new Map<string, { updatedAt: number; system: TeamSystem }>();

/** The team's connector over all its sources, or undefined when the team has none. */
export async function loadTeamConnector(database: Database, teamId: string, env: NodeJS.ProcessEnv = process.env): Promise<TeamConnector | undefined> {
  const rows = await listTeamSources(database.db, teamId);
  if (rows.length === 0) {
    teamCache.delete(teamId);
    for (const kind of SERVER_SOURCE_KINDS) systemCache.delete(`${teamId}\n${kind}`);
    return undefined;
  }
  const signature = rows.map((row) => `${row.kind}@${row.position}@${row.updatedAt.getTime()}`).join(',');
  const cached = teamCache.get(teamId);
  if (cached?.signature === signature) return cached.team;
  // Without the key nothing can be read: the server's set-up, said at once rather than per source.
  const key = secretsKey(env);
  const systems = rows.map((row) => systemFor(teamId, row, key));
  const single = systems.length === 1 ? systems[0]! : undefined;
  if (single?.problem) throw single.problem;
  const connector = single
    ? single.connector
    : createMergedConnector(
        { connector: systems[0]!.connector, timeoutMs: lookupTimeoutMs(systems[0]!) },
        systems.slice(1).map((system) => ({ connector: system.connector, timeoutMs: lookupTimeoutMs(system) })),
      );
  const team = { systems, connector };
  teamCache.set(teamId, { signature, team });
  return team;
}

/** One stored source's connector, reused while its row is unchanged. */
function systemFor(teamId: string, row: StoredSource, key: Buffer): TeamSystem {
  const cacheKey = `${teamId}\n${row.kind}`;
  const cached = systemCache.get(cacheKey);
  if (cached?.updatedAt === row.updatedAt.getTime()) return cached.system;
  let system: TeamSystem;
  try {
    const parsed = ServerSourceSchema.safeParse(row.config);
    if (!parsed.success) {
      throw new StoredSourceError(`The team's stored ${VENDOR_LABELS[row.kind]} settings no longer read (${summarizeZodError(parsed.error)}). Set them again with \`set-source\`.`);
    }
    system = { kind: row.kind, source: parsed.data, connector: createSourceConnector(parsed.data, decryptSecrets(row.secrets, teamId, key)) };
  } catch (error) {
    if (!(error instanceof StoredSourceError || error instanceof SecretsKeyError)) throw error;
    // Beside other sources, one that cannot be read leaves a note on each brief, not a blank one.
    system = { kind: row.kind, connector: unreadableConnector(row.kind, error), problem: error };
  }
  systemCache.set(cacheKey, { updatedAt: row.updatedAt.getTime(), system });
  return system;
}

/** How long one source may take in a merged lookup before the others show without it. */
const lookupTimeoutMs = (system: TeamSystem): number => (system.source?.timeoutSeconds ?? 8) * 1000;

/** A connector for a source whose stored settings or secrets do not read: every call fails with why. */
function unreadableConnector(kind: ServerSource['kind'], problem: Error): Connector {
  const fail = () => Promise.reject(problem);
  return {
    id: `${kind}-unreadable`,
    label: VENDOR_LABELS[kind],
    findProfile: fail,
    getProfile: fail,
    searchProfiles: fail,
    listContent: fail,
    deliver: fail,
    testConnection: fail,
  };
}
