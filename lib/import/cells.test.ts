import { describe, expect, it } from 'vitest';
import { TimestampSchema } from '@/lib/schema';
import { enumKey, parseTimestamp, quote, RowReader } from './cells';

describe('parseTimestamp', () => {
  it.each([
    ['2026-09-14T13:22:05Z', '2026-09-14T13:22:05Z'],
    ['2026-09-14', '2026-09-14T00:00:00Z'],
    ['2026-09-14 13:22', '2026-09-14T13:22:00Z'],
    ['2026-09-14T13:22:05.250Z', '2026-09-14T13:22:05.250Z'],
    ['2026-09-14T13:22:05,5Z', '2026-09-14T13:22:05.500Z'],
    ['2026-09-14T15:22:05+02:00', '2026-09-14T13:22:05Z'],
    ['2026-09-14T08:52:05-0430', '2026-09-14T13:22:05Z'],
    ['2026-09-14T13:22:05+01', '2026-09-14T12:22:05Z'],
    ['2026-09-14t13:22:05z', '2026-09-14T13:22:05Z'],
    ['  2026-09-14  ', '2026-09-14T00:00:00Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00Z'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
    expect(TimestampSchema.safeParse(expected).success).toBe(true);
  });

  it.each([
    '14/09/2026',
    'yesterday',
    '2026-13-01',
    '2026-02-30',
    '2025-02-29',
    '2026-04-31',
    '2026-09-14T24:00:00Z',
    '2026-09-14T13:60:00Z',
    '2026-09-14T13:22:61Z',
    '2026-09-31T13:22:05Z',
    '2026-09-14T13:22:05+25:00',
    '20260914',
    '2026-9-14',
    '',
  ])('refuses %j', (input) => expect(parseTimestamp(input)).toBeUndefined());
});

describe('RowReader', () => {
  const read = (cells: Record<string, unknown>) => new RowReader(new Map(Object.entries(cells)));

  it('reads text, trimmed, with empty as missing', () => {
    const r = read({ a: '  x ', b: '   ', c: 7, d: true, e: null });
    expect([r.text('a'), r.text('b'), r.text('c'), r.text('d'), r.text('e'), r.text('missing')]).toEqual(['x', undefined, '7', 'true', undefined, undefined]);
    expect(r.errors).toEqual([]);
  });

  it('refuses objects, lists and huge cells as text', () => {
    const r = read({ a: { x: 1 }, b: ['x'], c: 'x'.repeat(10_001) });
    r.text('a');
    r.text('b');
    r.text('c');
    expect(r.errors).toEqual([
      { column: 'a', message: 'Expected text, got object', coded: { code: 'import.expectedText', detail: '{"x":1}' } },
      { column: 'b', message: 'Expected text, got a list', coded: { code: 'import.expectedText', detail: '["x"]' } },
      { column: 'c', message: 'Longer than 10,000 characters', coded: { code: 'import.tooLong', params: { count: 10_000 } } },
    ]);
  });

  it.each([
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['1', true],
    ['x', true],
    ['no', false],
    ['False', false],
    ['0', false],
    [true, true],
    [false, false],
    ['', undefined],
  ])('reads %j as the boolean %s', (value, expected) => expect(read({ b: value }).boolean('b')).toBe(expected));

  it('refuses other booleans, numbers and dates with the value quoted', () => {
    const r = read({ b: 'maybe', n: '12abc', m: '-3', d: '31/12/2026' });
    r.boolean('b');
    r.number('n');
    r.number('m', { min: 0 });
    r.timestamp('d');
    expect(r.errors.map((error) => error.message)).toEqual([
      'Expected yes or no (true/false, 1/0), got "maybe"',
      'Not a number: "12abc"',
      'Must be 0 or more, got -3',
      'Not a date: "31/12/2026". Use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ',
    ]);
  });

  it.each([
    ['82', 82],
    ['-1.5', -1.5],
    ['1e3', 1000],
    ['.5', 0.5],
    [42, 42],
  ])('reads %j as the number %d', (value, expected) => expect(read({ n: value }).number('n')).toBe(expected));

  it('reads lists from ;-separated text or JSON arrays', () => {
    expect(read({ l: ' a; b ;;c ' }).list('l')).toEqual(['a', 'b', 'c']);
    expect(read({ l: ['a', ' b ', '', 3] }).list('l')).toEqual(['a', 'b', '3']);
    const r = read({ l: ['a', { x: 1 }] });
    expect(r.list('l')).toEqual([]);
    expect(r.errors).toEqual([{ column: 'l', message: 'Expected a list of text, got "{"x":1}"', coded: { code: 'import.expectedList', detail: '{"x":1}' } }]);
  });

  it('matches choices ignoring case, spaces and dashes', () => {
    expect(enumKey(' Paid Search ')).toBe('paid_search');
    expect(enumKey('one-pager')).toBe('one_pager');
    const r = read({ s: 'hot' });
    expect(r.oneOf('s', ['lead', 'mql'], 'stage')).toBeUndefined();
    expect(r.errors).toEqual([{ column: 's', message: 'Unknown stage "hot". Use one of: lead, mql', coded: { code: 'import.unknownValue', params: { allowed: 'lead, mql' }, detail: 'hot' } }]);
  });

  it('pads a one-digit hour', () => {
    expect(read({ c: '9:30' }).clock('c')).toBe('09:30');
    expect(read({ c: '09:30' }).clock('c')).toBe('09:30');
    expect(read({ c: '9am' }).clock('c')).toBe('9am');
  });

  it('quotes values short and on one line', () => {
    expect(quote('a\nb')).toBe('"a b"');
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(39)}…"`);
    expect(quote(5)).toBe('"5"');
  });
});
