import type { LeadProfile } from '@/lib/schema';
import { relativeTime } from '@/lib/format/time';
import { Section } from '@/components/ui/Section';
import { usePanelWords } from './use-panel-words';
import { Formatted } from './Formatted';

/**
 * How warm: score, lifecycle stage and recent high-intent moments. When several marketing systems
 * know the lead, each score and stage sits beside its system's name: they are on different scales and
 * are never added together.
 */
export function WarmthSection({ profile }: { profile: LeadProfile }) {
  const { t, locale } = usePanelWords();
  const rated = profile.systems?.filter((system) => system.found && (system.score !== undefined || system.stage));
  const perSystem = rated !== undefined && profile.systems!.filter((system) => system.found).length > 1;
  if (profile.score === undefined && !profile.stage && profile.highIntent.length === 0) return null;
  const now = new Date();
  return (
    <Section title={t('warmth.title')} testId="brief-warmth">
      {perSystem ? (
        <ul className="plain-list" data-testid="system-scores">
          {rated.map((system) => (
            <li key={system.name} className="row" data-testid="system-score">
              <span className="small" translate="no">
                {system.name}
              </span>
              <Rating score={system.score} stage={system.stage} />
            </li>
          ))}
        </ul>
      ) : (
        <Rating score={profile.score} stage={profile.stage} />
      )}
      {profile.highIntent.length > 0 && (
        <ul className="plain-list small">
          {profile.highIntent.map((moment) => (
            <li key={`${moment.label}-${moment.at}`}>
              <span className="badge badge-warn">{t('warmth.intent')}</span> <span translate="no">{moment.label}</span>{' '}
              <Formatted className="muted" dateTime={moment.at} text={relativeTime(moment.at, now, locale)} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Rating({ score, stage }: Pick<LeadProfile, 'score' | 'stage'>) {
  const { t, locale } = usePanelWords();
  return (
    <div className="row">
      {score !== undefined && (
        <span className="badge badge-accent" data-testid="lead-score">
          {t('warmth.score', { score: new Intl.NumberFormat(locale).format(score) })}
        </span>
      )}
      {stage && (
        <span className="badge" data-testid="lead-stage">
          {t(`common:stage.${stage}`)}
        </span>
      )}
    </div>
  );
}
