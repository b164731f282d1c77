import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import {
  ContentReportSchema,
  DigestSchema,
  FieldRequestsSchema,
  FollowUpSchema,
  LeadDrillSchema,
  LeadQualitySchema,
  OverviewSchema,
} from '@/lib/schema/dashboard';
import { openDatabase } from '@/server/db/database';
import { setPasswordHash } from '@/server/db/queries/sign-in';
import { hashPassword } from '@/server/dashboard/password';
import { createPostgresDatabase, createTeamWithCaller } from './server-databases';
import { seedDashboard, type SeededDashboard } from './server-dashboard-seed';
import { fetchExpecting } from './server-load';
import { startServerProcess } from './server-process';
import { seedStats, type SeededStats } from './server-stats-seed';
import { summarize, type Summary } from './stats';

const PASSWORD = 'bench password, long enough';

interface DashboardPage {
  path: string;
  /** Parses the answer against the contract and says whether it holds the seeded data. */
  hasData(json: unknown): boolean;
}

const page = <S extends z.ZodType>(path: string, schema: S, hasData: (answer: z.infer<S>) => boolean): DashboardPage => ({
  path,
  hasData: (json) => hasData(schema.parse(json)),
});

/**
 * Each dashboard page's API as the page asks on opening (the default period, the last 30 days; the
 * digest's last full week; the drill-down into one source and campaign), with a check that the answer
 * parses and has data, so a page that answers fast because it found nothing fails the run.
 */
export const DASHBOARD_PAGES: readonly DashboardPage[] = [
  page('/api/overview', OverviewSchema, (a) => a.bySource.length > 0 && a.weekly.length > 0),
  page('/api/content', ContentReportSchema, (a) => a.items.some((item) => item.opened > 0) && a.byRep.length > 0),
  page('/api/lead-quality?by=campaign', LeadQualitySchema, (a) => a.rows.length > 0),
  page('/api/lead-quality/leads?channel=paid_search', LeadDrillSchema, (a) => a.leads.length > 0),
  page('/api/follow-up', FollowUpSchema, (a) => a.bySource.length > 0 && a.pastSla.length > 0),
  page('/api/requests', FieldRequestsSchema, (a) => a.requests.length > 0),
  page('/api/digest', DigestSchema, (a) => a.demosBySource.length > 0 && a.bestContent.length > 0),
];

export interface DashboardFigures {
  seeded: SeededStats;
  dashboard: SeededDashboard;
  pages: { path: string; summary: Summary; bytes: number }[];
  /** /healthz in the same run: the HTTP round trip and the server's floor. */
  health: Summary;
}

/**
 * The dashboard's server time: `events` content events of 200 reps (the stats seed) plus profiles,
 * looks, verdicts with reasons and request statuses (the dashboard seed) on a fresh PostgreSQL
 * database, the server in its own process, a marketer signed in with a real session (POST
 * /api/session, the cookie on every request). Each page's API one request at a time, `samples` each
 * after two warm-ups, pages in turn so none has the cache to itself; baseline /healthz the same way.
 */
export async function measureDashboard(options: { postgresUrl: string; events: number; samples: number }): Promise<DashboardFigures> {
  const databaseUrl = await createPostgresDatabase(options.postgresUrl, 'dashboard');
  const database = await openDatabase({ databaseUrl });
  try {
    const caller = await createTeamWithCaller(database, 'marketer');
    const seeded = await seedStats(database, caller.teamId, options.events);
    const dashboard = await seedDashboard(database, caller.teamId);
    await setPasswordHash(database.db, caller.teamId, caller.userId, await hashPassword(PASSWORD));

    const server = await startServerProcess({ databaseUrl });
    try {
      const signIn = await fetchExpecting(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'marketer@bench.leadside.example', password: PASSWORD }),
      });
      const cookie = signIn.headers.get('Set-Cookie')?.match(/^leadside_session=[^;]*/)?.[0];
      if (!cookie) throw new Error('Signing in to the dashboard set no session cookie.');

      const ask = async (path: string, check?: DashboardPage) => {
        const t0 = performance.now();
        const response = await fetchExpecting(`${server.url}${path}`, { headers: { Cookie: cookie } });
        const text = await response.text();
        const elapsed = performance.now() - t0;
        if (check && !check.hasData(JSON.parse(text))) throw new Error(`${path} answered without the seeded data: ${text.slice(0, 300)}`);
        return { elapsed, bytes: text.length };
      };

      for (const page of DASHBOARD_PAGES) for (let i = 0; i < 2; i++) await ask(page.path, page);
      for (let i = 0; i < 2; i++) await ask('/healthz');
      const times = new Map<string, number[]>(DASHBOARD_PAGES.map((page) => [page.path, []]));
      const bytes = new Map<string, number>();
      const health: number[] = [];
      for (let round = 0; round < options.samples; round++) {
        for (const page of DASHBOARD_PAGES) {
          const { elapsed, bytes: size } = await ask(page.path, round === 0 ? page : undefined);
          times.get(page.path)!.push(elapsed);
          bytes.set(page.path, size);
        }
        health.push((await ask('/healthz')).elapsed);
      }
      return {
        seeded,
        dashboard,
        pages: DASHBOARD_PAGES.map((page) => ({ path: page.path, summary: summarize(times.get(page.path)!), bytes: bytes.get(page.path) ?? 0 })),
        health: summarize(health),
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
  }
}
