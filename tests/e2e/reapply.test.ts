// A re-application after a rejection (issue 13 defect 1), in Chromium and Firefox, on the demo back
// office's variant order with two after-sales (the first 审核不通过, the second 待审核): the
// extension holds one case per application; reading the refund list moves each only by its own
// row, so each keeps its own after-sale number and status, and the order's panel shows the new one.
import type { Page } from 'puppeteer';
import { expect, it } from 'vitest';
import { REAPPLY_CASE_IDS, reapplyCases } from '../../scripts/demo-cases';
import { createCase } from '../../lib/cases/model';
import { defaultRules } from '../../lib/rules/defaults';
import { forEachBrowser, inPanel, SEED } from './harness';
import { afterSaleIdFromUrl, fillWithPanel, sendToBackground, submitForm, visitRefundList, waitPanelAttr } from './flow-helpers';

const ORDER = SEED.variants.orders.twoAfterSales;
const { firstRejected, second } = SEED.variants.refunds;

/** The case list's rows of the order, as `status afterSale` strings, sorted. */
async function rowsOf(page: Page): Promise<string[]> {
  return page.$$eval(`[data-rh="case-table"] tbody tr[data-rh-case="${ORDER}"]`, (trs) =>
    trs.map((tr) => `${tr.getAttribute('data-status')} ${tr.getAttribute('data-after-sale')}`).sort(),
  );
}

forEachBrowser(
  (b) => {
    it('two applications on one order: each case keeps its own after-sale number and status', async () => {
      // The first application still rejected (the merchant disputes it) while the second waits for review.
      const file = reapplyCases({ closeFirst: false });
      const imported = await sendToBackground<{ imported: number }>(b, 'importCases', { content: JSON.stringify(file) });
      expect(imported.ok).toBe(true);

      // Twice: the rows come in the page's order, then again (a second visit must change nothing).
      for (let visit = 0; visit < 2; visit++) await (await visitRefundList(b)).close();

      // The order's case is its newest application.
      const shown = (await sendToBackground<{ id: string; status: string; afterSaleId?: string }>(b, 'getCase', { orderId: ORDER })).data;
      expect(shown).toMatchObject({ id: REAPPLY_CASE_IDS.second, status: 'reviewing', afterSaleId: second });

      const page = await b.ext.openExtensionPage('cases.html', { waitFor: '[data-rh="shown-count"]' });
      await page.waitForFunction(
        (order: string) => document.querySelectorAll(`[data-rh="case-table"] tbody tr[data-rh-case="${order}"]`).length === 2,
        { timeout: 30_000, polling: 100 },
        ORDER,
      );
      expect(await rowsOf(page)).toEqual([`rejected ${firstRejected}`, `reviewing ${second}`].sort());
      await page.close();
    });

    it('after a rejection the form says why and what to add, and the new application is a case of its own', async () => {
      const orderId = SEED.orders.withRejectedRefund;
      const rejected = SEED.refunds.rejected;
      const first = createCase(
        { orderId, afterSaleId: rejected, refundType: 'refund-only', reasonId: 'quality', paidAmount: 100 },
        defaultRules(),
        Date.now() - 86_400_000,
        'panel',
        `e2e-${orderId}-1`,
      );
      expect((await sendToBackground(b, 'importCases', { content: JSON.stringify([first]) })).ok).toBe(true);

      // The after-sale's page shows it rejected, with the platform's comment.
      const detail = await b.openBackOffice(`/zone/refund/detail?id=${rejected}`);
      await b.waitForField(detail, 'caseStatus', 'rejected');
      await detail.close();

      const page = await b.openBackOffice(`/zone/refund/apply?orderId=${orderId}`);
      const p = await b.panel(page, { kind: 'refund-form' });
      const box = await page.waitForSelector(inPanel('[data-rh="reapply"]'), { timeout: 15_000 });
      expect(await box!.evaluate((n) => n.textContent)).toContain('凭证不足');
      expect(await page.$(inPanel('[data-rh="support-message"]'))).toBeNull();
      await fillWithPanel(page, p, 'refund-only', 'quality');
      await waitPanelAttr(page, '[data-rh="evidence"]', 'data-complete', 'true');
      await submitForm(page);
      const second = await afterSaleIdFromUrl(page);
      expect(second).not.toBe(rejected);
      await b.waitForField(page, 'caseStatus', 'reviewing');
      await page.close();

      const now = (await sendToBackground<{ id: string; status: string; afterSaleId?: string; previousCaseId?: string }>(b, 'getCase', { orderId })).data;
      expect(now).toMatchObject({ status: 'reviewing', afterSaleId: second, previousCaseId: first.id });
      const [old] = (await sendToBackground<Array<{ status: string; afterSaleId?: string; nextCaseId?: string }>>(b, 'casesById', { caseIds: [first.id] }))
        .data;
      expect(old).toMatchObject({ status: 'closed', afterSaleId: rejected, nextCaseId: now!.id });
    });
  },
  { site: { seed: { variants: true } }, title: 'reapply' },
);
