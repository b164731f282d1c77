import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type YAxisTickContentProps } from 'recharts';
import { DataTable, type Column } from '@/components/insights/DataTable';
import { SafeLink } from '@/components/ui/SafeLink';
import { ContentReportSchema, type ContentReport, type ContentReportItem } from '@/lib/schema/dashboard';
import { ChartFigure } from '../components/ChartFigure';
import { numberColumn } from '../components/columns';
import { useChartTheme } from '../components/chart-colors';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { PeriodLine } from '../components/PeriodLine';
import { useApi } from '../hooks/use-api';
import { filterQuery, useFilters } from '../hooks/use-filters';
import { useLabels, type Labels } from '../hooks/use-labels';
import { isWide } from '../labels';

const TOP = 8;

type DashboardT = TFunction<'dashboard'>;

export function ContentPage() {
  const { t } = useTranslation('dashboard');
  const { filters } = useFilters();
  const report = useApi(`/content${filterQuery(filters)}`, ContentReportSchema, t('what.contentReport'));
  return (
    <div className="stack">
      <PageHeader title={t('nav.content')} testId="page-content" />
      <Load loaded={report} what={t('what.contentReport')}>
        {(data) => <ContentBody data={data} />}
      </Load>
    </div>
  );
}

/** The catalog's title (marketing's data); an item gone from the catalog is named by its id. */
const itemTitle = (item: ContentReportItem, t: DashboardT) => item.title ?? t('content.goneItem', { id: item.contentId });

function ItemLink({ item }: { item: ContentReportItem }) {
  const { t } = useTranslation('dashboard');
  const title = itemTitle(item, t);
  return item.url ? (
    <SafeLink href={item.url}>
      <span translate="no">{title}</span>
    </SafeLink>
  ) : (
    <span translate={item.title ? 'no' : undefined}>{title}</span>
  );
}

function statusOf(item: ContentReportItem, t: DashboardT): string {
  const notes = [item.retired && t('status.retired'), item.replacedBy && t('content.replacedBy', { id: item.replacedBy }), !item.replacedBy && item.stale && t('content.pastReview')];
  return notes.filter(Boolean).join('; ');
}

function funnelColumns(t: DashboardT, format: Labels): Column<ContentReportItem>[] {
  return [
    { header: t('column.item'), value: (item) => itemTitle(item, t), render: (item) => <ItemLink item={item} /> },
    numberColumn(t('funnel.suggested'), (item: ContentReportItem) => item.suggested, format),
    numberColumn(t('funnel.opened'), (item: ContentReportItem) => item.opened, format),
    numberColumn(t('funnel.linkCopied'), (item: ContentReportItem) => item.linkCopied, format),
    numberColumn(t('funnel.useful'), (item: ContentReportItem) => item.useful, format),
    numberColumn(t('funnel.notUseful'), (item: ContentReportItem) => item.notUseful, format),
    numberColumn(t('funnel.openedForDemoLeads'), (item: ContentReportItem) => item.openedForDemoLeads, format),
    {
      header: t('column.status'),
      value: (item) => statusOf(item, t),
      render: (item) => {
        const status = statusOf(item, t);
        return status ? <span className={`badge ${item.retired ? '' : 'badge-warn'}`}>{status}</span> : null;
      },
    },
  ];
}

