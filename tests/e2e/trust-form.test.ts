// The application form read and recorded as the page means it (issue 13, defects 3 and 5), on the
// demo back office in Chromium and Firefox:
// - the form in a modal over the order detail: its fields come from the form, not from the order's
//   outbound logistics row behind it, and the case carries what the merchant typed;
// - a case is recorded on the page's answer: a toast of its own style counts, a refused submit
//   followed by leaving the form does not.
import type { ElementHandle } from 'puppeteer';
import { expect, it } from 'vitest';
import { forEachBrowser, inPanel, SEED } from './harness';
import { clickPageButton, evidenceFile, fillWithPanel, sendToBackground, submitForm, waitNoModal, waitPanelAttr } from './flow-helpers';

type Case = { status: string; trackingNo?: string; courier?: string; afterSaleId?: string } | null;

forEachBrowser((b) => {
  const caseOf = async (orderId: string) => (await sendToBackground<Case>(b, 'getCase', { orderId })).data;

  it("the form in a modal: the return's tracking number is the form's, never the order's outbound one", async () => {
    const orderId = SEED.orders.shipped; // shipped with 顺丰速运 SF1234567890123
    const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}&apply=modal`);
    let p = await b.panel(page, { kind: 'order-detail' });
    await p.waitForField('trackingNo', 'SF1234567890123');
    await clickPageButton(page, '申请退款');
    await page.waitForSelector('.ant-modal #refundForm');
    p = await b.panel(page, { kind: 'refund-form' });
    await fillWithPanel(page, p, 'return-refund', 'changed-mind');
    await page.waitForSelector('.ant-modal #trackingNo');
    // The form's return fields are empty: the checklist says so, whatever the order page behind shows.
    await waitPanelAttr(page, '[data-rh-evidence="tracking-number"]', 'data-state', 'missing');
    await waitPanelAttr(page, '[data-rh-evidence="courier"]', 'data-state', 'missing');
    expect(await p.field('trackingNo')).toBeNull();

    await page.type('#trackingNo', 'YT1234567890123');
    await page.type('#courier', '圆通速递');
    await p.waitForField('trackingNo', 'YT1234567890123');
    await waitPanelAttr(page, '[data-rh-evidence="tracking-number"]', 'data-state', 'ok');
    const file = (await page.$('.ant-modal #evidence')) as ElementHandle<HTMLInputElement>;
    await file.uploadFile(evidenceFile());
    await p.click('[data-rh-evidence="purchase-proof"]');
    await waitPanelAttr(page, '[data-rh="evidence"]', 'data-complete', 'true');

    // The page accepts it: the modal closes, the order page shows the recorded case.
    await submitForm(page);
    await waitNoModal(page);
    p = await b.panel(page, { kind: 'order-detail' });
    await p.waitForField('caseStatus', 'reviewing');
    expect(await caseOf(orderId)).toMatchObject({ status: 'reviewing', trackingNo: 'YT1234567890123', courier: '圆通速递' });
    // The order's own logistics are still the order's.
    expect(await p.field('trackingNo')).toBe('SF1234567890123');
  });

  it('a page that acknowledges with a toast of its own style (no success class) and stays: the case is recorded', async () => {
    const orderId = SEED.orders.delivered2;
    const page = await b.openBackOffice(`/zone/refund/apply?orderId=${orderId}&ack=toast`);
    const p = await b.panel(page, { kind: 'refund-form' });
    await fillWithPanel(page, p, 'refund-only', 'changed-mind');
    await waitPanelAttr(page, '[data-rh="evidence"]', 'data-complete', 'true');
    await submitForm(page);
    await page.waitForFunction(() => [...document.querySelectorAll('.ant-message-notice')].some((n) => (n.textContent ?? '').includes('提交成功')), {
      timeout: 15_000,
      polling: 100,
    });
    expect(await page.$('.ant-message-success')).toBeNull();
    await p.waitForField('caseStatus', 'reviewing');
    expect(new URL(page.url()).pathname).toBe('/zone/refund/apply');
    expect((await caseOf(orderId))?.status).toBe('reviewing');
  });

  it('a submit the platform refuses (an error), then 返回订单: nothing is recorded', async () => {
    // An order with an open application on the platform: a second one is refused (409).
    const orderId = SEED.orders.refunding;
    const page = await b.openBackOffice(`/zone/refund/apply?orderId=${orderId}`);
    const p = await b.panel(page, { kind: 'refund-form' });
    await fillWithPanel(page, p, 'refund-only', 'changed-mind');
    await waitPanelAttr(page, '[data-rh="evidence"]', 'data-complete', 'true');
    await submitForm(page);
    await page.waitForSelector('#refundForm .ant-alert-error', { timeout: 15_000 });
    expect(await page.$(inPanel('[data-rh-field="caseStatus"]'))).toBeNull();
    await clickPageButton(page, '返回订单');
    await page.waitForFunction(() => location.pathname === '/zone/order/detail', { timeout: 15_000, polling: 100 });
    await b.panel(page, { kind: 'order-detail' });
    await b.settle(page);
    expect(await caseOf(orderId)).toBeNull();
  });
});
