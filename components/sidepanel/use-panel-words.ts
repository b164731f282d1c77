import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useIntlLocale } from '@/components/ui/locale-provider';

/** The side panel's words first, then the words every surface shares (`common:save`, verdict names). */
export const PANEL_NAMESPACES = ['sidepanel', 'common'] as const;

/** The panel's `t`: its own keys bare, shared ones as `common:…`. */
export type PanelWords = TFunction<typeof PANEL_NAMESPACES>;

/** The panel's words and the locale `Intl` formats its dates and numbers in. */
export function usePanelWords(): { t: PanelWords; locale: string } {
  const { t } = useTranslation(PANEL_NAMESPACES);
  return { t, locale: useIntlLocale() };
}
