import { useEffect, useState } from 'react';
import type { BestTimeWindow, ContactPreferences } from '@/lib/schema';
import { isWithinWindow, localTimeIn } from '@/lib/format/time';
import { Section } from '@/components/ui/Section';
import { usePanelWords, type PanelWords } from './use-panel-words';
import { Formatted } from './Formatted';

/** Re-renders every half minute so "local time now" stays true while the panel is open. */
function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function ContactSection({ contact }: { contact: ContactPreferences }) {
  const { t, locale } = usePanelWords();
  const now = useNow();
  const window = contact.bestTime;
  // A zone named with the best time ("before 11 ET") is the one the window is in; else the lead's own.
  const windowZone = window?.timeZone ?? contact.timeZone;
  const zone = contact.timeZone ?? window?.timeZone;
  // "Now" is judged only when the window was understood and its zone is known: never on a guess.
  const inWindow = windowZone && window ? isWithinWindow(window, windowZone, now) : undefined;
  return (
    <Section title={t('contact.title')} testId="brief-contact">
      <dl className="facts">
        <dt>{t('contact.prefers')}</dt>
        <dd>{contact.preferredChannel ? t(`contact.channel.${contact.preferredChannel}`) : <span className="muted">{t('contact.noPreference')}</span>}</dd>
        <dt>{t('contact.bestTime')}</dt>
        <dd data-testid="best-time">
          {contact.bestTimeText ? (
            <>
              <span data-testid="best-time-text" translate="no">
                “{contact.bestTimeText}”
              </span>
              {window ? (
                <span className="small muted" data-testid="best-time-window">
                  {' '}
                  {t('contact.readAs', { window: windowWords(window, t, locale) })}
                </span>
              ) : (
                <span className="small muted" data-testid="best-time-window">
                  {' '}
                  {t('contact.notRead')}
                </span>
              )}
            </>
          ) : window ? (
            <>{windowWords(window, t, locale)}</>
          ) : (
            <span className="muted">{t('contact.notGiven')}</span>
          )}
        </dd>
        <dt>{t('contact.theirTime')}</dt>
        <dd data-testid="lead-local-time">
          {zone ? (
            <>
              <strong>
                <Formatted text={localTimeIn(zone, now, locale)} />
              </strong>{' '}
              <span className="muted" translate="no">
                ({zone.replace(/_/g, ' ')})
              </span>{' '}
              {inWindow !== undefined &&
                (inWindow ? (
                  <span className="badge badge-good">{t('contact.goodTimeNow')}</span>
                ) : (
                  <span className="badge">{t('contact.outsideBestTime')}</span>
                ))}
            </>
          ) : (
            <span className="muted">{t('contact.zoneUnknown')}</span>
          )}
        </dd>
      </dl>
    </Section>
  );
}

/** Monday 1 January 2024 (UTC) and the six days after it: a week to ask Intl for weekday names. */
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const weekdayName = (day: string, locale: string) =>
  WEEK.includes(day) ? new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + WEEK.indexOf(day))) : day;

/** "08:00–11:00, Mon, Wed, America/New York time": the window as the panel says it, days named by Intl in the rep's locale. */
function windowWords(window: BestTimeWindow, t: PanelWords, locale: string): string {
  const days = window.days ? window.days.map((day) => weekdayName(day, locale)).join(', ') : window.weekdaysOnly ? t('contact.weekdays') : undefined;
  const zone = window.timeZone ? t('contact.zoneTime', { zone: window.timeZone.replace(/_/g, ' ') }) : t('contact.theirZone');
  return [`${window.start}–${window.end}`, days, zone].filter(Boolean).join(', ');
}
