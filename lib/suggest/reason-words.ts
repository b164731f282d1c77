import type { TFunction } from 'i18next';
import { createI18n } from '@/lib/i18n/create';
import type { ReasonPart } from '@/lib/schema';
import { languageName } from './language';

export type { ReasonPart };

/*
 * Why an item is suggested, worded from its clauses (ReasonPart: a message key of the side panel's
 * `reason` group and the values it names) where it is shown, in the rep's language, so a brief built
 * in one language reads in another after the rep switches.
 */

type Words = TFunction<'sidepanel'>;

/** One clause in the rep's language. */
function clause(part: ReasonPart, t: Words, locale: string): string {
  switch (part.key) {
    case 'askedAgain':
    case 'forCustomers':
    case 'profile':
      return t(`reason.${part.key}`);
    case 'inLanguage':
      return t('reason.inLanguage', { language: languageName(part.values.language, locale) });
    case 'inLanguageFallback':
      return t('reason.inLanguageFallback', {
        language: languageName(part.values.language, locale),
        theirLanguage: languageName(part.values.theirLanguage, locale),
      });
    case 'stage':
      return t('reason.stage', { stage: t(`reason.buyerStage.${part.values.stage}`) });
    case 'fieldUseful':
    case 'fieldOpened':
    case 'fieldNotUseful': {
      const { count, persona, industry } = part.values;
      const form = persona && industry ? 'both' : persona ? 'persona' : industry ? 'industry' : 'similar';
      return t(`reason.${part.key}`, { who: t(`reason.who.${form}`, { count, persona, industry }) });
    }
    default:
      return t(`reason.${part.key}`, part.values);
  }
}

/** The clauses as one sentence: "They wrote “…”, in Italian, replaces the old price sheet". */
export function reasonSentence(parts: readonly ReasonPart[], t: Words, locale: string): string {
  const sentence = (parts.length ? parts : [{ key: 'profile' } as const]).map((part) => clause(part, t, locale)).join(t('reason.separator'));
  return sentence.charAt(0).toLocaleUpperCase(locale) + sentence.slice(1);
}

let english: Words | undefined;

/** The sentence in English: the suggestion's plain `reason`, for logs, benchmarks and clients that word nothing. */
export function englishReason(parts: readonly ReasonPart[]): string {
  english ??= createI18n('en').getFixedT('en', 'sidepanel');
  return reasonSentence(parts, english, 'en');
}
