// The back office's own data (the JSON its pages load), read passively: a main-world script sees
// the page's responses and hands on only the listed fields; the panel uses them where the DOM
// does not tell, and says so where the two disagree. In both browsers, on the production build.
import { expect, it } from 'vitest';
import { forEachBrowser, inPanel, SEED } from './harness';
import { sendToBackground } from './flow-helpers';
import { SiteStore } from '../merchant-site/store';
import { createCase } from '../../lib/cases/model';
import { defaultRules } from '../../lib/rules/defaults';
import { formatDateTime } from '../../lib/i18n';

const ORDER = SEED.orders.refundingApproved; // its application SEED.refunds.approved: 审核通过
const AFTER_SALE = SEED.refunds.approved;

forEachBrowser((b) => {
  const caseOf = async (orderId: string) =>
    (await sendToBackground<{ status: string; afterSaleId?: string; platformDueAt?: number } | null>(b, 'getCase', { orderId })).data;
  /** A case for a seeded application, known by its after-sale number (a row moves only its own case). */
  const track = async (orderId: string, afterSaleId: string) => {
    const c = createCase(
      { orderId, afterSaleId, refundType: 'refund-only', reasonId: 'quality', refundAmount: 12900, paidAmount: 12900 },
      defaultRules(),
      Date.now() - 3_600_000,
      'panel',
      `page-data-${afterSaleId}`,
    );
    expect((await sendToBackground(b, 'importCases', { content: JSON.stringify([c]) })).ok).toBe(true);
  };

  it("a refund list showing statuses as dots without words moves the tracked case from the page's own data, with the platform's deadline", async () => {
    await track(ORDER, AFTER_SALE);
    const page = await b.newPage();
    const listed = page.waitForResponse((r) => r.url().includes('/refund/list/pagination'));
    await page.goto(b.url('/zone/refund/list?statusView=icon'), { waitUntil: 'load' });
    const rows = ((await (await listed).json()) as { data: { resultList: { refundId: string; expireTime: number }[] } }).data.resultList;
    const expireTime = rows.find((r) => r.refundId === AFTER_SALE)!.expireTime;
    await page.waitForSelector(`tr[data-row-key="${AFTER_SALE}"] .ant-badge-status-dot`);
    // The row prints no status words: only the page's JSON says 审核通过 (status 40).
    expect(await page.$eval(`tr[data-row-key="${AFTER_SALE}"]`, (tr) => tr.textContent)).not.toMatch(/审核|退款中|退款成功/);
    await b.panel(page, { kind: 'refund-list' });
    await expect.poll(async () => (await caseOf(ORDER))?.status, { timeout: 15_000, interval: 200 }).toBe('approved');
    expect((await caseOf(ORDER))?.afterSaleId).toBe(AFTER_SALE);
    // expireTime, which no row prints, is the case's platform deadline, shown with the case.
    expect((await caseOf(ORDER))?.platformDueAt).toBe(expireTime);
    const detail = await b.openBackOffice(`/zone/refund/detail?id=${AFTER_SALE}`);
    await b.panel(detail, { kind: 'refund-detail' });
    await detail.waitForSelector(inPanel('[data-rh="case"]'));
    expect(await detail.$eval(inPanel('[data-rh="case"]'), (el) => el.textContent)).toMatch(
      new RegExp(`(平台处理时限|Platform deadline) ${formatDateTime(expireTime)}`),
    );
  });

  it("where the row's words and the page's data disagree, the words count and the panel says so", async () => {
    await track(SEED.orders.refunding, SEED.refunds.reviewing); // 待审核 (status 11)
    const page = await b.openBackOffice('/zone/refund/list');
    const row = `tr[data-row-key="${SEED.refunds.reviewing}"]`;
    await page.waitForSelector(`${row} .ant-badge-status-text`);
    await b.panel(page, { kind: 'refund-list' });
    // The row now prints 审核通过 while the page's data (status 11) says under review.
    // (kept so through the page's own re-renders)
    await page.$eval(`${row} .ant-badge-status-text`, (el) => {
      const print = () => el.textContent !== '审核通过' && (el.textContent = '审核通过');
      new MutationObserver(print).observe(el, { childList: true, characterData: true, subtree: true });
      print();
    });
    const noticeText = async () => (await page.$(inPanel('.notice')))?.evaluate((n) => n.textContent ?? '') ?? '';
    await expect
      .poll(async () => [await noticeText(), await page.$eval(row, (tr) => tr.textContent)], { timeout: 15_000, interval: 200 })
      .toEqual([expect.stringContaining(SEED.refunds.reviewing), expect.any(String)]);
    const text = await noticeText();
    expect(text).toMatch(/页面显示「审核通过」|shows "审核通过"/);
    expect(text).toMatch(/审核中|Under review/);
    await expect.poll(async () => (await caseOf(SEED.orders.refunding))?.status, { timeout: 15_000, interval: 200 }).toBe('approved');
  });

  it("an order page whose amounts are masked shows 实付 from the order query's answer, marked as page data", async () => {
    const page = await b.openBackOffice(`/zone/order/detail?id=${SEED.orders.shipped}&amounts=masked`);
    await page.waitForSelector('.total__Wc7e2');
    // What the merchant sees: no amount anywhere on the order (a sub-account without finance rights).
    expect(await page.$eval('.amounts__Hx92d', (el) => el.textContent)).not.toMatch(/¥\d/);
    const buyerPay = (new SiteStore().orderQuery({ oid: SEED.orders.shipped }) as { buyerPay: number }).buyerPay;
    await b.panel(page, { kind: 'order-detail' });
    await b.waitForField(page, 'paidAmount', String(buyerPay));
    const field = await page.$(inPanel('[data-rh-field="paidAmount"]'));
    expect(await field!.evaluate((f) => f.textContent)).toMatch(/（页面数据）|\(page data\)/);
  });

  it('no buyer name, phone or address crosses from the page’s world', async () => {
    const page = await b.newPage();
    await page.evaluateOnNewDocument(`(() => {
      window.__rhSeen = [];
      document.addEventListener('refund-helper:page-data', (e) => window.__rhSeen.push(e.detail));
    })();`);
    const handed = async (kind: string): Promise<string[]> => {
      await page.waitForFunction(
        (k: string) => (window as any).__rhSeen.some((d: string) => d.includes(`"kind":"${k}"`)),
        { timeout: 15_000, polling: 100 },
        kind,
      );
      return (await page.evaluate('window.__rhSeen')) as string[];
    };
    await page.goto(b.url(`/zone/order/detail?id=${SEED.orders.shipped}`));
    const seen = await handed('order'); // the order query's answer, which holds the buyer's (masked) data
    await page.goto(b.url('/zone/refund/list'));
    seen.push(...(await handed('refunds')));
    const order = new SiteStore().orderQuery({ oid: SEED.orders.shipped }) as { buyerInfo: { name: string; mobile: string; address: string } };
    for (const d of seen) {
      expect(d).not.toMatch(/buyer(?!Pay)|mobile|address|receiver|phone/i);
      for (const v of Object.values(order.buyerInfo)) expect(d).not.toContain(v);
    }
  });
});
