import { useCallback, useEffect, useState } from 'react';
import { request } from '@/lib/messaging/messages';
import { loadInsightsView, type InsightsView } from '@/lib/store/insights-view';
import { useBroadcast } from '@/components/use-broadcast';

export type Period = '7' | '30' | '90' | 'all';

/** The worker fetches the team's numbers: the source's token never reaches this page. */
const askTeamStats = (since: string | undefined) => request({ type: 'team-stats', since });

/** Insights for the chosen period (the team's, or this browser's), reloaded when feedback arrives while the page is open. */
export function useInsights(period: Period) {
  const [view, setView] = useState<InsightsView>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    const since = period === 'all' ? undefined : new Date(Date.now() - Number(period) * 86_400_000).toISOString();
    try {
      setView(await loadInsightsView({ since }, askTeamStats));
      setError(undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [period]);

  useEffect(() => void load(), [load]);
  useBroadcast((message) => {
    if (message.type === 'feedback-changed') void load();
  });
  return { view, error, reload: load };
}
