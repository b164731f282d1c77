import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseImportText, type ImportKind } from '@/lib/import';
import { databaseOptionsFromEnv } from '../config';
import { openDatabase, type Database } from '../db/database';
import { getTeam } from '../db/queries/teams';
import { listTokens, revokeToken } from '../db/queries/tokens';
import { importReport } from '../import/report';
import { FORWARD_COMMANDS, FORWARD_FLAGS, FORWARD_USAGE } from '../forwarding/commands';
import { SOURCE_COMMANDS, SOURCE_FLAGS, SOURCE_USAGE } from '../sources/commands';
import { storeImport } from '../import/store-import';
import { addTeam, addUser, AdminError, issueToken } from './accounts';
import { PASSWORD_MIN_LENGTH } from '../dashboard/password';
import { setDashboardPassword } from '../dashboard/set-password';
import { readSecretFromStdin } from './read-secret';
import { seedDemo } from './seed-demo';

export const USAGE = `Usage: npm run server -- <command> [flags]
  (no command)                                   start the server
  add-team --name NAME                           prints the team id
  add-user --team ID --email E --role rep|marketer|admin [--name N]
                                                 prints the user id
  new-token --email E [--team ID] [--days 90] [--label L]
                                                 prints the token (shown once) on the last line
  list-tokens --team ID
  revoke-token --id TOKEN_ID
  set-password --email E [--team ID]             a marketer's or admin's dashboard password,
                                                 read from stdin (never from the command line)
  import --team ID --kind profiles|page_views|content FILE
  seed-demo [--json]                             the demo team, its data and fresh tokens
${SOURCE_USAGE}
${FORWARD_USAGE}
Database: DATABASE_URL=postgres://… or LEADSIDE_DATA_DIR (PGlite, default .leadside-data).`;

const ROLES = ['rep', 'marketer', 'admin'] as const;
const IMPORT_KINDS: Record<string, ImportKind> = { profiles: 'profiles', page_views: 'pageViews', content: 'content' };

type Flags = Record<string, string | boolean | string[] | undefined>;

/**
 * Runs one admin command against the database the environment names (or `open`'s, in tests);
 * returns the lines to print.
 */
export async function runCommand(
  command: string,
  args: string[],
  open: () => Promise<Database> = () => openDatabase(databaseOptionsFromEnv()),
  readSecret: (prompt: string) => Promise<string> = readSecretFromStdin,
): Promise<string[]> {
  const run = COMMANDS[command];
  if (!run) throw new AdminError(`Unknown command "${command}".\n${USAGE}`);
  let parsed: { values: Flags; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: FLAGS, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw new AdminError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const database = await open();
  try {
    return await run(database, parsed.values, parsed.positionals, readSecret);
  } finally {
    await database.close();
  }
}

const FLAGS = {
  name: { type: 'string' },
  team: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string' },
  days: { type: 'string' },
  label: { type: 'string' },
  id: { type: 'string' },
  kind: { type: 'string' },
  json: { type: 'boolean' },
  ...SOURCE_FLAGS,
  ...FORWARD_FLAGS,
} as const;

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || !value.trim()) throw new AdminError(`Missing --${name}.`);
  return value.trim();
}

const COMMANDS: Record<string, (database: Database, flags: Flags, positionals: string[], readSecret: (prompt: string) => Promise<string>) => Promise<string[]>> = {
  'add-team': async (database, flags) => [await addTeam(database, required(flags, 'name'))],

  'add-user': async (database, flags) => {
    const role = required(flags, 'role');
    if (!(ROLES as readonly string[]).includes(role)) throw new AdminError(`--role must be one of ${ROLES.join(', ')}.`);
    const name = typeof flags.name === 'string' ? flags.name : undefined;
    return [await addUser(database, required(flags, 'team'), { email: required(flags, 'email'), role: role as (typeof ROLES)[number], name })];
  },

  'new-token': async (database, flags) => {
    const days = flags.days === undefined ? 90 : Number(flags.days);
    if (!Number.isInteger(days) || days < 0) throw new AdminError('--days must be a whole number of days (0 = never expires).');
    const issued = await issueToken(database, {
      email: required(flags, 'email'),
      teamId: typeof flags.team === 'string' ? flags.team : undefined,
      days,
      label: typeof flags.label === 'string' ? flags.label : '',
    });
    // Only the last line is the token, so scripts can take it with `tail -n 1`.
    return [`Token ${issued.tokenId} ${issued.expiresAt ? `expires ${issued.expiresAt.toISOString()}` : 'never expires'}; it is shown only now:`, issued.token];
  },

  'list-tokens': async (database, flags) => {
    const teamId = required(flags, 'team');
    if (!(await getTeam(database.db, teamId))) throw new AdminError(`No team with id ${teamId}.`);
    const tokens = await listTokens(database.db, teamId);
    if (tokens.length === 0) return ['No tokens.'];
    return tokens.map((token) =>
      [
        token.id,
        token.email,
        token.label || '-',
        token.revokedAt ? `revoked ${token.revokedAt.toISOString()}` : token.expiresAt && token.expiresAt < new Date() ? `expired ${token.expiresAt.toISOString()}` : 'active',
        `last used ${token.lastUsedAt?.toISOString() ?? 'never'}`,
      ].join('\t'),
    );
  },

  'revoke-token': async (database, flags) => {
    const id = required(flags, 'id');
    if (!(await revokeToken(database.db, id))) throw new AdminError(`No active token with id ${id}.`);
    return [`Revoked ${id}.`];
  },

  'set-password': async (database, flags, _positionals, readSecret) => {
    const email = required(flags, 'email');
    const password = await readSecret(`Dashboard password for ${email} (at least ${PASSWORD_MIN_LENGTH} characters): `);
    return [await setDashboardPassword(database, { email, teamId: typeof flags.team === 'string' ? flags.team : undefined, password })];
  },

  import: async (database, flags, positionals) => {
    const teamId = required(flags, 'team');
    const kind = IMPORT_KINDS[required(flags, 'kind')];
    if (!kind) throw new AdminError('--kind must be profiles, page_views or content.');
    const file = positionals[0];
    if (!file) throw new AdminError('Name the file to import.');
    if (!(await getTeam(database.db, teamId))) throw new AdminError(`No team with id ${teamId}.`);
    const parsed = await parseImportText(path.basename(file), await readFile(file, 'utf8'), kind);
    if (parsed.fatal) throw new AdminError(`Nothing imported: ${parsed.fatal}`);
    const report = importReport(parsed, await storeImport(database.db, teamId, parsed));
    return [
      `${report.total} ${report.unit}s: ${report.valid} valid, ${report.rejected} refused; ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged.`,
      ...report.errors.map((error) => `${report.unit} ${error.row}, ${error.column}: ${error.message}`),
      ...(report.errorsLeftOut > 0 ? [`… and ${report.errorsLeftOut} more problems.`] : []),
      ...(report.ignoredColumns.length > 0 ? [`Columns left out: ${report.ignoredColumns.join(', ')}`] : []),
    ];
  },

  'seed-demo': async (database, flags) => {
    const seed = await seedDemo(database);
    if (flags.json) return [JSON.stringify(seed)];
    return [`Demo team ${seed.teamId}. Tokens (shown only now):`, ...Object.entries(seed.tokens).map(([user, token]) => `${user}\t${token}`)];
  },

  ...SOURCE_COMMANDS,
  ...FORWARD_COMMANDS,
};
