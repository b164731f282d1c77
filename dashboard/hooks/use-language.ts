import { useSyncExternalStore } from 'react';
import { uiLocaleFor } from '@/components/ui/locale-provider';
import { LANGUAGE_CHOICES, PSEUDO_LOCALE, type LanguageChoice, type UiLocale } from '@/lib/i18n/locales';

/**
 * The dashboard's language: 'auto' (the default) follows the browser's languages
 * (navigator.languages); a shipped language is the user's override, kept in this browser like the
 * theme. The pseudo-locale 'en-XA' (for translation checks) is never offered: it is chosen by
 * writing it to localStorage, or by opening any page with `?lang=en-XA` (which stores it;
 * `?lang=auto` clears it). Other tabs of the dashboard follow a change at once.
 */
const KEY = 'leadside-dashboard-language';
const PARAM = 'lang';

const isChoice = (value: string | null): value is LanguageChoice =>
  value === PSEUDO_LOCALE || (LANGUAGE_CHOICES as readonly string[]).includes(value ?? '');

function store(choice: LanguageChoice): void {
  if (choice === 'auto') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
}

// A `?lang=` in the address is taken once, when the app starts.
const fromAddress = new URLSearchParams(window.location.search).get(PARAM);
if (isChoice(fromAddress)) store(fromAddress);

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab changed it (the storage event fires in the other tabs only).
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener('languagechange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('languagechange', listener);
  };
}

function storedChoice(): LanguageChoice {
  const value = localStorage.getItem(KEY);
  return isChoice(value) ? value : 'auto';
}

// The snapshot is a string (stable between renders); the browser's languages join it so a change there re-renders.
const snapshot = () => `${storedChoice()}|${navigator.languages?.join(',') ?? navigator.language}`;

/** The choice, the UI locale it resolves to now, and a setter. */
export function useLanguage(): { choice: LanguageChoice; locale: UiLocale; setChoice(choice: LanguageChoice): void } {
  const [choice] = useSyncExternalStore(subscribe, snapshot).split('|') as [LanguageChoice];
  const setChoice = (next: LanguageChoice) => {
    store(next);
    listeners.forEach((listener) => listener());
  };
  return { choice, locale: uiLocaleFor(choice), setChoice };
}
