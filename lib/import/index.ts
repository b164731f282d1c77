import { parseCsv } from './parse-csv';
import { parseJson } from './parse-json';
import type { ImportFormat, ImportKind, ParsedImport, ParseOptions } from './types';

export * from './types';
export { parseCsv } from './parse-csv';
export { parseJson } from './parse-json';

/**
 * CSV or JSON: by the file name, else by the first character (an export saved as .txt still
 * imports). A CSV cannot start with `[` or `{` and have a documented header.
 */
export function detectFormat(fileName: string, text: string): ImportFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.(csv|tsv)$/i.test(fileName)) return 'csv';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** Reads and checks a chosen file; nothing is written (see saveImport). */
export async function parseImportFile(file: Blob & { name: string }, kind: ImportKind, options: ParseOptions = {}): Promise<ParsedImport> {
  // The whole text at once: File.text() decodes UTF-8 correctly, where byte-sliced chunks could
  // split a character; the parse itself is chunked for the progress bar.
  const text = await file.text();
  return parseImportText(file.name, text, kind, options);
}

export function parseImportText(fileName: string, text: string, kind: ImportKind, options: ParseOptions = {}): Promise<ParsedImport> {
  return detectFormat(fileName, text) === 'json' ? parseJson(text, kind, options) : parseCsv(text, kind, options);
}
