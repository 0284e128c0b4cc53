// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PageKind } from '../../lib/order';
import { kuaishou, mapAfterSaleStatus, mapOrderStatus, mapRefundType, parseId, parsePageMoney } from '../../lib/sites/kuaishou';
import { parseChinaTime } from '../../lib/sites/kuaishou/values';
import { KUAISHOU_TEXTS } from '../../lib/sites/texts';
import { PART_KINDS } from '../../lib/panel-files';
import { listsSite, ordersSite } from '../../lib/sites/kuaishou/parts';
import { partOf } from '../../lib/sites/kuaishou/routes';
import { mountControlledForm } from './fixtures/controlled-form';

const T = KUAISHOU_TEXTS;
const NOW = 1_764_000_000_000;

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.body.innerHTML = html;
  return doc;
}

const url = (path: string) => new URL(`https://s.kwaixiaodian.com${path}`);

/** Ant Design descriptions, the way the order detail page prints its facts. */
function descriptions(pairs: Array<[string, string]>): string {
  const items = pairs
    .map(
      ([l, v]) => `<td class="ant-descriptions-item"><div class="ant-descriptions-item-container">
        <span class="ant-descriptions-item-label ant-descriptions-item-colon">${l}</span>
        <span class="ant-descriptions-item-content">${v}</span></div></td>`,
    )
    .join('');
  return `<div class="ant-descriptions"><table><tbody><tr class="ant-descriptions-row">${items}</tr></tbody></table></div>`;
}

const BUYER = [
  ['收货人', '张三'],
  ['联系电话', '13800138000'],
  ['收货地址', '浙江省杭州市西湖区文三路 100 号'],
] as Array<[string, string]>;

const GOODS_TABLE = `<div class="ant-table"><table><thead class="ant-table-thead"><tr>
  <th>商品</th><th>单价</th><th>数量</th><th>小计</th></tr></thead>
  <tbody class="ant-table-tbody">
  <tr class="ant-table-row"><td><div class="goods__x1"><img src="data:,"><span>纯棉T恤 白色 XL</span></div></td><td>¥59.00</td><td>x2</td><td>¥118.00</td></tr>
  <tr class="ant-table-row"><td>袜子</td><td>¥10.00</td><td>1</td><td>¥10.00</td></tr>
  </tbody></table></div>`;

function orderDetail(pairs: Array<[string, string]>, extra = ''): Document {
  return page(`<div class="ant-card"><div class="ant-card-body">${descriptions(pairs)}${descriptions(BUYER)}${GOODS_TABLE}${extra}</div></div>`);
}

describe('kuaishou.matches / pageKind', () => {
  it.each([
    ['https://s.kwaixiaodian.com/zone/order/list', true],
    ['https://s.kwaixiaodian.com/', true],
    ['https://kwaixiaodian.com/zone/order/list', false],
    ['https://s.kwaixiaodian.com.evil.example/zone/order/list', false],
    ['https://evil.example/?u=s.kwaixiaodian.com', false],
    ['ftp://s.kwaixiaodian.com/zone/order/list', false],
  ])('matches(%s) → %s', (href, expected) => {
    expect(kuaishou.matches(new URL(href))).toBe(expected);
  });

  const blank = page('<div>快手小店</div>');
  const withForm = page(`<form class="ant-form"><div class="ant-form-item"><div class="ant-row">
    <div class="ant-form-item-label"><label for="reason">退款原因</label></div>
    <div class="ant-form-item-control"><div class="ant-select"><div class="ant-select-selector"><input id="reason" readonly></div></div></div>
    </div></div><button type="button" class="ant-btn"><span>提交申请</span></button></form>`);
  const withOrder = page('<p>订单编号：2412345678</p>');
  const withAfterSale = page('<p>售后单号：AS2412345678</p>');
  const reasonShownNotAsked = page('<p>退款原因：质量问题</p><button>提交</button>');

  const PAGES = [
    ['/zone/order/list', blank, 'order-list'],
    ['/zone/order/list/', blank, 'order-list'],
    ['/zone/order/all/list', withOrder, 'order-list'],
    ['/zone/order/detail?oid=2412345678', blank, 'order-detail'],
    ['/zone/order/detail?oid=2412345678', withForm, 'refund-form'],
    ['/zone/order/detail-v2?oid=1', withOrder, 'order-detail'],
    ['/zone/order/info', blank, undefined],
    ['/zone/order/refund?oid=1', withForm, 'refund-form'],
    ['/zone/refund/apply?orderId=2412345678', blank, 'refund-form'],
    ['/zone/refund/list', blank, 'refund-list'],
    ['/zone/refund/list?status=10', withForm, 'refund-list'],
    ['/zone/refund/detail?refundId=AS1', blank, 'refund-detail'],
    ['/zone/refund/detail?refundId=AS1', withForm, 'refund-detail'],
    ['/zone/refund/info?id=1', withAfterSale, 'refund-detail'],
    ['/zone/refund/info?id=1', reasonShownNotAsked, undefined],
    ['/zone/refund/create', withForm, 'refund-form'],
    ['/zone/goods/list', withForm, undefined],
    ['/zone/home', withOrder, undefined],
  ] as Array<[string, Document, PageKind | undefined]>;

  it.each(PAGES)('pageKind(%s) → %s', (path, doc, expected) => {
    expect(kuaishou.pageKind(url(path), doc, T)).toBe(expected);
  });

  // The bootstrap has the route's part of the panel's runtime injected (routes.ts partOf): that part
  // serves whatever the page shows on that route, and sees it as the whole site module does.
  it.each(PAGES.filter(([, , kind]) => kind))('%s: the route part of the panel serves %s', (path, doc) => {
    const kind = kuaishou.pageKind(url(path), doc, T)!;
    const part = partOf(url(path))!;
    expect(PART_KINDS[part]).toContain(kind);
    expect((part === 'lists' ? listsSite : ordersSite).pageKind(url(path), doc, T)).toBe(kind);
  });

  it('is undefined on another host', () => {
    expect(kuaishou.pageKind(new URL('https://example.com/zone/order/list'), blank, T)).toBeUndefined();
  });
});

