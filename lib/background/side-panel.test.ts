import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('opening Leadside beside the tab where no side panel can be opened', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
    vi.restoreAllMocks();
  });

  it('opens one pinned window per tab, focuses it when asked again, and opens no flood of windows', async () => {
    let nextId = 100;
    const create = vi.spyOn(browser.windows, 'create').mockImplementation(async () => ({ id: nextId++ }) as never);
    const update = vi.spyOn(browser.windows, 'update').mockImplementation(async () => ({}) as never);
    const { openSidePanel } = await import('./side-panel');

    await openSidePanel(7);
    await openSidePanel(7);
    expect(create).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith(100, { focused: true });

    // A page asking for other tabs in a loop gets no window within the interval.
    for (let tab = 8; tab < 30; tab += 1) await openSidePanel(tab);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('opens a new window once the pinned one was closed and the interval has passed', async () => {
    const create = vi.spyOn(browser.windows, 'create').mockImplementation(async () => ({ id: 5 }) as never);
    vi.spyOn(browser.windows, 'update').mockRejectedValue(new Error('No window with id: 5.'));
    const now = vi.spyOn(performance, 'now').mockReturnValue(10_000);
    const { openSidePanel, MIN_WINDOW_INTERVAL_MS } = await import('./side-panel');
    await openSidePanel(7);
    now.mockReturnValue(10_000 + MIN_WINDOW_INTERVAL_MS + 1);
    await openSidePanel(7);
    expect(create).toHaveBeenCalledTimes(2);
  });
});
