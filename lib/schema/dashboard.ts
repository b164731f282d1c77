import { z } from 'zod';
import { HttpUrlSchema, TimestampSchema } from './common';
import { AudienceSchema, BuyerStageSchema, ContentItemSchema, ContentTypeSchema } from './content';
import { VerdictSchema } from './feedback';
import { ChannelSchema, LifecycleStageSchema } from './lead';

/**
 * The marketing dashboard's JSON API (served at /api by the team server, read by the dashboard web
 * app). One schema per answer and per request body: the server validates what it sends in its tests
 * and the web app parses every answer, so neither side can drift from the other.
 */

/**
 * The web app's pages. The server answers these paths with the app (which routes in the browser) and
 * every other path with a 404, so a mistyped link or a probe never gets a page that looks found.
 */
export const DASHBOARD_PAGE_PATHS = ['/', '/content', '/lead-quality', '/follow-up', '/requests', '/catalog', '/digest', '/admin'] as const;
export type DashboardPagePath = (typeof DASHBOARD_PAGE_PATHS)[number];

const Count = z.number().int().nonnegative();
/** A UTC calendar day, 'YYYY-MM-DD'. */
export const DaySchema = z.iso.date();
const Hours = z.number().nonnegative();

/** Source of a lead as marketing names it; `null` channel/campaign = the lead carried none. */
const SourceKey = { channel: ChannelSchema.nullable(), campaign: z.string().nullable() };

// ---------------------------------------------------------------------------------------------
// Filters shared by every analytics page: a period of whole UTC days and, optionally, one rep.

export const DashboardFilterSchema = z
  .object({
    /** First day of the period, inclusive. Default: 29 days before `to`. */
    from: DaySchema.optional(),
    /** Last day of the period, inclusive. Default: today (UTC). */
    to: DaySchema.optional(),
    /** A rep's user id: only what that rep did. */
    rep: z.string().min(1).optional(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: '`from` must be on or before `to`',
  });
export type DashboardFilter = z.infer<typeof DashboardFilterSchema>;

/** The period an answer covers, and the one of equal length just before it (for "vs previous"). */
export const PeriodSchema = z.object({ from: DaySchema, to: DaySchema });
const Periods = { period: PeriodSchema, previous: PeriodSchema };

/** A share with its 95% Wilson score interval, so a row of three leads does not read as "100%". */
export const ShareSchema = z.object({
  count: Count,
  of: Count,
  /** count / of, 0 when `of` is 0. */
  share: z.number().min(0).max(1),
  low: z.number().min(0).max(1),
  high: z.number().min(0).max(1),
  /** Fewer leads than the team's threshold (10): the row is shown, marked as not meaning much yet. */
  tooFew: z.boolean(),
});
export type Share = z.infer<typeof ShareSchema>;

// ---------------------------------------------------------------------------------------------
// GET /api/overview

export const OverviewSchema = z.object({
  ...Periods,
  /** The headline: leads whose latest verdict in the period is "Demo booked". */
  demosBooked: z.object({ current: Count, previous: Count }),
  /** Leads given any verdict in the period (each once). */
  leadsRated: z.object({ current: Count, previous: Count }),
  /** Catalog items (not retired) opened or link-copied at least once in the period. */
  contentUsed: z.object({ used: Count, catalog: Count }),
  bySource: z.array(
    z.object({
      channel: ChannelSchema.nullable(),
      leadsRated: Count,
      demosBooked: Count,
      goodFit: Count,
      /** Content opens for leads of this source. */
      contentOpened: Count,
    }),
  ),
  /** Verdicts per ISO week (Monday, UTC) and source, each lead once per week with its latest verdict that week. */
  weekly: z.array(z.object({ weekStart: DaySchema, channel: ChannelSchema.nullable(), verdicts: z.record(VerdictSchema, Count) })),
});
export type Overview = z.infer<typeof OverviewSchema>;

// ---------------------------------------------------------------------------------------------
// GET /api/content

export const ContentReportItemSchema = z.object({
  contentId: z.string(),
  /** Absent when the item was used but is no longer in the catalog. */
  title: z.string().optional(),
  type: ContentTypeSchema.optional(),
  url: HttpUrlSchema.optional(),
  retired: z.boolean(),
  reviewBy: DaySchema.optional(),
  replacedBy: z.string().optional(),
  /** Past its review date or replaced by another item. */
  stale: z.boolean(),
  suggested: Count,
  opened: Count,
  linkCopied: Count,
  /** Each lead's latest rating of the item counts once. */
  useful: Count,
  notUseful: Count,
  /** Distinct leads the item was opened for whose latest verdict (any time) is "Demo booked". */
  openedForDemoLeads: Count,
});
export type ContentReportItem = z.infer<typeof ContentReportItemSchema>;

export const ContentReportSchema = z.object({
  ...Periods,
  /** Every catalog item (never-used ones with zeros) and any other item used in the period, most used first. */
  items: z.array(ContentReportItemSchema),
  /** Catalog items not retired with no open and no link copied in the period. */
  neverUsed: z.array(z.string()),
  /** Stale items that were still opened in the period. */
  staleStillOpened: z.array(z.string()),
  /** The same funnel per rep (all reps, whatever the `rep` filter). */
  byRep: z.array(
    z.object({ userId: z.string(), rep: z.string(), suggested: Count, opened: Count, linkCopied: Count, useful: Count, notUseful: Count }),
  ),
});
export type ContentReport = z.infer<typeof ContentReportSchema>;

// ---------------------------------------------------------------------------------------------
// GET /api/lead-quality?by=source|campaign (+ the period filter)

export const LeadQualityQuerySchema = z.object({ by: z.enum(['source', 'campaign']).default('source') });

export const LeadQualitySchema = z.object({
  ...Periods,
  by: z.enum(['source', 'campaign']),
  rows: z.array(
    z.object({
      ...SourceKey,
      /** Leads with a verdict in the period, each counted once with its latest verdict. */
      leads: Count,
      verdicts: z.record(VerdictSchema, Count),
      /** "Good fit" or "Demo booked" among the row's leads. */
      good: ShareSchema,
      demoBooked: ShareSchema,
    }),
  ),
});
export type LeadQuality = z.infer<typeof LeadQualitySchema>;

/** GET /api/lead-quality/leads?channel=…&campaign=… (empty string = none) + the period filter. */
export const LeadDrillQuerySchema = z.object({ channel: z.string().optional(), campaign: z.string().optional() });

export const LeadDrillSchema = z.object({
  leads: z.array(
    z.object({
      leadKey: z.string(),
      lead: z.string(),
      verdict: VerdictSchema,
      reasons: z.array(z.string()),
      note: z.string().nullable(),
      rep: z.string(),
      at: TimestampSchema,
      /** How many verdicts the lead got in the period (only the latest counts). */
      verdictCount: Count,
    }),
  ),
});
export type LeadDrill = z.infer<typeof LeadDrillSchema>;

// ---------------------------------------------------------------------------------------------
// Follow-up: GET/PUT /api/settings/follow-up, GET /api/follow-up

export const FollowUpSettingsSchema = z.object({
  /** A lead counts as qualified once its lifecycle stage is one of these… */
  qualifiedStages: z.array(LifecycleStageSchema).min(1),
  /** …or its score reaches this (null: score does not qualify). */
  minScore: z.number().nullable(),
  /** How fast a rep should first open a qualified lead's record. */
  lookSlaHours: z.number().positive().max(24 * 90),
  /** How fast a rep should give a verdict on it. */
  verdictSlaHours: z.number().positive().max(24 * 90),
});
export type FollowUpSettings = z.infer<typeof FollowUpSettingsSchema>;

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  qualifiedStages: ['mql', 'sql'],
  minScore: null,
  lookSlaHours: 24,
  verdictSlaHours: 72,
};