describe('status mapping', () => {
  it.each([
    ['待付款', 'unpaid'],
    ['待发货', 'unshipped'],
    ['已发货', 'shipped'],
    ['已发货（待收货）', 'shipped'],
    ['已签收', 'delivered'],
    ['交易成功', 'completed'],
    ['售后中', 'refunding'],
    ['退款成功', 'refunded'],
    ['交易关闭', 'closed'],
    ['神秘状态', undefined],
  ] as const)('order status %s → %s', (text, expected) => {
    expect(mapOrderStatus(text, T)).toBe(expected);
  });

  it.each([
    ['审核不通过', 'rejected'],
    ['审核通过', 'approved'],
    ['平台审核不通过', 'rejected'],
    ['审核通过，待确认退款', 'approved'],
    ['待确认退款', 'approved'],
    ['退款执行中', 'confirmed'],
    ['已确认退款', 'confirmed'],
    ['等待审核', 'reviewing'],
    ['退款成功', 'refunded'],
    ['退款失败', 'failed'],
    ['售后关闭', 'closed'],
    ['已拒绝', 'rejected'],
    ['神秘状态', undefined],
    // Two statuses in one text, equally long: better unknown than one of them.
    ['审核通过 退款失败', undefined],
  ] as const)('after-sale status %s → %s', (text, expected) => {
    expect(mapAfterSaleStatus(text, T)).toBe(expected);
  });

  // The platform's wordings (status codes 10–70 and their texts in the list, the detail and the
  // export), each onto the case status it means; a text containing a shorter one keeps its own meaning.
  it.each([
    // 10/11: the application waits for review.
    ['买家仅退款申请', 'reviewing'],
    ['买家退货退款申请', 'reviewing'],
    ['待审核', 'reviewing'],
    ['待商家处理', 'reviewing'],
    ['平台审核中', 'reviewing'],
    // 20–23: the platform's customer service has the after-sale.
    ['平台介入', 'escalated'],
    ['平台介入中', 'escalated'],
    ['平台介入-买家仅退款申请', 'escalated'],
    ['平台介入-买家退货退款申请', 'escalated'],
    ['平台介入-已确认退货退款', 'escalated'],
    // 30/40/45: agreed to, the refund has not run yet.
    ['商家同意', 'approved'],
    ['待买家退货', 'approved'],
    ['商品回寄信息待买家更新', 'approved'],
    ['买家已退货', 'approved'],
    ['买家已退货，待商家收货', 'approved'],
    ['待商家收货', 'approved'],
    ['商品回寄信息待卖家确认', 'approved'],
    ['卖家已经发货，等待买家确认收货', 'approved'],
    // 50: 退款中 is the list's word for 退款执行中, never a 退款 something else.
    ['退款中', 'confirmed'],
    ['退款执行中', 'confirmed'],
    // 60.
    ['已退款', 'refunded'],
    ['退款成功', 'refunded'],
    // 70 and its endings.
    ['商家拒绝', 'rejected'],
    ['商家驳回，等待买家修改', 'rejected'],
    ['审核未通过', 'rejected'],
    ['退款失败', 'failed'],
    ['退款关闭', 'closed'],
    ['售后关闭', 'closed'],
    ['已撤销', 'closed'],
    ['买家撤销', 'closed'],
    ['买家已撤销', 'closed'],
  ] as const)('platform wording %s → %s', (text, expected) => {
    expect(mapAfterSaleStatus(text, T)).toBe(expected);
  });

  it('no status text of the defaults is listed under two statuses, and each maps onto its own status', () => {
    const all = Object.entries(T.afterSaleStatusTexts).flatMap(([k, list]) => list.map((text) => [k, text] as const));
    expect(new Set(all.map(([, text]) => text)).size).toBe(all.length);
    for (const [k, text] of all) expect(mapAfterSaleStatus(text, T), text).toBe(k);
  });

  it.each([
    ['仅退款', 'refund-only'],
    ['退货退款', 'return-refund'],
    ['售后类型：退货退款', 'return-refund'],
    ['换货', undefined],
  ] as const)('refund type %s → %s', (text, expected) => {
    expect(mapRefundType(text, T)).toBe(expected);
  });
});

describe('parseId / parsePageMoney', () => {
  it.each([
    ['2412345678', '2412345678'],
    ['2412345678 复制', '2412345678'],
    ['2412345678复制', '2412345678'],
    ['\u200B24123\u200D45678\u202C', '2412345678'],
    ['#SF1234567890', 'SF1234567890'],
    ['<script>alert(1)</script>', undefined],
    ['abcdef', undefined],
    ['12', undefined],
    ['', undefined],
  ])('parseId(%j) → %s', (text, expected) => {
    expect(parseId(text)).toBe(expected);
  });

  it.each([
    ['¥12.00', 1200],
    ['¥1,299.00', 129900],
    ['-¥30.00', -3000],
    ['¥12.00 (含运费 ¥0.00)', undefined],
    ['¥12.00（已优惠）', 1200],
    ['共 2 件，合计 ¥118.00', 11800],
    ['abc', undefined],
    ['2412345678', 241234567800],
  ] as const)('parsePageMoney(%j) → %s', (text, expected) => {
    const r = parsePageMoney(text);
    expect(r.ok ? r.fen : undefined).toBe(expected);
  });
});

