import { sql, type Kysely } from 'kysely';
import type { Channel, Verdict } from '@/lib/schema';
import type { Overview } from '@/lib/schema/dashboard';
import type { Tables } from '../../tables';
import { contentFunnelByItem, contentOpensByChannel } from './content-funnel';
import { byNameThenNone, channelOrNull, latestVerdictsIn, noVerdicts, verdictOf } from './latest-verdicts';
import { periodEnd, periodStart, type ReportPeriod, type ReportWindow } from './window';

/**
 * GET /api/overview: demos booked this period vs the previous one (leads whose latest verdict in the
 * period is "Demo booked"), leads rated, the share of the catalog used, lead quality and content opens
 * by source, and the verdicts per ISO week and source.
 */
export async function dashboardOverview(db: Kysely<Tables>, teamId: string, window: ReportWindow): Promise<Overview> {
  const [current, previous, funnel, catalog, opens, weekly] = await Promise.all([
    verdictsBySource(db, teamId, window.period, window.rep),
    verdictsBySource(db, teamId, window.previous, window.rep),
    contentFunnelByItem(db, teamId, window.period, window.rep),
    db.selectFrom('content').select('id').where('team_id', '=', teamId).where('retired_at', 'is', null).execute(),
    contentOpensByChannel(db, teamId, window.period, window.rep),
    weeklyVerdicts(db, teamId, window.period, window.rep),
  ]);

  const total = (rows: SourceVerdicts[], pick: (row: SourceVerdicts) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const used = catalog.filter(({ id }) => {
    const counts = funnel.get(id);
    return counts !== undefined && counts.opened + counts.linkCopied > 0;
  }).length;

  const bySource = new Map<Channel | null, Overview['bySource'][number]>();
  const source = (channel: Channel | null) => {
    let row = bySource.get(channel);
    if (!row) bySource.set(channel, (row = { channel, leadsRated: 0, demosBooked: 0, goodFit: 0, contentOpened: 0 }));
    return row;
  };
  for (const row of current) {
    const entry = source(row.channel);
    entry.leadsRated += row.leads;
    entry.demosBooked += row.demosBooked;
    entry.goodFit += row.goodFit;
  }
  for (const [channel, opened] of opens) source(channelOrNull(channel)).contentOpened += opened;

  return {
    period: window.period,
    previous: window.previous,
    demosBooked: { current: total(current, (row) => row.demosBooked), previous: total(previous, (row) => row.demosBooked) },
    leadsRated: { current: total(current, (row) => row.leads), previous: total(previous, (row) => row.leads) },
    contentUsed: { used, catalog: catalog.length },
    bySource: [...bySource.values()].sort((a, b) => b.leadsRated - a.leadsRated || b.contentOpened - a.contentOpened || byNameThenNone(a.channel, b.channel)),
    weekly,
  };
}

interface SourceVerdicts {
  channel: Channel | null;
  leads: number;
  demosBooked: number;
  goodFit: number;
}

/** Leads by the channel of their latest verdict in the period, each once. */
async function verdictsBySource(db: Kysely<Tables>, teamId: string, period: ReportPeriod, rep?: string): Promise<SourceVerdicts[]> {
  const rows = await db
    .selectFrom(latestVerdictsIn(db, teamId, period, rep).as('latest'))
    .select([
      'channel',
      sql<number>`count(*)::int`.as('leads'),
      sql<number>`(count(*) filter (where verdict = 'demo_booked'))::int`.as('demosBooked'),
      sql<number>`(count(*) filter (where verdict = 'good_fit'))::int`.as('goodFit'),
    ])
    .groupBy('channel')
    .execute();
  // Two stored spellings that are no channel (null, or one the schema no longer has) fold into one row.
  const merged = new Map<Channel | null, SourceVerdicts>();
  for (const row of rows) {
    const channel = channelOrNull(row.channel);
    const entry = merged.get(channel) ?? { channel, leads: 0, demosBooked: 0, goodFit: 0 };
    entry.leads += row.leads;
    entry.demosBooked += row.demosBooked;
    entry.goodFit += row.goodFit;
    merged.set(channel, entry);
  }
  return [...merged.values()];
}

/** Per ISO week (Monday, UTC) and channel: each lead once per week with its latest verdict that week. */
async function weeklyVerdicts(db: Kysely<Tables>, teamId: string, period: ReportPeriod, rep?: string): Promise<Overview['weekly']> {
  const perLeadWeek = db
    .selectFrom('feedback')
    .select([sql<string>`date_trunc('week', created_at at time zone 'UTC')::date::text`.as('week_start'), 'channel', 'verdict'])
    .distinctOn([sql`date_trunc('week', created_at at time zone 'UTC')`, 'lead_key'])
    .where('team_id', '=', teamId)
    .where(sql<boolean>`kind = 'verdict'`)
    .where('created_at', '>=', periodStart(period))
    .where('created_at', '<', periodEnd(period))
    .$if(rep !== undefined, (query) => query.where('user_id', '=', rep!))
    .orderBy(sql`date_trunc('week', created_at at time zone 'UTC')`)
    .orderBy('lead_key')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  const rows = await db
    .selectFrom(perLeadWeek.as('latest'))
    .select(['week_start', 'channel', 'verdict', sql<number>`count(*)::int`.as('leads')])
    .groupBy(['week_start', 'channel', 'verdict'])
    .execute();

  const weeks = new Map<string, Overview['weekly'][number]>();
  for (const row of rows) {
    const verdict: Verdict | undefined = verdictOf(row.verdict);
    if (!verdict) continue;
    const channel = channelOrNull(row.channel);
    const key = `${row.week_start}\n${channel ?? ''}`;
    let entry = weeks.get(key);
    if (!entry) weeks.set(key, (entry = { weekStart: row.week_start, channel, verdicts: noVerdicts() }));
    entry.verdicts[verdict] += row.leads;
  }
  return [...weeks.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart) || byNameThenNone(a.channel, b.channel));
}
