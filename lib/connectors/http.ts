import type { z } from 'zod';
import { summarizeZodError } from '@/lib/schema';
import { redactSecrets } from './redact';
import { errorPageText } from './vendor-text';
import { ConnectorError } from './types';
import { connectorText } from './message-codes';
import { backOff, noteRemaining, rateLimitWaitMs, waitForWindow, type RateLimitOptions } from './backoff';

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpOptions {
  /** Named in every error the rep or admin sees ("HubSpot answered 401: …"). */
  vendor: string;
  /** Pulls the vendor's own error text out of an error body. */
  errorText?: (body: unknown, status: number) => string | undefined;
  /**
   * The credentials this call sends (tokens, passwords). A service that echoes one back in its
   * answer never gets it into an error message or the console: it is cut out here, where the
   * answer's text is read, before anything is shortened.
   */
  secrets?: Iterable<string | undefined>;
  /**
   * Share 429 back-off with every call made with the same credentials, and send a call again on its
   * own after a window short enough to wait out (backoff.ts). Without it a 429 fails at once.
   */
  rateLimit?: RateLimitOptions;
}

/**
 * One HTTP call from the background worker, with the failures every connector shares turned into
 * ConnectorErrors worded for people: no answer in time, no network, 401/403 (which token or scope),
 * 404, 429 with Retry-After, 5xx, a body that is not JSON or does not fit the schema. Returns the
 * parsed body, or null for a 404 when the caller allows it.
 */
export async function fetchJson<T>(request: HttpRequest, schema: z.ZodType<T>, options: HttpOptions): Promise<T>;
export async function fetchJson<T>(
  request: HttpRequest,
  schema: z.ZodType<T>,
  options: HttpOptions & { notFoundAsNull: true },
): Promise<T | null>;
export async function fetchJson<T>(
  request: HttpRequest,
  schema: z.ZodType<T>,
  options: HttpOptions & { notFoundAsNull?: boolean },
): Promise<T | null> {
  const redact = (said: string) => redactSecrets(said, options.secrets ?? []);
  const { response, timeout } = await sendWithinRateLimit(request, options, redact);
  if (response.status === 404 && options.notFoundAsNull) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  const text = await readText(response, request, options.vendor, timeout, response.ok);
  const body = parseJson(text);
  if (!response.ok) throw errorFor(response, body, redact(text), options, redact);
  if (body === undefined) {
    const start = errorPageText(redact(text)).slice(0, 80);
    throw new ConnectorError(
      'malformed',
      `${options.vendor} answered with something that is not JSON: ${start}`,
      undefined,
      undefined,
      connectorText('source.notJson', { system: options.vendor }, start),
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // A key or value the schema names could be an echoed secret.
    const summary = redact(summarizeZodError(parsed.error));
    console.warn(`Leadside: ${options.vendor} payload did not validate (${new URL(request.url).pathname}): ${summary}`);
    throw new ConnectorError(
      'malformed',
      `${options.vendor} sent data Leadside could not read: ${summary}`,
      undefined,
      undefined,
      connectorText('source.unreadable', { system: options.vendor }, summary),
    );
  }
  return parsed.data;
}

/**
 * Sends the request, first waiting out a back-off other calls with the same credentials met. A 429
 * closes the window for all of them (for as long as the vendor says) and, while attempts are left
 * and the wait fits, is sent again on its own; otherwise it fails as rate-limited with the wait.
 */
async function sendWithinRateLimit(
  request: HttpRequest,
  options: HttpOptions,
  redact: (said: string) => string,
): Promise<{ response: Response; timeout: AbortSignal }> {
  const limit = options.rateLimit;
  if (!limit) return send(request, options.vendor);
  for (let attempt = 0; ; attempt++) {
    await waitForWindow(limit, options.vendor, request.signal);
    const sent = await send(request, options.vendor);
    const { response } = sent;
    noteRemaining(limit.key, response.headers);
    if (response.status !== 429) return sent;
    const text = await readText(response, request, options.vendor, sent.timeout, false);
    const body = parseJson(text);
    const wait = rateLimitWaitMs(response.headers, body, attempt, rateLimitResetMs(response.headers));
    backOff(limit.key, wait);
    console.info(`Leadside: ${options.vendor} rate limit reached (credentials ${limit.key}); no calls for ${Math.ceil(wait / 1000)} s.`);
    if (attempt < limit.retries && wait <= limit.maxWaitMs) continue;
    throw errorFor(response, body, redact(text), options, redact, wait);
  }
}

/**
 * The most of one answer Leadside reads: a page of vendor records is well under 1 MB, so anything past
 * this is a misconfigured service (or a hostile one) and is refused rather than held in the worker.
 */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

async function send(request: HttpRequest, vendor: string): Promise<{ response: Response; timeout: AbortSignal }> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method ?? 'GET',
      headers: {
        Accept: 'application/json',
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
      // Vendor APIs authenticate with the token we send, never with the browser's cookies.
      credentials: 'omit',
      redirect: 'manual',
    });
  } catch (error) {
    if (timeout.aborted) throw timedOut(vendor, Math.round(request.timeoutMs / 1000));
    if (request.signal?.aborted) throw error;
    const host = new URL(request.url).host;
    const why = error instanceof Error ? error.message : String(error);
    throw new ConnectorError('network', `Could not reach ${vendor} at ${host}: ${why}`, undefined, undefined, connectorText('source.unreachable', { system: vendor, host }, why));
  }
  refuseRedirect(response, vendor);
  return { response, timeout };
}

