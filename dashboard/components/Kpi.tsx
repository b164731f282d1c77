/** A headline number, with the previous period's beside it when there is one. */
export function Kpi({ label, value, previous, testId, note }: { label: string; value: string | number; previous?: number; testId: string; note?: string }) {
  const current = typeof value === 'number' ? value : undefined;
  const change = current !== undefined && previous !== undefined ? current - previous : undefined;
  return (
    <div className="card kpi" data-testid={testId}>
      <span className="muted">{label}</span>
      <strong data-testid={`${testId}-value`}>{value}</strong>
      {previous !== undefined && (
        <span className="small muted">
          {previous} the period before
          {change !== undefined && change !== 0 && <span className={change > 0 ? 'delta-up' : 'delta-down'}> ({change > 0 ? `+${change}` : change})</span>}
        </span>
      )}
      {note && <span className="small muted">{note}</span>}
    </div>
  );
}
