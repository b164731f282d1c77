import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/store/db';
import { saveSettings } from '@/lib/store/settings';
import { syncCustomSiteScripts } from './custom-sites';

type Registered = { id: string; matches?: string[]; js?: string[] };

/**
 * The browser's registry of dynamic content scripts as Chrome keeps it: each call answers a moment
 * later (other work interleaves, as in the worker), and unregistering an id it does not hold fails
 * the whole call.
 */
function scriptingRegistry() {
  const scripts = new Map<string, Registered>();
  const later = () => new Promise((resolve) => setTimeout(resolve, 5));
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => {
      await later();
      return [...scripts.values()];
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      await later();
      const missing = ids.find((id) => !scripts.has(id));
      if (missing) throw new Error(`Nonexistent script ID '${missing}'`);
      for (const id of ids) scripts.delete(id);
    },
    registerContentScripts: async (added: Registered[]) => {
      await later();
      const taken = added.find((script) => scripts.has(script.id));
      if (taken) throw new Error(`Duplicate script ID '${taken.id}'`);
      for (const script of added) scripts.set(script.id, script);
    },
  });
  return scripts;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = async () => true;
});

describe('the custom sites’ content scripts', () => {
  it('are registered for each site, and gone once its site is removed, when two syncs run at once', async () => {
    const scripts = scriptingRegistry();
    await saveSettings({ customSites: [{ id: 'acme', host: 'crm.acme.example', kind: 'pattern', pathPattern: '/people/:id' }] });
    await syncCustomSiteScripts();
    expect([...scripts.keys()]).toEqual(['custom-site-acme']);

    // Removing a site: the options page asks for a sync, and the permission's removal sets off another.
    await saveSettings({ customSites: [] });
    await expect(Promise.all([syncCustomSiteScripts(), syncCustomSiteScripts()])).resolves.toBeDefined();
    expect(scripts.size).toBe(0);
  });

  it('go on after one sync failed', async () => {
    const scripts = scriptingRegistry();
    await saveSettings({ customSites: [{ id: 'acme', host: 'crm.acme.example', kind: 'twenty' }] });
    const failing = fakeBrowser.scripting.registerContentScripts;
    fakeBrowser.scripting.registerContentScripts = async () => {
      throw new Error('registry busy');
    };
    await expect(syncCustomSiteScripts()).rejects.toThrow('registry busy');
    fakeBrowser.scripting.registerContentScripts = failing;
    await syncCustomSiteScripts();
    expect([...scripts.keys()]).toEqual(['custom-site-acme']);
  });
});
