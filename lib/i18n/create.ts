import i18next, { type i18n, type Resource } from 'i18next';
import { LOCALES, PSEUDO_LOCALE, type UiLocale } from './locales';
import { pseudoLocalizeTree } from './pseudo';
import { EN, NAMESPACES, RESOURCES } from './resources';

/**
 * An i18next instance for one locale, ready at once (resources are bundled, so no async init). Each
 * page or worker makes its own rather than sharing i18next's global, so a test or a second page can
 * hold another language. A key missing in a locale falls back to English; the missing-key test keeps
 * that from shipping.
 */
export function createI18n(locale: UiLocale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES, PSEUDO_LOCALE],
    resources: { ...RESOURCES, [PSEUDO_LOCALE]: pseudoLocalizeTree(EN) } as Resource,
    ns: NAMESPACES,
    defaultNS: 'common',
    initAsync: false,
    // React escapes what it renders, and nothing here is ever set as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
