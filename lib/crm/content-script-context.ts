import { browser } from 'wxt/browser';

/**
 * WXT's `ContentScriptContext` as the CRM content scripts use it, put in its place in their builds
 * only (wxt.config.ts). WXT's carries what these scripts never call (timer, animation-frame and
 * event wrappers, a location watcher, a logger, and `onInvalidated`, which `signal` already does):
 * ~1 KB of every CRM page's 15 KB gzipped, which the page readers need. What it must keep doing, it
 * does the same way, so a script of either kind stops when a newer one starts (the extension
 * reloaded or updated) and says when it is orphaned:
 * the same uniquely named event on the document, with the same detail. WXT's `window.postMessage` of
 * that news is left out: it reached the CRM page's own scripts, for nothing they need.
 */
export class ContentScriptContext {
  readonly #controller = new AbortController();

  constructor(contentScriptName: string) {
    const id = Math.random().toString(36).slice(2);
    // WXT's own name for the event (getUniqueEventName): extension, script and what happened.
    const started = `${browser.runtime?.id}:${contentScriptName}:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName, messageId: id } }));
    document.addEventListener(
      started,
      (event) => {
        const detail = (event as CustomEvent<{ contentScriptName?: string; messageId?: string } | null>).detail;
        if (detail?.contentScriptName === contentScriptName && detail.messageId !== id) this.#controller.abort();
      },
      { signal: this.#controller.signal },
    );
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Whether the script should stop: a newer one started, or the extension is gone (no runtime id). */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.#controller.abort();
    return this.signal.aborted;
  }
}
