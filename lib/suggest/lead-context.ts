import type { BuyerStage, LeadProfile, LifecycleStage } from '@/lib/schema';
import type { CatalogIndex } from './catalog-index';
import { detectLanguage, leadLanguage, type LanguageEvidence } from './language';
import { pageKey } from './page-key';
import { personaOfTitle } from './persona';

/** What the rules need to know about a lead, worked out once per ranking. */
export interface LeadContext {
  /** The language to send in, and the one to fall back to when nothing fits in it. */
  language: string;
  languageEvidence?: LanguageEvidence;
  fallbackLanguage: string;
  /** Languages the lead's own text may be in: each gets its stems looked up. */
  textLanguages: string[];
  customer: boolean;
  ownedProducts: ReadonlySet<string>;
  buyerStage?: BuyerStage;
  persona?: string;
  /** Competitors the lead named in their own words, and those whose comparison page they read. */
  namedCompetitors: ReadonlySet<string>;
  comparedCompetitors: ReadonlySet<string>;
  /** Page key → when the lead last viewed it. */
  opened: ReadonlyMap<string, string>;
}

/** The buyer's journey stage a lifecycle stage stands for. */
const JOURNEY: Partial<Record<LifecycleStage, BuyerStage>> = {
  subscriber: 'awareness',
  lead: 'awareness',
  mql: 'consideration',
  sql: 'consideration',
  opportunity: 'decision',
  customer: 'expansion',
  evangelist: 'expansion',
};


/** A name as a run of lower-case words, for finding "Quotient" in "/compare/quotient" or "vs. Quotient". */
const nameKey = (name: string) => ` ${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
const textKey = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;

export function leadContext(profile: LeadProfile, index: CatalogIndex): LeadContext {
  const problemText = profile.problems.map((problem) => problem.text).join(' ');
  const resolved = leadLanguage(profile);
  const language = resolved?.language ?? index.mainLanguage;
  const written = detectLanguage(problemText);
  const customer = profile.customer ?? (profile.stage === 'customer' || profile.stage === 'evangelist');

  const problemKey = textKey(problemText);
  const pagesKey = profile.pageViews.map((view) => textKey(`${view.title} ${pathOf(view.url)}`)).join(' ');
  const namedCompetitors = new Set(index.competitors.filter((name) => problemKey.includes(nameKey(name))));
  const comparedCompetitors = new Set(index.competitors.filter((name) => pagesKey.includes(nameKey(name))));

  // What they already have: pages they read, and assets they downloaded (a PDF is not a page view).
  const opened = new Map<string, string>();
  const had = [
    ...profile.pageViews.map((view) => ({ url: view.url, at: view.viewedAt })),
    ...(profile.activities ?? []).flatMap((activity) => (activity.kind === 'download' && activity.url ? [{ url: activity.url, at: activity.at }] : [])),
  ];
  for (const { url, at } of had) {
    const key = pageKey(url);
    if ((opened.get(key) ?? '') < at) opened.set(key, at);
  }
  // Someone reading the pricing page is deciding, whatever stage the CRM last recorded.
  const readPricing = profile.pageViews.some((view) => /\/(pricing|preise|tarifs|precios|precos|preços|prezzi)\b/i.test(pathOf(view.url)));
  const stage = profile.stage ? JOURNEY[profile.stage] : undefined;
  return {
    language,
    languageEvidence: resolved?.evidence,
    fallbackLanguage: index.mainLanguage,
    textLanguages: [...new Set([written, language, index.mainLanguage].filter((entry): entry is string => Boolean(entry)))],
    customer,
    ownedProducts: new Set((profile.productsOwned ?? []).map((product) => product.toLowerCase())),
    buyerStage: customer ? 'expansion' : readPricing && stage !== 'expansion' ? 'decision' : stage,
    persona: profile.persona ?? personaOfTitle(profile.title),
    namedCompetitors,
    comparedCompetitors,
    opened,
  };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
