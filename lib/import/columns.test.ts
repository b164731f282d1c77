import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, guessKind, missingColumns, normalizeColumnName, resolveColumn, TEMPLATE_FILES } from './columns';
import { parseCsv } from './parse-csv';
import { templateCsv, templatePath } from './templates';
import { IMPORT_KINDS } from './types';

const docs = readFileSync('docs/file-import.md', 'utf8');

describe('the documented column sets', () => {
  it.each(IMPORT_KINDS)('%s: every column is in docs/file-import.md, as the import screen describes it', (kind) => {
    for (const column of COLUMNS[kind]) {
      const needed = column.required === true ? 'yes' : (column.required ?? '');
      expect(docs).toContain(`| \`${column.name}\` | ${needed} | ${column.description.replace(/\|/g, '\\|')} |`);
    }
  });

  it.each(IMPORT_KINDS)('%s: the template in public/templates is the generated one', (kind) => {
    expect(readFileSync(`public${templatePath(kind)}`, 'utf8')).toBe(templateCsv(kind));
    expect(templatePath(kind)).toBe(`/templates/${TEMPLATE_FILES[kind]}`);
  });

  it.each(IMPORT_KINDS)('%s: the template imports with no error and no ignored column', async (kind) => {
    const parsed = await parseCsv(templateCsv(kind), kind);
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.errors).toEqual([]);
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.valid).toBe(1);
  });

  it.each(IMPORT_KINDS)('%s: column names are unique and already normalized', (kind) => {
    const names = COLUMNS[kind].map((column) => column.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(normalizeColumnName(name)).toBe(name);
  });
});

describe('header names', () => {
  it.each([
    ['Viewed At', 'viewed_at'],
    ['viewedAt', 'viewed_at'],
    ['viewed-at', 'viewed_at'],
    ['  VIEWED_AT ', 'viewed_at'],
    ['\uFEFFid', 'id'],
    ['Salesforce ID', 'salesforce_id'],
    ['utm_source', 'utm_source'],
    ['__proto__', 'proto'],
  ])('%j is %s', (raw, name) => expect(normalizeColumnName(raw)).toBe(name));

  it('resolves aliases per kind and nothing unknown', () => {
    expect(resolveColumn('profiles', 'E-mail')).toBe('email');
    expect(resolveColumn('profiles', 'Source Channel')).toBe('channel');
    expect(resolveColumn('pageViews', 'lead id')).toBe('profile_id');
    expect(resolveColumn('profiles', 'profile_id')).toBeUndefined();
    expect(resolveColumn('content', 'constructor')).toBeUndefined();
  });

  it('names missing required columns and groups', () => {
    expect(missingColumns('profiles', new Set(['email']))).toEqual(['id']);
    expect(missingColumns('pageViews', new Set(['url']))).toEqual(['viewed_at', 'profile_id or email']);
    expect(missingColumns('pageViews', new Set(['url', 'viewed_at', 'email']))).toEqual([]);
    expect(missingColumns('content', new Set(['id', 'title']))).toEqual(['type', 'url']);
  });

  it('guesses the kind a header belongs to', () => {
    expect(guessKind(['profile_id', 'url', 'viewed_at'])).toBe('pageViews');
    expect(guessKind(['id', 'title', 'type', 'url'])).toBe('content');
    expect(guessKind(['id', 'email', 'campaign'])).toBe('profiles');
    expect(guessKind(['foo'])).toBeUndefined();
  });
});
