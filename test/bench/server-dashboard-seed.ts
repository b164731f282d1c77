import { sql } from 'kysely';
import type { Database } from '@/server/db/database';
import { STATS_DAYS } from './server-stats-seed';

/** The leads the stats seed's events and feedback name: 'email:lead-N@example.com', N below this. */
export const DASHBOARD_LEADS = 50_000;
const CHANNELS = ['paid_search', 'organic_search', 'paid_social', 'email', 'webinar', 'event', 'referral', 'partner', 'direct'];
/** Two in five leads reach a stage the default follow-up definition calls qualified (mql, sql). */
const STAGES = ['subscriber', 'lead', 'lead', 'mql', 'mql', 'sql', 'sql', 'opportunity', 'customer', 'other'];
const REASONS = ['Budget confirmed', 'Right role', 'Wrong size', 'No timeline', 'Bad e-mail', 'Competitor'];

export interface SeededDashboard {
  profiles: number;
  qualified: number;
  looks: number;
  /** Feedback items tied to their lead's profile (and its channel). */
  linkedFeedback: number;
  requestStatuses: number;
  sourceRollupRows: number;
  seedMs: number;
}

/**
 * What the dashboard pages read beyond the stats seed (server-stats-seed.ts, run first on the same
 * team), in SQL as the server's own writes would leave it:
 * - a profile for every lead the events and feedback name, with a source (one of 9 channels, 12
 *   campaigns), a lifecycle stage and the time the server first stored it, spread over STATS_DAYS;
 * - verdicts with the lead's profile and channel, reason chips and a note on every third;
 * - first looks (lead_looks): 1–3 reps each for four in five qualified leads, 0–100 hours after
 *   qualifying, so some are inside the SLA and some past it;
 * - a status on one field request in four (planned or published with the item that answers it);
 * - content_source_daily, the per-day, rep and source rollup the server keeps with each event, grouped from the events.
 */
export async function seedDashboard(database: Database, teamId: string): Promise<SeededDashboard> {
  return database.db.connection().execute(async (db) => {
    const started = Date.now();
    await sql`set maintenance_work_mem = '1GB'`.execute(db);
    await sql`set work_mem = '1GB'`.execute(db);
    const seededAt = new Date(started).toISOString();
    const spanSeconds = STATS_DAYS * 86_400;
    const channels = sql.raw(`array[${CHANNELS.map((c) => `'${c}'`).join(', ')}]`);
    const stages = sql.raw(`array[${STAGES.map((s) => `'${s}'`).join(', ')}]`);
    const reasons = sql.raw(`array[${REASONS.map((r) => `'${r}'`).join(', ')}]`);

    await sql`
      insert into profiles (team_id, id, email_lower, name, company, profile, updated_at, first_seen_at)
      select ${teamId}, 'profile-' || n, 'lead-' || n || '@example.com', 'Lead ' || n, 'Company ' || (n % 5000),
             jsonb_build_object(
               'id', 'profile-' || n, 'email', 'lead-' || n || '@example.com', 'name', 'Lead ' || n, 'company', 'Company ' || (n % 5000),
               'crmIds', '{}'::jsonb,
               'source', jsonb_build_object('channel', (${channels})[1 + abs(hashint4(n + 11)) % ${CHANNELS.length}], 'campaign', 'campaign-' || (n % 12), 'utm', '{}'::jsonb),
               'problems', '[]'::jsonb, 'contact', jsonb_build_object('doNotCall', false, 'doNotEmail', false), 'highIntent', '[]'::jsonb,
               'stage', (${stages})[1 + abs(hashint4(n + 13)) % ${STAGES.length}]),
             ${seededAt}::timestamptz,
             ${seededAt}::timestamptz - (abs(hashint4(n + 19)) % ${spanSeconds}) * interval '1 second'
      from generate_series(0, ${DASHBOARD_LEADS - 1}) n
    `.execute(db);

    // Verdicts name their lead's profile and carry its channel, as the server stores them now.
    const linked = await sql`
      update feedback f set
        profile_id = 'profile-' || substr(f.lead_key, 12, length(f.lead_key) - 23),
        channel = p.profile -> 'source' ->> 'channel',
        reasons = case when f.kind = 'verdict' then jsonb_build_array((${reasons})[1 + abs(hashtext(f.id)) % ${REASONS.length}]) end,
        note = case when f.kind = 'verdict' and right(f.id, 1) in ('0', '3', '6') then 'Spoke on the phone; ' || f.lead_label || ' wants a follow-up.' end
      from profiles p
      where f.team_id = ${teamId} and p.team_id = ${teamId} and p.id = 'profile-' || substr(f.lead_key, 12, length(f.lead_key) - 23)
    `.execute(db);

    const looks = await sql`
      insert into lead_looks (team_id, profile_id, user_id, first_at, lead_key, lead_label, channel, campaign)
      select ${teamId}, p.id, 'rep-' || (abs(hashint4(n * 7 + r)) % 200),
             p.first_seen_at + (abs(hashint4(n * 3 + r)) % 360000) * interval '1 second',
             'email:' || p.email_lower, p.name, p.profile -> 'source' ->> 'channel', p.profile -> 'source' ->> 'campaign'
      from profiles p
      cross join lateral (select substr(p.id, 9)::int as n) ids
      cross join lateral generate_series(0, abs(hashint4(ids.n + 23)) % 3) r
      where p.team_id = ${teamId} and p.profile ->> 'stage' in ('mql', 'sql') and ids.n % 5 <> 0
      on conflict do nothing
    `.execute(db);

    const statuses = await sql`
      insert into field_request_status (team_id, feedback_id, status, content_id, changed_at, changed_by)
      select team_id, id, case when row_number() over (order by id) % 2 = 0 then 'published' else 'planned' end,
             case when row_number() over (order by id) % 2 = 0 then 'content-' || (abs(hashtext(id)) % 100) end,
             created_at + interval '2 days', 'rep-0'
      from feedback
      where team_id = ${teamId} and kind in ('content_request', 'prospect_question') and abs(hashtext(id)) % 4 = 0
    `.execute(db);

    // content_source_daily is written with each event insert by the server; the stats seed's SQL load bypassed it.
    await sql`delete from content_source_daily where team_id = ${teamId}`.execute(db);
    const rollup = await sql`
      insert into content_source_daily (team_id, day, user_id, channel, suggested, opened, link_copied)
      select team_id, (at at time zone 'UTC')::date, user_id, coalesce(channel, ''),
             count(*) filter (where type = 'suggested'), count(*) filter (where type = 'opened'), count(*) filter (where type = 'link_copied')
      from content_events
      where team_id = ${teamId}
      group by 1, 2, 3, 4
    `.execute(db);
    await sql`vacuum analyze`.execute(db);

    const { rows } = await sql<{ qualified: number }>`
      select count(*)::int as qualified from profiles where team_id = ${teamId} and profile ->> 'stage' in ('mql', 'sql')
    `.execute(db);
    return {
      profiles: DASHBOARD_LEADS,
      qualified: rows[0]!.qualified,
      looks: Number(looks.numAffectedRows ?? 0),
      linkedFeedback: Number(linked.numAffectedRows ?? 0),
      requestStatuses: Number(statuses.numAffectedRows ?? 0),
      sourceRollupRows: Number(rollup.numAffectedRows ?? 0),
      seedMs: Date.now() - started,
    };
  });
}
