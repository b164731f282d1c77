import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_PRIVATE_PROPERTIES } from './private-properties';

/** The sources under `dir` (tests left out), each as [path, text]. */
function sources(dir: string): Array<[string, string]> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => [path.join(dir, file), readFileSync(path.join(dir, file), 'utf8')]);
}

describe('content-script private properties', () => {
  const crm = sources('lib/crm');
  // Everything a content script's values cross into: messages and their schemas, the worker, storage.
  const boundaries = ['lib/schema', 'lib/messaging', 'lib/background', 'lib/store'].flatMap(sources);

  it.each(CONTENT_SCRIPT_PRIVATE_PROPERTIES)('%s is a property the CRM readers use, and no boundary names it', (name) => {
    const word = new RegExp(`\\b${name}\\b`);
    expect(crm.some(([, text]) => word.test(text))).toBe(true);
    expect(boundaries.filter(([, text]) => word.test(text)).map(([file]) => file)).toEqual([]);
  });
});
