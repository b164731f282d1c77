import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const cellOf = (csv: string) => (Papa.parse<string[]>(csv).data[1] ?? [])[0];

describe('toCsv', () => {
  it.each([
    ['=HYPERLINK("https://evil.example")'],
    [' =1+1'],
    ['\u00a0=1+1'],
    ['\u200b=1+1'],
    ['\ufeff@SUM(A1)'],
    ['\u0007+1'],
    ['\uff1dcmd|"/c calc"!A1'],
    ['-2+3'],
  ])('never lets a spreadsheet run %j', (text) => {
    const cell = cellOf(toCsv(['Note'], [[text]]))!;
    expect(cell.startsWith("'")).toBe(true);
  });

  it('leaves ordinary text and numbers alone', () => {
    const csv = toCsv(['Title', 'Opened'], [['SOC 2 checklist', 12]]);
    expect(Papa.parse<string[]>(csv).data[1]).toEqual(['SOC 2 checklist', '12']);
  });

  it('for any text, the cell read back either does not start a formula or starts with a quote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const cell = cellOf(toCsv(['x'], [[text]])) ?? '';
        const visible = cell.replace(/^[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060\ufeff]+/, '');
        expect(/^[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(visible) && !cell.startsWith("'")).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
