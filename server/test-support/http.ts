import type { Hono } from 'hono';

/** In-process calls to the app with a bearer token, the way the extension makes them. */
export function client(app: Hono, token?: string) {
  const headers = (extra: Record<string, string> = {}) => ({ ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra });
  return {
    get: async (path: string, extra?: Record<string, string>): Promise<Response> => app.request(path, { headers: headers(extra) }),
    post: async (path: string, body: unknown, extra?: Record<string, string>): Promise<Response> =>
      app.request(path, {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/json', ...extra }),
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
