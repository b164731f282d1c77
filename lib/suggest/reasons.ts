import type { LeadProfile, PageView } from '@/lib/schema';
import type { CatalogIndex } from './catalog-index';
import type { LeadContext } from './lead-context';
import { matchedWords, type TextMatch } from './match';
import type { ReasonPart } from './reason-words';
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
  field?: ReasonPart;
}

/** The longest stretch of a quote, in words: enough to recognise the sentence, short enough to read at a glance. */
const QUOTE_WORDS = 9;

/**
 * Why this item, in the rep's terms: the lead's own words that matched (quoted), what they compared
 * us with, the language, what it replaces, that they asked for it again. As clauses with message keys
 * (reason-words.ts words them in the rep's language); empty when nothing in particular speaks for it.
 */
export function explain(profile: LeadProfile, index: CatalogIndex, context: LeadContext, position: number, evidence: Evidence): ReasonPart[] {
  const entry = index.items[position]!;
  const parts: ReasonPart[] = [];
  if (evidence.askedAgain) parts.push({ key: 'askedAgain' });
  if (evidence.competitor) {
    const names = (entry.item.competitors ?? []).filter((name) => (evidence.competitor === 'named' ? context.namedCompetitors : context.comparedCompetitors).has(name));
    const name = names[0] ?? [...context.comparedCompetitors, ...context.namedCompetitors][0] ?? '';
    parts.push({ key: evidence.competitor, values: { name } });
  }
  const problemQuote = evidence.problem ? quote(profile.problems.map((problem) => problem.text).join(' '), wordsMatched(index, evidence.problem, position)) : undefined;
  const page = !problemQuote && evidence.pages && !evidence.competitor ? bestPage(index, evidence.pages, position) : undefined;
  if (problemQuote) parts.push({ key: 'wrote', values: { quote: problemQuote } });
  else if (page) parts.push({ key: 'followsUp', values: { page } });
  else if (evidence.sameProduct) parts.push({ key: 'sameProduct', values: { product: evidence.sameProduct } });
  if (entry.language !== index.mainLanguage || context.language !== index.mainLanguage) {
    if (evidence.inTheirLanguage || evidence.twinInTheirLanguage) parts.push({ key: 'inLanguage', values: { language: entry.language } });
    else parts.push({ key: 'inLanguageFallback', values: { language: entry.language, theirLanguage: context.language } });
  }
  const replaced = index.replaces.get(position) ?? [];
  if (replaced.length) parts.push({ key: 'replaces', values: { title: lowerFirst(index.items[replaced[0]!]!.item.title) } });
  if (evidence.customerContent) parts.push({ key: 'forCustomers' });
  if (evidence.field) parts.push(evidence.field);
  if (parts.length === 0 && evidence.industryFit && profile.industry) parts.push({ key: 'industry', values: { industry: profile.industry } });
  if (parts.length === 0 && evidence.personaFit && context.persona) parts.push({ key: 'persona', values: { persona: context.persona } });
  if (parts.length === 0 && evidence.stageFit && context.buyerStage) parts.push({ key: 'stage', values: { stage: context.buyerStage } });
  return parts;
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
