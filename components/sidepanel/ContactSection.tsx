import { useEffect, useState } from 'react';
import type { BestTimeWindow, ContactChannel, ContactPreferences } from '@/lib/schema';
import { describeDays } from '@/lib/leads/best-time';
import { isWithinWindow, localTimeIn } from '@/lib/format/time';
import { Section } from '@/components/ui/Section';

const CHANNEL_WORDS: Record<ContactChannel, string> = {
  email: 'Email',
  phone: 'Phone',
  sms: 'Text message',
  linkedin: 'LinkedIn',
  video_call: 'Video call',
};

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
  const now = useNow();
  const window = contact.bestTime;
  // A zone named with the best time ("before 11 ET") is the one the window is in; else the lead's own.
  const windowZone = window?.timeZone ?? contact.timeZone;
  const zone = contact.timeZone ?? window?.timeZone;
  // "Now" is judged only when the window was understood and its zone is known: never on a guess.
  const inWindow = windowZone && window ? isWithinWindow(window, windowZone, now) : undefined;
  return (
    <Section title="How and when to reach them" testId="brief-contact">
      <dl className="facts">
        <dt>Prefers</dt>
        <dd>{contact.preferredChannel ? CHANNEL_WORDS[contact.preferredChannel] : <span className="muted">no preference given</span>}</dd>
        <dt>Best time</dt>
        <dd data-testid="best-time">
          {contact.bestTimeText ? (
            <>
              <span data-testid="best-time-text">“{contact.bestTimeText}”</span>
              {window ? (
                <span className="small muted" data-testid="best-time-window">
                  {' '}
                  (read as {windowWords(window)})
                </span>
              ) : (
                <span className="small muted" data-testid="best-time-window">
                  {' '}
                  (not read as a time window)
                </span>
              )}
            </>
          ) : window ? (
            <>{windowWords(window)}</>
          ) : (
            <span className="muted">not given</span>
          )}
        </dd>
        <dt>Their time</dt>
        <dd data-testid="lead-local-time">
          {zone ? (
            <>
              <strong>{localTimeIn(zone, now)}</strong> <span className="muted">({zone.replace(/_/g, ' ')})</span>{' '}
              {inWindow !== undefined &&
                (inWindow ? <span className="badge badge-good">Good time now</span> : <span className="badge">Outside best time</span>)}
            </>
          ) : (
            <span className="muted">time zone unknown</span>
          )}
        </dd>
      </dl>
    </Section>
  );
}

/** "08:00–11:00, Mon, Wed, New York time": the window as the panel says it. */
function windowWords(window: BestTimeWindow): string {
  const days = describeDays(window);
  const zone = window.timeZone ? `${window.timeZone.replace(/_/g, ' ')} time` : 'their time';
  return [`${window.start}–${window.end}`, days, zone].filter(Boolean).join(', ');
}
