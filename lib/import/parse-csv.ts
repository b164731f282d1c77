import Papa from 'papaparse';
import type { Cells } from './cells';
import { ImportCollector } from './collect';
import { COLUMNS, guessKind, KIND_LABELS, missingColumns, normalizeColumnName, resolveColumn } from './columns';
import type { ImportKind, ParsedImport, ParseOptions } from './types';
import { coded, type CodedText } from '@/lib/schema/coded-text';
import { importText, MISSING_COLUMNS_LOOKS_LIKE, OTHER_KIND } from './message-codes';

/** Characters parsed between two pauses: small enough for the progress bar to move, big enough to be fast. */
export const CSV_CHUNK_SIZE = 512 * 1024;

/**
 * Reads a CSV file's text into validated rows. Papa Parse runs on this thread (no worker: an
 * extension page's CSP and the service worker make workers awkward) in chunks, pausing after each so
 * the page can paint the progress bar; rows are numbered as a spreadsheet shows them.
 */
/** Said of a file the browser could not read as UTF-8. */
const NOT_UTF8 = 'The file is not UTF-8 text: some of its characters could not be read (a file saved as "CSV (MS-DOS)" or in another code page). Save it as "CSV UTF-8" and import it again.';

export function parseCsv(text: string, kind: ImportKind, { onProgress, signal }: ParseOptions = {}): Promise<ParsedImport> {
  const collector = new ImportCollector(kind, 'csv');
  const input = text.replace(/^\uFEFF/, '');
  if (input.trim() === '') return Promise.resolve(collector.fatal('The file is empty.', importText('import.fileEmpty', {})));
  // The browser reads the file as UTF-8 and puts U+FFFD where its bytes are not: a file in another
  // code page ("CSV (MS-DOS)" is 850) would import every accented name wrong, and silently.
  if (input.includes('\uFFFD')) return Promise.resolve(collector.fatal(NOT_UTF8, importText('import.notUtf8', {})));
  const delimiter = detectDelimiter(input);

  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (result: ParsedImport | Error) => {
      if (settled) return;
      settled = true;
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    /** Documented column of each cell position; undefined for ignored columns. */
    let columns: Array<string | undefined> | undefined;
    let headerCells: string[] = [];
    let rowNumber = 0;
    // One view for every row, over the row's own array: no per-row Map of 20-40 cells to build.
    const positions = new Map<string, number>();
    let current: string[] = [];
    const row: Cells = { get: (column) => current[positions.get(column) ?? -1] };

    Papa.parse<string[]>(input, {
      delimiter,
      header: false,
      skipEmptyLines: false,
      chunkSize: CSV_CHUNK_SIZE,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (settled) return;
        // Settled before aborting: Papa's abort() calls complete() at once.
        if (signal?.aborted) {
          settle(abortError(signal));
          return parser.abort();
        }
        // Papa reports a broken row by its index in this chunk; that row is refused, not guessed at.
        const broken = new Map<number, Said>();
        for (const error of results.errors) {
          if (typeof error.row === 'number' && !broken.has(error.row)) broken.set(error.row, describeParseError(error));
        }
        for (let index = 0; index < results.data.length; index++) {
          const cells = results.data[index]!;
          rowNumber++;
          if (!columns) {
            const header = readHeader(kind, cells);
            if ('message' in header) {
              settle(collector.fatal(header.message, header.coded));
              return parser.abort();
            }
            columns = header.columns;
            headerCells = cells;
            columns.forEach((column, position) => column !== undefined && positions.set(column, position));
            for (const name of header.ignored) collector.ignore(name);
            continue;
          }
          // A blank line is a blank spreadsheet row, and so is a row of separators only (a spreadsheet's
          // formatted but empty rows): counted for numbering, not reported.
          if (cells.every((cell) => cell.trim() === '')) continue;
          // The header again (two exports pasted together) is no lead called "id".
          if (cells.length === headerCells.length && cells.every((cell, position) => normalizeColumnName(cell) === normalizeColumnName(headerCells[position]!))) continue;
          // One cell where the header has several: a note below the table (a Salesforce report's
          // "Grand Totals", its filters and copyright), never a record whose id is the whole line.
          if (cells.length === 1 && columns.length > 2) {
            collector.reject(
              rowNumber,
              '(row)',
              `This row is one cell where the header has ${columns.length} columns: a note below the table (a report's totals or footer), not a record`,
              importText('import.oneCell', { columns: columns.length }),
            );
            continue;
          }
          const problem = broken.get(index);
          if (problem) {
            collector.reject(rowNumber, '(row)', problem.message, problem.coded);
            continue;
          }
          if (cells.length > columns.length && cells.slice(columns.length).some((cell: string) => cell.trim() !== '')) {
            collector.reject(
              rowNumber,
              '(row)',
              `This row has ${cells.length} cells but the header has ${columns.length} columns`,
              importText('import.cellCount', { cells: cells.length, columns: columns.length }),
            );
            continue;
          }
          current = cells;
          collector.addCells(rowNumber, row);
        }
        onProgress?.({ fraction: Math.min(1, results.meta.cursor / input.length), rows: collector.rows });
        // Pausing hands the thread back to the page; resuming on a new task lets it paint first.
        parser.pause();
        nextTask(() => parser.resume());
      },
      complete() {
        if (settled) return;
        if (!columns) return settle(collector.fatal('The file has no header row.', importText('import.noHeader', {})));
        if (collector.rows === 0) return settle(collector.fatal('The file has a header but no rows.', importText('import.noRows', {})));
        onProgress?.({ fraction: 1, rows: collector.rows });
        settle(collector.finish());
      },
      error(error: Error) {
        settle(error);
      },
    });
  });
}

