// The demo back office as the real one is built: Ant Design 3 and 5 side by side, the page's own
// validation, a slow back end, the variant seed (several after-sales on one order, a discount
// under a label of its own). What the extension already handles there, in both browsers.
import { expect, it } from 'vitest';
import { forEachBrowser, inPanel, SEED } from './harness';
import { choose, clickPageButton, fillWithPanel, pageForm, patchRules, resetRules, sendToBackground, submitForm, afterSaleIdFromUrl } from './flow-helpers';

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

    it('a slow back end: 填入 pressed before the page shows its form fills the form once it is there', async () => {
      const orderId = SEED.orders.completed2;
      const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
      await (await b.panel(page, { kind: 'order-detail' })).waitForField('orderId', orderId);
      b.site.setApiDelay(5000);
      try {
        await clickPageButton(page, '申请退款');
        // The form's route, the order number from the address: the panel offers 填入 while the page still loads.
        const p = await b.panel(page, { kind: 'refund-form' });
        await p.waitForField('orderId', orderId);
        await choose(page, '[data-rh="refund-type"]', 'refund-only');
        await choose(page, '[data-rh="reason"]', 'quality');
        expect(await page.$('#refundForm')).toBeNull();
        await p.click('[data-rh="fill-form"]');
        await page.waitForFunction(() => (document.querySelector('input[name=refundType]:checked') as HTMLInputElement | null)?.value === 'refund-only', {
          timeout: 20_000,
          polling: 100,
        });
        await page.waitForFunction(() => !!(document.querySelector('#remark') as HTMLTextAreaElement | null)?.value, { timeout: 10_000, polling: 100 });
        const form = await pageForm(page);
        expect(form.reason).toBe('质量问题');
        expect(form.remark).toContain(orderId);
        expect(await page.$$eval(inPanel('[data-rh="fill-result"]'), (els) => els.map((e) => e.textContent))).not.toContainEqual(
          expect.stringContaining('未找到'),
        );
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

    /** A tracked application of the variant seed, as if submitted through the panel (its after-sale number known). */
    const track = async (orderId: string, afterSaleId: string) => {
      const input = { orderId, afterSaleId, refundType: 'refund-only', reasonId: 'quality' };
      const res = await sendToBackground(b, 'recordSubmit', { input, submitId: `e2e-words-${afterSaleId}` });
      expect(res.ok, JSON.stringify(res)).toBe(true);
      expect((await caseOf(orderId))?.status).toBe('reviewing');
    };
    const statusOf = async (orderId: string) => (await caseOf(orderId))?.status;

    it("the platform's words on the refund list: 退款关闭 closes a tracked case, 平台介入中 escalates one", async () => {
      await track(V.orders.closed, V.refunds.closed);
      await track(V.orders.intervening, V.refunds.intervening);
      const page = await b.openBackOffice('/zone/refund/list');
      await b.panel(page, { kind: 'refund-list' });
      await expect.poll(() => statusOf(V.orders.closed), { timeout: 15_000, interval: 200 }).toBe('closed');
      await expect.poll(() => statusOf(V.orders.intervening), { timeout: 15_000, interval: 200 }).toBe('escalated');
      // Every status on the demo's list is known: no notice.
      expect(await page.$(inPanel('[data-rh="unknown-status"]'))).toBeNull();
    });

    it('a status text the rules do not know: the panel names it', async () => {
      // The merchant's rules lack 退款关闭 (e.g. an older rule set edited by hand).
      await patchRules(b, (r) => {
        r.sites.kuaishou.afterSaleStatusTexts.closed = ['售后关闭'];
        return r;
      });
      try {
        // On the after-sale's page (on the refund list the row's status code in the page's own
        // data would tell what the words do not: tests/e2e/page-data.test.ts).
        const page = await b.openBackOffice(`/zone/refund/detail?id=${V.refunds.closed}`);
        await b.panel(page, { kind: 'refund-detail' });
        const notice = await page.waitForSelector(inPanel('[data-rh="unknown-status"]'), { timeout: 15_000 });
        // The page's own words, quoted in the panel's language (the test browsers run in English).
        expect(await notice!.evaluate((n) => n.textContent)).toMatch(
          /页面状态「退款关闭」未识别，未更新退款记录|status "退款关闭" is not recognised; no case was updated/,
        );
      } finally {
        await resetRules(b);
      }
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
