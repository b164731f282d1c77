import { request, type FeedbackView } from '@/lib/messaging/messages';
import type { DeliveryState } from '@/lib/schema';
import { formatDateTime } from '@/lib/format/time';
import { SafeLink } from '@/components/ui/SafeLink';
import type { RequestStatusView } from './use-request-statuses';
import type { PanelWords } from './use-panel-words';
import { CodedMessage } from '@/components/ui/CodedMessage';
import { verdictReasonWords } from './verdict-words';
import { usePanelWords } from './use-panel-words';
import { Formatted } from './Formatted';

const STATE_CLASSES: Record<DeliveryState | 'retrying', string> = {
  queued: 'badge',
  sent: 'badge badge-good',
  failed: 'badge badge-danger',
  local: 'badge',
  retrying: 'badge badge-warn',
};

function describe(item: FeedbackView, t: PanelWords): string {
  const { payload } = item;
  switch (payload.kind) {
    case 'verdict': {
      const verdict = t(`common:verdict.${payload.verdict}`);
      if (!payload.reasons.length) return t('log.verdict', { verdict });
      return t('log.verdictWithReasons', { verdict, reasons: payload.reasons.map((reason) => verdictReasonWords(reason, t)).join(', ') });
    }
    case 'content_rating':
      return payload.useful ? t('log.ratedUseful') : t('log.ratedNotUseful');
    case 'content_request':
      return t('log.contentRequest', { text: payload.text });
    case 'prospect_question':
      return t('log.prospectQuestion', { text: payload.text });
  }
}

/** Marketing's answer to a content request or prospect question: its status, and the item that answers it once published. */
function RequestStatusLine({ status }: { status: RequestStatusView }) {
  const { t } = usePanelWords();
  return (
    <div data-testid="request-status" data-status={status.status}>
      {t('log.marketing')} <span className={status.status === 'new' ? 'badge' : 'badge badge-good'}>{t(`common:requestStatus.${status.status}`)}</span>
      {status.content && (
        <>
          {' · '}
          <span translate="no">
            <SafeLink href={status.content.url}>{status.content.title}</SafeLink>
          </span>
        </>
      )}
    </div>
  );
}

/**
 * What the rep told marketing about this lead, where each item stands on its way there, and, for
 * requests the source stored, what marketing did with them (`statuses`, by item id; none when the
 * source has no statuses or could not be asked).
 */
export function FeedbackLog({
  feedback,
  leadKey,
  statuses = new Map(),
}: {
  feedback: readonly FeedbackView[];
  leadKey: string;
  statuses?: ReadonlyMap<string, RequestStatusView>;
}) {
  const { t, locale } = usePanelWords();
  if (feedback.length === 0) return null;
  return (
    <section className="card section" aria-labelledby="log-title" data-testid="feedback-log">
      <h2 id="log-title">{t('log.title')}</h2>
      <ul className="plain-list stack">
        {feedback.map((item) => {
          const badge = item.state === 'queued' && item.lastError ? 'retrying' : item.state;
          return (
            <li key={item.id} className="small" data-testid="feedback-item" data-state={item.state}>
              <div className="spread">
                <span>{describe(item, t)}</span>
                <span className={STATE_CLASSES[badge]}>{t(`log.state.${badge}`)}</span>
              </div>
              <div className="muted">
                <Formatted dateTime={item.createdAt} text={formatDateTime(item.createdAt, locale)} />
                {item.lastError && item.state !== 'sent' && (
                  <>
                    {' · '}
                    <CodedMessage coded={item.lastErrorCoded} fallback={item.lastError} />
                  </>
                )}
              </div>
              {item.state === 'sent' && statuses.get(item.id) && <RequestStatusLine status={statuses.get(item.id)!} />}
              {item.state === 'failed' && (
                <button type="button" className="btn" onClick={() => void request({ type: 'retry-delivery', ids: [item.id], leadKey })}>
                  {t('log.retry')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
