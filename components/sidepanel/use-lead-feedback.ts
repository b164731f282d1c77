import { useCallback, useEffect, useState } from 'react';
import { request, type FeedbackView } from '@/lib/messaging/messages';
import type { FeedbackPayload } from '@/lib/schema';
import { useBroadcast } from '@/components/use-broadcast';

/** A lead's feedback as stored, and `submit`, which resolves only once the item is durably stored. */
export function useLeadFeedback(tabId: number, leadKey: string) {
  const [feedback, setFeedback] = useState<FeedbackView[]>([]);

  const load = useCallback(async () => {
    const { feedback: items } = await request({ type: 'list-feedback', leadKey });
    setFeedback(items);
  }, [leadKey]);

  useEffect(() => {
    setFeedback([]);
    void load().catch(() => undefined);
  }, [load]);

  useBroadcast((message) => {
    if (message.type === 'feedback-changed' && message.leadKey === leadKey) void load().catch(() => undefined);
  });

  const submit = useCallback(
    // The id is made here, and a retry passes the same one, so a resend after a worker restart
    // stores the item once, not twice.
    async (payload: FeedbackPayload, id: string = crypto.randomUUID()) => {
      const result = await request({ type: 'submit-feedback', tabId, leadKey, id, payload });
      setFeedback((items) => [result.feedback, ...items.filter((item) => item.id !== result.feedback.id)]);
      return result.feedback;
    },
    [tabId, leadKey],
  );

  return { feedback, submit };
}
