import type { PGlite, Results } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { Database } from '../db/database';

/**
 * pg-boss on the server's own database: jobs are rows (schema `pgboss`), so they survive restarts and
 * any instance's worker may take them. PostgreSQL: pg-boss's own small pool on the same URL. PGlite:
 * its statements run on the one embedded connection, each one in turn with Kysely's queries (below).
 */
export async function startJobQueue(database: Database): Promise<PgBoss> {
  const boss = new PgBoss(connectionOptions(database));
  // An unhandled 'error' event would end the process; pg-boss retries its loops by itself.
  boss.on('error', (error) => console.error(`Job queue: ${error.message}`));
  survivePgBossLostWrites();
  await boss.start();
  return boss;
}

let guarding = false;

/**
 * pg-boss 10 marks a job done or failed without awaiting or catching the write (Manager.work calls
 * `this.complete` / `this.fail` and moves on). When the database connection is cut at that moment,
 * the rejection is unhandled and Node ends the process. A lost write of that kind is harmless: the
 * job stays active, expires and is retried. So a rejection that is a lost database connection is
 * logged; any other unhandled rejection still ends the process, as Node would.
 */
function survivePgBossLostWrites(): void {
  if (guarding) return;
  guarding = true;
  process.on('unhandledRejection', (reason) => {
    if (isLostConnection(reason)) {
      console.error(`Job queue: a write was lost with its database connection (${(reason as Error).message}); the job will be retried.`);
      return;
    }
    throw reason;
  });
}

/** PostgreSQL's "admin shutdown" and connection-exception classes (57P, 08), or the socket itself failing. */
export function isLostConnection(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  const code = (reason as Error & { code?: unknown }).code;
  if (typeof code === 'string' && (/^(57P0[1-3]|08...)$/.test(code) || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE'].includes(code))) return true;
  return /Connection terminated/i.test(reason.message);
}

function connectionOptions(database: Database): PgBoss.ConstructorOptions {
  if (database.connectionString) return { connectionString: database.connectionString, max: 4, application_name: 'leadside-jobs' };
  if (database.pglite) return { db: pgliteExecutor(database, database.pglite) };
  throw new Error('The job queue needs a PostgreSQL URL or the PGlite instance of the database.');
}

/**
 * pg-boss's `db` option on PGlite. PGlite is one connection, and kysely-pglite-dialect hands it to one
 * Kysely user at a time; a pg-boss statement taken in turn through `connection()` can never land in
 * the middle of a Kysely transaction. Text without values may hold several statements (pg-boss's
 * schema set-up): `exec` runs them, and the last one's rows are the answer, as `pg` would give.
 */
function pgliteExecutor(database: Database, pglite: PGlite): PgBoss.Db {
  return {
    executeSql: (text, values) =>
      database.db.connection().execute(async () => {
        if (values?.length) return pglite.query(text, values);
        const results: Results[] = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }),
  };
}
