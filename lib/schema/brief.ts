import { z } from 'zod';
import { SuggestionSchema } from './content';
import { LeadProfileSchema } from './lead';
import { DetectedRecordSchema } from './record';
import { TimestampSchema } from './common';
import { CodedTextSchema } from './coded-text';

/**
 * Everything the side panel shows for one tab. The record is always present once detected, so the
 * panel can say who was detected even when marketing has no match or the source is down.
 */
export const BriefSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('no-record') }),
  z.object({ state: z.literal('loading'), record: DetectedRecordSchema }),
  /** A record that is not a person (a company, a deal): marketing's briefs are about people. */
  z.object({ state: z.literal('not-a-person'), record: DetectedRecordSchema }),
  z.object({
    state: z.literal('not-found'),
    record: DetectedRecordSchema,
    /** The systems that were asked, by name ("HubSpot"), for "No HubSpot contact for …". */
    asked: z.array(z.string()).optional(),
  }),
  z.object({
    state: z.literal('error'),
    record: DetectedRecordSchema,
    error: z.string(),
    /** The same failure as a code the panel words in the rep's language (`error` stays English, for logs). */
    errorCoded: CodedTextSchema.optional(),
    /** What kind of failure (ConnectorErrorKind: auth, rate-limited, timeout, …), for what the panel offers. */
    errorKind: z.string().optional(),
    /** A rate limit's window: the panel asks again on its own after it. */
    retryAfterMs: z.number().nonnegative().optional(),
    /** The source refused the credentials: "Reconnect <label>" opens Options at that source's form. */
    reconnect: z.object({ source: z.string(), label: z.string() }).optional(),
  }),
  z.object({
    state: z.literal('found'),
    record: DetectedRecordSchema,
    profile: LeadProfileSchema,
    /** The marketing systems that know this lead, by name ("HubSpot", "Mautic"), for "from HubSpot and Mautic". */
    from: z.array(z.string()).default([]),
    suggestions: z.array(SuggestionSchema),
    fetchedAt: TimestampSchema,
    /** The rep picked this profile for the record, correcting the automatic match. */
    chosenByRep: z.boolean().default(false),
    /** The brief is the cached copy past its TTL; a refresh is running and will replace it. */
    refreshing: z.boolean().default(false),
    /** The brief is the cached copy because the source just failed; what the failure said. */
    warning: z.string().optional(),
    warningCoded: CodedTextSchema.optional(),
    /** The suggestions come from an out-of-date content list because downloading it failed. */
    catalogStale: z.object({ fetchedAt: TimestampSchema, error: z.string(), coded: CodedTextSchema.optional() }).optional(),
  }),
]);
export type Brief = z.infer<typeof BriefSchema>;
