import { z } from 'zod';

/**
 * A message as a stable code plus its parameters, beside the English text the same failure or note
 * has always carried (which stays for logs, support and data stored before codes existed). Shared
 * code emits the code; each page words it in the rep's language (lib/i18n, namespace `messages`,
 * one key per code). Codes read `family.name` ("source.unauthorized", "import.notAnEmail").
 */
export const MESSAGE_CODE = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;

/** A placeholder's value: a name, a host, a status, a count. Never a sentence of ours (that would be a code). */
export const MessageParamSchema = z.union([z.string().max(500), z.number()]);
export type MessageParam = z.infer<typeof MessageParamSchema>;

const CodedFields = {
  code: z.string().max(80).regex(MESSAGE_CODE, 'A message code reads family.name'),
  params: z.record(z.string().max(40), MessageParamSchema).optional(),
  /**
   * Words a vendor or the browser wrote (an API's error body, a network error, a redirect's
   * address): shown as they came, quoted after the translated sentence, never translated.
   */
  detail: z.string().max(500).optional(),
};

/** The underlying failure a message names ("Older activity could not be read: <cause>"). */
export const CodedCauseSchema = z.object(CodedFields);

export const CodedTextSchema = z.object({ ...CodedFields, cause: CodedCauseSchema.optional() });
export type CodedText = z.infer<typeof CodedTextSchema>;
export type CodedCause = z.infer<typeof CodedCauseSchema>;

/** The longest vendor text kept as a message's detail; the English message keeps what it kept before. */
export const MAX_DETAIL = 300;

/**
 * A coded message, its detail cut to fit. Params that are undefined are left out (an optional part
 * of the sentence, which the catalogues give its own code).
 */
export function coded(code: string, params?: Record<string, MessageParam | undefined>, detail?: string, cause?: CodedText): CodedText {
  const kept = params && Object.fromEntries(Object.entries(params).filter((entry): entry is [string, MessageParam] => entry[1] !== undefined));
  const trimmed = detail?.trim();
  return {
    code,
    ...(kept && Object.keys(kept).length ? { params: kept } : {}),
    ...(trimmed ? { detail: trimmed.length > MAX_DETAIL ? `${trimmed.slice(0, MAX_DETAIL - 1)}…` : trimmed } : {}),
    // One level: the cause's own cause is dropped (its English message still has it).
    ...(cause ? { cause: { code: cause.code, ...(cause.params ? { params: cause.params } : {}), ...(cause.detail ? { detail: cause.detail } : {}) } } : {}),
  };
}

/** An error that crossed a boundary (the worker's answer to a page) with its code, so the page can word it. */
export class CodedError extends Error {
  constructor(
    message: string,
    readonly coded: CodedText,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}
