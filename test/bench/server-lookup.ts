import { sql, type Kysely } from 'kysely';
import { openDatabase } from '@/server/db/database';
import type { Tables } from '@/server/db/tables';
import { createPostgresDatabase, createTeamWithCaller } from './server-databases';
import { fetchExpecting, runLoad } from './server-load';
import { startServerProcess } from './server-process';
import type { Summary } from './stats';

export const LOOKUP_CLIENTS = 50;
const PAGE_VIEWS_PER_PROFILE = 5;

export interface LookupFigures {
  profiles: number;
  lookup: Summary;
  health: Summary;
  /** Requests answered per second over each whole run. */
  lookupPerSecond: number;
  healthPerSecond: number;
}

const emailOf = (n: number) => `lead-${n}@example.com`;

/**
 * GET /v1/profiles by e-mail (a CRM record id marketing does not know, so the record lookup misses
 * first, as for a lead opened in the CRM before marketing's file names its record) among `profiles`
 * seeded profiles with five page views each, from 50 concurrent clients; every answer must be the
 * profile asked for. The baseline is /healthz (one `select 1`, no auth) under the same load: the
 * HTTP stack and the pool's round trip.
 */
export async function measureLookup(options: { postgresUrl: string; profiles: number; requests: number }): Promise<LookupFigures> {
  const databaseUrl = await createPostgresDatabase(options.postgresUrl, 'lookup');
  const database = await openDatabase({ databaseUrl });
  try {
    const caller = await createTeamWithCaller(database, 'rep');
    await seedProfiles(database.db, caller.teamId, options.profiles);

    const server = await startServerProcess({ databaseUrl });
    try {
      const headers = { Authorization: `Bearer ${caller.token}` };
      // Spread over every profile (a prime stride), so the run is not served from a few hot pages.
      const profileFor = (index: number) => (index * 7_919) % options.profiles;
      const lookup = async (index: number) => {
        const n = profileFor(index);
        const query = new URLSearchParams({ crm: 'salesforce', recordId: `00Qbench${n}`, email: emailOf(n) });
        const response = await fetchExpecting(`${server.url}/v1/profiles?${query}`, { headers });
        const body = (await response.json()) as { profile?: { id?: string; pageViews?: unknown[] } };
        if (body.profile?.id !== `profile-${n}` || body.profile.pageViews?.length !== PAGE_VIEWS_PER_PROFILE) {
          throw new Error(`The lookup of ${emailOf(n)} answered ${JSON.stringify(body).slice(0, 300)}`);
        }
      };
      const health = async () => {
        await (await fetchExpecting(`${server.url}/healthz`, {})).arrayBuffer();
      };
      const warmUp = { clients: LOOKUP_CLIENTS, requests: LOOKUP_CLIENTS * 2 };
      await runLoad({ ...warmUp, send: health });
      const healthRun = await runLoad({ clients: LOOKUP_CLIENTS, requests: options.requests, send: health });
      await runLoad({ ...warmUp, send: (i) => lookup(options.requests + i) });
      const lookupRun = await runLoad({ clients: LOOKUP_CLIENTS, requests: options.requests, send: lookup });
      return {
        profiles: options.profiles,
        lookup: lookupRun.summary,
        health: healthRun.summary,
        lookupPerSecond: options.requests / (lookupRun.elapsedMs / 1000),
        healthPerSecond: options.requests / (healthRun.elapsedMs / 1000),
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
  }
}

/** Profiles as the import stores them (a valid LeadProfile without page views, then page_views by `id:` key). */
async function seedProfiles(db: Kysely<Tables>, teamId: string, count: number): Promise<void> {
  await sql`
    insert into profiles (team_id, id, email_lower, name, company, profile, updated_at)
    select ${teamId}, 'profile-' || n, 'lead-' || n || '@example.com', 'Lead ' || n, 'Company ' || (n % 5000),
           jsonb_build_object('id', 'profile-' || n, 'email', 'lead-' || n || '@example.com', 'name', 'Lead ' || n,
             'company', 'Company ' || (n % 5000), 'title', 'Head of Operations', 'crmIds', '{}'::jsonb,
             'source', jsonb_build_object('channel', 'paid_search', 'campaign', 'campaign-' || (n % 12), 'utm', '{}'::jsonb),
             'problems', jsonb_build_array(jsonb_build_object('text', 'Our pipeline reports take a week to build', 'form', 'Contact us', 'submittedAt', '2026-11-02T10:00:00Z')),
             'contact', jsonb_build_object('doNotCall', false, 'doNotEmail', false), 'highIntent', '[]'::jsonb),
           now()
    from generate_series(0, ${count - 1}) n
  `.execute(db);
  await sql`
    insert into page_views (team_id, profile_key, url, viewed_at, title, duration_sec, visit_id)
    select ${teamId}, 'id:profile-' || n, 'https://www.example.com/page-' || v, now() - make_interval(days => v, secs => n % 86400),
           'Page ' || v, 30 + v, 'visit-' || n || '-' || (v / 2)
    from generate_series(0, ${count - 1}) n, generate_series(1, ${PAGE_VIEWS_PER_PROFILE}) v
  `.execute(db);
  await sql`vacuum analyze profiles, page_views`.execute(db);
}
