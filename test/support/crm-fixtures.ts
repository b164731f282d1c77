import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestServer } from './https-server';
import { loadCrmVariants, VARIANTS_DIR } from './crm-variants';

const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/crm');
/** Each fixture names the hosts it plays in its first lines: `<!-- leadside-fixture-hosts: a.com, *.b.com -->`. */
const HOSTS_LINE = /<!--\s*leadside-fixture-hosts:\s*([^>]*?)\s*-->/;

/**
 * Serves each CRM's fixture record page at the CRM's real hostnames, so the content scripts' real
 * match patterns fire. A fixture file is found by the hosts line at its top; no list to keep in step.
 * Shared by the end-to-end tests and the `npm start` demo.
 */
export function registerCrmFixtures(server: TestServer): void {
  for (const file of readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.html'))) {
    const hosts = HOSTS_LINE.exec(readFileSync(path.join(FIXTURES_DIR, file), 'utf8'))?.[1];
    if (!hosts) throw new Error(`${file} has no "<!-- leadside-fixture-hosts: … -->" line`);
    for (const host of hosts.split(',').map((entry) => entry.trim()).filter(Boolean)) server.serveFixture(host, file);
  }
}

/**
 * Serves the variant corpus (test/fixtures/crm/variants/manifest.json): each page at its own record
 * URL on the CRM's real hostname. Several variants may share a host (app.close.com), so each host
 * answers by path.
 */
export function registerCrmVariants(server: TestServer): void {
  const byHost = new Map<string, Map<string, string>>();
  for (const variant of loadCrmVariants()) {
    const url = new URL(variant.url);
    const paths = byHost.get(url.hostname) ?? new Map<string, string>();
    paths.set(url.pathname, path.join(VARIANTS_DIR, variant.file));
    byHost.set(url.hostname, paths);
  }
  for (const [host, paths] of byHost) {
    server.route(host, (_req, res, url) => {
      const file = paths.get(url.pathname);
      if (!file) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not a variant page');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(file, 'utf8'));
    });
  }
}
