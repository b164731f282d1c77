import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { addTeam, addUser, issueToken } from '@/server/admin/accounts';
import type { Database } from '@/server/db/database';
import type { Role } from '@/server/db/tables';

/**
 * A fresh database of its own on the benchmark's PostgreSQL server (its URL), so each row starts from
 * empty tables and none measures another's leftovers.
 */
export async function createPostgresDatabase(serverUrl: string, purpose: string): Promise<string> {
  const name = `leadside_bench_${purpose}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface BenchCaller {
  teamId: string;
  userId: string;
  token: string;
}

/** A team with one account of `role` and a bearer token for it, through the admin code the CLI uses. */
export async function createTeamWithCaller(database: Database, role: Role, teamName = 'Bench team'): Promise<BenchCaller> {
  const teamId = await addTeam(database, teamName);
  const email = `${role}@bench.leadside.example`;
  const userId = await addUser(database, teamId, { email, role, name: `Bench ${role}` });
  const { token } = await issueToken(database, { email, teamId, days: 1, label: 'bench' });
  return { teamId, userId, token };
}
