import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ContentEvent } from '@/lib/schema';
import { DeliveryResponseSchema } from '@/lib/schema/rest-api';
import { openDatabase, type Database } from '@/server/db/database';
import { storeDeliveries, type Delivery } from '@/server/db/queries/deliveries';
import { createPostgresDatabase, createTeamWithCaller } from './server-databases';
import { fetchExpecting, runLoad } from './server-load';
import { startServerProcess } from './server-process';

export const INGEST_BATCH = 100;
export const INGEST_CLIENTS = 20;
const CONTENT_IDS = Array.from({ length: 50 }, (_, i) => `content-${i}`);
const TYPES = ['suggested', 'suggested', 'suggested', 'opened', 'link_copied'] as const;

export interface IngestFigures {
  items: number;
  /** Items stored per second through POST /v1/deliveries. */
  http: number;
  /** Items stored per second by the same batches handed to storeDeliveries directly (no HTTP, no zod). */
  direct: number;
  p95Ms: number;
  /** CPU time the server process spent per 1,000 items during the timed run (ms); undefined without /proc. */
  serverCpuMsPer1000?: number;
  /** CPU time this process (the clients) spent per 1,000 items during the timed run (ms). */
  clientCpuMsPer1000: number;
}

/**
 * A batch of content events as a rep's outbox sends them: unique ids (the run's prefix), events of
 * the last few days over a 50-item catalog, so the daily rollups see both new and existing rows.
 */
function eventBatch(runId: string, batch: number): Delivery[] {
  const now = Date.now();
  return Array.from({ length: INGEST_BATCH }, (_, i): Delivery => {
    const n = batch * INGEST_BATCH + i;
    const id = `${runId}-${n}`;
    const item: ContentEvent = {
      id,
      type: TYPES[n % TYPES.length]!,
      contentId: CONTENT_IDS[(n * 7) % CONTENT_IDS.length]!,
      at: new Date(now - (n % 5) * 86_400_000 - (n % 3_600) * 1000).toISOString(),
      leadKey: `email:lead-${n % 5_000}@example.com`,
      source: { channel: 'email', campaign: 'bench' },
    };
    return { kind: 'event', id, item };
  });
}

/**
 * Ingest on one database: `items` events through the real server (its own process) from 20
 * concurrent clients, then the same number of fresh events straight into storeDeliveries from 20
 * concurrent callers in this process (the database's share of the cost). Each half gets its own
 * empty database, and every answer must say every item was stored.
 */
export async function measureIngest(options: { postgresUrl?: string; items: number }): Promise<IngestFigures> {
  const requests = Math.ceil(options.items / INGEST_BATCH);
  const items = requests * INGEST_BATCH;

  const http = await withDatabase(options.postgresUrl, 'ingest_http', async (database, location) => {
    const caller = await createTeamWithCaller(database, 'rep');
    // PGlite is one process's: this one lets go of it before the server opens it.
    if (database.dialect === 'pglite') await database.close();
    const server = await startServerProcess(location);
    try {
      const headers = { Authorization: `Bearer ${caller.token}`, 'Content-Type': 'application/json' };
      const send = async (index: number) => {
        const body = JSON.stringify({ items: eventBatch('http', index) });
        const response = await fetchExpecting(`${server.url}/v1/deliveries`, { method: 'POST', headers, body });
        const { results } = DeliveryResponseSchema.parse(await response.json());
        const notStored = results.filter((result) => result.status !== 'stored');
        if (results.length !== INGEST_BATCH || notStored.length) throw new Error(`A batch was not stored whole: ${JSON.stringify(notStored.slice(0, 3))}`);
      };
      // Warm-up (JIT, pool connections, the first PGlite pages) outside the timing.
      await runLoad({ clients: INGEST_CLIENTS, requests: INGEST_CLIENTS, send: (i) => send(requests + i) });
      const serverCpuBefore = server.cpuMs();
      const clientCpuBefore = process.cpuUsage();
      const run = await runLoad({ clients: INGEST_CLIENTS, requests, send });
      const serverCpuAfter = server.cpuMs();
      const clientCpu = process.cpuUsage(clientCpuBefore);
      return {
        ...run,
        serverCpuMs: serverCpuBefore === undefined || serverCpuAfter === undefined ? undefined : serverCpuAfter - serverCpuBefore,
        clientCpuMs: (clientCpu.user + clientCpu.system) / 1000,
      };
    } finally {
      await server.stop();
    }
  });

  const direct = await withDatabase(options.postgresUrl, 'ingest_direct', async (database) => {
    const caller = await createTeamWithCaller(database, 'rep');
    const send = async (index: number) => {
      const outcome = await storeDeliveries(database.db, caller.teamId, caller.userId, eventBatch('direct', index));
      if ([...outcome.values()].some((status) => status !== 'stored')) throw new Error('storeDeliveries did not store a whole batch');
    };
    await runLoad({ clients: INGEST_CLIENTS, requests: INGEST_CLIENTS, send: (i) => send(requests + i) });
    return runLoad({ clients: INGEST_CLIENTS, requests, send });
  });

  return {
    items,
    http: items / (http.elapsedMs / 1000),
    direct: items / (direct.elapsedMs / 1000),
    p95Ms: http.summary.p95,
    serverCpuMsPer1000: http.serverCpuMs === undefined ? undefined : (http.serverCpuMs / items) * 1000,
    clientCpuMsPer1000: (http.clientCpuMs / items) * 1000,
  };
}

/** A fresh database (PostgreSQL: a new database on the server; else PGlite in a temporary folder), removed after. */
async function withDatabase<T>(
  postgresUrl: string | undefined,
  purpose: string,
  use: (database: Database, location: { databaseUrl: string } | { dataDir: string }) => Promise<T>,
): Promise<T> {
  if (postgresUrl) {
    const databaseUrl = await createPostgresDatabase(postgresUrl, purpose);
    const database = await openDatabase({ databaseUrl });
    try {
      return await use(database, { databaseUrl });
    } finally {
      await database.close();
    }
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `leadside-bench-${purpose}-`));
  try {
    const database = await openDatabase({ dataDir });
    try {
      return await use(database, { dataDir });
    } finally {
      await database.close().catch(() => undefined);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
