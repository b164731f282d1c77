import { getCatalog } from '@/lib/brief/catalog';
import type { PageResponse } from '@/lib/messaging/messages';
import { loadSettings } from '@/lib/store/settings';
import { connectorFor } from './connectors';
import { asConnectorError, connectorText } from '@/lib/connectors/message-codes';

type TeamStatsAnswer = PageResponse<'team-stats'>;

/** How long Insights waits for the team's numbers before it shows this browser's instead. */
const TEAM_STATS_TIMEOUT_MS = 20_000;

/**
 * The team's numbers for Insights, fetched here so the source's token never reaches the page. The
 * catalog is made sure of at the same time, so the page can title every item the team used. A
 * failure is an answer, not a throw: the page then shows this browser's numbers and says why.
 */
export async function teamStats(since: string | undefined): Promise<TeamStatsAnswer> {
  const settings = await loadSettings();
  const source = settings.source;
  if (source.kind !== 'leadside' && source.kind !== 'rest') return { outcome: 'none' };
  const from = source.kind;
  const host = new URL(source.kind === 'leadside' ? source.serverUrl : source.baseUrl).host;
  try {
    const connector = await connectorFor(source);
    if (!connector.teamStats) return { outcome: 'none' };
    const signal = AbortSignal.timeout(TEAM_STATS_TIMEOUT_MS);
    const [stats] = await Promise.all([
      connector.teamStats(since, signal),
      // Titles only: without a fresh catalog the page shows content ids, which is no reason to fail.
      getCatalog(connector, settings.cacheTtlMinutes).catch(() => undefined),
    ]);
    if (stats) return { outcome: 'team', stats, from, host };
    // A team's own gateway need not collect the team's events; Leadside's server always does.
    if (from === 'rest') return { outcome: 'none' };
    return {
      outcome: 'failed',
      reason: `The Leadside server at ${host} has no /v1/stats (it answered 404). Is the address the server's?`,
      reasonCoded: connectorText('leadside.noStats', { host }),
      from,
      host,
    };
  } catch (error) {
    const failure = asConnectorError(error);
    return { outcome: 'failed', reason: failure.message, ...(failure.coded ? { reasonCoded: failure.coded } : {}), from, host };
  }
}
