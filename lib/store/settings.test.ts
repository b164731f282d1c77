import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, LeadsideDb } from './db';
import { DEFAULT_SETTINGS, loadSettings, parseStoredSettings, saveSettings } from './settings';

const GATEWAY = { kind: 'rest' as const, baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 };

describe('settings', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('starts from the demo source', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the good fields of a partly broken stored value', () => {
    expect(parseStoredSettings({ repName: 'Dana', cacheTtlMinutes: 'soon', source: { kind: 'carrier-pigeon' } })).toEqual({
      ...DEFAULT_SETTINGS,
      repName: 'Dana',
    });
    expect(parseStoredSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses an invalid change with a specific message and keeps what was stored', async () => {
    await saveSettings({ repName: 'Dana' });
    await expect(saveSettings({ cacheTtlMinutes: 0 })).rejects.toThrow('Cache time must be at least 1 minute');
    expect(await loadSettings()).toMatchObject({ repName: 'Dana', cacheTtlMinutes: 60 });
    expect((await db.settings.get('settings'))?.value).toMatchObject({ repName: 'Dana' });
  });

  it('are kept where content scripts cannot write: what a CRM page puts in storage.local changes nothing', async () => {
    await saveSettings({ source: GATEWAY });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // A compromised CRM renderer's content script points the source at its own host.
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, source: { ...GATEWAY, baseUrl: 'https://attacker.example' } } });
    expect((await loadSettings()).source).toEqual(GATEWAY);
  });

  it('a new install takes nothing from storage.local, even before anything was saved', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, source: GATEWAY } });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it("moves an older release's settings out of storage.local once, and then never reads it again", async () => {
    db.close();
    await db.delete();
    const before = new LeadsideDb('leadside', { upToVersion: 7 });
    await before.open();
    before.close();
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, repName: 'Dana', source: GATEWAY } });

    await db.open();
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, repName: 'Dana', source: GATEWAY });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, repName: 'Mallory' } });
    expect((await loadSettings()).repName).toBe('Dana');
  });
});
