import { useEffect, useState, type FormEvent } from 'react';
import { DataTable } from '@/components/insights/DataTable';
import { formatDateTime } from '@/lib/format/time';
import { FollowUpSchema, FollowUpSettingsSchema, type FollowUp, type FollowUpSettings } from '@/lib/schema/dashboard';
import { LifecycleStageSchema, STAGE_LABELS, type LifecycleStage } from '@/lib/schema/lead';
import { call } from '../api/client';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { PeriodLine } from '../components/PeriodLine';
import { useApi } from '../hooks/use-api';
import { filterQuery, useFilters } from '../hooks/use-filters';
import { campaignLabel, channelLabel, hoursText } from '../labels';

export function FollowUpPage() {
  const { filters } = useFilters();
  const followUp = useApi(`/follow-up${filterQuery(filters)}`, FollowUpSchema, 'the follow-up times');
  const settings = useApi('/settings/follow-up', FollowUpSettingsSchema, 'the follow-up settings');
  return (
    <div className="stack">
      <PageHeader title="Follow-up" testId="page-follow-up" />
      <Load loaded={settings} what="the follow-up settings">
        {(data) => <SettingsForm initial={data} onSaved={followUp.reload} />}
      </Load>
      <Load loaded={followUp} what="the follow-up times">
        {(data) => <FollowUpBody data={data} />}
      </Load>
    </div>
  );
}

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

/** The team's shared definition of a qualified lead and how fast sales should act on one. */
function SettingsForm({ initial, onSaved }: { initial: FollowUpSettings; onSaved(): void }) {
  const [stages, setStages] = useState<LifecycleStage[]>(initial.qualifiedStages);
  const [minScore, setMinScore] = useState(initial.minScore === null ? '' : String(initial.minScore));
  const [lookHours, setLookHours] = useState(String(initial.lookSlaHours));
  const [verdictHours, setVerdictHours] = useState(String(initial.verdictSlaHours));
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  useEffect(() => setSaving({ state: 'idle' }), [stages, minScore, lookHours, verdictHours]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = { qualifiedStages: stages, minScore: minScore.trim() === '' ? null : Number(minScore), lookSlaHours: Number(lookHours), verdictSlaHours: Number(verdictHours) };
    const checked = FollowUpSettingsSchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = { qualifiedStages: 'Qualified stages: choose at least one', minScore: 'Minimum score: enter a number or leave it empty', lookSlaHours: 'First look within: enter hours above 0, at most 2160', verdictSlaHours: 'Verdict within: enter hours above 0, at most 2160' }[String(issue.path[0]) as keyof FollowUpSettings];
      setSaving({ state: 'failed', message: field ?? issue.message });
      return;
    }
    setSaving({ state: 'saving' });
    try {
      await call('PUT', '/settings/follow-up', null, { body: checked.data, what: 'Saving the follow-up settings' });
      setSaving({ state: 'saved' });
      onSaved();
    } catch (error) {
      setSaving({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    // noValidate: the check below says what is wrong in words, the same way in every browser.
    <form className="card section" onSubmit={save} noValidate aria-labelledby="follow-up-settings-title" data-testid="follow-up-settings">
      <h2 id="follow-up-settings-title">What counts as qualified, and how fast to follow up</h2>
      <fieldset className="plain-fieldset">
        <legend>A lead is qualified at these stages</legend>
        <div className="row">
          {LifecycleStageSchema.options.map((stage) => (
            <label key={stage} className="row check">
              <input
                type="checkbox"
                checked={stages.includes(stage)}
                onChange={(event) => setStages(event.target.checked ? [...stages, stage] : stages.filter((other) => other !== stage))}
              />
              {STAGE_LABELS[stage]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <label className="field">
          <span>…or once its score reaches (empty: the score does not qualify)</span>
          <input type="number" inputMode="decimal" value={minScore} onChange={(event) => setMinScore(event.target.value)} data-testid="settings-min-score" />
        </label>
        <label className="field">
          <span>A rep first opens it within (hours)</span>
          <input type="number" min="0.5" max="2160" step="0.5" required value={lookHours} onChange={(event) => setLookHours(event.target.value)} data-testid="settings-look-hours" />
        </label>
        <label className="field">
          <span>A rep gives a verdict within (hours)</span>
          <input type="number" min="0.5" max="2160" step="0.5" required value={verdictHours} onChange={(event) => setVerdictHours(event.target.value)} data-testid="settings-verdict-hours" />
        </label>
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={saving.state === 'saving'}>
          {saving.state === 'saving' ? 'Saving…' : 'Save settings'}
        </button>
        <span role="status" data-testid="settings-result" className={saving.state === 'failed' ? 'text-danger' : saving.state === 'saved' ? 'text-good' : undefined}>
          {saving.state === 'saved' && '✓ Saved. The times below use the new settings.'}
          {saving.state === 'failed' && `Not saved: ${saving.message}`}
        </span>
      </div>
    </form>
  );
}

function FollowUpBody({ data }: { data: FollowUp }) {
  const period = `${data.period.from}-${data.period.to}`;
  const when = (at: string | null) => (at ? formatDateTime(at) : 'Not yet');
  return (
    <>
      <PeriodLine period={data.period} />
      <DataTable
        title="Time to first look and first verdict, by source"
        testId="follow-up-by-source"
        csvName={`leadside-follow-up-${period}`}
        rows={data.bySource}
        rowKey={(row) => row.channel ?? 'none'}
        empty="No lead became qualified in this period."
        description={`Hours from a lead becoming qualified to a rep first opening its record (promise: ${hoursText(data.settings.lookSlaHours)}) and to the first verdict (promise: ${hoursText(data.settings.verdictSlaHours)}).`}
        columns={[
          { header: 'Source', value: (row) => channelLabel(row.channel) },
          { header: 'Qualified', value: (row) => row.qualified, numeric: true },
          { header: 'Looked at', value: (row) => row.looked, numeric: true },
          { header: 'Rated', value: (row) => row.rated, numeric: true },
          { header: 'First look, median', value: (row) => hoursText(row.toFirstLook.median), numeric: true },
          { header: 'First look, 90th pct', value: (row) => hoursText(row.toFirstLook.p90), numeric: true },
          { header: 'First verdict, median', value: (row) => hoursText(row.toFirstVerdict.median), numeric: true },
          { header: 'First verdict, 90th pct', value: (row) => hoursText(row.toFirstVerdict.p90), numeric: true },
          { header: 'Past SLA', value: (row) => row.pastSla, numeric: true },
        ]}
      />
      <DataTable
        title="Leads past the SLA"
        testId="follow-up-past-sla"
        csvName={`leadside-past-sla-${period}`}
        rows={data.pastSla}
        rowKey={(row) => `${row.profileId}-${row.missed}`}
        empty="No qualified lead of this period is past the SLA."
        description="Oldest first."
        columns={[
          { header: 'Lead', value: (row) => row.lead },
          { header: 'Source', value: (row) => channelLabel(row.channel) },
          { header: 'Campaign', value: (row) => campaignLabel(row.campaign) },
          { header: 'Qualified', value: (row) => formatDateTime(row.qualifiedAt) },
          { header: 'First look', value: (row) => when(row.firstLookAt) },
          { header: 'First verdict', value: (row) => when(row.firstVerdictAt) },
          {
            header: 'Missed',
            value: (row) => (row.missed === 'look' ? 'First look' : 'Verdict'),
            render: (row) => <span className="badge badge-danger">{row.missed === 'look' ? 'First look' : 'Verdict'}</span>,
          },
        ]}
      />
    </>
  );
}
