/**
 * The languages Leadside's own words ship in, and how a page picks one: the rep's override, else the
 * first of the browser's languages we have, else English. Lead data is never translated.
 */
export const LOCALES = ['en', 'de', 'fr', 'es', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A pseudo-locale (accented, bracketed, ~40% longer English) for screenshots: any string that shows
 * plainly in it was never sent through the translation layer. Chosen only by tests and developers.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type UiLocale = Locale | typeof PSEUDO_LOCALE;

/** The Options choice: follow the browser, or one of the shipped languages. */
export const LANGUAGE_CHOICES = ['auto', ...LOCALES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number] | typeof PSEUDO_LOCALE;

/** Each language named in itself, as language pickers do, so a rep finds theirs in any UI language. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  pt: 'Português',
};

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/**
 * The UI locale for a choice and the browser's preferred languages ("de-AT", "pt-BR"): a region
 * falls back to its language, and nothing we ship falls back to English.
 */
export function pickLocale(choice: LanguageChoice | undefined, preferred: readonly string[]): UiLocale {
  if (choice === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  if (choice && choice !== 'auto' && isLocale(choice)) return choice;
  for (const tag of preferred) {
    const language = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isLocale(language)) return language;
  }
  return 'en';
}

/** The BCP 47 tag `Intl` formats with: the pseudo-locale formats as English. */
export const intlLocale = (locale: UiLocale): string => (locale === PSEUDO_LOCALE ? 'en' : locale);
