// The back office's own data (lib/sites/kuaishou/page-data.ts, codes.ts): which responses are
// read, what is kept of them, and what the codes mean.
import { describe, expect, it } from 'vitest';
import { endpointOf, pickPageData } from '../../lib/sites/kuaishou/page-data';
import { KUAISHOU_STATUS_CODES as K, refundTypeOfCode, statusOfCode } from '../../lib/sites/kuaishou/codes';
import { DEFAULT_RULES } from '../../lib/rules/defaults';
import { SiteStore } from '../merchant-site/store';
import { SEED } from '../merchant-site/seed';

describe('endpoints', () => {
  it('knows the list and the order query, with a version suffix, a query or an origin', () => {
    expect(endpointOf('/rest/pc/aftersales/schema/refund/list/pagination')).toBe('refunds');
    expect(endpointOf('https://s.kwaixiaodian.com/rest/pc/aftersales/schema/refund/list/pagination/v2?x=1')).toBe('refunds');
    expect(endpointOf('/rest/app/tts/ks/seller/order/query/v2')).toBe('order');
    expect(endpointOf('/rest/app/tts/ks/seller/order/query/v3?oid=1')).toBe('order');
    expect(endpointOf('/rest/app/tts/ks/seller/order/query')).toBe('order');
  });
  it('leaves every other request alone', () => {
    for (const url of [
      '/api/refunds',
      '/rest/pc/aftersales/schema/refund/list/paginationX',
      '/rest/app/tts/ks/seller/order/queryAll',
      '/static/app.js',
      '/rest/pc/user/info',
    ])
      expect(endpointOf(url), url).toBeUndefined();
  });
});

describe('what is kept of a response', () => {
  it('the demo back office’s refund list: every after-sale with only the listed fields', () => {
    const store = new SiteStore({ variants: true });
    const page = store.refundListPage({ pageNum: 1, pageSize: 100 });
    const picked = pickPageData('refunds', { result: 1, data: page });
    expect(picked?.kind).toBe('refunds');
    if (picked?.kind !== 'refunds') return;
    expect(picked.refunds).toHaveLength(page.resultList.length);
    const closed = picked.refunds.find((r) => r.refundId === SEED.variants.refunds.closed)!;
    expect(closed).toMatchObject({ orderId: SEED.variants.orders.closed, status: 70, negotiateStatus: 5 });
    expect(Object.keys(closed).sort()).toEqual(['createTime', 'expireTime', 'handlingWay', 'negotiateStatus', 'orderId', 'refundFee', 'refundId', 'status']);
  });

  it('the order query: 实付 in 分, and nothing of the buyer', () => {
    const store = new SiteStore();
    const data = store.orderQuery({ oid: SEED.orders.shipped });
    expect(JSON.stringify(data)).toMatch(/buyer/i); // the response has buyer fields …
    const picked = pickPageData('order', { result: 1, data });
    expect(picked).toEqual({
      kind: 'order',
      order: {
        oid: SEED.orders.shipped,
        itemTitle: (data as { itemList: { itemTitle: string }[] }).itemList[0].itemTitle,
        buyerPay: 24900,
        totalFee: expect.any(Number),
        discountFee: expect.any(Number),
      },
    });
    expect(JSON.stringify(picked)).not.toMatch(/buyer(Info|Name|Phone)|address|phone|name/i); // … none is kept
  });

  it('drops what is not of the right shape, and keeps no key it did not pick', () => {
    const picked = pickPageData('refunds', {
      result: 1,
      data: {
        resultList: [
          { refundId: '1201', orderId: '2401', status: 10, refundFee: 100, buyerName: '张三', receiverPhone: '13800000000', __proto__: { polluted: 1 } },
          { refundId: '<img src=x>', orderId: '2402', status: 10 },
          { refundId: '1203', orderId: '2403', status: -1, refundFee: 1.5, expireTime: 8.64e15 },
          null,
          'x',
        ],
      },
    });
    expect(picked).toEqual({
      kind: 'refunds',
      refunds: [
        { refundId: '1201', orderId: '2401', status: 10, refundFee: 100 },
        { refundId: '1203', orderId: '2403' },
      ],
    });
  });

  it('an error envelope, another shape, or another kind is nothing', () => {
    expect(pickPageData('refunds', { result: 109, error_msg: '登录过期' })).toBeUndefined();
    expect(pickPageData('refunds', { result: 1, data: { list: 'x' } })).toBeUndefined();
    expect(pickPageData('order', { result: 1, data: { oid: 'abc' } })).toBeUndefined();
    expect(pickPageData('users', { result: 1, data: { resultList: [] } })).toBeUndefined();
    expect(pickPageData('refunds', '{"result":1}')).toBeUndefined();
  });

  it('a time in seconds is taken as seconds', () => {
    const p = pickPageData('refunds', { resultList: [{ refundId: '1', orderId: '2', expireTime: 1_764_000_000 }] });
    expect(p?.kind === 'refunds' && p.refunds[0].expireTime).toBe(1_764_000_000_000);
  });
});

