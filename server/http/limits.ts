import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { jsonError } from './errors';
import { serverErrorText } from '@/lib/schema/server-error-codes';

export const MiB = 1024 * 1024;

/** Caps a request body; a bigger one is refused before it is read whole. */
export const limitBody = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: (c) => jsonError(c, 413, `Request body too large: at most ${Math.round(maxBytes / MiB)} MiB here.`, undefined, serverErrorText('server.tooLarge', { count: Math.round(maxBytes / MiB) })),
  });

/**
 * Only the extension calls the API from a browser, so only extension origins may read answers
 * cross-origin. The Chrome/Firefox extension ids are not known in advance (each install of an
 * unpacked or self-hosted build has its own), so the scheme is what is checked; the bearer token is
 * what actually authorizes.
 */
export const extensionCors = () =>
  cors({
    origin: (origin) => (/^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
