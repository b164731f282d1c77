// zod's core schemas (zod-lean), not zod: every content script parses this, and the content script
// must stay small on the CRM page.
import * as z from './zod-lean';

/**
 * The longest each of the glance's texts may be, in characters. The worker clips every text to these
 * where it makes the glance (lib/leads/glance.ts), so a long name still gets its pill, cut short. The
 * content script's schema checks the shape and not the lengths: zod's length checks would add
 * ~0.45 KB gzipped to every content script, to re-check its own extension's worker.
 */
export const GLANCE_LIMITS = { name: 300, source: 100, signal: 200, word: 200 } as const;

/** The few words the glance pill on the CRM page shows: strings only, nothing secret. */
export const GlanceSchema = z.object({
  name: z.string(),
  source: z.optional(z.string()),
  signal: z.optional(z.string()),
  /** The pill's own words in the rep's language (the worker translates; the content script holds no tables). */
  words: z.object({ region: z.string(), open: z.string(), hide: z.string(), move: z.string() }),
  /**
   * The rep's theme from Options → Appearance, which lives in the extension's storage the content
   * script cannot read: 'light' or 'dark' forces it; 'system', none or any other word follows the
   * system's light or dark, as the CRM page does (the pill's CSS knows only the two). A string, not
   * a literal: zod's literal schema would cost every content script ~0.2 KB gzipped.
   */
  theme: z.optional(z.string()),
});
export type Glance = z.Infer<typeof GlanceSchema>;

/** The glance for one record, as the worker words it for the CRM tab's pill. */
export const GlanceMessageSchema = z.object({ recordKey: z.string(), glance: GlanceSchema });
export type GlanceMessage = z.Infer<typeof GlanceMessageSchema>;

/**
 * The worker's answer to a content script's record report: the glance, when marketing knows the
 * lead; `noLead` when the worker's pass found marketing does not, so a pill the tab kept from an
 * earlier visit to the record must go. Neither: nothing new (the report changed nothing, or the tab
 * moved on).
 */
export const RecordAnswerSchema = z.object({
  glance: z.optional(GlanceMessageSchema),
  noLead: z.optional(z.boolean()),
  /**
   * Only in answer to `record-opened`: the worker already knows whom the record's page shows, so the
   * page need not be read. Their name and address as the page showed them when last read, which a
   * page still showing this record while the CRM draws the next one shows too (the next read's stale
   * check).
   */
  known: z.optional(z.object({ name: z.optional(z.string()), email: z.optional(z.string()) })),
});
export type RecordAnswer = z.Infer<typeof RecordAnswerSchema>;
