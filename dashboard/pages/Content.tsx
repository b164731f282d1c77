import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable, type Column } from '@/components/insights/DataTable';
import { SafeLink } from '@/components/ui/SafeLink';
import { ContentReportSchema, type ContentReport, type ContentReportItem } from '@/lib/schema/dashboard';
import { ChartFigure } from '../components/ChartFigure';
import { useChartTheme } from '../components/chart-colors';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { PeriodLine } from '../components/PeriodLine';
import { useApi } from '../hooks/use-api';
import { filterQuery, useFilters } from '../hooks/use-filters';
import { dayText, isWide, typeLabel } from '../labels';

const TOP = 8;

export function ContentPage() {
  const { filters } = useFilters();
  const report = useApi(`/content${filterQuery(filters)}`, ContentReportSchema, 'the content report');
  return (
    <div className="stack">
      <PageHeader title="Content" testId="page-content" />
      <Load loaded={report} what="the content report">
        {(data) => <ContentBody data={data} />}
      </Load>
    </div>
  );
}

const itemTitle = (item: ContentReportItem) => item.title ?? `${item.contentId} (no longer in the catalog)`;

function ItemLink({ item }: { item: ContentReportItem }) {
  return item.url ? <SafeLink href={item.url}>{itemTitle(item)}</SafeLink> : <span>{itemTitle(item)}</span>;
}

function statusOf(item: ContentReportItem): string {
  const notes = [item.retired && 'Retired', item.replacedBy && `Replaced by ${item.replacedBy}`, !item.replacedBy && item.stale && 'Past review date'];
  return notes.filter(Boolean).join('; ');
}

const funnelColumns: Column<ContentReportItem>[] = [
  { header: 'Item', value: itemTitle, render: (item) => <ItemLink item={item} /> },
  { header: 'Suggested', value: (item) => item.suggested, numeric: true },
  { header: 'Opened', value: (item) => item.opened, numeric: true },
  { header: 'Link copied', value: (item) => item.linkCopied, numeric: true },
  { header: 'Useful', value: (item) => item.useful, numeric: true },
  { header: 'Not useful', value: (item) => item.notUseful, numeric: true },
  { header: 'Opened for demo leads', value: (item) => item.openedForDemoLeads, numeric: true },
  {
    header: 'Status',
    value: statusOf,
    render: (item) => {
      const status = statusOf(item);
      return status ? <span className={`badge ${item.retired ? '' : 'badge-warn'}`}>{status}</span> : null;
    },
  },
];

