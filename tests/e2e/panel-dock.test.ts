// The docked panel never covers the page: on every page kind, at 1280×900 and 1024×768, docked
// right (the default) and left, no visible button, link, input or description value of the page
// lies under the expanded panel; collapsing and the chosen side are remembered across pages.
import type { Page } from 'puppeteer';
import { expect, it } from 'vitest';
import { clickInPanel, forEachBrowser, SEED, waitInPanel } from './harness';
import { COMMAND_MESSAGE } from '../../lib/commands';
import { applyFor, extensionPage, waitPanelAttr } from './flow-helpers';

const PAGES: Array<[string, string]> = [
  ['order-list', '/zone/order/list'],
  ['order-detail', `/zone/order/detail?id=${SEED.orders.unshipped}`],
  ['order-detail', `/zone/order/detail?id=${SEED.orders.withRejectedRefund}`],
  ['refund-form', `/zone/refund/apply?orderId=${SEED.orders.shippedDiscounted}`],
  ['refund-list', '/zone/refund/list'],
  ['refund-detail', `/zone/refund/detail?id=${SEED.refunds.rejected}`],
  ['refund-detail', `/zone/refund/detail?id=${SEED.refunds.approved}`],
];

/**
 * The page's controls and values that lie under the panel, described: whatever their vertical
 * position (the panel is full height), unless the page shows them above it (its own pop-ups).
 * Content wider than the narrowed page scrolls sideways, as in a narrower window: it is checked
 * scrolled away from the panel's side (docked right: scrolled fully right). The demo's review
 * simulator is not the back office's.
 */
function covered(page: Page, side: 'left' | 'right'): Promise<string[]> {
  return page.evaluate((side) => {
    scrollTo(side === 'right' ? document.documentElement.scrollWidth : 0, scrollY);
    const host = document.querySelector('refund-helper');
    const panel = host?.shadowRoot?.querySelector('[data-rh="panel"]');
    if (!panel) return ['no panel'];
    const p = panel.getBoundingClientRect();
    const sel = 'button, a[href], input, textarea, select, [role="button"], .ant-select, .ant-descriptions-item-content, td';
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      if (el.closest('refund-helper, [data-demo="review-strip"]')) continue;
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      // Horizontally under the panel (any height: the panel spans the window's).
      if (r.right <= p.left + 1 || r.left >= p.right - 1) continue;
      // On screen now, a page element drawn above the panel is not covered.
      const x = (Math.max(r.left, p.left) + Math.min(r.right, p.right)) / 2;
      const y = r.top + r.height / 2;
      if (y >= 0 && y < innerHeight && el.contains(document.elementFromPoint(x, y))) continue;
      out.push(
        `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 20)}” at ${Math.round(r.left)}–${Math.round(r.right)} (panel ${Math.round(p.left)}–${Math.round(p.right)})`,
      );
    }
    return out;
  }, side);
}

