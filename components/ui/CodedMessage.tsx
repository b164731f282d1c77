import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { CodedError, type CodedCause, type CodedText } from '@/lib/schema/coded-text';
import { codedOf } from '@/lib/connectors/message-codes';
import { storageErrorCode } from '@/lib/store/storage-errors';

/**
 * A worker's, connector's or server's message in the reader's language: its code worded through the
 * `messages` namespace (lib/i18n/resources/<locale>/messages.json), its parameters filled in, and a
 * vendor's or the browser's own words (`detail`) quoted after it as they came, marked
 * translate="no" like lead data. A message without a code, or with one this build does not know
 * (data stored by an older release, a newer server), shows its English `fallback`: plainly, so the
 * pseudo-locale check catches any that a current path still sends uncoded.
 */
export function CodedMessage({ coded, fallback, testId = 'system-message' }: { coded?: CodedText; fallback?: string; testId?: string }) {
  const { i18n } = useTranslation('messages');
  const worded = coded && wordCoded(i18n, coded);
  if (!worded) {
    return fallback ? <span data-testid={testId}>{fallback}</span> : null;
  }
  return (
    <span data-testid={testId} data-code={coded.code}>
      {worded.text}
      {worded.details.map((detail, index) => (
        <span key={index}>
          {' '}
          <q translate="no" className="vendor-words">
            {detail}
          </q>
        </span>
      ))}
    </span>
  );
}

/** The sentence for a code in the instance's language, and the quoted details that follow it; undefined for an unknown code. */
export function wordCoded(i18n: I18n, coded: CodedText): { text: string; details: string[] } | undefined {
  const own = wordOne(i18n, coded);
  if (own === undefined) return undefined;
  const cause = coded.cause && wordOne(i18n, coded.cause);
  const text = own.replace(CAUSE_SLOT, cause ?? '').trim();
  const details = [coded.detail, coded.cause && (cause === undefined ? undefined : coded.cause.detail)].filter((detail): detail is string => !!detail);
  return { text, details };
}

/** Where a message's cause goes; filled after i18next has interpolated the rest, so a cause is never re-read as a template. */
const CAUSE_SLOT = '\u0000cause\u0000';

function wordOne(i18n: I18n, message: CodedCause): string | undefined {
  const key = `messages:${message.code}`;
  if (!i18n.exists(key, message.params?.count === undefined ? undefined : { count: Number(message.params.count) })) return undefined;
  // The key is a runtime code, so it cannot be typed against the catalogue; the mapping test checks every code.
  const t = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  const system = typeof message.params?.system === 'string' ? systemName(i18n, message.params.system) : undefined;
  return t(key, {
    ...message.params,
    ...(system === undefined ? {} : { system }),
    cause: CAUSE_SLOT,
    ...(message.params?.count === undefined ? {} : { count: Number(message.params.count) }),
  });
}

/**
 * A source as connectors name it, in the reader's words: vendors' names (HubSpot, Mautic) are names;
 * Leadside's own sources are English phrases ("Demo data", "The REST gateway (host)") said here.
 */
export function systemName(i18n: I18n, name: string): string {
  const t = i18n.t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const own = /^(Demo data|Imported files|The Leadside server|The REST gateway)(?: \((.+)\))?$/.exec(name);
  if (!own) return name;
  const key = { 'Demo data': 'demo', 'Imported files': 'files', 'The Leadside server': 'leadside', 'The REST gateway': 'rest' }[own[1]!]!;
  const words = t(`messages:system.${key}`);
  return own[2] ? `${words} (${own[2]})` : words;
}

/** The words of a coded message as plain text (a title, a CSV cell), the English fallback for an unknown code. */
export function useCodedText(): (coded: CodedText | undefined, fallback: string) => string {
  const { i18n } = useTranslation('messages');
  return (coded, fallback) => {
    const worded = coded && wordCoded(i18n, coded);
    if (!worded) return fallback;
    return [worded.text, ...worded.details.map((detail) => `“${detail}”`)].join(' ');
  };
}

/**
 * A thrown error in the reader's words, as plain text: a storage failure (IndexedDB full, blocked)
 * or a connector's error by its code, anything else in its own words (a browser's refusal is
 * already in the browser's language).
 */
export function wordError(i18n: I18n, error: unknown): string {
  const code = codeOfError(error);
  const worded = code && wordCoded(i18n, code);
  if (worded) return [worded.text, ...worded.details.map((detail) => `“${detail}”`)].join(' ');
  return error instanceof Error ? error.message : String(error);
}

/** The code of a thrown error: the browser storage's, a connector's, or one the worker sent back. */
export const codeOfError = (error: unknown): CodedText | undefined =>
  storageErrorCode(error) ?? codedOf(error) ?? (error instanceof CodedError ? error.coded : undefined);

/** A thrown error as a CodedMessage: worded by its code, else in its own words. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (error === undefined || error === null || error === '') return null;
  return <CodedMessage coded={codeOfError(error)} fallback={error instanceof Error ? error.message : String(error)} />;
}

/** A coded message as plain text in the instance's language, its details quoted; `fallback` for an unknown code. */
export function wordErrorText(i18n: I18n, coded: CodedText, fallback: string): string {
  const worded = wordCoded(i18n, coded);
  return worded ? [worded.text, ...worded.details.map((detail) => `“${detail}”`)].join(' ') : fallback;
}
