import { HEAVY_LIGHTNING_FIXTURE, LIGHTNING_FIXTURE, measurePageCost } from '../test/bench/page-cost';
import { serveHeavyLightning } from '../test/bench/heavy-lightning';
import { registerCrmFixtures } from '../test/support/crm-fixtures';
import { startTestServer } from '../test/support/https-server';
async function main() {
  const server = await startTestServer();
  registerCrmFixtures(server);
  serveHeavyLightning(server);
  const builds = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=') as [string, string]));
  const fixture = process.env.FIXTURE === 'plain' ? LIGHTNING_FIXTURE : HEAVY_LIGHTNING_FIXTURE;
  const rounds = Number(process.env.ROUNDS ?? 3);
  try {
    for (let pass = 0; pass < Number(process.env.PASSES ?? 2); pass++) {
      for (const [name, dir] of Object.entries(builds)) {
        const cost = await measurePageCost(server, rounds, fixture, dir);
        console.log(`${fixture.label} pass ${pass} ${name}: added ${cost.added.toFixed(1)} ms (${(cost.added / cost.pagesShown).toFixed(2)}/record) ratio ${cost.ratio.toFixed(3)} script ${cost.addedBy.script.toFixed(1)} spread ${cost.addedSpread.low.toFixed(0)}..${cost.addedSpread.high.toFixed(0)}`);
      }
    }
  } finally {
    await server.close();
  }
}
void main();
