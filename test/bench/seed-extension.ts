import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext } from '@playwright/test';
import { stopServiceWorkers, wakeServiceWorker } from '../support/launch';
import type { SeedReport, SeedRequest } from './scale-seed';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Fills the running extension's IndexedDB with the seeded scale data (see scale-seed.ts). The worker
 * is stopped first, so it starts again on the filled database with nothing in memory. Stopping is
 * best effort: on a busy machine a worker still handling its install can take longer than the
 * helper waits, and the seeding holds its own against a worker that opens the database meanwhile.
 */
export async function seedExtension(context: BrowserContext, extensionId: string, request: SeedRequest): Promise<SeedReport> {
  const script = await bundleSeeder();
  await stopServiceWorkers(context, extensionId).catch(() => undefined);
  // An extension page that opens no database itself: its origin is the extension's.
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    await page.evaluate(script);
    return await page.evaluate((seedRequest) => (globalThis as unknown as { leadsideScaleSeed(r: SeedRequest): Promise<SeedReport> }).leadsideScaleSeed(seedRequest), request);
  } finally {
    await page.close();
    // Best effort too: the first request wakes it anyway.
    await wakeServiceWorker(context, extensionId).catch(() => undefined);
  }
}

/** scale-seed.ts and what it imports (Dexie, lib/db.ts, the generator, the demo data) as one script. */
async function bundleSeeder(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'test/bench/scale-seed.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
