// @vitest-environment happy-dom
// The confirm-refund feature: 确认退款 counts only when confirmed (a modal's OK, or no modal).
import { describe, expect, it, vi } from 'vitest';
import { observe } from '../../lib/cases/model';
import { HOUR, makeCase, T0 } from './helpers/cases';
import { ORDER, w, settle, go, descriptions, start, attr, useContentWorld } from './helpers/content';

useContentWorld();

describe('确认退款', () => {
  function detailPage() {
    go('/zone/refund/detail?id=12024111900002');
    document.body.append(
      descriptions([
        ['订单编号', ORDER],
        ['售后单号', '12024111900002'],
        ['售后状态', '审核通过'],
        ['退款金额', '¥129.00'],
      ]),
    );
    const button = document.createElement('button');
    button.textContent = '确认退款';
    document.body.append(button);
    return button;
  }
  function openModal() {
    const root = document.createElement('div');
    root.className = 'ant-modal-root';
    root.innerHTML =
      '<div class="ant-modal-wrap"><div class="ant-modal" role="dialog"><button class="cancel">取 消</button><button class="ant-btn ant-btn-primary">确 定</button></div></div>';
    document.body.append(root);
    return root;
  }

  it('a cancelled modal does not confirm; 确定 does, once the modal closes', async () => {
    w.stored = observe(makeCase(ORDER, T0), 'approved', w.rules, T0 + HOUR).case;
    const button = detailPage();
    const c = await start();
    expect(c.reportPage).toHaveBeenCalled();
    button.click();
    let modal = openModal();
    await settle();
    (modal.querySelector('.cancel') as HTMLElement).click();
    modal.remove();
    await new Promise((r) => setTimeout(r, 500));
    expect(c.caseAction).not.toHaveBeenCalled();

    button.click();
    modal = openModal();
    await settle();
    (modal.querySelector('.ant-btn-primary') as HTMLElement).click();
    expect(c.caseAction).not.toHaveBeenCalled(); // the page has not confirmed yet
    modal.remove();
    await settle();
    expect(c.caseAction).toHaveBeenCalledWith(w.stored!.id, 'confirm');
    await vi.waitFor(() => expect(attr('[data-rh-field="caseStatus"]', 'data-value')).toBe('confirmed'));
  });

  it('no modal: the click itself confirms', async () => {
    w.stored = observe(makeCase(ORDER, T0), 'approved', w.rules, T0 + HOUR).case;
    const button = detailPage();
    const c = await start();
    button.click();
    await new Promise((r) => setTimeout(r, 500));
    expect(c.caseAction).toHaveBeenCalledWith(w.stored!.id, 'confirm');
  });

  it('a click a page script dispatched (isTrusted false) confirms nothing, on the button or in its modal', async () => {
    w.stored = observe(makeCase(ORDER, T0), 'approved', w.rules, T0 + HOUR).case;
    const button = detailPage();
    const c = await start();
    const forged = (el: Element) => {
      const e = new MouseEvent('click', { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'isTrusted', { value: false });
      el.dispatchEvent(e);
    };
    forged(button);
    await new Promise((r) => setTimeout(r, 500));
    expect(c.caseAction).not.toHaveBeenCalled();

    button.click(); // the merchant's click, then the page's script "presses" 确定 for them
    const modal = openModal();
    await settle();
    forged(modal.querySelector('.ant-btn-primary')!);
    modal.remove();
    await new Promise((r) => setTimeout(r, 500));
    expect(c.caseAction).not.toHaveBeenCalled();
  });
});
