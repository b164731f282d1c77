import type { ContactPreferences } from '@/lib/schema';
import { formatDate, relativeTime } from '@/lib/format/time';
import { optOutHeadline } from './activity-text';

/** Do-not-call / do-not-email: the first thing under the name, never buried in a section; with when and why, where the source says. */
export function DoNotContactAlert({ contact, now = new Date() }: { contact: ContactPreferences; now?: Date }) {
  const rules = [contact.doNotCall && 'Do not call', contact.doNotEmail && 'Do not email'].filter(Boolean);
  if (rules.length === 0) return null;
  const optOuts = contact.optOuts ?? [];
  return (
    <div className="notice notice-danger dnc" role="alert" data-testid="do-not-contact">
      <strong>{rules.join(' · ')}</strong>
      {optOuts.length === 0 ? (
        <span className="small"> — the lead asked marketing not to be contacted this way.</span>
      ) : (
        <ul className="plain-list small" data-testid="do-not-contact-reasons">
          {optOuts.map((optOut, index) => (
            <li key={`${optOut.channel}-${optOut.at ?? index}`}>
              {optOutHeadline(optOut)}
              {optOut.at ? (
                <>
                  {' '}
                  on{' '}
                  <time dateTime={optOut.at} title={relativeTime(optOut.at, now)}>
                    {formatDate(optOut.at)}
                  </time>
                </>
              ) : (
                ' (date not given)'
              )}
              {optOut.comment && <span className="muted"> — “{optOut.comment}”</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