/**
 * Requests carrying credentials are sent with `redirect: 'manual'` and a redirect is refused here,
 * worded for the admin: following it would hand the token (or a webhook's payload) to an address
 * nobody granted or checked. Browsers answer a manual redirect with an opaque response (status 0);
 * Node shows the 3xx itself.
 */
export function refuseRedirect(response: Response, what: string, codedAs = connectorText('source.redirect', { system: what })): void {
  if (response.type !== 'opaqueredirect' && (response.status < 300 || response.status >= 400)) return;
  const to = response.headers.get('Location');
  throw new ConnectorError(
    'rejected',
    `${what} answered with a redirect${to ? ` to ${to}` : ''}; Leadside does not follow redirects with your credentials. Enter the address the service really answers on.`,
    undefined,
    undefined,
    // The address redirected to is shown as it came.
    { ...codedAs, ...(to ? { detail: to.slice(0, 300) } : {}) },
  );
}

/** No answer within the time the source is given (`seconds` as the message says it). */
export const timedOut = (system: string, seconds: number): ConnectorError => {
  return new ConnectorError('timeout', `${system} did not answer within ${seconds} s`, undefined, undefined, connectorText('source.timeout', { system, count: seconds }));
};

/**
 * The answer's text, at most MAX_RESPONSE_BYTES. A body that stops arriving is a timeout, not "not
 * JSON"; an error answer's unreadable body is only its status, so it is read leniently.
 */
async function readText(response: Response, request: HttpRequest, vendor: string, timeout: AbortSignal, strict: boolean): Promise<string> {
  const declared = Number(response.headers.get('Content-Length'));
  if (declared > MAX_RESPONSE_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(vendor);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_RESPONSE_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(vendor);
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    if (!strict) return text;
    if (timeout.aborted) {
      const seconds = Math.round(request.timeoutMs / 1000);
      throw new ConnectorError(
        'timeout',
        `${vendor} did not finish sending its answer within ${seconds} s`,
        undefined,
        undefined,
        connectorText('source.slowAnswer', { system: vendor, count: seconds }),
      );
    }
    if (request.signal?.aborted) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new ConnectorError('network', `${vendor}'s answer was cut off: ${why}`, undefined, undefined, connectorText('source.cutOff', { system: vendor }, why));
  }
}

const tooLarge = (vendor: string) =>
  new ConnectorError(
    'malformed',
    `${vendor} sent an answer larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB; Leadside does not read answers that large.`,
    undefined,
    undefined,
    connectorText('source.tooLarge', { system: vendor, count: MAX_RESPONSE_BYTES / 1024 / 1024 }),
  );

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A PHP server with display_errors on (Mautic on PHP 8 with an older library) prints its notices
    // before the answer: the JSON after them is the answer.
    const afterNotices = text.replace(PHP_NOTICES, '');
    if (afterNotices === text) return undefined;
    try {
      return JSON.parse(afterNotices) as unknown;
    } catch {
      return undefined;
    }
  }
}

