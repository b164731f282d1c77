import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { DASHBOARD_PAGE_PATHS } from '@/lib/schema/dashboard';

/**
 * The dashboard web app (built by `npm run build:dashboard` into .output/dashboard) at the server's
 * root. A GET of one of the app's pages (DASHBOARD_PAGE_PATHS) gets index.html, so a shared link
 * such as /lead-quality?from=… opens the right page (the app routes in the browser).
 */

/** Where the build puts the app; the server runs from the repository (or release) root. */
export const DASHBOARD_BUILD_DIR = path.resolve('.output/dashboard');

/** Paths the server answers itself: the app's fallback must never shadow them (an unknown /v1 path stays a JSON 404). */
const SERVER_PATHS = /^\/(api|v1|docs)(\/|$)|^\/(openapi\.json|healthz)$/;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Only this server's own files run or style the page; the app sets element styles through the DOM
 * (React and Recharts assign `element.style`, which CSP allows), so no inline styles or scripts are
 * needed. The page can be framed by nobody (clickjacking), sends no Referer, and types are not sniffed.
 */
export const DASHBOARD_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Leadside dashboard not built</title></head>
<body>
  <main>
    <h1>The Leadside dashboard is not built yet</h1>
    <p>This server found no dashboard at <code>.output/dashboard</code>. Run <code>npm run build:dashboard</code> in the Leadside folder, then reload this page.</p>
    <p>The server's API works without it: the reference is at <a href="/docs">/docs</a>.</p>
  </main>
</body>
</html>
`;

export interface DashboardStaticOptions {
  /** The built app's folder (tests point it elsewhere). Default: .output/dashboard under the working folder. */
  dir?: string;
}

export function dashboardStatic({ dir = DASHBOARD_BUILD_DIR }: DashboardStaticOptions = {}): Hono {
  const root = path.resolve(dir);
  // Assets are named by their content's hash, so one read of each is enough; a miss is not kept, so a
  // build made after the server started is picked up.
  const cache = new Map<string, Buffer>();
  const readAsset = async (file: string): Promise<Buffer | null> => {
    const cached = cache.get(file);
    if (cached) return cached;
    const body = await readFile(file).catch(() => null);
    if (body) cache.set(file, body);
    return body;
  };

  const send = (c: Context, body: Buffer, type: string, cacheControl: string) =>
    c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': cacheControl, ...DASHBOARD_SECURITY_HEADERS });

  const app = new Hono();
  app.get('*', async (c, next) => {
    const requested = c.req.path;
    if (SERVER_PATHS.test(requested)) return next();

    // A file of the build, never anything outside it (`..` is resolved away before the check).
    const file = path.resolve(root, `.${decodeURIComponent(requested)}`);
    const extension = path.extname(file);
    if (file.startsWith(root + path.sep) && extension && TYPES[extension] && path.basename(file) !== 'index.html') {
      const body = await readAsset(file);
      // Asset names carry their content's hash (scripts/build-dashboard.ts): cached for good.
      if (body) return send(c, body, TYPES[extension]!, 'public, max-age=31536000, immutable');
      return c.text(`No such file: ${requested}`, 404, { 'X-Content-Type-Options': 'nosniff' });
    }

    // The app's own pages only: any other path is not found, as it would be without the app.
    if (!(DASHBOARD_PAGE_PATHS as readonly string[]).includes(requested.replace(/(.)\/$/, '$1'))) return next();
    // Read every time (it is small): after a rebuild it names the new assets.
    const index = await readFile(path.join(root, 'index.html')).catch(() => null);
    if (!index) return c.html(MISSING_BUILD_PAGE, 503, { 'Cache-Control': 'no-store', ...DASHBOARD_SECURITY_HEADERS });
    // The page names the current assets, so it is checked on every visit.
    return send(c, index, TYPES['.html']!, 'no-cache');
  });
  return app;
}