describe('readOrder: order detail', () => {
  const shipped: Array<[string, string]> = [
    ['订单编号', '2412345678901 <a>复制</a>'],
    ['订单状态', '已发货'],
    ['商品总价', '¥128.00'],
    ['店铺优惠', '-¥30.00'],
    ['运费', '¥8.00'],
    ['实付款', '¥106.00'],
    ['支付方式', '微信支付'],
    ['快递公司', '顺丰速运'],
    ['物流单号', 'SF1234567890'],
  ];

  it('reads every fact, discounts positive, and nothing missing (not the goods table: nothing shows it)', () => {
    const u = url('/zone/order/detail?oid=2412345678901');
    const r = kuaishou.readOrder(orderDetail(shipped), T, u, NOW);
    expect(r.snapshot).toEqual({
      orderId: '2412345678901',
      status: 'shipped',
      statusText: '已发货',
      goodsTotal: 12800,
      discount: 3000,
      shippingFee: 800,
      paidAmount: 10600,
      paymentMethod: '微信支付',
      courier: '顺丰速运',
      trackingNo: 'SF1234567890',
      url: u.href,
      readAt: NOW,
      missing: [],
    });
    expect(r.computed).toEqual([]);
  });

  it('never reads buyer name, phone or address', () => {
    const r = kuaishou.readOrder(orderDetail(shipped), T, url('/zone/order/detail'), NOW);
    const json = JSON.stringify(r.snapshot);
    for (const [, v] of BUYER) expect(json).not.toContain(v);
    expect(json).not.toContain('13800138000');
  });

  it('computes 实付 from goods − discount + shipping when it is not printed, and says so', () => {
    const pairs = shipped.filter(([l]) => l !== '实付款');
    const r = kuaishou.readOrder(orderDetail(pairs), T, url('/zone/order/detail'), NOW);
    expect(r.snapshot.paidAmount).toBe(12800 - 3000 + 800);
    expect(r.snapshot.missing).toEqual([]);
    expect(r.computed).toHaveLength(1);
    expect(r.computed[0].field).toBe('paidAmount');
    expect(r.computed[0].reason['zh-CN']).toContain('¥128.00');
    expect(r.computed[0].reason.en).toContain('computed');
  });

  it('does not compute 实付 when the discount is split over several labels', () => {
    const pairs: Array<[string, string]> = [...shipped.filter(([l]) => l !== '实付款'), ['平台优惠', '-¥5.00']];
    const r = kuaishou.readOrder(orderDetail(pairs), T, url('/zone/order/detail'), NOW);
    expect(r.snapshot.paidAmount).toBeUndefined();
    expect(r.snapshot.missing.map((m) => m.field)).toEqual(['paidAmount']);
    expect(r.snapshot.missing[0].reason).toContain('优惠');
  });

  it('does not compute 实付 when a part is missing', () => {
    const pairs = shipped.filter(([l]) => l !== '实付款' && l !== '运费');
    const r = kuaishou.readOrder(orderDetail(pairs), T, url('/zone/order/detail'), NOW);
    expect(r.snapshot.paidAmount).toBeUndefined();
    expect(r.snapshot.missing).toEqual([{ field: 'paidAmount', reason: '未找到「实付款 / 实付金额 / 买家实付」' }]);
  });

  it.each([
    ['abc', '实付款'],
    ['¥12.00 / ¥13.00', '实付款'],
    ['-¥12.00', '负数'],
    ['<img src=x onerror=alert(1)>', '实付款'],
  ])('an unparseable 实付款 %j is missing with a reason, never a wrong value', (value, inReason) => {
    const pairs = shipped.map(([l, v]) => [l, l === '实付款' ? value.replace(/</g, '&lt;') : v] as [string, string]);
    const r = kuaishou.readOrder(orderDetail(pairs), T, url('/zone/order/detail'), NOW);
    expect(r.snapshot.paidAmount).toBeUndefined();
    expect(r.snapshot.missing).toHaveLength(1);
    expect(r.snapshot.missing[0].field).toBe('paidAmount');
    expect(r.snapshot.missing[0].reason).toContain(inReason);
  });

  it('an unshipped order does not expect tracking; a shipped one reports it missing', () => {
    const noTracking = shipped.filter(([l]) => l !== '物流单号' && l !== '快递公司');
    const unshipped = noTracking.map(([l, v]) => [l, l === '订单状态' ? '待发货' : v] as [string, string]);
    const r1 = kuaishou.readOrder(orderDetail(unshipped), T, url('/zone/order/detail'), NOW);
    expect(r1.snapshot.status).toBe('unshipped');
    expect(r1.snapshot.missing).toEqual([]);

    const r2 = kuaishou.readOrder(orderDetail(noTracking), T, url('/zone/order/detail'), NOW);
    expect(r2.snapshot.missing).toEqual([
      { field: 'trackingNo', reason: '未找到「物流单号 / 运单号 / 快递单号」' },
      { field: 'courier', reason: '未找到「快递公司 / 物流公司」' },
    ]);
  });

  it('reports an unknown status text as missing, keeping the text', () => {
    const pairs = shipped.map(([l, v]) => [l, l === '订单状态' ? '神秘状态' : v] as [string, string]);
    const r = kuaishou.readOrder(orderDetail(pairs), T, url('/zone/order/detail'), NOW);
    expect(r.snapshot.status).toBeUndefined();
    expect(r.snapshot.statusText).toBe('神秘状态');
    expect(r.snapshot.missing.map((m) => m.field)).toEqual(['status']);
  });

  it('an empty page lists every expected field as missing and never throws', () => {
    const r = kuaishou.readOrder(page(''), T, url('/zone/order/detail'), NOW);
    expect(r.snapshot.missing.map((m) => m.field)).toEqual(['orderId', 'status', 'paidAmount']);
    expect(r.snapshot.missing[0].reason).toBe('未找到「订单编号 / 订单号」');
  });

  it('takes the order id from the URL when the page does not print it', () => {
    const r = kuaishou.readOrder(page('<p>实付款：¥1.00</p><p>订单状态：待发货</p>'), T, url('/zone/order/detail?oid=2412345678'), NOW);
    expect(r.snapshot.orderId).toBe('2412345678');
    expect(r.snapshot.missing).toEqual([]);
  });

  it('免运费 is 0', () => {
    const pairs = shipped.map(([l, v]) => [l, l === '运费' ? '免运费' : v] as [string, string]);
    expect(kuaishou.readOrder(orderDetail(pairs), T, url('/zone/order/detail'), NOW).snapshot.shippingFee).toBe(0);
  });
});

