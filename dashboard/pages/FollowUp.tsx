import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/insights/DataTable';
import { FollowUpSchema, FollowUpSettingsSchema, type FollowUp, type FollowUpSettings } from '@/lib/schema/dashboard';
import { LifecycleStageSchema, type LifecycleStage } from '@/lib/schema/lead';
import { call } from '../api/client';
import { numberColumn } from '../components/columns';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { PeriodLine } from '../components/PeriodLine';
import { useApi } from '../hooks/use-api';
import { filterQuery, useFilters } from '../hooks/use-filters';
import { useLabels } from '../hooks/use-labels';

export function FollowUpPage() {
  const { t } = useTranslation('dashboard');
  const { filters } = useFilters();
  const followUp = useApi(`/follow-up${filterQuery(filters)}`, FollowUpSchema, t('what.followUpTimes'));
  const settings = useApi('/settings/follow-up', FollowUpSettingsSchema, t('what.followUpSettings'));
  return (
    <div className="stack">
      <PageHeader title={t('nav.follow-up')} testId="page-follow-up" />
      <Load loaded={settings} what={t('what.followUpSettings')}>
        {(data) => <SettingsForm initial={data} onSaved={followUp.reload} />}
      </Load>
      <Load loaded={followUp} what={t('what.followUpTimes')}>
        {(data) => <FollowUpBody data={data} />}
      </Load>
    </div>
  );
}

type FieldProblem = 'qualifiedStages' | 'minScore' | 'lookSlaHours' | 'verdictSlaHours';
// A problem found here is kept as its field (said in the UI's language); the server's as its words.
type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string } | { state: 'invalid'; field: FieldProblem };

