import { useEffect, useState, type ReactNode } from 'react';
import { liveQuery } from 'dexie';
import type { UiLocale } from '@/lib/i18n/locales';
import { loadSettings } from '@/lib/store/settings';
import { LocaleProvider, uiLocaleFor } from './locale-provider';

export { useIntlLocale, uiLocaleFor } from './locale-provider';

/**
 * Gives an extension page its language: the browser's at once (no flash of English), then the rep's
 * choice as soon as settings are read, and again whenever it changes in Options, in every open page
 * (Dexie's live queries hear writes from the extension's other pages).
 */
export function ExtensionI18n({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<UiLocale>(() => uiLocaleFor(undefined));
  useEffect(() => {
    const subscription = liveQuery(loadSettings).subscribe({
      next: (settings) => setLocale(uiLocaleFor(settings.language)),
      // Unreadable settings leave the browser's language; the page says why elsewhere.
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, []);
  return <LocaleProvider locale={locale}>{children}</LocaleProvider>;
}