describe('readOrder: refund pages', () => {
  const hashed = (pairs: Array<[string, string]>) =>
    pairs.map(([l, v]) => `<div class="item__Kd83a"><div class="label__BFlU4">${l}</div><div class="content__Rf0s7">${v}</div></div>`).join('');

  it('reads the after-sale detail page (hashed label/content classes)', () => {
    const doc = page(
      hashed([
        ['订单编号', '2412345678901'],
        ['售后单号', '\u200BAS2412345678\u200B'],
        ['退款金额', '¥12.00'],
        ['售后类型', '仅退款'],
        ['售后状态', '审核不通过'],
        ['退款原因', '质量问题'],
      ]),
    );
    const r = kuaishou.readOrder(doc, T, url('/zone/refund/detail?refundId=AS2412345678'), NOW);
    expect(r.snapshot).toMatchObject({
      orderId: '2412345678901',
      afterSaleId: 'AS2412345678',
      refundAmount: 1200,
      refundType: 'refund-only',
      missing: [],
    });
    expect(r.afterSaleStatus).toBe('rejected');
    expect(r.afterSaleStatusText).toBe('审核不通过');
  });

  it('lists what a refund detail page lacks', () => {
    const r = kuaishou.readOrder(page(hashed([['订单编号', '2412345678901']])), T, url('/zone/refund/detail'), NOW);
    expect(r.snapshot.missing.map((m) => m.field)).toEqual(['afterSaleId', 'refundAmount', 'refundType']);
    expect(r.snapshot.missing[0].reason).toBe('未找到「售后单号 / 售后编号 / 退款编号 / 退款单号」');
    expect(r.afterSaleStatus).toBeUndefined();
  });

  it("on the refund form, the form's own inputs are not read as facts of the order", async () => {
    document.body.innerHTML = '<p>订单号：2412345678</p><p>实付款：¥99.00</p>';
    const form = mountControlledForm(document, 'ant', { refundType: 'return-refund', amount: '12.00', trackingNo: 'SF1234567890' });
    const r = kuaishou.readOrder(document, T, url('/zone/refund/apply'), NOW);
    expect(form.state.amount).toBe('12.00');
    expect(r.snapshot).toMatchObject({ orderId: '2412345678', paidAmount: 9900, missing: [] });
    expect(r.snapshot.refundAmount).toBeUndefined();
    expect(r.snapshot.trackingNo).toBeUndefined();
    expect(r.snapshot.refundType).toBeUndefined();
    expect(kuaishou.readForm(document, T)).toMatchObject({ amountFen: 1200, trackingNo: 'SF1234567890', refundType: 'return-refund' });
    document.body.innerHTML = '';
  });

  it('on the refund form, expects the order id and 实付 (not an after-sale id)', () => {
    const doc = page(`<p>订单号：2412345678</p><p>实付金额：¥99.00</p>`);
    const r = kuaishou.readOrder(doc, T, url('/zone/refund/apply?orderId=2412345678'), NOW);
    expect(r.snapshot).toMatchObject({ orderId: '2412345678', paidAmount: 9900, missing: [] });
  });
});

