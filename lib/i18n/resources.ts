import type { Locale } from './locales';
import enCommon from './resources/en/common.json';
import enSidepanel from './resources/en/sidepanel.json';
import enOptions from './resources/en/options.json';
import enInsights from './resources/en/insights.json';
import enDashboard from './resources/en/dashboard.json';
import enPill from './resources/en/pill.json';
import enMessages from './resources/en/messages.json';
import deCommon from './resources/de/common.json';
import deSidepanel from './resources/de/sidepanel.json';
import deOptions from './resources/de/options.json';
import deInsights from './resources/de/insights.json';
import deDashboard from './resources/de/dashboard.json';
import dePill from './resources/de/pill.json';
import deMessages from './resources/de/messages.json';
import frCommon from './resources/fr/common.json';
import frSidepanel from './resources/fr/sidepanel.json';
import frOptions from './resources/fr/options.json';
import frInsights from './resources/fr/insights.json';
import frDashboard from './resources/fr/dashboard.json';
import frPill from './resources/fr/pill.json';
import frMessages from './resources/fr/messages.json';
import esCommon from './resources/es/common.json';
import esSidepanel from './resources/es/sidepanel.json';
import esOptions from './resources/es/options.json';
import esInsights from './resources/es/insights.json';
import esDashboard from './resources/es/dashboard.json';
import esPill from './resources/es/pill.json';
import esMessages from './resources/es/messages.json';
import ptCommon from './resources/pt/common.json';
import ptSidepanel from './resources/pt/sidepanel.json';
import ptOptions from './resources/pt/options.json';
import ptInsights from './resources/pt/insights.json';
import ptDashboard from './resources/pt/dashboard.json';
import ptPill from './resources/pt/pill.json';
import ptMessages from './resources/pt/messages.json';

/**
 * Every UI message, by locale and namespace (one namespace per surface, plus `common`). Bundled,
 * not fetched: pages render at once in the rep's language and offline. English is the source the
 * types (i18next.d.ts) and the missing-key test compare every other locale with.
 */
export const EN = {
  common: enCommon,
  sidepanel: enSidepanel,
  options: enOptions,
  insights: enInsights,
  dashboard: enDashboard,
  pill: enPill,
  /** Coded messages from shared code, the worker and the team server (lib/schema/coded-text.ts), worded by components/ui/CodedMessage.tsx. */
  messages: enMessages,
};
export type Namespace = keyof typeof EN;
export const NAMESPACES = Object.keys(EN) as Namespace[];

export const RESOURCES: Record<Locale, Record<Namespace, unknown>> = {
  en: EN,
  de: { common: deCommon, sidepanel: deSidepanel, options: deOptions, insights: deInsights, dashboard: deDashboard, pill: dePill, messages: deMessages },
  fr: { common: frCommon, sidepanel: frSidepanel, options: frOptions, insights: frInsights, dashboard: frDashboard, pill: frPill, messages: frMessages },
  es: { common: esCommon, sidepanel: esSidepanel, options: esOptions, insights: esInsights, dashboard: esDashboard, pill: esPill, messages: esMessages },
  pt: { common: ptCommon, sidepanel: ptSidepanel, options: ptOptions, insights: ptInsights, dashboard: ptDashboard, pill: ptPill, messages: ptMessages },
};
