import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, parseStoredSettings, saveSettings } from './settings';

describe('settings', () => {
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
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ repName: 'Dana' });
  });
});
