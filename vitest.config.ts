import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** The repo root, which `@/…` imports resolve to (the same mapping as .wxt/tsconfig.json's `paths`). */
const root = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');

export default defineConfig({
  test: {
    // A file per core. Vitest's own default is one fewer than the cores: one at a time on a 2-core
    // machine, 6.0 minutes for both projects, where two took 4.9 (three, 4.6, with the files' set-up
    // times doubling).
    maxWorkers: availableParallelism(),
    projects: [
      {
        // The extension's unit tests: a fake `browser`, IndexedDB and DOM. Browser tests (Playwright) live in
        // test/e2e and run apart, against the built extension.
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'test/unit/**/*.test.ts'],
          setupFiles: ['test/unit/setup.ts'],
          environment: 'happy-dom',
          // The property tests run hundreds of generated cases each in a second or two; on a 2-core machine
          // that also runs the server project's PGlite databases beside them, 5 s is too close.
          testTimeout: 20_000,
        },
      },
      {
        // The team server runs on Node: no WxtVitest (it would hand the server a fake `browser` and WXT's
        // auto-imports), so the `@` alias that plugin brings is set here.
        resolve: { alias: { '@': root } },
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['server/test-support/pglite-dump.ts'],
          // A PGlite database takes about 5 s to start the first time in a worker, a real PostgreSQL database
          // a moment to create; the fault test runs for up to 3 minutes and sets its own limit.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
