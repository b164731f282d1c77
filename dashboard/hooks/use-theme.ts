import { useEffect, useState, useSyncExternalStore } from 'react';

/** 'system' follows prefers-color-scheme; 'light'/'dark' are the user's override, kept in this browser. */
export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'leadside-dashboard-theme';
const media = window.matchMedia('(prefers-color-scheme: dark)');

function storedChoice(): ThemeChoice {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

const subscribeToSystem = (listener: () => void) => {
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
};

/** The choice, the theme it resolves to now, and a setter; sets `data-theme` on <html> for the CSS. */
export function useTheme(): { choice: ThemeChoice; theme: 'light' | 'dark'; setChoice(choice: ThemeChoice): void } {
  const [choice, setChoiceState] = useState<ThemeChoice>(storedChoice);
  const systemDark = useSyncExternalStore(subscribeToSystem, () => media.matches);
  const theme = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const setChoice = (next: ThemeChoice) => {
    if (next === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
    setChoiceState(next);
  };
  return { choice, theme, setChoice };
}
