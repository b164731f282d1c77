import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { loadSettings, saveSettings, type Settings } from '@/lib/store/settings';
import { storageErrorCode } from '@/lib/store/storage-errors';
import { wordError } from '@/components/ui/CodedMessage';
import { describeInvalid } from './invalid-words';

/**
 * The stored settings, and `save`, which validates first and reports a specific message on refusal
 * (in the UI's language: the field as the form names it, and what it needs).
 * `loadError`: why the settings could not be read (the local database would not open, say).
 */
export function useSettings() {
  const { t, i18n } = useTranslation(['options', 'common']);
  const [settings, setSettings] = useState<Settings>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(
    () =>
      void loadSettings().then(setSettings, (error: unknown) =>
        setLoadError(storageErrorCode(error) ? wordError(i18n, error) : t('page.loadFailed', { error: String(error) })),
      ),
    // Read once: a language change re-renders the page, not the database.
    [],
  );
  const save = useCallback(
    async (patch: Partial<Settings>): Promise<string | undefined> => {
      try {
        setSettings(await saveSettings(patch));
        return undefined;
      } catch (error) {
        return error instanceof z.ZodError ? describeInvalid(error, t) : wordError(i18n, error);
      }
    },
    [t, i18n],
  );
  return { settings, save, loadError };
}