function ContentBody({ data }: { data: ContentReport }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const period = `${data.period.from}-${data.period.to}`;
  const byId = new Map(data.items.map((item) => [item.contentId, item]));
  const pick = (ids: string[]) => ids.map((id) => byId.get(id) ?? ({ contentId: id, retired: false, stale: false, suggested: 0, opened: 0, linkCopied: 0, useful: 0, notUseful: 0, openedForDemoLeads: 0 } satisfies ContentReportItem));
  return (
    <>
      <PeriodLine period={data.period} previous={data.previous} />
      <TopItemsChart items={data.items} period={period} />
      <DataTable
        title={t('content.funnelTitle')}
        testId="content-funnel"
        csvName={`leadside-content-funnel-${period}`}
        rows={data.items}
        rowKey={(item) => item.contentId}
        empty={t('content.funnelEmpty')}
        description={t('content.funnelDescription')}
        columns={funnelColumns(t, format)}
      />
      <DataTable
        title={t('content.neverUsedTitle')}
        testId="content-never-used"
        csvName={`leadside-never-used-${period}`}
        rows={pick(data.neverUsed)}
        rowKey={(item) => item.contentId}
        empty={t('content.neverUsedEmpty')}
        description={t('content.neverUsedDescription')}
        columns={[
          { header: t('column.item'), value: (item) => itemTitle(item, t), render: (item) => <ItemLink item={item} /> },
          { header: t('column.type'), value: (item) => (item.type ? format.type(item.type) : '') },
          numberColumn(t('funnel.suggested'), (item: ContentReportItem) => item.suggested, format),
          { header: t('column.reviewBy'), value: (item) => (item.reviewBy ? format.day(item.reviewBy) : ''), formatted: true },
        ]}
      />
      <DataTable
        title={t('content.staleTitle')}
        testId="content-stale-opened"
        csvName={`leadside-stale-opened-${period}`}
        rows={pick(data.staleStillOpened)}
        rowKey={(item) => item.contentId}
        empty={t('content.staleEmpty')}
        description={t('content.staleDescription')}
        columns={[
          { header: t('column.item'), value: (item) => itemTitle(item, t), render: (item) => <ItemLink item={item} /> },
          numberColumn(t('funnel.opened'), (item: ContentReportItem) => item.opened, format),
          { header: t('column.reviewBy'), value: (item) => (item.reviewBy ? format.day(item.reviewBy) : ''), formatted: true },
          {
            header: t('column.replacedBy'),
            value: (item) => (item.replacedBy ? (byId.get(item.replacedBy)?.title ?? item.replacedBy) : ''),
            render: (item) => <span translate="no">{item.replacedBy ? (byId.get(item.replacedBy)?.title ?? item.replacedBy) : ''}</span>,
          },
        ]}
      />
      <DataTable
        title={t('content.byRepTitle')}
        testId="content-by-rep"
        csvName={`leadside-content-by-rep-${period}`}
        rows={data.byRep}
        rowKey={(row) => row.userId}
        empty={t('content.byRepEmpty')}
        description={t('content.byRepDescription')}
        columns={[
          { header: t('column.rep'), value: (row) => row.rep, data: true },
          numberColumn(t('funnel.suggested'), (row: ContentReport['byRep'][number]) => row.suggested, format),
          numberColumn(t('funnel.opened'), (row: ContentReport['byRep'][number]) => row.opened, format),
          numberColumn(t('funnel.linkCopied'), (row: ContentReport['byRep'][number]) => row.linkCopied, format),
          numberColumn(t('funnel.useful'), (row: ContentReport['byRep'][number]) => row.useful, format),
          numberColumn(t('funnel.notUseful'), (row: ContentReport['byRep'][number]) => row.notUseful, format),
        ]}
      />
    </>
  );
}

/** The most opened items as bars, so the few that carry the field stand out. */
function TopItemsChart({ items, period }: { items: ContentReportItem[]; period: string }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const colors = useChartTheme();
  const top = [...items].filter((item) => item.opened + item.linkCopied > 0).sort((a, b) => b.opened - a.opened || b.linkCopied - a.linkCopied).slice(0, TOP);
  const wide = isWide();
  const room = wide ? 34 : 18;
  const short = (text: string) => (text.length > room ? `${text.slice(0, room - 1)}…` : text);
  // Series keyed by field; their names (legend, tooltip) in the UI's language.
  const series = [
    { key: 'suggested', name: t('funnel.suggested') },
    { key: 'opened', name: t('funnel.opened') },
    { key: 'linkCopied', name: t('funnel.linkCopied') },
  ] as const;
  const rows = top.map((item) => ({ name: short(itemTitle(item, t)), suggested: item.suggested, opened: item.opened, linkCopied: item.linkCopied }));
  return (
    <ChartFigure
      title={t('content.topTitle', { count: TOP })}
      testId="content-top-chart"
      summary={t('content.topSummary', { count: top.length })}
      chart={
        top.length === 0 ? (
          <p className="muted">{t('content.topEmpty')}</p>
        ) : (
          <ResponsiveContainer width="100%" height={Math.max(160, top.length * 44)}>
            <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 12, left: 4, bottom: 0 }}>
              <CartesianGrid stroke={colors.grid} horizontal={false} />
              <XAxis type="number" allowDecimals={false} stroke={colors.ink} tick={{ fill: colors.ink, fontSize: 12 }} tickFormatter={format.number} />
              {/* The item titles on this axis are catalog data: marked so, never translated. */}
              <YAxis
                type="category"
                dataKey="name"
                width={wide ? 230 : 124}
                stroke={colors.ink}
                tick={({ x, y, payload }: YAxisTickContentProps) => (
                  // `translate` is not in React's SVG types; the attribute still keeps translators off it.
                  <text x={x} y={y} dx={-4} dy={4} textAnchor="end" fill={colors.ink} fontSize={12} {...{ translate: 'no' }}>
                    {String(payload.value)}
                  </text>
                )}
              />
              <Tooltip
                contentStyle={{ background: colors.surface, borderColor: colors.grid, color: colors.ink }}
                cursor={{ fill: colors.grid, opacity: 0.4 }}
                formatter={(value) => (typeof value === 'number' ? format.number(value) : value)}
              />
              <Legend wrapperStyle={{ color: colors.ink, fontSize: 12 }} itemSorter={null} />
              {series.map(({ key, name }, index) => (
                <Bar key={key} dataKey={key} name={name} maxBarSize={14} fill={colors.series[index]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <DataTable
          title={t('content.topTable')}
          testId="content-top-table"
          csvName={`leadside-top-content-${period}`}
          rows={top}
          rowKey={(item) => item.contentId}
          empty={t('content.topEmpty')}
          columns={funnelColumns(t, format).slice(0, 4)}
        />
      }
    />
  );
}
