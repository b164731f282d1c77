import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { ContentScriptRequestSchema } from '@/lib/messaging/messages';
import { isOwnContentScript, type ContentScriptSenderInfo } from '@/lib/messaging/senders';
import type { DetectedRecord } from '@/lib/schema/record';
import { recordAtUrl } from './record-at-url';

/**
 * Hears what the tab's own content script reports (a content script's runtime message reaches every
 * extension page, not only the worker): the record it detected, or null when the tab left records.
 * The panel acts on it one hop sooner than on the worker's news. Parsed like every message, and only
 * from our content script in that tab's top frame; the listener never answers (the worker does).
 */
export function useTabReports(tabId: number | undefined, onReport: (record: DetectedRecord | null) => void): void {
  const handler = useRef(onReport);
  handler.current = onReport;
  useEffect(() => {
    if (tabId === undefined) return;
    // Returns nothing on purpose: an answer (or a promise, in Firefox) would take the worker's place as the reply.
    const listener = (raw: unknown, sender: ContentScriptSenderInfo): undefined => {
      if (!isOwnContentScript(sender, browser.runtime.id) || sender.tab.id !== tabId) return;
      const parsed = ContentScriptRequestSchema.safeParse(raw);
      if (!parsed.success) return;
      if (parsed.data.type === 'record-detected') handler.current(parsed.data.record);
      else if (parsed.data.type === 'record-cleared') handler.current(null);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [tabId]);
}

/**
 * Hears the tab's URL change from the browser itself (in-app navigations included), a few
 * milliseconds before the content script has read the page and reported: `onRecordUrl` gets the
 * record a built-in CRM's URL names (record-at-url.ts). The browser tells only for hosts Leadside may
 * read, and its word on the tab's URL needs no checking.
 */
export function useTabUrl(tabId: number | undefined, onRecordUrl: (record: DetectedRecord) => void): void {
  const handler = useRef(onRecordUrl);
  handler.current = onRecordUrl;
  useEffect(() => {
    if (tabId === undefined) return;
    const listener = (changedTabId: number, change: { url?: string }) => {
      if (changedTabId !== tabId || !change.url) return;
      const record = recordAtUrl(change.url);
      if (record) handler.current(record);
    };
    browser.tabs.onUpdated.addListener(listener);
    return () => browser.tabs.onUpdated.removeListener(listener);
  }, [tabId]);
}
