import { z } from 'zod';
import { browser } from 'wxt/browser';
import {
  BriefSchema,
  ContentEventSchema,
  ContentEventTypeSchema,
  DetectedRecordSchema,
  FeedbackItemSchema,
  FeedbackPayloadSchema,
} from '@/lib/schema';
import { DeliveryStateSchema } from '@/lib/schema/feedback';
import { RequestStatusesResponseSchema } from '@/lib/schema/dashboard';
import { TeamStatsSchema } from '@/lib/schema/rest-api';
import { CodedError, CodedTextSchema } from '@/lib/schema/coded-text';

/**
 * Every runtime message, as a discriminated union. Receivers parse `unknown` against these schemas
 * and drop what does not fit: a message is data from another context, never trusted by its type.
 */

/**
 * Code the content script does not carry, wanted now: the glance pill's with the tab's first glance,
 * the generic reader's when a read of the page first needs it (lib/background/code-injection.ts).
 */
export const InjectedCodeSchema = z.enum(['glance-pill', 'generic-reader']);
export type InjectedCode = z.infer<typeof InjectedCodeSchema>;

/** Sent by the content script; the tab comes from the sender, never from the message. */
export const ContentScriptRequestSchema = z.discriminatedUnion('type', [
  /**
   * `wantsGlance`: the tab has no glance for the record yet (a new page load), so the answer brings it
   * even when the report changes nothing the worker holds (a reload of the record the tab showed).
   */
  z.object({ type: z.literal('record-detected'), record: DetectedRecordSchema, wantsGlance: z.boolean().optional() }),
  /**
   * The URL names a person's record the page has not been read for: answered from the worker's cache
   * with the glance or "no lead" (and `known`) where reading the page could only confirm what the
   * worker already answers for the record, else with nothing and no change to the tab's record, so
   * the page is read as before (record-detected).
   */
  z.object({ type: z.literal('record-opened'), record: DetectedRecordSchema }),
  z.object({ type: z.literal('record-cleared') }),
  z.object({ type: z.literal('open-side-panel') }),
  z.object({ type: z.literal('get-custom-site') }),
  z.object({ type: z.literal('load-code'), code: InjectedCodeSchema }),
]);
export type ContentScriptRequest = z.infer<typeof ContentScriptRequestSchema>;

export const FeedbackViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  payload: FeedbackPayloadSchema,
  state: DeliveryStateSchema,
  lastError: z.string().optional(),
  lastErrorCoded: CodedTextSchema.optional(),
  attempts: z.number().int().nonnegative(),
});
export type FeedbackView = z.infer<typeof FeedbackViewSchema>;

/** Sent by the extension's own pages (side panel, options, Insights). */
export const PageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-tab-record'), tabId: z.number().int() }),
  z.object({ type: z.literal('get-brief'), tabId: z.number().int(), refresh: z.boolean().default(false) }),
  /** What the side panel needs to build a cached lead's brief itself: the source's id and name, the cache time. */
  z.object({ type: z.literal('brief-source') }),
  z.object({
    type: z.literal('record-content-event'),
    tabId: z.number().int(),
    /** The record the panel showed: the worker refuses the event if the tab has moved on since. */
    leadKey: z.string().min(1),
    eventType: ContentEventTypeSchema,
    contentId: z.string().min(1),
  }),
  /** The panel showed these suggestions for this lead: Insights counts what reps were shown. */
  z.object({ type: z.literal('suggestions-shown'), leadKey: z.string().min(1), contentIds: z.array(z.string().min(1)).max(50) }),
  /** `leadKey`: the record the panel showed the rep, so a verdict never lands on the lead the tab moved on to. */
  z.object({ type: z.literal('submit-feedback'), tabId: z.number().int(), leadKey: z.string().min(1), id: z.uuid(), payload: FeedbackPayloadSchema }),
  z.object({ type: z.literal('list-feedback'), leadKey: z.string() }),
  /** Refused while items wait to be delivered, unless the rep chose to lose them. */
  z.object({ type: z.literal('clear-local-data'), discardUndelivered: z.boolean().default(false) }),
  /** The side panel's "Erase this lead": everything this browser holds about the record. */
  z.object({ type: z.literal('erase-lead'), leadKey: z.string().min(1) }),
  /** How many items have not reached marketing yet, before the rep clears local data. */
  z.object({ type: z.literal('local-data-summary') }),
  /** Those items, for the rep to keep as a file before clearing. */
  z.object({ type: z.literal('export-undelivered') }),
  z.object({ type: z.literal('sync-custom-sites') }),
  z.object({ type: z.literal('search-profiles'), text: z.string().max(200) }),
  z.object({ type: z.literal('test-connection') }),
  z.object({ type: z.literal('source-changed') }),
  z.object({ type: z.literal('retry-delivery'), ids: z.array(z.string()).max(1000).optional(), leadKey: z.string().optional() }),
  z.object({ type: z.literal('choose-profile'), tabId: z.number().int(), leadKey: z.string().min(1), profileId: z.string().min(1).nullable() }),
  /** Insights asks for the team's numbers from `since` on (undefined = all time); the token stays in the worker. */
  z.object({ type: z.literal('team-stats'), since: z.iso.datetime({ offset: true }).optional() }),
  /** The side panel's log asks what marketing did with these of the rep's requests (ids of items the source stored). */
  z.object({ type: z.literal('request-statuses'), ids: z.array(z.string().min(1)).min(1).max(500) }),
]);
export type PageRequest = z.infer<typeof PageRequestSchema>;

