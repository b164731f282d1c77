import type { CapabilityCheck } from '@/lib/connectors/types';
import { summarizeZodError } from '@/lib/schema';
import type { SourceSecrets } from '@/lib/schema/sources';
import { AdminError } from '../admin/accounts';
import type { Database } from '../db/database';
import { getTeamSource, listTeamSources, removeTeamSource, saveTeamSource, setMainSource, type SourceKind, type StoredSource } from '../db/queries/sources';
import { getTeam } from '../db/queries/teams';
import { createSourceConnector, loadTeamConnector, requiredSecrets, SERVER_SOURCE_KINDS, ServerSourceSchema, VENDOR_LABELS, type ServerSource } from './connector';
import { decryptSecrets, encryptSecrets, secretsKey } from './secrets-crypto';

export interface SourceSettings {
  kind: string;
  /** Make it the team's main source (first in its order: forwarded verdicts go to it). A new kind otherwise goes last. */
  main?: boolean;
  /** The source's settings as the admin gave them (`kind` may be left out). */
  config: unknown;
  /** Secrets given now; a source of the same kind keeps its stored ones for names not given. */
  secrets: SourceSecrets;
}

/**
 * Sets one of a team's marketing systems (one per kind; a team may read HubSpot and Mautic at once):
 * settings validated with the extension's own source schema,
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
): Promise<{ source: ServerSource; checks: CapabilityCheck[]; added: boolean }> {
  // First, so nothing is tested with secrets that then could not be stored.
  const key = secretsKey(options.env);
  await requireTeam(database, teamId);
  const source = parseSource(settings);
  const stored = await getTeamSource(database.db, teamId, source.kind);
  const kept = stored ? decryptSecrets(stored.secrets, teamId, key) : {};
  const needed = requiredSecrets(source);
  const unknown = Object.keys(settings.secrets).filter((name) => !needed.includes(name));
  if (unknown.length > 0) throw new AdminError(`${describe(source)} takes the secret ${needed.join(', ')}, not ${unknown.join(', ')}.`);
  const secrets = Object.fromEntries(needed.flatMap((name) => (settings.secrets[name] ?? kept[name] ? [[name, settings.secrets[name] ?? kept[name]!]] : [])));
  const missing = needed.filter((name) => !secrets[name]?.trim());
  const hint = options.secretHint ?? ((name: string) => `--secret ${name}=…`);
  if (missing.length > 0) throw new AdminError(`Give the ${describe(source)} secret: ${missing.map(hint).join(' ')}.`);

  const checks = await createSourceConnector(source, secrets).testConnection(options.signal ?? new AbortController().signal);
  const { added } = await saveTeamSource(database.db, teamId, { kind: source.kind, config: source, secrets: encryptSecrets(secrets, teamId, key), main: settings.main });
  return { source, checks, added };
}

/**
 * The connection test of one of the team's stored sources (`kind`), or of all of them (each check
 * then names its system; only the main source's write check counts, as only it receives verdicts).
 */
export async function testTeamSource(
  database: Database,
  teamId: string,
  options: { kind?: SourceKind; env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {},
): Promise<CapabilityCheck[]> {
  await requireTeam(database, teamId);
  const team = await loadTeamConnector(database, teamId, options.env);
  if (!team) throw new AdminError(`Team ${teamId} has no marketing system: set one with set-source.`);
  const signal = options.signal ?? new AbortController().signal;
  if (!options.kind) return team.connector.testConnection(signal);
  const system = team.systems.find((candidate) => candidate.kind === options.kind);
  if (!system) throw new AdminError(`Team ${teamId} has no ${VENDOR_LABELS[options.kind]} source (it has ${team.systems.map((other) => VENDOR_LABELS[other.kind]).join(' and ')}).`);
  if (system.problem) throw system.problem;
  return system.connector.testConnection(signal);
}

/** Removes the team's source of this kind (its synced catalog items retired); the next one in the team's order becomes main. */
export async function removeSource(database: Database, teamId: string, kind: string): Promise<{ kind: SourceKind; retired: number; main: SourceKind | undefined }> {
  await requireTeam(database, teamId);
  const known = parseKind(kind);
  const removed = await removeTeamSource(database.db, teamId, known);
  if (!removed) throw new AdminError(`Team ${teamId} has no ${VENDOR_LABELS[known]} source to remove.`);
  return { kind: known, retired: removed.retired, main: (await getTeamSource(database.db, teamId))?.kind };
}

/** Makes the team's source of this kind its main one: forwarded verdicts go to it, and its answers come first in a merged brief. */
export async function makeMainSource(database: Database, teamId: string, kind: string): Promise<SourceKind> {
  await requireTeam(database, teamId);
  const known = parseKind(kind);
  if (!(await setMainSource(database.db, teamId, known))) throw new AdminError(`Team ${teamId} has no ${VENDOR_LABELS[known]} source: set it first.`);
  return known;
}

/** The team's sources as the admin may see them, main first: kind, settings and the last sync of each. Never the secrets. */
export async function describeTeamSource(database: Database, teamId: string): Promise<string[]> {
  await requireTeam(database, teamId);
  const sources = await listTeamSources(database.db, teamId);
  if (sources.length === 0) return [`Team ${teamId} has no marketing system (set one with set-source).`];
  return sources.flatMap((stored, index) => {
    const source = ServerSourceSchema.safeParse(stored.config).data;
    const role = sources.length === 1 ? '' : index === 0 ? ' (main: forwarded verdicts go here)' : ' (read beside the main one)';
    return [
      ...(index > 0 ? [''] : []),
      `Source: ${VENDOR_LABELS[stored.kind]}${role}`,
      `Settings: ${JSON.stringify(stored.config)}`,
      `Secrets: ${source ? requiredSecrets(source).join(', ') : 'stored'} (encrypted; never shown)`,
      `Last sync: ${describeLastSync(stored)}`,
      ...(stored.syncStartedAt ? [`A sync is running since ${stored.syncStartedAt.toISOString()}.`] : []),
    ];
  });
}

function describeLastSync(stored: StoredSource): string {
  if (!stored.lastSyncAt) return 'never';
  const at = stored.lastSyncAt.toISOString();
  if (stored.lastSyncError) return `${at}, failed: ${stored.lastSyncError}`;
  return `${at}, ${stored.catalogCount ?? 0} catalog item${stored.catalogCount === 1 ? '' : 's'} from the vendor`;
}

/** A capability check as one line: ✓ or ✗, the capability, and what worked or the vendor's own error. */
export const describeCheck = (check: CapabilityCheck): string => `${check.ok ? '✓' : '✗'} ${check.capability}: ${check.message}`;

function parseKind(kind: string): SourceKind {
  if (!(SERVER_SOURCE_KINDS as readonly string[]).includes(kind)) throw new AdminError(`--kind must be ${SERVER_SOURCE_KINDS.join(' or ')}, not "${kind}".`);
  return kind as SourceKind;
}

function parseSource(settings: SourceSettings): ServerSource {
  parseKind(settings.kind);
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
