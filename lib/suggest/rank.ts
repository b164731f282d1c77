import MiniSearch, { type SearchResult } from 'minisearch';
import { STAGE_LABELS, type ContentItem, type LeadProfile, type Suggestion } from '@/lib/schema';
import { STOP_WORDS } from './stop-words';


/** How much each signal weighs; the stated problem is the strongest evidence of what they care about. */
const WEIGHTS = { problem: 1, pages: 0.45, industry: 0.35, persona: 0.25, stage: 0.1, personaMismatch: -0.3 };

const RECENT_PAGES = 8;

const indexes = new WeakMap<readonly ContentItem[], MiniSearch<ContentItem>>();

function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
}

function indexFor(catalog: readonly ContentItem[]): MiniSearch<ContentItem> {
  let index = indexes.get(catalog);
  if (!index) {
    index = new MiniSearch<ContentItem>({
      // Titles and topics carry what a piece is about; indexing summaries too doubled the search time
      // (measured in the ranking benchmark) for matches that rarely made a better reason.
      fields: ['title', 'topicText'],
      extractField: (item, field) => (field === 'topicText' ? item.topics.join(' · ') : String(item[field as keyof ContentItem] ?? '')),
      processTerm,
      searchOptions: {
        boost: { topicText: 3, title: 1.5 },
        prefix: (term) => term.length > 4,
      },
    });
    index.addAll(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

/** Typo tolerance only for long words: fuzzy matching short ones is slow and matches noise. */
const TYPO_TOLERANT = (term: string) => (term.length >= 6 ? 0.15 : false);

/**
 * Scores of a free-text query against the catalog, scaled so the best item scores 1. `typos`: the
 * text was typed by a person (a form's problem statement); page titles are marketing's own words,
 * and fuzzy matching is half the search time.
 */
function relativeScores(index: MiniSearch<ContentItem>, text: string, typos: boolean): Map<string, SearchResult> {
  // Each distinct word once: page titles repeat ("Pricing" three times) and every term costs a lookup.
  const words = [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word && !STOP_WORDS.has(word)))];
  const results = words.length ? index.search(words.join(' '), { combineWith: 'OR', fuzzy: typos ? TYPO_TOLERANT : false }) : [];
  const best = results[0]?.score ?? 1;
  return new Map(results.map((result) => [String(result.id), { ...result, score: result.score / best }]));
}

/** Page identity without tracking noise, so a page read with UTMs still counts as read. */
function pageKey(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return url;
  }
}

function includesIgnoringCase(list: readonly string[], value: string | undefined): boolean {
  return value !== undefined && list.some((entry) => entry.toLowerCase() === value.toLowerCase());
}

/** The item topic sharing the most matched terms with the query: the words to quote in the reason. */
function bestMatchingTopic(item: ContentItem, result: SearchResult): string | undefined {
  const matched = new Set(result.terms);
  let best: { topic: string; hits: number } | undefined;
  for (const topic of item.topics) {
    const hits = topic
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => matched.has(word)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { topic, hits };
  }
  return best?.topic ?? result.terms[0];
}

/**
 * The content that best fits this lead, with the reason for each: what they said they need first,
 * then what they read, then industry, persona and stage. Items they already read are skipped.
 */
export function suggestContent(profile: LeadProfile, catalog: readonly ContentItem[], limit = 3): Suggestion[] {
  if (catalog.length === 0) return [];
  const index = indexFor(catalog);
  const problemHits = relativeScores(index, profile.problems.map((problem) => problem.text).join(' '), true);
  // What they read lately says more than what they read months ago, and each title costs a lookup.
  const recentPages = [...profile.pageViews].sort((a, b) => b.viewedAt.localeCompare(a.viewedAt)).slice(0, RECENT_PAGES);
  const pageHits = relativeScores(index, recentPages.map((view) => view.title).join(' '), false);
  // A download is not a page view, but the lead has that item already all the same.
  const alreadyRead = new Set([...profile.pageViews, ...(profile.activities ?? [])].flatMap((seen) => (seen.url ? [pageKey(seen.url)] : [])));

  const keys = pageKeysFor(catalog);

  // Scored first and explained after: only the few suggestions shown need a reason.
  const scored: Array<{ item: ContentItem; score: number; evidence: Evidence }> = [];
  catalog.forEach((item, position) => {
    if (alreadyRead.has(keys[position]!)) return;
    const industryFit = item.industries.length === 0 ? 0 : includesIgnoringCase(item.industries, profile.industry) ? 1 : -1;
    // Another industry's story reads as "not for us" to a prospect, however well the topic fits.
    if (industryFit < 0) return;
    const problem = problemHits.get(item.id);
    const pages = pageHits.get(item.id);
    const personaFit = item.personas.length === 0 ? 0 : includesIgnoringCase(item.personas, profile.persona) ? 1 : -1;
    const stageFit = profile.stage && item.stages.includes(profile.stage) ? 1 : 0;
    const score =
      WEIGHTS.problem * (problem?.score ?? 0) +
      WEIGHTS.pages * (pages?.score ?? 0) +
      (industryFit > 0 ? WEIGHTS.industry : 0) +
      (personaFit > 0 ? WEIGHTS.persona : personaFit < 0 ? WEIGHTS.personaMismatch : 0) +
      WEIGHTS.stage * stageFit;
    if (score > 0) scored.push({ item, score, evidence: { problem, pages, industryFit, personaFit, stageFit } });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.item.title.localeCompare(b.item.title))
    .slice(0, limit)
    .map(({ item, score, evidence }) => ({ item, score, reason: explain(profile, item, evidence) }));
}

const pageKeys = new WeakMap<readonly ContentItem[], string[]>();

/** Each catalog item's page key, worked out once per catalog rather than on every suggestion. */
function pageKeysFor(catalog: readonly ContentItem[]): string[] {
  let keys = pageKeys.get(catalog);
  if (!keys) {
    keys = catalog.map((item) => pageKey(item.url));
    pageKeys.set(catalog, keys);
  }
  return keys;
}

interface Evidence {
  problem?: SearchResult;
  pages?: SearchResult;
  industryFit: number;
  personaFit: number;
  stageFit: number;
}

function explain(profile: LeadProfile, item: ContentItem, evidence: Evidence): string {
  const parts: string[] = [];
  if (evidence.problem) {
    parts.push(`Matches “${bestMatchingTopic(item, evidence.problem)}” in the stated problem`);
  } else if (evidence.pages) {
    parts.push(`Follows up on what they read about “${bestMatchingTopic(item, evidence.pages)}”`);
  }
  if (evidence.industryFit > 0) parts.push(`made for ${profile.industry}`);
  if (evidence.personaFit > 0) parts.push(`written for a ${profile.persona}`);
  if (parts.length === 0 && evidence.stageFit > 0 && profile.stage) {
    parts.push(`Fits a lead at ${STAGE_LABELS[profile.stage]} stage`);
  }
  const sentence = parts.join(', ');
  return sentence ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : 'Fits this lead’s profile';
}
