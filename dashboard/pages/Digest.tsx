import { useState } from 'react';
import { DataTable } from '@/components/insights/DataTable';
import { formatDateTime } from '@/lib/format/time';
import { DigestSchema, DigestSentSchema, type Digest } from '@/lib/schema/dashboard';
import { call } from '../api/client';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../hooks/use-api';
import { daysBefore, utcDay } from '../hooks/use-filters';
import { useLocation } from '../hooks/use-location';
import { query } from '../api/queries';
import { channelLabel, dayText } from '../labels';

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
  const { path, search, navigate } = useLocation();
  const weeks = recentWeeks();
  const requested = search.get('week');
  const week = requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : undefined;
  const digest = useApi(`/digest${query({ week })}`, DigestSchema, 'the weekly digest');
  const [sending, setSending] = useState<Sending>({ state: 'idle' });

  const chooseWeek = (next: string) => {
    setSending({ state: 'idle' });
    navigate(`${path}${query({ week: next || undefined })}`, { replace: true });
  };

  const send = async () => {
    setSending({ state: 'sending' });
    try {
      const answer = await call('POST', `/digest/send${query({ week })}`, DigestSentSchema, { what: 'Sending the digest to Slack' });
      setSending({ state: 'done', ...answer });
    } catch (error) {
      setSending({ state: 'done', sent: false, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="stack digest">
      <PageHeader title="Weekly digest" testId="page-digest">
        <div className="row no-print">
          <label className="row">
            <span>Week</span>
            <select value={week ?? ''} onChange={(event) => chooseWeek(event.target.value)} data-testid="digest-week">
              <option value="">Last full week</option>
              {weeks.map((monday) => (
                <option key={monday} value={monday}>
                  Week of {dayText(monday)}
                </option>
              ))}
              {week && !weeks.includes(week) && <option value={week}>Week of {dayText(week)}</option>}
            </select>
          </label>
          <button type="button" className="btn" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={sending.state === 'sending'} data-testid="digest-send">
            {sending.state === 'sending' ? 'Sending…' : 'Send to Slack now'}
          </button>
        </div>
      </PageHeader>
      <p role="status" className="no-print" data-testid="digest-send-result">
        {sending.state === 'done' && <span className={`notice ${sending.sent ? 'notice-good' : 'notice-danger'} inline-notice`}>{sending.sent ? `✓ ${sending.message}` : `Not sent: ${sending.message}`}</span>}
      </p>
      <Load loaded={digest} what="the weekly digest">
        {(data) => <DigestBody data={data} />}
      </Load>
    </div>
  );
}

function DigestBody({ data }: { data: Digest }) {
  const week = `${data.week.from}`;
  return (
    <>
      <p className="digest-title">
        <strong>{data.team}</strong>: the week of {dayText(data.week.from)} – {dayText(data.week.to)} (UTC)
      </p>
      <DataTable
        title="Demos booked by source"
        testId="digest-demos"
        csvName={`leadside-digest-demos-${week}`}
        rows={data.demosBySource}
        rowKey={(row) => row.channel ?? 'none'}
        empty="No demo was booked this week."
        columns={[
          { header: 'Source', value: (row) => channelLabel(row.channel) },
          { header: 'Demos booked', value: (row) => row.demosBooked, numeric: true },
          { header: 'Week before', value: (row) => row.previous, numeric: true },
        ]}
      />
      <DataTable
        title="Best content"
        testId="digest-best-content"
        csvName={`leadside-digest-best-content-${week}`}
        rows={data.bestContent}
        rowKey={(row) => row.contentId}
        empty="No content was opened this week."
        columns={[
          { header: 'Item', value: (row) => row.title },
          { header: 'Opened', value: (row) => row.opened, numeric: true },
          { header: 'Link copied', value: (row) => row.linkCopied, numeric: true },
          { header: 'Useful', value: (row) => row.useful, numeric: true },
          { header: 'Opened for demo leads', value: (row) => row.openedForDemoLeads, numeric: true },
        ]}
      />
      <DataTable
        title="Never used"
        testId="digest-never-used"
        csvName={`leadside-digest-never-used-${week}`}
        rows={data.neverUsed}
        rowKey={(row) => row.contentId}
        empty="Every catalog item was used this week."
        columns={[{ header: 'Item', value: (row) => row.title }]}
      />
      <DataTable
        title="New from the field"
        testId="digest-requests"
        csvName={`leadside-digest-requests-${week}`}
        rows={data.newRequests}
        rowKey={(row) => row.id}
        empty="No new request or question this week."
        columns={[
          { header: 'When', value: (row) => formatDateTime(row.createdAt) },
          { header: 'Text', value: (row) => row.text },
          { header: 'Lead', value: (row) => row.lead },
          { header: 'Rep', value: (row) => row.rep },
        ]}
      />
      <DataTable
        title="Leads past the SLA"
        testId="digest-past-sla"
        csvName={`leadside-digest-past-sla-${week}`}
        rows={data.pastSla}
        rowKey={(row) => `${row.profileId}-${row.missed}`}
        empty="No qualified lead waited past the SLA."
        columns={[
          { header: 'Lead', value: (row) => row.lead },
          { header: 'Source', value: (row) => channelLabel(row.channel) },
          { header: 'Qualified', value: (row) => formatDateTime(row.qualifiedAt) },
          { header: 'Missed', value: (row) => (row.missed === 'look' ? 'First look' : 'Verdict') },
        ]}
      />
    </>
  );
}
