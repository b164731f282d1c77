import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database';

/** The database the fault test's server runs on, and the test's own ways into it. */
export interface FaultDatabase {
  kind: 'postgres' | 'pglite';
  /** DATABASE_URL or LEADSIDE_DATA_DIR for the server process and the CLI. */
  serverEnv: Record<string, string>;
  /** An in-process handle for setting up and checking. PGlite allows one process in its folder at a time,
   * so on PGlite open it only while the server is not running. */
  open(): Promise<Database>;
  /** Cuts every connection to the database (PostgreSQL only); resolves with how many were cut. */
  dropConnections(): Promise<number>;
  /** Drops the database or removes the folder. */
  dispose(): Promise<void>;
}

/**
 * A fresh database of its own on the real PostgreSQL at `postgresUrl` (dropped at the end), or without
 * one, PGlite in a fresh temporary folder (file-backed like `npm run server`, so a killed server's data
 * is still there when it restarts).
 */
export async function createFaultDatabase(postgresUrl: string | undefined): Promise<FaultDatabase> {
  if (!postgresUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'leadside-fault-pglite-'));
    return {
      kind: 'pglite',
      serverEnv: { LEADSIDE_DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      dropConnections: () => Promise.reject(new Error('PGlite runs inside the server process: it has no connections to drop')),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }

  const name = `leadside_fault_${randomBytes(6).toString('hex')}`;
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await onServer(postgresUrl, (client) => client.query(`create database ${name}`));
  return {
    kind: 'postgres',
    serverEnv: { DATABASE_URL: databaseUrl },
    open: () => openDatabase({ databaseUrl }),
    dropConnections: () =>
      onServer(postgresUrl, async (client) => {
        const result = await client.query<{ cut: number }>(
          // In the select list, not the where clause, so it runs only for rows the filter kept.
          `select (count(*) filter (where terminated))::int as cut
             from (select pg_terminate_backend(pid) as terminated from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) as backends`,
          [name],
        );
        return result.rows[0]?.cut ?? 0;
      }),
    dispose: () => onServer(postgresUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** One statement or two on the server's maintenance database, over a connection of its own. */
async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
