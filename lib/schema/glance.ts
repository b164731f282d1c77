// zod/mini, not zod: this is the one schema the content script needs, and the content script must
// stay tiny on the CRM page. zod/mini tree-shakes to a few kilobytes.
import * as z from 'zod/mini';

/** The few words the glance pill on the CRM page shows: strings only, nothing secret. */
export const GlanceSchema = z.object({
  name: z.string().check(z.maxLength(300)),
  source: z.optional(z.string().check(z.maxLength(100))),
  signal: z.optional(z.string().check(z.maxLength(200))),
  /** The pill's own words in the rep's language (the worker translates; the content script holds no tables). */
  words: z.optional(
    z.object({
      region: z.string().check(z.maxLength(100)),
      open: z.string().check(z.maxLength(100)),
      hide: z.string().check(z.maxLength(200)),
      move: z.string().check(z.maxLength(200)),
    }),
  ),
});
export type Glance = z.infer<typeof GlanceSchema>;

/** Pushed by the background to a CRM tab's content script. */
export const GlanceMessageSchema = z.object({ type: z.literal('glance'), recordKey: z.string(), glance: GlanceSchema });
export type GlanceMessage = z.infer<typeof GlanceMessageSchema>;
