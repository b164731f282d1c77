import type { CrmId, NonPersonKind } from '@/lib/schema/record';
import type { GenericReading } from './generic-reader';

/** What the URL alone tells us: which CRM, which kind of record, which id. */
export interface RecordMatch {
  crm: CrmId;
  objectType: string;
  recordId: string;
  /**
   * The URL names a record that may not be the person (a Pipedrive deal, a Close lead, a Capsule
   * party): the record is reported at once all the same, and refined to the person's own record
   * (`PageIdentity.record`) once the page says which it is.
   */
  personFromPage?: boolean;
  /**
   * The URL names a record that is not a person (a company, a deal): it is reported as a record all
   * the same, so the side panel says what it is rather than "not a record page", and no layer reads
   * a person from its page. Crosses to the worker on the report (DetectedRecord.nonPerson).
   */
  nonPerson?: NonPersonKind;
}

/** Who the page shows. Any part may be missing (not rendered yet, hidden field, no email on file). */
export interface PageIdentity {
  name?: string;
  email?: string;
  company?: string;
  /** The person's own record, when the URL's record is not the person (see `personFromPage`). */
  record?: { objectType: string; recordId: string; nonPerson?: NonPersonKind };
  /**
   * The page says the record is not a person (a Capsule organisation, a business Account): it is
   * reported as the record it is, and nothing else on it is read as a person.
   */
  notAPerson?: boolean;
  /**
   * The page still shows another record (a CRM re-rendering in place, a page animating away): no
   * layer reads anything from it until it shows this one.
   */
  otherRecord?: boolean;
  /**
   * The read wanted the generic reader, which is not injected yet (generic-reader-holder.ts): what
   * it holds is the CRM's selectors' alone. Never reported.
   */
  genericPending?: boolean;
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
   * Finishes what the CRM's own selectors and the generic reader (read-page.ts) found together,
   * for CRMs whose person is one of several on the record (a Close lead's contacts).
   */
  completeIdentity?(identity: PageIdentity, generic: GenericReading, match: RecordMatch, doc: Document): PageIdentity;
  /**
   * Asks the CRM's own same-origin API (with the rep's session) for the person, for CRMs that offer
   * one; used to fill what the page does not show, such as a hidden e-mail field.
   */
  fetchIdentity?(match: RecordMatch, signal: AbortSignal): Promise<PageIdentity>;
  /**
   * The page can switch to another person while the URL stays the same (a Close lead: the rep expands
   * another of its contacts), so the page is followed for as long as the URL stays, not only until
   * the person is complete.
   */
  personChangesInPlace?: boolean;
}

/**
 * URLs that must and must not match a detector. Each built-in detector's file exports its own, beside
 * the rules they prove; detectors.test.ts turns every row into a case and fails for a detector in the
 * registry without them, so a detector cannot grow without its evidence. Not a field of the detector:
 * the content script on the CRM page has no use for them.
 */
export interface DetectorTestUrls {
  match: ReadonlyArray<readonly [url: string, expected: Omit<RecordMatch, 'crm'>]>;
  noMatch: readonly string[];
}
