import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage } from './router';
import { INJECTED_CODE } from './code-injection';

/** Routes one message as the browser would deliver it, and waits for the answer. */
function deliver(message: unknown, sender: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    if (!routeMessage(message, sender as never, resolve)) resolve('dropped');
  });
}

describe("code a CRM tab's content script does not carry (the glance pill's, the generic reader's), asked for by it", () => {
  const contentScript = () => ({ id: browser.runtime.id, tab: { id: 12, windowId: 1 }, frameId: 0, url: 'https://acme.lightning.force.com/lightning/r/Contact/003A/view' });
  let executeScript: ReturnType<typeof vi.fn>;
  const fakeScripting = Object.getOwnPropertyDescriptor(browser, 'scripting');

  beforeEach(() => {
    fakeBrowser.reset();
    executeScript = vi.fn(async () => [{ frameId: 0, result: undefined }]);
    // The fake browser has no scripting API: the worker's call is what this test looks at.
    Object.defineProperty(browser, 'scripting', { value: { executeScript }, configurable: true });
  });
  // Test files share their worker's modules: the next file gets the fake browser as it was.
  afterEach(() => {
    if (fakeScripting) Object.defineProperty(browser, 'scripting', fakeScripting);
    else delete (browser as { scripting?: unknown }).scripting;
  });

  it('is run in the reporting document itself where the browser names it, so a tab that moved on gets nothing', async () => {
    await expect(deliver({ type: 'load-code', code: 'glance-pill' }, { ...contentScript(), documentId: 'doc-7' })).resolves.toEqual({ ok: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12, documentIds: ['doc-7'] }, files: [INJECTED_CODE['glance-pill']] });
  });

  it("is run in the tab's top frame where the browser names no document (Firefox)", async () => {
    await deliver({ type: 'load-code', code: 'glance-pill' }, contentScript());
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [0] }, files: [INJECTED_CODE['glance-pill']] });
  });

  it('is never run for a subframe, a plain-http page or another extension', async () => {
    for (const sender of [{ ...contentScript(), frameId: 3 }, { ...contentScript(), url: 'http://crm.example/record/1' }, { ...contentScript(), id: 'another-extension' }]) {
      await expect(deliver({ type: 'load-code', code: 'glance-pill' }, sender)).resolves.toBe('dropped');
    }
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('runs the generic reader when a read asks for it, and nothing a message names outside the list', async () => {
    await expect(deliver({ type: 'load-code', code: 'generic-reader' }, contentScript())).resolves.toEqual({ ok: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [0] }, files: ['/generic-reader.js'] });
    await expect(deliver({ type: 'load-code', code: '../background' }, contentScript())).resolves.toBe('dropped');
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it("answers with the browser's refusal in words when the tab cannot be scripted, and the content script shows no pill", async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page.'));
    await expect(deliver({ type: 'load-code', code: 'glance-pill' }, contentScript())).resolves.toMatchObject({ error: 'Cannot access contents of the page.' });
  });
});
