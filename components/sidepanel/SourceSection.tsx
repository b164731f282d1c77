import type { LeadSource } from '@/lib/schema';
import { formatDate, relativeTime } from '@/lib/format/time';
import { Section } from '@/components/ui/Section';
import { SafeLink } from '@/components/ui/SafeLink';
import { withoutTracking } from '@/lib/leads/tracking-params';
import { usePanelWords } from './use-panel-words';
import { Formatted } from './Formatted';

/** How they found us: first touch, UTMs, and the latest touch (its keyword and date) when it differs. */
export function SourceSection({ source }: { source: LeadSource }) {
  const { t, locale } = usePanelWords();
  const utm = Object.entries(source.utm).filter(([, value]) => value);
  return (
    <Section title={t('source.title')} testId="brief-source">
      <p>
        <span className="badge badge-accent" data-testid="source-channel">{t(`common:channel.${source.channel}`)}</span>{' '}
        {source.campaign && (
          <strong data-testid="source-campaign" translate="no">
            {source.campaign}
          </strong>
        )}
      </p>
      <dl className="facts small">
        {source.firstSeen && (
          <>
            <dt>{t('source.firstSeen')}</dt>
            <dd>
              <Formatted dateTime={source.firstSeen} text={formatDate(source.firstSeen, locale)} />
            </dd>
          </>
        )}
        {source.firstPage && (
          <>
            <dt>{t('source.firstPage')}</dt>
            <dd translate="no">
              <SafeLink href={withoutTracking(source.firstPage)}>{prettyUrl(source.firstPage)}</SafeLink>
            </dd>
          </>
        )}
        {source.referrer && (
          <>
            <dt>{t('source.referrer')}</dt>
            <dd translate="no">{source.referrer}</dd>
          </>
        )}
        {utm.map(([key, value]) => (
          <UtmRow key={key} name={key} value={value!} />
        ))}
        {source.latest && (
          <>
            <dt>{t('source.latestTouch')}</dt>
            <dd data-testid="source-latest">
              {t(`common:channel.${source.latest.channel}`)}
              {source.latest.campaign ? (
                <>
                  {' · '}
                  <span translate="no">{source.latest.campaign}</span>
                </>
              ) : null}
              {source.latest.term ? (
                <>
                  {t('source.keyword')}
                  <q data-testid="source-latest-term" translate="no">
                    {source.latest.term}
                  </q>
                </>
              ) : null}
              {source.latest.at ? (
                <>
                  {' · '}
                  <Formatted dateTime={source.latest.at} title={relativeTime(source.latest.at, new Date(), locale)} text={formatDate(source.latest.at, locale)} />
                </>
              ) : (
                t('source.dateNotRecorded')
              )}
            </dd>
          </>
        )}
      </dl>
    </Section>
  );
}

/** UTM parameters by their own names (utm_source) and values: technical names and data, never translated. */
function UtmRow({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt translate="no">utm_{name}</dt>
      <dd translate="no">{value}</dd>
    </>
  );
}

function prettyUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}
