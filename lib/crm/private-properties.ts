/**
 * Property names that live only inside one content script's bundle: the detectors' methods and the
 * readers' own working objects. None is ever in a runtime message, in storage or on a DOM object, so
 * the content-script build (wxt.config.ts) may rename them to a letter or two, as it does variables:
 * ~180 B gzipped of each script's 15 KB. Names that cross a boundary (`recordId`, `personFromPage`,
 * `email`…), a DOM or JavaScript name (`matches`) or a key of a schema a script parses (a CRM API
 * answer's `emails`) must never be listed; private-properties.test.ts holds the list to that.
 */
export const CONTENT_SCRIPT_PRIVATE_PROPERTIES = [
  'readIdentity',
  'fetchIdentity',
  'completeIdentity',
  'personChangesInPlace',
  'emailElement',
  'namedElements',
  'nameParts',
  'withNextChange',
  'notAPerson',
  'otherRecord',
  'ownElements',
  'onRecordUrl',
  'onNoRecord',
  'identityTimeoutMs',
  'isInvalid',
  'labelled',
  'titles',
  'headings',
  'blanks',
  'holder',
  'hosts',
  'shownRoots',
  'scopes',
  'timer',
  'covered',
  'settle',
  'staleGraceMs',
  'noteAdded',
  'corner',
  'leadId',
  'expanded',
  'spellings',
  'initials',
] as const;
