import { CRM_LABELS, recordKey } from '@/lib/schema/record';
import { ErrorNotice } from './ErrorNotice';
import { Spinner } from '@/components/ui/Spinner';
import { DetectedCard } from './DetectedCard';
import { FoundBrief } from './FoundBrief';
import { MatchPicker } from './MatchPicker';
import { notFoundText } from './not-found-text';
import type { BriefView } from './use-brief';
import { usePanelWords } from './use-panel-words';

/** The CRMs' own names (never translated). */
const SUPPORTED_CRMS = Object.entries(CRM_LABELS)
  .filter(([crm]) => crm !== 'custom')
  .map(([, label]) => label)
  .join(', ');

/** One state of the brief at a time, each with words that say what is going on and what to do. */
export function BriefPanel({ tabId, brief, onRetry }: { tabId: number | undefined; brief: BriefView; onRetry(): void }) {
  const { t, locale } = usePanelWords();
  if (tabId === undefined || brief.state === 'waiting') return <Spinner label={t('state.lookingAtTab')} />;
  switch (brief.state) {
    case 'no-record':
      return (
        <div className="card section" data-testid="state-no-record">
          <h1>{t('state.noRecordTitle')}</h1>
          <p>{t('state.noRecordText')}</p>
          <p className="small muted">{t('state.supported', { crms: SUPPORTED_CRMS })}</p>
        </div>
      );
    case 'not-a-person': {
      const { record } = brief;
      const kind = record.nonPerson === 'deal' ? 'deal' : 'organisation';
      return (
        <div className="card section" data-testid="state-not-a-person">
          <h1>{t(`state.${kind}Title`)}</h1>
          <p>{t(`state.${kind}Text`)}</p>
          <p className="small muted" translate="no">
            {CRM_LABELS[record.crm]} · <span data-testid="detected-record-id">{record.objectType} {record.recordId}</span>
          </p>
        </div>
      );
    }
    case 'loading':
      return (
        <div className="stack">
          <DetectedCard record={brief.record} />
          <Spinner label={t('state.lookingUp')} />
        </div>
      );
    case 'not-found':
      return (
        <div className="stack">
          <DetectedCard record={brief.record} />
          <div className="notice notice-warn" data-testid="state-not-found">
            <strong>{t('state.notFoundTitle')}</strong>{' '}
            <span data-testid="not-found-where">{notFoundText(brief.asked ?? [], brief.record.email, t, locale)}</span> {t('state.notFoundHint')}
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
