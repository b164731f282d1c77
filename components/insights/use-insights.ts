import { useCallback, useEffect, useState } from 'react';
import { loadInsights, type Insights } from '@/lib/store/insights-load';
import { useBroadcast } from '@/components/use-broadcast';

export type Period = '7' | '30' | '90' | 'all';

/** Insights for the chosen period, reloaded when feedback arrives while the page is open. */
export function useInsights(period: Period) {
  const [insights, setInsights] = useState<Insights>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    const since = period === 'all' ? undefined : new Date(Date.now() - Number(period) * 86_400_000).toISOString();
    try {
      setInsights(await loadInsights({ since }));
      setError(undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [period]);

  useEffect(() => void load(), [load]);
  useBroadcast((message) => {
    if (message.type === 'feedback-changed') void load();
  });
  return { insights, error, reload: load };
}
