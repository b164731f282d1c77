import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error the server answers has this one shape: `{ "error": "…" }` (ErrorBodySchema). */
export const jsonError = (c: Context, status: ContentfulStatusCode, message: string, headers?: Record<string, string>) =>
  c.json({ error: message }, status, headers);

export const notFound: NotFoundHandler = (c) => jsonError(c, 404, `No such endpoint: ${c.req.method} ${new URL(c.req.url).pathname}`);

/**
 * Errors thrown by Hono's own middleware (malformed JSON, body limit) keep their status with a JSON
 * body; anything else is a bug or an outage: logged with the route (never headers or bodies, which
 * hold tokens and personal data) and answered as a 500 without internals.
 */
export const onError: ErrorHandler = (error, c) => {
  if (error instanceof HTTPException) {
    const retryAfter = error.res?.headers.get('Retry-After');
    return jsonError(c, error.status as ContentfulStatusCode, error.message || 'Bad request', retryAfter ? { 'Retry-After': retryAfter } : undefined);
  }
  console.error(`${c.req.method} ${new URL(c.req.url).pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return jsonError(c, 500, 'The server failed to answer this request; it has been logged. Try again shortly.');
};
