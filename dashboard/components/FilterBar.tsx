import { useTranslation } from 'react-i18next';
import { TeamSchema } from '@/lib/schema/dashboard';
import { useApi } from '../hooks/use-api';
import { daysBefore, PERIOD_CHOICES, useFilters, utcDay, type PeriodChoice } from '../hooks/use-filters';

/** Period and rep, written to the address (so the view can be shared) and read back by every page. */
export function FilterBar() {
  const { t } = useTranslation(['dashboard', 'common']);
  const { filters, setFilters } = useFilters();
  const team = useApi('/team', TeamSchema, t('what.team'));
  const reps = team.state === 'ready' ? team.data.users.filter((user) => user.role === 'rep') : [];

  const choosePeriod = (period: PeriodChoice) => {
    if (period !== 'custom') return setFilters({ period, rep: filters.rep });
    // A custom period starts as the last 30 days, for the user to move.
    const to = utcDay(new Date());
    setFilters({ period, from: daysBefore(to, 29), to, rep: filters.rep });
  };

  return (
    <form className="filter-bar" aria-label={t('filters.label')} data-testid="filter-bar" onSubmit={(event) => event.preventDefault()}>
      <label className="row">
        <span>{t('filters.period')}</span>
        <select value={filters.period} onChange={(event) => choosePeriod(event.target.value as PeriodChoice)} data-testid="filter-period">
          {PERIOD_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`filters.period_${choice}`)}
            </option>
          ))}
        </select>
      </label>
      {filters.period === 'custom' && (
        <>
          <label className="row">
            <span>{t('filters.from')}</span>
            <input
              type="date"
              value={filters.from}
              max={filters.to}
              required
              onChange={(event) => event.target.value && setFilters({ ...filters, from: event.target.value })}
              data-testid="filter-from"
            />
          </label>
          <label className="row">
            <span>{t('filters.to')}</span>
            <input
              type="date"
              value={filters.to}
              min={filters.from}
              required
              onChange={(event) => event.target.value && setFilters({ ...filters, to: event.target.value })}
              data-testid="filter-to"
            />
          </label>
        </>
      )}
      <label className="row">
        <span>{t('filters.rep')}</span>
        <select value={filters.rep ?? ''} onChange={(event) => setFilters({ ...filters, rep: event.target.value || undefined })} data-testid="filter-rep">
          <option value="">{t('filters.allReps')}</option>
          {reps.map((rep) => (
            <option key={rep.id} value={rep.id} translate="no">
              {rep.name}
            </option>
          ))}
          {/* A shared link may name a rep this list does not (yet) hold: keep it selectable. */}
          {filters.rep && !reps.some((rep) => rep.id === filters.rep) && <option value={filters.rep}>{team.state === 'loading' ? t('common:loading') : t('filters.unknownRep')}</option>}
        </select>
      </label>
      {team.state === 'error' && (
        <span className="small notice-inline" role="alert">
          {t('filters.repsFailed')} <span>{team.message}</span>{' '}
          <button type="button" className="btn btn-quiet" onClick={team.reload}>
            {t('load.retry')}
          </button>
        </span>
      )}
    </form>
  );
}
