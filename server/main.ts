/**
 * The Leadside server's process entry: `node --import tsx server/main.ts` (or `npm run server`).
 * Env: PORT (8787), HOST (127.0.0.1), DATABASE_URL (PostgreSQL) or LEADSIDE_DATA_DIR (PGlite folder,
 * default .leadside-data), LEADSIDE_RATE_LIMIT=off to lift the per-token limit, LEADSIDE_LOG_REQUESTS=off
 * to silence the request log.
 */
import { startServer } from './serve';

startServer().catch((error: unknown) => {
  console.error(`Leadside server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
