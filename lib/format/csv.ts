import Papa from 'papaparse';

/**
 * What a spreadsheet reads as the start of a formula: =, +, -, @ and their full-width forms (Excel and
 * LibreOffice accept ＝ too), and a tab or carriage return that can shift a cell.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
/**
 * Leading characters spreadsheets skip before looking for a formula: spaces (NBSP included), control
 * characters, zero-width spaces and joiners, the byte-order mark.
 */
const INVISIBLE_LEAD = /^[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060\ufeff]+/;

/**
 * A CSV file of the rows, with a header. The text comes from reps and vendors, not from us: leading
 * invisible characters are stripped and papaparse's formula escaping prefixes a quote to any cell a
 * spreadsheet would run.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const clean = (text: string) => text.replace(INVISIBLE_LEAD, '');
  const data = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? clean(cell) : cell)));
  return Papa.unparse({ fields: header.map(clean), data }, { escapeFormulae: FORMULA_START });
}
