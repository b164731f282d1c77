import { request, type FeedbackView } from '@/lib/messaging/messages';
import { VERDICT_LABELS, type DeliveryState } from '@/lib/schema';
import { REQUEST_STATUS_LABELS } from '@/lib/schema/dashboard';
import { formatDateTime } from '@/lib/format/time';
import { SafeLink } from '@/components/ui/SafeLink';
import type { RequestStatusView } from './use-request-statuses';

const STATE_BADGES: Record<DeliveryState, { label: string; className: string }> = {
  queued: { label: 'Queued', className: 'badge' },
  sent: { label: 'Sent', className: 'badge badge-good' },
  failed: { label: 'Failed', className: 'badge badge-danger' },
  local: { label: 'Kept in this browser', className: 'badge' },
};

function describe(item: FeedbackView): string {
  const { payload } = item;
  switch (payload.kind) {
    case 'verdict':
      return `Verdict: ${VERDICT_LABELS[payload.verdict]}${payload.reasons.length ? ` (${payload.reasons.join(', ')})` : ''}`;
    case 'content_rating':
      return `Content rated ${payload.useful ? 'useful' : 'not useful'}`;
    case 'content_request':
      return `Content request: ${payload.text}`;
    case 'prospect_question':
      return `Prospect question: ${payload.text}`;
  }
}

/** Marketing's answer to a content request or prospect question: its status, and the item that answers it once published. */
function RequestStatusLine({ status }: { status: RequestStatusView }) {
  return (
    <div data-testid="request-status" data-status={status.status}>
      Marketing: <span className={status.status === 'new' ? 'badge' : 'badge badge-good'}>{REQUEST_STATUS_LABELS[status.status]}</span>
      {status.content && (
        <>
          {' · '}
          <SafeLink href={status.content.url}>{status.content.title}</SafeLink>
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
  if (feedback.length === 0) return null;
  return (
    <section className="card section" aria-labelledby="log-title" data-testid="feedback-log">
      <h2 id="log-title">Your feedback on this lead</h2>
      <ul className="plain-list stack">
        {feedback.map((item) => {
          const badge = item.state === 'queued' && item.lastError ? { label: 'Retrying', className: 'badge badge-warn' } : STATE_BADGES[item.state];
          return (
            <li key={item.id} className="small" data-testid="feedback-item" data-state={item.state}>
              <div className="spread">
                <span>{describe(item)}</span>
                <span className={badge.className}>{badge.label}</span>
              </div>
              <div className="muted">
                {formatDateTime(item.createdAt)}
                {item.lastError && item.state !== 'sent' ? ` · ${item.lastError}` : ''}
              </div>
              {item.state === 'sent' && statuses.get(item.id) && <RequestStatusLine status={statuses.get(item.id)!} />}
              {item.state === 'failed' && (
                <button type="button" className="btn" onClick={() => void request({ type: 'retry-delivery', ids: [item.id], leadKey })}>
                  Retry
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
