import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

/**
 * The line between code that runs anywhere and code that runs in one place only.
 *
 * Shared folders of lib/ are imported by the extension and by the team server alike, so they may not
 * touch a browser API, Dexie, React or a Node-only module. Browser-side folders hold the extension's
 * content scripts, worker and its IndexedDB state. The server may use Node and the shared folders,
 * never the browser side. Every folder of lib/ must be one or the other, so a new folder is placed
 * on purpose.
 */
const SHARED = ['schema', 'connectors', 'import', 'suggest', 'insights', 'leads', 'format', 'i18n'];
const BROWSER_SIDE = ['crm', 'background', 'brief', 'delivery', 'store', 'messaging'];

const ROOT = path.resolve(__dirname, '../..');
const NODE_MODULES = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const BROWSER_ONLY_PACKAGES = [/^dexie/, /^react/, /^wxt/, /^#imports$/, /^@wxt-dev\//];
const BROWSER_SIDE_PATHS = [/^@\/(entrypoints|components)\//, new RegExp(`^@/lib/(${BROWSER_SIDE.join('|')})(/|$)`)];
const SERVER_PATHS = [/^@\/server(\/|$)/];
/** Globals only a browser (or an extension) has. `fetch`, `URL`, `crypto` exist in Node and browsers alike. */
const BROWSER_GLOBALS = /\b(browser|chrome|document|window|indexedDB|localStorage|sessionStorage|navigator)\s*\./;

/** Every module specifier the file imports, statically or dynamically. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

/** Comments may name browser APIs; only code counts. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

function violations(files: string[], forbidden: RegExp[], checkGlobals: boolean): string[] {
  return files.flatMap((file) => {
    const rel = path.relative(ROOT, file);
    const found = importsOf(file)
      .filter((spec) => forbidden.some((pattern) => pattern.test(spec)))
      .map((spec) => `${rel} imports ${spec}`);
    if (checkGlobals) {
      const global = withoutComments(readFileSync(file, 'utf8')).match(BROWSER_GLOBALS);
      if (global) found.push(`${rel} uses ${global[0]}`);
    }
    return found;
  });
}

describe('code layout', () => {
  it('places every folder of lib/ on one side of the line, and leaves no loose files at its root', () => {
    const entries = readdirSync(path.join(ROOT, 'lib'));
    const unplaced = entries.filter((name) => !SHARED.includes(name) && !BROWSER_SIDE.includes(name));
    expect(unplaced, 'add each to SHARED or BROWSER_SIDE in this test, or move it into a folder').toEqual([]);
  });

  it('keeps shared code free of browser APIs, Dexie, React, Node-only modules and the browser side', () => {
    const files = SHARED.flatMap((folder) => sourceFiles(path.join(ROOT, 'lib', folder)));
    expect(files.length).toBeGreaterThan(20);
    const nodeOnly = (spec: string) => NODE_MODULES.has(spec);
    const found = [
      ...violations(files, [...BROWSER_ONLY_PACKAGES, ...BROWSER_SIDE_PATHS, ...SERVER_PATHS], true),
      ...files.flatMap((file) => importsOf(file).filter(nodeOnly).map((spec) => `${path.relative(ROOT, file)} imports ${spec}`)),
    ];
    expect(found).toEqual([]);
  });

  it('keeps the server off the browser side', () => {
    const files = sourceFiles(path.join(ROOT, 'server'));
    expect(files.length).toBeGreaterThan(0);
    expect(violations(files, [...BROWSER_ONLY_PACKAGES, ...BROWSER_SIDE_PATHS], false)).toEqual([]);
  });

  it('keeps the extension from importing the server', () => {
    const files = ['entrypoints', 'components', 'lib'].flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
    expect(violations(files, SERVER_PATHS, false)).toEqual([]);
  });

  it('fails on a forbidden import (the check itself works)', () => {
    const probe = path.join(ROOT, 'test/unit/layout.test.ts');
    expect(violations([probe], [/^node:fs$/], false)).toEqual(['test/unit/layout.test.ts imports node:fs']);
  });
});
