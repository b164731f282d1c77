import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestServer } from '../support/https-server';

const here = path.dirname(fileURLToPath(import.meta.url));
const LIGHTNING = path.resolve(here, '../fixtures/crm/salesforce-lightning.html');
const WEIGHT = path.resolve(here, 'fixtures/heavy-lightning.js');

/** A Lightning org of its own, so the plain fixture keeps every other host. */
export const HEAVY_LIGHTNING_ORIGIN = 'https://heavy.lightning.force.com';

/**
 * Serves the Lightning fixture with a Lightning-weight page on top (fixtures/heavy-lightning.js:
 * hundreds of milliseconds of the page's own CPU per record shown) at HEAVY_LIGHTNING_ORIGIN.
 */
export function serveHeavyLightning(server: TestServer): void {
  server.route(new URL(HEAVY_LIGHTNING_ORIGIN).hostname, (_req, res, url) => {
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    // Read on every request, as the plain fixture is, so edits apply without a restart.
    const html = readFileSync(LIGHTNING, 'utf8').replace('</body>', `<script>\n${readFileSync(WEIGHT, 'utf8')}\n</script>\n</body>`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
}
