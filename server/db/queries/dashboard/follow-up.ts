import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ChannelSchema } from '@/lib/schema';
import type { FollowUp, FollowUpSettings } from '@/lib/schema/dashboard';
import type { Tables } from '../../tables';
import { getFollowUpSettings } from './follow-up-settings';
import { byNameThenNone, channelOrNull } from './latest-verdicts';
import { periodEnd, periodStart, type ReportWindow } from './window';

/** The longest past-SLA list an answer carries (oldest first); the per-source counts count them all. */
export const MAX_PAST_SLA = 500;

/**
 * GET /api/follow-up: the leads that became qualified in the period (by the team's definition), and
 * per source how many a rep looked at and gave a verdict on, how many hours that took (median and 90th
 * percentile, SQL's percentile_cont) and how many missed the SLA; the missed ones listed oldest first.
 *
 * Qualified = stage in the team's stages, or score at least its minimum. Qualified at = the profile's
 * own `qualifiedAt` when marketing's system sent one, else when this server first stored the lead.
 * First look = the earliest `look` of any rep (lead_looks); first verdict = the earliest verdict tied
 * to the profile. With a rep in the window, only that rep's looks and verdicts count. A look or verdict
 * from before the lead qualified counts as immediate (0 hours).
 * A promise is missed when it was kept late, or not yet kept and its deadline has passed: the look is
 * checked first, so a lead listed as missing its look may have missed its verdict too.
 */
export async function followUpReport(db: Kysely<Tables>, teamId: string, window: ReportWindow, settings?: FollowUpSettings): Promise<FollowUp> {
  const rules = settings ?? (await getFollowUpSettings(db, teamId));
  const timed = timedLeads(teamId, window, rules);

  const [sources, missed] = await Promise.all([
    sql<{
      channel: string | null;
      qualified: number;
      looked: number;
      rated: number;
      look_median: number | null;
      look_p90: number | null;
      verdict_median: number | null;
      verdict_p90: number | null;
      past_sla: number;
    }>`
      with timed as (${timed})
      select channel,
        count(*)::int as qualified,
        count(first_look)::int as looked,
        count(first_verdict)::int as rated,
        percentile_cont(0.5) within group (order by look_hours) as look_median,
        percentile_cont(0.9) within group (order by look_hours) as look_p90,
        percentile_cont(0.5) within group (order by verdict_hours) as verdict_median,
        percentile_cont(0.9) within group (order by verdict_hours) as verdict_p90,
        (count(*) filter (where missed is not null))::int as past_sla
      from timed
      group by channel
    `.execute(db),
    sql<{
      id: string;
      lead: string;
      channel: string | null;
      campaign: string | null;
      qualified_at: Date | string;
      first_look: Date | string | null;
      first_verdict: Date | string | null;
      missed: 'look' | 'verdict';
    }>`
      with timed as (${timed})
      select id, lead, channel, campaign, qualified_at, first_look, first_verdict, missed
      from timed
      where missed is not null
      order by qualified_at, id
      limit ${MAX_PAST_SLA}
    `.execute(db),
  ]);

  const bySource = sources.rows.map((row) => ({
    channel: channelOrNull(row.channel),
    qualified: row.qualified,
    looked: row.looked,
    rated: row.rated,
    toFirstLook: hours(row.look_median, row.look_p90),
    toFirstVerdict: hours(row.verdict_median, row.verdict_p90),
    pastSla: row.past_sla,
  }));

  return {
    period: window.period,
    previous: window.previous,
    settings: rules,
    bySource: bySource.sort((a, b) => b.qualified - a.qualified || byNameThenNone(a.channel, b.channel)),
    pastSla: missed.rows.map((row) => ({
      profileId: row.id,
      lead: row.lead,
      channel: channelOrNull(row.channel),
      campaign: row.campaign,
      qualifiedAt: iso(row.qualified_at),
      firstLookAt: row.first_look === null ? null : iso(row.first_look),
      firstVerdictAt: row.first_verdict === null ? null : iso(row.first_verdict),
      missed: row.missed,
    })),
  };
}

/** Each lead qualified in the period with its first look, first verdict, the hours to each, and the promise it missed. */
function timedLeads(teamId: string, window: ReportWindow, rules: FollowUpSettings): RawBuilder<unknown> {
  const channels = sql.join(ChannelSchema.options.map((channel) => sql`${channel}`));
  const stages = sql.join(rules.qualifiedStages.map((stage) => sql`${stage}`));
  const byScore = rules.minScore === null ? sql`false` : sql`(p.profile ->> 'score')::float8 >= ${rules.minScore}::float8`;
  const lookRep = window.rep ? sql`and l.user_id = ${window.rep}` : sql``;
  const verdictRep = window.rep ? sql`and f.user_id = ${window.rep}` : sql``;
  const now = window.now;
  return sql`
    select *,
      case
        when (first_look is null and look_due < ${now}) or first_look > look_due then 'look'
        when (first_verdict is null and verdict_due < ${now}) or first_verdict > verdict_due then 'verdict'
      end as missed
    from (
      select *,
        -- greatest() skips nulls, so a lead with no look yet must stay null here, not become 0 hours.
        case when first_look is not null then greatest(0, extract(epoch from (first_look - qualified_at)) / 3600) end as look_hours,
        case when first_verdict is not null then greatest(0, extract(epoch from (first_verdict - qualified_at)) / 3600) end as verdict_hours,
        qualified_at + ${rules.lookSlaHours}::float8 * interval '1 hour' as look_due,
        qualified_at + ${rules.verdictSlaHours}::float8 * interval '1 hour' as verdict_due
      from (
        select q.*,
          (select min(l.first_at) from lead_looks l where l.team_id = ${teamId} and l.profile_id = q.id ${lookRep}) as first_look,
          (select min(f.created_at) from feedback f
            where f.team_id = ${teamId} and f.profile_id = q.id and f.kind = 'verdict' and f.profile_id is not null ${verdictRep}) as first_verdict
        from (
          select p.id,
            coalesce(p.name, p.email_lower, p.id) as lead,
            -- A channel outside the schema's list (an old import) is no channel, so it groups with those.
            case when p.profile -> 'source' ->> 'channel' in (${channels}) then p.profile -> 'source' ->> 'channel' end as channel,
            p.profile -> 'source' ->> 'campaign' as campaign,
            coalesce((p.profile ->> 'qualifiedAt')::timestamptz, p.first_seen_at) as qualified_at
          from profiles p
          where p.team_id = ${teamId}
            and ((p.profile ->> 'stage') in (${stages}) or ${byScore})
        ) q
        where q.qualified_at >= ${periodStart(window.period)} and q.qualified_at < ${periodEnd(window.period)}
      ) firsts
    ) timed_leads
  `;
}

const hours = (median: number | string | null, p90: number | string | null) => ({ median: median === null ? null : Number(median), p90: p90 === null ? null : Number(p90) });

const iso = (value: Date | string) => new Date(value).toISOString();
