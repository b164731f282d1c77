import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, LOCALES, PSEUDO_LOCALE, pickLocale, type LanguageChoice, type Locale } from '@/lib/i18n/locales';
import type { useLanguage } from '../hooks/use-language';

/**
 * The browser's language or one of ours, kept in this browser. Each language is named in itself,
 * so anyone finds theirs whatever the page shows now; the pseudo-locale is listed only while chosen.
 */
export function LanguageSelect({ language }: { language: ReturnType<typeof useLanguage> }) {
  const { t } = useTranslation('common');
  // 'auto' never resolves to the pseudo-locale.
  const browsers = pickLocale('auto', navigator.languages?.length ? navigator.languages : [navigator.language]) as Locale;
  return (
    <label className="row small">
      <span>{t('language')}</span>
      <select value={language.choice} onChange={(event) => language.setChoice(event.target.value as LanguageChoice)} data-testid="language-select">
        <option value="auto">{t('languageAuto', { name: LOCALE_NAMES[browsers] })}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale} translate="no">
            {LOCALE_NAMES[locale]}
          </option>
        ))}
        {language.choice === PSEUDO_LOCALE && (
          <option value={PSEUDO_LOCALE} translate="no">
            Pseudo ({PSEUDO_LOCALE})
          </option>
        )}
      </select>
    </label>
  );
}
