import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createDemoConnector, DemoLeadsFileSchema, type DemoFile } from '@/lib/connectors/demo';
import { splitPageViews } from '@/lib/import/validate';
import type { Database } from '../db/database';
import { findTeamByName } from '../db/queries/teams';
import { findUserByEmail } from '../db/queries/users';
import type { Role } from '../db/tables';
import { storeRecords } from '../import/store-import';
import { addTeam, addUser, issueToken } from './accounts';

export const DEMO_TEAM = 'Demo team';
const DEMO_DIR = path.resolve(import.meta.dirname, '../../public/demo');

const DEMO_USERS: { key: 'rep1' | 'rep2' | 'marketer' | 'admin'; email: string; name: string; role: Role }[] = [
  { key: 'rep1', email: 'rep1@demo.leadside.example', name: 'Ana Rep', role: 'rep' },
  { key: 'rep2', email: 'rep2@demo.leadside.example', name: 'Ben Rep', role: 'rep' },
  { key: 'marketer', email: 'marketer@demo.leadside.example', name: 'Mia Marketer', role: 'marketer' },
  { key: 'admin', email: 'admin@demo.leadside.example', name: 'Ada Admin', role: 'admin' },
];

export interface DemoSeed {
  teamId: string;
  /** Fresh tokens on every call (valid 30 days): the demo hands them to the extension. */
  tokens: Record<(typeof DEMO_USERS)[number]['key'], string>;
}

/**
 * The demo team with the bundled demo dataset (public/demo), its four users, and a fresh token for
 * each. Idempotent: the team and users are created once; the data is upserted, and rows equal to the stored ones are not written again.
 * The data goes through the demo connector (the extension's own reader of these files) and the
 * import's storage, as a file import would.
 */
export async function seedDemo(database: Database): Promise<DemoSeed> {
  const teamId = (await findTeamByName(database.db, DEMO_TEAM))?.id ?? (await addTeam(database, DEMO_TEAM));
  for (const user of DEMO_USERS) {
    if (!(await findUserByEmail(database.db, teamId, user.email))) await addUser(database, teamId, user);
  }

  const load = async (file: DemoFile) => JSON.parse(await readFile(path.join(DEMO_DIR, `${file}.json`), 'utf8')) as unknown;
  const connector = createDemoConnector(load);
  const content = await connector.listContent(new AbortController().signal);
  // The connector finds leads one by one; the whole list comes from the same file and schema.
  const leads = DemoLeadsFileSchema.parse(await load('leads')).leads.map(splitPageViews);
  await storeRecords(database.db, teamId, {
    profiles: leads.map((lead) => lead.profile),
    pageViews: leads.flatMap((lead) => lead.pageViews),
    content,
  });

  const tokens = {} as DemoSeed['tokens'];
  for (const user of DEMO_USERS) {
    tokens[user.key] = (await issueToken(database, { email: user.email, teamId, days: 30, label: 'seed-demo' })).token;
  }
  return { teamId, tokens };
}
