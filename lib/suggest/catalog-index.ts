import type { ContentItem } from '@/lib/schema';
import { detectLanguage, primaryLanguage } from './language';
import { pageKey } from './page-key';
import { personaOfTitle } from './persona';
import { compoundParts, stem, words } from './text';

/**
 * A BM25F index of a catalog (title, topics and summary, each weighted), stemmed in each item's own
 * language, with German compounds split into the parts the catalog knows. Built once per catalog
 * array and kept in a WeakMap: a new catalog read is a new index, the brief's path only looks up.
 *
 * Hand-written rather than MiniSearch: MiniSearch stems every document with one term processor that
 * cannot see the document, and this catalog mixes six languages whose stems must not be mixed.
 */

/** BM25's usual parameters; the field weights say topics name the problem, titles the piece, summaries add the prospect's words. */
const K1 = 1.2;
const B = 0.75;
const FIELDS = [
  { name: 'title', weight: 2 },
  { name: 'topics', weight: 2.5 },
  { name: 'summary', weight: 1 },
] as const;

export interface IndexedItem {
  item: ContentItem;
  /** Primary language subtag (the catalog's main language when the item states none). */
  language: string;
  /** Items carrying the same message in other languages (itself excluded). */
  twins: number[];
  /** Every term of the item, for reasons and for "did they ask for it again". */
  terms: ReadonlySet<string>;
  titleTerms: readonly string[];
  /** The item's page, as page views are compared with it. */
  pageKey: string;
  /** About (nearly) every product the catalog has. */
  broad: boolean;
  /** An overview, or a deck or video about (nearly) every product. */
  generic: boolean;
  /** The item's personas through the job-title table, so "CISO" and "VP Security" meet. */
  personas: ReadonlySet<string>;
}

export interface CatalogIndex {
  items: IndexedItem[];
  /** term → (item position → BM25F weight of the term in the item, IDF included). */
  postings: Map<string, Map<number, number>>;
  /** Stems known anywhere in the catalog: what a compound may be split into. */
  vocabulary: ReadonlySet<string>;
  /** The language most items are in: the fallback when nothing fits in the lead's. */
  mainLanguage: string;
  /** Competitor names as marketing spells them. */
  competitors: ReadonlyArray<string>;
  /** German word → the compound parts the vocabulary knows (often none), worked out once per word. */
  compounds: Map<string, string[]>;
  /** Lazily filled: term → terms that co-occur with it in enough items to stand in for it. */
  related: Map<string, Array<{ term: string; weight: number }>>;
  /** item position → the positions of the items it inherits from: explicit replacedBy plus same-title older editions. */
  replaces: Map<number, number[]>;
}

const indexes = new WeakMap<readonly ContentItem[], CatalogIndex>();

export function catalogIndex(catalog: readonly ContentItem[]): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

function itemLanguage(item: ContentItem, fallback: string): string {
  return primaryLanguage(item.language) ?? fallback;
}

