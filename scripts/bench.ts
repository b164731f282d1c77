/**
 * `npm run bench` (`-- --quick` for a shorter run): measures what makes Leadside fast or slow for a
 * rep, on the same built extension and fixtures as the end-to-end tests, each figure beside a
 * baseline measured in the same run. Prints one table and writes it to BENCHMARKS.md.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deliveryRows } from '../test/bench/delivery';
import { measureDetection } from '../test/bench/detection';
import { pageCostRows } from '../test/bench/page-cost';
import { measureRanking } from '../test/bench/ranking';
import type { BenchRow } from '../test/bench/row';
import { bundleSizes } from '../test/bench/sizes';
import { ms } from '../test/bench/stats';
import { measureTimeToBrief } from '../test/bench/time-to-brief';
import { ensureChromium } from '../test/support/chromium';
import { registerCrmFixtures } from '../test/support/crm-fixtures';
import { startTestServer } from '../test/support/https-server';
import { getTabId, launchWithExtension } from '../test/support/launch';

const quick = process.argv.includes('--quick');
const SWITCHES = quick ? 50 : 100;


async function main() {
  const chromiumPath = ensureChromium();
  execSync('npx wxt build', { stdio: 'ignore' });
  const rows: BenchRow[] = [];

  const server = await startTestServer();
  registerCrmFixtures(server);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'leadside-bench-'));
  const { context, extensionId } = await launchWithExtension({ userDataDir, port: server.port });
  // tsx (esbuild with keepNames) wraps named functions inside page.evaluate callbacks in a __name()
  // helper that exists only in Node; give the pages a no-op one.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  try {
    const crm = await context.newPage();
    const detection = await measureDetection(crm, SWITCHES);
    rows.push({
      figure: 'Detection latency',
      how: `URL change (pushState) → record detected in the content script, ${detection.leadside.n} switches; baseline: a 1-second polling watcher measured the same way`,
      result: `p50 ${ms(detection.leadside.p50)}, p95 ${ms(detection.leadside.p95)} (polling: p50 ${ms(detection.polling.p50)}, p95 ${ms(detection.polling.p95)})`,
      target: 'p95 ≤ 50 ms',
      met: detection.leadside.p95 <= 50,
    });

    const tabId = await getTabId(context.serviceWorkers()[0]!, crm);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
    await crm.bringToFront();
    const cached = await measureTimeToBrief(crm, panel, SWITCHES);
    rows.push({
      figure: 'Time to brief, cached',
      how: `URL change on the CRM page → that lead's brief rendered in the side panel, ${cached.n} switches, every lead cached`,
      result: `p50 ${ms(cached.p50)}, p95 ${ms(cached.p95)}`,
      target: 'p95 ≤ 100 ms',
      met: cached.p95 <= 100,
    });

    rows.push(...(await pageCostRows(server, quick ? 3 : 9)));
    rows.push(...(await deliveryRows(server)));
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }

  const ranking = measureRanking(500);
  rows.push({
    figure: 'Ranking',
    how: `suggestions for one lead against a ${ranking.catalogSize}-item seeded catalog, ${ranking.n} runs after a warm-up round; apart: a fresh worker's first call (index build + JIT)`,
    result: `p50 ${ms(ranking.p50)}, p95 ${ms(ranking.p95)} (first call: ${ms(ranking.coldFirstCall)})`,
    target: 'p95 ≤ 10 ms',
    met: ranking.p95 <= 10,
  });

  const sizes = bundleSizes('.output/chrome-mv3');
  const contentScripts = sizes.filter((size) => size.file.startsWith('content-scripts/'));
  const largest = Math.max(...contentScripts.map((size) => size.gzip));
  rows.push({
    figure: 'Bundle sizes',
    how: 'gzipped (level 9) size of each script in the Chrome build',
    result: sizes.map((size) => `${size.file} ${(size.gzip / 1024).toFixed(1)} KB`).join('; '),
    target: 'each content script ≤ 15 KB',
    met: largest <= 15 * 1024,
  });

  const chromiumVersion = execSync(`${chromiumPath} --version`).toString().trim();
  const header = [
    `Run: ${new Date().toISOString()}${quick ? ' (quick)' : ''}`,
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromiumVersion}`,
  ];
  const table = [
    '| figure | how | result | target | met |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.figure} | ${row.how} | ${row.result} | ${row.target} | ${row.met === undefined ? '–' : row.met ? 'yes' : '**no**'} |`),
  ];
  console.log([...header, '', ...table].join('\n'));
  writeFileSync('BENCHMARKS.md', renderBenchmarksMd(header, table));
  console.log('\nWrote BENCHMARKS.md');
}

function renderBenchmarksMd(header: string[], table: string[]): string {
  return `# Benchmarks

Produced by \`npm run bench\` (\`npm run bench -- --quick\` for the short run) on the same built extension
and CRM fixtures as the end-to-end tests. Each figure is measured beside its baseline in the same run,
so the comparison holds on a noisy machine.

${header.map((line) => `- ${line}`).join('\n')}

${table.join('\n')}

## What the figures mean
- **Detection latency**: from the page calling \`history.pushState\` to the content script's
  \`leadside:record-detected\` user-timing mark. Leadside follows the Navigation API's
  \`currententrychange\`, so it sees the switch in the same task; the baseline polls once a second, as
  extensions that follow SPA navigation by polling do.
- **Time to brief, cached**: from the URL change to the panel showing that lead's record id and brief,
  across two documents (the CRM tab and the side panel), both timed on the wall clock.
- **CRM page cost**: the CPU time the CRM tab's main thread spends (CDP \`Performance.getMetrics\`
  TaskDuration in thread ticks; content scripts run on that thread) on loading the Lightning fixture
  and switching records in-app 20 times, with Leadside and in the same browser without extensions,
  run side by side. The fixture renders a record in a few milliseconds of CPU, far less than Lightning
  itself, so Leadside's work per record (reading the person, one or two messages to the worker, the
  glance pill) weighs more in this ratio than on a real page; the added milliseconds per page shown
  are the absolute cost.
- **Delivery**: 10,000 content events waiting in the outbox when the worker starts (after a browser
  restart or an outage), until the local REST gateway has stored every one. The baseline posts the
  same events in the same batches straight from an extension page: the transport's share, so the
  rest is the outbox's IndexedDB work (read each batch, mark it unclear, record the results).
- **Ranking**: \`suggestContent\` for each demo lead against a generated catalog; the index is built once.
- **Bundle sizes**: what the browser loads; the content scripts run on every CRM page.
`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
