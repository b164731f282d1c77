import type { Column } from '@/components/insights/DataTable';
import type { Labels } from '../hooks/use-labels';

/**
 * A count column: the CSV export gets the plain number (spreadsheets read it in any locale), the
 * screen shows it as the UI's locale writes numbers ("1.234" in German).
 */
export function numberColumn<Row>(header: string, value: (row: Row) => number, format: Labels): Column<Row> {
  return { header, value, render: (row) => format.number(value(row)), numeric: true };
}
