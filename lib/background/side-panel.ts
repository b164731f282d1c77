import { browser } from 'wxt/browser';

/**
 * Opens Leadside beside the tab: Chrome's side panel, Firefox's sidebar, or, where neither may be
 * opened from here (no user gesture reached us), a small window pinned to the tab.
 */
export async function openSidePanel(tabId: number, windowId?: number): Promise<void> {
  try {
    if (browser.sidePanel?.open) {
      await browser.sidePanel.open(windowId !== undefined ? { windowId } : { tabId });
      return;
    }
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebar) {
      await sidebar.open();
      return;
    }
  } catch {
    // Fall through to the pinned window.
  }
  await browser.windows.create({
    url: browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`),
    type: 'popup',
    width: 420,
    height: 760,
  });
}

/** The toolbar icon (and its keyboard shortcut) opens Leadside beside the page. */
export function openSidePanelFromToolbar(): void {
  if (browser.sidePanel?.setPanelBehavior) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    return;
  }
  // Firefox: the toolbar button toggles the sidebar (a user action, so Firefox allows it).
  const firefox = browser as unknown as {
    browserAction?: { onClicked: { addListener(listener: () => void): void } };
    sidebarAction?: { toggle(): Promise<void> };
  };
  firefox.browserAction?.onClicked.addListener(() => void firefox.sidebarAction?.toggle());
}
