import Papa from 'papaparse';

/**
 * A CSV file of the rows, with a header. Cells that a spreadsheet would run as a formula (=, +, -, @)
 * are prefixed with a quote: the text comes from reps and vendors, not from us.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const safe = (cell: string | number) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
  return Papa.unparse({ fields: [...header], data: rows.map((row) => row.map(safe)) });
}
