/** `tsx scripts/ensure-chromium.ts`: prints the Chromium path, installing it if needed and allowed. */
import { ensureChromium } from '../test/support/chromium';

try {
  console.log(ensureChromium());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
