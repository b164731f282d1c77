import { ConnectorError } from '@/lib/connectors/types';
import { AdminError } from '../admin/accounts';
import type { Database } from '../db/database';
import { describeCheck, describeTeamSource, setTeamSource, testTeamSource } from './manage';
import { SecretsKeyError } from './secrets-crypto';
import { describeSync, SyncNotStartedError, syncTeamSource } from './sync';

export const SOURCE_USAGE = `  set-source --team ID --kind hubspot|mautic --config '<json>' --secret NAME=VALUE …
                                                 the team's marketing system (HubSpot: --secret token=…;
                                                 Mautic: --secret password=… or clientSecret=…); tests it
  test-source --team ID                          tests the stored source, capability by capability
  sync --team ID                                 syncs the team's catalog from its source now
  source --team ID                               the source's kind, settings and last sync (never secrets)
  (set-source needs LEADSIDE_SECRETS_KEY: make one with \`openssl rand -base64 32\`)`;

export const SOURCE_FLAGS = {
  config: { type: 'string' },
  secret: { type: 'string', multiple: true },
} as const;

type Flags = Record<string, string | boolean | string[] | undefined>;

function team(flags: Flags): string {
  const value = flags.team;
  if (typeof value !== 'string' || !value.trim()) throw new AdminError('Missing --team.');
  return value.trim();
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
    if (error instanceof SecretsKeyError || error instanceof SyncNotStartedError || error instanceof ConnectorError) throw new AdminError(error.message);
    throw error;
  }
}

export const SOURCE_COMMANDS: Record<string, (database: Database, flags: Flags) => Promise<string[]>> = {
  'set-source': (database, flags) =>
    asAdminError(async () => {
      const teamId = team(flags);
      const kind = typeof flags.kind === 'string' ? flags.kind.trim() : '';
      const { source, checks } = await setTeamSource(database, teamId, { kind, config: parseConfig(flags.config), secrets: parseSecretFlags(flags.secret) });
      const failed = checks.filter((check) => !check.ok).length;
      return [
        ...checks.map(describeCheck),
        `Saved the ${source.kind} source of team ${teamId} (secrets encrypted).`,
        failed > 0
          ? `${failed} of ${checks.length} checks failed: what they cover will fail (lookups answer 502) until that is fixed.`
          : 'The server syncs the catalog within 15 minutes; `sync --team ID` does it now.',
      ];
    }),

  'test-source': (database, flags) =>
    asAdminError(async () => {
      const checks = await testTeamSource(database, team(flags));
      const lines = checks.map(describeCheck);
      // A failed check fails the command, so scripts can tell.
      if (checks.some((check) => !check.ok)) throw new AdminError(lines.join('\n'));
      return lines;
    }),

  sync: (database, flags) => asAdminError(async () => [describeSync(await syncTeamSource(database, team(flags)))]),

  source: (database, flags) => describeTeamSource(database, team(flags)),
};
