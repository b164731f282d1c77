import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a freshly migrated PGlite database, for openTestDatabase to start from. */
    pgliteDumpFile?: string;
  }
}

/**
 * The server project's global setup: one migrated PGlite database, dumped to a file that every suite's
 * database is loaded from (openTestDatabase). A fresh PGlite runs initdb, 3.5–6 s here, and suites open
 * dozens; loading the dump takes about 1.4 s. On a real PostgreSQL (LEADSIDE_TEST_DATABASE_URL) there is
 * nothing to do: creating a database there is quick.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.LEADSIDE_TEST_DATABASE_URL) return undefined;
  const database = await openDatabase();
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leadside-pglite-'));
  const file = path.join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDumpFile', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
