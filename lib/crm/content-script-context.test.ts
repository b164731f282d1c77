// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from './content-script-context';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the content scripts’ lean context', () => {
  it('stops when a newer script of the same name starts, and not for another script', () => {
    const older = new ContentScriptContext('salesforce');
    const other = new ContentScriptContext('hubspot');
    const stopped = vi.fn();
    older.signal.addEventListener('abort', stopped);
    expect(older.isInvalid).toBe(false);
    const newer = new ContentScriptContext('salesforce');
    expect(older.isInvalid).toBe(true);
    expect(stopped).toHaveBeenCalledOnce();
    expect(newer.isInvalid).toBe(false);
    expect(other.isInvalid).toBe(false);
  });

  it('speaks WXT’s own event, so a script of either kind stops the other', async () => {
    // WXT names the event when its module loads, after the entry point it was built for (the
    // script's name in a build).
    vi.stubEnv('ENTRYPOINT', 'zoho');
    vi.resetModules();
    const { ContentScriptContext: WxtContext } = await import('wxt/utils/content-script-context');
    const wxtOlder = new WxtContext('zoho', { noScriptStartedPostMessage: true } as never);
    const leanNewer = new ContentScriptContext('zoho');
    expect(wxtOlder.isInvalid).toBe(true);
    new WxtContext('zoho', { noScriptStartedPostMessage: true } as never);
    expect(leanNewer.isInvalid).toBe(true);
  });

  it('is invalid once the extension is gone (no runtime id), and its signal says so', () => {
    const ctx = new ContentScriptContext('pipedrive');
    const listener = vi.fn();
    ctx.signal.addEventListener('abort', listener);
    expect(ctx.isInvalid).toBe(false);
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
    expect(ctx.isInvalid).toBe(true);
    expect(listener).toHaveBeenCalledOnce();
  });
});
