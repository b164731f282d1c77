import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dashboardStatic } from './static';

const dir = mkdtempSync(path.join(os.tmpdir(), 'leadside-dashboard-build-'));
mkdirSync(path.join(dir, 'assets'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Leadside dashboard</title>');
writeFileSync(path.join(dir, 'assets/main-ABC123.js'), 'console.log(1)');
writeFileSync(path.join(os.tmpdir(), 'leadside-secret.txt'), 'not for the web');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dashboard web app at the server root', () => {
  const app = dashboardStatic({ dir });

  it("answers the app's own paths with index.html, uncached, with strict security headers", async () => {
    for (const url of ['/', '/lead-quality?period=7&rep=u1', '/catalog/']) {
      const response = await app.request(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain('<title>Leadside dashboard</title>');
      expect(response.headers.get('Cache-Control')).toBe('no-cache');
      expect(response.headers.get('Content-Security-Policy')).toMatch(/^default-src 'self';.*frame-ancestors 'none'/);
      expect(response.headers.get('Content-Security-Policy')).not.toContain('unsafe');
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    }
  });

  it('answers a path that is no page of the app as not found, not with the app', async () => {
    for (const url of ['/nowhere', '/wp-login.php', '/content/extra']) {
      const response = await app.request(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('<title>Leadside dashboard</title>');
    }
  });

  it('serves hashed assets with their type, cached for good; a missing asset is a 404, not the page', async () => {
    const asset = await app.request('/assets/main-ABC123.js');
    expect(asset.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
    expect((await app.request('/assets/main-OLD.js')).status).toBe(404);
  });

  it('never reaches outside the build, and leaves the API, the contract and the docs to their routes', async () => {
    const escaped = await app.request('/..%2Fleadside-secret.txt');
    expect(await escaped.text()).not.toContain('not for the web');
    for (const url of ['/api/nothing', '/v1/nothing', '/docs', '/openapi.json', '/healthz']) expect((await app.request(url)).status, url).toBe(404);
  });

  it('says how to build the app when there is no build', async () => {
    const response = await dashboardStatic({ dir: path.join(dir, 'missing') }).request('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:dashboard');
  });
});
