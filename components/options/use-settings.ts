import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { loadSettings, saveSettings, type Settings } from '@/lib/store/settings';
import { summarizeZodError } from '@/lib/schema';
import { describeStorageError } from '@/lib/store/storage-errors';

/**
 * The stored settings, and `save`, which validates first and reports a specific message on refusal.
 * `loadError`: why the settings could not be read (the local database would not open, say).
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(
    () =>
      void loadSettings().then(setSettings, (error: unknown) =>
        setLoadError(describeStorageError(error) ?? `Leadside could not read its settings: ${String(error)}`),
      ),
    [],
  );
  const save = useCallback(async (patch: Partial<Settings>): Promise<string | undefined> => {
    try {
      setSettings(await saveSettings(patch));
      return undefined;
    } catch (error) {
      return error instanceof z.ZodError ? summarizeZodError(error) : (describeStorageError(error) ?? String(error));
    }
  }, []);
  return { settings, save, loadError };
}
