import { STAGE_LABELS, type LeadProfile } from '@/lib/schema';
import { relativeTime } from '@/lib/format/time';
import { Section } from '@/components/ui/Section';

/** How warm: score, lifecycle stage and recent high-intent moments. */
export function WarmthSection({ profile }: { profile: LeadProfile }) {
  if (profile.score === undefined && !profile.stage && profile.highIntent.length === 0) return null;
  const now = new Date();
  return (
    <Section title="How warm" testId="brief-warmth">
      <div className="row">
        {profile.score !== undefined && (
          <span className="badge badge-accent" data-testid="lead-score">Score {profile.score}</span>
        )}
        {profile.stage && <span className="badge" data-testid="lead-stage">{STAGE_LABELS[profile.stage]}</span>}
      </div>
      {profile.highIntent.length > 0 && (
        <ul className="plain-list small">
          {profile.highIntent.map((moment) => (
            <li key={`${moment.label}-${moment.at}`}>
              <span className="badge badge-warn">Intent</span> {moment.label}{' '}
              <span className="muted">{relativeTime(moment.at, now)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
