import { ImportCollector } from './collect';
import { nextTask } from './parse-csv';
import type { ImportKind, ParsedImport, ParseOptions } from './types';
import { coded } from '@/lib/schema/coded-text';
import { importText } from './message-codes';

/** Items validated between two pauses for the progress bar. */
export const JSON_BATCH_SIZE = 2_000;

/** Wrappers a JSON file may put its array in (the demo dataset's `leads` / `items`, common export names). */
const ARRAY_KEYS = ['leads', 'profiles', 'items', 'content', 'pageViews', 'page_views', 'views', 'data', 'records'];

/**
 * Reads a JSON file: an array of objects (or an object holding one under a usual key), each either
 * flat with the documented column names as keys or, for profiles, in Leadside's own LeadProfile
 * shape. Items are numbered from 1 in the report.
 */
export async function parseJson(text: string, kind: ImportKind, { onProgress, signal }: ParseOptions = {}): Promise<ParsedImport> {
  signal?.throwIfAborted();
  const collector = new ImportCollector(kind, 'json');
  const input = text.replace(/^\uFEFF/, '');
  if (input.trim() === '') return collector.fatal('The file is empty.', importText('import.fileEmpty', {}));
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    // The JSON parser's own words, quoted.
    return collector.fatal(`Not valid JSON: ${why}`, coded('import.notJson', undefined, why));
  }
  const items = findItems(data);
  if (!items) {
    return collector.fatal(
      `Expected a JSON array of objects (or an object with one of ${ARRAY_KEYS.join(', ')} holding the array), got ${describe(data)}.`,
      importText('import.notJsonArray', { keys: ARRAY_KEYS.join(', ') }),
    );
  }
  if (items.length === 0) return collector.fatal('The file has no items.', importText('import.noItems', {}));
  for (let index = 0; index < items.length; index++) {
    if (index > 0 && index % JSON_BATCH_SIZE === 0) {
      onProgress?.({ fraction: index / items.length, rows: collector.rows });
      await new Promise<void>((resolve) => nextTask(resolve)); // lets the page paint the progress bar
      signal?.throwIfAborted();
    }
    collector.addObject(index + 1, items[index]);
  }
  onProgress?.({ fraction: 1, rows: collector.rows });
  return collector.finish();
}

function findItems(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (data === null || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  for (const key of ARRAY_KEYS) if (Array.isArray(record[key])) return record[key] as unknown[];
  return undefined;
}

function describe(data: unknown): string {
  if (data === null) return 'null';
  if (typeof data === 'object') {
    const keys = Object.keys(data).slice(0, 5);
    return keys.length ? `an object with ${keys.join(', ')}` : 'an empty object';
  }
  return `a ${typeof data}`;
}