/** PHP's notices as display_errors prints them in HTML: "<br />\n<b>Deprecated</b>:  … on line <b>77</b><br />". */
const PHP_NOTICES = /^(?:\s*<br\s*\/?>\s*<b>(?:Deprecated|Notice|Warning|Strict Standards)<\/b>:[^\n]*?on line <b>\d+<\/b><br\s*\/?>)+\s*/;

/** The longest wait a service may ask for: a Retry-After of days would park feedback until nobody remembers it. */
export const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3), at most MAX_RETRY_AFTER_MS. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/**
 * How long a rate-limited service says to wait: its Retry-After, else its limiter's reset, sent as
 * Unix seconds (`X-RateLimit-Reset`, as Mautic's rate limiter and GitHub send it) or as seconds to go
 * (the IETF draft's `RateLimit-Reset`), at most MAX_RETRY_AFTER_MS.
 */
export function rateLimitResetMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = retryAfterMs(headers.get('Retry-After'), now);
  if (retryAfter !== undefined) return retryAfter;
  const header = headers.get('X-RateLimit-Reset') ?? headers.get('RateLimit-Reset');
  const reset = header?.trim() ? Number(header) : Number.NaN;
  if (!Number.isFinite(reset) || reset < 0) return undefined;
  // No wait of more than a few hours is written as that many seconds: a figure past 10⁹ is a date.
  const waitMs = reset > 1e9 ? reset * 1000 - now : reset * 1000;
  return Math.min(Math.max(0, waitMs), MAX_RETRY_AFTER_MS);
}

/** `text` comes with secrets already cut out; the vendor's own error field is cut here. */
function errorFor(
  response: Response,
  body: unknown,
  text: string,
  options: HttpOptions,
  redact: (said: string) => string,
  waitMs?: number,
): ConnectorError {
  // A proxy's or a maintenance page's HTML is said by its title, never as markup.
  const vendorText = redact((body !== undefined && options.errorText?.(body, response.status)) || errorPageText(text).slice(0, 200) || response.statusText);
  const said = `${options.vendor} answered ${response.status}: ${vendorText}`;
  // Where a sentence of ours follows the vendor's, its closing period is not doubled.
  const sentence = said.trim().replace(/\.$/, '');
  const { status } = response;
  const system = options.vendor;
  // The vendor's own words follow the translated sentence, quoted as they came.
  const code = (name: 'source.unauthorized' | 'source.forbidden' | 'source.wrongDataCentre' | 'source.notFound' | 'source.rateLimited' | 'source.serverError' | 'source.rejected') =>
    connectorText(name, { system, status }, vendorText);
  switch (true) {
    case status === 401:
      return new ConnectorError('auth', `${sentence}. The access token is missing, wrong or expired.`, undefined, system, code('source.unauthorized'));
    // 488 is HubSpot's own: the account lives in another of its data centres ("hublet", named in the
    // answer). A setting to fix, as a refused token is, never a refusal of what was sent.
    case status === 488:
      return new ConnectorError('auth', `${sentence}. The API address is not this account's data centre: set the one named here.`, undefined, system, code('source.wrongDataCentre'));
    case status === 403:
      return new ConnectorError('auth', `${sentence}. Refused, as a permission (scope) this needs is missing or the API is switched off for this account.`, undefined, system, code('source.forbidden'));
    case status === 404:
      return new ConnectorError('not-found', said, undefined, system, code('source.notFound'));
    case status === 429: {
      const wait = waitMs ?? rateLimitResetMs(response.headers);
      const when = wait === undefined ? '' : ` Leadside asks again in ${Math.ceil(wait / 1000)} s.`;
      const codedText =
        wait === undefined ? code('source.rateLimited') : connectorText('source.rateLimitedRetry', { system, status, count: Math.ceil(wait / 1000) }, vendorText);
      return new ConnectorError('rate-limited', `${sentence}.${when}`, wait, system, codedText);
    }
    // A refusal that says when to ask again is temporary, whatever its code: HubSpot's 477 while an
    // account moves between data centres, a 409 or 423 from a proxy with Retry-After. So is 423
    // Locked without it: HubSpot locks a record for about two seconds while another write runs.
    case status >= 500 || status === 423 || response.headers.has('Retry-After'):
      return new ConnectorError('server', said, retryAfterMs(response.headers.get('Retry-After')), system, code('source.serverError'));
    default:
      return new ConnectorError('rejected', said, undefined, system, code('source.rejected'));
  }
}
