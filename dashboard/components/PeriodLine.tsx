import { dayText as day } from '../labels';

/** Which days the numbers cover (UTC), and which the "before" numbers compare with. */
export function PeriodLine({ period, previous }: { period: { from: string; to: string }; previous?: { from: string; to: string } }) {
  return (
    <p className="muted small" data-testid="period-line">
      {day(period.from)} – {day(period.to)} (UTC)
      {previous && `, compared with ${day(previous.from)} – ${day(previous.to)}`}
    </p>
  );
}
