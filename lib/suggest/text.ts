import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { OWN_LANGUAGE_STOP_WORDS, STOP_WORDS } from './stop-words';

/** Snowball algorithms for the languages the ranker stems; others are matched on whole words. */
const ALGORITHMS: Record<string, string> = {
  en: 'english', de: 'german', fr: 'french', es: 'spanish', pt: 'portuguese', it: 'italian',
  nl: 'dutch', sv: 'swedish', da: 'danish', no: 'norwegian', fi: 'finnish',
};
const stemmers = new Map<string, Stemmer | null>();
const stemCache = new Map<string, string>();

function stemmerFor(language: string): Stemmer | null {
  let stemmer = stemmers.get(language);
  if (stemmer === undefined) {
    const algorithm = ALGORITHMS[language];
    stemmer = algorithm ? newStemmer(algorithm) : null;
    stemmers.set(language, stemmer);
  }
  return stemmer;
}

/** A word's stem in a language, cached: the same few thousand words come back on every ranking. */
export function stem(word: string, language: string): string {
  const key = `${language}\u0000${word}`;
  let stemmed = stemCache.get(key);
  if (stemmed === undefined) {
    const stemmer = stemmerFor(language);
    // Stems fold accents after stemming so "Verspätung" and "Verspatung" meet; the stemmer needs them first.
    stemmed = fold(stemmer ? stemmer.stem(word) : word);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(key, stemmed);
  }
  return stemmed;
}

/** A stem without the cache: compound splitting tries many slices of a word, and caching each would flush the words that recur. */
function stemOnce(word: string, language: string): string {
  const stemmer = stemmerFor(language);
  return fold(stemmer ? stemmer.stem(word) : word);
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * The words of a text that can carry a topic: lower case, split on anything but letters and digits
 * (so "l'attente" gives "attente", "no-shows" gives "no" and "shows"), function words and single
 * letters dropped. `languages`: the languages the text may be in, whose own function words go too.
 */
export function words(text: string, languages: readonly string[] = []): string[] {
  const own = languages.flatMap((language) => OWN_LANGUAGE_STOP_WORDS.get(language) ?? []);
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word) && !own.some((list) => list.has(word)));
}

/** German's joins between the parts of a compound ("Angebot-s-erstellung", "Patient-en-termin"). */
const LINKS = ['', 's', 'es', 'n', 'en', 'er'];

/**
 * The parts of a German compound whose stems the catalog knows: "angebotserstellung" → stems of
 * "angebot" and "erstellung" when both occur on their own somewhere. Only known parts, so a word is
 * never split into nonsense, and only the longest known head (German puts the head last).
 */
export function compoundParts(word: string, known: ReadonlySet<string>): string[] {
  if (word.length < 9) return [];
  for (let cut = 4; cut <= word.length - 4; cut++) {
    const head = stemOnce(word.slice(cut), 'de');
    if (!known.has(head)) continue;
    const modifier = word.slice(0, cut);
    for (const link of LINKS) {
      if (link && !modifier.endsWith(link)) continue;
      const base = link ? modifier.slice(0, -link.length) : modifier;
      if (base.length < 3) continue;
      const modifierStem = stemOnce(base, 'de');
      if (known.has(modifierStem)) return [modifierStem, head];
    }
    // A known head alone still says what the compound is about ("Verspätungsmeldungen" is about "Meldungen").
    return [head];
  }
  return [];
}
