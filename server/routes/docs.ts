import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { restGatewayOpenApi } from '@/lib/schema/openapi';
import { jsonError } from '../http/errors';

/** Swagger UI's files, served from the installed package: the reference works offline, no CDN. */
const SWAGGER_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** The page loads its start-up script from a file too, so a strict Content-Security-Policy holds. */
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Leadside server API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'";

/**
 * The contract (the same document as docs/api/openapi.json, with this server's own base path) and
 * its rendered reference. Public: the contract is no secret, and Swagger UI's "Authorize" takes the
 * token in the page.
 */
export function docsRoutes(version: string) {
  const document = { ...restGatewayOpenApi(version), servers: [{ url: '/v1', description: 'This Leadside server' }] };
  const cache = new Map<string, Buffer>();
  return new Hono()
    .get('/openapi.json', (c) => c.json(document))
    .get('/docs', (c) => c.html(PAGE, 200, { 'Content-Security-Policy': CSP }))
    .get('/docs/init.js', (c) => c.body(INIT_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
    .get('/docs/:file', async (c) => {
      const file = c.req.param('file');
      const type = ASSETS[file];
      if (!type) return jsonError(c, 404, `No such file: /docs/${file}`);
      let body = cache.get(file);
      if (!body) cache.set(file, (body = await readFile(path.join(SWAGGER_DIR, file))));
      return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
    });
}
