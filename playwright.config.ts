import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the system Chromium with the built extension; the browser
 * is launched by test/e2e/fixtures.ts, not by Playwright's own `browser` fixture.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // Each test runs a whole persistent Chromium, and most of its time is waiting (launches, the worker,
  // servers answering), so two at once on 2 cores cut the suite from 31.7 to 19.4 minutes, measured on
  // this 2-core machine while it was also busy with other work (load ~15-17). Files never share a browser,
  // profile, port or server (test/e2e/fixtures.ts), so which worker runs a file does not matter.
  workers: 2,
  fullyParallel: false,
  // No retries, on CI either: a flaky test must show up as a failure.
  retries: 0,
  // A stray test.only must not silently skip the rest of the suite on CI.
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    screenshot: 'only-on-failure',
  },
});
