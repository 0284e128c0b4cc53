// @vitest-environment happy-dom
// The order-detail feature: a field the page does not show, typed by the merchant and checked.
import { describe, expect, it, vi } from 'vitest';
import { makeCase, T0 } from './helpers/cases';
import { ORDER, w, go, descriptions, start, startHelper, client, $, attr, useContentWorld } from './helpers/content';

useContentWorld();

/** An order detail page of a shipped order. */
const orderPage = () => {
  go(`/zone/order/detail?id=${ORDER}`);
  document.body.append(
    descriptions([
      ['订单编号', ORDER],
      ['订单状态', '已发货'],
    ]),
  );
};

describe('fields the page does not show', () => {
  it('the merchant types a missing amount; bad money is refused with the reason', async () => {
    orderPage();
    await start();
    const item = $('[data-rh-missing="paidAmount"]') as HTMLFormElement;
    expect(item).not.toBeNull();
    const input = item.querySelector('input')!;
    input.value = '12.345';
    item.dispatchEvent(new Event('submit', { cancelable: true }));
    expect($('[data-rh-missing="paidAmount"] [role="alert"]')!.textContent).toContain('两位');
    expect($('[data-rh-field="paidAmount"]')).toBeNull();
    input.value = '¥129.00';
    item.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('12900');
  });
});

describe("the order's own data", () => {
  it('an order page that prints no 实付 shows it from the order query’s answer, marked, once that answer comes', async () => {
    const { PAGE_DATA_EVENT } = await import('../../lib/sites/kuaishou/page-data');
    const { collectPageData } = await import('../../lib/content/page-data');
    collectPageData(document);
    orderPage();
    await start();
    expect($('[data-rh-missing="paidAmount"]')).not.toBeNull();
    document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: JSON.stringify({ kind: 'order', order: { oid: ORDER, buyerPay: 24400 } }) }));
    await vi.waitFor(() => expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('24400'));
    expect($('[data-rh-field="paidAmount"]')!.textContent).toContain('页面数据');
    expect($('[data-rh-missing="paidAmount"]')).toBeNull();
  });
});

describe('the case list from the panel', () => {
  it('opens the case list', async () => {
    orderPage();
    const c = await start();
    $('[data-rh="open-cases"]')!.click();
    expect(c.openCases).toHaveBeenCalledWith(undefined);
  });

  it('opens it on the order’s case when it has one', async () => {
    w.stored = makeCase(ORDER, T0);
    orderPage();
    const c = await start();
    await vi.waitFor(() => expect(attr('[data-rh="case"]', 'data-status')).toBe('reviewing'));
    $('[data-rh="open-cases"]')!.click();
    expect(c.openCases).toHaveBeenCalledWith(w.stored.id);
  });
});

describe('the case box follows the case’s deadline', () => {
  it('a confirmed refund whose arrival window ends while the page is open: the panel then asks 联系客服', async () => {
    const due = Date.now() + 300;
    w.stored = { ...makeCase(ORDER, T0), status: 'confirmed', deadlines: { arrivalDueAt: due }, nextDeadline: due };
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(descriptions([['订单编号', ORDER]]));
    const c = await start();
    await vi.waitFor(() => expect(attr('[data-rh="advice"]', 'data-value')).toBe('wait'));
    expect($('[data-rh="countdown"]')!.textContent).toMatch(/^应在 1 分钟内到账$/);
    // Nothing on the page changes: the panel asks the background again once the deadline passed.
    await vi.waitFor(() => expect(attr('[data-rh="advice"]', 'data-value')).toBe('contact-support'), { timeout: 5000 });
    expect(attr('[data-rh="case"]', 'data-overdue')).toBe('true');
    expect($('[data-rh="countdown"]')!.textContent).toBe('到账已超时 1 分钟');
    expect($('[data-rh="support-message"]')).not.toBeNull();
    expect(c.getCase).toHaveBeenCalledTimes(2);
  });
});

describe('a background slow to answer', () => {
  it('the rules asked again until they come (more than a few tries): the panel then reads the order', async () => {
    orderPage();
    const c = client();
    const answer = c.getRules.getMockImplementation()!;
    let asked = 0;
    const unreachable = { ok: false as const, error: { 'zh-CN': '无法连接后台', en: 'The background cannot be reached' } };
    c.getRules.mockImplementation((async () => (++asked <= 6 ? unreachable : answer())) as never);
    w.helper = startHelper({ client: c, debounceMs: 0, retryMs: 1 });
    await vi.waitFor(() => expect(attr('[data-rh-field="orderId"]', 'data-value')).toBe(ORDER));
    expect(asked).toBe(7);
  });
});
