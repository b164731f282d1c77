import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/insights/DataTable';
import { DigestSchema, DigestSentSchema, type Digest } from '@/lib/schema/dashboard';
import { call } from '../api/client';
import { numberColumn } from '../components/columns';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../hooks/use-api';
import { daysBefore, utcDay } from '../hooks/use-filters';
import { useLocation } from '../hooks/use-location';
import { query } from '../api/queries';
import { useLabels } from '../hooks/use-labels';

const WEEKS_OFFERED = 12;

/** The Monday (UTC) of the week `day` falls in. */
function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return daysBefore(day, weekday);
}

/** The last full weeks, newest first: the picker's choices. */
function recentWeeks(): string[] {
  const thisMonday = mondayOf(utcDay(new Date()));
  return Array.from({ length: WEEKS_OFFERED }, (_, index) => daysBefore(thisMonday, 7 * (index + 1)));
}

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'done'; sent: boolean; message: string };

export function DigestPage() {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const { path, search, navigate } = useLocation();
  const weeks = recentWeeks();
  const requested = search.get('week');
  const week = requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : undefined;
  const digest = useApi(`/digest${query({ week })}`, DigestSchema, t('what.digest'));
  const [sending, setSending] = useState<Sending>({ state: 'idle' });

  const chooseWeek = (next: string) => {
    setSending({ state: 'idle' });
    navigate(`${path}${query({ week: next || undefined })}`, { replace: true });
  };

  const send = async () => {
    setSending({ state: 'sending' });
    try {
      const answer = await call('POST', `/digest/send${query({ week })}`, DigestSentSchema, { what: t('digest.sending') });
      setSending({ state: 'done', ...answer });
    } catch (error) {
      setSending({ state: 'done', sent: false, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="stack digest">
      <PageHeader title={t('digest.title')} testId="page-digest">
        <div className="row no-print">
          <label className="row">
            <span>{t('digest.week')}</span>
            <select value={week ?? ''} onChange={(event) => chooseWeek(event.target.value)} data-testid="digest-week">
              <option value="">{t('digest.lastWeek')}</option>
              {weeks.map((monday) => (
                <option key={monday} value={monday}>
                  {t('digest.weekOf', { day: format.day(monday) })}
                </option>
              ))}
              {week && !weeks.includes(week) && <option value={week}>{t('digest.weekOf', { day: format.day(week) })}</option>}
            </select>
          </label>
          <button type="button" className="btn" onClick={() => window.print()}>
            {t('digest.print')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={sending.state === 'sending'} data-testid="digest-send">
            {sending.state === 'sending' ? t('digest.sendingButton') : t('digest.send')}
          </button>
        </div>
      </PageHeader>
      <p role="status" className="no-print" data-testid="digest-send-result">
        {/* The server's answer (sent or why not) stays in its words. */}
        {sending.state === 'done' && (
          <span className={`notice ${sending.sent ? 'notice-good' : 'notice-danger'} inline-notice`}>
            {sending.sent ? '✓ ' : t('digest.notSent')} <span>{sending.message}</span>
          </span>
        )}
      </p>
      <Load loaded={digest} what={t('what.digest')}>
        {(data) => <DigestBody data={data} />}
      </Load>
    </div>
  );
}

function DigestBody({ data }: { data: Digest }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const week = `${data.week.from}`;
  type Demos = Digest['demosBySource'][number];
  type Best = Digest['bestContent'][number];
  return (
    <>
      <p className="digest-title">
        <strong translate="no">{data.team}</strong>: {t('digest.weekLine', { from: format.day(data.week.from), to: format.day(data.week.to) })}
      </p>
      <DataTable
        title={t('digest.demosTitle')}
        testId="digest-demos"
        csvName={`leadside-digest-demos-${week}`}
        rows={data.demosBySource}
        rowKey={(row) => row.channel ?? 'none'}
        empty={t('digest.demosEmpty')}
        columns={[
          { header: t('column.source'), value: (row) => format.channel(row.channel) },
          numberColumn(t('overview.demosBooked'), (row: Demos) => row.demosBooked, format),
          numberColumn(t('digest.weekBefore'), (row: Demos) => row.previous, format),
        ]}
      />
      <DataTable
        title={t('digest.bestTitle')}
        testId="digest-best-content"
        csvName={`leadside-digest-best-content-${week}`}
        rows={data.bestContent}
        rowKey={(row) => row.contentId}
        empty={t('digest.bestEmpty')}
        columns={[
          { header: t('column.item'), value: (row) => row.title, data: true },
          numberColumn(t('funnel.opened'), (row: Best) => row.opened, format),
          numberColumn(t('funnel.linkCopied'), (row: Best) => row.linkCopied, format),
          numberColumn(t('funnel.useful'), (row: Best) => row.useful, format),
          numberColumn(t('funnel.openedForDemoLeads'), (row: Best) => row.openedForDemoLeads, format),
        ]}
      />
      <DataTable
        title={t('content.neverUsedTitle')}
        testId="digest-never-used"
        csvName={`leadside-digest-never-used-${week}`}
        rows={data.neverUsed}
        rowKey={(row) => row.contentId}
        empty={t('digest.neverUsedEmpty')}
        columns={[{ header: t('column.item'), value: (row) => row.title, data: true }]}
      />
      <DataTable
        title={t('digest.requestsTitle')}
        testId="digest-requests"
        csvName={`leadside-digest-requests-${week}`}
        rows={data.newRequests}
        rowKey={(row) => row.id}
        empty={t('digest.requestsEmpty')}
        columns={[
          { header: t('column.when'), value: (row) => format.dateTime(row.createdAt), formatted: true },
          { header: t('column.text'), value: (row) => row.text, data: true },
          { header: t('column.lead'), value: (row) => row.lead, data: true },
          { header: t('column.rep'), value: (row) => row.rep, data: true },
        ]}
      />
      <DataTable
        title={t('followUp.pastSlaTitle')}
        testId="digest-past-sla"
        csvName={`leadside-digest-past-sla-${week}`}
        rows={data.pastSla}
        rowKey={(row) => `${row.profileId}-${row.missed}`}
        empty={t('digest.pastSlaEmpty')}
        columns={[
          { header: t('column.lead'), value: (row) => row.lead, data: true },
          { header: t('column.source'), value: (row) => format.channel(row.channel) },
          { header: t('followUp.qualified'), value: (row) => format.dateTime(row.qualifiedAt), formatted: true },
          { header: t('followUp.missed'), value: (row) => (row.missed === 'look' ? t('followUp.firstLook') : t('column.verdict')) },
        ]}
      />
    </>
  );
}
