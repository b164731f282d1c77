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
});
export type ContentItem = z.infer<typeof ContentItemSchema>;

export const SuggestionSchema = z.object({
  item: ContentItemSchema,
  reason: z.string(),
  score: z.number(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;
