import { sql, type Kysely } from 'kysely';
import { shareOf } from '@/lib/insights/wilson';
import type { LeadDrill, LeadQuality } from '@/lib/schema/dashboard';
import type { Tables } from '../../tables';
import { byNameThenNone, channelOrNull, latestVerdictsIn, noVerdicts, verdictOf } from './latest-verdicts';
import { periodEnd, periodStart, type ReportWindow } from './window';

export type LeadQualityDimension = LeadQuality['by'];

/**
 * GET /api/lead-quality: leads with a verdict in the period, each once with its latest verdict, by
 * source (the channel) or by campaign across all reps (or the one the window names); "good" is Good fit
 * or Demo booked, each share with its 95% Wilson interval and marked when the row has under 10 leads.
 * A row keys by one dimension only: by source its `campaign` is null (all campaigns), by campaign its
 * `channel` is null (all channels); null in the keyed dimension = leads that carried none.
 */
export async function leadQualityReport(db: Kysely<Tables>, teamId: string, window: ReportWindow, by: LeadQualityDimension): Promise<LeadQuality> {
  const column = by === 'source' ? 'channel' : 'campaign';
  const rows = await db
    .selectFrom(latestVerdictsIn(db, teamId, window.period, window.rep).as('latest'))
    .select([sql<string | null>`${sql.ref(column)}`.as('key'), 'verdict', sql<number>`count(*)::int`.as('leads')])
    .groupBy([column, 'verdict'])
    .execute();

  const groups = new Map<string, { channel: LeadQuality['rows'][number]['channel']; campaign: string | null; verdicts: ReturnType<typeof noVerdicts> }>();
  for (const row of rows) {
    const verdict = verdictOf(row.verdict);
    if (!verdict) continue;
    const channel = by === 'source' ? channelOrNull(row.key) : null;
    const campaign = by === 'campaign' ? row.key : null;
    const key = `${channel ?? ''}\n${campaign ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { channel, campaign, verdicts: noVerdicts() }));
    group.verdicts[verdict] += row.leads;
  }
  const result = [...groups.values()].map(({ channel, campaign, verdicts }) => {
    const leads = Object.values(verdicts).reduce((sum, count) => sum + count, 0);
    return {
      channel,
      campaign,
      leads,
      verdicts,
      good: shareOf(verdicts.good_fit + verdicts.demo_booked, leads),
      demoBooked: shareOf(verdicts.demo_booked, leads),
    };
  });
  result.sort((a, b) => b.leads - a.leads || byNameThenNone(a.channel ?? a.campaign, b.channel ?? b.campaign));
  return { period: window.period, previous: window.previous, by, rows: result };
}

/**
 * Which leads a drill-down shows: undefined = any, null = the leads that carried none, else that
 * channel or campaign (of the lead's latest verdict in the period).
 */
export interface LeadDrillFilter {
  channel?: string | null;
  campaign?: string | null;
}

/** The most leads a drill-down lists (newest verdicts first); a row of a lead-quality table rarely has more. */
export const MAX_DRILL_LEADS = 1000;

/**
 * GET /api/lead-quality/leads: the leads behind a lead-quality row, newest verdict first, each with its
 * latest verdict in the period, that verdict's reason chips and note, the rep who gave it, and how many
 * verdicts the lead got in the period.
 */
export async function leadQualityLeads(db: Kysely<Tables>, teamId: string, window: ReportWindow, filter: LeadDrillFilter): Promise<LeadDrill> {
  let latest = db.selectFrom(latestVerdictsIn(db, teamId, window.period, window.rep).as('latest')).selectAll('latest');
  if (filter.channel !== undefined) latest = filter.channel === null ? latest.where('latest.channel', 'is', null) : latest.where('latest.channel', '=', filter.channel);
  if (filter.campaign !== undefined) latest = filter.campaign === null ? latest.where('latest.campaign', 'is', null) : latest.where('latest.campaign', '=', filter.campaign);

  const rows = await db
    .selectFrom(latest.as('lead'))
    .leftJoin('users', (join) => join.on('users.team_id', '=', teamId).onRef('users.id', '=', 'lead.user_id'))
    .select((eb) => [
      'lead.lead_key',
      'lead.lead_label',
      'lead.verdict',
      'lead.reasons',
      'lead.note',
      'lead.created_at',
      'lead.user_id',
      'users.name as rep',
      eb
        .selectFrom('feedback')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('feedback.team_id', '=', teamId)
        .whereRef('feedback.lead_key', '=', 'lead.lead_key')
        .where(sql<boolean>`feedback.kind = 'verdict'`)
        .where('feedback.created_at', '>=', periodStart(window.period))
        .where('feedback.created_at', '<', periodEnd(window.period))
        .$if(window.rep !== undefined, (query) => query.where('feedback.user_id', '=', window.rep!))
        .as('verdict_count'),
    ])
    .orderBy('lead.created_at', 'desc')
    .orderBy('lead.lead_key')
    .limit(MAX_DRILL_LEADS)
    .execute();

  return {
    leads: rows.flatMap((row) => {
      const verdict = verdictOf(row.verdict);
      if (!verdict) return [];
      return [
        {
          leadKey: row.lead_key,
          lead: row.lead_label,
          verdict,
          reasons: Array.isArray(row.reasons) ? row.reasons.filter((reason): reason is string => typeof reason === 'string') : [],
          note: row.note ?? null,
          rep: row.rep ?? row.user_id,
          at: new Date(row.created_at).toISOString(),
          verdictCount: row.verdict_count ?? 1,
        },
      ];
    }),
  };
}
