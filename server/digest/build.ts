import type { Digest } from '@/lib/schema/dashboard';
import type { Database } from '../db/database';
import { contentReport } from '../db/queries/dashboard/content-report';
import { followUpReport } from '../db/queries/dashboard/follow-up';
import { leadQualityReport } from '../db/queries/dashboard/lead-quality';
import { dashboardOverview } from '../db/queries/dashboard/overview';
import { addDays, periodEnd, periodStart, reportWindow } from '../db/queries/dashboard/window';
import { listFieldRequests } from '../db/queries/field-requests';
import { getTeam } from '../db/queries/teams';
import { composeDigest } from './compose';
import { weekStarting, type DigestWeek } from './week';

/**
 * A team's digest of one week, from the dashboard's own queries (overview, content report, follow-up,
 * field requests, and lead quality for the week before) over that week, with the whole team (no rep filter).
 */
export async function buildDigest(database: Database, teamId: string, week: DigestWeek, now: Date): Promise<Digest> {
  const { db } = database;
  const window = reportWindow(week, now);
  const [team, overview, before, content, followUp, requests] = await Promise.all([
    getTeam(db, teamId),
    dashboardOverview(db, teamId, window),
    // Only the demo counts of the week before: the lead-quality query gives them by source, one query where the overview runs six.
    leadQualityReport(db, teamId, reportWindow(weekStarting(addDays(week.from, -7)), now), 'source'),
    contentReport(db, teamId, window),
    followUpReport(db, teamId, window),
    listFieldRequests(db, teamId, { since: periodStart(week), until: periodEnd(week) }),
  ]);
  if (!team) throw new Error(`No team with id ${teamId}.`);
  const demosBefore = before.rows.map((row) => ({ channel: row.channel, demosBooked: row.verdicts.demo_booked }));
  return composeDigest({ team: team.name, week, overview, demosBefore, content, followUp, requests });
}
