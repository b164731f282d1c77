import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiGet } from '../api/client';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; data: T };

/**
 * GETs /api`path` (parsed with `schema`) whenever the path changes; `retry` loads it again and
 * `reload` too, after a change was saved. A newer path cancels the older call, so an answer for a
 * filter the user already left never shows. `what` names it in the UI's language ("the overview").
 */
export function useApi<T>(path: string | null, schema: z.ZodType<T>, what: string): Loaded<T> & { reload(): void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { t } = useTranslation('dashboard');
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoaded((previous) => (previous.state === 'ready' && attempt > 0 ? previous : { state: 'loading' }));
    apiGet(path, schema, t('load.call', { what }), controller.signal).then(
      (data) => setLoaded({ state: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
    // `schema` and `what` are constants of the calling page (a new language reloads nothing).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, attempt]);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...loaded, reload };
}
