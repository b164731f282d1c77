/**
 * The real Leadside server (server/app.ts on an in-memory PGlite, seeded with the demo team) served
 * in-process on the shared HTTPS test server under a production-looking host, and the Options flow
 * that connects a browser profile to it as a rep would.
 */
import type http from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { BrowserContext, Page } from '@playwright/test';
import type { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { DeliveryResponseSchema, TeamStatsSchema, type TeamStats } from '../../lib/schema/rest-api';
import { seedDemo, type DemoSeed } from '../../server/admin/seed-demo';
import { createApp } from '../../server/app';
import { openDatabase, type Database } from '../../server/db/database';
import type { TestServer } from './https-server';
import { grantSiteAccessInBrowserSettings } from './site-access';

export const TEAM_SERVER_HOST = 'leadside.acme-team.example';

/** How the server can fail, as a browser sees it: an error answer from a proxy, or no answer at all. */
export type Outage = 'unavailable' | 'connection-closed';

export interface TeamServer {
  host: string;
  /** The server's root, as an admin gives it to reps: https://<host>. */
  url: string;
  /** Fresh tokens of the demo team's users (rep1 Ana Rep, rep2 Ben Rep, marketer, admin). */
  tokens: DemoSeed['tokens'];
  database: Database;
  /** The Hono app itself, e.g. to serve it on a local port too (`npm start`). */
  app: Hono;
  /** Simulates the server going away (undefined = serving again). */
  setOutage(outage: Outage | undefined): void;
  /** A call to the API with a token, in-process (what another rep's extension would send). */
  api(token: string, path: string, init?: { method?: 'GET' | 'POST'; body?: unknown }): Promise<Response>;
  /**
   * A verdict on a demo lead from another rep's extension, posted through the REST contract as its
   * outbox sends it; resolves to the item's delivery status (`stored`, or the HTTP status when refused).
   */
  verdictAs(token: string, verdict: { lead: { recordId: string; name: string }; source: { channel: string; campaign: string }; verdict: string; rep?: string }): Promise<string>;
  /** `GET /v1/stats` with a token, parsed with the contract's schema. */
  stats(token: string, since?: string): Promise<TeamStats>;
  close(): Promise<void>;
}

export interface TeamServerOptions {
  /** Default: TEAM_SERVER_HOST. */
  host?: string;
  /** PGlite's folder; omitted = in memory (the tests). */
  dataDir?: string;
}

/**
 * A dump of a freshly migrated database, taken by this process's first in-memory server: later ones
 * load it (about 1.4 s) where PGlite's initdb and the migrations take 4–5 s of CPU each time, as the
 * server's own suites do (server/test-support/pglite-dump.ts).
 */
let migratedDump: Promise<Blob> | undefined;

async function openTeamDatabase(dataDir: string | undefined): Promise<Database> {
  if (dataDir) return openDatabase({ dataDir });
  if (migratedDump) return openDatabase({ pgliteDump: await migratedDump });
  const database = await openDatabase();
  migratedDump = database.pglite!.dumpDataDir('none');
  await migratedDump;
  return database;
}

/** Starts the server with the demo team on `host` of the test server (PGlite takes a few seconds the first time). */
export async function serveTeamServer(server: TestServer, { host = TEAM_SERVER_HOST, dataDir }: TeamServerOptions = {}): Promise<TeamServer> {
  const database = await openTeamDatabase(dataDir);
  const { tokens } = await seedDemo(database);
  const app = createApp({ database });
  // Node's req/res to the app's Request → Response, exactly as `npm run server` serves it.
  const listener = getRequestListener(app.fetch);
  let outage: Outage | undefined;

  server.route(host, (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (outage === 'connection-closed') return void req.socket.destroy();
    if (outage === 'unavailable') {
      res.writeHead(503, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'The Leadside server is down for maintenance' }));
      return;
    }
    return listener(req, res);
  });

  const api: TeamServer['api'] = async (token, path, init = {}) =>
    app.request(path, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  return {
    host,
    url: `https://${host}`,
    tokens,
    database,
    app,
    setOutage: (next) => void (outage = next),
    api,
    async verdictAs(token, { lead, source, verdict, rep }) {
      const id = randomUUID();
      const item = {
        id,
        createdAt: new Date().toISOString(),
        lead: { key: `salesforce:${lead.recordId}`, crm: 'salesforce', ...lead },
        source,
        ...(rep ? { rep } : {}),
        kind: 'verdict',
        verdict,
        reasons: [],
      };
      const response = await api(token, '/v1/deliveries', { method: 'POST', body: { items: [{ kind: 'feedback', id, item }] } });
      if (!response.ok) return `HTTP ${response.status}: ${await response.text()}`;
      const body = DeliveryResponseSchema.parse(await response.json());
      return body.results[0]?.status ?? 'no answer';
    },
    async stats(token, since) {
      const query = since ? `?${new URLSearchParams({ since })}` : '';
      const response = await api(token, `/v1/stats${query}`);
      if (!response.ok) throw new Error(`GET /v1/stats answered ${response.status}: ${await response.text()}`);
      return TeamStatsSchema.parse(await response.json());
    },
    close: () => database.close(),
  };
}

/**
 * Connects a browser profile to the server the way a rep does: the admin allowed the host in the
 * browser's settings, then Options → "Leadside server", its address and the rep's own token, "Use
 * this source". Resolves once the page says it is connected; returns the Options page.
 */
export async function connectLeadsideServer(
  context: BrowserContext,
  extensionId: string,
  team: { url: string; token: string },
): Promise<Page> {
  await grantSiteAccessInBrowserSettings(context, extensionId, new URL(team.url).host);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('radio', { name: 'Leadside server (recommended)' }).check();
  await options.getByLabel('Leadside server URL').fill(team.url);
  await options.getByLabel('Access token').fill(team.token);
  await options.getByRole('button', { name: 'Use this source' }).click();
  await options.getByTestId('source-status').getByText('✓ Connected to Leadside server (recommended)', { exact: true }).waitFor();
  return options;
}
