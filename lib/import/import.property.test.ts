/**
 * Property tests: whatever a file holds (random text, broken CSV, arbitrary JSON, valid rows with
 * cells mutated), reading it never throws, its report adds up, every refusal names a row and a
 * column, and everything it accepts is valid for the domain schemas.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ContentItemSchema, LeadProfileSchema, PageViewSchema } from '@/lib/schema';
import { COLUMNS } from './columns';
import { parseCsv } from './parse-csv';
import { parseJson } from './parse-json';
import { templateCsv } from './templates';
import { IMPORT_KINDS, type ImportKind, type ParsedImport } from './types';

const kindArb = fc.constantFrom<ImportKind>(...IMPORT_KINDS);

function checkReport(parsed: ParsedImport, firstRow: number) {
  expect(parsed.valid + parsed.rejected).toBe(parsed.total);
  if (parsed.fatal) {
    expect(parsed.fatal.length).toBeGreaterThan(0);
    expect(parsed.valid).toBe(0);
    expect(parsed.records).toEqual({ profiles: [], pageViews: [], content: [] });
    return;
  }
  const rejectedRows = new Set(parsed.errors.map((error) => error.row));
  expect(rejectedRows.size).toBe(parsed.rejected);
  for (const error of parsed.errors) {
    expect(error.row).toBeGreaterThanOrEqual(firstRow);
    expect(error.column.length).toBeGreaterThan(0);
    expect(error.message.length).toBeGreaterThan(0);
  }
  // Everything accepted is what the domain schemas accept, unchanged by them.
  for (const profile of parsed.records.profiles) expect(LeadProfileSchema.parse(profile)).toEqual(profile);
  for (const { profileKey, ...view } of parsed.records.pageViews) {
    expect(profileKey).toMatch(/^(id|email):./s);
    expect(PageViewSchema.parse(view)).toEqual(view);
  }
  for (const item of parsed.records.content) expect(ContentItemSchema.parse(item)).toEqual(item);
}

/** Cells that stress the reader: edge text, separators, quotes, near-valid values. */
const cellArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '"', '""', ',', ';', '\n', '\r\n', '\t', 'null', 'undefined', '__proto__', 'constructor', 'NaN', 'Infinity', '-0', '1e999'),
  fc.constantFrom('2026-02-30', '2026-09-14T13:22:05Z', '2026-09-14T25:00:00Z', 'yes', 'maybe', 'mql', 'MQL', 'hot', 'paid search', 'javascript:alert(1)', 'https://www.example.com/x', 'http://localhost/', 'a@b.co', 'a@', '09:00', '9:5', 'Europe/Berlin', 'Mars/Base', '82', '-5', '0x10'),
);

/** The template's example row, some cells replaced. */
function mutatedRowArb(kind: ImportKind) {
  const names = COLUMNS[kind].map((column) => column.name);
  const example = COLUMNS[kind].map((column) => column.example);
  return fc.array(fc.tuple(fc.nat({ max: names.length - 1 }), cellArb), { maxLength: 6 }).map((edits) => {
    const cells = [...example];
    for (const [index, value] of edits) cells[index] = value;
    return Papa.unparse({ fields: names, data: [cells] });
  });
}

describe('reading files never throws, and accepts only valid data', () => {
  it('random text as CSV', async () => {
    await fc.assert(
      fc.asyncProperty(kindArb, fc.string({ unit: 'binary', maxLength: 400 }), async (kind, text) => {
        checkReport(await parseCsv(text, kind), 2);
      }),
      { numRuns: 300 },
    );
  });

  it('random rows under a documented header, with quotes, separators and line breaks in cells', async () => {
    await fc.assert(
      fc.asyncProperty(
        kindArb,
        fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        async (kind, rows, delimiter, quoteAll) => {
          const header = COLUMNS[kind].map((column) => column.name).slice(0, 12);
          const csv = Papa.unparse({ fields: header, data: rows }, { delimiter, quotes: quoteAll });
          checkReport(await parseCsv(csv, kind), 2);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the template row with cells mutated: valid and schema-checked, or refused with a reason', async () => {
    for (const kind of IMPORT_KINDS) {
      await fc.assert(
        fc.asyncProperty(mutatedRowArb(kind), async (csv) => {
          const parsed = await parseCsv(csv, kind);
          checkReport(parsed, 2);
          if (!parsed.fatal) expect(parsed.total).toBeGreaterThanOrEqual(1);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('broken CSV: cut, spliced or with stray quotes', async () => {
    const base = templateCsv('profiles') + templateCsv('profiles').split('\n')[1] + '\n';
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: base.length }), fc.nat({ max: base.length }), fc.constantFrom('"', '\n', ',', '\r', '\uFEFF', ''), async (cut, at, insert) => {
        const text = base.slice(0, Math.max(cut, 10)).slice(0, at) + insert + base.slice(0, Math.max(cut, 10)).slice(at);
        checkReport(await parseCsv(text, 'profiles'), 2);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary JSON values and arbitrary items', async () => {
    await fc.assert(
      fc.asyncProperty(kindArb, fc.oneof(fc.jsonValue(), fc.array(fc.anything({ withNullPrototype: false }))), async (kind, value) => {
        const text = JSON.stringify(value) ?? '';
        checkReport(await parseJson(text, kind), 1);
      }),
      { numRuns: 300 },
    );
  });

  it('JSON objects with documented keys and odd values', async () => {
    for (const kind of IMPORT_KINDS) {
      const keys = COLUMNS[kind].map((column) => column.name);
      const itemArb = fc.dictionary(fc.constantFrom(...keys, 'source', 'contact', 'pageViews', 'crmIds'), fc.oneof(cellArb, fc.jsonValue()), { maxKeys: 8 });
      await fc.assert(
        fc.asyncProperty(fc.array(itemArb, { minLength: 1, maxLength: 5 }), async (items) => {
          checkReport(await parseJson(JSON.stringify(items), kind), 1);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('random text as JSON', async () => {
    await fc.assert(
      fc.asyncProperty(kindArb, fc.string({ maxLength: 200 }), async (kind, text) => {
        checkReport(await parseJson(text, kind), 1);
      }),
      { numRuns: 200 },
    );
  });
});