/** What each page request answers; parsed by the page, as every message is. */
export const PageResponseSchemas = {
  'get-tab-record': z.object({ record: DetectedRecordSchema.nullable() }),
  'get-brief': BriefSchema,
  'brief-source': z.object({ id: z.string().min(1), label: z.string(), ttlMinutes: z.number().int().positive() }),
  'record-content-event': z.object({ ok: z.literal(true) }),
  'suggestions-shown': z.object({ ok: z.literal(true) }),
  'submit-feedback': z.object({ ok: z.literal(true), feedback: FeedbackViewSchema }),
  'list-feedback': z.object({ feedback: z.array(FeedbackViewSchema) }),
  'clear-local-data': z.object({ ok: z.literal(true) }),
  'local-data-summary': z.object({ undelivered: z.number().int().nonnegative() }),
  'erase-lead': z.object({
    profiles: z.number().int().nonnegative(),
    feedback: z.number().int().nonnegative(),
    events: z.number().int().nonnegative(),
    looks: z.number().int().nonnegative(),
  }),
  'export-undelivered': z.object({
    feedback: z.array(FeedbackItemSchema),
    events: z.array(ContentEventSchema),
  }),
  'sync-custom-sites': z.object({ ok: z.literal(true) }),
  'search-profiles': z.object({
    results: z.array(
      z.object({ id: z.string(), name: z.string().optional(), email: z.string().optional(), company: z.string().optional() }),
    ),
  }),
  'choose-profile': z.object({ ok: z.literal(true) }),
  'retry-delivery': z.object({ ok: z.literal(true) }),
  'test-connection': z.object({
    checks: z.array(z.object({ capability: z.enum(['auth', 'lookup', 'content', 'write']), ok: z.boolean(), message: z.string(), coded: CodedTextSchema.optional() })),
  }),
  'source-changed': z.object({ ok: z.literal(true) }),
  'team-stats': z.discriminatedUnion('outcome', [
    /** `from`: which kind of source answered, and its host, so Insights can say whose numbers these are. */
    z.object({ outcome: z.literal('team'), stats: TeamStatsSchema, from: z.enum(['leadside', 'rest']), host: z.string() }),
    /** The source keeps no team numbers (the demo, a vendor, files, a gateway without /stats). */
    z.object({ outcome: z.literal('none') }),
    /**
     * It has them but could not give them now (unreachable, an error status, a wrong token). `reason`,
     * not `error`: an answer with an `error` field is how a request that failed comes back.
     */
    z.object({ outcome: z.literal('failed'), reason: z.string(), reasonCoded: CodedTextSchema.optional(), from: z.enum(['leadside', 'rest']), host: z.string() }),
  ]),
  /** Only the asked ids the source has a status for; none when it has none or could not be asked. */
  'request-statuses': z.object({ statuses: RequestStatusesResponseSchema.shape.statuses }),
} satisfies Record<PageRequest['type'], z.ZodType>;

export type PageResponse<T extends PageRequest['type']> = z.infer<(typeof PageResponseSchemas)[T]>;

/**
 * Errors cross the message boundary as data, since thrown errors lose their text on the way. Strict:
 * an answer that merely has an `error` field (a brief in its error state) is an answer, not a failure.
 */
export const ErrorResponseSchema = z.strictObject({ error: z.string(), coded: CodedTextSchema.optional() });

/** Pushed by the background to the extension's pages when something they show has changed. */
export const BroadcastSchema = z.discriminatedUnion('type', [
  // The worker has taken the tab's new record in. Carries the record, so the panel can say who was
  // detected without asking back (a panel that heard the content script's own report knows already).
  z.object({ type: z.literal('tab-record-changed'), tabId: z.number().int(), record: DetectedRecordSchema.nullable() }),
  /** The lead's brief changed without the record changing (a refresh came back, the rep chose a match). */
  z.object({ type: z.literal('brief-updated'), leadKey: z.string() }),
  z.object({ type: z.literal('feedback-changed'), leadKey: z.string() }),
]);
export type Broadcast = z.infer<typeof BroadcastSchema>;

export { GlanceMessageSchema, type GlanceMessage } from '@/lib/schema/glance';

type PageRequestInput = z.input<typeof PageRequestSchema>;

/** Sends a request from an extension page and parses the answer. Throws with the background's words. */
export async function request<T extends PageRequest['type']>(
  message: Extract<PageRequestInput, { type: T }>,
): Promise<PageResponse<T>> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  const failure = ErrorResponseSchema.safeParse(raw);
  if (failure.success) throw failure.data.coded ? new CodedError(failure.data.error, failure.data.coded) : new Error(failure.data.error);
  return PageResponseSchemas[message.type as T].parse(raw) as PageResponse<T>;
}

/** Tells every open extension page; nobody listening (no page open) is normal, not an error. */
export async function broadcast(message: Broadcast): Promise<void> {
  await browser.runtime.sendMessage(message).catch(() => undefined);
}
