// The first e2e per browser: the content script serves the order detail page and leaves the
// pages it does not serve alone; a client-side navigation from a list to an order's pages and back
// brings each its part of the panel's runtime.
import type { ElementHandle, Page } from 'puppeteer';
import { expect, it } from 'vitest';
import { forEachBrowser, panelKinds, SEED } from './harness';
import { afterSaleIdFromUrl, applyFor, clickPageButton, fillWithPanel, openCasesFromPanel, submitForm, waitPanelAttr } from './flow-helpers';

/** Clicks the page's link whose text is `text` (the page's router follows it without a reload). */
async function clickLink(page: Page, text: string, near?: string): Promise<void> {
  const link = await page.waitForFunction(
    (text: string, near: string | undefined) =>
      [...document.querySelectorAll('a')].find((a) => a.textContent?.trim() === text && (!near || a.closest('tr')?.textContent?.includes(near))) ?? null,
    { timeout: 15_000, polling: 100 },
    text,
    near,
  );
  // The order list is wider than the page beside the docked panel: its last column (查看详情)
  // lies beyond the page's width and the page scrolls sideways to it, as a merchant would.
  await page.evaluate(() => scrollTo(document.documentElement.scrollWidth, scrollY));
  await (link.asElement() as ElementHandle<Element>).click();
}

forEachBrowser((b) => {
  it('shows the panel with the order id on an order detail page', async () => {
    const orderId = SEED.orders.shippedDiscounted;
    const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
    const p = await b.panel(page, { kind: 'order-detail' });
    expect(await p.pageKind()).toBe('order-detail');
    await p.waitForField('orderId', orderId);
    expect(await p.field('orderId')).toBe(orderId);
  });

  it('opens the case list from the panel', async () => {
    const page = await b.openBackOffice(`/zone/order/detail?id=${SEED.orders.shipped}`);
    const list = await openCasesFromPanel(b, await b.panel(page, { kind: 'order-detail' }));
    expect(list.href).toMatch(/^(chrome|moz)-extension:\/\/[^/]+\/cases\.html$/);
    await list.page.close();
  });

  it('opens the case list on the case of the order the panel shows', async () => {
    const orderId = SEED.orders.delivered2;
    await applyFor(b, orderId, 'refund-only', 'damaged');
    const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
    const p = await b.panel(page, { kind: 'order-detail' });
    await b.waitForField(page, 'caseStatus', 'reviewing');
    const list = await openCasesFromPanel(b, p);
    await list.page.waitForSelector(`[data-rh="case-drawer"] [data-rh-case="${orderId}"][data-status="reviewing"]`);
    await list.page.close();
  });

  it('shows no panel on a page it does not serve', async () => {
    const page = await b.openBackOffice('/zone/shop/settings', { settle: true });
    expect(await page.$eval('h1, .ant-page-header-heading-title, body', (n) => n.textContent)).toContain('店铺设置');
    // The content script runs here too; after the page has settled, no panel may be shown.
    expect(await panelKinds(page)).toEqual([]);
  });

  it("follows the page's own navigation from the order list to an order, its form and back: each page gets its part's panel", async () => {
    const orderId = SEED.orders.delivered;
    const page = await b.openBackOffice('/zone/order/list');
    // A mark in the page's own world: still there at the end, so every step stayed in this document.
    await page.evaluate(() => ((window as { rhSameDocument?: boolean }).rhSameDocument = true));
    await b.panel(page, { kind: 'order-list' });

    await clickLink(page, '查看详情', orderId);
    const detail = await b.panel(page, { kind: 'order-detail' });
    await detail.waitForField('orderId', orderId);
    await clickPageButton(page, '申请退款');
    const form = await b.panel(page, { kind: 'refund-form' });
    await form.waitForField('orderId', orderId);
    await fillWithPanel(page, form, 'refund-only', 'damaged');
    await waitPanelAttr(page, '[data-rh="evidence"]', 'data-complete', 'true');
    // The submit's outcome is watched across the pages of one order: the new after-sale's page.
    await submitForm(page);
    await afterSaleIdFromUrl(page);
    await b.waitForField(page, 'caseStatus', 'reviewing');

    // Back to the list by the page's menu: the list's panel, and the new case's chip on its order.
    await clickLink(page, '订单管理');
    await b.panel(page, { kind: 'order-list' });
    await page.waitForSelector(`[data-rh-chip][data-order-id="${orderId}"][data-status="reviewing"]`, { timeout: 15_000 });
    // One panel: the order pages' runtime stopped when the list's started.
    expect(await panelKinds(page)).toEqual(['order-list']);
    expect(await page.$$eval('refund-helper', (hosts) => hosts.length)).toBe(1);
    expect(await page.evaluate(() => (window as { rhSameDocument?: boolean }).rhSameDocument)).toBe(true);
  });
});
