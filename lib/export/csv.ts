import Papa from 'papaparse';

/**
 * A CSV file of the rows, with a header. Cells that a spreadsheet would run as a formula (=, +, -, @)
 * are prefixed with a quote: the text comes from reps and vendors, not from us.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const safe = (cell: string | number) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
  return Papa.unparse({ fields: [...header], data: rows.map((row) => row.map(safe)) });
}

/** Saves text as a file through the browser's download UI. */
export function downloadText(filename: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