function buildIndex(catalog: readonly ContentItem[]): CatalogIndex {
  const mainLanguage = mostCommon(catalog.map((item) => primaryLanguage(item.language) ?? detectLanguage(`${item.title} ${item.summary}`) ?? 'en')) ?? 'en';
  const languages = catalog.map((item) => itemLanguage(item, mainLanguage));
  const fieldText = (item: ContentItem, field: (typeof FIELDS)[number]['name']) =>
    field === 'title' ? item.title : field === 'topics' ? item.topics.join(' · ') : item.summary;

  // First pass: the plain stems, so compounds can be split into parts the catalog knows.
  const fieldWords = catalog.map((item, position) =>
    FIELDS.map((field) => words(fieldText(item, field.name), [languages[position]!]).map((word) => ({ word, stem: stem(word, languages[position]!) }))),
  );
  const vocabulary = new Set(fieldWords.flat(2).map((entry) => entry.stem));
  const compounds = new Map<string, string[]>();

  const fieldTerms: string[][][] = fieldWords.map((fields, position) =>
    fields.map((entries) =>
      entries.flatMap(({ word, stem: stemmed }) => (languages[position] === 'de' ? [stemmed, ...splitCompound(compounds, vocabulary, word)] : [stemmed])),
    ),
  );
  const averageLength = FIELDS.map((_, field) => Math.max(1, fieldTerms.reduce((sum, fields) => sum + fields[field]!.length, 0) / Math.max(1, catalog.length)));

  const frequencies = fieldTerms.map((fields) => {
    const perTerm = new Map<string, number>();
    fields.forEach((terms, field) => {
      const norm = 1 - B + (B * terms.length) / averageLength[field]!;
      for (const term of terms) perTerm.set(term, (perTerm.get(term) ?? 0) + FIELDS[field]!.weight / norm);
    });
    return perTerm;
  });
  const documentFrequency = new Map<string, number>();
  for (const perTerm of frequencies) for (const term of perTerm.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);

  const total = catalog.length;
  const postings = new Map<string, Map<number, number>>();
  frequencies.forEach((perTerm, position) => {
    for (const [term, tf] of perTerm) {
      const df = documentFrequency.get(term)!;
      const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
      let posting = postings.get(term);
      if (!posting) postings.set(term, (posting = new Map()));
      posting.set(position, (idf * tf * (K1 + 1)) / (tf + K1));
    }
  });

  const twins = twinGroups(catalog);
  const productCount = new Set(catalog.flatMap((item) => item.products ?? []).map((product) => product.toLowerCase())).size;
  const items: IndexedItem[] = catalog.map((item, position) => {
    const products = item.products ?? [];
    const broad = productCount >= 2 && products.length >= Math.max(2, Math.ceil(productCount * 0.75));
    return {
      item,
      language: languages[position]!,
      twins: twins[position]!,
      terms: new Set(frequencies[position]!.keys()),
      titleTerms: fieldTerms[position]![0]!,
      pageKey: pageKey(item.url),
      broad,
      generic: OVERVIEW_WORDS.test(item.title) || (broad && GENERIC_TYPES.has(item.type)),
      personas: new Set(item.personas.map(canonicalPersona)),
    };
  });
  return {
    items,
    postings,
    vocabulary,
    mainLanguage,
    competitors: [...new Set(catalog.flatMap((item) => item.competitors ?? []))],
    related: new Map(),
    compounds,
    replaces: replacements(catalog, languages),
  };
}

const OVERVIEW_WORDS = /(?<![\p{L}\p{N}])(overview|introduction|company|platform tour|übersicht|überblick|unternehmen|présentation|presentación|panoramica|apresentação|visão geral)(?![\p{L}\p{N}])/iu;
const GENERIC_TYPES: ReadonlySet<string> = new Set(['deck', 'video', 'one_pager']);

/** A persona or job title as the table names it, else as written (lower case). */
export function canonicalPersona(persona: string): string {
  return personaOfTitle(persona) ?? persona.toLowerCase();
}

/** The compound parts of a German word, from the index's cache. */
export function splitCompound(cache: Map<string, string[]>, vocabulary: ReadonlySet<string>, word: string): string[] {
  let parts = cache.get(word);
  if (!parts) {
    parts = compoundParts(word, vocabulary);
    cache.set(word, parts);
  }
  return parts;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** An item's URL without a language segment (/de/, /pt-br/) or a lang/locale parameter: the same page in another language. */
function languageNeutralUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname
      .split('/')
      .filter((segment) => !/^[a-z]{2}([-_][a-z]{2})?$/i.test(segment))
      .join('/');
    return `${parsed.hostname.replace(/^(www|[a-z]{2})\./, '')}${path}`.toLowerCase();
  } catch {
    return url;
  }
}

/**
 * Translated twins: items linked by translationOf (directly or through a shared original), or at the
 * same URL but for a language segment. Each item lists the others of its group.
 */
