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

export const SuggestionSchema = z.object({
  item: ContentItemSchema,
  reason: z.string(),
  score: z.number(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;
