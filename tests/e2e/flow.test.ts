// The whole refund flow (README: what it does) on a shipped, discounted order, in Chromium and Firefox:
// panel reads the order → return and refund with reason quality → fill the page's form →
// evidence incomplete: the submit is blocked (rules say block) → evidence provided → submit →
// case reviewing → platform approves → refund list → case approved, badge counts it →
// 确认退款 → confirmed → refunded → order locked.
import type { ElementHandle } from 'puppeteer';
import { afterAll, expect, it } from 'vitest';
import { forEachBrowser, inPanel, SEED } from './harness';
import { SiteStore } from '../merchant-site/store';
import {
  afterSaleIdFromUrl,
  badgeText,
  clickPageButton,
  waitNoModal,
  evidenceFile,
  fillWithPanel,
  pageForm,
  patchRules,
  resetRules,
  sendToBackground,
  submitForm,
  visitRefundList,
  waitPanelAttr,
} from './flow-helpers';

forEachBrowser((b) => {
  afterAll(() => resetRules(b).catch(() => {}));

  it('takes a shipped discounted order from the order page to refunded', async () => {
    const orderId = SEED.orders.shippedDiscounted;
    await patchRules(b, (r) => ({ ...r, submit: { onMissingEvidence: 'block' } }));

    // 2. Order detail: the panel reads the order; 实付 is the discounted price.
    const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
    let p = await b.panel(page, { kind: 'order-detail' });
    await p.waitForField('orderId', orderId);
    await p.waitForField('paidAmount', '12900');
    expect(await p.field('orderStatus')).toBe('shipped');
    expect(await p.field('trackingNo')).toBe('78812345678901');
    expect(await p.advice()).toBe('return-refund');

    // 3. 申请退款 (client-side navigation): the panel follows to the form.
    await clickPageButton(page, '申请退款');
    p = await b.panel(page, { kind: 'refund-form' });
    await p.waitForField('paidAmount', '12900');
    expect(await p.field('refundAmount')).toBe('12900');
    // Suggested reasons come first; the default type for a shipped order is return and refund.
    expect(await page.$eval(inPanel('[data-rh="refund-type"]'), (s) => (s as HTMLSelectElement).value)).toBe('return-refund');

    await fillWithPanel(page, p, 'return-refund', 'quality');
    const form = await pageForm(page);
    expect(form.refundType).toBe('return-refund');
    expect(form.reason).toBe('质量问题');
    expect(form.amount).toBe('129.00');
    expect(form.remark).toContain(orderId);
    expect(form.remark).toContain('质量问题');
    await p.waitForField('shippingPayer', 'seller');

    // 4. Evidence incomplete: the rules say block, so the page's submit does not happen.
    await waitPanelAttr(page, '[data-rh="evidence"]', 'data-complete', 'false');
    for (const id of ['purchase-proof', 'product-photos', 'tracking-number', 'courier']) {
      await waitPanelAttr(page, `[data-rh-evidence="${id}"]`, 'data-state', 'missing');
    }
    await submitForm(page);
    await waitPanelAttr(page, '[data-rh="submit-warning"]', 'data-mode', 'block');
    await submitForm(page); // blocked again, not just warned
    await new Promise((r) => setTimeout(r, 500));
    expect(new URL(page.url()).pathname).toBe('/zone/refund/apply');

    // Evidence: a photo, the return tracking number and courier, and the purchase proof ticked by hand.
    const file = (await page.$('#evidence')) as ElementHandle<HTMLInputElement>;
    await file.uploadFile(evidenceFile());
    await waitPanelAttr(page, '[data-rh-evidence="product-photos"]', 'data-state', 'ok');
    await page.type('#trackingNo', 'SF1300000000001');
    await waitPanelAttr(page, '[data-rh-evidence="tracking-number"]', 'data-state', 'ok');
    await page.type('#courier', '顺丰速运');
    await waitPanelAttr(page, '[data-rh-evidence="courier"]', 'data-state', 'ok');
    expect(await p.field('trackingNo')).toBe('SF1300000000001');
    await p.click('[data-rh-evidence="purchase-proof"]');
    await waitPanelAttr(page, '[data-rh-evidence="purchase-proof"]', 'data-state', 'ok');
    await waitPanelAttr(page, '[data-rh="evidence"]', 'data-complete', 'true');
    expect(await page.$(inPanel('[data-rh="submit-warning"]'))).toBeNull();

    // 5. Submit: the page accepts it and shows the new after-sale; the case is reviewing.
    await submitForm(page);
    const afterSaleId = await afterSaleIdFromUrl(page);
    p = await b.panel(page, { kind: 'refund-detail' });
    await p.waitForField('caseStatus', 'reviewing');
    // The case (found by the after-sale number in the address) can show before the page has
    // rendered its own details (seen on a loaded machine): wait for the page's facts.
    await p.waitForField('orderId', orderId);
    await p.waitForField('refundAmount', '12900');
    // The case keeps the product's title (from the order's own data), which the case list searches.
    const goods = (new SiteStore().orderQuery({ oid: orderId }) as { itemList: { itemTitle: string }[] }).itemList[0].itemTitle;
    expect((await sendToBackground<{ productTitle?: string } | null>(b, 'getCase', { orderId })).data?.productTitle).toBe(goods);

    // 6–7. The platform approves; the refund list shows it and the case follows.
    await b.review(afterSaleId, 'approve');
    const list = await visitRefundList(b);
    // The list alone moved the case (read it from the background before any other page shows it).
    await expect
      .poll(async () => (await sendToBackground<{ status: string } | null>(b, 'getCase', { orderId })).data?.status, { timeout: 10_000 })
      .toBe('approved');
    await list.close();
    const detail = await b.openBackOffice(`/zone/refund/detail?id=${afterSaleId}`);
    p = await b.panel(detail, { kind: 'refund-detail' });
    await p.waitForField('caseStatus', 'approved');
    expect(await p.advice()).toBe('confirm-refund');
    await expect.poll(async () => badgeText(b), { timeout: 10_000 }).toBe('1');

    // 8. 确认退款 in the page's modal: a cancelled modal does not confirm, 确定 does.
    await clickPageButton(detail, '确认退款');
    await clickPageButton(detail, '取消');
    await waitNoModal(detail);
    expect((await sendToBackground<{ status: string } | null>(b, 'getCase', { orderId })).data?.status).toBe('approved');
    expect(await p.field('caseStatus')).toBe('approved');
    await clickPageButton(detail, '确认退款');
    await clickPageButton(detail, '确定');
    await p.waitForField('caseStatus', 'confirmed');
    await expect.poll(async () => badgeText(b), { timeout: 10_000 }).toBe('');

    // 9. The money arrives: the page shows 退款成功, the case is refunded and the order final.
    await b.review(afterSaleId, 'refund');
    await detail.reload({ waitUntil: 'load' });
    p = await b.panel(detail, { kind: 'refund-detail' });
    await p.waitForField('caseStatus', 'refunded');
    const order = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
    p = await b.panel(order, { kind: 'order-detail' });
    await p.waitForField('caseStatus', 'refunded');
    await p.waitForField('orderStatus', 'refunded');
    expect(await p.advice()).toBe('locked');
    await expect.poll(async () => badgeText(b), { timeout: 10_000 }).toBe('');
  });
});