describe('codes', () => {
  it('status and negotiateStatus → the case status; unknown codes are unknown', () => {
    expect([10, 11, 20, 40, 50, 60].map((s) => statusOfCode(K, s))).toEqual(['reviewing', 'reviewing', 'escalated', 'approved', 'confirmed', 'refunded']);
    expect([3, 4, 5, 9].map((n) => statusOfCode(K, 70, n))).toEqual(['rejected', 'failed', 'closed', undefined]);
    expect(statusOfCode(K, 70)).toBeUndefined();
    expect(statusOfCode(K, 99)).toBeUndefined();
  });
  it('the demo back office’s codes for every status it plays mean that status', () => {
    const store = new SiteStore({ variants: true });
    const byId = new Map(store.refundListPage({ pageNum: 1, pageSize: 100 }).resultList.map((r: any) => [r.refundId, r]));
    const expectStatus = (id: string, s: string) => expect(statusOfCode(K, byId.get(id).status, byId.get(id).negotiateStatus), id).toBe(s);
    expectStatus(SEED.refunds.reviewing, 'reviewing');
    expectStatus(SEED.refunds.approved, 'approved');
    expectStatus(SEED.refunds.confirmed, 'confirmed');
    expectStatus(SEED.refunds.refunded, 'refunded');
    expectStatus(SEED.refunds.rejected, 'rejected');
    expectStatus(SEED.refunds.failed, 'failed');
    expectStatus(SEED.variants.refunds.closed, 'closed');
    expectStatus(SEED.variants.refunds.intervening, 'escalated');
  });
  it('the table is the merchant’s: a code the platform adds can be given a meaning in the rules, and a bad one is refused', async () => {
    const { parseRuleSet } = await import('../../lib/rules/schema');
    const rules = structuredClone(DEFAULT_RULES);
    rules.sites.kuaishou.afterSaleStatusCodes = { ...rules.sites.kuaishou.afterSaleStatusCodes, approved: ['30', '40', '45', '41'], rejected: ['70/3', '80'] };
    const parsed = parseRuleSet(JSON.stringify(rules));
    const codes = parsed.ok ? parsed.rules.sites.kuaishou.afterSaleStatusCodes : undefined;
    expect([statusOfCode(codes!, 41), statusOfCode(codes!, 80, 1), statusOfCode(codes!, 70, 3), statusOfCode(K, 41)]).toEqual([
      'approved',
      'rejected',
      'rejected',
      undefined,
    ]);
    // A rules file from before the table existed gets the defaults.
    delete (rules.sites.kuaishou as Partial<typeof rules.sites.kuaishou>).afterSaleStatusCodes;
    const old = parseRuleSet(JSON.stringify(rules));
    expect(old.ok && statusOfCode(old.rules.sites.kuaishou.afterSaleStatusCodes, 40)).toBe('approved');
    rules.sites.kuaishou.afterSaleStatusCodes = { approved: ['审核通过'] };
    expect(parseRuleSet(JSON.stringify(rules)).ok).toBe(false);
  });
  it('handlingWay → refund type', () => {
    expect([1, 10, 2].map(refundTypeOfCode)).toEqual(['return-refund', 'refund-only', undefined]);
  });
});

describe('the panel’s side: what arrives is validated again, and the DOM on screen counts', async () => {
  const { collectPageData, pageDataSeen, withPageData } = await import('../../lib/content/page-data');
  const { PAGE_DATA_EVENT } = await import('../../lib/sites/kuaishou/page-data');
  const doc = new EventTarget() as unknown as Document;
  collectPageData(doc);
  const seen = pageDataSeen();
  const send = (detail: unknown) => doc.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail }));
  const row = (afterSaleId: string, status?: 'reviewing' | 'approved', statusText = '') => ({
    afterSaleId,
    orderId: '2401',
    status,
    statusText,
    row: {} as Element,
  });

  it('keeps validated after-sales with the status their codes mean; a forged or odd detail changes nothing', () => {
    seen.refunds.clear();
    send(JSON.stringify({ kind: 'refunds', refunds: [{ refundId: '1201', orderId: '2401', status: 40, negotiateStatus: 2, buyerName: '张三' }] }));
    send({ kind: 'refunds', refunds: [{ refundId: '1202', orderId: '2402', status: 40 }] }); // not a string: ignored
    send('{not json');
    send(JSON.stringify({ kind: 'refunds', refunds: [{ refundId: 'x', orderId: '2403', status: 40 }] }));
    expect([...seen.refunds.values()]).toEqual([{ refundId: '1201', orderId: '2401', status: 40, negotiateStatus: 2 }]);
  });

  it('a row without status words takes the data’s; a row whose words disagree keeps them, and the disagreement is returned', () => {
    seen.refunds.clear();
    send(
      JSON.stringify({
        kind: 'refunds',
        refunds: [
          { refundId: '1201', orderId: '2401', status: 40, negotiateStatus: 2 },
          { refundId: '1202', orderId: '2401', status: 11 },
        ],
      }),
    );
    const { rows, conflicts } = withPageData([row('1201'), row('1202', 'approved', '审核通过'), row('1203')], seen, K);
    expect(rows.map((r) => r.status)).toEqual(['approved', 'approved', undefined]);
    expect(conflicts).toEqual([{ afterSaleId: '1202', shown: '审核通过', data: 'reviewing' }]);
  });

  it("each row of a known after-sale carries its expireTime as the merchant's deadline, whatever the row prints", () => {
    seen.refunds.clear();
    const due = Date.UTC(2026, 11, 3, 6, 0, 0);
    send(
      JSON.stringify({
        kind: 'refunds',
        refunds: [
          { refundId: '1201', orderId: '2401', status: 40, expireTime: due },
          { refundId: '1202', orderId: '2401', status: 11, expireTime: due / 1000 },
        ],
      }),
    );
    const { rows } = withPageData([row('1201'), row('1202', 'approved', '审核通过'), row('1203')], seen, K);
    expect(rows.map((r) => r.dueAt)).toEqual([due, due, undefined]);
  });

  it('data for another order under the same after-sale number is not used', () => {
    seen.refunds.clear();
    send(JSON.stringify({ kind: 'refunds', refunds: [{ refundId: '1201', orderId: '9999', status: 40, negotiateStatus: 2 }] }));
    expect(withPageData([row('1201')], seen, K).rows[0].status).toBeUndefined();
  });
});

