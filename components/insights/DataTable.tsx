import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv } from '@/lib/format/csv';
import { downloadText } from '@/components/ui/download';

export interface Column<Row> {
  header: string;
  /** The cell's value: shown, and written to the CSV export. */
  value(row: Row): string | number;
  numeric?: boolean;
  /** The cell shows data (a title, a name, the lead's words): never translated, by us or the browser. */
  data?: boolean;
  /** The cell is `Intl`'s output (a date): in the UI's locale, though the pseudo-locale formats it as English. */
  formatted?: boolean;
  render?(row: Row): ReactNode;
}

interface Props<Row> {
  title: string;
  testId: string;
  rows: readonly Row[];
  columns: ReadonlyArray<Column<Row>>;
  rowKey(row: Row): string;
  empty: string;
  csvName: string;
  description?: ReactNode;
}

/** A titled table with an "Export CSV" button, for the weekly sales–marketing meeting. */
export function DataTable<Row>({ title, testId, rows, columns, rowKey, empty, csvName, description }: Props<Row>) {
  const { t } = useTranslation('insights');
  const exportCsv = () =>
    downloadText(
      `${csvName}.csv`,
      toCsv(
        columns.map((column) => column.header),
        rows.map((row) => columns.map((column) => column.value(row))),
      ),
    );
  const headingId = `${testId}-title`;
  return (
    <section className="card section" aria-labelledby={headingId} data-testid={testId}>
      <div className="spread">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="btn" onClick={exportCsv} disabled={rows.length === 0}>
          {t('exportCsv')}
        </button>
      </div>
      {description && <p className="small muted">{description}</p>}
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        // Focusable so keyboard users can scroll a long table too.
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="data">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <td key={column.header} className={column.numeric ? 'num' : undefined} translate={column.data ? 'no' : undefined} data-intl={column.formatted || undefined}>
                      {column.render ? column.render(row) : column.value(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
