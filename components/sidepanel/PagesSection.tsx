import { useState } from 'react';
import type { PageView } from '@/lib/schema';
import { formatDateTime, formatDuration } from '@/lib/format/time';
import { groupVisits, intentKindOf } from '@/lib/leads/visits';
import { withoutTracking } from '@/lib/leads/tracking-params';
import { Section } from '@/components/ui/Section';
import { SafeLink } from '@/components/ui/SafeLink';
import { usePanelWords } from './use-panel-words';
import { Formatted } from './Formatted';

/**
 * How many visits show before "Show all": a lead with years of history would otherwise make the
 * panel render thousands of rows, and the rep needs the latest few before a call.
 */
export const VISITS_SHOWN = 10;

/** What they read: visits newest first, each page with time on page and any buying signal. */
export function PagesSection({ pageViews }: { pageViews: readonly PageView[] }) {
  const { t, locale } = usePanelWords();
  const [showAll, setShowAll] = useState(false);
  const allVisits = groupVisits(pageViews);
  const visits = showAll ? allVisits : allVisits.slice(0, VISITS_SHOWN);
  return (
    <Section title={t('pages.title')} testId="brief-pages" aside={<span className="small muted">{t('pages.count', { count: pageViews.length })}</span>}>
      {visits.length === 0 ? (
        <p className="muted">{t('pages.none')}</p>
      ) : (
        <ol className="visits">
          {visits.map((visit, index) => (
            <li key={visit.visitId} data-testid="visit">
              <div className="small muted">
                {t('pages.visit', { number: new Intl.NumberFormat(locale).format(allVisits.length - index), date: formatDateTime(visit.startedAt, locale) })}
              </div>
              <ul className="plain-list">
                {visit.pages.map((page) => {
                  const intent = intentKindOf(page);
                  return (
                    <li key={`${page.url}-${page.viewedAt}`} className="page-view">
                      <span translate="no">
                        <SafeLink href={withoutTracking(page.url)}>{page.title}</SafeLink>
                      </span>
                      {page.durationSec !== undefined && <span className="small muted">
                          {' · '}
                          <Formatted text={formatDuration(page.durationSec, locale)} />
                        </span>}
                      {intent && <span className="badge badge-warn small">{t(`pages.intent.${intent}`)}</span>}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {allVisits.length > visits.length && (
        <button type="button" className="btn" onClick={() => setShowAll(true)} data-testid="show-all-visits">
          {t('pages.showAll', { count: allVisits.length })}
        </button>
      )}
    </Section>
  );
}
