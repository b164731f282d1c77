import type { Context, MiddlewareHandler } from 'hono';
import { jsonError } from '../http/errors';
import { serverErrorText } from '@/lib/schema/server-error-codes';

/**
 * API tokens are for the extension and /v1; the dashboard is signed into with a password. Refusing any
 * Authorization header here (even beside a valid cookie) keeps a rep's token, whatever it is, from
 * ever opening a dashboard API.
 */
export const refuseBearerTokens: MiddlewareHandler = async (c, next) => {
  if (c.req.header('Authorization') !== undefined) {
    return jsonError(
      c,
      401,
      'The dashboard uses sign-in (POST /api/session with e-mail and password), not API tokens; tokens are for the extension and the /v1 API.',
      undefined,
      serverErrorText('server.useSignIn', {}),
    );
  }
  await next();
};

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isStateChanging = (c: Context): boolean => UNSAFE_METHODS.has(c.req.method);

/**
 * A state-changing request that says where it comes from (browsers send Origin, or at least Referer)
 * must come from this server's own pages. Sign-in included, so another site cannot sign a visitor into
 * an account of its choosing. Requests naming no origin (scripts, curl) pass here; signed-in ones still
 * need the CSRF token.
 */
export const requireSameOrigin: MiddlewareHandler = async (c, next) => {
  if (!isStateChanging(c)) return next();
  const origin = c.req.header('Origin');
  const referer = c.req.header('Referer');
  const claimed = origin !== undefined ? (originOf(origin) ?? origin) : referer ? originOf(referer) : undefined;
  if (origin !== undefined || referer !== undefined) {
    const own = ownOrigin(c);
    if (claimed !== own) {
      return jsonError(c, 403, `Cross-site request refused: it comes from ${claimed ?? 'an unreadable origin'}, not from this server (${own}).`, undefined, serverErrorText('server.crossSite', {}));
    }
  }
  await next();
};

/** This server's origin as the browser addresses it, through a reverse proxy's X-Forwarded-* when there is one. */
function ownOrigin(c: Context): string {
  const url = new URL(c.req.url);
  const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() || url.protocol.slice(0, -1);
  const host = c.req.header('X-Forwarded-Host')?.split(',')[0]?.trim() || c.req.header('Host') || url.host;
  return originOf(`${proto}://${host}`) ?? `${proto}://${host}`;
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
