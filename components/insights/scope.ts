import type { TFunction, i18n as I18n } from 'i18next';
import { wordErrorText } from '@/components/ui/CodedMessage';
import type { InsightsView, TeamOrigin } from '@/lib/store/insights-view';

type T = TFunction<'insights'>;

function originName(origin: TeamOrigin, t: T): string {
  return origin.from === 'leadside' ? t('scope.leadsideServer', { host: origin.host }) : t('scope.restGateway', { host: origin.host });
}

/** Whose numbers the page shows, in one line under its title. */
export function scopeLine(view: InsightsView, t: T): string {
  if (view.scope === 'browser') return t('scope.browser');
  const origin = originName(view.origin, t);
  return view.team ? t('scope.teamNamed', { team: view.team.name, count: view.team.reps, origin }) : t('scope.team', { origin });
}

/**
 * Why the team's numbers are missing, for the banner above this browser's; undefined when nothing
 * failed. The reason is the worker's, worded by its code in the page's language (`i18n`), else as
 * the worker wrote it.
 */
export function fallbackNotice(view: InsightsView, t: T, i18n?: I18n): string | undefined {
  if (view.scope !== 'browser' || !view.teamFailure) return undefined;
  const { coded, error } = view.teamFailure;
  const reason = (coded && i18n ? wordErrorText(i18n, coded, error) : error).trim().replace(/([^.!?])$/, '$1.');
  return t('scope.fallback', { reason });
}
