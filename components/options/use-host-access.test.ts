import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createI18n } from '@/lib/i18n/create';
import { requestHostThenSave as requestWith } from './use-host-access';

// The words are English here; other languages are checked by the missing-key test and the i18n e2e.
const i18n = createI18n('en');
const requestHostThenSave = (host: string | undefined, save: () => Promise<string | undefined>) => requestWith(host, save, i18n);

describe('requestHostThenSave: every way a host grant and a save can fail ends in words', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('asks for that one host, then saves', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    const save = vi.fn(async () => undefined);
    await expect(requestHostThenSave('crm.example.com', save)).resolves.toBeUndefined();
    expect(request).toHaveBeenCalledWith({ origins: ['https://crm.example.com/*'] });
    expect(save).toHaveBeenCalledOnce();
  });

  it('asks before the first await, so the request stays inside the click', () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    void requestHostThenSave('crm.example.com', async () => undefined);
    expect(request).toHaveBeenCalledOnce();
  });

  it('says the browser did not allow it when the rep declines, and saves nothing', async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    const save = vi.fn(async () => undefined);
    await expect(requestHostThenSave('crm.example.com', save)).resolves.toBe('the browser did not allow Leadside to reach crm.example.com.');
    expect(save).not.toHaveBeenCalled();
  });

  it("passes on the browser's reason when it refuses to ask at all", async () => {
    vi.spyOn(browser.permissions, 'request').mockRejectedValue(new Error('permissions.request may only be called from a user input handler'));
    const save = vi.fn(async () => undefined);
    await expect(requestHostThenSave('crm.example.com', save)).resolves.toBe(
      'the browser refused to ask for access to crm.example.com: permissions.request may only be called from a user input handler',
    );
    expect(save).not.toHaveBeenCalled();
  });

  it("returns the save's own refusal, and a save that throws, in words", async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    await expect(requestHostThenSave('crm.example.com', async () => 'customSites: too many')).resolves.toBe('customSites: too many');
    const full = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    await expect(requestHostThenSave('crm.example.com', () => Promise.reject(full))).resolves.toMatch(/no room left/);
  });

  it('asks for nothing when there is no host (the demo source)', async () => {
    const request = vi.spyOn(browser.permissions, 'request');
    await expect(requestHostThenSave(undefined, async () => undefined)).resolves.toBeUndefined();
    expect(request).not.toHaveBeenCalled();
  });

  it("words the refusal in the rep's language, keeping the browser's own reason as it wrote it", async () => {
    vi.spyOn(browser.permissions, 'request').mockRejectedValue(new Error('user gesture required'));
    await expect(requestWith('crm.example.com', async () => undefined, createI18n('fr'))).resolves.toBe(
      'le navigateur a refusé de demander l’accès à crm.example.com : user gesture required',
    );
  });
});
