// @vitest-environment happy-dom
// The order-list-chips feature: a status chip beside each listed order with a case.
import { describe, expect, it } from 'vitest';
import { makeCase, T0 } from './helpers/cases';
import { ORDER, w, settle, go, start, useContentWorld } from './helpers/content';

useContentWorld();

describe('order list', () => {
  it('puts a status chip (own shadow root, data-rh-chip) beside each order with a case', async () => {
    w.stored = makeCase(ORDER, Date.now() - 3_600_000); // under review for an hour: nothing to do yet
    go('/zone/order/list');
    const table = document.createElement('table');
    table.innerHTML = `<thead><tr><th>订单编号</th><th>订单状态</th></tr></thead><tbody><tr><td><a>${ORDER}</a></td><td>售后中</td></tr></tbody>`;
    document.body.append(table);
    const c = await start();
    c.getCase.mockImplementation(async (id: string) => ({ ok: true as const, data: id === ORDER ? w.stored : null }));
    await settle();
    const chip = table.querySelector('[data-rh-chip]') as HTMLElement;
    expect(chip).not.toBeNull();
    expect(chip.getAttribute('data-status')).toBe('reviewing');
    // A dot and a short word; the whole status and what the colour means in the tooltip.
    expect(chip.shadowRoot!.textContent).toBe('审核中');
    expect(chip.getAttribute('data-tone')).toBe('waiting');
    expect(chip.getAttribute('title')).toBe('退款助手：审核中\n蓝点：等待平台处理');
    expect(chip.closest('td')!.textContent).toBe(ORDER); // the page's text is unchanged
    expect(chip.getAttribute('style')).toContain('all:initial');
  });

  it('a case that needs the merchant: a red dot and a word that says what to do', async () => {
    w.stored = { ...makeCase(ORDER, T0), status: 'approved', approvedAt: T0 };
    go('/zone/order/list');
    const table = document.createElement('table');
    table.innerHTML = `<thead><tr><th>订单编号</th></tr></thead><tbody><tr><td><a>${ORDER}</a></td></tr></tbody>`;
    document.body.append(table);
    const c = await start();
    c.getCase.mockImplementation(async (id: string) => ({ ok: true as const, data: id === ORDER ? w.stored : null }));
    await settle();
    const chip = table.querySelector('[data-rh-chip]') as HTMLElement;
    expect([chip.shadowRoot!.textContent, chip.getAttribute('data-tone')]).toEqual(['待确认', 'attention']);
    expect(chip.getAttribute('title')).toContain('红点：需要您处理');
  });
});
