import { sql, type Kysely } from 'kysely';
import { ContentItemSchema } from '@/lib/schema';
import type { ContentReport, ContentReportItem } from '@/lib/schema/dashboard';
import type { Tables } from '../../tables';
import { utcDay } from '../deliveries';
import { latestRatings } from '../stats';
import { contentFunnelByItem, contentFunnelByRep, type FunnelCounts } from './content-funnel';
import { periodEnd, periodStart, type ReportPeriod, type ReportWindow } from './window';

/**
 * GET /api/content: per item, suggested → opened → link copied → rated useful / not useful in the
 * period (one rep's when the window names one), which items were opened for leads whose latest verdict
 * is "Demo booked", the never-used and the stale-but-still-opened lists, and the funnel per rep.
 * Event counts come from the daily rollups, never from the events.
 */
export async function contentReport(db: Kysely<Tables>, teamId: string, window: ReportWindow): Promise<ContentReport> {
  const range = { since: periodStart(window.period), until: periodEnd(window.period) };
  const [catalog, funnel, ratings, demoOpens, repFunnel, repRatings, users] = await Promise.all([
    db.selectFrom('content').select(['id', 'item', 'retired_at']).where('team_id', '=', teamId).orderBy('position').orderBy('id').execute(),
    contentFunnelByItem(db, teamId, window.period, window.rep),
    latestRatings(db, teamId, { ...range, ...(window.rep ? { userId: window.rep } : {}) }),
    openedForDemoLeads(db, teamId, window.period, window.rep),
    contentFunnelByRep(db, teamId, window.period),
    ratingsByRep(db, teamId, window.period),
    db.selectFrom('users').select(['id', 'name', 'role']).where('team_id', '=', teamId).execute(),
  ]);

  const today = utcDay(window.now);
  const rows = new Map<string, ContentReportItem>();
  const empty = (contentId: string): ContentReportItem => ({
    contentId,
    retired: false,
    stale: false,
    suggested: 0,
    opened: 0,
    linkCopied: 0,
    useful: 0,
    notUseful: 0,
    openedForDemoLeads: 0,
  });
  const row = (contentId: string) => {
    let entry = rows.get(contentId);
    if (!entry) rows.set(contentId, (entry = empty(contentId)));
    return entry;
  };
  const retiredIds = new Set<string>();
  for (const stored of catalog) {
    const item = ContentItemSchema.safeParse(stored.item).data;
    // A retired item shows only when it was used in the period (added below); the catalog is the live one.
    if (stored.retired_at) {
      retiredIds.add(stored.id);
      continue;
    }
    rows.set(stored.id, describe(empty(stored.id), item, today));
  }
  for (const [contentId, counts] of funnel) Object.assign(row(contentId), counts);
  for (const rating of ratings) Object.assign(row(rating.contentId), { useful: rating.useful, notUseful: rating.notUseful });
  for (const [contentId, leads] of demoOpens) row(contentId).openedForDemoLeads = leads;
  for (const stored of catalog) {
    const entry = rows.get(stored.id);
    if (entry && retiredIds.has(stored.id)) Object.assign(entry, describe(entry, ContentItemSchema.safeParse(stored.item).data, today), { retired: true });
  }

  const items = [...rows.values()].sort(
    (a, b) => b.opened + b.linkCopied - (a.opened + a.linkCopied) || b.suggested - a.suggested || (a.contentId < b.contentId ? -1 : a.contentId > b.contentId ? 1 : 0),
  );
  const names = new Map(users.map((user) => [user.id, user.name]));
  const repIds = new Set([...users.filter((user) => user.role === 'rep').map((user) => user.id), ...repFunnel.keys(), ...repRatings.keys()]);
  const none: FunnelCounts = { suggested: 0, opened: 0, linkCopied: 0 };
  const byRep = [...repIds]
    .map((userId) => ({
      userId,
      rep: names.get(userId) ?? userId,
      ...(repFunnel.get(userId) ?? none),
      ...(repRatings.get(userId) ?? { useful: 0, notUseful: 0 }),
    }))
    .sort((a, b) => b.opened + b.linkCopied - (a.opened + a.linkCopied) || a.rep.localeCompare(b.rep));

  return {
    period: window.period,
    previous: window.previous,
    items,
    neverUsed: catalog.filter((stored) => !stored.retired_at && isUnused(rows.get(stored.id)!)).map((stored) => stored.id),
    staleStillOpened: items.filter((item) => item.stale && item.opened > 0).map((item) => item.contentId),
    byRep,
  };
}

