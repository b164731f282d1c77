import type { z } from 'zod';
import { coded, type CodedText, type MessageParam } from '@/lib/schema/coded-text';
import type { ImportKind } from './types';

/**
 * Every code a file import's row error or whole-file refusal carries, with its parameters. The page
 * words each one (lib/i18n `messages:import.*`); the cell's own value is the message's `detail`,
 * quoted as the file had it. lib/i18n/message-codes.test.ts fails when a code has no words in a locale.
 */
export const IMPORT_CODES = {
  // One cell.
  'import.required': [],
  'import.requiredProfileKey': [],
  'import.requiredWhen': ['other'],
  'import.expectedText': [],
  'import.tooLong': ['count'],
  'import.notANumber': [],
  'import.atLeast': ['min'],
  'import.atMost': ['max'],
  'import.expectedYesNo': [],
  'import.notADate': [],
  'import.unknownValue': ['allowed'],
  'import.expectedList': [],
  'import.notAnEmail': [],
  'import.roundedId': [],
  'import.notAUrl': [],
  'import.unknownTimeZone': [],
  'import.clockTime': [],
  'import.languageTag': [],
  'import.tooMany': ['count'],
  'import.notAccepted': [],
  // One row or item.
  'import.expectedObject': [],
  'import.duplicateIdRow': ['first'],
  'import.duplicateIdItem': ['first'],
  'import.cellCount': ['cells', 'columns'],
  'import.oneCell': ['columns'],
  'import.unclosedQuote': [],
  'import.strayQuote': [],
  'import.brokenRow': [],
  // The whole file.
  'import.fileEmpty': [],
  'import.notUtf8': [],
  'import.noHeader': [],
  'import.noRows': [],
  'import.noItems': [],
  'import.notJson': [],
  'import.notJsonArray': ['keys'],
  'import.columnTwice': ['column', 'first', 'second'],
  'import.missingColumns': ['missing', 'found', 'total'],
  'import.missingColumnsLooksLikeProfiles': ['missing', 'found', 'total'],
  'import.missingColumnsLooksLikePageViews': ['missing', 'found', 'total'],
  'import.missingColumnsLooksLikeContent': ['missing', 'found', 'total'],
  'import.otherKindProfiles': ['found'],
  'import.otherKindPageViews': ['found'],
  'import.otherKindContent': ['found'],
} as const satisfies Record<string, readonly string[]>;

export type ImportCode = keyof typeof IMPORT_CODES;
type ParamsOf<C extends ImportCode> = { [K in (typeof IMPORT_CODES)[C][number]]: MessageParam };

/** An import message's code; `value` is the cell as the file had it, quoted after the words. */
export function importText<C extends ImportCode>(code: C, params: ParamsOf<C>, value?: unknown): CodedText {
  return coded(code, params as Record<string, MessageParam>, value === undefined ? undefined : shown(value));
}

/**
 * A cell's value as a message quotes it: on one line, at most 40 characters. Only line breaks and
 * tabs become spaces: any other space stays as written, since a thin or no-break space in "1 250"
 * may be the very reason the cell was refused.
 */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/[\t\n\v\f\r\u2028\u2029]+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** The "looks like another kind of file" variant of a missing-columns refusal. */
export const MISSING_COLUMNS_LOOKS_LIKE: Record<ImportKind, 'import.missingColumnsLooksLikeProfiles' | 'import.missingColumnsLooksLikePageViews' | 'import.missingColumnsLooksLikeContent'> = {
  profiles: 'import.missingColumnsLooksLikeProfiles',
  pageViews: 'import.missingColumnsLooksLikePageViews',
  content: 'import.missingColumnsLooksLikeContent',
};

/** The refusal of a file whose columns are another kind's, though it has the required ones of the chosen kind. */
export const OTHER_KIND: Record<ImportKind, 'import.otherKindProfiles' | 'import.otherKindPageViews' | 'import.otherKindContent'> = {
  profiles: 'import.otherKindProfiles',
  pageViews: 'import.otherKindPageViews',
  content: 'import.otherKindContent',
};

/** Rules of lib/schema known by their message (refinements and regexes have no code of their own). */
const KNOWN_RULES: ReadonlyArray<[RegExp, ImportCode]> = [
  [/IANA time zone/, 'import.unknownTimeZone'],
  [/HH:MM/, 'import.clockTime'],
  [/language tag/, 'import.languageTag'],
];

/** A schema's refusal of one value as a code: zod's issue kind and limits, or a known rule of ours. */
export function issueText(issue: z.core.$ZodIssue, value: unknown): CodedText {
  for (const [pattern, code] of KNOWN_RULES) if (pattern.test(issue.message)) return importText(code, {} as never, value);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return importText('import.required', {}, value);
      return importText('import.atLeast', { min: Number(issue.minimum) }, value);
    case 'too_big':
      if (issue.origin === 'string') return importText('import.tooLong', { count: Number(issue.maximum) }, value);
      if (issue.origin === 'array' || issue.origin === 'set') return importText('import.tooMany', { count: Number(issue.maximum) }, value);
      return importText('import.atMost', { max: Number(issue.maximum) }, value);
    case 'invalid_format':
      if (issue.format === 'email') return importText('import.notAnEmail', {}, value);
      if (issue.format === 'url') return importText('import.notAUrl', {}, value);
      return importText('import.notAccepted', {}, value);
    case 'invalid_value':
      return importText('import.unknownValue', { allowed: issue.values.map(String).join(', ') }, value);
    case 'invalid_type':
      if (value === undefined) return importText('import.required', {});
      return importText('import.notAccepted', {}, value);
    default:
      return importText('import.notAccepted', {}, value);
  }
}
