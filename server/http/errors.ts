import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CodedText } from '@/lib/schema/coded-text';
import { serverErrorText } from '@/lib/schema/server-error-codes';

/**
 * Every error the server answers has this one shape: `{ "error": "…" }` (ErrorBodySchema), in English,
 * plus, where a client shows it to people, a stable `code` with its `params` (and a quoted `detail`)
 * that the dashboard words in the reader's language (lib/schema/server-error-codes.ts).
 */
export const jsonError = (c: Context, status: ContentfulStatusCode, message: string, headers?: Record<string, string>, coded?: CodedText) =>
  c.json({ error: message, ...(coded ? { code: coded.code, ...(coded.params ? { params: coded.params } : {}), ...(coded.detail ? { detail: coded.detail } : {}) } : {}) }, status, headers);

export const notFound: NotFoundHandler = (c) => {
  const path = `${c.req.method} ${new URL(c.req.url).pathname}`;
  return jsonError(c, 404, `No such endpoint: ${path}`, undefined, serverErrorText('server.noEndpoint', {}, path));
};

/**
 * Errors thrown by Hono's own middleware (malformed JSON, body limit) keep their status with a JSON
 * body; anything else is a bug or an outage: logged with the route (never headers or bodies, which
 * hold tokens and personal data) and answered as a 500 without internals.
 */
export const onError: ErrorHandler = (error, c) => {
  if (error instanceof HTTPException) {
    const retryAfter = error.res?.headers.get('Retry-After');
    // A 400 from Hono's own parsing (malformed JSON) is the request's fault, said as such; other statuses
    // (a vendor's failure passed on as a 502) keep only their words.
    const coded = error.status === 400 ? serverErrorText('server.invalidRequest', {}, error.message || undefined) : undefined;
    return jsonError(c, error.status as ContentfulStatusCode, error.message || 'Bad request', retryAfter ? { 'Retry-After': retryAfter } : undefined, coded);
  }
  console.error(`${c.req.method} ${new URL(c.req.url).pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return jsonError(c, 500, 'The server failed to answer this request; it has been logged. Try again shortly.', undefined, serverErrorText('server.failed', {}));
};
