import { z } from 'zod';
import { HttpUrlSchema, TimestampSchema } from './common';
import { LifecycleStageSchema } from './lead';

export const ContentTypeSchema = z.enum([
  'case_study',
  'one_pager',
  'battlecard',
  'whitepaper',
  'ebook',
  'webinar',
  'video',
  'deck',
  'blog_post',
  'datasheet',
  'guide',
  'checklist',
  'roi_calculator',
]);
export type ContentType = z.infer<typeof ContentTypeSchema>;

/** Where in the buyer's journey a piece helps; separate from the lead's lifecycle stage (MQL, SQL, …). */
export const BuyerStageSchema = z.enum(['awareness', 'consideration', 'decision', 'expansion']);
export type BuyerStage = z.infer<typeof BuyerStageSchema>;

/** Who a piece is written for: prospects (acquisition) or existing customers (adoption, expansion). */
export const AudienceSchema = z.enum(['prospect', 'customer']);
export type Audience = z.infer<typeof AudienceSchema>;

/** A BCP 47 language tag such as `de`, `pt-BR` or `zh-Hant`. */
export const LanguageTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Expected a BCP 47 language tag such as "en", "de" or "pt-BR"');

export const ContentItemSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  type: ContentTypeSchema,
  url: HttpUrlSchema,
  summary: z.string().default(''),
  /** Problems this piece answers, in the words prospects use ("SOC 2 audit"). */
  topics: z.array(z.string()).default([]),
  /** Empty means "any industry". */
  industries: z.array(z.string()).default([]),
  /** Empty means "any persona". */
  personas: z.array(z.string()).default([]),
  /** Empty means "any stage". */
  stages: z.array(LifecycleStageSchema).default([]),
  updatedAt: TimestampSchema.optional(),
  /** The day marketing means to check the item again; after it the item counts as stale. */
  reviewBy: z.iso.date().optional(),
  /** The id of the item that supersedes this one: a replaced item is stale. */
  replacedBy: z.string().min(1).optional(),
  /** The last day the item may be sent (a price sheet valid through the year); after it the item is stale. */
  expiresAt: z.iso.date().optional(),
  /** The item's language; absent means the catalog's main language. */
  language: LanguageTagSchema.optional(),
  /** The id of the item this one translates: twins carry the same message in other languages. */
  translationOf: z.string().min(1).optional(),
  /** Buyer's journey stages it fits. Absent or empty means any (optional so stored items and literals need no change). */
  buyerStages: z.array(BuyerStageSchema).optional(),
  /** Absent means both prospects and customers. */
  audience: AudienceSchema.optional(),
  /** Competitors the piece is about (a battlecard's rival); it is only sent when that competitor is evident. */
  competitors: z.array(z.string().min(1)).optional(),
  /** The products the piece is about, as marketing names them. */
  products: z.array(z.string().min(1)).optional(),
});
export type ContentItem = z.infer<typeof ContentItemSchema>;

/** A value a reason names: the lead's words, a competitor, a title (data, never translated). */
const ReasonValue = z.string().max(2000);

/**
 * One clause of why an item is suggested, as a message key (the side panel's `reason` group) and the
 * values it names, so the panel words it in the rep's language (lib/suggest/reason-words.ts).
 */
export const ReasonPartSchema = z.discriminatedUnion('key', [
  z.object({ key: z.enum(['askedAgain', 'forCustomers', 'profile']) }),
  z.object({ key: z.enum(['named', 'compared']), values: z.object({ name: ReasonValue }) }),
  z.object({ key: z.literal('wrote'), values: z.object({ quote: ReasonValue }) }),
  z.object({ key: z.literal('followsUp'), values: z.object({ page: ReasonValue }) }),
  z.object({ key: z.literal('sameProduct'), values: z.object({ product: ReasonValue }) }),
  /** Language values are BCP 47 tags, named in the rep's locale when worded. */
  z.object({ key: z.literal('inLanguage'), values: z.object({ language: ReasonValue }) }),
  z.object({ key: z.literal('inLanguageFallback'), values: z.object({ language: ReasonValue, theirLanguage: ReasonValue }) }),
  z.object({ key: z.literal('replaces'), values: z.object({ title: ReasonValue }) }),
  z.object({ key: z.literal('industry'), values: z.object({ industry: ReasonValue }) }),
  z.object({ key: z.literal('persona'), values: z.object({ persona: ReasonValue }) }),
  z.object({ key: z.literal('stage'), values: z.object({ stage: BuyerStageSchema }) }),
  /** The team's ratings for similar leads: how many, and what they share with this lead when all of them do. */
  z.object({
    key: z.enum(['fieldUseful', 'fieldOpened', 'fieldNotUseful']),
    values: z.object({ count: z.number().int().nonnegative(), persona: ReasonValue.optional(), industry: ReasonValue.optional() }),
  }),
]);
export type ReasonPart = z.infer<typeof ReasonPartSchema>;

export const SuggestionSchema = z.object({
  item: ContentItemSchema,
  /** Why, in English (logs, benchmarks, clients that word nothing themselves). */
  reason: z.string(),
  /** Why, as clauses the panel words in the rep's language; absent in briefs cached before it existed. */
  reasonParts: z.array(ReasonPartSchema).max(20).optional(),
  score: z.number(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;
