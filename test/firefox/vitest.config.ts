import { defineConfig } from 'vitest/config';

/**
 * The real-Firefox smoke suite (`npm run test:firefox`, a step of `npm test`). Apart from the unit
 * projects: it drives Debian's firefox-esr over WebDriver BiDi against the built extension
 * (.output/firefox-mv3), one browser for the whole file, tests in order.
 */
export default defineConfig({
  test: {
    name: 'firefox',
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // A cold Firefox start alone takes ~25 s on a busy 2-core machine; the first test pays it.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
