import type { i18n } from 'i18next';
import type { Glance, LeadProfile } from '@/lib/schema';
import { GLANCE_LIMITS } from '@/lib/schema/glance';
import type { DetectedRecord } from '@/lib/schema/record';

/** The rep's language and theme, which the pill on the CRM page cannot read from the extension's storage. */
export interface GlanceLook {
  i18n: i18n;
  theme: NonNullable<Glance['theme']>;
}

/**
 * The three things the pill on the CRM page says: who, how they found us, and the one signal a rep
 * must not miss (do-not-contact first, then the strongest recent intent), in the rep's language
 * with the pill's own words, so the content script carries no translations, and in the rep's theme.
 */
export function glanceFor(record: DetectedRecord, profile: LeadProfile, { i18n, theme }: GlanceLook): Glance {
  const t = i18n.getFixedT(null, 'pill');
  const { contact } = profile;
  // The stops that close the usual ways in (a call, an e-mail) first; texts only when they are the one stop.
  const doNot =
    contact.doNotCall && contact.doNotEmail
      ? t('doNotCallOrEmail')
      : contact.doNotCall
        ? t('doNotCall')
        : contact.doNotEmail
          ? t('doNotEmail')
          : contact.doNotText
            ? t('doNotText')
            : undefined;
  const signal = doNot ?? profile.highIntent[0]?.label ?? (profile.problems.length ? t('statedProblem') : undefined);
  const word = (key: 'region' | 'open' | 'hide' | 'move') => clip(t(key), GLANCE_LIMITS.word);
  return {
    name: clip(record.name ?? profile.name ?? record.recordId, GLANCE_LIMITS.name),
    source: clip(i18n.t(`common:channel.${profile.source.channel}`), GLANCE_LIMITS.source),
    // High-intent labels are the source's own words (data), shown as given.
    signal: signal === undefined ? undefined : clip(signal, GLANCE_LIMITS.signal),
    words: { region: word('region'), open: word('open'), hide: word('hide'), move: word('move') },
    theme,
  };
}

/** At most `max` characters, the last an ellipsis when cut; never half of a character outside the BMP. */
function clip(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
