import { sql, type Kysely } from 'kysely';
import type { FieldSignals } from '@/lib/schema/rest-api';
import { FIELD_WINDOW_DAYS, fieldSignalsBySegment, segmentOf } from '@/lib/suggest/field';
import type { Tables } from '../tables';

const DAY_MS = 86_400_000;

interface SegmentRow {
  content_id: string;
  industry: string | null;
  persona: string | null;
  title: string | null;
  useful: number;
  not_useful: number;
  opened: number;
}

/**
 * What the team's reps learned about each catalog item, per segment of leads (industry, persona): for
 * how many leads the latest rating said useful or not useful, and for how many a rep opened it, over
 * the last FIELD_WINDOW_DAYS. The extension's ranker nudges items by it (lib/suggest/field.ts).
 *
 * A rating or an open names its lead by CRM record key; the lead's profile (whose industry, persona
 * and job title make the segment) is the one the rating named, else the one a rep's first look at
 * that record found. Leads the server has no profile for are like no other lead and are left out.
 * Counts only: no lead, rep or record leaves the server.
 */
export async function fieldSignals(db: Kysely<Tables>, teamId: string, now = new Date()): Promise<FieldSignals> {
  const since = new Date(now.getTime() - FIELD_WINDOW_DAYS * DAY_MS);
  // Every part filters on the team: a lead key or profile id means nothing across teams.
  const { rows } = await sql<SegmentRow>`
    with rated as (
      -- Each lead's latest rating of an item counts once, as in the team's stats (index feedback_latest_rating).
      select distinct on (lead_key, content_id) lead_key, content_id, useful, profile_id
      from feedback
      where team_id = ${teamId} and kind = 'content_rating' and created_at >= ${since}
      order by lead_key, content_id, created_at desc
    ),
    opened as (
      -- Index content_events_lead_opened holds exactly these rows.
      select lead_key, content_id
      from content_events
      where team_id = ${teamId} and type = 'opened' and lead_key is not null and at >= ${since}
      group by lead_key, content_id
    ),
    looked as (
      select distinct on (lead_key) lead_key, profile_id
      from lead_looks
      where team_id = ${teamId}
      order by lead_key, first_at desc
    ),
    pairs as (
      select coalesce(rated.lead_key, opened.lead_key) as lead_key,
             coalesce(rated.content_id, opened.content_id) as content_id,
             rated.useful, rated.profile_id, opened.lead_key is not null as was_opened
      from rated full join opened on opened.lead_key = rated.lead_key and opened.content_id = rated.content_id
    )
    select pairs.content_id,
           profiles.profile->>'industry' as industry,
           profiles.profile->>'persona' as persona,
           profiles.profile->>'title' as title,
           (count(*) filter (where pairs.useful))::int as useful,
           (count(*) filter (where not pairs.useful))::int as not_useful,
           (count(*) filter (where pairs.was_opened))::int as opened
    from pairs
    left join looked on looked.lead_key = pairs.lead_key
    join profiles on profiles.team_id = ${teamId} and profiles.id = coalesce(pairs.profile_id, looked.profile_id)
    group by 1, 2, 3, 4
  `.execute(db);
  // The persona comes from lib/suggest's title table, which SQL cannot run: grouped by title above, mapped here.
  const signals = fieldSignalsBySegment(
    rows.map((row) => ({
      contentId: row.content_id,
      segment: segmentOf({ industry: row.industry ?? undefined, persona: row.persona ?? undefined, title: row.title ?? undefined }),
      useful: row.useful,
      notUseful: row.not_useful,
      opened: row.opened,
    })),
  );
  return { since: since.toISOString(), signals };
}
