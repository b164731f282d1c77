import { browser } from 'wxt/browser';
import type { InjectedCode } from '@/lib/messaging/messages';

/**
 * The injected scripts' paths in the build, by the name a content script asks for them with: code
 * a CRM page loads only when it needs it (entrypoints/glance-pill.ts, entrypoints/generic-reader.ts),
 * so the content script every CRM page loads stays small.
 */
export const INJECTED_CODE = {
  'glance-pill': '/glance-pill.js',
  'generic-reader': '/generic-reader.js',
} as const satisfies Record<InjectedCode, string>;

/**
 * Runs one of the injected scripts in the extension's own world of the content script's frame, where
 * the content script finds it. Bound to the reporting document where the browser names it (Chrome),
 * so a tab that has meanwhile moved to another page gets nothing; else to the top frame, the only
 * frame whose reports the worker takes. The CRM host's permission is the one the content script
 * already runs by: no new one.
 */
export async function injectCode(tabId: number, documentId: string | undefined, code: InjectedCode): Promise<void> {
  await browser.scripting.executeScript({
    target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] },
    files: [INJECTED_CODE[code]],
  });
}
