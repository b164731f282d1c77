import type { RowError } from './types';
import type { CodedText } from '@/lib/schema/coded-text';
import { importText, shown } from './message-codes';
import { LEAD_LIMITS } from '@/lib/schema/lead';

/** A row's cells by documented column name: a Map for JSON items, a view over the CSV row's array. */
export interface Cells {
  get(column: string): unknown;
}

/** No cell of a marketing export needs more; a larger one is a broken file, not data. */
export const MAX_CELL_LENGTH = 10_000;

/** A value quoted for a message: short, on one line, shown as text (never as HTML). */
export function quote(value: unknown): string {
  return `"${shown(value)}"`;
}

/** How an enum value is compared: "Paid search", "paid-search" and "PAID_SEARCH" are all `paid_search`. */
export function enumKey(value: string): string {
  return value.trim().toLowerCase().replace(/[\s\-/]+/g, '_');
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An ISO-8601 date or date-time, as spreadsheets and exports write them, to one canonical UTC form
 * ("2026-09-14T13:22:05Z"), so the same instant written two ways is the same page-view key.
 * A date alone is midnight UTC; a date-time without an offset is read as UTC (documented).
 */
export function parseTimestamp(text: string): string | undefined {
  // Most exports already write the canonical form: checked by hand, without building Dates.
  if (text.length === 20 && CANONICAL.test(text)) return validCanonical(text) ? text : undefined;
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 April into 1 May: a date that does not exist is refused, not moved.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2)), om = Number(digits.slice(2) || '0');
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const instant = new Date(utc - offsetMinutes * 60_000);
  if (Number.isNaN(instant.getTime()) || instant.getUTCFullYear() < 1000 || instant.getUTCFullYear() > 9999) return undefined;
  return instant.toISOString().replace('.000Z', 'Z');
}

const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validCanonical(text: string): boolean {
  const year = +text.slice(0, 4), month = +text.slice(5, 7), day = +text.slice(8, 10);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return false;
  return year >= 1000 && +text.slice(11, 13) <= 23 && +text.slice(14, 16) <= 59 && +text.slice(17, 19) <= 59;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/**
 * Reads one row's cells into typed values, collecting a message per bad cell instead of stopping at
 * the first, so the report can tell the user everything wrong with the row at once. Cells are what
 * the file had: strings from a CSV; strings, numbers, booleans, null or arrays from JSON.
 */
/** `="…"`: a formula that is one string literal (`""` for a quote inside it). */
const EXCEL_TEXT_LITERAL = /^="((?:[^"]|"")*)"$/;

export class RowReader {
  readonly errors: Array<Pick<RowError, 'column' | 'message' | 'coded'>> = [];

  constructor(private readonly cells: Cells) {}

  fail(column: string, message: string, coded?: CodedText): undefined {
    this.errors.push({ column, message, ...(coded ? { coded } : {}) });
    return undefined;
  }

  has(column: string): boolean {
    return this.text(column, true) !== undefined;
  }

  /** A name, a company, a title: text a lead profile holds at most LEAD_LIMITS.text characters of. */
  shortText(column: string): string | undefined {
    return this.text(column, false, LEAD_LIMITS.text);
  }

  /** Whether a message about this column was already given (its value refused). */
  refused(column: string): boolean {
    return this.errors.some((error) => error.column === column);
  }

  /** Trimmed text, or undefined when empty; refused past `max` characters. */
  text(column: string, quiet = false, max = MAX_CELL_LENGTH): string | undefined {
    const value = this.cells.get(column);
    if (value === undefined || value === null) return undefined;
    let text: string;
    // Excel's way of keeping a value as text ("=\"000456\"", written by exports "for Excel" so that
    // leading zeros survive) is that text: only a formula with nothing in it but one quoted string.
    if (typeof value === 'string') text = value.trim().replace(EXCEL_TEXT_LITERAL, (_, quoted: string) => quoted.replace(/""/g, '"'));
    else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
    else if (typeof value === 'boolean') text = String(value);
    else return quiet ? undefined : this.fail(column, `Expected text, got ${Array.isArray(value) ? 'a list' : typeof value}`, importText('import.expectedText', {}, value));
    if (text.length > max) {
      return quiet ? undefined : this.fail(column, `Longer than ${max.toLocaleString('en-US')} characters`, importText('import.tooLong', { count: max }));
    }
    return text === '' ? undefined : text;
  }

  required(column: string): string | undefined {
    const text = this.text(column);
    if (text === undefined && !this.refused(column)) return this.fail(column, 'Required, but empty', importText('import.required', {}));
    return text;
  }

  number(column: string, { min }: { min?: number } = {}): number | undefined {
    const value = this.cells.get(column);
    const number = typeof value === 'number' ? value : undefined;
    const text = number === undefined ? this.text(column) : undefined;
    if (number === undefined && text === undefined) return undefined;
    const parsed = number ?? (NUMBER.test(text!) ? Number(text) : Number.NaN);
    if (!Number.isFinite(parsed)) return this.fail(column, `Not a number: ${quote(text ?? value)}`, importText('import.notANumber', {}, text ?? value));
    if (min !== undefined && parsed < min) return this.fail(column, `Must be ${min} or more, got ${parsed}`, importText('import.atLeast', { min }, parsed));
    return parsed;
  }

  boolean(column: string): boolean | undefined {
    const value = this.cells.get(column);
    if (typeof value === 'boolean') return value;
    const text = this.text(column);
    if (text === undefined) return undefined;
    const key = text.toLowerCase();
    if (TRUE.has(key)) return true;
    if (FALSE.has(key)) return false;
    return this.fail(column, `Expected yes or no (true/false, 1/0), got ${quote(text)}`, importText('import.expectedYesNo', {}, text));
  }

  timestamp(column: string): string | undefined {
    const text = this.text(column);
    if (text === undefined) return undefined;
    return parseTimestamp(text) ?? this.fail(column, `Not a date: ${quote(text)}. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ`, importText('import.notADate', {}, text));
  }

  /** One of the allowed values, compared by enumKey() without its separators. */
  oneOf<T extends string>(column: string, allowed: readonly T[], what: string): T | undefined {
    const text = this.text(column);
    if (text === undefined) return undefined;
    // Separators never tell two choices apart: "E-mail" is `email` as "paid-search" is `paid_search`.
    const key = enumKey(text).replace(/_/g, '');
    const found = allowed.find((option) => option.replace(/_/g, '') === key);
    if (found) return found;
    return this.fail(column, `Unknown ${what} ${quote(text)}. Use one of: ${allowed.join(', ')}`, importText('import.unknownValue', { allowed: allowed.join(', ') }, text));
  }

  /** "a;b; c" (or a JSON array of strings) as ["a", "b", "c"]. */
  list(column: string): string[] {
    const value = this.cells.get(column);
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (const item of value) {
        if (typeof item !== 'string' && typeof item !== 'number') {
          this.fail(column, `Expected a list of text, got ${quote(item)}`, importText('import.expectedList', {}, item));
          return [];
        }
        const text = String(item).trim();
        if (text) items.push(text);
      }
      return items;
    }
    const text = this.text(column);
    if (text === undefined) return [];
    return text
      .split(';')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  /** "9:00" → "09:00"; anything else is left for the schema to refuse with its own message. */
  clock(column: string): string | undefined {
    const text = this.text(column);
    if (text === undefined) return undefined;
    const match = /^(\d):(\d\d)$/.exec(text);
    return match ? `0${match[1]}:${match[2]}` : text;
  }
}
