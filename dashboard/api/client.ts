import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ErrorBodySchema } from '@/lib/schema/rest-api';
import { MESSAGE_CODE } from '@/lib/schema/coded-text';

/**
 * The dashboard's one way to call the team server's /api: same-origin, the session cookie, every
 * answer parsed with the contract's schema (lib/schema/dashboard.ts), and the CSRF token from the
 * session answer on every state change. An error the server answers with a known `code` is worded
 * in the UI's language (lib/i18n `messages:server.*`, any `detail` it passes on quoted after it); an
 * unknown code or none (an older or newer server, a proxy) shows the server's own English `error`.
 */

/** The page's translator, for the client's own error texts; App sets it whenever the language changes. */
let t: TFunction<'dashboard'> | undefined;
export function setApiTranslator(next: TFunction<'dashboard'>): void {
  t = next;
}
const say = (key: 'api.failedStatus' | 'api.unreachable' | 'api.badShape', values: Record<string, string | number>, english: string) => (t ? t(key, values) : english);

/** A sentence no catalogue has: how `t` says a key is missing without falling back to English. */
const MISSING = '\u0000';

/** The server's error in the UI's words when its code is one this build knows; undefined otherwise. */
function wordServerError(body: z.infer<typeof ErrorBodySchema>): string | undefined {
  if (!t || !body.code || !MESSAGE_CODE.test(body.code)) return undefined;
  const params = body.params ?? {};
  const count = params.count === undefined ? {} : { count: Number(params.count) };
  // The key is the server's runtime code; the mapping test checks every code has words in every locale.
  const worded = (t as unknown as (key: string, options: object) => string)(`messages:${body.code}`, { ...params, ...count, defaultValue: MISSING });
  if (!worded || worded === MISSING) return undefined;
  return body.detail ? `${worded} “${body.detail}”` : worded;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The answer's JSON, for callers that need more than the message (the 409 team choice). */
    readonly body: unknown = undefined,
    /** Seconds, from a 429's Retry-After. */
    readonly retryAfter: number | undefined = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;
/** Set from the session answer (sign-in or GET /api/session); cleared on sign-out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Told when any call answers 401: the session ended (expired, signed out elsewhere). */
let onSignedOut: (() => void) | undefined;
export function whenSignedOut(listener: (() => void) | undefined): void {
  onSignedOut = listener;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function errorFrom(response: Response, what: string): Promise<ApiError> {
  let body: unknown;
  const status = `${response.status} ${response.statusText}`.trim();
  let message = say('api.failedStatus', { what, status }, `${what} failed: the server answered ${status}`);
  try {
    body = await response.json();
    const parsed = ErrorBodySchema.safeParse(body);
    if (parsed.success && parsed.data.error) message = wordServerError(parsed.data) ?? parsed.data.error;
  } catch {
    // Not JSON (a proxy's error page): the status line says enough.
  }
  const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
  return new ApiError(message, response.status, body, retryAfter);
}

/**
 * Calls /api`path` and parses the answer with `schema` (`null` for answers without a body).
 * `what` names the call in error messages ("Loading the overview"), already in the UI's language.
 */
export async function call<T>(
  method: Method,
  path: string,
  schema: z.ZodType<T> | null,
  options: { body?: unknown; what: string; signal?: AbortSignal; /** A file sent as it is (the import), with its type. */ file?: { text: string; type: string } },
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = options.file.type;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: options.file ? options.file.text : options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(say('api.unreachable', { what: options.what }, `${options.what} failed: the Leadside server could not be reached.`), 0);
  }
  if (!response.ok) {
    const error = await errorFrom(response, options.what);
    if (response.status === 401 && path !== '/session') onSignedOut?.();
    throw error;
  }
  if (schema === null) return undefined as T;
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = `${issue?.path.join('.') || 'answer'}: ${issue?.message ?? 'invalid'}`;
    throw new ApiError(
      say('api.badShape', { detail }, `The server's answer did not have the expected shape (${detail}): the server and this page may be of different versions; reload the page.`),
      response.status,
    );
  }
  return parsed.data;
}

export const apiGet = <T>(path: string, schema: z.ZodType<T>, what: string, signal?: AbortSignal) => call('GET', path, schema, { what, signal });