describe("refund detail: the platform's comment and the application time", () => {
  const hashed = (pairs: Array<[string, string]>) =>
    pairs.map(([l, v]) => `<div class="item__Kd83a"><span class="label__BFlU4">${l}</span><span class="content__Rf0s7">${v}</span></div>`).join('');
  const detailUrl = url('/zone/refund/detail?id=AS2412345678');
  const FACTS: Array<[string, string]> = [
    ['订单编号', '2412345678901'],
    ['售后单号', 'AS2412345678'],
    ['售后状态', '审核不通过'],
  ];

  it('reads 平台意见 printed under the status ("平台意见：…") without its label, and 申请时间 as China time', () => {
    const doc = page(`<div class="banner__x"><div>审核不通过</div><div style="color:#cf1322">平台意见：未提供商品照片，凭证不足。</div></div>
      ${hashed([...FACTS, ['申请时间', '2024-11-19 08:12:44']])}`);
    const r = kuaishou.readOrder(doc, T, detailUrl, NOW);
    expect(r.comment).toBe('未提供商品照片，凭证不足。');
    expect(r.appliedAt).toBe(Date.parse('2024-11-19T08:12:44+08:00'));
  });

  it('a comment longer than a label value (200 characters) is read whole, up to 500', () => {
    const long = '凭证不足，'.repeat(60); // 300 characters
    const r = kuaishou.readOrder(page(`<p>审核意见：${long}</p>${hashed(FACTS)}`), T, detailUrl, NOW);
    expect(r.comment).toBe(long.trim());
    const huge = '补'.repeat(900);
    expect(kuaishou.readOrder(page(hashed([...FACTS, ['驳回原因', huge]])), T, detailUrl, NOW).comment).toBe('补'.repeat(500));
  });

  it('two different comments on the page: none (never a pick); none printed: none', () => {
    const two = page(`<p>平台意见：凭证不足</p><p>平台意见：金额有误</p>${hashed(FACTS)}`);
    const r = kuaishou.readOrder(two, T, detailUrl, NOW);
    expect(r.comment).toBeUndefined();
    expect(r.conflicts?.map((c) => [c.field, c.values])).toEqual([['platformComment', ['凭证不足', '金额有误']]]);
    expect(kuaishou.readOrder(page(hashed(FACTS)), T, detailUrl, NOW).comment).toBeUndefined();
  });

  it("only on the page of one after-sale: an order page's 申请时间 may be another after-sale's", () => {
    const doc = page(
      hashed([
        ['订单编号', '2412345678901'],
        ['订单状态', '售后中'],
        ['实付款', '¥9.90'],
        ['申请时间', '2024-11-19 08:12:44'],
      ]),
    );
    expect(kuaishou.readOrder(doc, T, url('/zone/order/detail?id=2412345678901'), NOW).appliedAt).toBeUndefined();
  });

  it.each([
    ['2024-11-08 14:23:05', '2024-11-08T14:23:05+08:00'],
    ['2024/11/08 14:23', '2024-11-08T14:23:00+08:00'],
    ['2024.1.8 04:03:02', '2024-01-08T04:03:02+08:00'],
    ['2024年11月08日 14:23:05', '2024-11-08T14:23:05+08:00'],
    ['2024-11-08 00:05:00 超时', '2024-11-08T00:05:00+08:00'],
    ['2024-11-08', undefined],
    ['2024-02-30 10:00:00', undefined],
    ['2024-11-08 24:00:00', undefined],
    ['14:23:05', undefined],
    ['-', undefined],
  ])('parseChinaTime(%j) → %s', (text, iso) => {
    expect(parseChinaTime(text)).toBe(iso === undefined ? undefined : Date.parse(iso));
  });
});

describe("the application form under the platform's other labels", () => {
  it("申请类型, 申请原因, 申请金额, 问题描述, 图片凭证, 运单号, 物流公司 are read as the form's fields", () => {
    const item = (label: string, control: string) =>
      `<div class="ant-form-item"><div class="ant-form-item-label"><label>${label}</label></div><div class="ant-form-item-control">${control}</div></div>`;
    const doc = page(`<form>
      ${item('申请类型', '<label><input type="radio" name="t" value="1" checked>退货退款</label><label><input type="radio" name="t" value="10">仅退款</label>')}
      ${item('申请原因', '<div class="ant-select"><span class="ant-select-selection-item" title="质量问题">质量问题</span></div>')}
      ${item('申请金额', '<input value="12.00">')}
      ${item('问题描述', '<textarea>袖口开线</textarea>')}
      ${item('图片凭证', '<div class="ant-upload-list"><div class="ant-upload-list-item">a.png</div></div>')}
      ${item('运单号', '<input value="SF1234567890">')}
      ${item('物流公司', '<input value="顺丰速运">')}
      <button type="submit">提交申请</button></form>`);
    expect(kuaishou.readForm(doc, T)).toEqual({
      refundType: 'return-refund',
      reasonText: '质量问题',
      amountFen: 1200,
      remark: '袖口开线',
      uploads: 1,
      trackingNo: 'SF1234567890',
      courier: '顺丰速运',
    });
    expect(kuaishou.pageKind(url('/zone/refund/create'), doc, T)).toBe('refund-form');
  });

  it('one-click fill writes the remark into 问题描述', async () => {
    const doc = page(`<div class="ant-form-item"><div class="ant-form-item-label"><label>问题描述</label></div>
      <div class="ant-form-item-control"><textarea></textarea></div></div>`);
    const report = await kuaishou.fillForm(doc, T, { remark: '袖口开线，已拍照。' });
    expect(report).toEqual({ filled: ['remark'], failed: [] });
    expect(doc.querySelector('textarea')!.value).toBe('袖口开线，已拍照。');
  });
});

