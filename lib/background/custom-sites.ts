import { browser } from 'wxt/browser';
import { siteOrigin, type CustomSite } from '@/lib/schema/custom-site';
import { loadSettings } from '@/lib/store/settings';

const SCRIPT_PREFIX = 'custom-site-';

/** The sync running now, if any: the next waits for it. */
let syncing: Promise<void> = Promise.resolve();

/**
 * Makes the registered content scripts match the custom sites in settings: one per site whose host
 * permission is granted, none for a site removed or revoked. Idempotent, so it can run on every
 * start, settings change and permission change; and one at a time, since a site's removal sets off
 * two (the options page's request, and the browser's news that the permission went): both would
 * unregister the same scripts, and the browser refuses the second ("Nonexistent script ID").
 */
export function syncCustomSiteScripts(): Promise<void> {
  const sync = syncing.then(syncOnce, syncOnce);
  syncing = sync.catch(() => undefined);
  return sync;
}

async function syncOnce(): Promise<void> {
  const { customSites } = await loadSettings();
  const granted = await Promise.all(
    customSites.map(async (site) => ((await browser.permissions.contains({ origins: [siteOrigin(site.host)] })) ? site : undefined)),
  );
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.filter((script) => script.id.startsWith(SCRIPT_PREFIX)).map((script) => script.id);
  if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours });
  const scripts = granted
    .filter((site): site is CustomSite => site !== undefined)
    .map((site) => ({
      id: `${SCRIPT_PREFIX}${site.id}`,
      matches: [siteOrigin(site.host)],
      // One script per kind of site (entrypoints/custom-<kind>.content.ts): each carries only its own detector.
      js: [`content-scripts/custom-${site.kind}.js`],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    }));
  if (scripts.length) await browser.scripting.registerContentScripts(scripts);
}

/** The custom site configured for a page's host, for that page's content script. */
export async function customSiteFor(pageUrl: string | undefined): Promise<CustomSite | null> {
  if (!pageUrl) return null;
  const host = new URL(pageUrl).hostname;
  return (await loadSettings()).customSites.find((site) => site.host === host) ?? null;
}
