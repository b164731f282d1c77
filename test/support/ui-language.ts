import type { BrowserContext } from '@playwright/test';
import type { LanguageChoice } from '@/lib/i18n/locales';

/**
 * Sets the extension's UI language the way Options stores it (the settings row in Leadside's
 * IndexedDB), including the pseudo-locale, which Options does not offer. Open pages follow at once:
 * they watch the settings row.
 */
export async function setUiLanguage(context: BrowserContext, extensionId: string, language: LanguageChoice): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.evaluate(async (choice) => {
    const request = indexedDB.open('leadside');
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = database.transaction('settings', 'readwrite').objectStore('settings');
    const row = await new Promise<{ id: string; value: Record<string, unknown> } | undefined>((resolve) => {
      const get = store.get('settings');
      get.onsuccess = () => resolve(get.result);
    });
    await new Promise((resolve, reject) => {
      const put = store.put({ id: 'settings', value: { ...(row?.value ?? {}), language: choice } });
      put.onsuccess = resolve;
      put.onerror = () => reject(put.error);
    });
    database.close();
  }, language);
  await page.close();
}

/**
 * Every piece of visible text in the page that shows no sign of the pseudo-locale (⟦…⟧), minus what
 * is data: lead and vendor words (translate="no") and what Intl formatted (data-intl). Our own
 * messages have no way out: a connector's, the worker's or the server's message that reaches a page
 * without a code shows in English and is listed here.
 */
export const PSEUDO_CHECK = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (!/[A-Za-z]{2,}/.test(text)) continue;
    const element = node.parentElement;
    if (!element || !element.checkVisibility()) continue;
    if (element.closest('[data-intl], [translate="no"]')) continue;
    if (/[⟦⟧]/.test(text) || /[⟦⟧]/.test(element.textContent)) continue;
    out.push(text);
  }
  return out;
})()`;
