import { z } from 'zod';
import { HttpUrlSchema, TimestampSchema, TimeZoneSchema } from './common';
import { CodedTextSchema } from './coded-text';

export const ChannelSchema = z.enum([
  'paid_search',
  'organic_search',
  'paid_social',
  'organic_social',
  'email',
  'referral',
  'event',
  'webinar',
  'partner',
  'direct',
  'other',
]);
export type Channel = z.infer<typeof ChannelSchema>;

export const LifecycleStageSchema = z.enum([
  'subscriber',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
  'evangelist',
  'other',
]);
export type LifecycleStage = z.infer<typeof LifecycleStageSchema>;

export const UtmSchema = z.object({
  source: z.string().optional(),
  medium: z.string().optional(),
  campaign: z.string().optional(),
  term: z.string().optional(),
  content: z.string().optional(),
});
export type Utm = z.infer<typeof UtmSchema>;

export const LeadSourceSchema = z.object({
  channel: ChannelSchema,
  campaign: z.string().optional(),
  utm: UtmSchema.default({}),
  firstPage: HttpUrlSchema.optional(),
  referrer: z.string().optional(),
  firstSeen: TimestampSchema.optional(),
  /** The most recent touch, when it differs from the first one. */
  latest: z
    /** `term`: the keyword (utm_term) of that touch, when it had one. */
    .object({ channel: ChannelSchema, campaign: z.string().optional(), at: TimestampSchema.optional(), term: z.string().optional() })
    .optional(),
});
export type LeadSource = z.infer<typeof LeadSourceSchema>;

/** Caps on what a vendor, a gateway or a file may send about one lead: far above any real lead, far below what would stall the panel. */
export const LEAD_LIMITS = { text: 500, longText: 10_000, url: 2048, pageViews: 5_000, problems: 200, moments: 200, activities: 1_000, optOuts: 20 } as const;
const Text = z.string().max(LEAD_LIMITS.text, `At most ${LEAD_LIMITS.text} characters`);

export const PageViewSchema = z.object({
  url: HttpUrlSchema.max(LEAD_LIMITS.url, `A page URL is at most ${LEAD_LIMITS.url} characters`),
  title: z.string().max(LEAD_LIMITS.longText, `A page title is at most ${LEAD_LIMITS.longText} characters`),
  viewedAt: TimestampSchema,
  durationSec: z.number().nonnegative().optional(),
  /** Page views with the same visit id belong to one session on the site. */
  visitId: z.string(),
});
export type PageView = z.infer<typeof PageViewSchema>;

export const StatedProblemSchema = z.object({
  text: z.string().min(1).max(LEAD_LIMITS.longText, `A stated problem is at most ${LEAD_LIMITS.longText} characters`),
  form: Text,
  /** When they wrote it; absent when the source keeps the words but not their date (the panel says "date unknown"). */
  submittedAt: TimestampSchema.optional(),
});
export type StatedProblem = z.infer<typeof StatedProblemSchema>;

/** Newest first; problems whose date is unknown come after the dated ones. */
export const newestProblemFirst = (a: StatedProblem, b: StatedProblem): number => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '');

export const ContactChannelSchema = z.enum(['email', 'phone', 'sms', 'linkedin', 'video_call']);
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected HH:MM (24-hour)');

export const WeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** A best-time window understood well enough to say whether "now" is in it. */
export const BestTimeWindowSchema = z.object({
  start: ClockTimeSchema,
  end: ClockTimeSchema,
  weekdaysOnly: z.boolean().default(false),
  /** The days it was given for ("Mon/Wed"); absent means any day (weekdaysOnly still applies). */
  days: z.array(WeekdaySchema).min(1).max(7).optional(),
  /** The zone named with the time ("before 11 ET"): the window is read in it, not in the lead's zone. */
  timeZone: TimeZoneSchema.optional(),
});
export type BestTimeWindow = z.infer<typeof BestTimeWindowSchema>;

/** Why a lead is on do-not-contact (Mautic's DoNotContact reasons 1, 2, 3; anything else is "other"). */
export const OptOutReasonSchema = z.enum(['unsubscribed', 'bounced', 'manual', 'other']);
export type OptOutReason = z.infer<typeof OptOutReasonSchema>;

/** One do-not-contact entry as the source recorded it: on which channel, why, when, and its note. */
export const OptOutSchema = z.object({
  /** The source's channel name ("email", "sms"). */
  channel: Text,
  reason: OptOutReasonSchema,
  at: TimestampSchema.optional(),
  comment: Text.optional(),
});
export type OptOut = z.infer<typeof OptOutSchema>;

export const ContactPreferencesSchema = z.object({
  preferredChannel: ContactChannelSchema.optional(),
  /** A window in the lead's own time zone, e.g. 09:00–11:00 on weekdays (parsed from bestTimeText when it could be). */
  bestTime: BestTimeWindowSchema.optional(),
  /** Best time as the source holds it, in the lead's words ("Mon/Wed mornings, before 11 ET"): shown as given. */
  bestTimeText: Text.optional(),
  timeZone: TimeZoneSchema.optional(),
  doNotCall: z.boolean().default(false),
  doNotEmail: z.boolean().default(false),
  /**
   * The lead stopped text messages (Mautic's "sms" channel): a rule of its own, since a lead who
   * stopped texts may still take a call. Set only where a source keeps such a stop.
   */
  doNotText: z.boolean().optional(),
  /** When and why doNotCall / doNotText / doNotEmail were set, when the source says. */
  optOuts: z.array(OptOutSchema).max(LEAD_LIMITS.optOuts, `At most ${LEAD_LIMITS.optOuts} do-not-contact entries per lead`).optional(),
});
export type ContactPreferences = z.infer<typeof ContactPreferencesSchema>;

