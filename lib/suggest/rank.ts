import type { ContentItem, LeadProfile, Suggestion } from '@/lib/schema';
import { canonicalPersona, catalogIndex, replacedPositions, type CatalogIndex, type IndexedItem } from './catalog-index';
import { cosine, type SemanticMatch } from './embedder';
import { leadContext, type LeadContext } from './lead-context';
import { matchText, type TextMatch } from './match';
import { explainField, fieldAdjustments, type FieldSignal } from './field';
import { explain, type Evidence } from './reasons';
import { englishReason } from './reason-words';
import { stem, words } from './text';

/**
 * How much each signal weighs. The stated problem is the strongest evidence of what they care about;
 * pages read say less; the rest only orders items that fit about equally.
 */
const WEIGHTS = {
  problem: 1,
  pages: 0.45,
  competitorNamed: 1,
  competitorCompared: 0.7,
  customerContent: 0.2,
  overviewWithoutNeed: 0.35,
  industry: 0.15,
  persona: 0.15,
  stage: 0.12,
  stageMismatch: -0.08,
  old: -0.1,
  semantic: 0.5,
  sameProduct: 0.3,
  /** A product's datasheet answers any need of its product, if less directly than the piece on that need: RULES.md's usual second send. */
  sameProductDatasheet: 0.7,
} as const;

/** Multipliers: an item in the fallback language, an item they can have in their own, a generic item when the need is known, another product's stray match (OTHER_NEED_SHARE). */
const FACTORS = { fallbackLanguage: 0.55, twinInTheirLanguage: 0.35, generic: 0.35, prospectContentForCustomer: 0.5, unmatched: 0.2, otherNeed: 0.3 } as const;

/** What they read lately says more than what they read months ago. */
const RECENT_PAGES = 8;
/** A title this much covered by a problem written after opening it is asked for again ("resend the 2026 price sheet"). */
const ASKED_AGAIN_COVERAGE = 0.6;
const DAY = 86_400_000;
/** Below this (on the 0–1 match scale) an item shares only a stray word with what the lead said or read. */
const MIN_RELEVANCE = 0.1;
/**
 * An item about none of the products their need is about, matching less than this share of the best
 * match, shares words with what they wrote rather than their need: a compressed-air guide that says
 * "fan" for a lead whose fan bearings fail. The products of the need are those of every item matching
 * at least this share of the best.
 */
const OTHER_NEED_SHARE = 0.75;

export interface RankOptions {
  /** The day freshness is judged on; defaults to today. */
  now?: Date;
  /** A model's vectors when one is plugged in (see embedder.ts); words alone otherwise. */
  semantic?: SemanticMatch;
  /** The team's ratings and opens per item and segment of leads, for a bounded nudge toward what worked for similar leads (field.ts). */
  field?: readonly FieldSignal[];
}

/**
 * The content that best fits this lead, with the reason for each, in the rep's terms. What they said
 * they need comes first, then what they read; then a colleague's rules: never stale or replaced,
 * their language first and never a third one, not what they already opened unless they asked again,
 * battlecards only against an evident competitor, customer content for customers, the buyer's stage,
 * and specific items above generic overviews when a need is known.
 */
