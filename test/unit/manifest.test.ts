import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: 'build' | 'serve' }) => Record<string, unknown>;
const manifestFor = (browser: string) => (config.manifest as ManifestFn)({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });

describe('manifest', () => {
  it('declares on Firefox the data Leadside sends once a source is set up, not "none"', () => {
    const gecko = (manifestFor('firefox').browser_specific_settings as { gecko: { data_collection_permissions: { required: string[] } } }).gecko;
    expect(gecko.data_collection_permissions.required).not.toContain('none');
    expect(gecko.data_collection_permissions.required).toEqual(expect.arrayContaining(['personallyIdentifyingInfo', 'websiteContent', 'authenticationInfo']));
  });

  it('asks for the built-in CRM hosts only, and for any other host one at a time (optional)', () => {
    const chrome = manifestFor('chrome');
    expect(chrome.host_permissions).not.toContain('<all_urls>');
    expect((chrome.host_permissions as string[]).every((host) => host.startsWith('https://'))).toBe(true);
    expect(chrome.optional_host_permissions).toEqual(['https://*/*']);
  });
});
