import { ConnectorError } from '@/lib/connectors/types';
import { AdminError } from '../admin/accounts';
import type { Database } from '../db/database';
import { listTeamSources, type SourceKind } from '../db/queries/sources';
import { SERVER_SOURCE_KINDS, StoredSourceError, VENDOR_LABELS } from './connector';
import { describeCheck, describeTeamSource, makeMainSource, removeSource, setTeamSource, testTeamSource } from './manage';
import { SecretsKeyError } from './secrets-crypto';
import { describeSync, SyncNotStartedError, syncTeamSource, syncTeamSources } from './sync';

export const SOURCE_USAGE = `  set-source --team ID --kind hubspot|mautic --config '<json>' --secret NAME=VALUE … [--main]
                                                 one of the team's marketing systems, one per kind
                                                 (HubSpot: --secret token=…; Mautic: --secret password=…
                                                 or clientSecret=…); tests it. A second kind is read
                                                 beside the first; --main puts it first (verdicts go there)
  remove-source --team ID --kind hubspot|mautic  removes that source (its synced catalog items retired)
  main-source --team ID --kind hubspot|mautic    makes that source the main one
  test-source --team ID [--kind …]               tests the stored sources, capability by capability
  sync --team ID [--kind …]                      syncs the team's catalog from each source now
  describe-source --team ID  (or: source)        every source, main first: kind, settings, last sync
                                                 and its error (never secrets)
  (set-source needs LEADSIDE_SECRETS_KEY: make one with \`openssl rand -base64 32\`)`;

export const SOURCE_FLAGS = {
  config: { type: 'string' },
  main: { type: 'boolean' },
  secret: { type: 'string', multiple: true },
} as const;

type Flags = Record<string, string | boolean | string[] | undefined>;

function team(flags: Flags): string {
  const value = flags.team;
  if (typeof value !== 'string' || !value.trim()) throw new AdminError('Missing --team.');
  return value.trim();
}

function kindFlag(flags: Flags): string {
  const value = flags.kind;
  if (typeof value !== 'string' || !value.trim()) throw new AdminError('Missing --kind (hubspot or mautic).');
  return value.trim();
}

/** An optional --kind, checked like set-source's. */
function optionalKind(flags: Flags): SourceKind | undefined {
  if (flags.kind === undefined) return undefined;
  const kind = kindFlag(flags);
  if (!(SERVER_SOURCE_KINDS as readonly string[]).includes(kind)) throw new AdminError(`--kind must be ${SERVER_SOURCE_KINDS.join(' or ')}, not "${kind}".`);
  return kind as SourceKind;
}

/** `--secret token=abc` (repeatable) as a record; the value may itself hold `=`. */
export function parseSecretFlags(values: string | boolean | string[] | undefined): Record<string, string> {
  const list = typeof values === 'string' ? [values] : Array.isArray(values) ? values : [];
  const secrets: Record<string, string> = {};
  for (const entry of list) {
    const split = entry.indexOf('=');
    if (split <= 0) throw new AdminError('Write each secret as --secret NAME=VALUE (e.g. --secret token=pat-…).');
    secrets[entry.slice(0, split).trim()] = entry.slice(split + 1);
  }
  return secrets;
}

function parseConfig(text: string | boolean | string[] | undefined): unknown {
  if (text === undefined) return {};
  if (typeof text !== 'string') throw new AdminError("--config takes the settings as JSON, e.g. --config '{\"baseUrl\":\"https://mautic.example.com\"}'.");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AdminError(`--config is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Failures that are the admin's to fix, printed as a message without a stack. */
async function asAdminError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SecretsKeyError || error instanceof SyncNotStartedError || error instanceof ConnectorError || error instanceof StoredSourceError) throw new AdminError(error.message);
    throw error;
  }
}

const describeSource = (database: Database, flags: Flags) => describeTeamSource(database, team(flags));

export const SOURCE_COMMANDS: Record<string, (database: Database, flags: Flags) => Promise<string[]>> = {
  'set-source': (database, flags) =>
    asAdminError(async () => {
      const teamId = team(flags);
      const kind = typeof flags.kind === 'string' ? flags.kind.trim() : '';
      const { source, checks, added } = await setTeamSource(database, teamId, {
        kind,
        config: parseConfig(flags.config),
        secrets: parseSecretFlags(flags.secret),
        main: flags.main === true,
      });
      const failed = checks.filter((check) => !check.ok).length;
      const sources = await listTeamSources(database.db, teamId);
      const label = VENDOR_LABELS[source.kind];
      const place =
        sources.length === 1
          ? ''
          : sources[0]!.kind === source.kind
            ? ` It is the main source (verdicts go to it); ${sources.slice(1).map((other) => VENDOR_LABELS[other.kind]).join(' and ')} read beside it.`
            : ` It is read beside the main source, ${VENDOR_LABELS[sources[0]!.kind]} (verdicts go there; \`main-source --kind ${source.kind}\` changes that).`;
      return [
        ...checks.map(describeCheck),
        `${added ? 'Added' : 'Saved'} the ${label} source of team ${teamId} (secrets encrypted).${place}`,
        failed > 0
          ? `${failed} of ${checks.length} checks failed: what they cover will fail (lookups answer 502, or a note when another source answers) until that is fixed.`
          : 'The server syncs the catalog within 15 minutes; `sync --team ID` does it now.',
      ];
    }),

  'remove-source': (database, flags) =>
    asAdminError(async () => {
      const teamId = team(flags);
      const { kind, retired, main } = await removeSource(database, teamId, kindFlag(flags));
      return [
        `Removed the ${VENDOR_LABELS[kind]} source of team ${teamId}; ${retired} of its synced catalog item${retired === 1 ? '' : 's'} retired.`,
        main ? `${VENDOR_LABELS[main]} is the team's main source now.` : 'The team has no marketing system now: lookups answer from the server\'s own data only.',
      ];
    }),

  'main-source': (database, flags) =>
    asAdminError(async () => {
      const teamId = team(flags);
      const kind = await makeMainSource(database, teamId, kindFlag(flags));
      return [`${VENDOR_LABELS[kind]} is the main source of team ${teamId}: verdicts are forwarded to it from now on, and its answers come first in a brief.`];
    }),

  'test-source': (database, flags) =>
    asAdminError(async () => {
      const checks = await testTeamSource(database, team(flags), { kind: optionalKind(flags) });
      const lines = checks.map(describeCheck);
      // A failed check fails the command, so scripts can tell.
      if (checks.some((check) => !check.ok)) throw new AdminError(lines.join('\n'));
      return lines;
    }),

  sync: (database, flags) =>
    asAdminError(async () => {
      const teamId = team(flags);
      const kind = optionalKind(flags);
      if (kind) return [describeSync(await syncTeamSource(database, teamId, { kind }))];
      const outcomes = await syncTeamSources(database, teamId);
      if (outcomes.length === 0) throw new SyncNotStartedError(`Team ${teamId} has no marketing system to sync from: set one with \`set-source\`.`);
      // One source: its own error, as it was before teams had several.
      if (outcomes.length === 1 && 'error' in outcomes[0]!) throw outcomes[0].error;
      const lines = outcomes.map((outcome) => ('report' in outcome ? describeSync(outcome.report) : `✗ ${VENDOR_LABELS[outcome.kind]} did not sync: ${messageOf(outcome.error)}`));
      // A failed source fails the command, so scripts can tell; the others' lines say what did sync.
      if (outcomes.some((outcome) => 'error' in outcome)) throw new AdminError(lines.join('\n'));
      return lines;
    }),

  'describe-source': describeSource,
  source: describeSource,
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
