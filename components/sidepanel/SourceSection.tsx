import { CHANNEL_LABELS, type LeadSource } from '@/lib/schema';
import { formatDate, relativeTime } from '@/lib/format/time';
import { Section } from '@/components/ui/Section';
import { SafeLink } from '@/components/ui/SafeLink';

/** How they found us: first touch, UTMs, and the latest touch (its keyword and date) when it differs. */
export function SourceSection({ source }: { source: LeadSource }) {
  const utm = Object.entries(source.utm).filter(([, value]) => value);
  return (
    <Section title="How they found us" testId="brief-source">
      <p>
        <span className="badge badge-accent" data-testid="source-channel">{CHANNEL_LABELS[source.channel]}</span>{' '}
        {source.campaign && <strong data-testid="source-campaign">{source.campaign}</strong>}
      </p>
      <dl className="facts small">
        {source.firstSeen && (
          <>
            <dt>First seen</dt>
            <dd>{formatDate(source.firstSeen)}</dd>
          </>
        )}
        {source.firstPage && (
          <>
            <dt>First page</dt>
            <dd>
              <SafeLink href={source.firstPage}>{prettyUrl(source.firstPage)}</SafeLink>
            </dd>
          </>
        )}
        {source.referrer && (
          <>
            <dt>Referrer</dt>
            <dd>{source.referrer}</dd>
          </>
        )}
        {utm.map(([key, value]) => (
          <UtmRow key={key} name={key} value={value!} />
        ))}
        {source.latest && (
          <>
            <dt>Latest touch</dt>
            <dd data-testid="source-latest">
              {CHANNEL_LABELS[source.latest.channel]}
              {source.latest.campaign ? ` · ${source.latest.campaign}` : ''}
              {source.latest.term ? (
                <>
                  {' · keyword '}
                  <q data-testid="source-latest-term">{source.latest.term}</q>
                </>
              ) : null}
              {source.latest.at ? (
                <>
                  {' · '}
                  <time dateTime={source.latest.at} title={relativeTime(source.latest.at, new Date())}>
                    {formatDate(source.latest.at)}
                  </time>
                </>
              ) : (
                ' · date not recorded'
              )}
            </dd>
          </>
        )}
      </dl>
    </Section>
  );
}

function UtmRow({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt>utm_{name}</dt>
      <dd>{value}</dd>
    </>
  );
}

function prettyUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}
