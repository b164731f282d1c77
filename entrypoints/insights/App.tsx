import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { DataTable, type Column } from '@/components/insights/DataTable';
import { contentColumns, formatsFor, neverUsedColumns, qualityColumns, type Formats } from '@/components/insights/tables';
import { fallbackNotice, scopeLine } from '@/components/insights/scope';
import { useInsights, type Period } from '@/components/insights/use-insights';
import { useIntlLocale } from '@/components/ui/i18n';
import { Spinner } from '@/components/ui/Spinner';
import { formatDateTime } from '@/lib/format/time';
import type { Insights } from '@/lib/store/insights-load';

type RequestRow = Insights['requests'][number];
const PERIODS: readonly Period[] = ['7', '30', '90', 'all'];

function requestColumns(t: TFunction<'insights'>, locale: string): ReadonlyArray<Column<RequestRow>> {
  return [
    { header: t('column.when'), value: (row) => formatDateTime(row.createdAt, locale), formatted: true },
    { header: t('column.kind'), value: (row) => (row.kind === 'content_request' ? t('requests.contentRequest') : t('requests.prospectQuestion')) },
    { header: t('column.text'), value: (row) => row.text, data: true },
    { header: t('column.lead'), value: (row) => row.lead, data: true },
    { header: t('column.rep'), value: (row) => row.rep ?? '', data: true },
  ];
}

export function App() {
  const { t, i18n } = useTranslation(['insights', 'common']);
  const locale = useIntlLocale();
  const formats = useMemo(() => formatsFor(locale), [locale]);
  const [period, setPeriod] = useState<Period>('30');
  const { view, error } = useInsights(period);
  const insights = view?.insights;
  const fallback = view && fallbackNotice(view, t, i18n);
  useEffect(() => {
    document.title = t('title');
  }, [t]);
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
          {view && (
            <p className={view.scope === 'team' ? 'scope scope-team' : 'scope muted'} data-testid="insights-scope">
              {scopeLine(view, t)}
            </p>
          )}
        </div>
        <div className="row">
          <label htmlFor="period">{t('period.label')}</label>
          <select id="period" value={period} onChange={(event) => setPeriod(event.target.value as Period)}>
            {PERIODS.map((option) => (
              <option key={option} value={option}>
                {t(`period.${option}`)}
              </option>
            ))}
          </select>
          <a className="btn" href={browser.runtime.getURL('/options.html')}>
            {t('options')}
          </a>
        </div>
      </header>
      {error && (
        <div className="notice notice-danger" role="alert">
          {t('readFailed', { error })}
        </div>
      )}
      {fallback && (
        <div className="notice notice-warn" role="alert" data-testid="team-fallback">
          {fallback}
        </div>
      )}
      {!insights ? <Spinner label={t('counting')} /> : <Tables insights={insights} period={period} formats={formats} locale={locale} />}
    </main>
  );
}

function Tables({ insights, period, formats, locale }: { insights: Insights; period: Period; formats: Formats; locale: string }) {
  const { t } = useTranslation(['insights', 'common']);
  return (
    <>
      <Kpis insights={insights} formats={formats} />
      <DataTable
        title={t('usage.title')}
        testId="content-usage"
        rows={insights.usage.filter((row) => row.suggested + row.opened + row.linkCopied + row.useful + row.notUseful > 0)}
        columns={contentColumns(t, formats)}
        rowKey={(row) => row.contentId}
        empty={t('usage.empty')}
        csvName={`leadside-content-usage-${period}`}
      />
      <DataTable
        title={t('quality.byChannel')}
        testId="quality-by-channel"
        rows={insights.byChannel}
        columns={qualityColumns('channel', t, formats)}
        rowKey={(row) => row.key}
        empty={t('quality.empty')}
        csvName={`leadside-lead-quality-by-source-${period}`}
        description={t('quality.onceEach')}
      />
      <DataTable
        title={t('quality.byCampaign')}
        testId="quality-by-campaign"
        rows={insights.byCampaign}
        columns={qualityColumns('campaign', t, formats)}
        rowKey={(row) => row.key}
        empty={t('quality.empty')}
        csvName={`leadside-lead-quality-by-campaign-${period}`}
      />
      <DataTable
        title={t('neverUsed.title')}
        testId="never-used"
        rows={insights.neverUsed}
        columns={neverUsedColumns(t, formats)}
        rowKey={(row) => row.contentId}
        empty={insights.totals.catalog === 0 ? t('neverUsed.noCatalog') : t('neverUsed.allUsed')}
        csvName={`leadside-never-used-${period}`}
        description={t('neverUsed.description', { unused: formats.number(insights.neverUsed.length), count: insights.totals.catalog })}
      />
      <DataTable
        title={t('requests.title')}
        testId="field-requests"
        rows={insights.requests}
        columns={requestColumns(t, locale)}
        rowKey={(row) => row.id}
        empty={t('requests.empty')}
        csvName={`leadside-field-requests-${period}`}
      />
    </>
  );
}

function Kpis({ insights, formats }: { insights: Insights; formats: Formats }) {
  const { t } = useTranslation('insights');
  const used = insights.totals.catalog - insights.neverUsed.filter((row) => row.type !== undefined).length;
  const rated = insights.byChannel.reduce((sum, row) => sum + row.leads, 0);
  const demos = insights.byChannel.reduce((sum, row) => sum + row.verdicts.demo_booked, 0);
  return (
    <section className="kpis" aria-label={t('kpi.summary')}>
      <div className="card kpi">
        <span className="muted small">{t('kpi.contentUsed')}</span>
        <strong data-testid="kpi-content-used">{t('kpi.usedOfCatalog', { used: formats.number(used), total: formats.number(insights.totals.catalog) })}</strong>
      </div>
      <div className="card kpi">
        <span className="muted small">{t('kpi.leadsRated')}</span>
        <strong data-testid="kpi-leads-rated">{formats.number(rated)}</strong>
      </div>
      <div className="card kpi">
        <span className="muted small">{t('kpi.demosBooked')}</span>
        <strong data-testid="kpi-demos-booked">{formats.number(demos)}</strong>
      </div>
    </section>
  );
}
