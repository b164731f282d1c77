import { z } from 'zod';
import { createHubSpotConnector } from '@/lib/connectors/hubspot';
import { createMauticConnector } from '@/lib/connectors/mautic';
import type { Connector } from '@/lib/connectors/types';
import { summarizeZodError } from '@/lib/schema';
import { HubSpotSourceSchema, MauticSourceSchema, type SourceSecrets } from '@/lib/schema/sources';
import type { Database } from '../db/database';
import { getTeamSource } from '../db/queries/sources';
import { decryptSecrets, secretsKey } from './secrets-crypto';

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

export interface TeamConnector {
  source: ServerSource;
  connector: Connector;
}

/**
 * Connectors kept per team while the source row is unchanged: they remember what the vendor said
 * (a Mautic OAuth2 token until it expires, whether HubSpot's events API is available), so a lookup
 * does not pay for a token request each time. Keyed by team id and checked against the row's
 * updated_at on every use, so a source changed by another instance is picked up at once.
 */
const cache = new Map<string, { updatedAt: number; team: TeamConnector }>();

/** The team's own connector, or undefined when the team has no source. */
export async function loadTeamConnector(database: Database, teamId: string, env: NodeJS.ProcessEnv = process.env): Promise<TeamConnector | undefined> {
  const stored = await getTeamSource(database.db, teamId);
  if (!stored) {
    cache.delete(teamId);
    return undefined;
  }
  const cached = cache.get(teamId);
  if (cached && cached.updatedAt === stored.updatedAt.getTime()) return cached.team;
  const parsed = ServerSourceSchema.safeParse(stored.config);
  if (!parsed.success) {
    throw new StoredSourceError(`The team's stored ${stored.kind} settings no longer read (${summarizeZodError(parsed.error)}). Set them again with \`set-source\`.`);
  }
  const team = { source: parsed.data, connector: createSourceConnector(parsed.data, decryptSecrets(stored.secrets, teamId, secretsKey(env))) };
  cache.set(teamId, { updatedAt: stored.updatedAt.getTime(), team });
  return team;
}
