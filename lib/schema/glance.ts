// zod's core schemas (zod-lean), not zod: every content script parses this, and the content script
// must stay small on the CRM page.
import * as z from './zod-lean';

/** The few words the glance pill on the CRM page shows: strings only, nothing secret. */
export const GlanceSchema = z.object({
  name: z.string(z.maxLength(300)),
  source: z.optional(z.string(z.maxLength(100))),
  signal: z.optional(z.string(z.maxLength(200))),
  /** The pill's own words in the rep's language (the worker translates; the content script holds no tables). */
  words: z.object({
    region: z.string(z.maxLength(100)),
    open: z.string(z.maxLength(100)),
    hide: z.string(z.maxLength(200)),
    move: z.string(z.maxLength(200)),
  }),
  /**
   * The rep's theme from Options → Appearance, which lives in the extension's storage the content
   * script cannot read: 'system' (or none) follows the system's light or dark, as the CRM page does.
   */
  theme: z.optional(z.literal('system', 'light', 'dark')),
});
export type Glance = z.Infer<typeof GlanceSchema>;

/** The glance for one record, as the worker words it for the CRM tab's pill. */
export const GlanceMessageSchema = z.object({ type: z.literal('glance'), recordKey: z.string(), glance: GlanceSchema });
export type GlanceMessage = z.Infer<typeof GlanceMessageSchema>;

/** The worker's answer to a content script's record report: the glance, when marketing knows the lead. */
export const RecordAnswerSchema = z.object({ glance: z.optional(GlanceMessageSchema) });
export type RecordAnswer = z.Infer<typeof RecordAnswerSchema>;
