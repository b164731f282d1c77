import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '@/lib/messaging/messages';
import type { Brief } from '@/lib/schema';
import { recordKey, reportedIdentity, type DetectedRecord } from '@/lib/schema/record';
import { useBroadcast } from '@/components/use-broadcast';
import { cachedFoundBrief } from '@/lib/brief/cached-brief';
import { notAPersonBrief } from '@/lib/brief/not-a-person';
import { useBriefSource } from './use-brief-source';
import { useTabReports, useTabUrl } from './use-tab-reports';

export type BriefView = Brief | { state: 'waiting' };

/** What the caller already knows about the tab (a report or a broadcast carries the record). */
interface Known {
  record: DetectedRecord | null;
}

/**
 * The brief for a tab, kept current as the tab moves between records. Every load has a sequence
 * number: an answer is shown only if it is for the person shown now and no later load's answer has
 * been shown, so a slow answer for lead A can never appear after the tab has moved to lead B. An
 * earlier load's answer that found the person may show while a later one (the page has just shown
 * the e-mail, say) is still out; a miss or error waits for the last word.
 */
export function useBrief(tabId: number | undefined) {
  const source = useBriefSource();
  /**
   * The record the panel last took in, from the content script's report or the worker's news of it
   * (whichever came first; each tab change comes by both), and whether the panel needs nothing more
   * for it: true once it showed a brief it built from the cache, or asked the worker.
   */
  const taken = useRef<{ identity: string; settled: Promise<boolean> } | undefined>(undefined);
  /** The record the panel last began building a brief for. */
  const lastBuilt = useRef<string | undefined>(undefined);
  const [brief, setBrief] = useState<BriefView>({ state: 'waiting' });
  const [refreshing, setRefreshing] = useState(false);
  const sequence = useRef(0);
  const shownSequence = useRef(0);
  const shownKey = useRef<string | undefined>(undefined);
  /** The lead and suggestions last reported as shown: the same brief shown again is not re-reported. */
  const reported = useRef<string | undefined>(undefined);

  const show = useCallback((next: Brief, mine: number) => {
    if (mine < shownSequence.current) return;
    if (next.state !== 'no-record' && recordKey(next.record) !== shownKey.current) return;
    shownSequence.current = mine;
    // With the worker's leadside:brief-built measure, the benchmark's floor: building and rendering
    // a brief without any message in between.
    if (next.state === 'found') performance.mark('leadside:brief-received', { detail: recordKey(next.record) });
    setBrief(next);
    if (next.state !== 'found') return;
    // A switch shows a found brief twice or more (the record, then its name and e-mail; a refresh):
    // the worker would count it once anyway, but each report is a write it need not do.
    const leadKey = recordKey(next.record);
    const contentIds = next.suggestions.map((suggestion) => suggestion.item.id);
    const shown = `${leadKey}|${contentIds.join(',')}`;
    if (shown !== reported.current) {
      reported.current = shown;
      reportShown(leadKey, contentIds);
    }
  }, []);

  const load = useCallback(
    async (refresh = false, known?: Known) => {
      if (tabId === undefined) return;
      const mine = ++sequence.current;
      const isCurrent = () => mine === sequence.current;
      try {
        const { record } = known ?? (await request({ type: 'get-tab-record', tabId }));
        if (!isCurrent()) return;
        const key = record ? recordKey(record) : undefined;
        if (!record) {
          shownKey.current = undefined;
          show({ state: 'no-record' }, mine);
          return;
        }
        // A different person: drop the old brief at once and say who is being looked up.
        if (key !== shownKey.current) {
          shownKey.current = key;
          shownSequence.current = mine;
          setBrief({ state: 'loading', record });
        }
        if (refresh) setRefreshing(true);
        const next = await request({ type: 'get-brief', tabId, refresh });
        if (isCurrent() || next.state === 'found') show(next, mine);
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
    [tabId, show],
  );

  /**
   * A cached lead's brief, built here from the IndexedDB the panel shares with the worker as soon as
   * the tab reports the record: one hop, not two (content script → worker → panel). A company's or a
   * deal's record needs no lookup at all, so it is said at once too. True when shown.
   * The last brief stays for the few milliseconds the build takes, then gives way in one render to
   * the new one, or to "looking up" this person when the cache cannot answer.
   */
  const buildHere = useCallback(
    async (record: DetectedRecord): Promise<boolean> => {
      const mine = ++sequence.current;
      lastBuilt.current = recordKey(record);
      const from = source.current;
      const brief = notAPersonBrief(record) ?? (from && (await cachedFoundBrief(record, from).catch(() => undefined)));
      // The tab moved on, or the panel asked the worker meanwhile. A build for the same record that
      // found the lead still shows: the URL's build is not held back by the page's report of the person.
      if (mine !== sequence.current && !(brief && lastBuilt.current === recordKey(record))) return false;
      if (recordKey(record) !== shownKey.current) {
        shownKey.current = recordKey(record);
        shownSequence.current = mine;
        if (!brief) setBrief({ state: 'loading', record });
      } else if (!brief) {
        // Still looking this record up: say who, now that the page shows more of them.
        setBrief((current) => (current.state === 'loading' ? { state: 'loading', record } : current));
      }
      if (!brief) return false;
      show(brief, mine);
      return true;
    },
    [show, source],
  );

  useEffect(() => {
    shownKey.current = undefined;
    taken.current = undefined;
    setBrief({ state: 'waiting' });
    void load();
  }, [load]);

  // The URL names another record: a cached lead's brief can show before the page is even read. The
  // content script's report follows with the person, and refines it.
  useTabUrl(tabId, (record) => {
    if (recordKey(record) !== shownKey.current) void buildHere(record);
  });

  useTabReports(tabId, (record) => {
    if (!record) {
      taken.current = undefined;
      void load(false, { record });
      return;
    }
    const identity = reportedIdentity(record);
    if (taken.current?.identity === identity) return;
    taken.current = { identity, settled: buildHere(record) };
  });

  useBroadcast(async (message) => {
    if (message.type === 'tab-record-changed' && message.tabId === tabId) {
      const identity = message.record && reportedIdentity(message.record);
      const before = taken.current;
      // The report came first and the panel built the brief: the worker's news of it adds nothing.
      if (identity && before?.identity === identity && (await before.settled)) return;
      if (taken.current !== before) return; // another record since
      taken.current = identity ? { identity, settled: Promise.resolve(true) } : undefined;
      void load(false, message);
    }
    // A refresh that ran behind a cached brief has finished: show what it brought.
    if (message.type === 'brief-updated' && message.leadKey === shownKey.current) void load();
  });

  return { brief, refreshing, reload: load };
}

/**
 * Tells the worker which suggestions the rep was shown, for Insights' "suggested" counts (kept once
 * per lead, item and day, however often the brief is shown again).
 */
function reportShown(leadKey: string, contentIds: string[]): void {
  if (contentIds.length === 0) return;
  request({ type: 'suggestions-shown', leadKey, contentIds }).catch((error: unknown) =>
    console.warn('Leadside: could not count suggestions', error),
  );
}
