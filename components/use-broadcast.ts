import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { BroadcastSchema, type Broadcast } from '@/lib/messaging/messages';

/** Calls `onBroadcast` for every valid broadcast from the background; drops anything else. */
export function useBroadcast(onBroadcast: (message: Broadcast) => void): void {
  const handler = useRef(onBroadcast);
  handler.current = onBroadcast;
  useEffect(() => {
    const listener = (raw: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return; // another extension's message is not ours to read
      const parsed = BroadcastSchema.safeParse(raw);
      if (parsed.success) handler.current(parsed.data);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
}