describe('readOrder: a field the page states twice, differently (never a wrong value silently)', () => {
  const REAL = '2411210037465821';
  const FAKE = '2400000000000009';
  const facts = (id: string, paid = '¥249.00'): Array<[string, string]> => [
    ['订单编号', id],
    ['订单状态', '已发货'],
    ['实付款', paid],
    ['快递公司', '顺丰速运'],
    ['物流单号', 'SF1234567890123'],
  ];
  const hashed = (pairs: Array<[string, string]>) =>
    pairs.map(([l, v]) => `<span class="label__BFlU4">${l}</span><span class="content__Rf0s7">${v}</span>`).join('');
  const detail = (id: string) => url(`/zone/order/detail?id=${id}`);
  const fieldsOf = (missing: Array<{ field: string }>) => missing.map((m) => m.field);

  it('two 订单编号 with different numbers: the order id is unreadable, both numbers are named (zh-CN and en)', () => {
    // A decoy item BEFORE the real one, as in tests/e2e/hardening-hostile.test.ts; no id in the URL.
    const doc = page(descriptions([['订单编号', FAKE], ...facts(REAL)]));
    const r = kuaishou.readOrder(doc, T, url('/zone/order/detail'), NOW);
    expect(r.snapshot.orderId).toBeUndefined();
    expect(fieldsOf(r.snapshot.missing)).toEqual(['orderId']);
    expect(r.snapshot.missing[0].reason).toBe(`页面上有 2 个不同的「订单编号」：${FAKE}、${REAL}`);
    expect(r.conflicts).toEqual([
      {
        field: 'orderId',
        values: [FAKE, REAL],
        reason: { 'zh-CN': `页面上有 2 个不同的「订单编号」：${FAKE}、${REAL}`, en: `The page shows 2 different "订单编号": ${FAKE}, ${REAL}` },
      },
    ]);
    // Everything else is still read.
    expect(r.snapshot).toMatchObject({ status: 'shipped', paidAmount: 24900, trackingNo: 'SF1234567890123' });
  });

  it('the URL id does not pick between two page numbers: still unreadable, the address is quoted too', () => {
    const doc = page(descriptions([['订单编号', FAKE], ...facts(REAL)]));
    const r = kuaishou.readOrder(doc, T, detail(REAL), NOW);
    expect(r.snapshot.orderId).toBeUndefined();
    expect(r.snapshot.missing[0]).toEqual({ field: 'orderId', reason: `页面上有 2 个不同的「订单编号」：${FAKE}、${REAL}；网址中的编号为 ${REAL}` });
    expect(r.conflicts?.[0].reason.en).toContain(`the address says ${REAL}`);
  });

  it('订单号 and 订单编号 are one number: different values across the synonyms conflict too', () => {
    const doc = page(`<p class="metaLine__Qm3Ls">订单号：${FAKE}</p>${descriptions(facts(REAL))}`);
    const r = kuaishou.readOrder(doc, T, url('/zone/order/detail'), NOW);
    expect(r.snapshot.orderId).toBeUndefined();
    expect(r.snapshot.missing[0].reason).toBe(`页面上有 2 个不同的「订单号 / 订单编号」：${FAKE}、${REAL}`);
  });

  it('identical duplicates are fine, however they are written (a 复制 button, the head line, the descriptions)', () => {
    const doc = page(`<p>订单号：${REAL}</p>${descriptions([['订单编号', `${REAL} <a>复制</a>`], ...facts(REAL)])}${hashed([['实付款', '249.00元']])}`);
    const r = kuaishou.readOrder(doc, T, detail(REAL), NOW);
    expect(r.snapshot).toMatchObject({ orderId: REAL, paidAmount: 24900, missing: [] });
    expect(r.conflicts).toBeUndefined();
  });

  it('a page number the URL contradicts is not read (order detail ?id=)', () => {
    const r = kuaishou.readOrder(page(descriptions(facts(FAKE))), T, detail(REAL), NOW);
    expect(r.snapshot.orderId).toBeUndefined();
    expect(r.snapshot.missing).toEqual([{ field: 'orderId', reason: `页面上的「订单编号」${FAKE} 与网址中的编号 ${REAL} 不一致` }]);
    expect(r.conflicts?.[0]).toMatchObject({ field: 'orderId', values: [FAKE] });
    expect(r.conflicts?.[0].reason.en).toBe(`The page's "订单编号" ${FAKE} differs from the number in the address, ${REAL}`);
  });

  it('the refund form: ?orderId= is cross-checked the same way', () => {
    const r = kuaishou.readOrder(page(`<p>订单号：${FAKE}</p><p>实付款：¥99.00</p>`), T, url(`/zone/refund/apply?orderId=${REAL}`), NOW);
    expect(r.snapshot.orderId).toBeUndefined();
    expect(fieldsOf(r.snapshot.missing)).toEqual(['orderId']);
  });

  it('the order detail route: a bare ?id= is the order number when the page shows the order without printing it', () => {
    const r = kuaishou.readOrder(page('<p>实付款：¥1.00</p><p>订单状态：待发货</p>'), T, detail(REAL), NOW);
    expect(r.snapshot.orderId).toBe(REAL);
    expect(r.snapshot.missing).toEqual([]);
  });

  it('… but not while the page has not rendered the order yet (the panel is not "read" before the page is)', () => {
    const r = kuaishou.readOrder(page('<div class="ant-spin">加载中</div>'), T, detail(REAL), NOW);
    expect(r.snapshot.orderId).toBeUndefined();
    expect(fieldsOf(r.snapshot.missing)).toEqual(['orderId', 'status', 'paidAmount']);
    // A named parameter (?oid=, ?orderId=) is taken at once, as before.
    expect(kuaishou.readOrder(page(''), T, url(`/zone/order/detail?oid=${REAL}`), NOW).snapshot.orderId).toBe(REAL);
  });

  it('the refund detail route: a bare ?id= is the after-sale number, cross-checked with 售后单号 (not with the order number)', () => {
    const doc = (asId: string) =>
      page(
        hashed([
          ['订单编号', REAL],
          ['售后单号', asId],
          ['退款金额', '¥12.00'],
          ['售后类型', '仅退款'],
          ['售后状态', '待审核'],
        ]),
      );
    const same = kuaishou.readOrder(doc('12024112000001'), T, url('/zone/refund/detail?id=12024112000001'), NOW);
    expect(same.snapshot).toMatchObject({ orderId: REAL, afterSaleId: '12024112000001', missing: [] });
    const other = kuaishou.readOrder(doc('12024112000099'), T, url('/zone/refund/detail?id=12024112000001'), NOW);
    expect(other.snapshot.afterSaleId).toBeUndefined();
    expect(other.snapshot.orderId).toBe(REAL);
    expect(other.snapshot.missing).toEqual([{ field: 'afterSaleId', reason: '页面上的「售后单号」12024112000099 与网址中的编号 12024112000001 不一致' }]);
    const absent = kuaishou.readOrder(
      page(
        hashed([
          ['订单编号', REAL],
          ['退款金额', '¥12.00'],
        ]),
      ),
      T,
      url('/zone/refund/detail?id=12024112000001'),
      NOW,
    );
    expect(absent.snapshot.afterSaleId).toBe('12024112000001');
  });

  it('two 实付款 with different amounts: unreadable (and not computed from the other figures)', () => {
    const doc = page(
      hashed([
        ['商品总价', '¥239.00'],
        ['优惠', '¥0.00'],
        ['运费', '¥10.00'],
        ['实付款', '¥1.00'],
        ['实付款', '¥249.00'],
      ]) + descriptions(facts(REAL).filter(([l]) => l !== '实付款')),
    );
    const r = kuaishou.readOrder(doc, T, detail(REAL), NOW);
    expect(r.snapshot.paidAmount).toBeUndefined();
    expect(r.computed).toEqual([]);
    expect(r.snapshot.missing).toEqual([{ field: 'paidAmount', reason: '页面上有 2 个不同的「实付款」：¥1.00、¥249.00' }]);
  });

  it('a hidden duplicate does not count; an empty one ("-") does not either', () => {
    const doc = page(
      `<div hidden>${descriptions([
        ['订单编号', FAKE],
        ['实付款', '¥1.00'],
      ])}</div>${descriptions([['实付款', '-']])}${descriptions(facts(REAL))}`,
    );
    const r = kuaishou.readOrder(doc, T, detail(REAL), NOW);
    expect(r.snapshot).toMatchObject({ orderId: REAL, paidAmount: 24900, missing: [] });
  });

  it('two status texts meaning the same status are one status; two different statuses are none', () => {
    const same = page(descriptions(facts(REAL)) + hashed([['订单状态', '待收货']]));
    expect(kuaishou.readOrder(same, T, detail(REAL), NOW).snapshot).toMatchObject({ status: 'shipped', statusText: '已发货', missing: [] });
    const different = page(descriptions(facts(REAL)) + hashed([['订单状态', '已关闭']]));
    const r = kuaishou.readOrder(different, T, detail(REAL), NOW);
    expect(r.snapshot.status).toBeUndefined();
    expect(r.snapshot.missing).toEqual([{ field: 'status', reason: '页面上有 2 个不同的「订单状态」：已发货、已关闭' }]);
  });

  it('two different after-sale statuses: no status is reported to the case store', () => {
    const doc = page(
      hashed([
        ['订单编号', REAL],
        ['售后单号', 'AS1'],
        ['售后状态', '待审核'],
        ['售后状态', '退款成功'],
      ]),
    );
    const r = kuaishou.readOrder(doc, T, url('/zone/refund/detail'), NOW);
    expect(r.afterSaleStatus).toBeUndefined();
    expect(r.afterSaleStatusText).toBeUndefined();
    expect(r.conflicts?.map((c) => [c.field, c.values])).toEqual([['afterSaleStatus', ['待审核', '退款成功']]]);
  });

  it('a conflict in a field the page kind does not expect is not listed missing, and its value is not shown', () => {
    // Unshipped: tracking is not expected; two tracking numbers are still not a value.
    const doc = page(descriptions([...facts(REAL).map(([l, v]) => [l, l === '订单状态' ? '待发货' : v] as [string, string]), ['物流单号', 'YT0000000001']]));
    const r = kuaishou.readOrder(doc, T, detail(REAL), NOW);
    expect(r.snapshot.trackingNo).toBeUndefined();
    expect(r.snapshot.missing).toEqual([]);
    expect(r.conflicts?.map((c) => c.field)).toEqual(['trackingNo']);
  });

  it('values quoted in a reason are bounded', () => {
    const long = 'x'.repeat(150);
    const r = kuaishou.readOrder(page(descriptions([['支付方式', long], ['支付方式', '微信支付'], ...facts(REAL)])), T, detail(REAL), NOW);
    expect(r.snapshot.paymentMethod).toBeUndefined();
    const reason = r.conflicts![0].reason['zh-CN'];
    expect(reason.length).toBeLessThan(120);
    expect(reason).toContain('x'.repeat(40) + '…');
  });
});

