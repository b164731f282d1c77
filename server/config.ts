import type { DatabaseOptions } from './db/database';

/** Where the data lives, from the environment: DATABASE_URL (PostgreSQL) or LEADSIDE_DATA_DIR (PGlite). */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: env.LEADSIDE_DATA_DIR || '.leadside-data' };
}

/** Says where the data is without printing a password that a DATABASE_URL may hold. */
export function describeDatabase(options: DatabaseOptions): string {
  if (!options.databaseUrl) return `PGlite in ${options.dataDir ?? 'memory'}`;
  const url = new URL(options.databaseUrl);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}
