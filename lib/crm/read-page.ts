import { inOneRead, knownShadowRoots } from './dom';
import { tidyName } from './generic-reader';
import { loadedGenericReader } from './generic-reader-holder';
import type { CrmDetector, PageIdentity, RecordMatch } from './types';

/**
 * One read of a record page, in layers: the CRM's own selectors first (they know its markup, and
 * which record a page of several people shows), then the generic reader for whatever they missed,
 * so a CRM release that renames its classes costs nothing the page still shows in plain sight.
 * `ownSelectorsOnly` leaves the generic layer out: for the read just after the URL change's frame, when
 * a CRM that keeps records rendered shows the person at once, and a page still loading shows only
 * its spinner, navigation and signed-in user, which the generic reader would walk for nothing.
 * A full read that wants the generic layer before it is injected (generic-reader-holder.ts) reads
 * as `ownSelectorsOnly` does, and says so (`genericPending`): the caller has it brought and reads
 * again. The first read never asks: a page still loading would bring the reader to every CRM page.
 */
export function readPageIdentity(detector: CrmDetector, doc: Document, match: RecordMatch, ownSelectorsOnly = false): PageIdentity {
  return inOneRead(() => {
    const own = detector.readIdentity(doc, match);
    if (own.otherRecord) return {};
    const name = tidyName(own.name);
    // Not a person: the record alone, no name or address a lookup could take for a person's.
    if (own.notAPerson) return { record: own.record, notAPerson: true };
    const complete = { ...own, name };
    // A page whose record the CRM's selectors settled (or a URL that is the person) needs no more.
    if (name && own.email && (own.record || !match.personFromPage)) return complete;
    const reader = loadedGenericReader();
    if (ownSelectorsOnly || !reader) {
      // Which person a page of several shows is the generic layer's to help decide: none yet.
      const partial = match.personFromPage && !own.record ? {} : complete;
      return ownSelectorsOnly ? partial : { ...partial, genericPending: true };
    }
    const generic = reader(doc, !match.personFromPage, knownShadowRoots());
    const merged: PageIdentity = { ...complete, name: name ?? generic.name, email: own.email ?? generic.email };
    return detector.completeIdentity ? detector.completeIdentity(merged, generic, match, doc) : merged;
  });
}

/** The record a page reports, as the variant corpus states it: the person's record when the page names one. */
export function readRecordPage(detector: CrmDetector, doc: Document, match: RecordMatch) {
  const identity = readPageIdentity(detector, doc, match);
  const record = identity.record ?? match;
  return { crm: match.crm, type: record.objectType, id: record.recordId, email: identity.email, name: identity.name };
}
