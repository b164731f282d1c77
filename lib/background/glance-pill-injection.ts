import { browser } from 'wxt/browser';

/** The injected pill script's path in the build (entrypoints/glance-pill.ts). */
export const GLANCE_PILL_SCRIPT = '/glance-pill.js';

/**
 * Runs the glance pill's script in the extension's own world of the content script's frame, where
 * the content script finds it. Bound to the reporting document where the browser names it (Chrome),
 * so a tab that has meanwhile moved to another page gets nothing; else to the top frame, the only
 * frame whose reports the worker takes. The CRM host's permission is the one the content script
 * already runs by: no new one.
 */
export async function injectGlancePill(tabId: number, documentId: string | undefined): Promise<void> {
  await browser.scripting.executeScript({
    target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] },
    files: [GLANCE_PILL_SCRIPT],
  });
}
