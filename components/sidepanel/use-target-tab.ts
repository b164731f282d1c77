import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The tab the panel describes: the one in `?tabId=N` when pinned (pop-out window, tests), else the
 * active tab of the panel's window, followed as the rep switches tabs.
 */
export function useTargetTab(pinnedTabId: number | undefined): number | undefined {
  const [tabId, setTabId] = useState<number | undefined>(pinnedTabId);

  useEffect(() => {
    if (pinnedTabId !== undefined) return;
    let windowId: number | undefined;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      windowId = tab?.windowId;
      setTabId(tab?.id);
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinnedTabId]);

  return tabId;
}
