import { useState } from 'react';
import type { PageView } from '@/lib/schema';
import { formatDateTime, formatDuration } from '@/lib/format/time';
import { groupVisits, intentOf } from '@/lib/leads/visits';
import { Section } from '@/components/ui/Section';
import { SafeLink } from '@/components/ui/SafeLink';

/**
 * How many visits show before "Show all": a lead with years of history would otherwise make the
 * panel render thousands of rows, and the rep needs the latest few before a call.
 */
export const VISITS_SHOWN = 10;

/** What they read: visits newest first, each page with time on page and any buying signal. */
export function PagesSection({ pageViews }: { pageViews: readonly PageView[] }) {
  const [showAll, setShowAll] = useState(false);
  const allVisits = groupVisits(pageViews);
  const visits = showAll ? allVisits : allVisits.slice(0, VISITS_SHOWN);
  return (
    <Section title="Pages viewed" testId="brief-pages" aside={<span className="small muted">{pageViews.length} pages</span>}>
      {visits.length === 0 ? (
        <p className="muted">No tracked page views.</p>
      ) : (
        <ol className="visits">
          {visits.map((visit, index) => (
            <li key={visit.visitId} data-testid="visit">
              <div className="small muted">
                Visit {allVisits.length - index} · {formatDateTime(visit.startedAt)}
              </div>
              <ul className="plain-list">
                {visit.pages.map((page) => {
                  const intent = intentOf(page);
                  return (
                    <li key={`${page.url}-${page.viewedAt}`} className="page-view">
                      <SafeLink href={page.url}>{page.title}</SafeLink>
                      {page.durationSec !== undefined && <span className="small muted"> · {formatDuration(page.durationSec)}</span>}
                      {intent && <span className="badge badge-warn small">{intent}</span>}
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
          Show all {allVisits.length} visits
        </button>
      )}
    </Section>
  );
}
