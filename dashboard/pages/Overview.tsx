import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from 'recharts';
import { DataTable } from '@/components/insights/DataTable';
import { OverviewSchema, type Overview } from '@/lib/schema/dashboard';
import { VerdictSchema, type Verdict } from '@/lib/schema/feedback';
import type { Channel } from '@/lib/schema/lead';
import { ChartFigure } from '../components/ChartFigure';
import { useChartTheme } from '../components/chart-colors';
import { Kpi } from '../components/Kpi';
import { Empty, Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { PeriodLine } from '../components/PeriodLine';
import { useApi } from '../hooks/use-api';
import { filterQuery, useFilters } from '../hooks/use-filters';
import { numberColumn } from '../components/columns';
import { useLabels } from '../hooks/use-labels';

export function OverviewPage() {
  const { t } = useTranslation('dashboard');
  const { filters } = useFilters();
  const overview = useApi(`/overview${filterQuery(filters)}`, OverviewSchema, t('what.overview'));
  return (
    <div className="stack">
      <PageHeader title={t('nav.overview')} testId="page-overview" />
      <Load loaded={overview} what={t('what.overview')}>
        {(data) => <OverviewBody data={data} />}
      </Load>
    </div>
  );
}

function OverviewBody({ data }: { data: Overview }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const { demosBooked, leadsRated, contentUsed } = data;
  const usedShare = contentUsed.catalog ? contentUsed.used / contentUsed.catalog : 0;
  return (
    <>
      <PeriodLine period={data.period} previous={data.previous} />
      <div className="kpis">
        <Kpi label={t('overview.demosBooked')} value={demosBooked.current} previous={demosBooked.previous} testId="kpi-demos-booked" />
        <Kpi label={t('overview.leadsRated')} value={leadsRated.current} previous={leadsRated.previous} testId="kpi-leads-rated" />
        <Kpi
          label={t('overview.contentUsed')}
          value={contentUsed.catalog ? format.percent(usedShare) : '—'}
          note={t('overview.contentUsedNote', { used: format.number(contentUsed.used), catalog: format.number(contentUsed.catalog) })}
          testId="kpi-content-used"
        />
      </div>
      {leadsRated.current === 0 && demosBooked.current === 0 && (
        <Empty>{t('overview.empty')}</Empty>
      )}
      <DataTable
        title={t('overview.bySource')}
        testId="overview-by-source"
        csvName={`leadside-by-source-${data.period.from}-${data.period.to}`}
        rows={data.bySource}
        rowKey={(row) => row.channel ?? 'none'}
        empty={t('overview.bySourceEmpty')}
        columns={[
          { header: t('column.source'), value: (row) => format.channel(row.channel) },
          numberColumn(t('overview.leadsRated'), (row: Overview['bySource'][number]) => row.leadsRated, format),
          numberColumn(t('overview.demosBooked'), (row: Overview['bySource'][number]) => row.demosBooked, format),
          numberColumn(format.verdict('good_fit'), (row: Overview['bySource'][number]) => row.goodFit, format),
          numberColumn(t('overview.contentOpened'), (row: Overview['bySource'][number]) => row.contentOpened, format),
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
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const colors = useChartTheme();
  const [verdict, setVerdict] = useState<Verdict | typeof ALL>(ALL);
  const count = (row: WeeklyRow) => (verdict === ALL ? Object.values(row.verdicts).reduce((sum, value) => sum + (value ?? 0), 0) : (row.verdicts[verdict] ?? 0));
  const channels = [...new Set(weekly.map((row) => row.channel))];
  const key = (channel: Channel | null) => channel ?? 'none';
  const weeks = [...new Set(weekly.map((row) => row.weekStart))].sort();
  const chartRows = weeks.map((weekStart) => {
    const entry: Record<string, string | number> = { week: format.day(weekStart) };
    for (const row of weekly.filter((candidate) => candidate.weekStart === weekStart)) entry[key(row.channel)] = count(row);
    return entry;
  });
  const collator = new Intl.Collator(format.locale);
  const tableRows = [...weekly].sort((a, b) => a.weekStart.localeCompare(b.weekStart) || collator.compare(format.channel(a.channel), format.channel(b.channel)));
  return (
    <ChartFigure
      title={t('overview.weeklyTitle')}
      testId="overview-weekly"
      summary={
        verdict === ALL
          ? t('overview.weeklySummary', { count: weeks.length })
          : t('overview.weeklySummaryOne', { count: weeks.length, verdict: format.verdict(verdict) })
      }
      controls={
        <label className="row small">
          <span>{t('overview.show')}</span>
          <select value={verdict} onChange={(event) => setVerdict(event.target.value as Verdict | typeof ALL)} data-testid="weekly-verdict">
            <option value={ALL}>{t('overview.allVerdicts')}</option>
            {VerdictSchema.options.map((option) => (
              <option key={option} value={option}>
                {format.verdict(option)}
              </option>
            ))}
          </select>
        </label>
      }
      chart={
        weeks.length === 0 ? (
          <Empty>{t('overview.weeklyEmpty')}</Empty>
        ) : (
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={chartRows} accessibilityLayer={false} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
              <CartesianGrid stroke={colors.grid} vertical={false} />
              <XAxis
                dataKey="week"
                stroke={colors.ink}
                // The weeks are Intl's dates, in the UI's locale (English under the pseudo-locale, hence exempt from its check).
                tick={({ x, y, payload }: XAxisTickContentProps) => (
                  <text x={x} y={y} dy={14} textAnchor="middle" fill={colors.ink} fontSize={12} data-intl="">
                    {String(payload.value)}
                  </text>
                )}
              />
              <YAxis allowDecimals={false} stroke={colors.ink} tick={{ fill: colors.ink, fontSize: 12 }} tickFormatter={format.number} />
              <Tooltip
                contentStyle={{ background: colors.surface, borderColor: colors.grid, color: colors.ink }}
                cursor={{ fill: colors.grid, opacity: 0.4 }}
                formatter={(value) => (typeof value === 'number' ? format.number(value) : value)}
              />
              <Legend wrapperStyle={{ color: colors.ink, fontSize: 12 }} itemSorter={null} />
              {channels.map((channel, index) => (
                <Bar key={key(channel)} dataKey={key(channel)} name={format.channel(channel)} stackId="source" maxBarSize={72} fill={colors.series[index % colors.series.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <DataTable
          title={t('overview.weeklyTable')}
          testId="overview-weekly-table"
          csvName={`leadside-weekly-verdicts-${period}`}
          rows={tableRows}
          rowKey={(row) => `${row.weekStart}-${key(row.channel)}`}
          empty={t('overview.weeklyTableEmpty')}
          columns={[
            // The CSV keeps the ISO day (sorts and imports anywhere); the screen shows it in the UI's locale.
            { header: t('overview.weekOf'), value: (row) => row.weekStart, render: (row) => format.day(row.weekStart), formatted: true },
            { header: t('column.source'), value: (row) => format.channel(row.channel) },
            ...VerdictSchema.options.map((option) => numberColumn(format.verdict(option), (row: WeeklyRow) => row.verdicts[option] ?? 0, format)),
          ]}
        />
      }
    />
  );
}
