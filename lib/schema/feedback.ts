import { z } from 'zod';
import { TimestampSchema } from './common';
import { ChannelSchema } from './lead';
import { CrmIdSchema } from './record';

export const VerdictSchema = z.enum(['good_fit', 'demo_booked', 'not_ready', 'not_a_fit', 'bad_data']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const VERDICT_LABELS: Record<Verdict, string> = {
  good_fit: 'Good fit',
  demo_booked: 'Demo booked',
  not_ready: 'Not ready',
  not_a_fit: 'Not a fit',
  bad_data: 'Bad data',
};

/** Reason chips offered per verdict; free text goes in the note. */
export const VERDICT_REASONS: Record<Verdict, readonly string[]> = {
  good_fit: ['Right persona', 'Right company size', 'Clear need', 'Budget'],
  demo_booked: ['From this outreach', 'Inbound request'],
  not_ready: ['No budget yet', 'Timing', 'Just researching'],
  not_a_fit: ['Wrong persona', 'Too small', 'Too large', 'Wrong industry', 'Competitor'],
  bad_data: ['Wrong email', 'Wrong company', 'Duplicate', 'Fake'],
};

/**
 * The lead's source as it was when the feedback was given, so marketing can slice lead quality by
 * source and campaign without joining anything.
 */
export const SourceSnapshotSchema = z.object({
  channel: ChannelSchema.optional(),
  campaign: z.string().optional(),
});
export type SourceSnapshot = z.infer<typeof SourceSnapshotSchema>;

export const LeadRefSchema = z.object({
  key: z.string().min(1),
  crm: CrmIdSchema,
  recordId: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
  /** The marketing profile the brief showed for this record, when there was one: how the team server ties the record to the lead marketing qualified. */
  profileId: z.string().min(1).optional(),
});
export type LeadRef = z.infer<typeof LeadRefSchema>;

const FeedbackCommonSchema = z.object({
  /** Idempotency id: the same item is never counted or delivered twice. */
  id: z.uuid(),
  createdAt: TimestampSchema,
  lead: LeadRefSchema,
  source: SourceSnapshotSchema,
  rep: z.string().optional(),
});

export const FeedbackPayloadSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('verdict'),
    verdict: VerdictSchema,
    reasons: z.array(z.string().max(80)).max(10).default([]),
    note: z.string().max(2000).optional(),
  }),
  z.object({ kind: z.literal('content_rating'), contentId: z.string().min(1), useful: z.boolean() }),
  z.object({ kind: z.literal('content_request'), text: z.string().min(1).max(2000) }),
  z.object({ kind: z.literal('prospect_question'), text: z.string().min(1).max(2000) }),
]);
export type FeedbackPayload = z.infer<typeof FeedbackPayloadSchema>;

export const FeedbackItemSchema = z.intersection(FeedbackCommonSchema, FeedbackPayloadSchema);
export type FeedbackItem = z.infer<typeof FeedbackItemSchema>;

export const ContentEventTypeSchema = z.enum(['suggested', 'opened', 'link_copied']);
export type ContentEventType = z.infer<typeof ContentEventTypeSchema>;

export const ContentEventSchema = z.object({
  id: z.string().min(1),
  type: ContentEventTypeSchema,
  contentId: z.string().min(1),
  at: TimestampSchema,
  leadKey: z.string().optional(),
  source: SourceSnapshotSchema.default({}),
});
export type ContentEvent = z.infer<typeof ContentEventSchema>;

/**
 * A rep opened a lead's record and the brief found the lead. The first look per rep and lead starts
 * the team's follow-up clock (how fast sales looks at a qualified lead); later looks change nothing.
 */
export const LeadLookSchema = z.object({
  id: z.uuid(),
  at: TimestampSchema,
  lead: LeadRefSchema.required({ profileId: true }),
  source: SourceSnapshotSchema,
});
export type LeadLook = z.infer<typeof LeadLookSchema>;

/**
 * Where an item stands on its way to marketing's system. `local`: the source has no place for it
 * (the demo data), so it stays in this browser and in Insights.
 */
export const DeliveryStateSchema = z.enum(['queued', 'sent', 'failed', 'local']);
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;
