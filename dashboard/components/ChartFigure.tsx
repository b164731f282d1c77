import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart with its numbers: the picture for the meeting, and the same data as a table (under
 * "Show as a table") for screen readers, keyboard users and anyone who wants the exact counts.
 */
export function ChartFigure({ title, summary, testId, chart, table, controls }: { title: string; summary: string; testId: string; chart: ReactNode; table: ReactNode; controls?: ReactNode }) {
  const { t } = useTranslation('dashboard');
  const headingId = `${testId}-title`;
  return (
    <section className="card section" aria-labelledby={headingId} data-testid={testId}>
      <div className="spread">
        <h2 id={headingId}>{title}</h2>
        {controls}
      </div>
      <div className="chart" role="img" aria-label={summary}>
        {chart}
      </div>
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        {table}
      </details>
    </section>
  );
}
