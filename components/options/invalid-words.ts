import type { TFunction } from 'i18next';
import type { z } from 'zod';

type T = TFunction<'options'>;

/**
 * lib/schema's own messages (English, shared with the server and the API docs) said in the UI's
 * language: the message of a refinement names its rule, so each known one has a key here. A message
 * this table does not know is shown as the schema wrote it, inside a translated frame.
 */
const KNOWN_MESSAGES: ReadonlyArray<[RegExp, Parameters<T>[0]]> = [
  [/^Enter the https:\/\/ address/, 'invalid.httpsAddress'],
  [/^Leave the user name and password out/, 'invalid.noCredentialsInAddress'],
  [/^Leave the \?query out/, 'invalid.noQuery'],
  [/^Leave the #fragment out/, 'invalid.noFragment'],
  [/^Enter a host name like/, 'invalid.hostName'],
  [/^The path pattern starts with \//, 'invalid.pathStart'],
  [/^The path pattern needs exactly one :id/, 'invalid.pathOneId'],
  [/^Unknown IANA time zone/, 'invalid.timeZone'],
  [/^Enter the field alias/, 'invalid.mauticAlias'],
];

/** The form's own name for a settings field, else the schema's path as it is. */
export function fieldName(path: readonly PropertyKey[], t: T): string {
  const named = [...path].reverse().find((key): key is string => typeof key === 'string');
  const label = named ? (t(`fieldNames.${named}` as never, { defaultValue: '' }) as string) : '';
  return label || path.map(String).join('.') || '—';
}

function problem(issue: z.core.$ZodIssue, t: T): string {
  for (const [pattern, key] of KNOWN_MESSAGES) if (pattern.test(issue.message)) return t(key as never) as string;
  switch (issue.code) {
    case 'invalid_type':
      // zod keeps no input in an issue; its own message says the value was missing.
      if (/received undefined$/.test(issue.message)) return t('invalid.required');
      if (issue.expected === 'number' || issue.expected === 'int') return t('invalid.wholeNumber');
      return t('invalid.notAccepted', { detail: issue.message });
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('invalid.required');
      return t('invalid.tooSmall', { minimum: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('invalid.tooLong', { maximum: Number(issue.maximum) });
      if (issue.origin === 'array') return t('invalid.tooMany', { maximum: Number(issue.maximum) });
      return t('invalid.tooBig', { maximum: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'url') return t('invalid.httpsAddress');
      return t('invalid.notAccepted', { detail: issue.message });
    default:
      return t('invalid.notAccepted', { detail: issue.message });
  }
}

/** A refused save in the UI's words: the first few problems, each with the field it is about. */
export function describeInvalid(error: z.ZodError, t: T, maxIssues = 3): string {
  const lines = error.issues.slice(0, maxIssues).map((issue) => t('invalid.field', { field: fieldName(issue.path, t), problem: problem(issue, t) }));
  const more = error.issues.length - maxIssues;
  return more > 0 ? `${lines.join('; ')}; ${t('invalid.more', { count: more })}` : lines.join('; ');
}
