import path from 'node:path';
import { minify } from 'terser';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { CONTENT_SCRIPT_PRIVATE_PROPERTIES } from './lib/crm/private-properties';
import { BUILT_IN_CRM_MATCHES } from './lib/crm/registry';

/** Renamed like variables in the content scripts: names no message, storage or DOM object carries. */
const PRIVATE_PROPERTY = new RegExp(`^(?:${CONTENT_SCRIPT_PRIVATE_PROPERTIES.join('|')})$`);

/**
 * Terser over each chunk once it is written and minified (`generateBundle` comes after the minifier).
 * `renameProperties`: the content scripts' private properties renamed too; never in the scripts the
 * worker injects beside them, whose objects the content scripts read by name (private-properties.ts).
 */
const terserAfterMinify = (renameProperties: boolean): Plugin => ({
  name: 'leadside:terser-after-minify',
  apply: 'build',
  async generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      // hoist_funs: function declarations gathered at the top of their scope compress ~50 B better.
      // unsafe: ~19 B less; what it rewrites in these scripts (read in a diff of the output) is
      // `String(n)` of numbers into `n + ""`, template literals into concatenations, and an unused
      // `"captureStackTrace" in Error` test of zod's dropped: the same values. Its other rewrites
      // (`new Array(…)`, a method's `toString()`) find nothing here; the end-to-end suites run this build.
      // Twice: terser run over its own output takes ~26 B more off each (it names the variables
      // afresh once the first run has merged and dropped some); a third run took nothing more.
      for (let run = 0; run < 2; run++) {
        const { code } = await minify(chunk.code, {
          ecma: 2020,
          compress: { passes: 2, hoist_funs: true, unsafe: true },
          // Terser keeps every other property name as written and never gives a renamed one a name in use.
          mangle: renameProperties ? { properties: { regex: PRIVATE_PROPERTY } } : true,
        });
        if (code) chunk.code = code;
      }
    }
  },
});

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Manifest V3 everywhere, Firefox included: Firefox's MV2 has no `optional_host_permissions`
  // (WXT drops the key), so `permissions.request` would refuse every host a rep adds there. In
  // Firefox MV3 the background is an event page (`background.scripts`), which WXT writes for us.
  manifestVersion: 3,
  vite: () => ({
    resolve: {
      // Every bundle's zod starts jitless (see lib/schema/zod-jitless.ts). Only the bare specifier:
      // that file itself imports `zod/v4`. Relative to the working directory, which is WXT's root
      // (this config sets none).
      alias: [{ find: /^zod$/, replacement: path.resolve('lib/schema/zod-jitless.ts') }],
    },
  }),
  // `npm run zip`: the Chrome Web Store / Edge Add-ons package, the Firefox package, and the sources
  // archive AMO asks for (WXT makes it with the Firefox zip). WXT already leaves out node_modules, the
  // output folder, *.test/*.spec files and dotfiles (.env, .git, .wxt); these add what must never ship
  // either: run artifacts, local data, logs, scratch files and keys.
  zip: {
    excludeSources: [
      'artifacts/**',
      'test-results/**',
      'playwright-report/**',
      '.leadside-data/**',
      '**/*.log',
      '**/*.tmp.*',
      '**/*.pem',
      '**/*.key',
      '**/*.p12',
    ],
  },
  manifest: ({ browser }) => ({
    name: 'Leadside',
    description: "Marketing's brief on the lead you have open in your CRM, and your verdict back to marketing in one click.",
    // Least privilege: the built-in CRM hosts only. Other hosts are asked for at runtime.
    host_permissions: [...BUILT_IN_CRM_MATCHES],
    permissions: ['storage', 'contextMenus', 'scripting', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Hosts the rep or admin adds (self-hosted Twenty, vanity Dynamics domains, other CRMs) are asked
    // for one at a time from the options page, and given back when removed.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Open Leadside' },
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Leadside' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Leadside' } },
    // 123: the first Chrome that draws CSS `light-dark()`, the glance pill's colours (Firefox has had
    // it since 120).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '123' }),
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'leadside@leadside.example',
              // 142: the first Firefox (desktop and Android) that reads data_collection_permissions below; with
              // an older minimum, AMO's linter warns that Android would not.
              strict_min_version: '142.0',
              // What Leadside sends once a source is set up, to that source (the team's own marketing
              // system or Leadside server) and nowhere else: the lead's name and e-mail as the CRM
              // page shows them (to look the lead up) with the rep's feedback on them, what the record
              // page says (which record, which CRM), and the rep's token for the source.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent', 'authenticationInfo'] },
            },
          }
        : undefined,
  }),
  hooks: {
    // Content scripts load on every CRM page and must stay within 15 KB gzipped each. A second pass by
    // terser over what Vite's minifier (Oxc) wrote takes ~250 B more off each (terser in
    // Oxc's place takes only ~70 B). The extension's own pages keep the single fast pass: their size
    // costs no CRM page anything.
    'vite:build:extendConfig'(entrypoints, config) {
      // The code the worker injects into CRM pages (the glance pill, the generic reader) is loaded by
      // them too: the same second pass, its property names kept.
      if (entrypoints.every((entrypoint) => entrypoint.type === 'unlisted-script')) config.plugins = [...(config.plugins ?? []), terserAfterMinify(false)];
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.plugins = [...(config.plugins ?? []), terserAfterMinify(true)];
      // The content scripts' context without what they never call (see lib/crm/content-script-context.ts).
      const alias = config.resolve?.alias;
      const lean = { find: /^wxt\/utils\/content-script-context$/, replacement: path.resolve('lib/crm/content-script-context.ts') };
      config.resolve = { ...config.resolve, alias: Array.isArray(alias) ? [lean, ...alias] : [lean, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))] };
    },
  },
});
