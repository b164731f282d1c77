import type { PanelWords } from './use-panel-words';

/** Sources that are a set of records rather than a system with contacts (the connectors' labels), by their words. */
const COLLECTIONS: Record<string, 'demo' | 'files'> = { 'Demo data': 'demo', 'Imported files': 'files' };

/**
 * Where marketing looked and did not find the lead, naming each system asked: "No HubSpot contact for
 * a@b.co", "Not in Mautic", "Neither HubSpot nor Mautic has a contact for a@b.co", in the UI's language
 * (the list joined by Intl in the rep's locale).
 */
export function notFoundText(systems: readonly string[], email: string | undefined, t: PanelWords, locale: string): string {
  const names = systems.filter((name) => name.trim());
  if (names.length === 0) return email ? t('notFound.nowhereEmail', { email }) : t('notFound.nowhere');
  const collection = names.length === 1 ? COLLECTIONS[names[0]!] : undefined;
  if (collection === 'demo') return email ? t('notFound.demoEmail', { email }) : t('notFound.demo');
  if (collection === 'files') return email ? t('notFound.filesEmail', { email }) : t('notFound.files');
  const listed = new Intl.ListFormat(locale, { type: 'disjunction' }).format(names);
  if (!email) return t('notFound.notIn', { systems: listed });
  if (names.length === 1) return t('notFound.oneEmail', { system: names[0], email });
  if (names.length === 2) return t('notFound.twoEmail', { first: names[0], second: names[1], email });
  return t('notFound.severalEmail', { systems: listed, email });
}
