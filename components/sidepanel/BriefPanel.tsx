import { notFoundMessage } from '@/lib/connectors/source-messages';
import { CRM_LABELS, recordKey } from '@/lib/schema/record';
import { ErrorNotice } from './ErrorNotice';
import { Spinner } from '@/components/ui/Spinner';
import { DetectedCard } from './DetectedCard';
import { FoundBrief } from './FoundBrief';
import { MatchPicker } from './MatchPicker';
import type { BriefView } from './use-brief';

const SUPPORTED_CRMS = Object.entries(CRM_LABELS)
  .filter(([crm]) => crm !== 'custom')
  .map(([, label]) => label)
  .join(', ');

/** One state of the brief at a time, each with words that say what is going on and what to do. */
export function BriefPanel({ tabId, brief, onRetry }: { tabId: number | undefined; brief: BriefView; onRetry(): void }) {
  if (tabId === undefined || brief.state === 'waiting') return <Spinner label="Looking at this tab…" />;
  switch (brief.state) {
    case 'no-record':
      return (
        <div className="card section" data-testid="state-no-record">
          <h1>Not a record page</h1>
          <p>Open a lead or contact in your CRM and its marketing brief appears here.</p>
          <p className="small muted">Supported: {SUPPORTED_CRMS}, and sites added in Options.</p>
        </div>
      );
    case 'loading':
      return (
        <div className="stack">
          <DetectedCard record={brief.record} />
          <Spinner label="Looking up marketing data…" />
        </div>
      );
    case 'not-found':
      return (
        <div className="stack">
          <DetectedCard record={brief.record} />
          <div className="notice notice-warn" data-testid="state-not-found">
            <strong>Not in marketing data.</strong> <span data-testid="not-found-where">{notFoundMessage(brief.asked ?? [], brief.record.email)}</span> They
            may have come in through sales directly.
          </div>
          <MatchPicker tabId={tabId} leadKey={recordKey(brief.record)} chosenByRep={false} found={false} />
        </div>
      );
    case 'error':
      return (
        <div className="stack">
          <DetectedCard record={brief.record} />
          <ErrorNotice brief={brief} onRetry={onRetry} />
        </div>
      );
    case 'found':
      return <FoundBrief key={brief.record.recordId} tabId={tabId} brief={brief} onRetry={onRetry} />;
  }
}