describe('readRefundList / readOrderList', () => {
  const STATUSES = ['待审核', '审核通过', '审核不通过', '退款成功', '退款失败', '售后关闭'];
  const EXPECTED = ['reviewing', 'approved', 'rejected', 'refunded', 'failed', 'closed'];

  function refundTable(n: number): Document {
    const rows: string[] = [];
    for (let i = 0; i < n; i++) {
      rows.push(`<tr class="ant-table-row" data-row-key="${i}">
        <td><a href="/zone/refund/detail?refundId=AS${100000 + i}">AS${100000 + i}</a></td>
        <td>${2400000000 + i}</td><td>¥${i}.50</td>
        <td><span class="ant-tag">${STATUSES[i % STATUSES.length]}</span></td><td><button>查看</button></td></tr>`);
    }
    return page(`<div class="ant-table"><div class="ant-table-header"><table><thead class="ant-table-thead"><tr>
      <th>售后单号</th><th>订单编号</th><th>退款金额</th><th>售后状态</th><th>操作</th></tr></thead></table></div>
      <div class="ant-table-body"><table><tbody class="ant-table-tbody">
      <tr aria-hidden="true" class="ant-table-measure-row"><td></td><td></td><td></td><td></td><td></td></tr>
      ${rows.join('')}</tbody></table></div></div>`);
  }

  it('reads a 1,000-row refund list', () => {
    const list = kuaishou.readRefundList(refundTable(1000), T);
    expect(list).toHaveLength(1000);
    for (const i of [0, 1, 2, 3, 4, 5, 999]) {
      expect(list[i]).toMatchObject({
        afterSaleId: `AS${100000 + i}`,
        orderId: String(2400000000 + i),
        refundAmount: i * 100 + 50,
        statusText: STATUSES[i % 6],
        status: EXPECTED[i % 6],
      });
      expect(list[i].row.getAttribute('data-row-key')).toBe(String(i));
    }
  });

  it('reads refund cards when the list is not a table', () => {
    const card = (id: string, order: string, status: string, amount: string) =>
      `<div class="card__9xk"><div class="head__1"><span>售后单号：${id}</span><span>订单号：${order}</span></div>
       <div class="body__2"><span class="ant-tag">${status}</span><div>退款金额：${amount}</div></div></div>`;
    const doc = page(`<div class="list__a">${card('AS1001', '2412345001', '审核不通过', '¥5.00')}${card('AS1002', '2412345002', '退款成功', '¥6.00')}</div>`);
    const list = kuaishou.readRefundList(doc, T);
    expect(list.map(({ row: _r, ...x }) => x)).toEqual([
      { afterSaleId: 'AS1001', orderId: '2412345001', status: 'rejected', statusText: '审核不通过', refundAmount: 500 },
      { afterSaleId: 'AS1002', orderId: '2412345002', status: 'refunded', statusText: '退款成功', refundAmount: 600 },
    ]);
  });

  it("reads 申请时间 as China time, and the platform's wordings (退款关闭, 平台介入中, 退款中)", () => {
    const doc =
      page(`<div class="ant-table"><table><thead class="ant-table-thead"><tr><th>售后单号</th><th>订单编号</th><th>售后状态</th><th>申请时间</th></tr></thead>
      <tbody class="ant-table-tbody">
        <tr class="ant-table-row"><td>AS1001</td><td>2412345001</td><td>退款关闭</td><td>2024-11-13 10:00:00</td></tr>
        <tr class="ant-table-row"><td>AS1002</td><td>2412345002</td><td>平台介入中</td><td>2024-11-18 09:30:00</td></tr>
        <tr class="ant-table-row"><td>AS1003</td><td>2412345003</td><td>退款中</td><td>-</td></tr>
      </tbody></table></div>`);
    expect(kuaishou.readRefundList(doc, T).map(({ row: _r, ...x }) => x)).toEqual([
      { afterSaleId: 'AS1001', orderId: '2412345001', status: 'closed', statusText: '退款关闭', appliedAt: Date.parse('2024-11-13T10:00:00+08:00') },
      { afterSaleId: 'AS1002', orderId: '2412345002', status: 'escalated', statusText: '平台介入中', appliedAt: Date.parse('2024-11-18T09:30:00+08:00') },
      { afterSaleId: 'AS1003', orderId: '2412345003', status: 'confirmed', statusText: '退款中' },
    ]);
  });

  it('an empty list page reads as no refunds', () => {
    expect(kuaishou.readRefundList(page('<div class="ant-empty">暂无数据</div>'), T)).toEqual([]);
  });

  it('reads an order list table', () => {
    const doc = page(`<div class="ant-table"><table><thead class="ant-table-thead"><tr><th>订单号</th><th>商品</th><th>订单状态</th></tr></thead>
      <tbody class="ant-table-tbody">
        <tr class="ant-table-row"><td>2412345001</td><td>T恤</td><td>待发货</td></tr>
        <tr class="ant-table-row"><td>2412345002</td><td>袜子</td><td>已发货</td></tr>
        <tr class="ant-table-row"><td>-</td><td>?</td><td>?</td></tr>
      </tbody></table></div>`);
    expect(kuaishou.readOrderList(doc, T).map(({ row: _r, ...x }) => x)).toEqual([
      { orderId: '2412345001', statusText: '待发货', status: 'unshipped' },
      { orderId: '2412345002', statusText: '已发货', status: 'shipped' },
    ]);
  });

  it('reads order cards (an order header line per order)', () => {
    const order = (id: string, status: string) =>
      `<div class="order__x"><div class="hd__y">订单编号：${id} <span>下单时间：2024-12-01</span></div>
       <table><tr><td>T恤</td><td>¥59.00</td><td><span>${status}</span></td></tr></table></div>`;
    const doc = page(`<div>${order('2412345001', '交易成功')}${order('2412345002', '待付款')}</div>`);
    expect(kuaishou.readOrderList(doc, T).map(({ row: _r, ...x }) => x)).toEqual([
      { orderId: '2412345001', statusText: '交易成功', status: 'completed' },
      { orderId: '2412345002', statusText: '待付款', status: 'unpaid' },
    ]);
  });
});

describe('findButton', () => {
  it.each([
    ['<button class="ant-btn"><span>提交申请</span></button>', ['提交申请'], '提交申请'],
    ['<button class="ant-btn"><span>提 交</span></button>', ['提交'], '提 交'],
    ['<button>提交</button><button>提交申请</button>', ['提交申请', '提交'], '提交申请'],
    ['<button disabled>确认退款</button>', ['确认退款'], undefined],
    ['<button style="display:none">确认退款</button><a class="ant-btn" role="button">确认退款</a>', ['确认退款'], '确认退款'],
    ['<button>确认退款并通知</button>', ['确认退款'], undefined],
    ['<input type="submit" value="提交申请">', ['提交申请'], ''],
  ])('%s', (html, texts, expected) => {
    const b = kuaishou.findButton(page(html), texts);
    if (expected === undefined) expect(b).toBeUndefined();
    else expect(b?.textContent).toBe(expected);
  });

  it('finds the submit button of the controlled form', () => {
    document.body.innerHTML = '';
    mountControlledForm(document, 'ant');
    expect(kuaishou.findButton(document, T.buttons.submit)?.nodeName).toBe('BUTTON');
    document.body.innerHTML = '';
  });
});
