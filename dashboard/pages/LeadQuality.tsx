import { useEffect, useRef, useState } from 'react';
import { DataTable, type Column } from '@/components/insights/DataTable';
import { formatDateTime } from '@/lib/format/time';
import { LeadDrillSchema, LeadQualitySchema, type LeadQuality, type Share } from '@/lib/schema/dashboard';
import { VERDICT_LABELS, VerdictSchema } from '@/lib/schema/feedback';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { PeriodLine } from '../components/PeriodLine';
import { useApi } from '../hooks/use-api';
import { filterQuery, useFilters } from '../hooks/use-filters';
import { useLocation } from '../hooks/use-location';
import { campaignLabel, channelLabel, percent, shareText } from '../labels';

type By = 'source' | 'campaign';
type Row = LeadQuality['rows'][number];

const rowLabel = (by: By, row: Row) => (by === 'source' ? channelLabel(row.channel) : campaignLabel(row.campaign));
const rowKey = (row: Row) => `${row.channel ?? ''}|${row.campaign ?? ''}`;

/** Share cell: the percentage, its interval, and a mark when the row has too few leads to mean much. */
function ShareCell({ share }: { share: Share }) {
  return (
    <span title={`${share.count} of ${share.of}; 95% interval ${percent(share.low)}–${percent(share.high)}`}>
      {percent(share.share)} <span className="muted small">({percent(share.low)}–{percent(share.high)})</span>
    </span>
  );
}

export function LeadQualityPage() {
  const { filters } = useFilters();
  const { path, search, navigate } = useLocation();
  const by: By = search.get('by') === 'campaign' ? 'campaign' : 'source';
  const quality = useApi(`/lead-quality${filterQuery(filters, { by })}`, LeadQualitySchema, 'lead quality');
  const [drill, setDrill] = useState<Row | null>(null);

  const setBy = (next: By) => {
    const params = new URLSearchParams(search);
    if (next === 'source') params.delete('by');
    else params.set('by', next);
    setDrill(null);
    navigate(`${path}${params.size ? `?${params}` : ''}`, { replace: true });
  };

  return (
    <div className="stack">
      <PageHeader title="Lead quality" testId="page-lead-quality">
        <div className="row" role="group" aria-label="Group leads by">
          {(['source', 'campaign'] as const).map((option) => (
            <button key={option} type="button" className="btn" aria-pressed={by === option} onClick={() => setBy(option)} data-testid={`quality-by-${option}`}>
              By {option}
            </button>
          ))}
        </div>
      </PageHeader>
      <Load loaded={quality} what="lead quality">
        {(data) => <QualityBody data={data} by={by} onDrill={setDrill} />}
      </Load>
      {drill && <Drill row={drill} by={by} close={() => setDrill(null)} />}
    </div>
  );
}

function QualityBody({ data, by, onDrill }: { data: LeadQuality; by: By; onDrill(row: Row): void }) {
  const columns: Column<Row>[] = [
    {
      header: by === 'source' ? 'Source' : 'Campaign',
      value: (row) => rowLabel(by, row),
      render: (row) => (
        <button type="button" className="link-button" onClick={() => onDrill(row)} data-testid="quality-drill">
          {rowLabel(by, row)}
        </button>
      ),
    },
    ...(by === 'campaign' ? [{ header: 'Source', value: (row: Row) => channelLabel(row.channel) }] : []),
    { header: 'Leads', value: (row) => row.leads, numeric: true },
    ...VerdictSchema.options.map((verdict) => ({
      header: VERDICT_LABELS[verdict],
      value: (row: Row) => {
        const count = row.verdicts[verdict] ?? 0;
        return `${count} (${percent(row.leads ? count / row.leads : 0)})`;
      },
      numeric: true,
    })),
    { header: 'Good fit or demo, share', value: (row) => shareText(row.good), render: (row) => <ShareCell share={row.good} />, numeric: true },
    { header: 'Demo booked, share', value: (row) => shareText(row.demoBooked), render: (row) => <ShareCell share={row.demoBooked} />, numeric: true },
    {
      header: 'Note',
      value: (row) => (row.good.tooFew ? 'Too few leads to mean much yet' : ''),
      render: (row) => (row.good.tooFew ? <span className="badge badge-warn">Too few leads</span> : null),
    },
  ];
  return (
    <>
      <PeriodLine period={data.period} />
      <DataTable
        title={by === 'source' ? 'Verdicts by source' : 'Verdicts by campaign'}
        testId="lead-quality-table"
        csvName={`leadside-lead-quality-by-${by}-${data.period.from}-${data.period.to}`}
        rows={data.rows}
        rowKey={rowKey}
        empty="No lead got a verdict in this period."
        description="Each lead counts once, with its latest verdict. Shares show a 95% interval: a row with few leads has a wide one. Choose a row to see its leads."
        columns={columns}
      />
    </>
  );
}

/** The leads behind one row: each with its latest verdict, the reason chips, the rep's note and who gave it. */
function Drill({ row, by, close }: { row: Row; by: By; close(): void }) {
  const { filters } = useFilters();
  // Empty = the leads that carried none; a campaign row is one channel's campaign, so it names both.
  const keys = by === 'source' ? { channel: row.channel ?? '' } : { channel: row.channel ?? '', campaign: row.campaign ?? '' };
  const leads = useApi(`/lead-quality/leads${filterQuery(filters, keys)}`, LeadDrillSchema, 'the leads');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row]);
  const label = rowLabel(by, row);
  return (
    <section className="card section" aria-labelledby="drill-title" data-testid="lead-drill">
      <div className="spread">
        <h2 id="drill-title" ref={heading} tabIndex={-1}>
          Leads of {label}
        </h2>
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
      </div>
      <Load loaded={leads} what={`the leads of ${label}`}>
        {(data) => (
          <DataTable
            title={`${data.leads.length} lead${data.leads.length === 1 ? '' : 's'}`}
            testId="lead-drill-table"
            csvName={`leadside-leads-${label.replace(/[^\w-]+/g, '-').toLowerCase()}`}
            rows={data.leads}
            rowKey={(lead) => lead.leadKey}
            empty="No lead of this row got a verdict in this period."
            columns={[
              { header: 'Lead', value: (lead) => lead.lead },
              { header: 'Verdict', value: (lead) => VERDICT_LABELS[lead.verdict] },
              {
                header: 'Reasons',
                value: (lead) => lead.reasons.join('; '),
                render: (lead) => (
                  <span className="chips">
                    {lead.reasons.map((reason) => (
                      <span key={reason} className="badge">
                        {reason}
                      </span>
                    ))}
                  </span>
                ),
              },
              { header: 'Note', value: (lead) => lead.note ?? '' },
              { header: 'Rep', value: (lead) => lead.rep },
              { header: 'When', value: (lead) => formatDateTime(lead.at) },
              { header: 'Verdicts in period', value: (lead) => lead.verdictCount, numeric: true },
            ]}
          />
        )}
      </Load>
    </section>
  );
}
