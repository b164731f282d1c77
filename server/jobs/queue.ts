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
  await boss.start();
  return boss;
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