describe('the order’s 实付 from the page’s own data', async () => {
  const { collectPageData, pageDataSeen, withPageOrder } = await import('../../lib/content/page-data');
  const { PAGE_DATA_EVENT } = await import('../../lib/sites/kuaishou/page-data');
  const doc = new EventTarget() as unknown as Document;
  collectPageData(doc);
  const seen = pageDataSeen();
  doc.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: JSON.stringify({ kind: 'order', order: { oid: '2401', buyerPay: 24400 } }) }));
  const read = (paidAmount?: number, computed = false) => ({
    snapshot: {
      orderId: '2401',
      paidAmount,
      missing: paidAmount === undefined ? [{ field: 'paidAmount' as const, reason: '无法读取' }] : [],
      readAt: 0,
    } as any,
    computed: computed ? [{ field: 'paidAmount' as const, reason: { 'zh-CN': '商品 − 优惠', en: 'goods − discount' } }] : [],
  });

  it('a page that does not print it gets it, marked as the page’s data, and no longer asks for it', () => {
    const r = withPageOrder(read(), seen);
    expect(r.read.snapshot.paidAmount).toBe(24400);
    expect(r.read.snapshot.missing).toEqual([]);
    expect(r.read.computed).toEqual([{ field: 'paidAmount', reason: expect.objectContaining({ en: expect.stringContaining('buyerPay') }), data: true }]);
    expect(r.conflict).toBeUndefined();
  });
  it('a computed amount yields to it, and the difference is said', () => {
    const r = withPageOrder(read(25900, true), seen);
    expect(r.read.snapshot.paidAmount).toBe(24400);
    expect(r.conflict).toEqual({ shown: 25900, data: 24400 });
  });
  it('a printed amount keeps counting; a different one is said', () => {
    expect(withPageOrder(read(24400), seen)).toEqual({ read: read(24400), conflict: undefined });
    const r = withPageOrder(read(16900), seen);
    expect(r.read.snapshot.paidAmount).toBe(16900);
    expect(r.conflict).toEqual({ shown: 16900, data: 24400 });
  });
  it('another order’s data is not used', () => {
    const other = read();
    other.snapshot.orderId = '2402';
    expect(withPageOrder(other, seen).read.snapshot.paidAmount).toBeUndefined();
  });
  it('the product’s title comes with the order (the first goods line), never a buyer’s data', () => {
    doc.dispatchEvent(
      new CustomEvent(PAGE_DATA_EVENT, {
        detail: JSON.stringify({
          kind: 'order',
          order: { oid: '2403', itemList: [{ itemTitle: '  纯棉 T恤\n白色 ', buyerName: '张三' }, { itemTitle: '袜子' }] },
        }),
      }),
    );
    const r = read();
    r.snapshot.orderId = '2403';
    expect(withPageOrder(r, seen).read.snapshot.items).toEqual([{ title: '纯棉 T恤 白色' }]);
    // As the main world hands it on (already picked), it is kept the same.
    doc.dispatchEvent(
      new CustomEvent(PAGE_DATA_EVENT, { detail: JSON.stringify(pickPageData('order', { oid: '2405', itemList: [{ itemTitle: '羊毛衫' }] })) }),
    );
    r.snapshot.orderId = '2405';
    expect(withPageOrder(r, seen).read.snapshot.items).toEqual([{ title: '羊毛衫' }]);
    r.snapshot.orderId = '2403';
    expect(JSON.stringify(seen.orders.get('2403'))).not.toContain('张三');
    // A title that is not text is no title.
    doc.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: JSON.stringify({ kind: 'order', order: { oid: '2404', itemList: [{ itemTitle: 42 }] } }) }));
    r.snapshot.orderId = '2404';
    expect(withPageOrder(r, seen).read.snapshot.items).toBeUndefined();
  });
});
