import { useEffect, useRef } from 'react';
import { liveQuery } from 'dexie';
import { getCachedCatalog } from '@/lib/brief/catalog';
import type { BriefSource } from '@/lib/brief/cached-brief';
import { request } from '@/lib/messaging/messages';
import { loadSettings } from '@/lib/store/settings';

/**
 * What the panel needs to build a cached lead's brief itself (the source's id and name, the cache
 * time), asked of the worker, which alone builds connectors, when the panel opens and again whenever
 * settings change (Dexie's live query hears Options' writes). Undefined until known: the panel then
 * asks the worker for every brief. The stored catalog is read at once, so its ranking index is built
 * before the first brief needs it rather than on that brief's path.
 */
export function useBriefSource(): { readonly current: BriefSource | undefined } {
  const source = useRef<BriefSource | undefined>(undefined);
  useEffect(() => {
    let asked = 0;
    const subscription = liveQuery(loadSettings).subscribe({
      next: () => {
        const mine = ++asked;
        source.current = undefined;
        request({ type: 'brief-source' })
          .then(async (answer) => {
            if (mine !== asked) return;
            source.current = answer;
            await getCachedCatalog(answer.id, answer.ttlMinutes);
          })
          .catch(() => undefined); // the worker's own briefs stand in
      },
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, []);
  return source;
}
