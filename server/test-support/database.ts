import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type DatabaseOptions } from '../db/database';

/** The migrated database's dump (pglite-dump.ts), read once per test file. */
let migratedDump: Promise<Blob> | undefined;

/**
 * A fresh, empty database for one test suite. With LEADSIDE_TEST_DATABASE_URL (a real PostgreSQL
 * server) it creates a database of its own there and drops it on close; else in-memory PGlite,
 * loaded from the migrated dump the global setup made unless the test stops at an earlier migration.
 * Every server test uses this, so the same tests run on both.
 */
export async function openTestDatabase(options: Pick<DatabaseOptions, 'migrateTo'> = {}): Promise<Database> {
  const serverUrl = process.env.LEADSIDE_TEST_DATABASE_URL;
  if (!serverUrl) {
    const dumpFile = inject('pgliteDumpFile');
    if (options.migrateTo || !dumpFile) return openDatabase(options);
    migratedDump ??= readFile(dumpFile).then((bytes) => new Blob([bytes]));
    // Migrations still run: a no-op on the dump, unless a migration was added since it was made.
    return openDatabase({ pgliteDump: await migratedDump });
  }

  const name = `leadside_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ ...options, databaseUrl: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
