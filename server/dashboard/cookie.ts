import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'leadside_session';

/**
 * https as the browser sees it: the request itself, or a reverse proxy that ended TLS and says so.
 * Only then may the cookie be Secure (a Secure cookie over plain http on localhost would be dropped).
 */
export function isHttpsRequest(c: Context): boolean {
  const forwarded = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return new URL(c.req.url).protocol === 'https:';
}

/**
 * httpOnly: page scripts (and so an injected script) cannot read it. SameSite=Lax: other sites'
 * forms and fetches do not carry it, while a link from Slack or an e-mail still opens the dashboard
 * signed in. Path=/: the dashboard pages and /api both get it.
 */
export function setSessionCookie(c: Context, secret: string, maxAgeMs: number): void {
  setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'Lax', secure: isHttpsRequest(c), path: '/', maxAge: Math.floor(maxAgeMs / 1000) });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', secure: isHttpsRequest(c), path: '/' });
}

export const readSessionCookie = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE) || undefined;
