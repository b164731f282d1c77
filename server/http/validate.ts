import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { summarizeZodError } from '@/lib/schema';
import { jsonError } from './errors';
import { serverErrorText } from '@/lib/schema/server-error-codes';

const WHAT: Record<'json' | 'query' | 'param', string> = { json: 'request body', query: 'query', param: 'path' };

/**
 * zod validation of one part of the request, with the same schemas the extension uses. A failure is
 * a 400 that says what is wrong and where ("query: since: Invalid ISO datetime").
 */
export function validate<Target extends 'json' | 'query' | 'param', Schema extends z.ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result, c) => {
    // zod-validator types the error as zod's core error; it has the `issues` summarizeZodError reads.
    if (!result.success) {
      const summary = summarizeZodError(result.error as unknown as z.ZodError);
      return jsonError(c, 400, `Invalid ${WHAT[target]}: ${summary}`, undefined, serverErrorText('server.invalidRequest', {}, summary));
    }
  });
}

/**
 * A body must say it is JSON: without the header Hono would validate an empty object and the error
 * would point at a missing field instead of the real mistake.
 */
export const requireJson: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return jsonError(c, 400, `Send the body as JSON with "Content-Type: application/json" (got ${type ? `"${type}"` : 'none'}).`, undefined, serverErrorText('server.notJson', {}));
  }
  await next();
};
