import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrate } from './migrate';
import type { Tables } from './tables';

export interface Database {
  db: Kysely<Tables>;
  close(): Promise<void>;
  dialect: 'pglite' | 'postgres';
  /** PostgreSQL's URL: the job queue (pg-boss) opens its own pool on it. */
  connectionString?: string;
  /** The embedded database itself: the job queue runs its SQL on it, in turn with Kysely's queries. */
  pglite?: PGlite;
}

export interface DatabaseOptions {
  /** postgres://… : a real PostgreSQL server. */
  databaseUrl?: string;
  /** PGlite's folder when there is no databaseUrl; omitted = in memory. */
  dataDir?: string;
  /** Stop at this migration instead of the latest (tests of the migrations themselves). */
  migrateTo?: string;
  /**
   * An in-memory PGlite starts from this dump (PGlite's `dumpDataDir`) instead of a fresh cluster:
   * PGlite's initdb takes seconds, loading a dump of a migrated database about one (test suites).
   */
  pgliteDump?: Blob;
}

/**
 * The one way the server reaches its database: PostgreSQL when a URL is given, else PGlite (the same
 * SQL, embedded, so `npm run server` needs nothing installed). Migrations run before it resolves.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const database = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.dataDir, options.pgliteDump);
  try {
    await migrate(database.db, options.migrateTo);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function openPostgres(connectionString: string): Database {
  // JIT off for the server's own sessions: its queries run in milliseconds, but the dashboard's
  // follow-up query is costed high enough (correlated subqueries per lead) that PostgreSQL compiled it
  // with LLVM on every run, 1.5–4 s of compiling for ~90 ms of executing (EXPLAIN ANALYZE, bench).
  const pool = new pg.Pool({ connectionString, max: Number(process.env.LEADSIDE_DB_POOL_SIZE ?? 10), options: '-c jit=off' });
  // A dropped connection (server restart, network) surfaces here; the pool replaces it on next use,
  // so it must not crash the process.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  // The pool listens only to idle clients. A client checked out between two statements of a
  // transaction emits its own 'error' when the connection is cut (pg_terminate_backend, failover);
  // unheard, that would kill the process. The statement in flight still fails and is retried.
  pool.on('connect', (client) => client.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`)));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', connectionString, close: () => db.destroy() };
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite({ loadDataDir });
  await pglite.waitReady;
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    dialect: 'pglite',
    pglite,
    // Kysely's destroy closes the PGlite instance through the dialect.
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
