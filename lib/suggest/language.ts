import type { LeadProfile } from '@/lib/schema';
import { getCountryForTimezone } from 'countries-and-timezones';
import { STOP_WORDS_BY_LANGUAGE } from './stop-words';

/**
 * One code per written language where tags name it two ways: Norwegian Bokmål and Nynorsk are the
 * catalog's Norwegian, and the codes retired from ISO 639 are their successors.
 */
const SAME_LANGUAGE: Record<string, string> = { nb: 'no', nn: 'no', iw: 'he', in: 'id', ji: 'yi' };

/** The primary subtag of a BCP 47 tag, lower case: `pt-BR` and `pt_PT` are both `pt`, `nb-NO` is `no`. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  if (!primary || !/^[a-z]{2,3}$/.test(primary)) return undefined;
  return SAME_LANGUAGE[primary] ?? primary;
}

/**
 * The language a text is written in, among those with a stop-word list, or undefined when the text is
 * too short or too mixed to tell. Function words decide: "Nos patients oublient leurs rendez-vous"
 * has three French ones and no other language's.
 */
export function detectLanguage(text: string): string | undefined {
  const byScript = languageOfScript(text);
  if (byScript) return byScript;
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

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;
/** Scripts that name their language; Cyrillic is several languages, whose function words decide. */
const SCRIPT_LANGUAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [HAN, 'zh'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Devanagari}/gu, 'hi'],
];

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** The language of a text mostly written in a script only it uses here; none for Latin or Cyrillic. */
function languageOfScript(text: string): string | undefined {
  const letters = count(text, /\p{L}/gu);
  if (letters === 0) return undefined;
  // Japanese writes much of a sentence in kanji: its kana, however few, tell it from Chinese.
  const kana = count(text, KANA);
  if (kana > 0 && kana + count(text, HAN) >= letters / 2) return 'ja';
  return SCRIPT_LANGUAGES.find(([script]) => count(text, script) >= letters / 2)?.[1];
}

/** Letters only one of the six languages uses: a strong hint in a short text. */
const MARKERS: Record<string, RegExp> = { de: /[ßäöü]/i, es: /[ñ¿¡]/i, pt: /[ãõ]|ção|ções/i, fr: /[œ]|[ùû]|\b(?:qu|l|d)'/i, it: /\b(?:gli|perché|più)\b/i };
function markerBonus(language: string, text: string): number {
  return MARKERS[language]?.test(text) ? 1.5 : 0;
}

/**
 * Countries whose business is done in another language than the one CLDR finds most likely there
 * (India's, Pakistan's, Kenya's and the Philippines' in English, Morocco's and Senegal's in French,
 * Belgium's most often in French), for leads that state none.
 */
const BUSINESS_LANGUAGES: Record<string, string> = {
  in: 'en', pk: 'en', ph: 'en', ke: 'en', ug: 'en', gh: 'en', mt: 'en', be: 'fr', ma: 'fr', tn: 'fr', dz: 'fr', sn: 'fr', ht: 'fr', py: 'es',
};

/** Country names marketing systems use beside the ones Intl names (English and each country's own). */
const COUNTRY_ALIASES: Record<string, string> = {
  // Not ISO 3166, but what many systems store for the United Kingdom.
  uk: 'gb',
  usa: 'us', 'u.s.': 'us', 'u.s.a.': 'us', 'united states of america': 'us', america: 'us', 'u.k.': 'gb',
  'great britain': 'gb', britain: 'gb', england: 'gb', scotland: 'gb', wales: 'gb', 'northern ireland': 'gb',
  'czech republic': 'cz', holland: 'nl', 'the netherlands': 'nl', turkey: 'tr', korea: 'kr', 'republic of korea': 'kr',
  'viet nam': 'vn', 'ivory coast': 'ci', uae: 'ae', 'russian federation': 'ru',
};

/** The language a region's people most likely write, from the CLDR data the browser carries (CZ → cs). */
function likelyLanguage(region: string): string | undefined {
  try {
    return primaryLanguage(new Intl.Locale('und', { region: region.toUpperCase() }).maximize().language);
  } catch {
    return undefined;
  }
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let regionsByName: Map<string, string> | undefined;

/** Region codes by country name, in English and in the country's own language(s), built once from Intl. */
function regionOfName(name: string): string | undefined {
  if (!regionsByName) {
    regionsByName = new Map(Object.entries(COUNTRY_ALIASES));
    const namers = new Map<string, Intl.DisplayNames>();
    const namer = (language: string) => {
      let names = namers.get(language);
      if (!names) namers.set(language, (names = new Intl.DisplayNames([language], { type: 'region' })));
      return names;
    };
    for (const first of LETTERS) {
      for (const second of LETTERS) {
        const code = first + second;
        const english = namer('en').of(code);
        // Intl answers a code it does not know with the code itself.
        if (!english || english === code) continue;
        const own = [likelyLanguage(code), BUSINESS_LANGUAGES[code.toLowerCase()]].filter((language): language is string => Boolean(language));
        for (const language of ['en', ...own]) {
          const local = language === 'en' ? english : namer(language).of(code);
          if (local && local !== code && !regionsByName.has(local.toLowerCase())) regionsByName.set(local.toLowerCase(), code.toLowerCase());
        }
      }
    }
  }
  return regionsByName.get(name);
}

/** The language most people in a country do business in, or undefined when the country is unknown. */
export function languageOfCountry(country: string | undefined): string | undefined {
  const key = country?.trim().toLowerCase();
  if (!key) return undefined;
  const region = COUNTRY_ALIASES[key] ?? (/^[a-z]{2}$/.test(key) ? key : regionOfName(key));
  if (!region) return undefined;
  return BUSINESS_LANGUAGES[region] ?? likelyLanguage(region);
}

/** A time zone's country's language, for the leads that carry only a time zone (Europe/Prague → cs). */
function languageOfTimeZone(timeZone: string): string | undefined {
  return languageOfCountry(getCountryForTimezone(timeZone)?.id);
}

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
  const fromZone = profile.contact.timeZone ? languageOfTimeZone(profile.contact.timeZone) : undefined;
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