const isUnused = (row: ContentReportItem) => row.opened + row.linkCopied === 0;

/** The catalog's side of a row: title, type, link, review date, replacement, and whether that makes it stale. */
function describe(row: ContentReportItem, item: ReturnType<typeof ContentItemSchema.safeParse>['data'], today: string): ContentReportItem {
  if (!item) return row;
  return {
    ...row,
    title: item.title,
    type: item.type,
    url: item.url,
    ...(item.reviewBy ? { reviewBy: item.reviewBy } : {}),
    ...(item.replacedBy ? { replacedBy: item.replacedBy } : {}),
    stale: isStale(item, today),
  };
}

/** Past its review date (the day itself still counts as reviewed) or replaced by another item. */
export const isStale = (item: { reviewBy?: string; replacedBy?: string }, today: string): boolean =>
  Boolean(item.replacedBy) || (item.reviewBy !== undefined && item.reviewBy < today);

/**
 * Per item: distinct leads it was opened for in the period whose latest verdict (at any time) is
 * "Demo booked". Starts from those leads (few) and finds their opens by lead (migration 0008's index),
 * so it never reads the period's other events.
 */
async function openedForDemoLeads(db: Kysely<Tables>, teamId: string, period: ReportPeriod, rep?: string): Promise<Map<string, number>> {
  const latest = db
    .selectFrom('feedback')
    .select(['lead_key', 'verdict'])
    .distinctOn('lead_key')
    .where('team_id', '=', teamId)
    .where(sql<boolean>`kind = 'verdict'`)
    // No tie-break on id: in exactly this order, the index of migration 0005 is read without a sort.
    .orderBy('lead_key')
    .orderBy('created_at', 'desc');
  const rows = await db
    .selectFrom(latest.as('latest'))
    .innerJoin('content_events as events', (join) =>
      join.on('events.team_id', '=', teamId).onRef('events.lead_key', '=', 'latest.lead_key').on(sql<boolean>`events.type = 'opened'`),
    )
    .select(['events.content_id', sql<number>`count(distinct events.lead_key)::int`.as('leads')])
    .where('latest.verdict', '=', 'demo_booked')
    .where('events.at', '>=', periodStart(period))
    .where('events.at', '<', periodEnd(period))
    .$if(rep !== undefined, (query) => query.where('events.user_id', '=', rep!))
    .groupBy('events.content_id')
    .execute();
  return new Map(rows.map((row) => [row.content_id, row.leads]));
}

/** Per rep: useful / not useful among each lead's latest rating of an item by that rep in the period. */
async function ratingsByRep(db: Kysely<Tables>, teamId: string, period: ReportPeriod): Promise<Map<string, { useful: number; notUseful: number }>> {
  const latest = db
    .selectFrom('feedback')
    .select(['user_id', 'useful'])
    .distinctOn(['user_id', 'lead_key', 'content_id'])
    .where('team_id', '=', teamId)
    .where(sql<boolean>`kind = 'content_rating'`)
    .where('created_at', '>=', periodStart(period))
    .where('created_at', '<', periodEnd(period))
    .orderBy('user_id')
    .orderBy('lead_key')
    .orderBy('content_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  const rows = await db
    .selectFrom(latest.as('latest'))
    .select([
      'user_id',
      sql<number>`(count(*) filter (where useful))::int`.as('useful'),
      sql<number>`(count(*) filter (where not useful))::int`.as('notUseful'),
    ])
    .groupBy('user_id')
    .execute();
  return new Map(rows.map(({ user_id, ...counts }) => [user_id, counts]));
}