export function suggestContent(profile: LeadProfile, catalog: readonly ContentItem[], limit = 3, options: RankOptions = {}): Suggestion[] {
  if (catalog.length === 0) return [];
  const index = catalogIndex(catalog);
  const context = leadContext(profile, index);
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const problem = profile.problems.length
    ? matchText(catalog, profile.problems.map((entry) => entry.text).join(' '), context.textLanguages)
    : undefined;
  const recentPages = [...profile.pageViews].sort((a, b) => b.viewedAt.localeCompare(a.viewedAt)).slice(0, RECENT_PAGES);
  const pages = recentPages.length
    ? matchText(catalog, recentPages.map((view) => view.title).join(' '), [...new Set([...context.textLanguages, index.mainLanguage])])
    : undefined;
  const replaced = replacedPositions(index);
  const current = index.items.map((entry, position) => isCurrent(entry, position, today, replaced));
  const eligible = index.items.map((entry, position) => current[position]! && isEligible(entry, index, context, profile));
  const needKnown = Boolean(problem) || hasSpecificMatch(index, pages, eligible);
  const semanticScores = index.items.map(({ item }) => {
    const vector = options.semantic?.items.get(item.id);
    return vector ? Math.max(0, cosine(options.semantic!.lead, vector)) : 0;
  });
  // How directly each item answers what they wrote and read: the evidence every other signal adds to.
  const direct = index.items.map(
    (_, position) => WEIGHTS.problem * (problem?.scores[position] ?? 0) + WEIGHTS.pages * (pages?.scores[position] ?? 0) + WEIGHTS.semantic * semanticScores[position]!,
  );
  // Items about some products, not (nearly) all: a price sheet or a deck about every product says nothing about which one they need.
  const aboutOne = index.items.map((entry, position) => eligible[position]! && (entry.item.products ?? []).length > 0 && !entry.broad && !entry.generic);
  const productNeed = productAffinity(index, aboutOne, direct);
  const needsProducts = productsOfTheNeed(index, aboutOne, direct);
  const leadPersona = context.persona ? canonicalPersona(context.persona) : undefined;
  const field = options.field?.length ? fieldAdjustments({ industry: profile.industry, persona: leadPersona }, options.field) : undefined;

  const scored: Array<{ position: number; score: number; evidence: Evidence }> = [];
  index.items.forEach((entry, position) => {
    if (!eligible[position]) return;
    const { item } = entry;
    const problemScore = problem?.scores[position] ?? 0;
    const pagesScore = pages?.scores[position] ?? 0;
    const competitor = competitorEvidence(item, context);
    const generic = entry.generic;
    const audience = audienceOf(item);
    const customerContent = context.customer && audience === 'customer';
    const stages = item.buyerStages ?? [];
    const stageFit = !context.buyerStage || stages.length === 0 ? 0 : stages.includes(context.buyerStage) ? 1 : -1;
    const legacyStageFit = profile.stage !== undefined && item.stages.includes(profile.stage);
    const personaFit = !leadPersona || entry.personas.size === 0 ? 0 : entry.personas.has(leadPersona) ? 1 : -1;
    const industryFit = item.industries.length > 0 && includesIgnoringCase(item.industries, profile.industry);
    const ageDays = item.updatedAt ? (Date.parse(today) - Date.parse(item.updatedAt)) / DAY : 0;

    const productMatch = generic || entry.broad ? undefined : strongestProduct(item, position, productNeed);
    const sameProduct = productMatch?.score ?? 0;
    const directMatch = direct[position]!;
    // The product's pull fills in for words that did not match (another language, other wording); it adds little to a strong direct match.
    const pull = item.type === 'datasheet' ? WEIGHTS.sameProductDatasheet : WEIGHTS.sameProduct;
    const relevance = directMatch + pull * sameProduct * (1 - Math.min(1, directMatch));

    let score =
      relevance +
      (competitor === 'named' ? WEIGHTS.competitorNamed : competitor === 'compared' ? WEIGHTS.competitorCompared : 0) +
      (customerContent ? WEIGHTS.customerContent : 0) +
      (generic && !needKnown ? WEIGHTS.overviewWithoutNeed : 0) +
      (industryFit ? WEIGHTS.industry : 0) +
      WEIGHTS.persona * personaFit +
      (stageFit > 0 || legacyStageFit ? WEIGHTS.stage : stageFit < 0 ? WEIGHTS.stageMismatch : 0) +
      (ageDays > 730 ? WEIGHTS.old : 0);
    // The field reorders what fits the lead; it never brings in an item nothing else about them supports.
    if (score <= 0) return;
    score += field?.get(item.id)?.delta ?? 0;

    const inTheirLanguage = entry.language === context.language;
    // A twin they already opened still exists in their language: its English version is no better a send.
    const twinInTheirLanguage = !inTheirLanguage && entry.twins.some((twin) => current[twin] && index.items[twin]!.language === context.language);
    if (!inTheirLanguage) score *= FACTORS.fallbackLanguage * (twinInTheirLanguage ? FACTORS.twinInTheirLanguage : 1);
    if (generic && needKnown) score *= FACTORS.generic;
    // When a need is known, an item matching none of it only fills a slot nothing matched: below every match.
    if (needKnown && relevance < MIN_RELEVANCE && !competitor) score *= FACTORS.unmatched;
    if (context.customer && audience === 'prospect' && context.ownedProducts.size === 0) score *= FACTORS.prospectContentForCustomer;
    if (needsProducts && !generic && !entry.broad && !competitor && directMatch < OTHER_NEED_SHARE * needsProducts.best && !aboutAny(item, needsProducts.products)) {
      score *= FACTORS.otherNeed;
    }
    if (score <= 0) return;
    scored.push({
      position,
      score,
      evidence: {
        problem: problemScore > 0 ? problem : undefined,
        pages: pagesScore > 0 ? { match: pages!, views: recentPages } : undefined,
        competitor,
        inTheirLanguage,
        twinInTheirLanguage,
        sameProduct: productMatch?.product,
        customerContent,
        askedAgain: context.opened.has(entry.pageKey),
        industryFit,
        personaFit: personaFit > 0,
        stageFit: stageFit > 0,
        field: field?.has(item.id) ? explainField(field.get(item.id)!, { industry: profile.industry, persona: context.persona }) : undefined,
      },
    });
  });
  return scored
    .sort((a, b) => b.score - a.score || (index.items[b.position]!.item.updatedAt ?? '').localeCompare(index.items[a.position]!.item.updatedAt ?? ''))
    .slice(0, limit)
    .map(({ position, score, evidence }) => {
      const reasonParts = explain(profile, index, context, position, evidence);
      return { item: index.items[position]!.item, score, reason: englishReason(reasonParts), reasonParts };
    });
}

