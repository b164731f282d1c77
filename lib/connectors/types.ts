import type { ContentEvent, ContentItem, FeedbackItem, LeadProfile } from '@/lib/schema';
import type { RequestStatuses } from '@/lib/schema/dashboard';
import type { LeadLook } from '@/lib/schema/feedback';
import type { FieldSignals, TeamStats } from '@/lib/schema/rest-api';
import type { CrmId } from '@/lib/schema/record';
import type { CodedText } from '@/lib/schema/coded-text';

/** What a connector gets to find a lead: the CRM record, and whatever of the person the page showed. */
export interface LookupQuery {
  crm: CrmId;
  recordId: string;
  /**
   * The CRM's kind of record ("contact", "lead", "person"), when known: a HubSpot lead's id (Sales
   * Hub's Leads) is no contact id, though the two are alike.
   */
  objectType?: string;
  email?: string;
  name?: string;
}

/** One line of a profile search, for the rep correcting a wrong match. */
export interface ProfileSummary {
  id: string;
  name?: string;
  email?: string;
  company?: string;
}

/** One interface for every marketing system (demo, REST gateway, HubSpot, Mautic, file import). */
export interface Connector {
  readonly id: string;
  readonly label: string;
  /** The lead's marketing profile, or null when the marketing system does not know this person. */
  findProfile(query: LookupQuery, signal: AbortSignal): Promise<LeadProfile | null>;
  /** A profile by the marketing system's own id (a rep's chosen match), or null when it is gone. */
  getProfile(id: string, signal: AbortSignal): Promise<LeadProfile | null>;
  /** Profiles whose name, e-mail or company match the text, best first. */
  searchProfiles(text: string, signal: AbortSignal): Promise<ProfileSummary[]>;
  /** The whole content catalog (connectors page through the vendor's API themselves). */
  listContent(signal: AbortSignal): Promise<ContentItem[]>;
  /**
   * Delivers a batch from the outbox. Answers one result per entry, in any order; throws only when
   * the whole batch failed the same way (auth, network, rate limit), which the outbox retries.
   */
  deliver(entries: readonly OutboxEntry[], signal: AbortSignal): Promise<DeliveryResult[]>;
  /**
   * How long the outbox waits before resending a batch that got no answer. Receivers that dedup by
   * id (the Leadside server, a REST gateway) need no wait; vendors whose notes are looked for before
   * being created again (HubSpot, Mautic) need their search index to show the note first.
   */
  resendSettleMs?: number;
  /** Checks each capability separately, reporting the vendor's own error text. */
  testConnection(signal: AbortSignal): Promise<CapabilityCheck[]>;
  /**
   * The whole team's content use and lead verdicts from `since` on (ISO timestamp; undefined = all
   * time), for Insights. Only systems that collect every rep's events have it (the Leadside server, a
   * gateway answering `/stats`); null when this one answers that it has none (404).
   */
  teamStats?(since: string | undefined, signal: AbortSignal): Promise<TeamStats | null>;
  /**
   * What marketing did with this rep's own content requests and prospect questions (new, planned,
   * published with the item that answers it), for the side panel. Only the Leadside server has it
   * for sure; null when this system answers that it has none (a gateway's 404).
   */
  requestStatuses?(signal: AbortSignal): Promise<RequestStatuses | null>;
  /**
   * The team's ratings and opens per content item and segment of leads, for the ranker to learn from
   * the field (lib/suggest/field.ts). Only systems that collect every rep's feedback have it (the
   * Leadside server, a gateway answering `/field-signals`); null when this one answers that it has
   * none (404), and then the rep's own ratings and opens in this browser stand in.
   */
  fieldSignals?(signal: AbortSignal): Promise<FieldSignals | null>;
}

/** One item waiting in the outbox, as a connector sees it. */
export type OutboxEntry = (
  | { kind: 'feedback'; item: FeedbackItem }
  | { kind: 'event'; item: ContentEvent }
  /** The rep's first look at a lead (only queued for sources that take deliveries: the Leadside server, a REST gateway). */
  | { kind: 'look'; item: LeadLook }
) & {
  /** The idempotency id (the item's own id): the receiver must never store it twice. */
  id: string;
  attempts: number;
  /**
   * The last attempt ended without an answer (timeout, dropped connection): it may have been stored.
   * Connectors that cannot dedup by id (vendor notes) look for it before sending again.
   */
  unclear: boolean;
  /** The vendor's id for it, when an earlier attempt got that far. */
  remoteId?: string;
};

export type DeliveryResult =
  | { id: string; outcome: 'delivered'; remoteId?: string }
  /** Worth trying again later (a 5xx for this item, a lock). `coded`: the reason as a code, for the page to word. */
  | { id: string; outcome: 'retry'; error: string; coded?: CodedText }
  /** Never worth retrying as it is (a 400 for this item): kept, shown as failed, with the reason. */
  | { id: string; outcome: 'rejected'; error: string; coded?: CodedText }
  /** This system has no place for this kind of item (content events or looks in a CRM-style tool). */
  | { id: string; outcome: 'unsupported' };

export type Capability = 'auth' | 'lookup' | 'content' | 'write';
export interface CapabilityCheck {
  capability: Capability;
  ok: boolean;
  /** What worked, or the vendor's own error text (English: logs, older pages). */
  message: string;
  /** The same as a code the page words in the rep's language (lib/connectors/message-codes.ts). */
  coded?: CodedText;
}

export type ConnectorErrorKind = 'auth' | 'not-found' | 'rate-limited' | 'timeout' | 'network' | 'malformed' | 'server' | 'rejected';

/**
 * A failure worded for the rep or admin who sees it, with the kind the caller can act on. `message`
 * is English (logs, support, briefs stored before codes existed); `coded` is the same failure as a
 * code and parameters (lib/connectors/message-codes.ts) that each page words in the rep's language.
 */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly retryAfterMs?: number,
    /** The system that answered so ("HubSpot", "Mautic"), so the panel can name it and offer to reconnect it. */
    readonly system?: string,
    readonly coded?: CodedText,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
