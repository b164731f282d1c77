import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { loadSettings, saveSettings, type Settings } from '@/lib/store/settings';
import { summarizeZodError } from '@/lib/schema';

/** The stored settings, and `save`, which validates first and reports a specific message on refusal. */
export function useSettings() {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => void loadSettings().then(setSettings), []);
  const save = useCallback(async (patch: Partial<Settings>): Promise<string | undefined> => {
    try {
      setSettings(await saveSettings(patch));
      return undefined;
    } catch (error) {
      return error instanceof z.ZodError ? summarizeZodError(error) : String(error);
    }
  }, []);
  return { settings, save };
}
