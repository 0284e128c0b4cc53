// @vitest-environment happy-dom
// What the refund pages tell the background about an after-sale (its status, the platform's comment,
// the application time) and what the panel says when the page shows a status the rules do not know.
import { describe, expect, it, vi } from 'vitest';
import { $, descriptions, go, ORDER, start, useContentWorld, w } from './helpers/content';

useContentWorld();

const AFTER_SALE = '12024111900011';
/** 2024-11-19 08:12:44 in China time. */
const APPLIED = Date.parse('2024-11-19T08:12:44+08:00');

function detailPage(status: string, extra: Array<[string, string]> = []) {
  go(`/zone/refund/detail?id=${AFTER_SALE}`);
  document.body.append(
    descriptions([
      ['订单编号', ORDER],
      ['售后单号', AFTER_SALE],
      ['退款金额', '¥129.00'],
      ['售后类型', '仅退款'],
      ['售后状态', status],
      ['申请时间', '2024-11-19 08:12:44'],
      ...extra,
    ]),
  );
}

function listPage(rows: Array<[string, string, string]>) {
  go('/zone/refund/list');
  const body = rows
    .map(([id, order, status]) => `<tr class="ant-table-row"><td>${id}</td><td>${order}</td><td>¥9.90</td><td>${status}</td><td>2024-11-13 10:00:00</td></tr>`)
    .join('');
  document.body.innerHTML = `<div class="ant-table"><table><thead class="ant-table-thead"><tr>
    <th>售后单号</th><th>订单编号</th><th>退款金额</th><th>售后状态</th><th>申请时间</th></tr></thead>
    <tbody class="ant-table-tbody">${body}</tbody></table></div>`;
}

const notice = () => $('[data-rh="unknown-status"]')?.textContent ?? null;

describe('refund detail', () => {
  it("reports the status with the platform's comment (without its label) and the application time", async () => {
    detailPage('审核不通过');
    const p = document.createElement('div');
    p.textContent = '平台意见：未提供商品照片，凭证不足，请补充后重新提交。';
    document.body.prepend(p);
    const c = await start();
    expect(c.reportPage).toHaveBeenCalledWith([
      { orderId: ORDER, afterSaleId: AFTER_SALE, status: 'rejected', comment: '未提供商品照片，凭证不足，请补充后重新提交。', appliedAt: APPLIED },
    ]);
    expect(notice()).toBeNull();
  });

  it.each([
    ['退款关闭', 'closed'],
    ['平台介入中', 'escalated'],
    ['退款中', 'confirmed'],
  ])('%s is reported as %s', async (text, status) => {
    detailPage(text);
    const c = await start();
    expect(c.reportPage).toHaveBeenCalledWith([expect.objectContaining({ afterSaleId: AFTER_SALE, status })]);
  });

  it('a status the rules do not know moves nothing, and the panel says which one', async () => {
    detailPage('神秘状态');
    const c = await start();
    expect(c.reportPage).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(notice()).toContain('页面状态「神秘状态」未识别，未更新退款记录'));
  });

  it('a status the merchant removed from the rules is unknown too', async () => {
    w.rules.sites.kuaishou.afterSaleStatusTexts.closed = ['售后关闭'];
    detailPage('退款关闭');
    const c = await start();
    expect(c.reportPage).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(notice()).toContain('「退款关闭」'));
  });
});

describe('refund list', () => {
  it('reports the known rows with their application time; names the unknown texts; moves nothing on them', async () => {
    listPage([
      ['12024111300014', '2411130056271839', '退款关闭'],
      ['12024111800013', '2411170084432165', '平台介入中'],
      ['12024111800099', '2411170084432199', '神秘状态'],
      ['12024111800098', '2411170084432198', '神秘状态'],
    ]);
    const c = await start();
    const at = Date.parse('2024-11-13T10:00:00+08:00');
    expect(c.reportPage).toHaveBeenCalledWith([
      { orderId: '2411130056271839', afterSaleId: '12024111300014', status: 'closed', appliedAt: at },
      { orderId: '2411170084432165', afterSaleId: '12024111800013', status: 'escalated', appliedAt: at },
    ]);
    await vi.waitFor(() => expect(notice()).toContain('页面状态「神秘状态」未识别'));
  });

  it('every status known: no notice', async () => {
    listPage([['12024111300014', '2411130056271839', '退款关闭']]);
    await start();
    await vi.waitFor(() => expect($('[data-rh="panel"]')).not.toBeNull());
    expect(notice()).toBeNull();
  });
});
