import { useTranslation } from 'react-i18next';
import { useLabels } from '../hooks/use-labels';

/** A headline number, with the previous period's beside it when there is one. */
export function Kpi({ label, value, previous, testId, note }: { label: string; value: string | number; previous?: number; testId: string; note?: string }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const current = typeof value === 'number' ? value : undefined;
  const change = current !== undefined && previous !== undefined ? current - previous : undefined;
  return (
    <div className="card kpi" data-testid={testId}>
      <span className="muted">{label}</span>
      <strong data-testid={`${testId}-value`}>{typeof value === 'number' ? format.number(value) : value}</strong>
      {previous !== undefined && (
        <span className="small muted">
          {t('kpi.before', { value: format.number(previous) })}
          {change !== undefined && change !== 0 && <span className={change > 0 ? 'delta-up' : 'delta-down'}> ({format.delta(change)})</span>}
        </span>
      )}
      {note && <span className="small muted">{note}</span>}
    </div>
  );
}