function ContentBody({ data }: { data: ContentReport }) {
  const period = `${data.period.from}-${data.period.to}`;
  const byId = new Map(data.items.map((item) => [item.contentId, item]));
  const pick = (ids: string[]) => ids.map((id) => byId.get(id) ?? ({ contentId: id, retired: false, stale: false, suggested: 0, opened: 0, linkCopied: 0, useful: 0, notUseful: 0, openedForDemoLeads: 0 } satisfies ContentReportItem));
  return (
    <>
      <PeriodLine period={data.period} previous={data.previous} />
      <TopItemsChart items={data.items} period={period} />
      <DataTable
        title="Funnel per item"
        testId="content-funnel"
        csvName={`leadside-content-funnel-${period}`}
        rows={data.items}
        rowKey={(item) => item.contentId}
        empty="The catalog is empty and no content was used in this period."
        description="Suggested → opened → link copied → rated useful or not, and how many leads it was opened for later booked a demo."
        columns={funnelColumns}
      />
      <DataTable
        title="Never used"
        testId="content-never-used"
        csvName={`leadside-never-used-${period}`}
        rows={pick(data.neverUsed)}
        rowKey={(item) => item.contentId}
        empty="Every catalog item was opened or copied at least once in this period."
        description="Catalog items nobody opened or copied a link of in this period."
        columns={[
          { header: 'Item', value: itemTitle, render: (item) => <ItemLink item={item} /> },
          { header: 'Type', value: (item) => (item.type ? typeLabel(item.type) : '') },
          { header: 'Suggested', value: (item) => item.suggested, numeric: true },
          { header: 'Review by', value: (item) => (item.reviewBy ? dayText(item.reviewBy) : '') },
        ]}
      />
      <DataTable
        title="Stale but still opened"
        testId="content-stale-opened"
        csvName={`leadside-stale-opened-${period}`}
        rows={pick(data.staleStillOpened)}
        rowKey={(item) => item.contentId}
        empty="No item past its review date or replaced was opened in this period."
        description="Past their review date or replaced, yet reps still open them: update or retire them."
        columns={[
          { header: 'Item', value: itemTitle, render: (item) => <ItemLink item={item} /> },
          { header: 'Opened', value: (item) => item.opened, numeric: true },
          { header: 'Review by', value: (item) => (item.reviewBy ? dayText(item.reviewBy) : '') },
          { header: 'Replaced by', value: (item) => (item.replacedBy ? (byId.get(item.replacedBy)?.title ?? item.replacedBy) : '') },
        ]}
      />
      <DataTable
        title="Per rep"
        testId="content-by-rep"
        csvName={`leadside-content-by-rep-${period}`}
        rows={data.byRep}
        rowKey={(row) => row.userId}
        empty="No rep used content in this period."
        description="Every rep's funnel, whatever the rep filter."
        columns={[
          { header: 'Rep', value: (row) => row.rep },
          { header: 'Suggested', value: (row) => row.suggested, numeric: true },
          { header: 'Opened', value: (row) => row.opened, numeric: true },
          { header: 'Link copied', value: (row) => row.linkCopied, numeric: true },
          { header: 'Useful', value: (row) => row.useful, numeric: true },
          { header: 'Not useful', value: (row) => row.notUseful, numeric: true },
        ]}
      />
    </>
  );
}

/** The most opened items as bars, so the few that carry the field stand out. */
function TopItemsChart({ items, period }: { items: ContentReportItem[]; period: string }) {
  const colors = useChartTheme();
  const top = [...items].filter((item) => item.opened + item.linkCopied > 0).sort((a, b) => b.opened - a.opened || b.linkCopied - a.linkCopied).slice(0, TOP);
  const wide = isWide();
  const room = wide ? 34 : 18;
  const short = (text: string) => (text.length > room ? `${text.slice(0, room - 1)}…` : text);
  const rows = top.map((item) => ({ name: short(itemTitle(item)), Suggested: item.suggested, Opened: item.opened, 'Link copied': item.linkCopied }));
  return (
    <ChartFigure
      title={`Top ${TOP} items by opens`}
      testId="content-top-chart"
      summary={`Bar chart of the ${top.length} most opened items: suggested, opened and link copied. The same numbers are in the table below.`}
      chart={
        top.length === 0 ? (
          <p className="muted">No item was opened in this period.</p>
        ) : (
          <ResponsiveContainer width="100%" height={Math.max(160, top.length * 44)}>
            <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 12, left: 4, bottom: 0 }}>
              <CartesianGrid stroke={colors.grid} horizontal={false} />
              <XAxis type="number" allowDecimals={false} stroke={colors.ink} tick={{ fill: colors.ink, fontSize: 12 }} />
              <YAxis type="category" dataKey="name" width={wide ? 230 : 124} stroke={colors.ink} tick={{ fill: colors.ink, fontSize: 12 }} />
              <Tooltip contentStyle={{ background: colors.surface, borderColor: colors.grid, color: colors.ink }} cursor={{ fill: colors.grid, opacity: 0.4 }} />
              <Legend wrapperStyle={{ color: colors.ink, fontSize: 12 }} itemSorter={null} />
              {['Suggested', 'Opened', 'Link copied'].map((series, index) => (
                <Bar key={series} dataKey={series} maxBarSize={14} fill={colors.series[index]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <DataTable
          title="Top items"
          testId="content-top-table"
          csvName={`leadside-top-content-${period}`}
          rows={top}
          rowKey={(item) => item.contentId}
          empty="No item was opened in this period."
          columns={funnelColumns.slice(0, 4)}
        />
      }
    />
  );
}
