import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * The server's tables as Kysely sees them. Every table is keyed by `team_id`: a query that forgets
 * the team cannot find a row by id alone. Timestamps are `timestamptz` (read back as Date, written as
 * Date or ISO string); `day` is a UTC calendar day written as 'YYYY-MM-DD'.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb: written through `jsonb()` (server/db/json.ts) so the pg and PGlite drivers agree, read back parsed. */
type Json<T> = ColumnType<T, string, string>;
/** PostgreSQL's bigint arrives as a string from `pg`; counts are small enough for int. */
type Count = ColumnType<number, number, number>;

export type Role = 'rep' | 'marketer' | 'admin';

export interface TeamsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  team_id: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
  /** scrypt, salted, with its parameters (server/dashboard/password.ts); null = no dashboard sign-in. */
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TokensTable {
  team_id: string;
  id: string;
  user_id: string;
  /** sha256 hex of the token: the token itself is shown once and never stored. */
  token_hash: string;
  label: string;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface ProfilesTable {
  team_id: string;
  id: string;
  email_lower: string | null;
  name: string | null;
  company: string | null;
  /** The LeadProfile without its page views (those live in page_views). */
  profile: Json<unknown>;
  updated_at: Timestamp;
  /** When the server first stored the lead (migration 0008): its qualification time when the profile carries none. */
  first_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProfileCrmIdsTable {
  team_id: string;
  crm: string;
  record_id: string;
  profile_id: string;
}

export interface PageViewsTable {
  team_id: string;
  /**
   * How the page view names its lead, exactly as lib/import/keys.ts does: `id:<profile id>` or
   * `email:<lower-cased e-mail>`. A page-view file may arrive before the profiles it belongs to, so
   * the link is by key, resolved when a profile is read (pageViewOwnerKeys).
   */
  profile_key: string;
  url: string;
  viewed_at: Timestamp;
  title: string;
  duration_sec: number | null;
  visit_id: string;
}

export interface ContentTable {
  team_id: string;
  id: string;
  /** Catalog order: the order of the import file (or the demo dataset). */
  position: number;
  item: Json<unknown>;
  updated_at: Timestamp;
  retired_at: Timestamp | null;
  /** null: imported or sent through the API; else the vendor kind ('hubspot', 'mautic') whose sync listed it. */
  origin: ColumnType<string | null, string | null | undefined, string | null>;
  /** The fields a marketer changed in the dashboard (a CatalogEdit), laid over the vendor's item by its sync (migration 0009). */
  edited: ColumnType<unknown, string | null | undefined, string | null>;
  /** The dashboard user who retired the item; null when a sync retired it or it is not retired (migration 0009). */
  retired_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DeliveriesTable {
  team_id: string;
  /** The item's idempotency id: PRIMARY KEY (team_id, id) makes each delivery stored exactly once. */
  id: string;
  kind: 'feedback' | 'event' | 'look';
  user_id: string;
  /** JSON.stringify of the validated item, as it was delivered. */
  payload: string;
  received_at: CreatedAt;
}

export interface FeedbackTable {
  team_id: string;
  id: string;
  user_id: string;
  lead_key: string;
  /** How requests name the lead: its name, else e-mail, else CRM record id (as lib/insights does). */
  lead_label: string;
  kind: 'verdict' | 'content_rating' | 'content_request' | 'prospect_question';
  verdict: string | null;
  content_id: string | null;
  useful: boolean | null;
  text: string | null;
  channel: string | null;
  campaign: string | null;
  created_at: Timestamp;
  /** A verdict's reason chips (a JSON array of strings) and note; null on other kinds (migration 0008). */
  reasons: ColumnType<string[] | null, string | null | undefined, string | null>;
  note: ColumnType<string | null, string | null | undefined, string | null>;
  /** The marketing profile the lead is, when the server could tell (migration 0008). */
  profile_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ContentEventsTable {
  team_id: string;
  id: string;
  user_id: string;
  content_id: string;
  type: 'suggested' | 'opened' | 'link_copied';
  at: Timestamp;
  lead_key: string | null;
  channel: string | null;
  campaign: string | null;
}

export interface ContentDailyTable {
  team_id: string;
  day: ColumnType<string, string, never>;
  content_id: string;
  user_id: string;
  suggested: Count;
  opened: Count;
  link_copied: Count;
}

/** A team's marketing system, synced and looked up by the server (server/sources). */
export interface TeamSourcesTable {
  team_id: string;
  kind: 'hubspot' | 'mautic';
  /** The team's order of its sources (migration 0011): the lowest is the main one, which gets forwarded verdicts. */
  position: ColumnType<number, number | undefined, number>;
  /** The HubSpotSource / MauticSource, validated with lib/schema/sources.ts. */
  config: Json<unknown>;
  /** The SourceSecrets as AES-256-GCM ciphertext (server/sources/secrets-crypto.ts), never plain text. */
  secrets: string;
  last_sync_at: Timestamp | null;
  last_sync_error: string | null;
  catalog_count: number | null;
  /** Set while a sync runs: the lease that keeps two syncs of one team apart. */
  sync_started_at: Timestamp | null;
  updated_at: Timestamp;
}

/** content_daily summed over the team's reps, kept by a trigger on it (migration 0004). */
export interface ContentTeamDailyTable {
  team_id: string;
  day: ColumnType<string, string, never>;
  content_id: string;
  suggested: Count;
  opened: Count;
  link_copied: Count;
}

/** A team's Slack incoming webhook (migration 0006): the URL is AES-256-GCM ciphertext, like vendor secrets. */
export interface TeamWebhooksTable {
  team_id: string;
  url: string;
  host: string;
  updated_at: Timestamp;
}

/** One verdict or field request on its way to one of the team's systems (server/forwarding). */
export interface ForwardsTable {
  team_id: string;
  delivery_id: string;
  target: 'vendor' | 'slack';
  state: ColumnType<'pending' | 'sent' | 'failed', 'pending' | 'sent' | 'failed' | undefined, 'pending' | 'sent' | 'failed'>;
  attempts: ColumnType<number, number | undefined, number>;
  unclear: ColumnType<boolean, boolean | undefined, boolean>;
  remote_id: string | null;
  last_error: string | null;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  claim_id: string | null;
  lease_until: Timestamp | null;
  created_at: CreatedAt;
  settled_at: Timestamp | null;
}

/** A dashboard sign-in (migration 0007): the cookie carries the secret, only its sha256 is stored. */
export interface SessionsTable {
  team_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  /** What state-changing dashboard requests must echo in X-CSRF-Token. */
  csrf_token: string;
  created_at: Timestamp;
  /** The absolute end, however active the session. */
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** One failed dashboard sign-in, by lower-cased e-mail (known or not): what the lockout counts. */
export interface SignInFailuresTable {
  email_lower: string;
  at: Timestamp;
}

/** The status marketing gave a content request or prospect question (migration 0009); no row = new. */
export interface FieldRequestStatusTable {
  team_id: string;
  feedback_id: string;
  status: 'new' | 'planned' | 'published';
  /** The catalog item that answers the request, when published. */
  content_id: string | null;
  changed_at: Timestamp;
  /** The marketer's or admin's user id. */
  changed_by: string;
}

/** The first time each rep opened a lead's record (a `look` delivery, migration 0008): the earliest is kept. */
export interface LeadLooksTable {
  team_id: string;
  profile_id: string;
  user_id: string;
  first_at: Timestamp;
  lead_key: string;
  lead_label: string;
  channel: string | null;
  campaign: string | null;
}

/** A team's dashboard settings (migration 0008); follow_up null = DEFAULT_FOLLOW_UP_SETTINGS. */
export interface TeamSettingsTable {
  team_id: string;
  follow_up: ColumnType<unknown, string | null | undefined, string | null>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Content events per UTC day, rep and lead channel ('' = none), kept with each event insert (migration 0008). */
export interface ContentSourceDailyTable {
  team_id: string;
  day: ColumnType<string, string, never>;
  user_id: string;
  channel: string;
  suggested: ColumnType<number, number | undefined, number>;
  opened: Count;
  link_copied: ColumnType<number, number | undefined, number>;
}

/** The weekly digest of a team and ISO week (migration 0010): claimed before it is posted, so no week goes out twice. */
export interface DigestsTable {
  team_id: string;
  /** The week's Monday, 'YYYY-MM-DD'. */
  week_start: ColumnType<string, string, never>;
  state: 'sending' | 'sent' | 'failed' | 'unclear';
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  claimed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  sent_at: Timestamp | null;
  trigger: 'schedule' | 'manual';
}

export interface Tables {
  teams: TeamsTable;
  users: UsersTable;
  tokens: TokensTable;
  profiles: ProfilesTable;
  profile_crm_ids: ProfileCrmIdsTable;
  page_views: PageViewsTable;
  content: ContentTable;
  deliveries: DeliveriesTable;
  feedback: FeedbackTable;
  content_events: ContentEventsTable;
  content_daily: ContentDailyTable;
  content_team_daily: ContentTeamDailyTable;
  team_sources: TeamSourcesTable;
  team_webhooks: TeamWebhooksTable;
  forwards: ForwardsTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  lead_looks: LeadLooksTable;
  team_settings: TeamSettingsTable;
  content_source_daily: ContentSourceDailyTable;
  field_request_status: FieldRequestStatusTable;
  digests: DigestsTable;
}

export type User = Selectable<UsersTable>;
export type Token = Selectable<TokensTable>;
export type NewFeedback = Insertable<FeedbackTable>;
export type NewContentEvent = Insertable<ContentEventsTable>;
