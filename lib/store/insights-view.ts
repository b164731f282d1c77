import type { PageResponse } from '@/lib/messaging/messages';
import type { TeamStats } from '@/lib/schema/rest-api';
import { db } from './db';
import { loadInsights, type Insights, type InsightsPeriod } from './insights-load';
import { teamInsights } from './team-insights';
import type { CodedText } from '@/lib/schema/coded-text';

type TeamStatsAnswer = PageResponse<'team-stats'>;

/** Who answered for the team: the kind of source and its host. */
export interface TeamOrigin {
  from: 'leadside' | 'rest';
  host: string;
}

/** What the Insights page shows: the team's numbers, or this browser's (saying why when the team's failed). */
export type InsightsView =
  | { scope: 'team'; insights: Insights; team?: TeamStats['team']; origin: TeamOrigin }
  | { scope: 'browser'; insights: Insights; teamFailure?: { error: string; coded?: CodedText; origin?: TeamOrigin } };

/**
 * The team view when the source has the team's numbers, else this browser's data. When the team's
 * numbers could not be had (server down, an error answer, the worker itself failing), this browser's
 * data is shown with the reason, so nobody mistakes one browser's numbers for the team's.
 */
export async function loadInsightsView(
  period: InsightsPeriod,
  askTeamStats: (since: string | undefined) => Promise<TeamStatsAnswer>,
): Promise<InsightsView> {
  let answer: TeamStatsAnswer;
  try {
    answer = await askTeamStats(period.since);
  } catch (error) {
    const reason = `Leadside's background did not answer: ${error instanceof Error ? error.message : String(error)}`;
    return { scope: 'browser', insights: await loadInsights(period), teamFailure: { error: reason } };
  }
  switch (answer.outcome) {
    case 'team':
      return {
        scope: 'team',
        insights: teamInsights(answer.stats, await db.content.toArray()),
        team: answer.stats.team,
        origin: { from: answer.from, host: answer.host },
      };
    case 'failed':
      return {
        scope: 'browser',
        insights: await loadInsights(period),
        teamFailure: { error: answer.reason, ...(answer.reasonCoded ? { coded: answer.reasonCoded } : {}), origin: { from: answer.from, host: answer.host } },
      };
    case 'none':
      return { scope: 'browser', insights: await loadInsights(period) };
  }
}
