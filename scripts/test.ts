/**
 * `npm test` (run with tsx): type-check, unit tests (extension and server, the server on PGlite), the server
 * tests again on a real PostgreSQL that this script starts and stops, the Firefox build's lint and its smoke
 * suite in a real Firefox (test/firefox), then end-to-end tests in Chromium against a fresh build. Streams each step's output and ends with exactly one summary line,
 * `N passed, N failed[, N skipped]`, totalled from the runners' JSON reports.
 *
 * Every step runs even after a failure, so the total is complete. A step that fails
 * without reporting a failed test (crash, config error, no report) counts as one
 * failure; the exit code is non-zero whenever anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from '../test/support/chromium';
import { startPostgres, type RunningPostgres } from '../test/support/postgres';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const UNIT_REPORT = 'test-results/unit.json';
const SERVER_PG_REPORT = 'test-results/server-pg.json';
const FIREFOX_REPORT = 'test-results/firefox.json';
const E2E_REPORT = 'test-results/e2e.json'; // set in playwright.config.ts

const steps: { name: string; tally: Tally }[] = [];

/**
 * Runs a local binary with inherited stdio (live output); true when it exits 0. `env` adds variables to ours,
 * or removes one given as undefined.
 */
function run(bin: string, args: string[], env: Record<string, string | undefined> = {}): boolean {
  const shownEnv = Object.entries(env).map(([key, value]) => (value === undefined ? `(no ${key}) ` : `${key}=${value} `)).join('');
  console.log(`\n▶ ${shownEnv}${bin} ${args.join(' ')}`);
  const childEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const result = spawnSync(path.join('node_modules', '.bin', bin), args, { stdio: 'inherit', env: childEnv });
  if (result.error) console.error(`Could not start ${bin}: ${result.error.message}`);
  return result.status === 0;
}

function record(name: string, tally: Tally, exitedOk: boolean): void {
  if (!exitedOk && tally.failed === 0) tally.failed = 1;
  steps.push({ name, tally });
}

/** Runs a test runner whose JSON report is `report`; a stale report must never be counted. */
function runWithReport(
  name: string,
  bin: string,
  args: string[],
  report: string,
  read: (json: Record<string, unknown>) => Tally,
  env: Record<string, string | undefined> = {},
): void {
  rmSync(report, { force: true });
  const ok = run(bin, args, env);
  let tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(report)) {
    try {
      tally = read(JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown>);
    } catch (error) {
      console.error(`${name}: unreadable report ${report}: ${String(error)}`);
    }
  } else {
    console.error(`${name}: no report at ${report}`);
  }
  record(name, tally, ok);
}

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

// (a) Type-check: one check.
const typesOk = run('tsc', ['--noEmit']);
record('typecheck', { passed: typesOk ? 1 : 0, failed: typesOk ? 0 : 1, skipped: 0 }, typesOk);

const readVitestReport = (json: Record<string, unknown>): Tally => ({
  passed: num(json.numPassedTests),
  failed: num(json.numFailedTests),
  skipped: num(json.numPendingTests) + num(json.numTodoTests),
});
const vitestArgs = (report: string, extra: string[] = []): string[] => [
  'run',
  ...extra,
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
];

// (b) Unit tests: both Vitest projects, so the server tests run here on PGlite (even when the caller's shell
// names a test PostgreSQL: that is step (c)'s).
runWithReport('unit', 'vitest', vitestArgs(UNIT_REPORT), UNIT_REPORT, readVitestReport, { LEADSIDE_TEST_DATABASE_URL: undefined });

// (c) The server tests again on a real PostgreSQL (issue 9: the same suite passes on both). Without
// PostgreSQL this step is one failure that says why, never a silent skip.
let postgres: RunningPostgres | undefined;
try {
  postgres = await startPostgres();
  console.log(`\n▶ PostgreSQL started: ${postgres.url}`);
} catch (error) {
  console.error(`server-pg: could not start PostgreSQL, so the server tests did not run on it.\n${error instanceof Error ? error.message : String(error)}`);
  record('server-pg', { passed: 0, failed: 1, skipped: 0 }, false);
}
if (postgres) {
  try {
    runWithReport('server-pg', 'vitest', vitestArgs(SERVER_PG_REPORT, ['--project', 'server']), SERVER_PG_REPORT, readVitestReport, {
      LEADSIDE_TEST_DATABASE_URL: postgres.url,
    });
  } finally {
    postgres.stop();
  }
}

// (d) The Firefox build: it must build and pass `web-ext lint` (errors fail it; warnings are shown), then the
// real-Firefox smoke suite runs against it (test/firefox). Without Firefox, that suite's tests fail, each with
// the reason (test/support/firefox.ts installs firefox-esr when it may), never a skip.
const firefoxBuilt = run('wxt', ['build', '-b', 'firefox']);
const firefoxLinted =
  firefoxBuilt && run('web-ext', ['lint', '--source-dir', '.output/firefox-mv3', '--self-hosted', '--no-config-discovery']);
record('firefox', { passed: firefoxLinted ? 1 : 0, failed: firefoxLinted ? 0 : 1, skipped: 0 }, firefoxLinted);
if (firefoxBuilt) {
  runWithReport('firefox-e2e', 'vitest', vitestArgs(FIREFOX_REPORT, ['--config', 'test/firefox/vitest.config.ts']), FIREFOX_REPORT, readVitestReport);
} else {
  console.error('firefox-e2e: the Firefox build failed, so the real-Firefox suite did not run.');
  record('firefox-e2e', { passed: 0, failed: 1, skipped: 0 }, false);
}

// (e) End-to-end: needs Chromium and fresh builds; without either, it is one failure.
let e2eReady = false;
try {
  console.log(`\n▶ Chromium: ${ensureChromium()}`);
  // The extension and the dashboard web app the team server serves (test/e2e/dashboard.spec.ts).
  e2eReady = run('wxt', ['build']) && run('tsx', ['scripts/build-dashboard.ts']);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
}
if (e2eReady) {
  runWithReport('e2e', 'playwright', ['test'], E2E_REPORT, (json) => {
    const stats = (json.stats ?? {}) as Record<string, unknown>;
    return {
      passed: num(stats.expected),
      // retries are 0, so "flaky" should not occur; if it does, it is not a pass.
      failed: num(stats.unexpected) + num(stats.flaky),
      skipped: num(stats.skipped),
    };
  });
} else {
  record('e2e', { passed: 0, failed: 1, skipped: 0 }, false);
}

const total = steps.reduce<Tally>(
  (sum, { tally }) => ({ passed: sum.passed + tally.passed, failed: sum.failed + tally.failed, skipped: sum.skipped + tally.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('');
for (const { name, tally } of steps) {
  console.log(`  ${name.padEnd(12)} ✓ ${tally.passed}  ✗ ${tally.failed}${tally.skipped ? `  – ${tally.skipped}` : ''}`);
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
