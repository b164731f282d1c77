import { useState } from 'react';
import type { Activity } from '@/lib/schema';
import { formatDateTime, relativeTime } from '@/lib/format/time';
import { Section } from '@/components/ui/Section';
import { SafeLink } from '@/components/ui/SafeLink';
import { withoutTracking } from '@/lib/leads/tracking-params';
import { activityText } from './activity-text';
import { usePanelWords } from './use-panel-words';
import { Formatted } from './Formatted';

/** How many activities show before "Show all": the latest few matter before a call. */
export const ACTIVITIES_SHOWN = 8;

/**
 * Downloads, e-mail opens and form submissions, newest first: activity of its own kind, never among
 * the pages read. Nothing when the source does not report such activity (`activities` absent).
 */
export function ActivitySection({ activities, now = new Date() }: { activities: readonly Activity[] | undefined; now?: Date }) {
  const { t, locale } = usePanelWords();
  const [showAll, setShowAll] = useState(false);
  if (!activities) return null;
  const shown = showAll ? activities : activities.slice(0, ACTIVITIES_SHOWN);
  return (
    <Section title={t('activity.title')} testId="brief-activities" aside={<span className="small muted">{new Intl.NumberFormat(locale).format(activities.length)}</span>}>
      {shown.length === 0 ? (
        <p className="muted">{t('activity.none')}</p>
      ) : (
        <ul className="plain-list">
          {shown.map((activity, index) => {
            const { before, title, after } = activityText(activity, t, locale);
            return (
              <li key={`${activity.kind}-${activity.at}-${index}`} className="page-view" data-testid="activity" data-kind={activity.kind}>
                <span>
                  {before}
                  <span translate="no">{activity.url ? <SafeLink href={withoutTracking(activity.url)}>{title}</SafeLink> : title}</span>
                  {after}
                </span>
                <span className="small muted">
                  {'· '}
                  <Formatted dateTime={activity.at} title={formatDateTime(activity.at, locale)} text={relativeTime(activity.at, now, locale)} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {activities.length > shown.length && (
        <button type="button" className="btn" onClick={() => setShowAll(true)} data-testid="show-all-activities">
          {t('activity.showAll', { count: activities.length })}
        </button>
      )}
    </Section>
  );
}
