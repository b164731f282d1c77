/**
 * Firefox has no `--host-resolver-rules`: `network.dns.forceResolve` can send every name to
 * 127.0.0.1, but not to the test server's port. So Firefox is pointed at this HTTP proxy instead,
 * which hands every connection, whatever host and port it names, to the one local test server
 * (test/support/https-server.ts tells the sites apart by their Host header). HTTPS arrives as
 * `CONNECT host:443` and is piped through untouched, so the TLS and the Host header are the browser's
 * own. Nothing leaves loopback: the proxy never connects anywhere but 127.0.0.1:<server port>.
 */
import http from 'node:http';
import net from 'node:net';

export interface LoopbackProxy {
  readonly port: number;
  /** Each host:port Firefox asked to reach, oldest first: what the browser tried to contact. */
  readonly tunnels: string[];
  close(): Promise<void>;
}

export async function startLoopbackProxy(serverPort: number): Promise<LoopbackProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {}); // resets from a closing browser are expected
  };

  const proxy = http.createServer((req, res) => {
    // Plain http arrives in absolute form (`GET http://host/path`): forward it with the path only.
    const target = new URL(req.url ?? '/', `http://${req.headers.host ?? 'unknown.invalid'}`);
    tunnels.push(`${target.hostname}:${target.port || 80}`);
    const upstream = http.request(
      { host: '127.0.0.1', port: serverPort, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => res.writeHead(502).end(`loopback proxy: ${error.message}`));
    req.pipe(upstream);
  });
  proxy.on('connection', track);
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const upstream = net.connect(serverPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (proxy.address() as net.AddressInfo).port,
    tunnels,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
