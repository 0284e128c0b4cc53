/**
 * The demo back office: a local copy of the Kuaishou merchant back office (快手小店 商家后台)
 * for the demo, the end-to-end tests and the benchmarks. Node's `http` only.
 *
 * - `/zone/*` (and any other page path): the single-page app's shell; the client routes.
 * - `/static/*`: the app's plain JS modules and CSS (public/).
 * - `/api/*`: the JSON the pages load, money in 分.
 * - `/__review/:afterSaleId/(approve|reject|fail|refund)`, `/__reset`: the platform review
 *   simulator and the reset of the demo data (tests and the page's simulator strip use them).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { SeedOptions } from './seed';
import { REVIEW_ACTIONS, SiteError, SiteStore, type ReviewAction } from './store';

export type { SeedOptions } from './seed';
export { SEED } from './seed';

export const SITE_HOST = 's.kwaixiaodian.com';

export interface SiteServer {
  port: number;
  /** http://s.kwaixiaodian.com:PORT (the host name must be mapped to the loopback address). */
  origin: string;
  close(): Promise<void>;
  /** Restore the seed data. */
  reset(): void;
}

export interface StartOptions {
  /** 0 = a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: SeedOptions;
  /** Delay of each API response in ms, picked in [min, max], as a real back end has. Default [50, 150]. */
  apiDelay?: [number, number];
}

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 1 << 20;

export async function startSite(opts: StartOptions = {}): Promise<SiteServer> {
  const store = new SiteStore(opts.seed);
  const [minDelay, maxDelay] = opts.apiDelay ?? [50, 150];
  const shell = await readFile(join(PUBLIC_DIR, 'index.html'));

  const delay = () => {
    const ms = minDelay + Math.random() * Math.max(0, maxDelay - minDelay);
    return ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve();
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (path.startsWith('/api/')) {
      await delay();
      return json(res, ...api(method, path, url.searchParams, method === 'POST' ? await readJson(req) : undefined));
    }
    if (path.startsWith('/__')) {
      return json(res, ...control(method, path));
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return json(res, 405, { message: 'Method Not Allowed' });
    }
    if (path === '/') {
      res.writeHead(302, { Location: '/zone/order/list' }).end();
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (path.startsWith('/static/')) return serveStatic(res, path.slice('/static/'.length));
    // Every other path is a page of the single-page app.
    res.writeHead(200, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-cache' });
    res.end(method === 'HEAD' ? undefined : shell);
  }

  function api(method: string, path: string, q: URLSearchParams, body: unknown): [number, unknown] {
    const num = (name: string) => {
      const n = Number(q.get(name));
      return Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined;
    };
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent); // ['api', 'orders', id?, action?]
    const [, resource, id, action] = parts;
    const now = Date.now();
    if (resource === 'orders') {
      if (method === 'GET' && !id) {
        const list = store.listOrders({ status: q.get('status') ?? undefined, q: q.get('q') ?? undefined, page: num('page'), pageSize: num('pageSize') });
        return [200, list];
      }
      if (method === 'GET' && id && !action) return [200, store.getOrder(id)];
      if (method === 'POST' && id && action === 'cancel') return [200, store.cancelOrder(id)];
    }
    if (resource === 'refunds') {
      if (method === 'GET' && !id) {
        return [200, store.listRefunds({ status: q.get('status') ?? undefined, page: num('page'), pageSize: num('pageSize') })];
      }
      if (method === 'GET' && id && !action) return [200, store.getRefund(id)];
      if (method === 'POST' && !id) return [201, store.createRefund(body, now)];
      if (method === 'POST' && id && action === 'confirm') return [200, store.confirm(id, now)];
    }
    return [404, { message: '接口不存在' }];
  }

  function control(method: string, path: string): [number, unknown] {
    if (method !== 'POST') return [405, { message: 'Method Not Allowed' }];
    if (path === '/__reset') {
      store.reset();
      return [200, { ok: true }];
    }
    const m = /^\/__review\/([^/]+)\/([a-z]+)$/.exec(path);
    if (m && (REVIEW_ACTIONS as readonly string[]).includes(m[2])) {
      return [200, store.review(decodeURIComponent(m[1]), m[2] as ReviewAction, Date.now())];
    }
    return [404, { message: '接口不存在' }];
  }

  async function serveStatic(res: ServerResponse, rel: string): Promise<void> {
    const file = normalize(join(PUBLIC_DIR, rel));
    if (!file.startsWith(PUBLIC_DIR) || file.endsWith(sep)) return json(res, 404, { message: 'Not Found' });
    try {
      const data = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(data);
    } catch {
      json(res, 404, { message: 'Not Found' });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.end();
      if (err instanceof SiteError) return json(res, err.status, { message: err.message });
      console.error('[merchant-site]', err);
      json(res, 500, { message: '系统繁忙，请稍后再试' });
    });
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    origin: `http://${SITE_HOST}:${port}`,
    reset: () => store.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new SiteError(413, '请求内容过大');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SiteError(400, '请求格式错误');
  }
}
