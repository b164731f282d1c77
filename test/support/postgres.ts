/**
 * A real PostgreSQL server that the test script starts and stops itself: Debian's `postgresql` package
 * (installed here when missing and we may), a throwaway cluster in a temporary folder, on a free port on
 * 127.0.0.1. The server tests run against it with LEADSIDE_TEST_DATABASE_URL (see scripts/test.ts).
 *
 * PostgreSQL refuses to run as root, so as root every PostgreSQL binary runs as the `postgres` user
 * (DESIGN.md, "PostgreSQL"). A run that was killed leaves its cluster behind: the next start stops and
 * removes every cluster whose owning process is gone, so stale servers never pile up or hold ports.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

export interface RunningPostgres {
  /** Superuser connection to the `postgres` database, e.g. postgresql://leadside@127.0.0.1:54321/postgres */
  url: string;
  port: number;
  /** Stops the server and removes its folder; safe to call twice. Also runs when this process exits. */
  stop(): void;
}

const POSTGRES_ROOT = '/usr/lib/postgresql';
const CLUSTER_PREFIX = 'leadside-pg-';
/** The file in a cluster folder naming the process that started it; a cluster whose owner is gone is stale. */
const OWNER_FILE = 'owner.pid';
const SUPERUSER = 'leadside';
const INSTALL_COMMAND = 'apt-get update && apt-get install -y postgresql';

const isRoot = (): boolean => process.getuid?.() === 0;

/** The newest installed PostgreSQL's bin folder (`/usr/lib/postgresql/<major>/bin`) that has initdb, if any. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const majors = readdirSync(POSTGRES_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(path.join(POSTGRES_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : path.join(POSTGRES_ROOT, majors[0], 'bin');
}

/** Installs Debian's `postgresql` package (needs root on Debian). Streams apt's output; throws when apt fails. */
export function installPostgres(): void {
  console.log(`PostgreSQL not found; installing it: ${INSTALL_COMMAND}`);
  for (const args of [['update'], ['install', '-y', 'postgresql']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      throw new Error(`\`apt-get ${args.join(' ')}\` failed (${result.error?.message ?? `exit code ${result.status}`}); run \`${INSTALL_COMMAND}\` as root to see why.`);
    }
  }
}

/** The bin folder of an installed PostgreSQL, installing it first when we are root on Debian. */
export function ensurePostgresBin(): string {
  const found = findPostgresBin();
  if (found) return found;
  if (!isRoot() || !existsSync('/etc/debian_version')) {
    throw new Error(
      `PostgreSQL is not installed (no ${POSTGRES_ROOT}/<version>/bin/initdb). ` +
        (existsSync('/etc/debian_version')
          ? `Install it with:  sudo sh -c '${INSTALL_COMMAND}'`
          : 'Install PostgreSQL (server binaries, with initdb and pg_ctl) with your system package manager.'),
    );
  }
  installPostgres();
  const installed = findPostgresBin();
  if (!installed) throw new Error(`\`${INSTALL_COMMAND}\` succeeded, but no ${POSTGRES_ROOT}/<version>/bin/initdb appeared.`);
  return installed;
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root (the server refuses to run as root). */
function runPostgresBinary(bin: string, tool: string, args: string[]): SpawnSyncReturns<string> {
  const [command, fullArgs] = isRoot()
    ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
    : [path.join(bin, tool), args];
  // cwd: the postgres user may not be allowed into the caller's folder (e.g. /root/…), and initdb complains.
  return spawnSync(command, fullArgs, { encoding: 'utf8', cwd: tmpdir(), timeout: 120_000 });
}

function describeFailure(what: string, result: SpawnSyncReturns<string>, logFile?: string): Error {
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const log = logFile && existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n') : '';
  return new Error(
    `${what} failed (${result.error?.message ?? `exit code ${result.status}`})` +
      (output ? `:\n${output}` : '') +
      (log ? `\nServer log (${logFile}):\n${log}` : ''),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops (immediately: its data is throwaway) and removes every cluster folder whose owning process is gone. */
export function removeStaleClusters(bin: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_PREFIX)) continue;
    const dir = path.join(tmpdir(), name);
    const ownerFile = path.join(dir, OWNER_FILE);
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : NaN;
    // Another test run on this machine still owns it: leave it alone.
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) continue;
    if (existsSync(path.join(dir, 'data', 'postmaster.pid'))) {
      runPostgresBinary(bin, 'pg_ctl', ['-D', path.join(dir, 'data'), 'stop', '-m', 'immediate', '-w', '-t', '30']);
    }
    rmSync(dir, { recursive: true, force: true });
    console.log(`Removed a stale PostgreSQL cluster from an earlier run: ${dir}`);
  }
}

/**
 * Starts a fresh PostgreSQL cluster and returns its URL. Installs PostgreSQL first when missing (root on
 * Debian), or throws an error that names the command to run.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = ensurePostgresBin();
  removeStaleClusters(bin);

  const dir = mkdtempSync(path.join(tmpdir(), CLUSTER_PREFIX));
  writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  if (isRoot()) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');

  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    process.off('SIGINT', stopAndDie);
    process.off('SIGTERM', stopAndDie);
    if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
      // fast: roll back open transactions and close connections, which is all a throwaway cluster needs.
      const result = runPostgresBinary(bin, 'pg_ctl', ['-D', dataDir, 'stop', '-m', 'fast', '-w', '-t', '30']);
      if (result.status !== 0) runPostgresBinary(bin, 'pg_ctl', ['-D', dataDir, 'stop', '-m', 'immediate', '-w', '-t', '30']);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Ctrl-C or a CI timeout: stop the cluster, then die of the same signal as we would have.
  const stopAndDie = (signal: NodeJS.Signals): void => {
    stop();
    process.kill(process.pid, signal);
  };
  // Runs on a normal exit and on process.exit(); a SIGKILLed run is cleaned up by the next start instead.
  process.on('exit', stop);
  process.once('SIGINT', stopAndDie);
  process.once('SIGTERM', stopAndDie);

  try {
    const init = runPostgresBinary(bin, 'initdb', ['-D', dataDir, '-A', 'trust', '-U', SUPERUSER, '--no-sync', '-E', 'UTF8', '--locale', 'C']);
    if (init.status !== 0) throw describeFailure('initdb', init);

    // The port was free when asked, but another process may take it before PostgreSQL binds: try a few.
    let lastFailure: Error | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
      const start = runPostgresBinary(bin, 'pg_ctl', ['-D', dataDir, '-o', options, '-l', logFile, '-w', '-t', '60', 'start']);
      if (start.status === 0) {
        return { url: `postgresql://${SUPERUSER}@127.0.0.1:${port}/postgres`, port, stop };
      }
      lastFailure = describeFailure(`pg_ctl start on port ${port}`, start, logFile);
      const inUse = existsSync(logFile) && /could not bind|Address already in use/i.test(readFileSync(logFile, 'utf8'));
      if (!inUse) break;
    }
    throw lastFailure ?? new Error('PostgreSQL did not start');
  } catch (error) {
    stop();
    throw error;
  }
}

function postgresUser(): { uid: number; gid: number } {
  const result = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gidResult = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  const uid = Number(result.stdout.trim());
  const gid = Number(gidResult.stdout.trim());
  if (result.status !== 0 || !Number.isInteger(uid) || !Number.isInteger(gid)) {
    throw new Error('There is no `postgres` user to run PostgreSQL as (it comes with Debian\'s postgresql package); PostgreSQL refuses to run as root.');
  }
  return { uid, gid };
}
