import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** The repo root, which `@/…` imports resolve to (the same mapping as .wxt/tsconfig.json's `paths`). */
const root = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');

const EXTENSION_TEST_DIRS = ['lib', 'components', 'test/unit'];
const extensionTestFiles = EXTENSION_TEST_DIRS.flatMap((dir) =>
  readdirSync(`${root}/${dir}`, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `${dir}/${file}`),
);
/**
 * Test files that replace a module (`vi.mock`). Test files otherwise share their worker's modules and DOM
 * (`isolate: false`): a fresh happy-dom and module graph per file was over half the unit step's time. A
 * replaced module would stay replaced for the files after it, so these run isolated, found by reading
 * them rather than listed, so a new one can never leak its mocks.
 */
const moduleMockingFiles = extensionTestFiles.filter((file) => /\bvi\.(?:do)?mock\(/.test(readFileSync(`${root}/${file}`, 'utf8')));

/**
 * The extension's unit tests: a fake `browser`, IndexedDB and DOM. Browser tests (Playwright) live in
 * test/e2e and run apart, against the built extension.
 */
function extensionProject(project: { name: string; include: string[]; exclude?: string[]; isolate?: boolean }): TestProjectInlineConfiguration {
  return {
    plugins: [WxtVitest()],
    test: {
      ...project,
      setupFiles: ['test/unit/setup.ts'],
      environment: 'happy-dom',
      // The property tests run hundreds of generated cases each in a second or two; on a 2-core machine
      // that also runs the server project's PGlite databases beside them, 5 s is too close.
      testTimeout: 20_000,
      // The variant corpus (over a thousand CRM pages, each read three ways in happy-dom) took a worker's
      // heap to ~4 GB, Node's default limit on this machine, where a worker died at 1,046 pages; files
      // share a worker's heap (isolate: false). 8 GB for each of two workers fits the machine's 24 GB.
      execArgv: ['--max-old-space-size=8192'],
    },
  };
}

export default defineConfig({
  test: {
    // A file per core. Vitest's own default is one fewer than the cores: one at a time on a 2-core
    // machine, 6.0 minutes for both projects, where two took 4.9 (three, 4.6, with the files' set-up
    // times doubling).
    maxWorkers: availableParallelism(),
    projects: [
      extensionProject({ name: 'extension', include: extensionTestFiles, exclude: moduleMockingFiles, isolate: false }),
      extensionProject({ name: 'extension-mocks', include: moduleMockingFiles }),
      {
        // The team server runs on Node: no WxtVitest (it would hand the server a fake `browser` and WXT's
        // auto-imports), so the `@` alias that plugin brings is set here.
        resolve: { alias: { '@': root } },
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['server/test-support/pglite-dump.ts'],
          // Every suite opens its own database (server/test-support/database.ts), so suites can share a
          // worker's modules: PGlite's WebAssembly is then compiled once per worker, not once per file
          // (1.6 times as fast for the project).
          isolate: false,
          // A PGlite database takes about 5 s to start the first time in a worker, a real PostgreSQL database
          // a moment to create; the fault test runs for up to 3 minutes and sets its own limit.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
