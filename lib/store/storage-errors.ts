import { coded, type CodedText } from '@/lib/schema/coded-text';

/** The codes of storage failures, for the pages to word (lib/i18n `messages:storage.*`); none takes parameters. */
export const STORAGE_CODES = { 'storage.full': [], 'storage.newerVersion': [], 'storage.cannotOpen': [] } as const satisfies Record<string, readonly string[]>;

/** The code of an IndexedDB failure a person can act on, or undefined for any other error. */
export function storageErrorCode(error: unknown): CodedText | undefined {
  const names = errorNames(error);
  if (names.has('QuotaExceededError')) return coded('storage.full');
  if (names.has('VersionError')) return coded('storage.newerVersion');
  if (OPEN_FAILURES.some((name) => names.has(name))) return coded('storage.cannotOpen');
  return undefined;
}

const OPEN_FAILURES = ['OpenFailedError', 'DatabaseClosedError', 'InvalidStateError', 'UnknownError'];

/**
 * What a person can do about an IndexedDB failure, in words: the browser's own messages ("The
 * operation failed for reasons unrelated to the database itself") say nothing a rep can act on.
 * Dexie wraps the browser's error and keeps it as `inner`; both names are checked.
 */
export function describeStorageError(error: unknown): string | undefined {
  const names = errorNames(error);
  if (names.has('QuotaExceededError')) {
    return 'This browser has no room left for Leadside\'s data. Free some: Options → "Keep lead data" for fewer days, or Clear all local data (it offers to export what is not delivered yet), or free disk space.';
  }
  if (names.has('VersionError')) {
    return 'Leadside\'s local data was written by a newer version of Leadside. Update the extension, or remove and reinstall it.';
  }
  if (OPEN_FAILURES.some((name) => names.has(name))) {
    return 'Leadside could not open its local data in this browser (it may be blocked by another window or damaged). Close other Leadside windows and restart the browser; if this stays, Options → Clear all local data starts it afresh.';
  }
  return undefined;
}

function errorNames(error: unknown): Set<string> {
  const names = new Set<string>();
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') names.add(name);
    current = inner;
  }
  return names;
}

/**
 * Asks the browser to keep Leadside's data under storage pressure (the rep's undelivered feedback
 * lives there). Only pages can ask, not the worker; a refusal changes nothing else.
 */
export async function askForPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persisted?.()) || ((await navigator.storage?.persist?.()) ?? false);
  } catch {
    return false;
  }
}
