import { browser, type Browser } from 'wxt/browser';
import { BroadcastSchema, ContentScriptRequestSchema, PageRequestSchema } from '@/lib/messaging/messages';
import { isOwnContentScript } from '@/lib/messaging/senders';
import { handleContentScriptRequest } from './content-script-requests';
import { handlePageRequest } from './page-requests';
import { describeStorageError, storageErrorCode } from '@/lib/store/storage-errors';
import { codedOf } from '@/lib/connectors/message-codes';

type Sender = Browser.runtime.MessageSender;

/** True for the extension's own pages (side panel, options, Insights), which content scripts are not. */
function isExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && Boolean(sender.url?.startsWith(browser.runtime.getURL('/')));
}


/**
 * Parses every incoming message against the schema for its sender and answers through
 * `sendResponse` (the one style both Chrome and Firefox support). Anything else is dropped: another
 * extension, a subframe, or a malformed message has no business with Leadside's data.
 */
export function routeMessage(raw: unknown, sender: Sender, sendResponse: (response: unknown) => void): boolean {
  let work: Promise<unknown> | undefined;
  if (isExtensionPage(sender)) {
    const parsed = PageRequestSchema.safeParse(raw);
    if (parsed.success) work = handlePageRequest(parsed.data);
    // Broadcasts between pages are not requests; they are expected here and need no answer.
    else if (!BroadcastSchema.safeParse(raw).success) console.warn('Leadside: dropped a malformed page message', parsed.error.issues[0]);
  } else if (isOwnContentScript(sender, browser.runtime.id)) {
    const parsed = ContentScriptRequestSchema.safeParse(raw);
    if (parsed.success) {
      work = handleContentScriptRequest(parsed.data, { tabId: sender.tab!.id!, windowId: sender.tab!.windowId, url: sender.url, documentId: sender.documentId });
    }
  }
  if (!work) return false;
  work.then(sendResponse, (error: unknown) => {
    // The English words for logs and older pages, the code for the page to word in the rep's language.
    const coded = storageErrorCode(error) ?? codedOf(error);
    sendResponse({ error: describeStorageError(error) ?? (error instanceof Error ? error.message : 'Something went wrong in Leadside.'), ...(coded ? { coded } : {}) });
  });
  return true;
}