/** The team's shared definition of a qualified lead and how fast sales should act on one. */
function SettingsForm({ initial, onSaved }: { initial: FollowUpSettings; onSaved(): void }) {
  const { t } = useTranslation(['dashboard', 'common']);
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
      const field = String(issue.path[0]);
      const known = ['qualifiedStages', 'minScore', 'lookSlaHours', 'verdictSlaHours'].includes(field);
      setSaving(known ? { state: 'invalid', field: field as FieldProblem } : { state: 'failed', message: issue.message });
      return;
    }
    setSaving({ state: 'saving' });
    try {
      await call('PUT', '/settings/follow-up', null, { body: checked.data, what: t('followUp.saving') });
      setSaving({ state: 'saved' });
      onSaved();
    } catch (error) {
      setSaving({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    // noValidate: the check below says what is wrong in words, the same way in every browser.
    <form className="card section" onSubmit={save} noValidate aria-labelledby="follow-up-settings-title" data-testid="follow-up-settings">
      <h2 id="follow-up-settings-title">{t('followUp.settingsTitle')}</h2>
      <fieldset className="plain-fieldset">
        <legend>{t('followUp.stages')}</legend>
        <div className="row">
          {LifecycleStageSchema.options.map((stage) => (
            <label key={stage} className="row check">
              <input
                type="checkbox"
                checked={stages.includes(stage)}
                onChange={(event) => setStages(event.target.checked ? [...stages, stage] : stages.filter((other) => other !== stage))}
              />
              {t(`stage.${stage}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <label className="field">
          <span>{t('followUp.minScore')}</span>
          <input type="number" inputMode="decimal" value={minScore} onChange={(event) => setMinScore(event.target.value)} data-testid="settings-min-score" />
        </label>
        <label className="field">
          <span>{t('followUp.lookHours')}</span>
          <input type="number" min="0.5" max="2160" step="0.5" required value={lookHours} onChange={(event) => setLookHours(event.target.value)} data-testid="settings-look-hours" />
        </label>
        <label className="field">
          <span>{t('followUp.verdictHours')}</span>
          <input type="number" min="0.5" max="2160" step="0.5" required value={verdictHours} onChange={(event) => setVerdictHours(event.target.value)} data-testid="settings-verdict-hours" />
        </label>
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={saving.state === 'saving'}>
          {saving.state === 'saving' ? t('saving') : t('followUp.save')}
        </button>
        <span role="status" data-testid="settings-result" className={saving.state === 'failed' || saving.state === 'invalid' ? 'text-danger' : saving.state === 'saved' ? 'text-good' : undefined}>
          {saving.state === 'saved' && t('followUp.saved')}
          {saving.state === 'invalid' && t('common:notSaved', { error: t(`followUp.invalid_${saving.field}`) })}
          {saving.state === 'failed' && (
            <>
              {t('common:notSaved', { error: '' })}
              <span>{saving.message}</span>
            </>
          )}
        </span>
      </div>
    </form>
  );
}

function FollowUpBody({ data }: { data: FollowUp }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const period = `${data.period.from}-${data.period.to}`;
  const when = (at: string | null) => (at ? format.dateTime(at) : t('followUp.notYet'));
  type BySource = FollowUp['bySource'][number];
  type PastSla = FollowUp['pastSla'][number];
  const missed = (row: PastSla) => (row.missed === 'look' ? t('followUp.firstLook') : t('column.verdict'));
  return (
    <>
      <PeriodLine period={data.period} />
      <DataTable
        title={t('followUp.bySourceTitle')}
        testId="follow-up-by-source"
        csvName={`leadside-follow-up-${period}`}
        rows={data.bySource}
        rowKey={(row) => row.channel ?? 'none'}
        empty={t('followUp.bySourceEmpty')}
        description={t('followUp.bySourceDescription', { look: format.hours(data.settings.lookSlaHours), verdict: format.hours(data.settings.verdictSlaHours) })}
        columns={[
          { header: t('column.source'), value: (row) => format.channel(row.channel) },
          numberColumn(t('followUp.qualified'), (row: BySource) => row.qualified, format),
          numberColumn(t('followUp.lookedAt'), (row: BySource) => row.looked, format),
          numberColumn(t('followUp.rated'), (row: BySource) => row.rated, format),
          { header: t('followUp.lookMedian'), value: (row) => format.hours(row.toFirstLook.median), numeric: true, formatted: true },
          { header: t('followUp.lookP90'), value: (row) => format.hours(row.toFirstLook.p90), numeric: true, formatted: true },
          { header: t('followUp.verdictMedian'), value: (row) => format.hours(row.toFirstVerdict.median), numeric: true, formatted: true },
          { header: t('followUp.verdictP90'), value: (row) => format.hours(row.toFirstVerdict.p90), numeric: true, formatted: true },
          numberColumn(t('followUp.pastSla'), (row: BySource) => row.pastSla, format),
        ]}
      />
      <DataTable
        title={t('followUp.pastSlaTitle')}
        testId="follow-up-past-sla"
        csvName={`leadside-past-sla-${period}`}
        rows={data.pastSla}
        rowKey={(row) => `${row.profileId}-${row.missed}`}
        empty={t('followUp.pastSlaEmpty')}
        description={t('followUp.oldestFirst')}
        columns={[
          { header: t('column.lead'), value: (row) => row.lead, data: true },
          { header: t('column.source'), value: (row) => format.channel(row.channel) },
          { header: t('column.campaign'), value: (row) => format.campaign(row.campaign), render: (row) => <span translate={row.campaign ? 'no' : undefined}>{format.campaign(row.campaign)}</span> },
          { header: t('followUp.qualified'), value: (row) => format.dateTime(row.qualifiedAt), formatted: true },
          { header: t('followUp.firstLook'), value: (row) => when(row.firstLookAt), formatted: true },
          { header: t('followUp.firstVerdict'), value: (row) => when(row.firstVerdictAt), formatted: true },
          { header: t('followUp.missed'), value: missed, render: (row) => <span className="badge badge-danger">{missed(row)}</span> },
        ]}
      />
    </>
  );
}
