// The first e2e per browser: the content script serves the order detail page and leaves the
// pages it does not serve alone.
import { expect, it } from 'vitest';
import { forEachBrowser, panelKinds, SEED } from './harness';
import { applyFor, openCasesFromPanel } from './flow-helpers';

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
});
