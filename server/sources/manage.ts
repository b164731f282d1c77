import type { CapabilityCheck } from '@/lib/connectors/types';
import { summarizeZodError } from '@/lib/schema';
import type { SourceSecrets } from '@/lib/schema/sources';
import { AdminError } from '../admin/accounts';
import type { Database } from '../db/database';
import { getTeamSource, saveTeamSource, type StoredSource } from '../db/queries/sources';
import { getTeam } from '../db/queries/teams';
import { createSourceConnector, loadTeamConnector, requiredSecrets, SERVER_SOURCE_KINDS, ServerSourceSchema, VENDOR_LABELS, type ServerSource } from './connector';
import { decryptSecrets, encryptSecrets, secretsKey } from './secrets-crypto';

export interface SourceSettings {
  kind: string;
  /** The source's settings as the admin gave them (`kind` may be left out). */
  config: unknown;
  /** Secrets given now; a source of the same kind keeps its stored ones for names not given. */
  secrets: SourceSecrets;
}

/**
 * Sets a team's marketing system: settings validated with the extension's own source schema,
 * secrets checked against what the connector needs, the connection tested capability by capability,
 * then stored with the secrets encrypted. A failed check does not stop the save (the vendor may be
 * set up later); the checks say what will not work.
 */
export async function setTeamSource(
  database: Database,
  teamId: string,
  settings: SourceSettings,
  options: {
    env?: NodeJS.ProcessEnv;
    signal?: AbortSignal;
    /** How the caller's admin gives a secret, for the message that asks for one (the CLI's flag by default). */
    secretHint?: (name: string) => string;
  } = {},
): Promise<{ source: ServerSource; checks: CapabilityCheck[] }> {
  // First, so nothing is tested with secrets that then could not be stored.
  const key = secretsKey(options.env);
  await requireTeam(database, teamId);
  const source = parseSource(settings);
  const stored = await getTeamSource(database.db, teamId);
  const kept = stored?.kind === source.kind ? decryptSecrets(stored.secrets, teamId, key) : {};
  const needed = requiredSecrets(source);
  const unknown = Object.keys(settings.secrets).filter((name) => !needed.includes(name));
  if (unknown.length > 0) throw new AdminError(`${describe(source)} takes the secret ${needed.join(', ')}, not ${unknown.join(', ')}.`);
  const secrets = Object.fromEntries(needed.flatMap((name) => (settings.secrets[name] ?? kept[name] ? [[name, settings.secrets[name] ?? kept[name]!]] : [])));
  const missing = needed.filter((name) => !secrets[name]?.trim());
  const hint = options.secretHint ?? ((name: string) => `--secret ${name}=…`);
  if (missing.length > 0) throw new AdminError(`Give the ${describe(source)} secret: ${missing.map(hint).join(' ')}.`);

  const checks = await createSourceConnector(source, secrets).testConnection(options.signal ?? new AbortController().signal);
  await saveTeamSource(database.db, teamId, { kind: source.kind, config: source, secrets: encryptSecrets(secrets, teamId, key) });
  return { source, checks };
}

/** The connection test of the team's stored source. */
export async function testTeamSource(database: Database, teamId: string, options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {}): Promise<CapabilityCheck[]> {
  await requireTeam(database, teamId);
  const team = await loadTeamConnector(database, teamId, options.env);
  if (!team) throw new AdminError(`Team ${teamId} has no marketing system: set one with set-source.`);
  return team.connector.testConnection(options.signal ?? new AbortController().signal);
}

/** The team's source as the admin may see it: kind, settings and the last sync. Never the secrets. */
export async function describeTeamSource(database: Database, teamId: string): Promise<string[]> {
  await requireTeam(database, teamId);
  const stored = await getTeamSource(database.db, teamId);
  if (!stored) return [`Team ${teamId} has no marketing system (set one with set-source).`];
  const source = ServerSourceSchema.safeParse(stored.config).data;
  return [
    `Source: ${VENDOR_LABELS[stored.kind]}`,
    `Settings: ${JSON.stringify(stored.config)}`,
    `Secrets: ${source ? requiredSecrets(source).join(', ') : 'stored'} (encrypted; never shown)`,
    `Last sync: ${describeLastSync(stored)}`,
    ...(stored.syncStartedAt ? [`A sync is running since ${stored.syncStartedAt.toISOString()}.`] : []),
  ];
}

function describeLastSync(stored: StoredSource): string {
  if (!stored.lastSyncAt) return 'never';
  const at = stored.lastSyncAt.toISOString();
  if (stored.lastSyncError) return `${at}, failed: ${stored.lastSyncError}`;
  return `${at}, ${stored.catalogCount ?? 0} catalog item${stored.catalogCount === 1 ? '' : 's'} from the vendor`;
}

/** A capability check as one line: ✓ or ✗, the capability, and what worked or the vendor's own error. */
export const describeCheck = (check: CapabilityCheck): string => `${check.ok ? '✓' : '✗'} ${check.capability}: ${check.message}`;

function parseSource(settings: SourceSettings): ServerSource {
  if (!(SERVER_SOURCE_KINDS as readonly string[]).includes(settings.kind)) {
    throw new AdminError(`--kind must be ${SERVER_SOURCE_KINDS.join(' or ')}, not "${settings.kind}".`);
  }
  const config = settings.config ?? {};
  if (typeof config !== 'object' || Array.isArray(config)) throw new AdminError('--config must be a JSON object of the source\'s settings.');
  if ('kind' in config && config.kind !== settings.kind) throw new AdminError(`--config says kind "${String(config.kind)}" but --kind is ${settings.kind}.`);
  const parsed = ServerSourceSchema.safeParse({ ...config, kind: settings.kind });
  if (!parsed.success) throw new AdminError(`Invalid ${VENDOR_LABELS[settings.kind as ServerSource['kind']]} settings: ${summarizeZodError(parsed.error)}`);
  return parsed.data;
}

const describe = (source: ServerSource) =>
  source.kind === 'mautic' ? `Mautic with ${source.auth.method === 'basic' ? 'basic auth' : 'OAuth2'}` : VENDOR_LABELS[source.kind];

async function requireTeam(database: Database, teamId: string): Promise<void> {
  if (!(await getTeam(database.db, teamId))) throw new AdminError(`No team with id ${teamId}.`);
}
