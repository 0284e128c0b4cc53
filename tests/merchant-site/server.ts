/**
 * The demo back office: a local copy of the Kuaishou merchant back office (快手小店 商家后台)
 * for the demo, the end-to-end tests and the benchmarks. Node's `http` serving a React 18 +
 * Ant Design 5 single-page app (app/, built into dist/ on demand by build.ts) and one Ant Design 3
 * page (antd3/, run from the antd 3 UMD build).
 *
 * - `/zone/*` (and any other page path): the single-page app's shell; the client routes.
 *   `/zone/refund/apply?antd=3`: the Ant Design 3 refund application instead.
 * - `/static/*`: the built app (dist/); `/static/antd3/*`: the Ant Design 3 page and its UMD files.
 * - `/api/*`: the JSON the pages load, money in 分; `/rest/…`: the platform's own endpoints
 *   (refund list pagination, order query v2) as public scripts show them.
 * - `/__review/:afterSaleId/(approve|reject|fail|refund)`, `/__reset`, `/__delay/:min/:max`: the
 *   platform review simulator, the reset of the demo data and the API's delay (tests and the
 *   page's simulator strip use them).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { SeedOptions } from './seed';
import { REVIEW_ACTIONS, SiteError, SiteStore, type ReviewAction } from './store';
import { DIST_DIR, ensureSiteBuilt } from './build';

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
  /** Change the delay of each API response (ms, picked in [min, max]): a slow back end on demand. */
  setApiDelay(min: number, max?: number): void;
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

const PUBLIC_DIR = DIST_DIR + sep;
const ANTD3_DIR = fileURLToPath(new URL('./antd3/', import.meta.url));
const MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));
/** The Ant Design 3 page's files: its own script and the UMD builds it runs on (window.React, ReactDOM, moment, antd). */
const ANTD3_FILES: Record<string, string> = {
  'refund-apply.js': join(ANTD3_DIR, 'refund-apply.js'),
  'react.js': join(MODULES, 'react/umd/react.production.min.js'),
  'react-dom.js': join(MODULES, 'react-dom/umd/react-dom.production.min.js'),
  'moment.js': join(MODULES, 'moment/min/moment.min.js'),
  'antd.js': join(MODULES, 'antd3/dist/antd.min.js'),
  'antd.css': join(MODULES, 'antd3/dist/antd.min.css'),
};

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
  ensureSiteBuilt();
  const store = new SiteStore(opts.seed);
  let [minDelay, maxDelay] = opts.apiDelay ?? [50, 150];
  const shell = await readFile(join(PUBLIC_DIR, 'index.html'));
  const antd3Shell = await readFile(join(ANTD3_DIR, 'index.html'));

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
    if (path.startsWith('/rest/')) {
      await delay();
      return json(res, ...rest(method, path, method === 'POST' ? await readJson(req) : undefined));
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
    if (path.startsWith('/static/antd3/')) {
      const file = ANTD3_FILES[path.slice('/static/antd3/'.length)];
      return file ? serveFile(res, file) : json(res, 404, { message: 'Not Found' });
    }
    if (path.startsWith('/static/')) return serveStatic(res, path.slice('/static/'.length));
    // Every other path is a page of the single-page app (the refund application also of the Ant Design 3 one).
    const antd3 = path.replace(/\/+$/, '') === '/zone/refund/apply' && url.searchParams.get('antd') === '3';
    res.writeHead(200, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-cache' });
    res.end(method === 'HEAD' ? undefined : antd3 ? antd3Shell : shell);
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

  /** The platform's endpoints: always 200 with `{ result: 1, data }`, or `{ result, error_msg }`. */
  function rest(method: string, path: string, body: unknown): [number, unknown] {
    if (method !== 'POST') return [405, { result: 405, error_msg: 'Method Not Allowed' }];
    try {
      if (path === '/rest/pc/aftersales/schema/refund/list/pagination') return [200, { result: 1, data: store.refundListPage(body) }];
      if (path === '/rest/app/tts/ks/seller/order/query/v2') return [200, { result: 1, data: store.orderQuery(body) }];
    } catch (err) {
      if (err instanceof SiteError) return [200, { result: err.status, error_msg: err.message }];
      throw err;
    }
    return [404, { result: 404, error_msg: '接口不存在' }];
  }

  function control(method: string, path: string): [number, unknown] {
    if (method !== 'POST') return [405, { message: 'Method Not Allowed' }];
    if (path === '/__reset') {
      store.reset();
      return [200, { ok: true }];
    }
    const d = /^\/__delay\/(\d+)(?:\/(\d+))?$/.exec(path);
    if (d) {
      minDelay = Number(d[1]);
      maxDelay = Number(d[2] ?? d[1]);
      return [200, { apiDelay: [minDelay, maxDelay] }];
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
    return serveFile(res, file);
  }

  async function serveFile(res: ServerResponse, file: string): Promise<void> {
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
    setApiDelay: (min, max = min) => {
      minDelay = min;
      maxDelay = max;
    },
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