function twinGroups(catalog: readonly ContentItem[]): number[][] {
  const parent = catalog.map((_, position) => position);
  const find = (position: number): number => (parent[position] === position ? position : (parent[position] = find(parent[position]!)));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const byId = new Map(catalog.map((item, position) => [item.id, position]));
  const byUrl = new Map<string, number>();
  catalog.forEach((item, position) => {
    const original = item.translationOf ? byId.get(item.translationOf) : undefined;
    if (original !== undefined) union(position, original);
    const neutral = languageNeutralUrl(item.url);
    const same = byUrl.get(neutral);
    if (same !== undefined && same !== position) union(position, same);
    else byUrl.set(neutral, position);
  });
  const groups = new Map<number, number[]>();
  catalog.forEach((_, position) => {
    const root = find(position);
    groups.set(root, [...(groups.get(root) ?? []), position]);
  });
  return catalog.map((_, position) => groups.get(find(position))!.filter((other) => other !== position));
}

/** A title without its years and editions: "Price sheet 2025" and "Price sheet 2026" are one series. */
function seriesKey(item: ContentItem, language: string): string | undefined {
  if (!/\b(19|20)\d{2}\b/.test(item.title)) return undefined;
  const rest = item.title
    .toLowerCase()
    .replace(/\b(19|20)\d{2}\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `${language}|${item.type}|${rest}`;
}

/**
 * What each item replaces: the items whose replacedBy names it, and the older editions of a dated
 * series (same language, type and title but for the year), which count as replaced even unmarked.
 */
function replacements(catalog: readonly ContentItem[], languages: string[]): Map<number, number[]> {
  const byId = new Map(catalog.map((item, position) => [item.id, position]));
  const replaces = new Map<number, number[]>();
  const add = (newer: number, older: number) => replaces.set(newer, [...(replaces.get(newer) ?? []), older]);
  catalog.forEach((item, position) => {
    const newer = item.replacedBy ? byId.get(item.replacedBy) : undefined;
    if (newer !== undefined) add(newer, position);
  });
  const series = new Map<string, number[]>();
  catalog.forEach((item, position) => {
    const key = seriesKey(item, languages[position]!);
    if (key) series.set(key, [...(series.get(key) ?? []), position]);
  });
  const year = (position: number) => Math.max(...(catalog[position]!.title.match(/\b(19|20)\d{2}\b/g) ?? ['0']).map(Number));
  for (const members of series.values()) {
    if (members.length < 2) continue;
    const newest = members.reduce((best, position) => (year(position) > year(best) ? position : best));
    for (const position of members) {
      if (position !== newest && year(position) < year(newest) && !(replaces.get(newest) ?? []).includes(position)) add(newest, position);
    }
  }
  return replaces;
}

/** The positions of items replaced by another item of the catalog (explicitly or as an older edition). */
export function replacedPositions(index: CatalogIndex): Set<number> {
  return new Set([...index.replaces.values()].flat());
}

/**
 * Terms that stand in for `term` in this catalog: those found in at least two of the items that hold
 * it and in at least 40% of them. "no-shows" brings "reminders" where marketing wrote both together.
 */
export function relatedTerms(index: CatalogIndex, term: string): Array<{ term: string; weight: number }> {
  let related = index.related.get(term);
  if (!related) {
    const holders = index.postings.get(term);
    related = [];
    if (holders && holders.size >= 2 && holders.size <= Math.max(4, index.items.length / 5)) {
      const counts = new Map<string, number>();
      for (const position of holders.keys()) {
        for (const other of index.items[position]!.terms) if (other !== term) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
      for (const [other, count] of counts) {
        const share = count / holders.size;
        if (count >= 2 && share >= 0.4) related.push({ term: other, weight: share });
      }
      related.sort((a, b) => b.weight - a.weight);
      related = related.slice(0, 8);
    }
    index.related.set(term, related);
  }
  return related;
}
