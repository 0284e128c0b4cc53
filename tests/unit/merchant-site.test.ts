import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED, startSite, type SiteServer } from '../merchant-site/server';

let site: SiteServer;
/** Requests go to 127.0.0.1 (the origin's host name is only mapped inside the browsers). */
let base: string;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; data: any }> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, data: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}
const get = (path: string) => call('GET', path);
const post = (path: string, body?: unknown) => call('POST', path, body);

const application = (over: Record<string, unknown> = {}) => ({
  orderId: SEED.orders.shippedDiscounted,
  refundType: 'return-refund',
  reasonText: '质量问题',
  amountFen: 12900,
  remark: '拉链损坏',
  trackingNo: 'SF1234567890123',
  courier: '顺丰速运',
  files: ['订单截图.png', '商品照片.jpg'],
  ...over,
});

beforeAll(async () => {
  // Builds the React pages first when they are missing or stale (about 10 s).
  site = await startSite({ port: 0, apiDelay: [0, 0], seed: { extraRefunds: 1000 } });
  base = `http://127.0.0.1:${site.port}`;
}, 120_000);
afterAll(() => site.close());
beforeEach(() => site.reset());

/** The built bundle the shell loads. */
const bundleOf = (shell: string) => /src="(\/static\/assets\/[^"]+\.js)"/.exec(shell)?.[1];

describe('demo back office: server', () => {
  it('names its origin with the real host name', () => {
    expect(site.origin).toBe(`http://s.kwaixiaodian.com:${site.port}`);
  });

  it.each(['/zone/order/list', '/zone/order/detail?id=1', '/zone/refund/detail?id=1', '/zone/refund/apply?orderId=1', '/zone/shop/settings'])(
    'serves the React app shell at %s',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.data).toContain('<div id="root">');
      expect(bundleOf(res.data)).toBeTruthy();
    },
  );

  it('serves the Ant Design 3 refund application at ?antd=3, with the UMD builds it runs on', async () => {
    const res = await get('/zone/refund/apply?orderId=1&antd=3');
    expect(res.data).toContain('/static/antd3/antd.js');
    for (const f of ['react.js', 'react-dom.js', 'moment.js', 'antd.js', 'refund-apply.js']) {
      const r = await fetch(`${base}/static/antd3/${f}`);
      expect(r.status, f).toBe(200);
      expect(r.headers.get('content-type')).toContain('javascript');
    }
    expect((await fetch(`${base}/static/antd3/package.json`)).status).toBe(404);
  });

  it('serves the built bundle and refuses paths outside it', async () => {
    const js = await fetch(base + bundleOf((await get('/zone/order/list')).data));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${base}/static/..%2F..%2Fserver.ts`)).status).toBe(404);
  });

  it('redirects / to the order list', async () => {
    const res = await fetch(`${base}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/zone/order/list');
  });
});

