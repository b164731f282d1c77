import { useEffect, useMemo, useState } from 'react';
import { request, type FeedbackView, type PageResponse } from '@/lib/messaging/messages';

export type RequestStatusView = PageResponse<'request-statuses'>['statuses'][number];

/** The log's requests the source stored: only those can have a status there. */
export function storedRequestIds(feedback: readonly FeedbackView[]): string[] {
  return feedback
    .filter((item) => item.state === 'sent' && (item.payload.kind === 'content_request' || item.payload.kind === 'prospect_question'))
    .map((item) => item.id);
}

/**
 * What marketing did with the rep's requests in this log (new, planned, published), asked of the
 * worker whenever the set of stored requests changes. Empty until it answers, and when it cannot:
 * the log then simply shows no status.
 */
export function useRequestStatuses(feedback: readonly FeedbackView[]): ReadonlyMap<string, RequestStatusView> {
  const ids = useMemo(() => storedRequestIds(feedback), [feedback]);
  const key = ids.join(',');
  const [statuses, setStatuses] = useState<ReadonlyMap<string, RequestStatusView>>(new Map());

  useEffect(() => {
    if (!key) return;
    let current = true;
    request({ type: 'request-statuses', ids: key.split(',') })
      .then(({ statuses: found }) => current && setStatuses(new Map(found.map((status) => [status.id, status]))))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [key]);

  return statuses;
}
