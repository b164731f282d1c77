/**
 * Content scripts load on every CRM page the rep opens, so each must stay within 15 KB gzipped
 * (issue 12). Checked on the build the end-to-end tests run, at zlib's highest level (what
 * BENCHMARKS.md reports) and at its default (what `gzip` and most servers use), so no reading of
 * "gzipped" puts one over. The code the worker injects into a CRM page when it needs it (the glance
 * pill's, the generic reader's: lib/background/code-injection.ts) is held to the same limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { INJECTED_CODE } from '../../lib/background/code-injection';
import { defaultExtensionPath } from '../support/launch';

const LIMIT = 15 * 1024;
const CONTENT_SCRIPTS = path.join(defaultExtensionPath(), 'content-scripts');

const files = readdirSync(CONTENT_SCRIPTS).filter((name) => name.endsWith('.js'));
const INJECTED = Object.values(INJECTED_CODE);

test('the build has its content scripts', () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
});

for (const file of [...files.map((name) => `/content-scripts/${name}`), ...INJECTED]) {
  test(`${file.startsWith('/content-scripts/') ? 'content script' : 'injected script'} ${path.basename(file)} is within 15 KB gzipped`, () => {
    const code = readFileSync(path.join(defaultExtensionPath(), file));
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(LIMIT);
    expect(gzipSync(code).length).toBeLessThanOrEqual(LIMIT);
  });
}
