import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable } from '@/components/insights/DataTable';
import { OverviewSchema, type Overview } from '@/lib/schema/dashboard';
import { VERDICT_LABELS, VerdictSchema, type Verdict } from '@/lib/schema/feedback';
import type { Channel } from '@/lib/schema/lead';
import { ChartFigure } from '../components/ChartFigure';
import { useChartTheme } from '../components/chart-colors';
import { Kpi } from '../components/Kpi';
import { Empty, Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { PeriodLine } from '../components/PeriodLine';
import { useApi } from '../hooks/use-api';
import { filterQuery, useFilters } from '../hooks/use-filters';
import { channelLabel, dayText, percent } from '../labels';

export function OverviewPage() {
  const { filters } = useFilters();
  const overview = useApi(`/overview${filterQuery(filters)}`, OverviewSchema, 'the overview');
  return (
    <div className="stack">
      <PageHeader title="Overview" testId="page-overview" />
      <Load loaded={overview} what="the overview">
        {(data) => <OverviewBody data={data} />}
      </Load>
    </div>
  );
}

function OverviewBody({ data }: { data: Overview }) {
  const { demosBooked, leadsRated, contentUsed } = data;
  const usedShare = contentUsed.catalog ? contentUsed.used / contentUsed.catalog : 0;
  return (
    <>
      <PeriodLine period={data.period} previous={data.previous} />
      <div className="kpis">
        <Kpi label="Demos booked" value={demosBooked.current} previous={demosBooked.previous} testId="kpi-demos-booked" />
        <Kpi label="Leads rated" value={leadsRated.current} previous={leadsRated.previous} testId="kpi-leads-rated" />
        <Kpi
          label="Content used"
          value={contentUsed.catalog ? percent(usedShare) : '—'}
          note={`${contentUsed.used} of ${contentUsed.catalog} catalog items opened or copied`}
          testId="kpi-content-used"
        />
      </div>
      {leadsRated.current === 0 && demosBooked.current === 0 && (
        <Empty>No rep gave a verdict in this period yet. Verdicts appear here as reps rate leads in the Leadside extension.</Empty>
      )}
      <DataTable
        title="By source"
        testId="overview-by-source"
        csvName={`leadside-by-source-${data.period.from}-${data.period.to}`}
        rows={data.bySource}
        rowKey={(row) => row.channel ?? 'none'}
        empty="No lead of any source was rated in this period."
        columns={[
          { header: 'Source', value: (row) => channelLabel(row.channel) },
          { header: 'Leads rated', value: (row) => row.leadsRated, numeric: true },
          { header: 'Demos booked', value: (row) => row.demosBooked, numeric: true },
          { header: 'Good fit', value: (row) => row.goodFit, numeric: true },
          { header: 'Content opened', value: (row) => row.contentOpened, numeric: true },
        ]}
      />
      <WeeklyTrend weekly={data.weekly} period={`${data.period.from}-${data.period.to}`} />
    </>
  );
}

type WeeklyRow = Overview['weekly'][number];
const ALL = 'all';

/** Verdicts per week, one bar segment per source; the select narrows it to one verdict (e.g. demos). */
function WeeklyTrend({ weekly, period }: { weekly: WeeklyRow[]; period: string }) {
  const colors = useChartTheme();
  const [verdict, setVerdict] = useState<Verdict | typeof ALL>(ALL);
  const count = (row: WeeklyRow) => (verdict === ALL ? Object.values(row.verdicts).reduce((sum, value) => sum + (value ?? 0), 0) : (row.verdicts[verdict] ?? 0));
  const channels = [...new Set(weekly.map((row) => row.channel))];
  const key = (channel: Channel | null) => channel ?? 'none';
  const weeks = [...new Set(weekly.map((row) => row.weekStart))].sort();
  const chartRows = weeks.map((weekStart) => {
    const entry: Record<string, string | number> = { week: dayText(weekStart) };
    for (const row of weekly.filter((candidate) => candidate.weekStart === weekStart)) entry[key(row.channel)] = count(row);
    return entry;
  });
  const what = verdict === ALL ? 'verdicts' : `"${VERDICT_LABELS[verdict]}" verdicts`;
  const tableRows = [...weekly].sort((a, b) => a.weekStart.localeCompare(b.weekStart) || channelLabel(a.channel).localeCompare(channelLabel(b.channel)));
  return (
    <ChartFigure
      title="Verdicts per week, by source"
      testId="overview-weekly"
      summary={`Bar chart of ${what} per week by source over ${weeks.length} weeks. The same numbers are in the table below.`}
      controls={
        <label className="row small">
          <span>Show</span>
          <select value={verdict} onChange={(event) => setVerdict(event.target.value as Verdict | typeof ALL)} data-testid="weekly-verdict">
            <option value={ALL}>All verdicts</option>
            {VerdictSchema.options.map((option) => (
              <option key={option} value={option}>
                {VERDICT_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
      }
      chart={
        weeks.length === 0 ? (
          <Empty>No verdicts in this period, so no weeks to chart.</Empty>
        ) : (
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={chartRows} accessibilityLayer={false} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
              <CartesianGrid stroke={colors.grid} vertical={false} />
              <XAxis dataKey="week" stroke={colors.ink} tick={{ fill: colors.ink, fontSize: 12 }} />
              <YAxis allowDecimals={false} stroke={colors.ink} tick={{ fill: colors.ink, fontSize: 12 }} />
              <Tooltip contentStyle={{ background: colors.surface, borderColor: colors.grid, color: colors.ink }} cursor={{ fill: colors.grid, opacity: 0.4 }} />
              <Legend wrapperStyle={{ color: colors.ink, fontSize: 12 }} itemSorter={null} />
              {channels.map((channel, index) => (
                <Bar key={key(channel)} dataKey={key(channel)} name={channelLabel(channel)} stackId="source" maxBarSize={72} fill={colors.series[index % colors.series.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <DataTable
          title="Verdicts per week and source"
          testId="overview-weekly-table"
          csvName={`leadside-weekly-verdicts-${period}`}
          rows={tableRows}
          rowKey={(row) => `${row.weekStart}-${key(row.channel)}`}
          empty="No verdicts in this period."
          columns={[
            { header: 'Week of', value: (row) => row.weekStart },
            { header: 'Source', value: (row) => channelLabel(row.channel) },
            ...VerdictSchema.options.map((option) => ({ header: VERDICT_LABELS[option], value: (row: WeeklyRow) => row.verdicts[option] ?? 0, numeric: true })),
          ]}
        />
      }
    />
  );
}
