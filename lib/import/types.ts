import type { ContentItem, LeadProfile, PageView } from '@/lib/schema';
import type { CodedText } from '@/lib/schema/coded-text';

/** What a file holds: one kind per file, chosen by the user. */
export type ImportKind = 'profiles' | 'pageViews' | 'content';
export const IMPORT_KINDS: readonly ImportKind[] = ['profiles', 'pageViews', 'content'];

export type ImportFormat = 'csv' | 'json';

/** A page view imported from a file: kept apart so page-view files may come before or after the profiles. */
export interface ImportedPageView extends PageView {
  /** How the file named the lead: viewsById() or viewsByEmail() (lib/import/keys.ts). */
  profileKey: string;
}

export interface ImportedCounts {
  profiles: number;
  pageViews: number;
  content: number;
}

/**
 * Why one row was refused. `row` is what the user sees: in a CSV, the spreadsheet row (the header is
 * row 1, so the first record is row 2); in JSON, the item's position in the array, from 1.
 */
export interface RowError {
  row: number;
  /** A documented column name (`viewed_at`), a JSON path (`source.channel`), or `(row)` for the whole row. */
  column: string;
  /** English (the CSV report, logs). */
  message: string;
  /** The same refusal as a code (lib/import/message-codes.ts), for the page to word; the cell quoted as its detail. */
  coded?: CodedText;
}

/** The validated content of a file, ready to be saved (or not), with every refusal. */
export interface ParsedImport {
  kind: ImportKind;
  format: ImportFormat;
  /** Rows (CSV) or items (JSON): how the report counts. */
  unit: 'row' | 'item';
  /** Data rows seen, blank lines not counted. */
  total: number;
  valid: number;
  rejected: number;
  /** Every problem, in file order; a rejected row may have several. */
  errors: RowError[];
  /** A problem with the whole file (not CSV, no header, a required column missing): nothing is importable. */
  fatal?: string;
  fatalCoded?: CodedText;
  /** Columns (or JSON keys) that are not in the documented set and were left out. */
  ignoredColumns: string[];
  /** Page views that appeared twice in the file (same lead, time and URL): kept once. */
  duplicatesMerged: number;
  records: ImportRecords;
}

export interface ImportRecords {
  /** Without page views: those a JSON profile carried are in `pageViews`. */
  profiles: LeadProfile[];
  pageViews: ImportedPageView[];
  content: ContentItem[];
}

export interface ParseProgress {
  /** 0…1 of the file read. */
  fraction: number;
  /** Data rows (or items) checked so far. */
  rows: number;
}

export interface ParseOptions {
  onProgress?: (progress: ParseProgress) => void;
  signal?: AbortSignal;
}

/** What saving changed: re-importing the same file answers 0 added, 0 updated. */
export interface ImportOutcome {
  kind: ImportKind;
  added: number;
  updated: number;
  unchanged: number;
}