forEachBrowser((b) => {
  for (const [width, height] of [
    [1280, 900],
    [1024, 768],
  ] as const) {
    it(`at ${width}×${height}, docked right then left, the panel covers nothing of the page on every page kind`, async () => {
      const page = await b.newPage();
      await page.setViewport({ width, height });
      for (const side of ['right', 'left'] as const) {
        for (const [kind, path] of PAGES) {
          await page.goto(b.url(path), { waitUntil: 'load' });
          const p = await b.panel(page, { kind: kind as 'order-list' });
          await b.settle(page);
          if ((await p.element.evaluate((n) => n.getAttribute('data-collapsed'))) === 'true') await p.click('[data-rh="collapse"]');
          if ((await (await p.$('[data-rh="dock"]'))!.evaluate((n) => n.getAttribute('data-value'))) !== side) await p.click('[data-rh="dock"]');
          await waitPanelAttr(page, '[data-rh="dock"]', 'data-value', side);
          expect({ side, path, covered: await covered(page, side) }).toEqual({ side, path, covered: [] });
        }
      }
      // Back as the other tests expect it: docked right.
      await clickInPanel(page, '[data-rh="dock"]');
      await waitPanelAttr(page, '[data-rh="dock"]', 'data-value', 'right');
      await page.close();
    });
  }

  it('the case first: its status and countdown (relative, the exact time on hover), also on the collapsed rail', async () => {
    const orderId = SEED.orders.delivered;
    await applyFor(b, orderId, 'refund-only', 'not-as-described');
    const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
    const p = await b.panel(page, { kind: 'order-detail' });
    await b.waitForField(page, 'caseStatus', 'reviewing');
    const countdown = () =>
      page.$eval('refund-helper', (h) => {
        const el = h.shadowRoot!.querySelector('[data-rh="countdown"]') as HTMLElement;
        return { due: Number(el.dataset.due), text: el.textContent, title: el.title, shown: el.checkVisibility() };
      });
    const open = await countdown();
    // Reviewing: the review reminder, in hours from now (the default rule: 48 h after the submit).
    expect(open.due).toBeGreaterThan(Date.now());
    expect(open.text).toMatch(/^\d+ (小时|天)后提醒跟进审核$|^Review reminder in \d+ (h|d)$/);
    expect(open.title).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(open.shown).toBe(true);
    await p.click('[data-rh="collapse"]');
    await waitPanelAttr(page, '[data-rh="panel"]', 'data-collapsed', 'true');
    const rail = await countdown();
    expect(rail).toEqual({ ...open, shown: true });
    expect(await page.$eval('refund-helper', (h) => h.shadowRoot!.querySelector('.expand .dot')!.className)).toBe('dot info');
    await p.click('[data-rh="collapse"]');
    await waitPanelAttr(page, '[data-rh="panel"]', 'data-collapsed', 'false');
    await b.closePages();
  });

  it('the keyboard commands reach the panel of the tab: collapse, open, and fill elsewhere than the form says where it works', async () => {
    const page = await b.openBackOffice(`/zone/order/detail?id=${SEED.orders.shipped}`);
    await b.panel(page, { kind: 'order-detail' });
    await waitPanelAttr(page, '[data-rh="panel"]', 'data-collapsed', 'false');
    // What the background does on a key press (lib/commands.ts), from an extension page: the
    // key press itself cannot be synthesised in a browser under test.
    const ext = await extensionPage(b);
    const command = (name: string) =>
      ext.evaluate(
        async (type, name, url) => {
          type Tabs = { query(q: { url: string }): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
          const g = globalThis as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } };
          const tabs = (g.browser ?? g.chrome)!.tabs;
          const tab = (await tabs.query({ url: '*://s.kwaixiaodian.com/*' })).find((t) => t.url === url)!;
          await tabs.sendMessage(tab.id!, { type, command: name });
        },
        COMMAND_MESSAGE,
        name,
        page.url(),
      );
    await command('toggle-panel');
    await waitPanelAttr(page, '[data-rh="panel"]', 'data-collapsed', 'true');
    await command('toggle-panel');
    await waitPanelAttr(page, '[data-rh="panel"]', 'data-collapsed', 'false');
    await command('fill-form');
    await waitInPanel(page, '.notice');
    await ext.close();
    await b.closePages();
  });

  it('collapsed to a rail that keeps the page free; side and collapse are remembered on the next page', async () => {
    const page = await b.openBackOffice(`/zone/order/detail?id=${SEED.orders.unshipped}`);
    const p = await b.panel(page, { kind: 'order-detail' });
    await waitInPanel(page, '[data-rh="dock"]');
    if ((await (await p.$('[data-rh="dock"]'))!.evaluate((n) => n.getAttribute('data-value'))) === 'left') await p.click('[data-rh="dock"]');
    await waitPanelAttr(page, '[data-rh="dock"]', 'data-value', 'right');
    await p.click('[data-rh="dock"]');
    await waitPanelAttr(page, '[data-rh="dock"]', 'data-value', 'left');
    const before = await page.evaluate(() => document.querySelector('.ant-layout')!.getBoundingClientRect().left);
    expect(before).toBeGreaterThanOrEqual(260); // the page starts right of the panel
    await p.click('[data-rh="collapse"]');
    await waitPanelAttr(page, '[data-rh="panel"]', 'data-collapsed', 'true');
    await page.waitForFunction(() => document.querySelector('.ant-layout')!.getBoundingClientRect().left === 32);

    const next = await b.openBackOffice(`/zone/order/detail?id=${SEED.orders.shipped}`);
    await b.panel(next, { kind: 'order-detail' });
    await waitPanelAttr(next, '[data-rh="panel"]', 'data-collapsed', 'true');
    await next.waitForFunction(() => document.querySelector('.ant-layout')!.getBoundingClientRect().left === 32);
    await clickInPanel(next, '[data-rh="collapse"]');
    await waitPanelAttr(next, '[data-rh="dock"]', 'data-value', 'left');
    // Back as it was for the other tests: docked right, open.
    await clickInPanel(next, '[data-rh="dock"]');
    await waitPanelAttr(next, '[data-rh="dock"]', 'data-value', 'right');
    await b.closePages();
  });
});
