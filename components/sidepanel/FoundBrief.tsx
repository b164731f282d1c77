import type { Brief } from '@/lib/schema';
import { recordKey } from '@/lib/schema/record';
import { relativeTime } from '@/lib/format/time';
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

/**
 * The brief in the order a rep reads it with the phone ringing: who, what not to do, their own
 * words, how to reach them, where they came from, how warm, what to send, what they read.
 */
export function FoundBrief({ tabId, brief, onRetry }: { tabId: number; brief: Extract<Brief, { state: 'found' }>; onRetry(): void }) {
  const { record, profile } = brief;
  const { feedback, submit } = useLeadFeedback(tabId, recordKey(record));
  const statuses = useRequestStatuses(feedback);
  return (
    <div className="stack" data-testid="brief" data-lead-id={profile.id}>
      <DetectedCard record={record} profile={profile} />
      <SourcesLine from={brief.from} systems={profile.systems} />
      <GapsNote gaps={profile.gaps} />
      {brief.warning && (
        <div className="notice notice-warn" role="status" data-testid="stale-banner">
          <p>
            <strong>Showing marketing data from {relativeTime(brief.fetchedAt, new Date())}.</strong> {brief.warning}
          </p>
          <button type="button" className="btn" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
      {brief.catalogStale && (
        <div className="notice notice-warn" role="status" data-testid="catalog-stale-banner">
          <p>
            <strong>Suggestions use the content list from {relativeTime(brief.catalogStale.fetchedAt, new Date())}.</strong> A fresh one
            could not be downloaded: {brief.catalogStale.error}
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
        Marketing data updated {relativeTime(brief.fetchedAt, new Date())}
        {brief.refreshing && ' · refreshing…'}
      </p>
      <EraseLead leadKey={recordKey(record)} />
    </div>
  );
}
