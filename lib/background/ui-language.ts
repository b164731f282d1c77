import type { i18n } from 'i18next';
import { createI18n } from '@/lib/i18n/create';
import { pickLocale, type UiLocale } from '@/lib/i18n/locales';
import { loadSettings } from '@/lib/store/settings';

let current: { locale: UiLocale; instance: i18n } | undefined;

/**
 * The worker's words for what it shows outside the extension's pages (the glance pill), in the
 * rep's language: their choice in Options, else the browser's. One instance per locale, kept while
 * the worker lives; unreadable settings fall back to the browser's language.
 */
export async function workerI18n(): Promise<i18n> {
  const choice = await loadSettings().then((settings) => settings.language, () => undefined);
  const locale = pickLocale(choice, typeof navigator === 'undefined' ? [] : navigator.languages ?? []);
  if (current?.locale !== locale) current = { locale, instance: createI18n(locale) };
  return current.instance;
}
