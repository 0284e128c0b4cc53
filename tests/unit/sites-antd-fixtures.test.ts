// @vitest-environment happy-dom
// The page reader on real Ant Design DOM: the rendered HTML of the demo back office's React pages
// (antd 5) and its Ant Design 3 page, captured by `npm run site:fixtures` (tests/unit/fixtures/antd).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kuaishou } from '../../lib/sites/kuaishou';
import { KUAISHOU_TEXTS as T } from '../../lib/sites/texts';
import { SEED } from '../merchant-site/seed';

const NOW = 1_764_000_000_000;

/** A fixture as a document, and the URL it was captured at (its first line). */
function fixture(name: string): { doc: Document; url: URL } {
  const html = readFileSync(join(process.cwd(), 'tests/unit/fixtures/antd', `${name}.html`), 'utf8');
  const path = /^<!-- (\S+)/.exec(html)?.[1] ?? '/';
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.body.innerHTML = html;
  return { doc, url: new URL(`https://s.kwaixiaodian.com${path}`) };
}

describe('reading the antd 5 pages of the demo back office', () => {
  it('order detail: ids, status, the price breakdown and logistics', () => {
    const { doc, url } = fixture('order-detail-shipped-discounted');
    expect(kuaishou.pageKind(url, doc, T)).toBe('order-detail');
    const { snapshot } = kuaishou.readOrder(doc, T, url, NOW);
    expect(snapshot).toMatchObject({
      orderId: SEED.orders.shippedDiscounted,
      status: 'shipped',
      goodsTotal: 15900,
      discount: 3000,
      shippingFee: 0,
      paidAmount: 12900,
      trackingNo: '78812345678901',
      courier: '中通快递',
    });
    expect(snapshot.missing).toEqual([]);
  });

  it('order detail with a discount under a label the defaults do not know: 实付 still read, the discount not', () => {
    const { doc, url } = fixture('order-detail-coupon-label');
    const { snapshot } = kuaishou.readOrder(doc, T, url, NOW);
    expect(snapshot.paidAmount).toBe(24400);
    expect(snapshot.goodsTotal).toBe(25900);
    expect(snapshot.discount).toBeUndefined();
  });

  it('refund form (antd 5 Form): the page kind and the draft the merchant has so far', () => {
    const { doc, url } = fixture('refund-apply');
    expect(kuaishou.pageKind(url, doc, T)).toBe('refund-form');
    const form = kuaishou.readForm(doc, T);
    expect(form).toMatchObject({ amountFen: 24900, uploads: 0 });
    expect(form.reasonText).toBeUndefined();
    expect(form.refundType).toBeUndefined();
  });

  it('refund form (Ant Design 3): the same facts from the older class names', () => {
    const { doc, url } = fixture('refund-apply-antd3');
    expect(doc.querySelector('.ant-select-selection')).not.toBeNull();
    expect(kuaishou.pageKind(url, doc, T)).toBe('refund-form');
    const form = kuaishou.readForm(doc, T);
    expect(form).toMatchObject({ amountFen: 24900, uploads: 0 });
    expect(form.reasonText).toBeUndefined();
  });

  it('refund list (antd 5 Table): every row with its after-sale id, order id, status and amount', () => {
    const { doc } = fixture('refund-list');
    const rows = kuaishou.readRefundList(doc, T);
    expect(rows.length).toBe(11);
    expect(rows.find((r) => r.afterSaleId === SEED.refunds.approved)).toMatchObject({
      orderId: SEED.orders.refundingApproved,
      status: 'approved',
      statusText: '审核通过',
    });
  });

  it("refund list: the platform's other wordings (退款关闭, 平台介入中) and each row's 申请时间", () => {
    const rows = kuaishou.readRefundList(fixture('refund-list').doc, T);
    expect(rows.find((r) => r.afterSaleId === SEED.variants.refunds.closed)).toMatchObject({ statusText: '退款关闭', status: 'closed' });
    expect(rows.find((r) => r.afterSaleId === SEED.variants.refunds.intervening)).toMatchObject({ statusText: '平台介入中', status: 'escalated' });
    expect(rows.find((r) => r.afterSaleId === SEED.variants.refunds.firstRejected)?.appliedAt).toBe(Date.parse('2024-11-19T08:12:44+08:00'));
    // Every row of the demo's list has a status the defaults know, and an application time.
    expect(rows.filter((r) => !r.status || r.appliedAt === undefined)).toEqual([]);
  });

  it.each([
    ['refund-detail-closed', 'closed'],
    ['refund-detail-intervening', 'escalated'],
    ['refund-detail-rejected', 'rejected'],
  ])('%s: the status is %s', (name, status) => {
    const { doc, url } = fixture(name);
    expect(kuaishou.readOrder(doc, T, url, NOW).afterSaleStatus).toBe(status);
  });

  it("refund detail of a rejected application: the platform's comment and the application time", () => {
    const { doc, url } = fixture('refund-detail-rejected');
    const r = kuaishou.readOrder(doc, T, url, NOW);
    expect(r.snapshot.afterSaleId).toBe(SEED.variants.refunds.firstRejected);
    expect(r.comment).toBe('未提供商品照片，凭证不足，请补充后重新提交。');
    expect(r.appliedAt).toBe(Date.parse('2024-11-19T08:12:44+08:00'));
  });

  it('refund detail: the after-sale facts from hashed label/content pairs', () => {
    const { doc, url } = fixture('refund-detail-approved');
    expect(kuaishou.pageKind(url, doc, T)).toBe('refund-detail');
    const r = kuaishou.readOrder(doc, T, url, NOW);
    expect(r.snapshot).toMatchObject({ orderId: SEED.orders.refundingApproved, afterSaleId: SEED.refunds.approved, refundType: 'refund-only' });
    expect(r.afterSaleStatus).toBe('approved');
  });
});
