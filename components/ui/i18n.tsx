import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { liveQuery } from 'dexie';
import { createI18n } from '@/lib/i18n/create';
import { intlLocale, pickLocale, type LanguageChoice, type UiLocale } from '@/lib/i18n/locales';
import { loadSettings } from '@/lib/store/settings';

/** The locale `Intl` formats dates, times and numbers in: the UI's own. */
const IntlLocaleContext = createContext('en');

/** The BCP 47 tag to hand to `Intl` and lib/format (the lead's time zone stays the lead's). */
export const useIntlLocale = () => useContext(IntlLocaleContext);

/** What the page's language is now: the rep's choice in settings, else the browser's. */
export function uiLocaleFor(choice: LanguageChoice | undefined): UiLocale {
  return pickLocale(choice, navigator.languages?.length ? navigator.languages : [navigator.language]);
}

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

/** One locale for a subtree: i18next for words, `Intl` for dates and numbers, `lang` for screen readers. */
export function LocaleProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = intlLocale(locale);
  }, [locale]);
  return (
    <I18nextProvider i18n={i18n}>
      <IntlLocaleContext.Provider value={intlLocale(locale)}>{children}</IntlLocaleContext.Provider>
    </I18nextProvider>
  );
}
