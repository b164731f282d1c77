import type { ImportOutcome, ParsedImport } from '@/lib/import/types';

/** Row errors listed in a report; a file with more says how many were left out. */
const MAX_ERRORS = 1000;

/**
 * The row report the extension's file import shows, as JSON: how many rows, which were refused and
 * why (row, column, message), columns left out, duplicates merged, and what saving changed.
 */
export function importReport(parsed: ParsedImport, outcome?: ImportOutcome) {
  return {
    kind: parsed.kind,
    format: parsed.format,
    unit: parsed.unit,
    total: parsed.total,
    valid: parsed.valid,
    rejected: parsed.rejected,
    errors: parsed.errors.slice(0, MAX_ERRORS),
    errorsLeftOut: Math.max(0, parsed.errors.length - MAX_ERRORS),
    ...(parsed.fatal ? { fatal: parsed.fatal } : {}),
    ignoredColumns: parsed.ignoredColumns,
    duplicatesMerged: parsed.duplicatesMerged,
    ...(outcome ? { added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged } : {}),
  };
}
export type ImportReport = ReturnType<typeof importReport>;
