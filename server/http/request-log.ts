import type { MiddlewareHandler } from 'hono';

/**
 * One line per request: method, path, status, duration. Never the query string (it holds e-mail
 * addresses), headers (the bearer token) or bodies (feedback and personal data).
 */
export const requestLog = (write: (line: string) => void = console.log): MiddlewareHandler => {
  return async (c, next) => {
    const started = performance.now();
    await next();
    write(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  };
};
