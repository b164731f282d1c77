import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '@/components/insights/DataTable';
import { LeadDrillSchema, LeadQualitySchema, type LeadDrill, type LeadQuality, type Share } from '@/lib/schema/dashboard';
import { VerdictSchema } from '@/lib/schema/feedback';
import { numberColumn } from '../components/columns';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { PeriodLine } from '../components/PeriodLine';
import { useApi } from '../hooks/use-api';
import { filterQuery, useFilters } from '../hooks/use-filters';
import { useLocation } from '../hooks/use-location';
import { useLabels, type Labels } from '../hooks/use-labels';

type By = 'source' | 'campaign';
type Row = LeadQuality['rows'][number];

const rowLabel = (by: By, row: Row, format: Labels) => (by === 'source' ? format.channel(row.channel) : format.campaign(row.campaign));
const rowKey = (row: Row) => `${row.channel ?? ''}|${row.campaign ?? ''}`;

/** Share cell: the percentage, its interval, and a mark when the row has too few leads to mean much. */
function ShareCell({ share }: { share: Share }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const interval = `${format.percent(share.low)}–${format.percent(share.high)}`;
  return (
    <span title={t('quality.shareTitle', { count: share.count, of: share.of, interval })}>
      {format.percent(share.share)} <span className="muted small nowrap-text">({interval})</span>
    </span>
  );
}

export function LeadQualityPage() {
  const { t } = useTranslation('dashboard');
  const { filters } = useFilters();
  const { path, search, navigate } = useLocation();
  const by: By = search.get('by') === 'campaign' ? 'campaign' : 'source';
  const quality = useApi(`/lead-quality${filterQuery(filters, { by })}`, LeadQualitySchema, t('what.leadQuality'));
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
      <PageHeader title={t('nav.lead-quality')} testId="page-lead-quality">
        <div className="row" role="group" aria-label={t('quality.groupBy')}>
          {(['source', 'campaign'] as const).map((option) => (
            <button key={option} type="button" className="btn" aria-pressed={by === option} onClick={() => setBy(option)} data-testid={`quality-by-${option}`}>
              {t(`quality.by_${option}`)}
            </button>
          ))}
        </div>
      </PageHeader>
      <Load loaded={quality} what={t('what.leadQuality')}>
        {(data) => <QualityBody data={data} by={by} onDrill={setDrill} />}
      </Load>
      {drill && <Drill row={drill} by={by} close={() => setDrill(null)} />}
    </div>
  );
}

function QualityBody({ data, by, onDrill }: { data: LeadQuality; by: By; onDrill(row: Row): void }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const columns: Column<Row>[] = [
    {
      header: by === 'source' ? t('column.source') : t('column.campaign'),
      value: (row) => rowLabel(by, row, format),
      render: (row) => (
        // A campaign's name is marketing's data; a source's name is ours.
        <button type="button" className="link-button" onClick={() => onDrill(row)} data-testid="quality-drill" translate={by === 'campaign' && row.campaign ? 'no' : undefined}>
          {rowLabel(by, row, format)}
        </button>
      ),
    },
    ...(by === 'campaign' ? [{ header: t('column.source'), value: (row: Row) => format.channel(row.channel) }] : []),
    numberColumn(t('column.leads'), (row: Row) => row.leads, format),
    ...VerdictSchema.options.map((verdict) => ({
      header: format.verdict(verdict),
      value: (row: Row) => {
        const count = row.verdicts[verdict] ?? 0;
        return `${format.number(count)} (${format.percent(row.leads ? count / row.leads : 0)})`;
      },
      numeric: true,
    })),
    { header: t('quality.goodShare'), value: (row) => format.share(row.good), render: (row) => <ShareCell share={row.good} />, numeric: true },
    { header: t('quality.demoShare'), value: (row) => format.share(row.demoBooked), render: (row) => <ShareCell share={row.demoBooked} />, numeric: true },
    {
      header: t('column.note'),
      value: (row) => (row.good.tooFew ? t('quality.tooFewLong') : ''),
      render: (row) => (row.good.tooFew ? <span className="badge badge-warn">{t('quality.tooFew')}</span> : null),
    },
  ];
  return (
    <>
      <PeriodLine period={data.period} />
      <DataTable
        title={by === 'source' ? t('quality.tableBySource') : t('quality.tableByCampaign')}
        testId="lead-quality-table"
        csvName={`leadside-lead-quality-by-${by}-${data.period.from}-${data.period.to}`}
        rows={data.rows}
        rowKey={rowKey}
        empty={t('quality.empty')}
        description={t('quality.description')}
        columns={columns}
      />
    </>
  );
}

/** The leads behind one row: each with its latest verdict, the reason chips, the rep's note and who gave it. */
function Drill({ row, by, close }: { row: Row; by: By; close(): void }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const format = useLabels();
  const { filters } = useFilters();
  // Empty = the leads that carried none; a campaign row is one channel's campaign, so it names both.
  const keys = by === 'source' ? { channel: row.channel ?? '' } : { channel: row.channel ?? '', campaign: row.campaign ?? '' };
  const leads = useApi(`/lead-quality/leads${filterQuery(filters, keys)}`, LeadDrillSchema, t('what.leads'));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row]);
  const label = rowLabel(by, row, format);
  return (
    <section className="card section" aria-labelledby="drill-title" data-testid="lead-drill">
      <div className="spread">
        <h2 id="drill-title" ref={heading} tabIndex={-1}>
          {t('quality.drillTitle', { label })}
        </h2>
        <button type="button" className="btn" onClick={close}>
          {t('common:close')}
        </button>
      </div>
      <Load loaded={leads} what={t('what.leadsOf', { label })}>
        {(data) => (
          <DataTable
            title={t('quality.drillCount', { count: data.leads.length, formatted: format.number(data.leads.length) })}
            testId="lead-drill-table"
            csvName={`leadside-leads-${label.replace(/[^\w-]+/g, '-').toLowerCase()}`}
            rows={data.leads}
            rowKey={(lead) => lead.leadKey}
            empty={t('quality.drillEmpty')}
            columns={[
              { header: t('column.lead'), value: (lead) => lead.lead, data: true },
              { header: t('column.verdict'), value: (lead) => format.verdict(lead.verdict) },
              {
                header: t('column.reasons'),
                value: (lead) => lead.reasons.join('; '),
                // The reason chips are the rep's words as the extension stored them.
                render: (lead) => (
                  <span className="chips" translate="no">
                    {lead.reasons.map((reason) => (
                      <span key={reason} className="badge">
                        {reason}
                      </span>
                    ))}
                  </span>
                ),
              },
              { header: t('column.note'), value: (lead) => lead.note ?? '', data: true },
              { header: t('column.rep'), value: (lead) => lead.rep, data: true },
              { header: t('column.when'), value: (lead) => format.dateTime(lead.at), formatted: true },
              numberColumn(t('quality.verdictsInPeriod'), (lead: LeadDrill['leads'][number]) => lead.verdictCount, format),
            ]}
          />
        )}
      </Load>
    </section>
  );
}
