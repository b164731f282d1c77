import { serve } from '@hono/node-server';
import { createApp } from './app';
import { databaseOptionsFromEnv, describeDatabase } from './config';
import { openDatabase } from './db/database';
import { startJobRunner, type JobRunner } from './jobs/runner';

/**
 * Opens the database (migrating it), listens, and closes both on SIGTERM/SIGINT: requests in flight
 * finish, then the database is closed so PGlite's files are left consistent.
 */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(env.PORT ?? 8787);
  const host = env.HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  const options = databaseOptionsFromEnv(env);
  const database = await openDatabase(options);
  const rateLimit = env.LEADSIDE_RATE_LIMIT === 'off' ? false : undefined;
  // Durable jobs (vendor syncs) start beside the listener rather than before it: pg-boss's first
  // set-up of its schema must not delay readiness. LEADSIDE_JOBS=off leaves them to other instances.
  const jobs: Promise<JobRunner | undefined> =
    env.LEADSIDE_JOBS === 'off'
      ? Promise.resolve(undefined)
      : startJobRunner(database).catch((error: unknown) => {
          console.error(`The job queue could not start, so vendor syncs will not run here: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        });
  const app = createApp({ database, rateLimit, logRequests: env.LEADSIDE_LOG_REQUESTS !== 'off', jobs: () => jobs });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    console.log(`Leadside server listening on http://${host}:${info.port} (${describeDatabase(options)})`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    server.close(() => {
      // Running jobs finish (or are handed back to the queue) before the database closes.
      jobs
        .then((runner) => runner?.stop())
        .catch((error: unknown) => console.error(`Stopping the job queue failed: ${error instanceof Error ? error.message : String(error)}`))
        .then(() => database.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(`Closing the database failed: ${error instanceof Error ? error.message : String(error)}`);
            process.exit(1);
          },
        );
    });
    // Keep-alive connections may hold close() open; do not wait on them for long.
    setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, 3000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
