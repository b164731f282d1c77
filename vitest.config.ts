import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Browser tests (Playwright) live in test/e2e and run apart, against the built extension.
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'test/unit/**/*.test.ts'],
    setupFiles: ['test/unit/setup.ts'],
    environment: 'happy-dom',
  },
});