/** The header's columns, or why the file cannot be imported as this kind. */
function readHeader(kind: ImportKind, cells: string[]): { columns: Array<string | undefined>; ignored: string[] } | Said {
  const columns: Array<string | undefined> = [];
  const ignored: string[] = [];
  const positions = new Map<string, number>();
  for (const [position, raw] of cells.entries()) {
    const column = resolveColumn(kind, raw);
    if (column !== undefined) {
      const earlier = positions.get(column);
      if (earlier !== undefined) {
        const [first, second] = [columnLetter(earlier), columnLetter(position)];
        return { message: `The column ${column} appears twice (columns ${first} and ${second}).`, coded: importText('import.columnTwice', { column, first, second }) };
      }
      positions.set(column, position);
    } else if (raw.trim() !== '') {
      ignored.push(raw.trim());
    }
    columns.push(column);
  }
  const missing = missingColumns(kind, new Set(positions.keys()));
  if (missing.length > 0) {
    const noun = KIND_LABELS[kind].toLowerCase();
    const guess = guessKind(cells, kind);
    const hint = guess && guess !== kind ? ` It looks like a ${KIND_LABELS[guess].toLowerCase()} file: choose that kind and try again.` : '';
    const found = foundColumns(cells);
    const params = { missing: missing.join(', '), found: found || '—', total: COLUMNS[kind].length };
    return {
      message: `Not a ${noun} file: the header row needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${found || 'nothing'}).${hint} The template lists every column (${COLUMNS[kind].length}).`,
      coded: guess && guess !== kind ? importText(MISSING_COLUMNS_LOOKS_LIKE[guess], params) : importText('import.missingColumns', params),
    };
  }
  // The chosen kind's required columns, but more columns another kind knows than this one uses: a
  // content catalog chosen as profiles (its `id`, `title` and `language` are profile columns too)
  // would import every item as a lead named by nobody.
  const guess = guessKind(cells);
  if (guess && guess !== kind && ignored.length > positions.size) {
    const found = foundColumns(cells);
    const label = KIND_LABELS[guess].toLowerCase();
    return {
      message: `This looks like a ${label} file: most of its columns (${found}) are a ${label} file's, not this kind's. Choose that kind and try again.`,
      coded: importText(OTHER_KIND[guess], { found }),
    };
  }
  return { columns, ignored };
}

/** The header's first columns, as the documented names they would be, for a refusal to quote. */
function foundColumns(cells: readonly string[]): string {
  return cells.map((cell) => normalizeColumnName(cell)).filter(Boolean).slice(0, 8).join(', ');
}

/** Spreadsheet column letters, as the user sees them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The delimiter from the header line (documented column names contain none): commas, or the
 * semicolons and tabs that spreadsheets in many locales write. Guessing from data rows instead
 * would be misled by `;`-separated topic lists.
 */
export function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end === -1 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = header.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function describeParseError(error: Papa.ParseError): Said {
  switch (error.code) {
    case 'MissingQuotes':
      return { message: 'A quoted cell is never closed (a " is missing); the rest of the file was read into it', coded: importText('import.unclosedQuote', {}) };
    case 'InvalidQuotes':
      return { message: 'A cell has a stray " in it: quote the whole cell and double the " inside', coded: importText('import.strayQuote', {}) };
    default:
      // Papa Parse's own words, quoted.
      return { message: error.message, coded: coded('import.brokenRow', undefined, error.message) };
  }
}

/** An English message and its code. */
interface Said {
  message: string;
  coded: CodedText;
}

/**
 * Runs `callback` in a new task. Not setTimeout(0): browsers clamp nested timeouts to 4 ms, which
 * over the ~60 chunks of a 30 MB file would add a quarter of a second of doing nothing.
 */
export function nextTask(callback: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(callback, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(undefined);
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The import was cancelled.', 'AbortError');
}
