// The demo back office as the real one is built: Ant Design 3 and 5 side by side, the page's own
// validation, a slow back end, the variant seed (several after-sales on one order, a discount
// under a label of its own). What the extension already handles there, in both browsers.
import { expect, it } from 'vitest';
import { forEachBrowser, inPanel, SEED } from './harness';
import { clickPageButton, fillWithPanel, sendToBackground, submitForm, afterSaleIdFromUrl } from './flow-helpers';

const V = SEED.variants;

forEachBrowser(
  (b) => {
    const caseOf = async (orderId: string) => (await sendToBackground<{ status: string } | null>(b, 'getCase', { orderId })).data;

    it('Ant Design 3 (?antd=3): one click fills the form, the page submits it and the case is recorded', async () => {
      const orderId = SEED.orders.delivered2;
      const page = await b.openBackOffice(`/zone/refund/apply?orderId=${orderId}&antd=3`);
      // The other generation of class names: .ant-select-selection, not .ant-select-selector.
      await page.waitForSelector('#refundForm .ant-select-selection');
      expect(await page.$('#refundForm .ant-select-selector')).toBeNull();
      const p = await b.panel(page, { kind: 'refund-form' });
      await p.waitForField('paidAmount', '7760');
      await fillWithPanel(page, p, 'refund-only', 'quality');
      const form = await page.evaluate(() => ({
        reason: document.querySelector('#refundForm .ant-select-selection-selected-value')?.textContent ?? null,
        amount: (document.querySelector('#amount') as HTMLInputElement | null)?.value ?? null,
        remark: (document.querySelector('#remark') as HTMLTextAreaElement | null)?.value ?? null,
      }));
      expect(form.reason).toBe('质量问题');
      expect(form.amount).toBe('77.60');
      expect(form.remark).toContain(orderId);
      await submitForm(page);
      // A full navigation (the antd 3 app is another app): read the id from the page itself, as
      // Firefox may report the previous URL to page.url() for a moment.
      await afterSaleIdFromUrl(page);
      const afterSaleId = await page.evaluate(() => new URLSearchParams(location.search).get('id'));
      expect(afterSaleId).toMatch(/^1\d{13}$/);
      const detail = await b.panel(page, { kind: 'refund-detail' });
      await detail.waitForField('caseStatus', 'reviewing');
      expect(await detail.field('afterSaleId')).toBe(afterSaleId);
    });

    it("the page's own validation keeps the form open (an amount above what was paid): no case is recorded", async () => {
      const orderId = SEED.orders.completed;
      const page = await b.openBackOffice(`/zone/refund/apply?orderId=${orderId}`);
      const p = await b.panel(page, { kind: 'refund-form' });
      await fillWithPanel(page, p, 'refund-only', 'quality');
      await page.click('#amount', { count: 3 });
      await page.type('#amount', '999');
      await submitForm(page);
      await page.waitForFunction(
        () => [...document.querySelectorAll('.ant-form-item-explain-error')].some((e) => (e.textContent ?? '').includes('不能超过实付款')),
        { timeout: 10_000, polling: 100 },
      );
      await b.settle(page);
      expect(new URL(page.url()).pathname).toBe('/zone/refund/apply');
      expect(await caseOf(orderId)).toBeNull();
    });

    it('a slow back end: the panel waits for the order detail to render and reads it right', async () => {
      b.site.setApiDelay(1500);
      try {
        const orderId = SEED.orders.shipped;
        const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
        const p = await b.panel(page, { kind: 'order-detail' });
        await p.waitForField('paidAmount', '24900');
        expect(await p.field('orderId')).toBe(orderId);
        expect(await p.field('trackingNo')).toBe('SF1234567890123');
      } finally {
        b.site.setApiDelay(0, 0);
      }
    });

    it('several after-sales on one order: the refund detail of the second one is read as its own', async () => {
      const page = await b.openBackOffice(`/zone/refund/detail?id=${V.refunds.second}`);
      const p = await b.panel(page, { kind: 'refund-detail' });
      await p.waitForField('afterSaleId', V.refunds.second);
      expect(await p.field('orderId')).toBe(V.orders.twoAfterSales);
    });

    it('the application in a modal over the order detail (?apply=modal)', async () => {
      const orderId = V.orders.couponLabel;
      const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}&apply=modal`);
      await b.panel(page, { kind: 'order-detail' });
      await clickPageButton(page, '申请退款');
      await page.waitForSelector('.ant-modal #refundForm');
      const p = await b.panel(page, { kind: 'refund-form' });
      await fillWithPanel(page, p, 'refund-only', 'quality');
      expect(await page.$eval(inPanel('[data-rh="panel"]'), (n) => n.getAttribute('data-page-kind'))).toBe('refund-form');
    });
  },
  { site: { seed: { variants: true } } },
);
