// The case list page (cases.html), in Chromium and Firefox: cases applied for through the panel
// appear as rows with their status and after-sale number; a search and a status filter narrow
// them; a bulk 停止跟踪 changes the popup's counts; the statistics count what was applied for; a
// search finds a case by its product title.
import type { Page } from 'puppeteer';
import { expect, it } from 'vitest';
import { forEachBrowser, SEED } from './harness';
import { applyFor, sendToBackground, visitRefundList } from './flow-helpers';

type Row = { order: string | null; status: string | null; afterSale: string | null };

async function rows(page: Page): Promise<Row[]> {
  return page.$$eval('[data-rh="case-table"] tbody tr[data-rh-case]', (trs) =>
    trs.map((tr) => ({ order: tr.getAttribute('data-rh-case'), status: tr.getAttribute('data-status'), afterSale: tr.getAttribute('data-after-sale') })),
  );
}

/** Waits until the table shows exactly these orders (any order of rows). */
async function waitRows(page: Page, orders: string[]): Promise<void> {
  await page.waitForFunction(
    (want: string[]) => {
      const got = [...document.querySelectorAll('[data-rh="case-table"] tbody tr[data-rh-case]')].map((tr) => tr.getAttribute('data-rh-case')).sort();
      return got.length === want.length && got.every((o, i) => o === [...want].sort()[i]);
    },
    { timeout: 30_000, polling: 100 },
    orders,
  );
}

const stat = (page: Page, name: string) => page.$eval(`[data-rh="stats"] [data-rh-stat="${name}"]`, (el) => el.getAttribute('data-value'));

forEachBrowser((b) => {
  it('lists the cases applied for through the panel; search, status filter, bulk stop tracking and statistics', async () => {
    const returned = SEED.orders.shipped;
    const refundOnly = SEED.orders.delivered;
    const returnedAfterSale = await applyFor(b, returned, 'return-refund', 'quality');
    const onlyAfterSale = await applyFor(b, refundOnly, 'refund-only', 'damaged');
    await b.review(onlyAfterSale, 'reject');
    await (await visitRefundList(b)).close();
    const amounts: number[] = [];
    for (const orderId of [returned, refundOnly]) {
      const c = (await sendToBackground<{ refundAmount?: number; status: string }>(b, 'getCase', { orderId })).data!;
      amounts.push(c.refundAmount ?? 0);
    }
    await expect
      .poll(async () => (await sendToBackground<{ status: string }>(b, 'getCase', { orderId: refundOnly })).data?.status, { timeout: 15_000 })
      .toBe('rejected');

    const page = await b.ext.openExtensionPage('cases.html', { waitFor: '[data-rh="shown-count"]' });
    await waitRows(page, [returned, refundOnly]);
    expect((await rows(page)).sort((x, y) => x.order!.localeCompare(y.order!))).toEqual(
      [
        { order: returned, status: 'reviewing', afterSale: returnedAfterSale },
        { order: refundOnly, status: 'rejected', afterSale: onlyAfterSale },
      ].sort((x, y) => x.order.localeCompare(y.order)),
    );

    // Search by after-sale number, then clear it.
    await page.type('[data-rh="case-search"]', onlyAfterSale);
    await waitRows(page, [refundOnly]);
    await page.$eval('[data-rh="case-search"]', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('[data-rh="case-search"]', ' ');
    await waitRows(page, [returned, refundOnly]);

    // A status filter.
    await page.click('[data-rh="status-filter"][data-value="rejected"]');
    await waitRows(page, [refundOnly]);
    await page.click('[data-rh="status-filter"][data-value=""]');
    await waitRows(page, [returned, refundOnly]);

    // The drawer shows the case's timeline.
    await page.click(`tr[data-rh-case="${refundOnly}"] [data-rh="open-case"]`);
    await page.waitForSelector(`[data-rh="case-drawer"] [data-rh-case="${refundOnly}"][data-status="rejected"] [data-rh="timeline"] li`);

    // Statistics: what was applied for.
    await page.click('[data-rh="tab-stats"]');
    await page.waitForSelector('[data-rh="stats"] [data-rh-stat="count"]');
    expect(await stat(page, 'count')).toBe('2');
    expect(await stat(page, 'amount')).toBe(String(amounts[0] + amounts[1]));
    expect(await stat(page, 'rejectionRate')).toBe('1');
    await page.click('[data-rh="tab-list"]');

    // Bulk: select the rejected case and stop tracking it; the popup no longer counts it.
    const before = await b.openPopup({ waitFor: '[data-rh="attention-count"]' });
    expect(await before.$eval('[data-rh="attention-count"]', (el) => el.getAttribute('data-value'))).toBe('1');
    await before.close();
    page.on('dialog', (d) => void d.accept());
    await page.waitForSelector(`tr[data-rh-case="${refundOnly}"] input[type="checkbox"]`);
    await page.click(`tr[data-rh-case="${refundOnly}"] input[type="checkbox"]`);
    await page.click('[data-rh="bulk-stop"]');
    await page.waitForSelector(`tr[data-rh-case="${refundOnly}"][data-status="closed"]`, { timeout: 30_000 });
    const after = await b.openPopup({ waitFor: '[data-rh="attention-count"]' });
    expect(await after.$eval('[data-rh="attention-count"]', (el) => el.getAttribute('data-value'))).toBe('0');
    expect(await after.$eval('[data-rh-count="closed"]', (el) => el.getAttribute('data-value'))).toBe('1');
    await after.close();
    await page.close();
  });

  it('a search finds a case by words of its product title', async () => {
    const orderId = SEED.orders.completed;
    const r = await sendToBackground(b, 'recordSubmit', {
      submitId: `e2e-title-${orderId}`,
      input: { orderId, refundType: 'refund-only', reasonId: 'quality', refundAmount: 32_900, productTitle: '春季新款 纯棉 T 恤 White Tee' },
    });
    expect(r.ok).toBe(true);
    const page = await b.ext.openExtensionPage('cases.html', { waitFor: '[data-rh="shown-count"]' });
    await page.type('[data-rh="case-search"]', '纯棉 T');
    await waitRows(page, [orderId]);
    await page.$eval('[data-rh="case-search"]', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('[data-rh="case-search"]', 'white tee');
    await waitRows(page, [orderId]);
    await page.type('[data-rh="case-search"]', ' 羊毛');
    await waitRows(page, []);
    await page.close();
  });
});
