import type { BrowserContext } from '@playwright/test';

/**
 * Grants Leadside access to a host through the browser's own extension settings (chrome://extensions,
 * "Site access → On specific sites → Add a site"), as an admin would. Headless Chromium cannot show
 * the permission prompt, but once the user has granted the host there, `permissions.request` for it
 * resolves true without one, so the options page's own flow runs unchanged.
 */
export async function grantSiteAccessInBrowserSettings(context: BrowserContext, extensionId: string, host: string): Promise<void> {
  const settings = await context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate(
    async ([id, origin]) => {
      type HostInfo = { permissions: { runtimeHostPermissions?: { hosts: Array<{ host: string; granted: boolean }> } } };
      const developerPrivate = (window as unknown as { chrome: { developerPrivate: Record<string, (...args: unknown[]) => Promise<unknown>> } }).chrome
        .developerPrivate;
      // "On specific sites" withholds every host not listed, the built-in CRM hosts included: list them again.
      const before = (await developerPrivate.getExtensionInfo!(id)) as HostInfo;
      const granted = before.permissions.runtimeHostPermissions?.hosts.filter((host) => host.granted).map((host) => host.host) ?? [];
      await developerPrivate.updateExtensionConfiguration!({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
      for (const host of [...granted, origin]) await developerPrivate.addHostPermission!(id, host);
    },
    [extensionId, `https://${host}/*`],
  );
  await settings.close();
}
