import { z } from 'zod';
import { TimestampSchema } from './common';
import { ContentItemSchema } from './content';
import { ContentEventSchema, FeedbackItemSchema, LeadLookSchema, VerdictSchema } from './feedback';
import { ChannelSchema, LeadProfileSchema } from './lead';
import { MessageParamSchema } from './coded-text';

/**
 * Leadside's REST gateway contract: what a team's own service answers so Leadside never holds
 * vendor secrets. docs/api/openapi.json is generated from these schemas (npm run openapi).
 */

export const ProfileResponseSchema = z.object({ profile: LeadProfileSchema });

export const ProfileSearchResponseSchema = z.object({
  results: z.array(
    z.object({ id: z.string(), name: z.string().optional(), email: z.string().optional(), company: z.string().optional() }),
  ),
});

export const ContentPageSchema = z.object({
  items: z.array(ContentItemSchema),
  /** Pass as `cursor` to get the next page; absent or null on the last page. */
  nextCursor: z.string().nullish(),
});

export const DeliveryRequestSchema = z.object({
  items: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('feedback'), id: z.string(), item: FeedbackItemSchema }),
        z.object({ kind: z.literal('event'), id: z.string(), item: ContentEventSchema }),
        z.object({ kind: z.literal('look'), id: z.string(), item: LeadLookSchema }),
      ]),
    )
    .max(100),
});

export const DeliveryResponseSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      /** `duplicate`: the id was stored before; the gateway must answer so, never store it twice. */
      status: z.enum(['stored', 'duplicate', 'rejected']),
      error: z.string().optional(),
    }),
  ),
});

export const TeamStatsSchema = z.object({
  content: z.array(
    z.object({
      contentId: z.string(),
      suggested: z.number().int().nonnegative(),
      opened: z.number().int().nonnegative(),
      linkCopied: z.number().int().nonnegative(),
      useful: z.number().int().nonnegative(),
      notUseful: z.number().int().nonnegative(),
    }),
  ),
  leadQuality: z.array(
    z.object({
      channel: ChannelSchema.optional(),
      campaign: z.string().optional(),
      leads: z.number().int().nonnegative(),
      verdicts: z.record(VerdictSchema, z.number().int().nonnegative()),
    }),
  ),
  /**
   * Whose numbers these are. Optional so a team's own gateway may leave it out; the Leadside server
   * always sends it, and Insights says it shows the team's data.
   */
  team: z.object({ name: z.string(), reps: z.number().int().nonnegative() }).optional(),
  /** Content requests and prospect questions from the field, newest first (at most 200). */
  requests: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(['content_request', 'prospect_question']),
        text: z.string(),
        createdAt: z.string(),
        lead: z.string(),
        rep: z.string().optional(),
      }),
    )
    .optional(),
});
export type TeamStats = z.infer<typeof TeamStatsSchema>;

/** The most segments /field-signals answers with: the strongest first, so a huge team's answer stays small. */
export const MAX_FIELD_SIGNALS = 5000;

/**
 * Learning from the field: for one catalog item and one segment of leads (their industry and their
 * persona, as the ranker reads them), how many leads' latest rating by a rep said useful, how many
 * said not useful, and for how many leads a rep opened it. Counts only, never a lead.
 */
export const FieldSignalSchema = z.object({
  contentId: z.string().min(1),
  /** The leads' industry as marketing wrote it; absent when they had none. */
  industry: z.string().optional(),
  /** The leads' persona, by lib/suggest/persona.ts's table (from the persona field or the job title); absent when unknown. */
  persona: z.string().optional(),
  useful: z.number().int().nonnegative(),
  notUseful: z.number().int().nonnegative(),
  opened: z.number().int().nonnegative(),
});
export type FieldSignal = z.infer<typeof FieldSignalSchema>;

export const FieldSignalsSchema = z.object({
  /** The oldest rating or open counted: older ones describe a catalog and a market that moved on. */
  since: TimestampSchema,
  signals: z.array(FieldSignalSchema).max(MAX_FIELD_SIGNALS),
});
export type FieldSignals = z.infer<typeof FieldSignalsSchema>;

export const ErrorBodySchema = z.object({
  error: z.string(),
  /** A stable code for the same error (lib/schema/server-error-codes.ts), for clients that word it in their own language. */
  code: z.string().max(80).optional(),
  /** The values the code's sentence fills in. */
  params: z.record(z.string(), MessageParamSchema).optional(),
  /** Text the server passes on (a validation summary), quoted after the worded sentence. */
  detail: z.string().optional(),
});
