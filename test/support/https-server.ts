/**
 * One local server that impersonates every remote host the tests need
 * (acme.lightning.force.com, app.hubspot.com, api.hubapi.com, …).
 *
 * Chromium is launched with `--host-resolver-rules=MAP * 127.0.0.1:<port>`, so every
 * hostname — on any port, http or https — lands here; we tell the sites apart by
 * the `Host` header. The certificate is self-signed and made at start-up; Chromium
 * runs with `--ignore-certificate-errors`, so its names do not matter.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';

/** Answers a request; `false` (nothing answered) passes it on to the host's earlier route. */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void | false | Promise<void | false>;

export interface LoggedRequest {
  host: string;
  method: string;
  /** Path plus query string, exactly as requested. */
  path: string;
}

export interface TestServer {
  readonly port: number;
  /** Every request received, oldest first. Clear it with `requests.length = 0`. */
  readonly requests: LoggedRequest[];
  /**
   * Answers requests whose host (without port) matches. A string is an exact host
   * or a glob where `*` matches any characters, e.g. `*.lightning.force.com`.
   * Later routes win, so a test can override a default route for one host, or only some of its
   * paths: a handler that returns `false` leaves the request to the route before it.
   */
  route(hostPattern: string | RegExp, handler: RouteHandler): void;
  /** Serves `test/fixtures/crm/<fixtureFile>` for every path on the host: the app shell of an SPA. */
  serveFixture(hostPattern: string | RegExp, fixtureFile: string): void;
  close(): Promise<void>;
}

const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/crm');
const TLS_HANDSHAKE = 0x16; // first byte of every TLS ClientHello

export async function startTestServer(): Promise<TestServer> {
  const routes: { matches: (host: string) => boolean; handler: RouteHandler }[] = [];
  const requests: LoggedRequest[] = [];

  const handle: http.RequestListener = async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    requests.push({ host, method: req.method ?? 'GET', path: req.url ?? '/' });
    const scheme = req.socket instanceof TLSSocket ? 'https' : 'http';
    const url = new URL(req.url ?? '/', `${scheme}://${host || 'unknown.invalid'}`);
    try {
      for (const route of routes.filter((r) => r.matches(host)).reverse()) if ((await route.handler(req, res, url)) !== false) return;
      send(res, 404, `test server: no route for host "${host}" (${req.method} ${req.url})\n`);
    } catch (error) {
      // A broken handler must fail the request, not the whole test run.
      console.error(`test server: handler for ${host}${req.url} threw`, error);
      if (!res.headersSent) send(res, 500, `test server: handler threw: ${String(error)}\n`);
      else res.destroy();
    }
  };

  const { cert, private: key } = await generate([{ name: 'commonName', value: 'leadside-test' }], {
    keyType: 'ec', // much faster to generate than RSA
    algorithm: 'sha256',
  });
  const httpsServer = https.createServer({ cert, key }, handle);
  const httpServer = http.createServer(handle);

  // One port for both schemes: look at the first byte and hand the socket to the
  // matching server. `MAP *` sends plain-http requests (port 80) here too.
  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {}); // resets from a closing browser are expected
    socket.once('data', (firstChunk) => {
      socket.pause();
      socket.unshift(firstChunk);
      (firstChunk[0] === TLS_HANDSHAKE ? httpsServer : httpServer).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', resolve);
  });
  const port = (front.address() as net.AddressInfo).port;

  const server: TestServer = {
    port,
    requests,
    route(hostPattern, handler) {
      routes.push({ matches: hostMatcher(hostPattern), handler });
    },
    serveFixture(hostPattern, fixtureFile) {
      const file = path.join(FIXTURES_DIR, fixtureFile);
      server.route(hostPattern, async (_req, res, url) => {
        // Browsers ask for a favicon after every page load; the HTML shell is not one.
        if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
        // Read on every request so fixture edits apply without restarting the server.
        send(res, 200, await readFile(file, 'utf8'), 'text/html; charset=utf-8');
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy(); // keep-alive sockets would hold close() open
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
  };
  return server;
}

function hostMatcher(pattern: string | RegExp): (host: string) => boolean {
  if (pattern instanceof RegExp) return (host) => pattern.test(host);
  const glob = new RegExp(
    '^' + pattern.toLowerCase().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$',
  );
  return (host) => glob.test(host);
}

function send(res: http.ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
}
