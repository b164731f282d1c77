/**
 * Property names that live only inside one content script's bundle: the detectors' methods and the
 * readers' own working objects. None is ever in a runtime message, in storage or on a DOM object, so
 * the content-script build (wxt.config.ts) may rename them to a letter or two, as it does variables:
 * ~180 B gzipped of each script's 15 KB. Names that cross a boundary (`recordId`, `personFromPage`,
 * `email`…), a DOM or JavaScript name (`matches`) or a key of a schema a script parses (a CRM API
 * answer's `emails`) must never be listed, nor the members of what crosses between a content script
 * and the generic reader the worker injects beside it (a bundle of its own, whose names are kept: the
 * `GenericReading` it returns, the `ShadowRoots` it is handed); private-properties.test.ts holds the
 * list to that.
 */
export const CONTENT_SCRIPT_PRIVATE_PROPERTIES = [
  'readIdentity',
  'fetchIdentity',
  'completeIdentity',
  'personChangesInPlace',
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
  'corner',
  'leadId',
  'expanded',
  'spellings',
  'initials',
  'genericPending',
] as const;
