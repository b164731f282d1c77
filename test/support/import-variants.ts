import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseImportText, type ImportKind, type ParsedImport, type RowError } from '@/lib/import';

/**
 * The harness of the import-variant sets (lib/import/import-variants*.test.ts): one set's files, read as
 * a browser hands them over and imported as Options → File import does, and what the checks ask of the result.
 */
export function importVariantFiles(dir: string) {
  /** The file's bytes, for the sets' own decoders (UTF-16, legacy code pages). */
  const bytes = (name: string): Buffer => readFileSync(`${dir}/${name}`);
  /** The file as UTF-8 text, a byte-order mark kept. */
  const readUtf8 = (name: string): string => readFileSync(`${dir}/${name}`, 'utf8');
  const load = (name: string, kind: ImportKind, text = readUtf8(name)): Promise<ParsedImport> => parseImportText(name, text, kind);
  return { bytes, readUtf8, load };
}

export const errorsAt = (parsed: ParsedImport, row: number, column?: string): RowError[] =>
  parsed.errors.filter((error) => error.row === row && (column === undefined || error.column === column));
export const columnsAt = (parsed: ParsedImport, row: number): string[] => [...new Set(errorsAt(parsed, row).map((error) => error.column))].sort();
export const profile = (parsed: ParsedImport, id: string) => parsed.records.profiles.find((lead) => lead.id === id);
export const item = (parsed: ParsedImport, id: string) => parsed.records.content.find((entry) => entry.id === id);
export const viewAt = (parsed: ParsedImport, url: string) => parsed.records.pageViews.find((view) => view.url === url);
export const instant = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());
/** No lone surrogate anywhere (an emoji cut in half). */
export const wellFormed = (text: string): boolean => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

/** Every row counted is either imported or refused: nothing vanishes. */
export function expectAccounted(parsed: ParsedImport): void {
  expect(parsed.valid + parsed.rejected).toBe(parsed.total);
  expect(new Set(parsed.errors.map((error) => error.row)).size).toBe(parsed.rejected);
}

/** Refused as a whole: said so, and nothing of it is imported. */
export function expectNothingImported(parsed: ParsedImport): void {
  expect(parsed.fatal).toEqual(expect.any(String));
  expect(parsed.valid).toBe(0);
  expect(parsed.records.profiles).toEqual([]);
  expect(parsed.records.pageViews).toEqual([]);
  expect(parsed.records.content).toEqual([]);
}
