import type { LeadProfile, PageView } from '@/lib/schema';
import type { CatalogIndex } from './catalog-index';
import { languageName } from './language';
import type { LeadContext } from './lead-context';
import { matchedWords, type TextMatch } from './match';
import { words } from './text';

export interface Evidence {
  problem?: TextMatch;
  pages?: { match: TextMatch; views: readonly PageView[] };
  competitor?: 'named' | 'compared';
  inTheirLanguage: boolean;
  /** Their language has a twin of this item (so "nothing in German fits" would be untrue). */
  twinInTheirLanguage: boolean;
  /** The product their matched need is about, when this item is chosen for being about it too. */
  sameProduct?: string;
  customerContent: boolean;
  askedAgain: boolean;
  industryFit: boolean;
  personaFit: boolean;
  stageFit: boolean;
  /** What the team's ratings for similar leads said, when they moved the item. */
  field?: string;
}

/** The longest stretch of a quote, in words: enough to recognise the sentence, short enough to read at a glance. */
const QUOTE_WORDS = 9;

/**
 * Why this item, in the rep's terms: the lead's own words that matched (quoted), what they compared
 * us with, the language, what it replaces, that they asked for it again.
 */
export function explain(profile: LeadProfile, index: CatalogIndex, context: LeadContext, position: number, evidence: Evidence): string {
  const entry = index.items[position]!;
  const parts: string[] = [];
  if (evidence.askedAgain) parts.push('they asked for it again');
  if (evidence.competitor) {
    const names = (entry.item.competitors ?? []).filter((name) => (evidence.competitor === 'named' ? context.namedCompetitors : context.comparedCompetitors).has(name));
    const name = names[0] ?? [...context.comparedCompetitors, ...context.namedCompetitors][0];
    parts.push(evidence.competitor === 'named' ? `they named ${name}` : `they compared us with ${name}`);
  }
  const problemQuote = evidence.problem ? quote(profile.problems.map((problem) => problem.text).join(' '), wordsMatched(index, evidence.problem, position)) : undefined;
  const page = !problemQuote && evidence.pages && !evidence.competitor ? bestPage(index, evidence.pages, position) : undefined;
  if (problemQuote) parts.push(`they wrote “${problemQuote}”`);
  else if (page) parts.push(`follows up on “${page}”, which they read`);
  else if (evidence.sameProduct) parts.push(`more on ${evidence.sameProduct}, which their need is about`);
  if (entry.language !== index.mainLanguage || context.language !== index.mainLanguage) {
    if (evidence.inTheirLanguage) parts.push(`in ${languageName(entry.language)}`);
    else if (evidence.twinInTheirLanguage) parts.push(`in ${languageName(entry.language)}`);
    else parts.push(`in ${languageName(entry.language)} (nothing in ${languageName(context.language)} fits)`);
  }
  const replaced = index.replaces.get(position) ?? [];
  if (replaced.length) parts.push(`replaces the old ${lowerFirst(index.items[replaced[0]!]!.item.title)}`);
  if (evidence.customerContent) parts.push('written for customers');
  if (evidence.field) parts.push(evidence.field);
  if (parts.length === 0 && evidence.industryFit && profile.industry) parts.push(`made for ${profile.industry}`);
  if (parts.length === 0 && evidence.personaFit && context.persona) parts.push(`written for ${context.persona}`);
  if (parts.length === 0 && evidence.stageFit && context.buyerStage) parts.push(`fits a buyer at the ${context.buyerStage} stage`);
  const sentence = parts.join(', ');
  return sentence ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : 'Fits this lead’s profile';
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** The lead's words found in the item, or in the twin it was matched through. */
function wordsMatched(index: CatalogIndex, match: TextMatch, position: number): Set<string> {
  const through = match.via[position]! >= 0 ? match.via[position]! : position;
  return new Set(matchedWords(index, match.words, through));
}

/**
 * The stretch of the lead's text holding the most matched words within QUOTE_WORDS words, as they
 * wrote it ("half a day building every quote").
 */
export function quote(text: string, matched: ReadonlySet<string>): string | undefined {
  if (matched.size === 0) return undefined;
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)].map((token) => ({
    start: token.index!,
    end: token.index! + token[0].length,
    hit: words(token[0]).some((word) => matched.has(word)),
  }));
  let best: { from: number; to: number; hits: number } | undefined;
  tokens.forEach((token, from) => {
    if (!token.hit) return;
    let hits = 0;
    let to = from;
    for (let next = from; next < tokens.length && next - from < QUOTE_WORDS; next++) {
      if (tokens[next]!.hit) {
        hits++;
        to = next;
      }
    }
    if (!best || hits > best.hits) best = { from, to, hits };
  });
  if (!best) return undefined;
  // A lone word reads better with its neighbours: "missing their appointments", not "appointments".
  const from = best.to - best.from < 2 ? Math.max(0, best.from - 1) : best.from;
  const to = best.to - best.from < 2 ? Math.min(tokens.length - 1, best.to + 1) : best.to;
  return text.slice(tokens[from]!.start, tokens[to]!.end).replace(/\s+/g, ' ');
}

/** The page title whose words this item matched best. */
function bestPage(index: CatalogIndex, pages: { match: TextMatch; views: readonly PageView[] }, position: number): string | undefined {
  const matched = wordsMatched(index, pages.match, position);
  let best: { title: string; hits: number } | undefined;
  for (const view of pages.views) {
    const hits = words(view.title).filter((word) => matched.has(word)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { title: view.title, hits };
  }
  return best?.title;
}