/** Not stale: not replaced (marked, or an older dated edition), not expired, not past the day marketing meant to review it. */
function isCurrent(entry: IndexedItem, position: number, today: string, replaced: ReadonlySet<number>): boolean {
  const { item } = entry;
  if (item.replacedBy || replaced.has(position)) return false;
  return !((item.expiresAt && item.expiresAt < today) || (item.reviewBy && item.reviewBy < today));
}

/** The hard rules for a current item: what a colleague would never send, however well its words match. */
function isEligible(entry: IndexedItem, index: CatalogIndex, context: LeadContext, profile: LeadProfile): boolean {
  const { item } = entry;
  // Their language, or the catalog's main one; never a third.
  const language = entry.language;
  if (language !== context.language && language !== context.fallbackLanguage) return false;
  if (!competitorEvidence(item, context) && isCompetitive(item)) return false;
  const audience = audienceOf(item);
  if (audience === 'customer' && !context.customer) return false;
  // A customer does not need to be sold what they already own.
  if (audience === 'prospect' && context.customer && (item.products ?? []).some((product) => context.ownedProducts.has(product.toLowerCase()))) return false;
  // Customer content is written for the customers of its products ("For Pay customers: a new
  // clinic"): a customer who owns none of them is not one of its readers.
  if (audience === 'customer' && context.ownedProducts.size > 0 && (item.products ?? []).length > 0 && !item.products!.some((product) => context.ownedProducts.has(product.toLowerCase()))) return false;
  const openedAt = context.opened.size ? context.opened.get(entry.pageKey) : undefined;
  return openedAt === undefined || askedAgain(entry, index, profile, openedAt);
}

function isCompetitive(item: ContentItem): boolean {
  return item.type === 'battlecard' || (item.competitors ?? []).length > 0;
}

/** Whether the competitor this item is about is evident: named by the lead, or its comparison page read. */
function competitorEvidence(item: ContentItem, context: LeadContext): 'named' | 'compared' | undefined {
  if (!isCompetitive(item)) return undefined;
  const about = (item.competitors ?? []).length ? item.competitors! : [];
  const mentions = (names: ReadonlySet<string>) =>
    about.length ? about.some((name) => names.has(name)) : [...names].some((name) => item.title.toLowerCase().includes(name.toLowerCase()));
  if (mentions(context.namedCompetitors)) return 'named';
  if (mentions(context.comparedCompetitors)) return 'compared';
  return undefined;
}

/** Customer content is marked so, or is only for expansion; absent means for anyone. */
function audienceOf(item: ContentItem): 'prospect' | 'customer' | undefined {
  if (item.audience) return item.audience;
  const stages = item.buyerStages ?? [];
  return stages.length > 0 && stages.every((stage) => stage === 'expansion') ? 'customer' : undefined;
}


/**
 * Per product, the two items about it that the lead's words matched best: marketing's product tags
 * carry a need across wording and languages, so the English datasheet of the product whose Portuguese
 * case study matched is still about their problem. Two, so an item never lifts itself.
 */
type ProductNeed = Map<string, Array<{ position: number; match: number }>>;

function productAffinity(index: CatalogIndex, aboutOne: readonly boolean[], direct: readonly number[]): ProductNeed {
  const best: ProductNeed = new Map();
  index.items.forEach((entry, position) => {
    const products = entry.item.products ?? [];
    if (!aboutOne[position]) return;
    const match = Math.min(1, direct[position]!);
    if (match <= 0) return;
    for (const product of products) {
      const key = product.toLowerCase();
      const top = [...(best.get(key) ?? []), { position, match }].sort((a, b) => b.match - a.match).slice(0, 2);
      best.set(key, top);
    }
  });
  return best;
}

function strongestProduct(item: ContentItem, position: number, need: ProductNeed): { product: string; score: number } | undefined {
  let best: { product: string; score: number } | undefined;
  for (const product of item.products ?? []) {
    const score = need.get(product.toLowerCase())?.find((other) => other.position !== position)?.match ?? 0;
    if (score > 0 && (!best || score > best.score)) best = { product, score };
  }
  return best;
}

function aboutAny(item: ContentItem, products: ReadonlySet<string>): boolean {
  return (item.products ?? []).some((product) => products.has(product.toLowerCase()));
}

