import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/lib/i18n/create';
import { intlLocale, pickLocale, type LanguageChoice, type UiLocale } from '@/lib/i18n/locales';

/** The locale `Intl` formats dates, times and numbers in: the UI's own. */
const IntlLocaleContext = createContext('en');

/** The BCP 47 tag to hand to `Intl` and lib/format (the lead's time zone stays the lead's). */
export const useIntlLocale = () => useContext(IntlLocaleContext);

/** What a page's language is now: the user's choice, else the browser's. */
export function uiLocaleFor(choice: LanguageChoice | undefined): UiLocale {
  return pickLocale(choice, navigator.languages?.length ? navigator.languages : [navigator.language]);
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
