import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Broadcast } from '@/lib/messaging/messages';
import { isFromExtensionPage, useBroadcast, type BroadcastSender } from './use-broadcast';

const worker = (): BroadcastSender => ({ id: browser.runtime.id, url: `chrome-extension://${browser.runtime.id}/background.js` });
const BROADCAST: Broadcast = { type: 'feedback-changed', leadKey: 'salesforce:00Q1' };

/** Leadside's own content script in a CRM tab: the right extension id, but a page a renderer controls. */
const contentScript = (): BroadcastSender => ({ id: browser.runtime.id, tab: { id: 7 }, url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q1/view' });

describe('which senders a Leadside page takes broadcasts from', () => {
  it("takes the worker's and other extension pages' not in a tab", () => {
    expect(isFromExtensionPage(worker())).toBe(true);
    expect(isFromExtensionPage({ id: browser.runtime.id, url: browser.runtime.getURL('/sidepanel.html') })).toBe(true);
  });

  it('refuses content scripts, other extensions, tabs and URLs outside the extension', () => {
    expect(isFromExtensionPage(contentScript())).toBe(false);
    // Even an extension page, when it is in a tab: only the worker broadcasts.
    expect(isFromExtensionPage({ ...worker(), tab: { id: 7 } })).toBe(false);
    expect(isFromExtensionPage({ ...worker(), id: 'another-extension' })).toBe(false);
    expect(isFromExtensionPage({ id: browser.runtime.id })).toBe(false);
    expect(isFromExtensionPage({ id: browser.runtime.id, url: 'https://evil.example/background.js' })).toBe(false);
    expect(isFromExtensionPage({ id: browser.runtime.id, url: `chrome-extension://${browser.runtime.id}.evil.example/x.html` })).toBe(false);
    expect(isFromExtensionPage({ id: browser.runtime.id, url: 'not a url' })).toBe(false);
  });
});

describe('useBroadcast', () => {
  const mounted: Array<() => void> = [];
  afterEach(() => mounted.splice(0).forEach((unmount) => unmount()));

  /** Mounts a component listening to broadcasts; returns what it received. */
  async function listen() {
    const received = vi.fn();
    const Listener = () => {
      useBroadcast(received);
      return null;
    };
    const root = createRoot(document.createElement('div'));
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    await act(async () => root.render(createElement(Listener)));
    mounted.push(() => act(() => root.unmount()));
    return received;
  }

  /** Delivers a message to the page's listeners as the browser would, from this sender. */
  const deliver = (sender: BroadcastSender) =>
    fakeBrowser.runtime.onMessage.trigger(BROADCAST, sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1], () => undefined);

  it("passes the worker's broadcast on and drops the same message from a content script", async () => {
    const received = await listen();
    await deliver(contentScript());
    expect(received).not.toHaveBeenCalled();
    await deliver(worker());
    expect(received).toHaveBeenCalledExactlyOnceWith(BROADCAST);
  });
});
