import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestServer } from '../support/https-server';

const here = path.dirname(fileURLToPath(import.meta.url));
const LIGHTNING = path.resolve(here, '../fixtures/crm/salesforce-lightning.html');
const WEIGHT = path.resolve(here, 'fixtures/heavy-lightning.js');

/** A Lightning org of its own, so the plain fixture keeps every other host. */
export const HEAVY_LIGHTNING_ORIGIN = 'https://heavy.lightning.force.com';

/** The page's own CPU per record shown the weighing aims at: over the 200 ms a Lightning record costs, with room for a busy moment. */
export const HEAVY_AIM_MS = 250;
/** The least own CPU per record shown that makes the page a Lightning-weight one. */
export const HEAVY_LEAST_MS = 200;
/** How near the aim a weighing must come: the page's own CPU moves by about this much between rounds. */
const NEAR_AIM = 0.1;
const WEIGHINGS = 4;

/** How much the heavy page does: generated records each of its chunks shapes (fixtures/heavy-lightning.js). */
export interface HeavyLightningWeight {
  recordsPerChunk: number;
}

/**
 * Serves the Lightning fixture with a Lightning-weight page on top (fixtures/heavy-lightning.js:
 * hundreds of milliseconds of the page's own CPU per record shown) at HEAVY_LIGHTNING_ORIGIN. The
 * weight answered is the one each load gets; `weighHeavyLightning` sets it for the machine.
 */
export function serveHeavyLightning(server: TestServer): HeavyLightningWeight {
  // 19,000 weighed about 210 ms per record shown on the machine the fixture was first made on.
  const weight: HeavyLightningWeight = { recordsPerChunk: 19_000 };
  server.route(new URL(HEAVY_LIGHTNING_ORIGIN).hostname, (_req, res, url) => {
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    // Read on every request, as the plain fixture is, so edits apply without a restart.
    const script = readFileSync(WEIGHT, 'utf8').replace('__RECORDS_PER_CHUNK__', String(weight.recordsPerChunk));
    const html = readFileSync(LIGHTNING, 'utf8').replace('</body>', `<script>\n${script}\n</script>\n</body>`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  return weight;
}

/**
 * Sets the heavy page's weight so that its own CPU per record shown, as `ownPerRecordMs` measures it
 * (a round in a browser without extensions), is about HEAVY_AIM_MS on this machine: a fixed weight
 * made 94 ms on one machine and 337 ms on another, and the ratio means something only on a page
 * as heavy as Lightning. The weight then stays fixed for the whole run. Returns the last measure.
 */
export async function weighHeavyLightning(weight: HeavyLightningWeight, ownPerRecordMs: () => Promise<number>): Promise<number> {
  let own = await ownPerRecordMs();
  for (let weighing = 1; weighing < WEIGHINGS && Math.abs(own / HEAVY_AIM_MS - 1) > NEAR_AIM; weighing++) {
    // The data shaping is nearly all of the page's CPU, and grows in proportion to the records.
    weight.recordsPerChunk = Math.round((weight.recordsPerChunk * HEAVY_AIM_MS) / own);
    own = await ownPerRecordMs();
  }
  return own;
}
