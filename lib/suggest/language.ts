import type { LeadProfile } from '@/lib/schema';
import { STOP_WORDS_BY_LANGUAGE } from './stop-words';

/** The primary subtag of a BCP 47 tag, lower case: `pt-BR` and `pt_PT` are both `pt`. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/**
 * The language a text is written in, among those with a stop-word list, or undefined when the text is
 * too short or too mixed to tell. Function words decide: "Nos patients oublient leurs rendez-vous"
 * has three French ones and no other language's.
 */
export function detectLanguage(text: string): string | undefined {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (words.length === 0) return undefined;
  const hits = [...STOP_WORDS_BY_LANGUAGE].map(([language, stopWords]) => ({
    language,
    count: words.filter((word) => stopWords.has(word)).length + markerBonus(language, text),
  }));
  hits.sort((a, b) => b.count - a.count);
  const [best, second] = hits;
  if (!best || best.count < 2 || (second && best.count - second.count < 1)) return undefined;
  return best.language;
}

/** Letters only one of the six languages uses: a strong hint in a short text. */
const MARKERS: Record<string, RegExp> = { de: /[ßäöü]/i, es: /[ñ¿¡]/i, pt: /[ãõ]|ção|ções/i, fr: /[œ]|[ùû]|\b(?:qu|l|d)'/i, it: /\b(?:gli|perché|più)\b/i };
function markerBonus(language: string, text: string): number {
  return MARKERS[language]?.test(text) ? 1.5 : 0;
}

/** Countries (ISO 3166 alpha-2) whose main business language is not English, for leads that state none. */
const COUNTRY_LANGUAGES: Record<string, string> = {
  de: 'de', at: 'de', ch: 'de', li: 'de', fr: 'fr', be: 'fr', lu: 'fr', mc: 'fr', sn: 'fr', ci: 'fr', ma: 'fr', tn: 'fr',
  es: 'es', mx: 'es', ar: 'es', co: 'es', cl: 'es', pe: 'es', ve: 'es', ec: 'es', uy: 'es', py: 'es', bo: 'es', cr: 'es',
  pa: 'es', do: 'es', gt: 'es', hn: 'es', sv: 'es', ni: 'es', cu: 'es', pr: 'es', pt: 'pt', br: 'pt', ao: 'pt', mz: 'pt',
  it: 'it', sm: 'it', va: 'it', nl: 'nl', se: 'sv', no: 'no', dk: 'da', fi: 'fi', pl: 'pl', cz: 'cs', jp: 'ja', cn: 'zh',
  us: 'en', gb: 'en', uk: 'en', ie: 'en', ca: 'en', au: 'en', nz: 'en', in: 'en', za: 'en', ng: 'en', sg: 'en',
};

/** Country names as marketing systems spell them, in English and in their own language. */
const COUNTRY_NAMES: Record<string, string> = {
  germany: 'de', deutschland: 'de', austria: 'at', österreich: 'at', switzerland: 'ch', schweiz: 'ch', france: 'fr',
  belgium: 'be', belgique: 'be', spain: 'es', españa: 'es', mexico: 'mx', méxico: 'mx', argentina: 'ar', colombia: 'co',
  chile: 'cl', peru: 'pe', perú: 'pe', portugal: 'pt', brazil: 'br', brasil: 'br', italy: 'it', italia: 'it',
  netherlands: 'nl', 'united states': 'us', usa: 'us', 'united kingdom': 'gb', ireland: 'ie', canada: 'ca', australia: 'au',
};

/** The language most people in a country do business in, or undefined when the country is unknown. */
export function languageOfCountry(country: string | undefined): string | undefined {
  if (!country) return undefined;
  const key = country.trim().toLowerCase();
  return COUNTRY_LANGUAGES[key.length === 2 ? key : (COUNTRY_NAMES[key] ?? '')];
}

/** A time zone's country-level language, for the leads that carry only a time zone (Europe/Madrid → es). */
const ZONE_LANGUAGES: Record<string, string> = {
  'Europe/Berlin': 'de', 'Europe/Vienna': 'de', 'Europe/Zurich': 'de', 'Europe/Paris': 'fr', 'Europe/Brussels': 'fr',
  'Europe/Madrid': 'es', 'Atlantic/Canary': 'es', 'America/Mexico_City': 'es', 'America/Bogota': 'es', 'America/Lima': 'es',
  'America/Santiago': 'es', 'America/Argentina/Buenos_Aires': 'es', 'America/Buenos_Aires': 'es', 'Europe/Lisbon': 'pt',
  'America/Sao_Paulo': 'pt', 'Europe/Rome': 'it', 'Europe/Amsterdam': 'nl', 'Europe/London': 'en', 'Europe/Dublin': 'en',
};

export type LanguageEvidence = 'stated' | 'written' | 'country' | 'time zone';

/**
 * The language to send in: what the source states (hs_language, preferred_locale, an import column),
 * else the language the lead wrote their problem in, else their country's, else their time zone's.
 */
export function leadLanguage(profile: LeadProfile): { language: string; evidence: LanguageEvidence } | undefined {
  const stated = primaryLanguage(profile.language);
  if (stated) return { language: stated, evidence: 'stated' };
  const written = detectLanguage(profile.problems.map((problem) => problem.text).join(' '));
  if (written) return { language: written, evidence: 'written' };
  const fromCountry = languageOfCountry(profile.country);
  if (fromCountry) return { language: fromCountry, evidence: 'country' };
  const fromZone = profile.contact.timeZone ? ZONE_LANGUAGES[profile.contact.timeZone] : undefined;
  return fromZone ? { language: fromZone, evidence: 'time zone' } : undefined;
}

const NAMES = new Map<string, Intl.DisplayNames>();

/** "Italian" for `it` ("Italienisch" in `de`): the rep's word for a language, in the rep's locale. */
export function languageName(language: string, locale = 'en'): string {
  try {
    let names = NAMES.get(locale);
    if (!names) NAMES.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language' })));
    return names.of(language) ?? language;
  } catch {
    return language;
  }
}
