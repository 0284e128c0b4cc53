// @vitest-environment happy-dom
// The core on a page: it mounts <refund-helper> with an open shadow root on a served page, follows
// navigation in and out, reads on time (at once until the page shows its order, then debounced),
// re-renders only on change, and stop() cleans up.
import { describe, expect, it, vi } from 'vitest';
import { createHost } from '../../lib/content/host';
import { $, ORDER, w, client, settle, go, descriptions, start, host, attr, refundFormPage, startHelper, useContentWorld } from './helpers/content';

useContentWorld();

describe('mounting', () => {
  it('mounts <refund-helper> with an open shadow root, styles inside it, on a served page', async () => {
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(
      descriptions([
        ['订单编号', ORDER],
        ['订单状态', '已发货'],
        ['实付款', '¥129.00'],
      ]),
    );
    await start();
    expect(host()).not.toBeNull();
    expect(host()!.shadowRoot).not.toBeNull(); // open
    expect(host()!.getAttribute('style')).toContain('all:initial');
    expect(host()!.shadowRoot!.querySelector('style')).not.toBeNull();
    // Of ours in the page's styles, only the room the page makes for the docked panel.
    const w = window.innerWidth < 1200 ? 280 : 320;
    expect([...document.head.querySelectorAll('style')].map((s) => s.textContent)).toEqual([
      `html{padding-right:${w}px!important}.ant-modal-wrap,.ant-modal-mask{right:${w}px!important}`,
    ]);
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-detail');
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('12900');
  });

  it('does nothing on a page it does not serve, and follows navigation in and out', async () => {
    go('/zone/shop/settings');
    document.body.append(descriptions([['订单编号', ORDER]]));
    await start();
    expect(host()).toBeNull();
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(document.createElement('div')); // the SPA renders
    await settle();
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-detail');
    go('/zone/shop/settings');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(host()).toBeNull();
  });

  it('stop() (extension reloaded) removes the panel, the chips and the listeners', async () => {
    const { submit, pageSubmits } = refundFormPage();
    await start();
    expect(host()).not.toBeNull();
    w.helper!.stop();
    expect(host()).toBeNull();
    submit.click();
    expect(pageSubmits).toHaveBeenCalledTimes(1); // no guard any more
  });
});

describe('docked beside the page', () => {
  // The page's own rule only (the modal layers' follow it, tested below).
  const room = () => [...document.head.querySelectorAll('style[data-refund-helper]')].map((s) => s.textContent!.replace(/\}.*$/, '}')).join('');
  const orderPage = () => {
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(descriptions([['订单编号', ORDER]]));
  };

  it('the page makes room for the panel, the rail when collapsed, on the side chosen; all remembered', async () => {
    orderPage();
    const saved: unknown[] = [];
    w.helper = startHelper({ client: client(), debounceMs: 0, saveLayout: (l) => saved.push(l) });
    await settle();
    const width = window.innerWidth < 1200 ? 280 : 320;
    expect(room()).toBe(`html{padding-right:${width}px!important}`);
    expect(attr('[data-rh="dock"]', 'data-value')).toBe('right');

    $('[data-rh="dock"]')!.click();
    expect(room()).toBe(`html{padding-left:${width}px!important}`);
    expect(attr('[data-rh="dock"]', 'data-value')).toBe('left');
    expect($('[data-rh="panel"]')!.className).toContain('left');

    $('[data-rh="collapse"]')!.click();
    expect(room()).toBe('html{padding-left:32px!important}');
    expect(attr('[data-rh="panel"]', 'data-collapsed')).toBe('true');
    expect(saved.at(-1)).toEqual({ side: 'left', collapsed: true });

    // The resize handle: arrow keys move the inner edge (docked left, → widens).
    $('[data-rh="collapse"]')!.click();
    $('.grip')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(room()).toBe(`html{padding-left:${width + 16}px!important}`);
    expect(saved.at(-1)).toEqual({ side: 'left', collapsed: false, width: width + 16 });
  });

  it('the page makes room with a padding on <html>; content that cannot fit gets its width, so it scrolls sideways', () => {
    const h = createHost(document, '');
    const rule = () => document.querySelector('style[data-refund-helper]')!.textContent;
    h.dock('right', 320, 0);
    expect(rule()).toBe('html{padding-right:320px!important}');
    h.dock('left', 280.4, 1015);
    expect(rule()).toBe('html{padding-left:280px!important;box-sizing:border-box!important;min-width:1295px}');
    h.remove();
    // A modal's mask and wrap end at the panel: the modal centres in the page's room, its mask leaves the panel usable.
    const m = createHost(document, '', '.ant-modal-wrap,.ant-modal-mask');
    m.dock('right', 300, 0);
    expect(rule()).toBe('html{padding-right:300px!important}.ant-modal-wrap,.ant-modal-mask{right:300px!important}');
    m.remove();
    expect(document.querySelector('style[data-refund-helper], refund-helper')).toBeNull();
  });

  it('a remembered layout is the first one shown; leaving the served routes gives the page its width back', async () => {
    orderPage();
    w.helper = startHelper({ client: client(), debounceMs: 0, loadLayout: async () => ({ side: 'left', collapsed: false, width: 300 }) });
    await settle();
    expect(room()).toBe('html{padding-left:300px!important}');
    go('/zone/shop/settings');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(host()).toBeNull();
    expect(room()).toBe('');
  });
});

