import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A quiet machine starts it in 2-5 s; a heavily loaded one in 15 s. */
const START_TIMEOUT_MS = 30_000;
/** How much of the server's output is kept to explain a failure. */
const KEPT_OUTPUT_LINES = 40;

/**
 * The real server as its own process (`node --import tsx server/main.ts`), the way a team runs it, so a
 * SIGKILL is a real crash: no `finally`, no close handler, connections cut mid-request (the fault
 * test), and the load a benchmark drives from this process does not share the server's event loop.
 */
export class ServerProcess {
  readonly baseUrl: string;
  /** How many times it was started, and SIGKILLed. */
  starts = 0;
  kills = 0;
  /** Exits nobody asked for (a crash of its own), each with the server's last output. */
  readonly crashes: string[] = [];
  private readonly crashed = new AbortController();
  /** Aborts at the first crash, so a run that cannot succeed ends at once instead of at its deadline. */
  readonly crashSignal = this.crashed.signal;
  private child: ChildProcess | undefined;
  private output: string[] = [];
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  constructor(
    readonly port: number,
    /** DATABASE_URL or LEADSIDE_DATA_DIR, plus anything else the server reads. */
    private readonly env: Record<string, string>,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    // A test runner that dies must not leave a server holding the port and the database.
    process.on('exit', this.killOnExit);
  }

  /** Starts it and resolves once it prints that it listens; rejects with its output when it exits or hangs. */
  async start(): Promise<void> {
    if (this.child) throw new Error('The server process is already running');
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', ...this.env };
    // The runner's own database settings must not leak in: the server gets exactly one database.
    if (!this.env.DATABASE_URL) delete env.DATABASE_URL;
    if (!this.env.LEADSIDE_DATA_DIR) delete env.LEADSIDE_DATA_DIR;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.starts++;
    const ready = `Leadside server listening on http://127.0.0.1:${this.port}`;

    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(`did not say it listens within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
      const fail = (why: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`The server process ${why}. Its last output:\n${this.output.join('\n')}`));
      };
      const onLine = (line: string) => {
        this.output.push(line);
        if (this.output.length > KEPT_OUTPUT_LINES) this.output.shift();
        if (line.includes(ready)) {
          clearTimeout(timer);
          resolve();
        }
      };
      for (const stream of [child.stdout, child.stderr]) {
        let partial = '';
        // Always drained, so a chatty server never blocks on a full pipe.
        stream?.setEncoding('utf8').on('data', (chunk: string) => {
          const lines = (partial + chunk).split('\n');
          partial = lines.pop() ?? '';
          lines.forEach(onLine);
        });
      }
      child.once('exit', (code, signal) => {
        if (this.child === child) this.child = undefined;
        fail(`exited (${signal ?? `code ${code}`}) before it listened`);
      });
    });
    child.removeAllListeners('exit');
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.crashes.push(`exited on its own (${signal ?? `code ${code}`}); its last output:\n${this.lastOutput()}`);
      this.crashed.abort(new Error('The server process crashed'));
    });
  }

  /** A crash: SIGKILL, resolved once the process is gone (its port is then free for the restart). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) throw new Error('The server process is not running');
    // Forgotten first, so its exit is not taken for a crash.
    this.child = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.kills++;
  }

  /** A clean stop (SIGTERM), or a SIGKILL when it does not exit within 10 s. Safe when not running. */
  async stop(): Promise<void> {
    const child = this.child;
    process.off('exit', this.killOnExit);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.child = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    // Bounded even if the exit event never comes: the caller's clean-up must go on.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 12_000).unref())]);
    clearTimeout(timer);
  }

  /** The running process's id (for its CPU time), if it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The server's last lines of output, for a failure message. */
  lastOutput(): string {
    return this.output.join('\n');
  }
}