/** The best direct match among items about a product, and the products of every item matching at least OTHER_NEED_SHARE of it. */
function productsOfTheNeed(index: CatalogIndex, aboutOne: readonly boolean[], direct: readonly number[]): { products: Set<string>; best: number } | undefined {
  const best = Math.max(0, ...direct.filter((_, position) => aboutOne[position]));
  if (best < MIN_RELEVANCE) return undefined;
  const products = new Set<string>();
  index.items.forEach(({ item }, position) => {
    if (aboutOne[position] && direct[position]! >= OTHER_NEED_SHARE * best) for (const product of item.products ?? []) products.add(product.toLowerCase());
  });
  return { products, best };
}

/** A page read that matches a specific item well is a need, even without a stated problem. */
function hasSpecificMatch(index: CatalogIndex, pages: TextMatch | undefined, eligible: readonly boolean[]): boolean {
  if (!pages) return false;
  return index.items.some((entry, position) => eligible[position] && pages.scores[position]! >= 0.5 && !entry.generic);
}

/**
 * They asked for it again: a problem written after they opened the item covers most of its title
 * ("Could you resend the 2026 price sheet?" against "Price sheet 2026"), or says a name in it: a word
 * its title shares with its translations' titles and no other item has anywhere, a case study's
 * customer ("Pourriez-vous me renvoyer l'étude de cas Nordholm ?" against "Nordholm Foods : chaque
 * preuve de maintenance…"; the figures a title quotes are no names, nor "Care" in "Veldhuis Care"
 * when another item speaks of care homes).
 */
function askedAgain(entry: IndexedItem, index: CatalogIndex, profile: LeadProfile, openedAt: string): boolean {
  const title = new Set(entry.titleTerms);
  if (title.size === 0) return false;
  const later = profile.problems.filter((problem) => !problem.submittedAt || problem.submittedAt > openedAt).map((problem) => problem.text);
  if (later.length === 0) return false;
  const written = words(later.join(' '));
  const said = new Set(written.map((word) => stem(word, entry.language)));
  if ([...title].filter((term) => said.has(term)).length / title.size >= ASKED_AGAIN_COVERAGE) return true;
  if (titleNames(entry, index).some((name) => written.includes(name))) return true;
  // A request to send one again that says what it was about ("the case study about the logistics
  // firm with the 4,000 invoices"), in words of its own: two of the item's terms will do.
  const asked = later.join(' ').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  return RESEND.test(asked) && [...said].filter((term) => entry.terms.has(term)).length >= ASKED_AGAIN_TERMS;
}

/**
 * Asking for something again, in the catalog's languages ("resend", "send … again", "noch einmal
 * schicken", "renvoyer", "reenviar", "rimandare", "opnieuw sturen", "ponownie wysłać"), or saying it
 * cannot be found any more ("ich finde den Link nicht mehr", "je ne le retrouve plus"); accents off.
 */
const RESEND =
  /\bre-?send|\bsend\b.*\b(?:again|once more)\b|\bnoch ?(?:ein)?mal\b|\berneut|\bnochmal|\brenvo[iy]|\b(?:a|de) nouveau\b|\breenvi|\bde nuevo\b|\botra vez\b|\brimand|\bdi nuovo\b|\bnovamente\b|\bopnieuw\b|\bnog (?:een ?)?keer\b|\bponownie\b|\bigjen\b|\buudelleen\b|\bcan'?t find\b|\bcannot find\b|\bfinde\b.*\bnicht mehr\b|\bne (?:le|la|les) (?:re)?trouve plus\b|\bno (?:lo|la) encuentro\b/;
/** How many of an item's terms a request to send it again must say. */
const ASKED_AGAIN_TERMS = 2;

/** The words of an item's title that every translation's title has too and no other item has anywhere: names. */
function titleNames(entry: IndexedItem, index: CatalogIndex): string[] {
  if (entry.twins.length === 0) return [];
  const family = new Set([entry, ...entry.twins.map((twin) => index.items[twin]!)]);
  const titleWords = (other: IndexedItem) => new Set(words(other.item.title));
  const twinTitles = entry.twins.map((twin) => titleWords(index.items[twin]!));
  const others = index.items
    .filter((other) => !family.has(other))
    .map(({ item }) => new Set(words([item.title, item.summary, ...item.topics].join(' '))));
  return [...titleWords(entry)].filter((word) => !/^\d+$/.test(word) && twinTitles.every((twin) => twin.has(word)) && others.every((other) => !other.has(word)));
}

function includesIgnoringCase(list: readonly string[], value: string | undefined): boolean {
  return value !== undefined && list.some((entry) => entry.toLowerCase() === value.toLowerCase());
}
