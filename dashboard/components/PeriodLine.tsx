import { useTranslation } from 'react-i18next';
import { useLabels } from '../hooks/use-labels';

/** Which days the numbers cover (UTC), and which the "before" numbers compare with. */
export function PeriodLine({ period, previous }: { period: { from: string; to: string }; previous?: { from: string; to: string } }) {
  const { t } = useTranslation('dashboard');
  const { day } = useLabels();
  return (
    <p className="muted small" data-testid="period-line">
      {previous
        ? t('period.withPrevious', { from: day(period.from), to: day(period.to), previousFrom: day(previous.from), previousTo: day(previous.to) })
        : t('period.only', { from: day(period.from), to: day(period.to) })}
    </p>
  );
}
