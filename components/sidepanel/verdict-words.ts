import { EN } from '@/lib/i18n/resources';
import type { PanelWords } from './use-panel-words';

type ReasonKey = keyof typeof EN.sidepanel.verdictReason;

/** "Right company size" → "rightCompanySize": the key of a reason chip, from the words stored with the verdict. */
const keyOf = (reason: string) => reason.toLowerCase().replace(/[^a-z0-9]+([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A verdict reason in the UI's language. The reason itself is stored and sent in English (marketing's
 * reports group by it, whatever language each rep works in); one the panel has no words for (an
 * older version's, another client's) shows as it was stored.
 */
export function verdictReasonWords(reason: string, t: PanelWords): string {
  const key = keyOf(reason);
  return key in EN.sidepanel.verdictReason ? t(`verdictReason.${key as ReasonKey}`) : reason;
}
