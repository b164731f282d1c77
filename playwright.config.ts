import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the system Chromium with the built extension; the browser
 * is launched by test/e2e/fixtures.ts, not by Playwright's own `browser` fixture.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // Each test runs a whole persistent Chromium, and much of its time is waiting (launches, the worker,
  // servers answering, a minute's cadence), so one worker more than the cores keeps them all busy. On a
  // 2-core machine one at a time took 31.7 minutes and two 19.4-20.3; three left no idle time (vmstat)
  // and took 16.9, every test passing. Files never share a browser, profile, port or server
  // (test/e2e/fixtures.ts), so which worker runs a file does not matter.
  workers: availableParallelism() + 1,
  fullyParallel: false,
  // No retries, on CI either: a flaky test must show up as a failure.
  retries: 0,
  // A stray test.only must not silently skip the rest of the suite on CI.
  forbidOnly: !!process.env.CI,
  // A test that takes 20 s alone took over a minute once beside the variant matrix's tabs (2026-12-07):
  // every process here shares two cores, so a test's time says little of the product's speed.
  timeout: 120_000,
  // How long an assertion waits for what the rep would see. Three workers on two cores leave no idle
  // CPU, so a cold worker's first answer can be slow: the glance pill on a freshly opened Lightning
  // record took up to 3.6 s after the page loaded with three spinning processes beside three workers
  // (2026-12-06), and 5 s (Playwright's default) once ran out on CI. Speed is the bench's business
  // (BENCHMARKS.md), not these tests': waiting longer costs a passing test nothing.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    screenshot: 'only-on-failure',
  },
});
