import type { ContentItem, LeadProfile } from '@/lib/schema';
import type { Cells } from './cells';
import { resolveColumn } from './columns';
import { pageViewKey, readContentRow, readPageViewRow, readProfileObject, readProfileRow, splitPageViews, type RowResult } from './validate';
import type { ImportedPageView, ImportFormat, ImportKind, ParsedImport, RowError } from './types';
import type { CodedText } from '@/lib/schema/coded-text';
import { importText } from './message-codes';

/**
 * Gathers a file's rows as they are parsed: validates each, keeps the valid ones (deduplicated by
 * their natural key), and every refusal with its row number. Shared by the CSV and JSON readers so
 * both report the same way.
 */
export class ImportCollector {
  private total = 0;
  private valid = 0;
  private rejected = 0;
  private duplicatesMerged = 0;
  private readonly errors: RowError[] = [];
  private readonly ignored = new Set<string>();
  /** id → the row that first had it, for "same id as row N". */
  private readonly firstRow = new Map<string, number>();
  private readonly profiles: LeadProfile[] = [];
  private readonly content: ContentItem[] = [];
  private readonly pageViews = new Map<string, ImportedPageView>();

  constructor(
    readonly kind: ImportKind,
    readonly format: ImportFormat,
  ) {}

  get rows(): number {
    return this.total;
  }

  /** A key of a JSON object (or a header) that is not a documented column: left out, and said so. */
  ignore(column: string): void {
    this.ignored.add(column);
  }

  /** A row refused before its cells could be read (a broken quote, too many cells, not an object). */
  reject(row: number, column: string, message: string, coded?: CodedText): void {
    this.total++;
    this.rejected++;
    this.errors.push({ row, column, message, ...(coded ? { coded } : {}) });
  }

  /** One flat row: documented column → cell value. */
  addCells(row: number, cells: Cells): void {
    this.total++;
    switch (this.kind) {
      case 'profiles':
        return this.acceptProfile(row, readProfileRow(cells));
      case 'pageViews':
        return this.accept(row, readPageViewRow(cells), (view) => {
          this.keepPageView(view);
          return undefined;
        });
      case 'content':
        return this.accept(row, readContentRow(cells), (item) => {
          const duplicate = this.claimId(item.id, row);
          if (!duplicate) this.content.push(item);
          return duplicate;
        });
    }
  }

  /** One JSON item: Leadside's own profile shape, or an object with the documented column names as keys. */
  addObject(row: number, item: unknown): void {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      this.reject(row, '(item)', 'Expected an object with the documented keys', importText('import.expectedObject', {}));
      return;
    }
    if (this.kind === 'profiles' && isProfileShape(item)) {
      this.total++;
      this.acceptProfile(row, readProfileObject(item));
      return;
    }
    const cells = new Map<string, unknown>();
    for (const [key, value] of Object.entries(item)) {
      const column = resolveColumn(this.kind, key);
      if (column) cells.set(column, value);
      else this.ignore(key);
    }
    this.addCells(row, cells);
  }

  private acceptProfile(row: number, result: RowResult<LeadProfile>): void {
    this.accept(row, result, (profile) => {
      const duplicate = this.claimId(profile.id, row);
      if (duplicate) return duplicate;
      const { profile: stored, pageViews } = splitPageViews(profile);
      this.profiles.push(stored);
      for (const view of pageViews) this.keepPageView(view);
      return undefined;
    });
  }

  /** Keeps a valid value, unless `keep` refuses it (a duplicate id) with a message. */
  private accept<T>(row: number, result: RowResult<T>, keep: (value: T) => RowError | undefined): void {
    if (!result.ok) {
      this.rejected++;
      for (const error of result.errors) this.errors.push({ row, ...error });
      return;
    }
    const refusal = keep(result.value);
    if (refusal) {
      this.rejected++;
      this.errors.push(refusal);
    } else {
      this.valid++;
    }
  }

  /** Two rows with one id would silently overwrite each other: the second is refused instead. */
  private claimId(id: string, row: number): RowError | undefined {
    const first = this.firstRow.get(id);
    if (first !== undefined) {
      return {
        row,
        column: 'id',
        message: `Same id as ${this.format === 'json' ? 'item' : 'row'} ${first}: each id may appear once`,
        coded: importText(this.format === 'json' ? 'import.duplicateIdItem' : 'import.duplicateIdRow', { first }, id),
      };
    }
    this.firstRow.set(id, row);
    return undefined;
  }

  /** The same view twice (lead, time, URL) is one view: kept once, counted as merged. */
  private keepPageView(view: ImportedPageView): void {
    const key = pageViewKey(view).join('\n');
    if (this.pageViews.has(key)) this.duplicatesMerged++;
    this.pageViews.set(key, view);
  }

  finish(): ParsedImport {
    return {
      kind: this.kind,
      format: this.format,
      unit: this.format === 'json' ? 'item' : 'row',
      total: this.total,
      valid: this.valid,
      rejected: this.rejected,
      errors: this.errors,
      ignoredColumns: [...this.ignored],
      duplicatesMerged: this.duplicatesMerged,
      records: { profiles: this.profiles, pageViews: [...this.pageViews.values()], content: this.content },
    };
  }

  /** The whole file is unusable: nothing from it may be imported. */
  fatal(message: string, coded?: CodedText): ParsedImport {
    const result = this.finish();
    return { ...result, fatal: message, ...(coded ? { fatalCoded: coded } : {}), valid: 0, records: { profiles: [], pageViews: [], content: [] } };
  }
}

/** A JSON profile in Leadside's own shape (nested source/contact) rather than flat columns. */
function isProfileShape(item: object): boolean {
  const record = item as Record<string, unknown>;
  return (
    (typeof record.source === 'object' && record.source !== null) ||
    (typeof record.contact === 'object' && record.contact !== null) ||
    'crmIds' in record ||
    'pageViews' in record ||
    'problems' in record
  );
}
