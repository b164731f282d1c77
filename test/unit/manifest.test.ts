import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: 'build' | 'serve' }) => Record<string, unknown>;
const manifestFor = (browser: string) => (config.manifest as ManifestFn)({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
type Gecko = { strict_min_version: string; data_collection_permissions: { required: string[] } };
const gecko = () => (manifestFor('firefox').browser_specific_settings as { gecko: Gecko }).gecko;

describe('manifest', () => {
  it('builds Manifest V3 for every browser, Firefox included (its MV2 cannot ask for a host at runtime)', () => {
    // WXT's own default is MV2 for Firefox; unset, `permissions.request` refuses every host there.
    expect(config.manifestVersion).toBe(3);
  });

  it('declares on Firefox the data Leadside sends once a source is set up, not "none"', () => {
    expect(gecko().data_collection_permissions.required).not.toContain('none');
    expect(gecko().data_collection_permissions.required).toEqual(expect.arrayContaining(['personallyIdentifyingInfo', 'websiteContent', 'authenticationInfo']));
    // data_collection_permissions is read from Firefox 142 on (desktop and Android): an older minimum
    // is a warning in `web-ext lint`.
    expect(Number.parseInt(gecko().strict_min_version, 10)).toBeGreaterThanOrEqual(142);
  });

  it.each(['chrome', 'firefox'])('%s: asks for the built-in CRM hosts only, and for any other host one at a time (optional)', (browser) => {
    const manifest = manifestFor(browser);
    expect(manifest.host_permissions).not.toContain('<all_urls>');
    expect((manifest.host_permissions as string[]).every((host) => host.startsWith('https://'))).toBe(true);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });

  it('asks Chrome for a version that draws the glance pill\'s colours (CSS light-dark(), Chrome 123)', () => {
    expect(Number.parseInt(manifestFor('chrome').minimum_chrome_version as string, 10)).toBeGreaterThanOrEqual(123);
    expect(manifestFor('firefox')).not.toHaveProperty('minimum_chrome_version');
  });

  it('opens the sidebar on Firefox and the side panel on Chrome from the toolbar shortcut', () => {
    expect(Object.keys(manifestFor('firefox').commands as object)).toEqual(['_execute_sidebar_action']);
    expect(manifestFor('firefox').permissions).not.toContain('sidePanel');
    expect(Object.keys(manifestFor('chrome').commands as object)).toEqual(['_execute_action']);
    expect(manifestFor('chrome').permissions).toContain('sidePanel');
  });
});

describe("the bundles' zod", () => {
  it('is aliased to a copy that turns the eval probe off before any schema is built', async () => {
    const vite = await (config.vite as (env: unknown) => Promise<{ resolve: { alias: { find: RegExp; replacement: string }[] } }> | { resolve: { alias: { find: RegExp; replacement: string }[] } })({});
    const [alias] = vite.resolve.alias;
    expect(alias!.find.test('zod')).toBe(true);
    // Subpaths stay zod's own: the wrapper imports `zod/v4`, and content scripts use `zod/mini`.
    expect(alias!.find.test('zod/v4')).toBe(false);
    expect(alias!.replacement).toMatch(/lib\/schema\/zod-jitless\.ts$/);
    const { z } = (await import(alias!.replacement)) as typeof import('zod');
    expect(z.config().jitless).toBe(true);
    // And schemas still parse (and refuse) without the JIT.
    const Schema = z.object({ name: z.string(), n: z.number().int() });
    expect(Schema.parse({ name: 'a', n: 1 })).toEqual({ name: 'a', n: 1 });
    expect(Schema.safeParse({ name: 'a', n: 1.5 }).success).toBe(false);
  });
});