describe("demo back office: the platform's endpoints", () => {
  it('pages the refund list with codes and 分 (refund/list/pagination)', async () => {
    const res = await post('/rest/pc/aftersales/schema/refund/list/pagination', { pageNum: 2, pageSize: 10 });
    expect(res.data.result).toBe(1);
    expect(res.data.data.total).toBe(1007);
    expect(res.data.data.pageNum).toBe(2);
    expect(res.data.data.resultList).toHaveLength(10);
    const first = (await post('/rest/pc/aftersales/schema/refund/list/pagination', { pageNum: 1, pageSize: 20, tab: 'approved' })).data.data.resultList;
    const approved = first.find((r: any) => r.refundId === SEED.refunds.approved);
    expect(approved).toMatchObject({
      orderId: SEED.orders.refundingApproved,
      handlingWay: 10,
      status: 40,
      supportActions: ['confirmRefund', 'contactService'],
    });
    expect(typeof approved.refundFee).toBe('number');
    expect(approved.expireTime).toBeGreaterThan(0);
  });

  it('answers the order query with 分 and masked buyer data (order/query/v2)', async () => {
    const res = await post('/rest/app/tts/ks/seller/order/query/v2', { oid: SEED.orders.shippedDiscounted });
    expect(res.data.result).toBe(1);
    expect(res.data.data).toMatchObject({ oid: SEED.orders.shippedDiscounted, totalFee: 15900, discountFee: 3000, expressFee: 0, buyerPay: 12900 });
    expect(res.data.data.buyerInfo.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    const missing = await post('/rest/app/tts/ks/seller/order/query/v2', { oid: '999' });
    expect(missing.data).toMatchObject({ result: 404 });
  });

  it('slows the API on demand (/__delay)', async () => {
    expect((await post('/__delay/300')).data).toEqual({ apiDelay: [300, 300] });
    const t = Date.now();
    await post('/rest/app/tts/ks/seller/order/query/v2', { oid: SEED.orders.shipped });
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    site.setApiDelay(0);
  });
});

describe('demo back office: seed', () => {
  it('has at least two orders in every order status', async () => {
    const { data } = await get('/api/orders?pageSize=1000');
    for (const status of ['unpaid', 'unshipped', 'shipped', 'delivered', 'completed', 'refunding', 'refunded', 'closed']) {
      expect(data.items.filter((o: any) => o.status === status && !o.id.startsWith('2409')).length, status).toBeGreaterThanOrEqual(2);
    }
  });

  it('shows a discounted order with its amounts in 分 and its logistics', async () => {
    const { status, data } = await get(`/api/orders/${SEED.orders.shippedDiscounted}`);
    expect(status).toBe(200);
    expect(data).toMatchObject({
      status: 'shipped',
      statusText: '已发货',
      goodsTotalFen: 15900,
      discountFen: 3000,
      shippingFeeFen: 0,
      paidFen: 12900,
      logistics: { trackingNo: '78812345678901', courier: '中通快递' },
    });
    expect(data.buyer.phone).toMatch(/^1\d\d\*{4}\d{4}$/);
  });

  it('has no logistics on unshipped orders', async () => {
    const { data } = await get(`/api/orders/${SEED.orders.unshipped}`);
    expect(data.status).toBe('unshipped');
    expect(data.logistics).toBeUndefined();
  });

  it.each(Object.entries(SEED.refunds))('has the %s application', async (role, id) => {
    const { status, data } = await get(`/api/refunds/${id}`);
    expect(status).toBe(200);
    expect(data.status).toBe(role.replace(/\d$/, ''));
    expect(data.order.id).toBe(data.orderId);
  });

  it('puts orders with an open application in 售后中 and refunded ones in 已退款', async () => {
    expect((await get(`/api/orders/${SEED.orders.refunding}`)).data.refund).toMatchObject({ id: SEED.refunds.reviewing, statusText: '待审核' });
    expect((await get(`/api/orders/${SEED.orders.refundingApproved}`)).data.statusText).toBe('售后中');
    expect((await get(`/api/orders/${SEED.orders.refunded}`)).data.statusText).toBe('已退款');
  });

  it('lists refunds 20 per page, honours pageSize=1000 and filters by status', async () => {
    const first = await get('/api/refunds');
    expect(first.data).toMatchObject({ page: 1, pageSize: 20, total: 1007 });
    expect(first.data.items).toHaveLength(20);
    expect(first.data.items[0].createdAt).toBeGreaterThanOrEqual(first.data.items[19].createdAt);
    const big = await get('/api/refunds?pageSize=1000');
    expect(big.data.items).toHaveLength(1000);
    expect(new Set(big.data.items.map((r: any) => r.id)).size).toBe(1000);
    const rejected = await get('/api/refunds?status=rejected&pageSize=1000');
    expect(rejected.data.items.every((r: any) => r.statusText === '审核不通过')).toBe(true);
  });

  it('filters orders by status and searches by order number', async () => {
    const { data } = await get(`/api/orders?q=${SEED.orders.shipped.slice(4, 12)}`);
    expect(data.items.map((o: any) => o.id)).toContain(SEED.orders.shipped);
    const closed = await get('/api/orders?status=closed');
    expect(closed.data.items.every((o: any) => o.statusText === '已关闭')).toBe(true);
  });
});

describe('demo back office: refund applications', () => {
  it('accepts an application, opens 售后中 and refuses a duplicate', async () => {
    const created = await post('/api/refunds', application());
    expect(created.status).toBe(201);
    expect(created.data.id).toMatch(/^1\d{13}$/);
    expect(created.data).toMatchObject({
      status: 'reviewing',
      statusText: '待审核',
      amountFen: 12900,
      refundTypeText: '退货退款',
      trackingNo: 'SF1234567890123',
    });
    expect((await get(`/api/orders/${SEED.orders.shippedDiscounted}`)).data.statusText).toBe('售后中');

    const dup = await post('/api/refunds', application());
    expect(dup.status).toBe(409);
    expect(dup.data.message).toContain(created.data.id);
  });

  it.each([
    ['an amount above what was paid', application({ amountFen: 12901 }), 400, '实付款'],
    ['a zero amount', application({ amountFen: 0 }), 400, '金额'],
    ['an amount in yuan', application({ amountFen: 129.5 }), 400, '金额'],
    ['no reason', application({ reasonText: '' }), 400, '退款原因'],
    ['an unknown refund type', application({ refundType: 'exchange' }), 400, '退款类型'],
    ['a remark over 200 characters', application({ remark: '字'.repeat(201) }), 400, '备注'],
    ['an unknown order', application({ orderId: '2411999999999999' }), 400, '不存在'],
    ['an unpaid order', application({ orderId: SEED.orders.unpaid, amountFen: 100 }), 400, '付款'],
    ['a closed order', application({ orderId: SEED.orders.closed, amountFen: 100 }), 400, '关闭'],
    ['a refunded order', application({ orderId: SEED.orders.refunded, amountFen: 100 }), 409, '已退款'],
    ['an order with an open application', application({ orderId: SEED.orders.refundingApproved, amountFen: 100 }), 409, SEED.refunds.approved],
    ['return and refund before shipping', application({ orderId: SEED.orders.unshipped, amountFen: 100 }), 400, '仅退款'],
  ])('refuses %s', async (_name, body, status, text) => {
    const res = await post('/api/refunds', body);
    expect(res.status).toBe(status);
    expect(res.data.message).toContain(text);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(`${base}/api/refunds`, { method: 'POST', body: '{nope' });
    expect(res.status).toBe(400);
  });

  it('goes approve → confirm → refund, and the order becomes 已退款', async () => {
    const { data: created } = await post('/api/refunds', application({ refundType: 'refund-only', trackingNo: '', courier: '' }));
    expect((await post(`/api/refunds/${created.id}/confirm`)).status).toBe(409); // not approved yet

    const approved = await post(`/__review/${created.id}/approve`);
    expect(approved).toMatchObject({ status: 200, data: { status: 'approved', statusText: '审核通过' } });
    const confirmed = await post(`/api/refunds/${created.id}/confirm`);
    expect(confirmed).toMatchObject({ status: 200, data: { status: 'confirmed', statusText: '退款执行中' } });
    const refunded = await post(`/__review/${created.id}/refund`);
    expect(refunded).toMatchObject({ status: 200, data: { status: 'refunded', statusText: '退款成功' } });
    expect(refunded.data.history.map((e: any) => e.status)).toEqual(['reviewing', 'approved', 'confirmed', 'refunded']);

    const order = await get(`/api/orders/${SEED.orders.shippedDiscounted}`);
    expect(order.data).toMatchObject({ status: 'refunded', statusText: '已退款', refund: { id: created.id, status: 'refunded' } });
    expect((await post('/api/refunds', application())).status).toBe(409);
  });

  it('rejects: the order returns to its status and may apply again', async () => {
    const { data: created } = await post('/api/refunds', application());
    const rejected = await post(`/__review/${created.id}/reject`);
    expect(rejected.data).toMatchObject({ status: 'rejected', statusText: '审核不通过' });
    expect(rejected.data.note).toBeTruthy();
    expect((await get(`/api/orders/${SEED.orders.shippedDiscounted}`)).data.statusText).toBe('已发货');
    expect((await post('/api/refunds', application())).status).toBe(201);
  });

  it('fails after approval', async () => {
    const { data: created } = await post('/api/refunds', application());
    expect((await post(`/__review/${created.id}/fail`)).status).toBe(409); // still reviewing
    await post(`/__review/${created.id}/approve`);
    const failed = await post(`/__review/${created.id}/fail`);
    expect(failed.data).toMatchObject({ status: 'failed', statusText: '退款失败' });
    expect((await get(`/api/refunds/${created.id}`)).data.status).toBe('failed');
  });

  it('refuses review steps out of order and unknown ids', async () => {
    expect((await post(`/__review/${SEED.refunds.refunded}/approve`)).status).toBe(409);
    expect((await post(`/__review/${SEED.refunds.reviewing}/refund`)).status).toBe(409);
    expect((await post('/__review/19999999999999/approve')).status).toBe(404);
    expect((await post(`/__review/${SEED.refunds.reviewing}/explode`)).status).toBe(404);
  });

  it('cancels an unshipped order but not a shipped one', async () => {
    expect((await post(`/api/orders/${SEED.orders.unshipped}/cancel`)).data.statusText).toBe('已关闭');
    expect((await post(`/api/orders/${SEED.orders.shipped}/cancel`)).status).toBe(409);
  });

  it('restores the seed on /__reset and keeps after-sale ids unique', async () => {
    const first = (await post('/api/refunds', application())).data.id;
    await post(`/__review/${SEED.refunds.reviewing}/approve`);
    expect((await post('/__reset')).data).toEqual({ ok: true });
    expect((await get(`/api/refunds/${first}`)).status).toBe(404);
    expect((await get(`/api/refunds/${SEED.refunds.reviewing}`)).data.status).toBe('reviewing');
    expect((await get(`/api/orders/${SEED.orders.shippedDiscounted}`)).data.status).toBe('shipped');
    const second = (await post('/api/refunds', application())).data.id;
    expect(second).not.toBe(first);
  });
});
