import { TeamSchema } from '@/lib/schema/dashboard';
import { useApi } from '../hooks/use-api';
import { daysBefore, PERIOD_CHOICES, useFilters, utcDay, type PeriodChoice } from '../hooks/use-filters';

/** Period and rep, written to the address (so the view can be shared) and read back by every page. */
export function FilterBar() {
  const { filters, setFilters } = useFilters();
  const team = useApi('/team', TeamSchema, 'the team');
  const reps = team.state === 'ready' ? team.data.users.filter((user) => user.role === 'rep') : [];

  const choosePeriod = (period: PeriodChoice) => {
    if (period !== 'custom') return setFilters({ period, rep: filters.rep });
    // A custom period starts as the last 30 days, for the user to move.
    const to = utcDay(new Date());
    setFilters({ period, from: daysBefore(to, 29), to, rep: filters.rep });
  };

  return (
    <form className="filter-bar" aria-label="Filters" data-testid="filter-bar" onSubmit={(event) => event.preventDefault()}>
      <label className="row">
        <span>Period</span>
        <select value={filters.period} onChange={(event) => choosePeriod(event.target.value as PeriodChoice)} data-testid="filter-period">
          {PERIOD_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      {filters.period === 'custom' && (
        <>
          <label className="row">
            <span>From</span>
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
            <span>To</span>
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
        <span>Rep</span>
        <select value={filters.rep ?? ''} onChange={(event) => setFilters({ ...filters, rep: event.target.value || undefined })} data-testid="filter-rep">
          <option value="">All reps</option>
          {reps.map((rep) => (
            <option key={rep.id} value={rep.id}>
              {rep.name}
            </option>
          ))}
          {/* A shared link may name a rep this list does not (yet) hold: keep it selectable. */}
          {filters.rep && !reps.some((rep) => rep.id === filters.rep) && <option value={filters.rep}>{team.state === 'loading' ? 'Loading…' : 'Unknown rep'}</option>}
        </select>
      </label>
      {team.state === 'error' && (
        <span className="small notice-inline" role="alert">
          Reps could not be loaded: {team.message}{' '}
          <button type="button" className="btn btn-quiet" onClick={team.reload}>
            Retry
          </button>
        </span>
      )}
    </form>
  );
}
