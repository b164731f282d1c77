import type { z } from 'zod';
import { summarizeZodError } from '@/lib/schema';
import { redactSecrets } from './redact';
import { ConnectorError } from './types';

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
  errorText?: (body: unknown) => string | undefined;
  /**
   * The credentials this call sends (tokens, passwords). A service that echoes one back in its
   * answer never gets it into an error message or the console: it is cut out here, where the
   * answer's text is read, before anything is shortened.
   */
  secrets?: Iterable<string | undefined>;
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
  const response = await send(request, options.vendor);
  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  const redact = (said: string) => redactSecrets(said, options.secrets ?? []);
  if (response.status === 404 && options.notFoundAsNull) return null;
  if (!response.ok) throw errorFor(response, body, redact(text), options, redact);
  if (body === undefined) {
    throw new ConnectorError('malformed', `${options.vendor} answered with something that is not JSON: ${redact(text).slice(0, 80)}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // A key or value the schema names could be an echoed secret.
    const summary = redact(summarizeZodError(parsed.error));
    console.warn(`Leadside: ${options.vendor} payload did not validate (${new URL(request.url).pathname}): ${summary}`);
    throw new ConnectorError('malformed', `${options.vendor} sent data Leadside could not read: ${summary}`);
  }
  return parsed.data;
}

async function send(request: HttpRequest, vendor: string): Promise<Response> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    return await fetch(request.url, {
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
    });
  } catch (error) {
    if (timeout.aborted) {
      throw new ConnectorError('timeout', `${vendor} did not answer within ${Math.round(request.timeoutMs / 1000)} s`);
    }
    if (request.signal?.aborted) throw error;
    throw new ConnectorError('network', `Could not reach ${vendor} at ${new URL(request.url).host}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `text` comes with secrets already cut out; the vendor's own error field is cut here. */
function errorFor(response: Response, body: unknown, text: string, options: HttpOptions, redact: (said: string) => string): ConnectorError {
  const vendorText = redact((body !== undefined && options.errorText?.(body)) || text.slice(0, 200) || response.statusText);
  const said = `${options.vendor} answered ${response.status}: ${vendorText}`;
  switch (true) {
    case response.status === 401:
      return new ConnectorError('auth', `${said}. The access token is missing, wrong or expired.`);
    case response.status === 403:
      return new ConnectorError('auth', `${said}. The token works but lacks a permission (scope) this needs.`);
    case response.status === 404:
      return new ConnectorError('not-found', said);
    case response.status === 429:
      return new ConnectorError('rate-limited', said, retryAfterMs(response.headers.get('Retry-After')));
    case response.status >= 500:
      return new ConnectorError('server', said, retryAfterMs(response.headers.get('Retry-After')));
    default:
      return new ConnectorError('rejected', said);
  }
}
