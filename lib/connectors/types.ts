import type { ContentItem, LeadProfile } from '@/lib/schema';
import type { CrmId } from '@/lib/schema/record';

/** What a connector gets to find a lead: the CRM record, and whatever of the person the page showed. */
export interface LookupQuery {
  crm: CrmId;
  recordId: string;
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
  listContent(signal: AbortSignal): Promise<ContentItem[]>;
}

export type ConnectorErrorKind = 'auth' | 'rate-limited' | 'timeout' | 'network' | 'malformed' | 'server';

/** A failure worded for the rep or admin who sees it, with the kind the caller can act on. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