export const HighIntentMomentSchema = z.object({ label: Text, at: TimestampSchema });

/** Activity that is not a page view: shown as its own kind and never counted among the pages read. */
export const ActivityKindSchema = z.enum(['download', 'email_open', 'form_submission']);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

export const ActivitySchema = z.object({
  kind: ActivityKindSchema,
  /** The asset's title, the e-mail's name, the form's name. */
  title: Text,
  url: HttpUrlSchema.max(LEAD_LIMITS.url, `An activity URL is at most ${LEAD_LIMITS.url} characters`).optional(),
  at: TimestampSchema,
  /** An opened e-mail: when it was sent and with which subject. */
  sentAt: TimestampSchema.optional(),
  subject: Text.optional(),
});
export type Activity = z.infer<typeof ActivitySchema>;

/** Something a source could not read for this lead ("Per-page history": "needs the web-analytics scope"), shown beside what it did read. */
export const DataGapSchema = z.object({
  what: Text,
  why: Text,
  /** The same note as a code the panel words in the rep's language; `what` and `why` stay English. */
  coded: CodedTextSchema.optional(),
});
export type DataGap = z.infer<typeof DataGapSchema>;

/**
 * One marketing system's part in a brief that merges several (lib/leads/merge.ts): whether it knows
 * the lead, its own score and stage (never added to another system's), and why it could not say more.
 */
export const SystemAnswerSchema = z.object({
  name: Text,
  found: z.boolean(),
  score: z.number().optional(),
  stage: LifecycleStageSchema.optional(),
  /** This system marked the lead do-not-call or do-not-email. */
  doNotContact: z.boolean().default(false),
  /** What went wrong asking it ("did not answer within 8 s"); absent when it answered. */
  error: Text.optional(),
  /** The same failure as a code the panel words in the rep's language. */
  errorCoded: CodedTextSchema.optional(),
});
export type SystemAnswer = z.infer<typeof SystemAnswerSchema>;

/** A lead's language: BCP 47 as HubSpot's hs_language gives it ("pt-br"), or a locale as Mautic's preferred_locale ("pt_BR"). */
export const LeadLanguageSchema = z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'Expected a language tag such as "de" or "pt-BR"');

export const LeadProfileSchema = z.object({
  id: z.string().min(1),
  email: z.email().max(320, 'An e-mail address is at most 320 characters').optional(),
  name: Text.optional(),
  company: Text.optional(),
  title: Text.optional(),
  industry: Text.optional(),
  persona: Text.optional(),
  /** The lead's language as a BCP 47 tag (HubSpot hs_language, Mautic preferred_locale, an import column). */
  language: LeadLanguageSchema.optional(),
  /** Country as an ISO 3166 code or a name: the language's last resort when none is given. */
  country: Text.optional(),
  /** Whether the lead's company is already a customer, when the source says so. */
  customer: z.boolean().optional(),
  /** Products the customer already owns, as the content catalog names them. */
  productsOwned: z.array(Text).max(LEAD_LIMITS.moments).optional(),
  /** CRM record ids this lead is known by, keyed by CRM id ("salesforce": "00Q…"). */
  crmIds: z.record(z.string(), z.string()).default({}),
  source: LeadSourceSchema,
  pageViews: z.array(PageViewSchema).max(LEAD_LIMITS.pageViews, `At most ${LEAD_LIMITS.pageViews} page views per lead`).default([]),
  problems: z.array(StatedProblemSchema).max(LEAD_LIMITS.problems, `At most ${LEAD_LIMITS.problems} stated problems per lead`).default([]),
  contact: ContactPreferencesSchema.default({ doNotCall: false, doNotEmail: false }),
  score: z.number().optional(),
  stage: LifecycleStageSchema.optional(),
  /** When marketing's system marked the lead qualified (MQL or the like): starts the team's follow-up clock. */
  qualifiedAt: TimestampSchema.optional(),
  highIntent: z.array(HighIntentMomentSchema).max(LEAD_LIMITS.moments, `At most ${LEAD_LIMITS.moments} moments per lead`).default([]),
  /** Downloads, e-mail opens and form submissions, newest first (pages read are in pageViews). */
  activities: z.array(ActivitySchema).max(LEAD_LIMITS.activities, `At most ${LEAD_LIMITS.activities} activities per lead`).optional(),
  /** What could not be read this time (a sub-resource refused, rate-limited or missing): the rest is shown, never passed off as complete. */
  gaps: z.array(DataGapSchema).max(20, 'At most 20 gaps per lead').optional(),
  /** Set when the brief merges several marketing systems: each one's answer, in the admin's order. */
  systems: z.array(SystemAnswerSchema).max(10, 'At most 10 marketing systems per lead').optional(),
});
export type LeadProfile = z.infer<typeof LeadProfileSchema>;

export const CHANNEL_LABELS: Record<Channel, string> = {
  paid_search: 'Paid search',
  organic_search: 'Organic search',
  paid_social: 'Paid social',
  organic_social: 'Organic social',
  email: 'Email',
  referral: 'Referral',
  event: 'Event',
  webinar: 'Webinar',
  partner: 'Partner',
  direct: 'Direct',
  other: 'Other',
};

export const STAGE_LABELS: Record<LifecycleStage, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
  evangelist: 'Evangelist',
  other: 'Other',
};
