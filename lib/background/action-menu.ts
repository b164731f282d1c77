import { browser, type Browser } from 'wxt/browser';

const MENU_PAGES = { 'open-insights': '/insights.html', 'open-options': '/options.html' } as const;

/** "Insights" and "Options" on the toolbar icon's right-click menu. */
export async function installActionMenu(): Promise<void> {
  // Firefox's MV2 build calls the toolbar icon a browser action.
  const context = (browser.runtime.getManifest().manifest_version === 3 ? 'action' : 'browser_action') as Browser.contextMenus.ContextType;
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: 'open-insights', title: 'Insights', contexts: [context] });
  browser.contextMenus.create({ id: 'open-options', title: 'Options', contexts: [context] });
}

export function openActionMenuPage(info: Browser.contextMenus.OnClickData): void {
  const page = MENU_PAGES[String(info.menuItemId) as keyof typeof MENU_PAGES] as (typeof MENU_PAGES)[keyof typeof MENU_PAGES] | undefined;
  if (page) void browser.tabs.create({ url: browser.runtime.getURL(page) });
}
