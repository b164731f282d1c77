import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LocaleProvider } from '@/components/ui/locale-provider';
import type { UiLocale } from '@/lib/i18n/locales';

/** A panel component's static HTML in one UI language (English unless told), as the page's LocaleProvider gives it. */
export function renderPanel(element: ReactElement, locale: UiLocale = 'en'): string {
  return renderToStaticMarkup(createElement(LocaleProvider, { locale, children: element }));
}
