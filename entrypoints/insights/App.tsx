import { useState } from 'react';
import { browser } from 'wxt/browser';
import { DataTable, type Column } from '@/components/insights/DataTable';
import { CONTENT_COLUMNS, NEVER_USED_COLUMNS, qualityColumns } from '@/components/insights/tables';
import { fallbackNotice, scopeLine } from '@/components/insights/scope';
import { useInsights, type Period } from '@/components/insights/use-insights';
import { Spinner } from '@/components/ui/Spinner';
import { formatDateTime } from '@/lib/format/time';
import type { Insights } from '@/lib/store/insights-load';

type RequestRow = Insights['requests'][number];
const REQUEST_COLUMNS: ReadonlyArray<Column<RequestRow>> = [
  { header: 'When', value: (row) => formatDateTime(row.createdAt) },
  { header: 'Kind', value: (row) => (row.kind === 'content_request' ? 'Content request' : 'Prospect question') },
  { header: 'Text', value: (row) => row.text },
  { header: 'Lead', value: (row) => row.lead },
  { header: 'Rep', value: (row) => row.rep ?? '' },
];

export function App() {
  const [period, setPeriod] = useState<Period>('30');
  const { view, error } = useInsights(period);
  const insights = view?.insights;
  const fallback = view && fallbackNotice(view);
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <h1>Leadside Insights</h1>
          <p className="muted">What reps open, send and rate, and how they judge marketing's leads.</p>
          {view && (
            <p className={view.scope === 'team' ? 'scope scope-team' : 'scope muted'} data-testid="insights-scope">
              {scopeLine(view)}
            </p>
          )}
        </div>
        <div className="row">
          <label htmlFor="period">Period</label>
          <select id="period" value={period} onChange={(event) => setPeriod(event.target.value as Period)}>
            <option value="7">Last 7 days</option>
            <option value="30">Last 30 days</option>
            <option value="90">Last 90 days</option>
            <option value="all">All time</option>
          </select>
          <a className="btn" href={browser.runtime.getURL('/options.html')}>
            Options
          </a>
        </div>
      </header>
      {error && (
        <div className="notice notice-danger" role="alert">
          Could not read Leadside's data: {error}
        </div>
      )}
      {fallback && (
        <div className="notice notice-warn" role="alert" data-testid="team-fallback">
          {fallback}
        </div>
      )}
      {!insights ? (
        <Spinner label="Counting…" />
      ) : (
        <>
          <Kpis insights={insights} />
          <DataTable
            title="Content usage"
            testId="content-usage"
            rows={insights.usage.filter((row) => row.suggested + row.opened + row.linkCopied + row.useful + row.notUseful > 0)}
            columns={CONTENT_COLUMNS}
            rowKey={(row) => row.contentId}
            empty="No content has been suggested yet. Open a lead in your CRM with Leadside's side panel open."
            csvName={`leadside-content-usage-${period}`}
          />
          <DataTable
              title="Lead quality by source"
              testId="quality-by-channel"
              rows={insights.byChannel}
              columns={qualityColumns('Source')}
              rowKey={(row) => row.key}
              empty="No lead verdicts yet."
              csvName={`leadside-lead-quality-by-source-${period}`}
              description="Each lead counts once, with the rep's latest verdict."
            />
            <DataTable
              title="Lead quality by campaign"
              testId="quality-by-campaign"
              rows={insights.byCampaign}
              columns={qualityColumns('Campaign')}
              rowKey={(row) => row.key}
              empty="No lead verdicts yet."
              csvName={`leadside-lead-quality-by-campaign-${period}`}
            />
          <DataTable
            title="Never used"
            testId="never-used"
            rows={insights.neverUsed}
            columns={NEVER_USED_COLUMNS}
            rowKey={(row) => row.contentId}
            empty={insights.totals.catalog === 0 ? 'The content catalog has not been loaded yet.' : 'Every item has been used. Nice.'}
            csvName={`leadside-never-used-${period}`}
            description={`${insights.neverUsed.length} of ${insights.totals.catalog} catalog items were not opened, copied or rated in this period.`}
          />
          <DataTable
            title="Requests and questions from the field"
            testId="field-requests"
            rows={insights.requests}
            columns={REQUEST_COLUMNS}
            rowKey={(row) => row.id}
            empty="No content requests or prospect questions yet."
            csvName={`leadside-field-requests-${period}`}
          />
        </>
      )}
    </main>
  );
}

function Kpis({ insights }: { insights: Insights }) {
  const used = insights.totals.catalog - insights.neverUsed.filter((row) => row.type !== undefined).length;
  const rated = insights.byChannel.reduce((sum, row) => sum + row.leads, 0);
  const demos = insights.byChannel.reduce((sum, row) => sum + row.verdicts.demo_booked, 0);
  return (
    <section className="kpis" aria-label="Summary">
      <div className="card kpi">
        <span className="muted small">Content used</span>
        <strong data-testid="kpi-content-used">
          {used} / {insights.totals.catalog}
        </strong>
      </div>
      <div className="card kpi">
        <span className="muted small">Leads rated</span>
        <strong data-testid="kpi-leads-rated">{rated}</strong>
      </div>
      <div className="card kpi">
        <span className="muted small">Demos booked</span>
        <strong data-testid="kpi-demos-booked">{demos}</strong>
      </div>
    </section>
  );
}
