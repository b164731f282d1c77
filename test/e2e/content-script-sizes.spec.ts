/**
 * Content scripts load on every CRM page the rep opens, so each must stay within 15 KB gzipped
 * (issue 12). Checked on the build the end-to-end tests run, at zlib's highest level (what
 * BENCHMARKS.md reports) and at its default (what `gzip` and most servers use), so no reading of
 * "gzipped" puts one over.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { defaultExtensionPath } from '../support/launch';

const LIMIT = 15 * 1024;
const CONTENT_SCRIPTS = path.join(defaultExtensionPath(), 'content-scripts');

const files = readdirSync(CONTENT_SCRIPTS).filter((name) => name.endsWith('.js'));

test('the build has its content scripts', () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
});

for (const name of files) {
  test(`content script ${name} is within 15 KB gzipped`, () => {
    const code = readFileSync(path.join(CONTENT_SCRIPTS, name));
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(LIMIT);
    expect(gzipSync(code).length).toBeLessThanOrEqual(LIMIT);
  });
}
