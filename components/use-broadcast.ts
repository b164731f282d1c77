import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { BroadcastSchema, type Broadcast } from '@/lib/messaging/messages';

/** What a runtime message says about who sent it (the parts of `runtime.MessageSender` checked here). */
export interface BroadcastSender {
  id?: string;
  tab?: unknown;
  url?: string;
}

/**
 * Whether a message comes from Leadside's own worker or pages. `sender.id` alone also matches
 * Leadside's content scripts, which run inside CRM pages a compromised renderer controls: a
 * broadcast from them could show another lead's brief or file a verdict against it. So the sender
 * must also be in no tab and its URL under the extension's own origin.
 */
export function isFromExtensionPage(sender: BroadcastSender): boolean {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined || !sender.url) return false;
  try {
    // Scheme and host, not `origin`: URL parsers outside Chromium give `chrome-extension:` URLs the
    // opaque origin "null", which every such URL would share.
    const from = new URL(sender.url);
    const own = new URL(browser.runtime.getURL('/'));
    return from.protocol === own.protocol && from.host === own.host;
  } catch {
    return false;
  }
}

/** Calls `onBroadcast` for every valid broadcast from the worker or another Leadside page; drops anything else. */
export function useBroadcast(onBroadcast: (message: Broadcast) => void): void {
  const handler = useRef(onBroadcast);
  handler.current = onBroadcast;
  useEffect(() => {
    const listener = (raw: unknown, sender: BroadcastSender) => {
      if (!isFromExtensionPage(sender)) return;
      const parsed = BroadcastSchema.safeParse(raw);
      if (parsed.success) handler.current(parsed.data);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
}
