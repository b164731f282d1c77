import { catalogIndex, relatedTerms, splitCompound, type CatalogIndex } from './catalog-index';
import { stem, words } from './text';

/**
 * How well a lead's text (a stated problem, page titles) matches each catalog item: BM25F over the
 * stems of the text in each language it may be in, German compounds split, expanded with the terms
 * the catalog itself writes alongside the matched ones, and carried across translated twins.
 */

/** A word of the lead's text and the index terms that stand for it. */
export interface QueryWord {
  word: string;
  variants: string[];
}

export interface TextMatch {
  /** Per catalog position, 0–1: 1 is a strong match (the best item, or better than one rare word). */
  scores: Float64Array;
  words: QueryWord[];
  /** Per position, the twin whose words matched when the item itself did not (language bridging). */
  via: Int32Array;
}

/** Expansion terms count this much of an original word: enough to lift a paraphrase, never to outrank the words used. */
const EXPANSION_WEIGHT = 0.3;
const MAX_EXPANSIONS = 10;
/** A twin's match counts nearly in full: it says the same thing, in other words. */
const TWIN_SHARE = 0.9;
/**
 * Scores are divided by the best item's score, but never by less than this, in BM25 units: about one
 * rare topic word. Otherwise a text matching only "Fernlane" would make that weak match a perfect 1.
 */
const SCORE_FLOOR = 4.5;

export function queryWords(index: CatalogIndex, text: string, languages: readonly string[]): QueryWord[] {
  const seen = new Map<string, QueryWord>();
  for (const word of words(text, languages)) {
    if (seen.has(word)) continue;
    const variants = new Set(languages.map((language) => stem(word, language)));
    if (languages.includes('de')) for (const part of splitCompound(index.compounds, index.vocabulary, word)) variants.add(part);
    seen.set(word, { word, variants: [...variants] });
  }
  return [...seen.values()];
}

export function matchText(catalog: Parameters<typeof catalogIndex>[0], text: string, languages: readonly string[]): TextMatch {
  const index = catalogIndex(catalog);
  const size = index.items.length;
  const raw = new Float64Array(size);
  const found = queryWords(index, text, languages);
  const used = new Set<string>();
  const perWord = new Map<number, number>();
  for (const { variants } of found) {
    perWord.clear();
    // A word counts once per item, by its best variant: "quotes" stemmed as English and as German is still one word.
    for (const variant of variants) {
      used.add(variant);
      const posting = index.postings.get(variant);
      if (!posting) continue;
      for (const [position, weight] of posting) if (weight > (perWord.get(position) ?? 0)) perWord.set(position, weight);
    }
    for (const [position, weight] of perWord) raw[position]! += weight;
  }
  for (const { term, weight } of expansions(index, found, used)) {
    for (const [position, termWeight] of index.postings.get(term)!) raw[position]! += EXPANSION_WEIGHT * weight * termWeight;
  }

  const scores = new Float64Array(size);
  const via = new Int32Array(size).fill(-1);
  index.items.forEach((entry, position) => {
    let best = raw[position]!;
    for (const twin of entry.twins) {
      if (TWIN_SHARE * raw[twin]! > best) {
        best = TWIN_SHARE * raw[twin]!;
        via[position] = twin;
      }
    }
    scores[position] = best;
  });
  const top = Math.max(SCORE_FLOOR, ...scores);
  for (let position = 0; position < size; position++) scores[position] = scores[position]! / top;
  return { scores, words: found, via };
}

/** The catalog's own neighbours of the matched words, strongest first, none the text already used. */
function expansions(index: CatalogIndex, found: readonly QueryWord[], used: ReadonlySet<string>): Array<{ term: string; weight: number }> {
  const weights = new Map<string, number>();
  for (const { variants } of found) {
    for (const variant of variants) {
      for (const { term, weight } of relatedTerms(index, variant)) {
        if (!used.has(term) && weight > (weights.get(term) ?? 0)) weights.set(term, weight);
      }
    }
  }
  return [...weights]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_EXPANSIONS)
    .map(([term, weight]) => ({ term, weight }));
}

/** The words of the lead's text that an item (or the twin it was matched through) contains. */
export function matchedWords(index: CatalogIndex, found: readonly QueryWord[], position: number): string[] {
  const terms = index.items[position]!.terms;
  return found.filter(({ variants }) => variants.some((variant) => terms.has(variant))).map(({ word }) => word);
}
