import type { ContactPreferences } from '@/lib/schema';
import { formatDate, relativeTime } from '@/lib/format/time';
import { optOutHeadline } from './activity-text';
import { usePanelWords } from './use-panel-words';
import { Formatted } from './Formatted';

/** Do-not-call / do-not-text / do-not-email: the first thing under the name, never buried in a section; with when and why, where the source says. */
export function DoNotContactAlert({ contact, now = new Date() }: { contact: ContactPreferences; now?: Date }) {
  const { t, locale } = usePanelWords();
  const optOuts = contact.optOuts ?? [];
  const rules = [contact.doNotCall && t('dnc.doNotCall'), contact.doNotText && t('dnc.doNotText'), contact.doNotEmail && t('dnc.doNotEmail')].filter(Boolean);
  if (rules.length === 0) return null;
  return (
    <div className="notice notice-danger dnc" role="alert" data-testid="do-not-contact">
      <strong>{rules.join(' · ')}</strong>
      {optOuts.length === 0 ? (
        <span className="small">{t('dnc.asked')}</span>
      ) : (
        <ul className="plain-list small" data-testid="do-not-contact-reasons">
          {optOuts.map((optOut, index) => (
            <li key={`${optOut.channel}-${optOut.at ?? index}`}>
              {optOutHeadline(optOut, t)}
              {optOut.at ? (
                <>
                  {t('dnc.on')}
                  <Formatted dateTime={optOut.at} title={relativeTime(optOut.at, now, locale)} text={formatDate(optOut.at, locale)} />
                </>
              ) : (
                t('dnc.dateNotGiven')
              )}
              {optOut.comment && (
                <span className="muted">
                  {' — '}
                  <q translate="no">{optOut.comment}</q>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
