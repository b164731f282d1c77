import type { ThemeChoice, useTheme } from '../hooks/use-theme';

/** Light, dark, or the system's: kept in this browser. */
export function ThemeSelect({ theme }: { theme: ReturnType<typeof useTheme> }) {
  return (
    <label className="row small">
      <span>Theme</span>
      <select value={theme.choice} onChange={(event) => theme.setChoice(event.target.value as ThemeChoice)} data-testid="theme-select">
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
