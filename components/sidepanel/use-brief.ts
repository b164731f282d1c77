import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '@/lib/messages';
import type { Brief } from '@/lib/schema';
import { recordKey, type DetectedRecord } from '@/lib/schema/record';
import { useBroadcast } from '@/components/use-broadcast';

export type BriefView = Brief | { state: 'waiting' };

/**
 * The brief for a tab, kept current as the tab moves between records. Every load has a sequence
 * number and only the newest one may update the view, so a slow answer for lead A can never be
 * shown after the tab has moved to lead B.
 */
export function useBrief(tabId: number | undefined) {
  const [brief, setBrief] = useState<BriefView>({ state: 'waiting' });
  const [refreshing, setRefreshing] = useState(false);
  const sequence = useRef(0);
  const shownKey = useRef<string | undefined>(undefined);

  /** `known` is the tab's record when the caller already has it (a broadcast carries it). */
  const load = useCallback(
    async (refresh = false, known?: { record: DetectedRecord | null }) => {
      if (tabId === undefined) return;
      const mine = ++sequence.current;
      const isCurrent = () => mine === sequence.current;
      try {
        const { record } = known ?? (await request({ type: 'get-tab-record', tabId }));
        if (!isCurrent()) return;
        const key = record ? recordKey(record) : undefined;
        if (!record) {
          shownKey.current = undefined;
          setBrief({ state: 'no-record' });
          return;
        }
        // A different person: drop the old brief at once and say who is being looked up.
        if (key !== shownKey.current) {
          shownKey.current = key;
          setBrief({ state: 'loading', record });
        }
        if (refresh) setRefreshing(true);
        const next = await request({ type: 'get-brief', tabId, refresh });
        if (!isCurrent()) return;
        if (next.state !== 'no-record' && recordKey(next.record) !== shownKey.current) return;
        setBrief(next);
      } catch (error) {
        if (!isCurrent()) return;
        setBrief((current) =>
          'record' in current
            ? { state: 'error', record: current.record, error: error instanceof Error ? error.message : String(error) }
            : current,
        );
      } finally {
        if (isCurrent()) setRefreshing(false);
      }
    },
    [tabId],
  );

  useEffect(() => {
    shownKey.current = undefined;
    setBrief({ state: 'waiting' });
    void load();
  }, [load]);

  useBroadcast((message) => {
    if (message.type === 'tab-record-changed' && message.tabId === tabId) void load(false, { record: message.record });
    // A refresh that ran behind a cached brief has finished: show what it brought.
    if (message.type === 'brief-updated' && message.leadKey === shownKey.current) void load();
  });

  return { brief, refreshing, reload: load };
}