const Percentiles = z.object({ median: Hours.nullable(), p90: Hours.nullable() });

export const FollowUpSchema = z.object({
  ...Periods,
  settings: FollowUpSettingsSchema,
  /** Leads that became qualified in the period, by source. */
  bySource: z.array(
    z.object({
      channel: ChannelSchema.nullable(),
      qualified: Count,
      looked: Count,
      rated: Count,
      /** Hours from qualified to a rep's first look at the record / to the first verdict. */
      toFirstLook: Percentiles,
      toFirstVerdict: Percentiles,
      pastSla: Count,
    }),
  ),
  /** Qualified leads with no look (or no verdict) within the SLA, oldest first. */
  pastSla: z.array(
    z.object({
      profileId: z.string(),
      lead: z.string(),
      channel: ChannelSchema.nullable(),
      campaign: z.string().nullable(),
      qualifiedAt: TimestampSchema,
      firstLookAt: TimestampSchema.nullable(),
      firstVerdictAt: TimestampSchema.nullable(),
      /** Which promise was missed. */
      missed: z.enum(['look', 'verdict']),
    }),
  ),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

// ---------------------------------------------------------------------------------------------
// From the field: GET /api/requests, PATCH /api/requests/:id; reps read GET /v1/requests/status

export const RequestStatusSchema = z.enum(['new', 'planned', 'published']);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = { new: 'New', planned: 'Planned', published: 'Published' };

export const FieldRequestSchema = z.object({
  /** The feedback item's id (the rep's delivery id). */
  id: z.string(),
  kind: z.enum(['content_request', 'prospect_question']),
  text: z.string(),
  createdAt: TimestampSchema,
  lead: z.string(),
  rep: z.string(),
  status: RequestStatusSchema,
  /** The catalog item that answers it (set when published). */
  contentId: z.string().nullable(),
  contentTitle: z.string().nullable(),
  statusChangedAt: TimestampSchema.nullable(),
});
export type FieldRequest = z.infer<typeof FieldRequestSchema>;

/** GET /api/requests?limit=N: the newest N (default 200, at most 2,000); `more` says older ones exist. */
export const FIELD_REQUESTS_PAGE = 200;
export const FieldRequestsSchema = z.object({ requests: z.array(FieldRequestSchema), more: z.boolean().default(false) });

export const FieldRequestUpdateSchema = z
  .object({ status: RequestStatusSchema, contentId: z.string().min(1).nullable().optional() })
  .refine((update) => update.status !== 'published' || Boolean(update.contentId), {
    message: 'A published request names the catalog item that answers it (contentId)',
    path: ['contentId'],
  });
export type FieldRequestUpdate = z.infer<typeof FieldRequestUpdateSchema>;

/** GET /v1/requests/status (rep token): the statuses of this rep's own requests. */
export const RequestStatusesResponseSchema = z.object({
  statuses: z.array(
    z.object({
      id: z.string(),
      status: RequestStatusSchema,
      content: z.object({ id: z.string(), title: z.string(), url: HttpUrlSchema }).nullable(),
      changedAt: TimestampSchema.nullable(),
    }),
  ),
});
export type RequestStatuses = z.infer<typeof RequestStatusesResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Catalog: GET /api/catalog, PATCH /api/catalog/:id, POST /api/catalog/:id/retire|restore,
// POST /api/import/:kind (the file import's columns and row report)

export const CatalogEntrySchema = z.object({
  item: ContentItemSchema,
  retired: z.boolean(),
  updatedAt: TimestampSchema,
  /** null: imported or sent through the API; else the vendor whose sync listed it. */
  origin: z.string().nullable(),
});
export const CatalogSchema = z.object({ items: z.array(CatalogEntrySchema) });
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

/**
 * What a marketer may change on an item; the id stays. Only the fields sent change: the item's own
 * defaults (empty summary, topics, …) are not applied here, or an edit of the title would wipe the
 * topics. `reviewBy` / `replacedBy` null takes the review date / replacement off.
 */
export const CatalogEditSchema = z
  .object({
    title: ContentItemSchema.shape.title,
    type: ContentItemSchema.shape.type,
    url: ContentItemSchema.shape.url,
    summary: z.string(),
    topics: z.array(z.string()),
    industries: z.array(z.string()),
    personas: z.array(z.string()),
    stages: z.array(LifecycleStageSchema),
    reviewBy: DaySchema.nullable(),
    replacedBy: z.string().min(1).nullable(),
    expiresAt: DaySchema.nullable(),
    language: ContentItemSchema.shape.language.unwrap().nullable(),
    translationOf: z.string().min(1).nullable(),
    buyerStages: z.array(BuyerStageSchema),
    audience: AudienceSchema.nullable(),
    competitors: z.array(z.string().min(1)),
    products: z.array(z.string().min(1)),
  })
  .partial();
export type CatalogEdit = z.infer<typeof CatalogEditSchema>;

/**
 * The row report of POST /api/import/:kind (server/import/report.ts), also under `report` in its 400
 * answer: rows read, kept and refused with the reason per row and column.
 */
export const ImportReportSchema = z.object({
  kind: z.string(),
  format: z.string(),
  unit: z.string(),
  total: Count,
  valid: Count,
  rejected: Count,
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  errorsLeftOut: Count,
  fatal: z.string().optional(),
  ignoredColumns: z.array(z.string()),
  duplicatesMerged: Count,
  added: Count.optional(),
  updated: Count.optional(),
  unchanged: Count.optional(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

// ---------------------------------------------------------------------------------------------
// Admins: users, tokens, sources, Slack webhook

export const DashboardRoleSchema = z.enum(['rep', 'marketer', 'admin']);

// ---------------------------------------------------------------------------------------------
// Sign-in: GET/POST /api/session (409: several teams), GET /api/team

export const SessionSchema = z.object({
  user: z.object({ name: z.string(), email: z.string(), role: DashboardRoleSchema }),
  team: z.object({ name: z.string() }),
  /** Sent back as X-CSRF-Token on every state change. */
  csrfToken: z.string().min(1),
});
export type Session = z.infer<typeof SessionSchema>;

/** The 409 answer to a sign-in whose e-mail and password open accounts in several teams. */
export const TeamChoiceSchema = z.object({ error: z.string(), teams: z.array(z.object({ id: z.string(), name: z.string() })) });

export const TeamSchema = z.object({
  team: z.object({ name: z.string() }),
  users: z.array(
    z.object({ id: z.string(), name: z.string(), email: z.string(), role: DashboardRoleSchema, disabled: z.boolean(), lastSeenAt: TimestampSchema.nullable() }),
  ),
});
export type Team = z.infer<typeof TeamSchema>;

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: DashboardRoleSchema,
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  lastSeenAt: TimestampSchema.nullable(),
});
export const UsersSchema = z.object({ users: z.array(UserSchema) });
export const NewUserSchema = z.object({ email: z.email(), name: z.string().min(1).max(200), role: DashboardRoleSchema });
export const UserUpdateSchema = z.object({ role: DashboardRoleSchema.optional(), disabled: z.boolean().optional() });

export const TokenSchema = z.object({
  id: z.string(),
  userId: z.string(),
  user: z.string(),
  label: z.string(),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema.nullable(),
  revoked: z.boolean(),
  lastUsedAt: TimestampSchema.nullable(),
});
export const TokensSchema = z.object({ tokens: z.array(TokenSchema) });
export const NewTokenSchema = z.object({ userId: z.string().min(1), label: z.string().max(200).default(''), days: z.number().int().min(1).max(366).default(90) });
/** The token itself is in this answer only: it is stored hashed. */
export const CreatedTokenSchema = z.object({ token: TokenSchema, secret: z.string() });

export const SourceStatusSchema = z.object({
  kind: z.enum(['hubspot', 'mautic']),
  /** The source's settings without its secrets. */
  config: z.record(z.string(), z.unknown()),
  lastSyncAt: TimestampSchema.nullable(),
  lastSyncError: z.string().nullable(),
  catalogCount: Count.nullable(),
  syncing: z.boolean(),
  /**
   * The team's main source (the first of `sources`): forwarded verdicts go to it, and its answers
   * come first in a brief merged from several systems. The others are read beside it.
   */
  main: z.boolean().default(false),
});
export const SourcesSchema = z.object({
  /** Every source of the team, at most one per kind, the main one first. */
  sources: z.array(SourceStatusSchema),
  /** The Slack webhook's host, never its URL (the URL is the secret). */
  slackWebhookHost: z.string().nullable(),
});
export const TestConnectionSchema = z.object({ ok: z.boolean(), message: z.string() });
/**
 * PUT /api/sources/:kind: the settings (lib/schema/sources.ts's HubSpot or Mautic source, `kind` may be
 * left out) and the secrets by name (HubSpot: token; Mautic: password or clientSecret). A secret left
 * out keeps the stored one when the kind stays the same.
 */
export const SourceUpdateSchema = z.object({
  config: z.record(z.string(), z.unknown()).default({}),
  secrets: z.record(z.string(), z.string().min(1)).default({}),
  /** Make this source the main one. A new kind otherwise goes after the team's other sources. */
  main: z.boolean().optional(),
});
/** DELETE /api/sources/:kind and POST /api/sources/:kind/main answer what changed, in words. */
export const SourceChangedSchema = z.object({ message: z.string() });
/** PUT /api/sources/:kind answers the source as stored, and the connection test run before saving (a failed test does not stop the save). */
export const SourceSavedSchema = z.object({ source: SourceStatusSchema, test: TestConnectionSchema });
/** POST /api/sources/:kind/sync: whether a sync was queued (false: one is already waiting), in words. */
export const SyncQueuedSchema = z.object({ queued: z.boolean(), message: z.string() });
/** PUT /api/webhook { url } and DELETE /api/webhook answer the webhook's host, never its URL. */
export const WebhookUpdateSchema = z.object({ url: z.string().min(1) });
export const WebhookStatusSchema = SourcesSchema.pick({ slackWebhookHost: true });

// ---------------------------------------------------------------------------------------------
// GET /api/digest?week=YYYY-MM-DD (a Monday; default: the last full week), POST /api/digest/send

export const DigestSchema = z.object({
  week: PeriodSchema,
  team: z.string(),
  demosBySource: z.array(z.object({ channel: ChannelSchema.nullable(), demosBooked: Count, previous: Count })),
  bestContent: z.array(z.object({ contentId: z.string(), title: z.string(), opened: Count, linkCopied: Count, useful: Count, openedForDemoLeads: Count })),
  neverUsed: z.array(z.object({ contentId: z.string(), title: z.string() })),
  newRequests: z.array(FieldRequestSchema),
  pastSla: FollowUpSchema.shape.pastSla,
});
export type Digest = z.infer<typeof DigestSchema>;
export const DigestSentSchema = z.object({ sent: z.boolean(), message: z.string() });
