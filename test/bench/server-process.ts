import { readFileSync } from 'node:fs';
import { freePort } from '../support/free-port';
import { ServerProcess } from '../support/server-process';

export interface RunningServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** CPU time (user + system, ms) the server process has used so far, from /proc; undefined where there is none. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

/**
 * The real server entry (server/main.ts) in a process of its own, on a free port of 127.0.0.1 with the
 * per-token rate limit off, so the load the benchmark drives from this process does not share the
 * server's event loop.
 */
export async function startServerProcess(database: { databaseUrl: string } | { dataDir: string }): Promise<RunningServer> {
  const location: Record<string, string> = 'databaseUrl' in database ? { DATABASE_URL: database.databaseUrl } : { LEADSIDE_DATA_DIR: database.dataDir };
  const server = new ServerProcess(await freePort(), { LEADSIDE_RATE_LIMIT: 'off', ...location });
  await server.start();
  return { url: server.baseUrl, cpuMs: () => processCpuMs(server.pid), stop: () => server.stop() };
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
