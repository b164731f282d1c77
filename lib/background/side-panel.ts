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
  await openPinnedWindow(tabId);
}

/** The pinned window opened for each tab: asking again focuses it instead of opening another. */
const pinnedWindows = new Map<number, number>();
let lastWindowOpenedAt = -Infinity;
/**
 * At most one new window this often. The ask comes from the CRM page's content script, and a page
 * that clicks or messages in a loop must not be able to flood the screen with windows.
 */
export const MIN_WINDOW_INTERVAL_MS = 3_000;

async function openPinnedWindow(tabId: number): Promise<void> {
  const existing = pinnedWindows.get(tabId);
  if (existing !== undefined) {
    try {
      await browser.windows.update(existing, { focused: true });
      return;
    } catch {
      pinnedWindows.delete(tabId); // Closed since.
    }
  }
  if (performance.now() - lastWindowOpenedAt < MIN_WINDOW_INTERVAL_MS) return;
  lastWindowOpenedAt = performance.now();
  const created = await browser.windows.create({
    url: browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`),
    type: 'popup',
    width: 420,
    height: 760,
  });
  if (created?.id !== undefined) pinnedWindows.set(tabId, created.id);
}

/** The toolbar icon (and its keyboard shortcut) opens Leadside beside the page. */
export function openSidePanelFromToolbar(): void {
  if (browser.sidePanel?.setPanelBehavior) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    return;
  }
  // Firefox: the toolbar button toggles the sidebar (a user action, so Firefox allows it). Its MV3
  // build calls the button `action`, as Chrome does; an MV2 build would call it `browserAction`.
  type ToolbarButton = { onClicked: { addListener(listener: () => void): void } };
  const firefox = browser as unknown as { action?: ToolbarButton; browserAction?: ToolbarButton; sidebarAction?: { toggle(): Promise<void> } };
  (firefox.action ?? firefox.browserAction)?.onClicked.addListener(() => void firefox.sidebarAction?.toggle());
}
