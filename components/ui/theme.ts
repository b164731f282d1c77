import { loadSettings, type Settings } from '@/lib/store/settings';

export type ThemeChoice = Settings['theme'];

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Sets the page's theme (data-theme on <html>, read by components/theme.css): the choice, or the system's for "system". */
export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && darkQuery().matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/**
 * Gives an extension page the rep's theme before it renders, and keeps "system" in step when the
 * system switches (a rep's laptop going dark at sunset). Settings that cannot be read leave the
 * system's theme: the page still says why elsewhere.
 */
export async function followTheme(): Promise<void> {
  let choice: ThemeChoice = 'system';
  applyTheme(choice);
  darkQuery().addEventListener('change', () => applyTheme(choice));
  choice = await loadSettings().then((settings) => settings.theme, () => 'system' as const);
  applyTheme(choice);
}
