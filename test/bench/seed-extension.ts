import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext } from '@playwright/test';
import { stopServiceWorkers, wakeServiceWorker } from '../support/launch';
import type { SeedReport, SeedRequest } from './scale-seed';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Fills the running extension's IndexedDB with the seeded scale data (see scale-seed.ts). The worker
 * is stopped meanwhile, so no connection of the extension's holds the database, and started again
 * after, on the filled database.
 */
export async function seedExtension(context: BrowserContext, extensionId: string, request: SeedRequest): Promise<SeedReport> {
  const script = await bundleSeeder();
  // A worker still busy with its first start can be slow to stop on a loaded machine: ask twice.
  await stopServiceWorkers(context, extensionId).catch(() => stopServiceWorkers(context, extensionId));
  // An extension page that opens no database itself: its origin is the extension's.
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    await page.evaluate(script);
    return await page.evaluate((seedRequest) => (globalThis as unknown as { leadsideScaleSeed(r: SeedRequest): Promise<SeedReport> }).leadsideScaleSeed(seedRequest), request);
  } finally {
    await page.close();
    await wakeServiceWorker(context, extensionId);
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
