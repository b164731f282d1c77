/** The parts of `runtime.MessageSender` that say which of Leadside's content scripts sent a message. */
export interface ContentScriptSenderInfo {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

/**
 * Our content script in a CRM tab's top frame (the pages we detect records on): the one sender whose
 * record reports the worker and the side panel take. The tab is the browser's word, not the message's.
 */
export function isOwnContentScript(sender: ContentScriptSenderInfo, extensionId: string): sender is ContentScriptSenderInfo & { tab: { id: number } } {
  return sender.id === extensionId && sender.tab?.id !== undefined && sender.frameId === 0 && Boolean(sender.url?.startsWith('https:'));
}
