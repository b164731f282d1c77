import { useTranslation } from 'react-i18next';
import type { ThemeChoice, useTheme } from '../hooks/use-theme';

/** Light, dark, or the system's: kept in this browser. */
export function ThemeSelect({ theme }: { theme: ReturnType<typeof useTheme> }) {
  const { t } = useTranslation('dashboard');
  return (
    <label className="row small">
      <span>{t('theme.label')}</span>
      <select value={theme.choice} onChange={(event) => theme.setChoice(event.target.value as ThemeChoice)} data-testid="theme-select">
        <option value="system">{t('theme.system')}</option>
        <option value="light">{t('theme.light')}</option>
        <option value="dark">{t('theme.dark')}</option>
      </select>
    </label>
  );
}
