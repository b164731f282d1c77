import type { TFunction } from 'i18next';
import { VerdictSchema } from '@/lib/schema';
import { ChannelSchema } from '@/lib/schema/lead';
import type { ContentUsageRow, LeadQualityRow } from '@/lib/insights/aggregate';
import type { Column } from './DataTable';

type T = TFunction<['insights', 'common']>;

/** Numbers and shares as the UI's locale writes them ("1 234", "45 %"). */
export interface Formats {
  number(value: number): string;
  percent(share: number): string;
}

export function formatsFor(locale: string): Formats {
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return { number: (value) => number.format(value), percent: (share) => percent.format(share) };
}

const numeric = <Row,>(header: string, count: (row: Row) => number, formats: Formats): Column<Row> => ({
  header,
  value: count,
  numeric: true,
  render: (row) => formats.number(count(row)),
});

/** A content type's name ("Case study"); a type this build does not know shows as stored. */
function typeName(type: string | undefined, t: T): string {
  if (!type) return '';
  return t(`contentType.${type}` as never, { defaultValue: type.replace(/_/g, ' ') }) as string;
}

export function contentColumns(t: T, formats: Formats): ReadonlyArray<Column<ContentUsageRow>> {
  return [
    { header: t('column.content'), value: (row) => row.title, data: true },
    numeric(t('column.suggested'), (row) => row.suggested, formats),
    numeric(t('column.opened'), (row) => row.opened, formats),
    numeric(t('column.linkCopied'), (row) => row.linkCopied, formats),
    numeric(t('column.useful'), (row) => row.useful, formats),
    numeric(t('column.notUseful'), (row) => row.notUseful, formats),
  ];
}

export function neverUsedColumns(t: T, formats: Formats): ReadonlyArray<Column<ContentUsageRow>> {
  return [
    { header: t('column.content'), value: (row) => row.title, data: true },
    { header: t('column.type'), value: (row) => typeName(row.type, t) },
    numeric(t('column.timesSuggested'), (row) => row.suggested, formats),
  ];
}

function share(count: number, total: number, formats: Formats): string {
  return total === 0 ? '–' : formats.percent(count / total);
}

/**
 * The name of a lead-quality row: a channel in the UI's language, "Unknown" for leads without one,
 * a campaign as marketing named it.
 */
function groupName(row: LeadQualityRow, by: 'channel' | 'campaign', t: T): string {
  if (row.key === '(unknown)') return t('quality.unknown');
  if (by === 'channel' && ChannelSchema.safeParse(row.key).success) return t(`channel.${row.key}` as never) as string;
  return row.label;
}

/** Lead-quality columns: volume beside the share of each verdict. */
export function qualityColumns(by: 'channel' | 'campaign', t: T, formats: Formats): ReadonlyArray<Column<LeadQualityRow>> {
  return [
    {
      header: by === 'channel' ? t('column.source') : t('column.campaign'),
      value: (row) => groupName(row, by, t),
      // A campaign is marketing's own name; a channel or "Unknown" is ours.
      data: by === 'campaign',
    },
    numeric(t('column.leadsRated'), (row) => row.leads, formats),
    ...VerdictSchema.options.map(
      (verdict): Column<LeadQualityRow> => ({
        header: t(`common:verdict.${verdict}`),
        value: (row) => row.verdicts[verdict],
        numeric: true,
        render: (row) => (
          <>
            {formats.number(row.verdicts[verdict])} <span className="muted small share">({share(row.verdicts[verdict], row.leads, formats)})</span>
          </>
        ),
      }),
    ),
  ];
}
