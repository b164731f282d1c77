import { useEffect, useState } from 'react';
import type { ContactChannel, ContactPreferences } from '@/lib/schema';
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
  const zone = contact.timeZone;
  const window = contact.bestTime;
  const inWindow = zone && window ? isWithinWindow(window, zone, now) : undefined;
  return (
    <Section title="How and when to reach them" testId="brief-contact">
      <dl className="facts">
        <dt>Prefers</dt>
        <dd>{contact.preferredChannel ? CHANNEL_WORDS[contact.preferredChannel] : <span className="muted">no preference given</span>}</dd>
        <dt>Best time</dt>
        <dd>
          {window ? (
            <>
              {window.start}–{window.end}
              {window.weekdaysOnly ? ', weekdays' : ''} <span className="muted">their time</span>
            </>
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
