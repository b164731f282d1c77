import type { i18n } from 'i18next';
import { createI18n } from '@/lib/i18n/create';
import { pickLocale, type UiLocale } from '@/lib/i18n/locales';
import type { GlanceLook } from '@/lib/leads/glance';
import { loadSettings } from '@/lib/store/settings';

let current: { locale: UiLocale; instance: i18n } | undefined;

/**
 * How the worker words and colours what it shows outside the extension's pages (the glance pill):
 * in the rep's language (their choice in Options, else the browser's) and with their theme from
 * Options → Appearance, which the CRM page's content script cannot read itself. One i18n instance
 * per locale, kept while the worker lives; unreadable settings fall back to the browser's language
 * and the system's theme.
 */
export async function workerLook(): Promise<GlanceLook> {
  const settings = await loadSettings().catch(() => undefined);
  const locale = pickLocale(settings?.language, typeof navigator === 'undefined' ? [] : navigator.languages ?? []);
  if (current?.locale !== locale) current = { locale, instance: createI18n(locale) };
  return { i18n: current.instance, theme: settings?.theme ?? 'system' };
}
