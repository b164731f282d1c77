import type { CrmId } from '@/lib/schema/record';

/** What the URL alone tells us: which CRM, which kind of record, which id. */
export interface RecordMatch {
  crm: CrmId;
  objectType: string;
  recordId: string;
}

/** Who the page shows. Any part may be missing (not rendered yet, hidden field, no email on file). */
export interface PageIdentity {
  name?: string;
  email?: string;
  company?: string;
}

export interface CrmDetector {
  crm: CrmId;
  /** Manifest match patterns: these become the content script's matches and the host permissions. */
  matches: readonly string[];
  /** Pure: the record a URL points at, or null for any other page of the CRM. */
  matchUrl(url: URL): RecordMatch | null;
  /** Reads the visible record's person from the page; never throws. */
  readIdentity(doc: Document, match: RecordMatch): PageIdentity;
  /**
   * URLs that must and must not match. A test turns every row into a case and fails when a detector
   * ships without them, so a detector cannot grow without its evidence.
   */
  testUrls: {
    match: ReadonlyArray<readonly [url: string, expected: Omit<RecordMatch, 'crm'>]>;
    noMatch: readonly string[];
  };
}
