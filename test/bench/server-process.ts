import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface RunningServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** CPU time (user + system, ms) the server process has used so far, from /proc; undefined where there is none. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

const READY_LINE = /Leadside server listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;

/**
 * The real server entry (server/main.ts: @hono/node-server over createApp) in a process of its own,
 * on a free port of 127.0.0.1 with the per-token rate limit off. Its own process, so the load the
 * benchmark drives from this one does not share the server's event loop.
 */
export function startServerProcess(database: { databaseUrl: string } | { dataDir: string }): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LEADSIDE_RATE_LIMIT: 'off' };
  delete env.DATABASE_URL;
  delete env.LEADSIDE_DATA_DIR;
  if ('databaseUrl' in database) env.DATABASE_URL = database.databaseUrl;
  else env.LEADSIDE_DATA_DIR = database.dataDir;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'main.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`The server did not say it was listening within ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(READY_LINE);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({
        url: match[1]!,
        cpuMs: () => processCpuMs(child.pid),
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          // SIGTERM closes the server then the database; a stuck one is killed after a while.
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`The server exited (code ${code}) before listening:\n${output}`)));
  });
}

/** utime + stime of a process in ms (Linux /proc/<pid>/stat, in clock ticks of 10 ms). */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
