// A logging HTTP proxy that sees every request a browser makes (pages, extension pages, the
// service worker or background page, the browser itself): point the browser at it and every
// request, wherever it comes from, passes here. Requests to the demo back office are forwarded to
// it; anything else is refused and logged. Used by tests/e2e/privacy.test.ts (both browsers) and
// available to the bench.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  /** `GET http://host:port/path` or `CONNECT host:port`. */
  line: string;
  method: string;
  /** Absolute URL for plain HTTP; `host:port` for CONNECT (HTTPS, WebSocket over TLS). */
  url: string;
  host: string;
  forwarded: boolean;
  at: number;
  /** Request headers that tell where a request comes from. */
  origin?: string;
  referer?: string;
}

export interface NetWatch {
  port: number;
  /** `http://127.0.0.1:PORT` */
  proxyUrl: string;
  seen: Seen[];
  /** Requests that did not go to an allowed host. */
  foreign(): Seen[];
  close(): Promise<void>;
}

export interface NetWatchOptions {
  /** host name → local port to forward to (e.g. `s.kwaixiaodian.com` → the demo site's port). */
  forward: Record<string, number>;
}

export async function startNetWatch(opts: NetWatchOptions): Promise<NetWatch> {
  const seen: Seen[] = [];
  const allowed = (host: string) => Object.hasOwn(opts.forward, host);

  const server: Server = createServer((req: IncomingMessage, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '', req.url?.startsWith('/') ? `http://${req.headers.host}` : undefined);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const host = url.hostname;
    const entry: Seen = {
      line: `${req.method} ${url.href}`,
      method: req.method ?? 'GET',
      url: url.href,
      host,
      forwarded: allowed(host),
      at: Date.now(),
      origin: req.headers.origin,
      referer: req.headers.referer,
    };
    seen.push(entry);
    if (!entry.forwarded) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: opts.forward[host],
        method: req.method,
        path: url.pathname + url.search,
        headers: { ...req.headers, host: url.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });

  // HTTPS and secure WebSockets arrive as CONNECT: nothing here is allowed to tunnel anywhere.
  server.on('connect', (req: IncomingMessage, socket) => {
    const target = req.url ?? '';
    seen.push({ line: `CONNECT ${target}`, method: 'CONNECT', url: target, host: target.replace(/:\d+$/, ''), forwarded: false, at: Date.now() });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    proxyUrl: `http://127.0.0.1:${port}`,
    seen,
    foreign: () => seen.filter((s) => !s.forwarded),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
