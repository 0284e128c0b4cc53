// The first e2e per browser: the content script serves the order detail page and leaves the
// pages it does not serve alone.
import { expect, it } from 'vitest';
import { forEachBrowser, panelKinds, SEED } from './harness';

forEachBrowser((b) => {
  it('shows the panel with the order id on an order detail page', async () => {
    const orderId = SEED.orders.shippedDiscounted;
    const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
    const p = await b.panel(page, { kind: 'order-detail' });
    expect(await p.pageKind()).toBe('order-detail');
    await p.waitForField('orderId', orderId);
    expect(await p.field('orderId')).toBe(orderId);
  });

  it('shows no panel on a page it does not serve', async () => {
    const page = await b.openBackOffice('/zone/shop/settings', { settle: true });
    expect(await page.$eval('h1, .ant-page-header-heading-title, body', (n) => n.textContent)).toContain('店铺设置');
    // The content script runs here too; after the page has settled, no panel may be shown.
    expect(await panelKinds(page)).toEqual([]);
  });
});