describe('keyboard commands', () => {
  it('toggle-panel collapses and opens the panel; fill-form fills the form, elsewhere says where it works', async () => {
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(descriptions([['订单编号', ORDER]]));
    await start();
    w.helper!.command('toggle-panel');
    expect(attr('[data-rh="panel"]', 'data-collapsed')).toBe('true');
    w.helper!.command('toggle-panel');
    expect(attr('[data-rh="panel"]', 'data-collapsed')).toBe('false');
    w.helper!.command('fill-form');
    await settle();
    expect($('.notice')!.textContent).toContain('申请退款页');
  });
});

describe('reading on time', () => {
  const startSlow = async (c = client()) => {
    // A debounce no test waits for: whatever is read, is read without it.
    w.helper = startHelper({ client: c, debounceMs: 60_000 });
    await settle();
    return c;
  };

  it('the page showing its order after a navigation is read at once; later changes wait for the debounce', async () => {
    go(`/zone/order/detail?id=${ORDER}`);
    await startSlow();
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-detail');
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBeNull(); // the bare ?id= waits for the page
    document.body.append(document.createElement('div')); // the app's loading state: nothing to read yet
    await settle();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBeNull();
    const page = descriptions([
      ['订单编号', ORDER],
      ['订单状态', '已发货'],
      ['实付款', '¥129.00'],
    ]);
    document.body.append(page);
    await settle();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBe(ORDER);
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('12900');
    // Shown: the next change is debounced (60 s here), but read all the same when it comes due.
    page.querySelectorAll('.ant-descriptions-item-content')[2].textContent = '¥99.00';
    await settle();
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('12900');
    w.helper!.read();
    await settle();
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('9900');
  });

  it('while a new page renders, nothing is said missing: the panel shows the order once the page does', async () => {
    go(`/zone/order/detail?id=${ORDER}`);
    w.helper = startHelper({ client: client(), debounceMs: 0, holdMs: 60_000 });
    await settle();
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-detail');
    // Every form the panel ever shows for a missing field, from now on.
    const flashed: string[] = [];
    const mo = new MutationObserver((records) => {
      for (const r of records)
        for (const n of Array.from(r.addedNodes))
          if (n instanceof Element) flashed.push(...Array.from(n.querySelectorAll('[data-rh-missing]'), (f) => f.getAttribute('data-rh-missing')!));
    });
    mo.observe(host()!.shadowRoot!, { childList: true, subtree: true });
    expect($('[data-rh-missing]')).toBeNull();
    document.body.append(document.createElement('div')); // the app's loading state
    await settle();
    expect($('[data-rh-missing]')).toBeNull();
    document.body.append(
      descriptions([
        ['订单编号', ORDER],
        ['订单状态', '已发货'],
      ]),
    );
    await settle();
    mo.disconnect();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBe(ORDER);
    // What the page shows without (a shipped order's 实付, tracking number, courier): said once
    // the page shows its order, and only that; never the order or its status the page was still rendering.
    expect($('[data-rh-missing="paidAmount"]')).not.toBeNull();
    expect(flashed).toEqual(['paidAmount', 'trackingNo', 'courier']);
  });

  it('a page that never shows its order: what it lacks is said after the hold', async () => {
    go(`/zone/order/detail?id=${ORDER}`);
    const error = document.createElement('p');
    error.textContent = '订单不存在';
    document.body.append(error);
    w.helper = startHelper({ client: client(), debounceMs: 0, holdMs: 50 });
    await vi.waitFor(() => expect($('[data-rh-missing="orderId"]')).toBeTruthy());
    expect($('[data-rh-missing="status"]')).toBeTruthy();
  });

  it('after a navigation the old page is not read as the new one; the new page is read as soon as it renders', async () => {
    const OTHER = '2411080099999999';
    go(`/zone/order/detail?id=${ORDER}`);
    const old = descriptions([
      ['订单编号', ORDER],
      ['订单状态', '已发货'],
      ['实付款', '¥129.00'],
    ]);
    document.body.append(old);
    await startSlow();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBe(ORDER);
    go(`/zone/order/detail?id=${OTHER}`);
    window.dispatchEvent(new PopStateEvent('popstate')); // the router's navigation, before it renders
    await settle();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBeNull(); // not the old page's number
    old.remove();
    document.body.append(
      descriptions([
        ['订单编号', OTHER],
        ['订单状态', '待发货'],
        ['实付款', '¥59.00'],
      ]),
    );
    await settle();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBe(OTHER);
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('5900');
  });

  it('a page change that does not change what is read does not re-render the panel', async () => {
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(
      descriptions([
        ['订单编号', ORDER],
        ['订单状态', '已发货'],
        ['实付款', '¥129.00'],
      ]),
    );
    await start();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBe(ORDER);
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((r) => records.push(...r));
    mo.observe(host()!.shadowRoot!, { childList: true, subtree: true, attributes: true, characterData: true });
    const banner = document.createElement('p');
    banner.textContent = '公告';
    document.body.append(banner);
    await settle();
    w.helper!.read();
    await settle();
    mo.disconnect();
    expect(records).toEqual([]);
  });
});
