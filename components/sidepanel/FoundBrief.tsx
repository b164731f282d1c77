import type { Brief } from '@/lib/schema';
import { recordKey } from '@/lib/schema/record';
import { relativeTime } from '@/lib/format/time';
import { CodedMessage } from '@/components/ui/CodedMessage';
import { ActivitySection } from './ActivitySection';
import { ContactSection } from './ContactSection';
import { DetectedCard } from './DetectedCard';
import { DoNotContactAlert } from './DoNotContactAlert';
import { FeedbackLog } from './FeedbackLog';
import { MatchPicker } from './MatchPicker';
import { PagesSection } from './PagesSection';
import { ProblemSection } from './ProblemSection';
import { SourceSection } from './SourceSection';
import { SourcesLine } from './SourcesLine';
import { GapsNote } from './GapsNote';
import { Suggestions } from './Suggestions';
import { TellMarketing } from './TellMarketing';
import { useLeadFeedback } from './use-lead-feedback';
import { EraseLead } from './EraseLead';
import { useRequestStatuses } from './use-request-statuses';
import { VerdictBar } from './VerdictBar';
import { WarmthSection } from './WarmthSection';
import { usePanelWords } from './use-panel-words';

/**
 * The brief in the order a rep reads it with the phone ringing: who, what not to do, their own
 * words, how to reach them, where they came from, how warm, what to send, what they read.
 */
export function FoundBrief({ tabId, brief, onRetry }: { tabId: number; brief: Extract<Brief, { state: 'found' }>; onRetry(): void }) {
  const { record, profile } = brief;
  const { feedback, submit } = useLeadFeedback(tabId, recordKey(record));
  const statuses = useRequestStatuses(feedback);
  const { t, locale } = usePanelWords();
  const ago = (iso: string) => relativeTime(iso, new Date(), locale);
  return (
    <div className="stack" data-testid="brief" data-lead-id={profile.id}>
      <DetectedCard record={record} profile={profile} />
      <SourcesLine from={brief.from} systems={profile.systems} />
      <GapsNote gaps={profile.gaps} />
      {brief.warning && (
        <div className="notice notice-warn" role="status" data-testid="stale-banner">
          <p>
            <strong>{t('brief.staleData', { when: ago(brief.fetchedAt) })}</strong> <CodedMessage coded={brief.warningCoded} fallback={brief.warning} />
          </p>
          <button type="button" className="btn" onClick={onRetry}>
            {t('common:retry')}
          </button>
        </div>
      )}
      {brief.catalogStale && (
        <div className="notice notice-warn" role="status" data-testid="catalog-stale-banner">
          <p>
            <strong>{t('brief.staleCatalog', { when: ago(brief.catalogStale.fetchedAt) })}</strong>{' '}
            {t('brief.staleCatalogWhy')}{' '}
            <CodedMessage coded={brief.catalogStale.coded} fallback={brief.catalogStale.error} />
          </p>
        </div>
      )}
      <MatchPicker tabId={tabId} leadKey={recordKey(record)} chosenByRep={brief.chosenByRep} found />
      <DoNotContactAlert contact={profile.contact} />
      <ProblemSection problems={profile.problems} />
      <ContactSection contact={profile.contact} />
      <SourceSection source={profile.source} />
      <WarmthSection profile={profile} />
      <Suggestions tabId={tabId} leadKey={recordKey(record)} suggestions={brief.suggestions} feedback={feedback} submit={submit} />
      <VerdictBar feedback={feedback} submit={submit} />
      <ActivitySection activities={profile.activities} />
      <PagesSection pageViews={profile.pageViews} />
      <TellMarketing submit={submit} />
      <FeedbackLog feedback={feedback} leadKey={recordKey(record)} statuses={statuses} />
      <p className="small muted" data-testid="fetched-at">
        {t('brief.updated', { when: ago(brief.fetchedAt) })}
        {brief.refreshing && t('brief.refreshingSuffix')}
      </p>
      <EraseLead leadKey={recordKey(record)} />
    </div>
  );
}
