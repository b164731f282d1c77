import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from '../db/database';

/**
 * A fresh, empty database for one test suite. With LEADSIDE_TEST_DATABASE_URL (a real PostgreSQL
 * server) it creates a database of its own there and drops it on close; else in-memory PGlite. Every
 * server test uses this, so the same tests run on both.
 */
export async function openTestDatabase(options: Pick<DatabaseOptions, 'migrateTo'> = {}): Promise<Database> {
  const serverUrl = process.env.LEADSIDE_TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase(options);

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
