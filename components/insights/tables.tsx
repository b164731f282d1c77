import { VERDICT_LABELS, VerdictSchema } from '@/lib/schema';
import type { ContentUsageRow, LeadQualityRow } from '@/lib/insights/aggregate';
import type { Column } from './DataTable';

export const CONTENT_COLUMNS: ReadonlyArray<Column<ContentUsageRow>> = [
  { header: 'Content', value: (row) => row.title },
  { header: 'Suggested', value: (row) => row.suggested, numeric: true },
  { header: 'Opened', value: (row) => row.opened, numeric: true },
  { header: 'Link copied', value: (row) => row.linkCopied, numeric: true },
  { header: 'Useful', value: (row) => row.useful, numeric: true },
  { header: 'Not useful', value: (row) => row.notUseful, numeric: true },
];

export const NEVER_USED_COLUMNS: ReadonlyArray<Column<ContentUsageRow>> = [
  { header: 'Content', value: (row) => row.title },
  { header: 'Type', value: (row) => row.type?.replace(/_/g, ' ') ?? '' },
  { header: 'Times suggested', value: (row) => row.suggested, numeric: true },
];

function share(count: number, total: number): string {
  return total === 0 ? '–' : `${Math.round((count / total) * 100)}%`;
}

/** Lead-quality columns: volume beside the share of each verdict. */
export function qualityColumns(groupHeader: string): ReadonlyArray<Column<LeadQualityRow>> {
  return [
    { header: groupHeader, value: (row) => row.label },
    { header: 'Leads rated', value: (row) => row.leads, numeric: true },
    ...VerdictSchema.options.map(
      (verdict): Column<LeadQualityRow> => ({
        header: VERDICT_LABELS[verdict],
        value: (row) => row.verdicts[verdict],
        numeric: true,
        render: (row) => (
          <>
            {row.verdicts[verdict]} <span className="muted small share">({share(row.verdicts[verdict], row.leads)})</span>
          </>
        ),
      }),
    ),
  ];
}
