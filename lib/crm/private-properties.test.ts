import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '@/test/support/source-files';
import { CONTENT_SCRIPT_PRIVATE_PROPERTIES } from './private-properties';

/** The sources under `dir` (tests left out), each as [path, text]. */
const sources = (dir: string): Array<[string, string]> => sourceFiles(dir).map((file) => [file, readFileSync(file, 'utf8')]);

/** The text from `start` to the parenthesis that closes the one just before it. */
function balanced(text: string, start: number): string {
  let depth = 1;
  let end = start;
  for (; end < text.length && depth > 0; end += 1) depth += text[end] === '(' ? 1 : text[end] === ')' ? -1 : 0;
  return text.slice(start, end);
}

describe('content-script private properties', () => {
  const crm = sources('lib/crm');
  // Everything a content script's values cross into: messages and their schemas, the worker, storage.
  const boundaries = ['lib/schema', 'lib/messaging', 'lib/background', 'lib/store'].flatMap(sources);

  // The schemas the content scripts parse with (a CRM API answer's shape): each `z.object(…)` whole.
  const schemas = crm.flatMap(([, text]) => [...text.matchAll(/z\.object\(/g)].map((found) => balanced(text, found.index + found[0].length)));

  it.each(CONTENT_SCRIPT_PRIVATE_PROPERTIES)('%s is a property the CRM readers use, and no boundary or schema names it', (name) => {
    const word = new RegExp(`\\b${name}\\b`);
    expect(crm.some(([, text]) => word.test(text))).toBe(true);
    expect(boundaries.filter(([, text]) => word.test(text)).map(([file]) => file)).toEqual([]);
    expect(schemas.filter((schema) => word.test(schema))).toEqual([]);
    // Nor anything the browser defines: renaming it would break every use of the DOM's or JavaScript's own.
    expect(name in document.createElement('input') || name in globalThis || name in Object.prototype).toBe(false);
  });

  // The generic reader is injected as a bundle of its own (generic-reader-holder.ts), which keeps its
  // names: what it returns and what it is handed must be read by the same names on both sides.
  const crossing = ['GenericReading', 'ShadowRoots'].map((name) => {
    const text = crm.map(([, source]) => source).find((source) => source.includes(`export interface ${name} {`))!;
    return text.slice(text.indexOf(`export interface ${name} {`)).split('\n}')[0]!;
  });

  it.each(CONTENT_SCRIPT_PRIVATE_PROPERTIES)('%s is no member of what crosses into the injected generic reader', (name) => {
    expect(crossing.filter((members) => new RegExp(`^\\s*${name}\\??[(:]`, 'm').test(members))).toEqual([]);
  });

  it('finds the members that cross', () => {
    expect(crossing.join('\n')).toMatch(/emailElement\?:/);
    expect(crossing.join('\n')).toMatch(/found\(root/);
  });

  it('reads a schema whole, nested objects included', () => {
    expect(schemas.some((schema) => schema.includes('emails'))).toBe(true);
  });
});
