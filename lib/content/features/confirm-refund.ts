/*
 * 确认退款 clicked on the page (an order or refund detail, a row of the refund list): the case is
 * confirmed. When the page asks for confirmation in a modal, only once the modal closes after a
 * click on its OK button (so a failed confirmation that keeps the modal open does not count);
 * cancel, ×, the mask or Esc close it without that click, which drops it. With no modal after a
 * moment, the click itself counts. Clicks a page script dispatched never count.
 */
import { isHidden, squash } from '../../sites/dom/text';
import type { Feature } from '../core';
import { effectiveOrder } from '../model';
import { BUTTON, MODAL_CLOSE, MODAL_LAYER, MODAL_OUTSIDE, PRIMARY_BUTTON } from '../../sites/dom/antd';

const OK_TEXTS = ['确定', '确认', '好的', 'OK'];

/** A shown element matching the selector (attribute checks only: no layout). */
export function shown(doc: Document, selector: string): boolean {
  return Array.from(doc.querySelectorAll(selector)).some((el) => !isHidden(el));
}

export const confirmRefund: Feature = {
  kinds: ['order-detail', 'refund-detail', 'refund-list'],
  init(ctx, signal) {
    const { win, doc, state } = ctx;
    let pending: { orderId: string; timer: number; ok: boolean; modal: boolean } | undefined;
    const drop = () => {
      if (pending) win.clearTimeout(pending.timer);
      pending = undefined;
    };
    signal.addEventListener('abort', drop);

    function onConfirmClick(btn: Element) {
      const s = state()!;
      const row = s.kind === 'refund-list' ? (s.refunds ?? []).find((r) => r.row.contains(btn)) : undefined;
      const orderId = row?.orderId ?? effectiveOrder(s).orderId;
      if (!orderId) return;
      drop();
      const pc = {
        orderId,
        ok: false,
        modal: false,
        timer: win.setTimeout(() => {
          if (pending === pc && !pc.modal && !shown(doc, MODAL_LAYER)) {
            pending = undefined;
            void ctx.caseAction('confirm', orderId);
          }
        }, 400),
      };
      pending = pc;
    }

    function onModalClick(target: Element) {
      const pc = pending!;
      pc.modal = true;
      const btn = target.closest(`button,[role=button],${BUTTON}`);
      if (btn && !btn.matches(MODAL_CLOSE) && (btn.matches(PRIMARY_BUTTON) || OK_TEXTS.includes(squash(btn.textContent ?? '')))) pc.ok = true;
      // Any other button (取消, ×) or the mask closes the modal without confirming.
      else if (btn || target.matches(MODAL_OUTSIDE)) drop();
    }

    win.addEventListener(
      'click',
      (e) => {
        const target = e.target as Element;
        // Only the merchant's own clicks: one a page script dispatched (isTrusted false) is not the merchant confirming.
        if (e.isTrusted === false || !state() || ctx.ours(e) || !target?.closest) return;
        if (pending && target.closest(MODAL_LAYER)) return onModalClick(target);
        const btn = target.closest(`button,[role=button],a,${BUTTON}`);
        const labels = ctx.texts().buttons.confirmRefund ?? [];
        if (btn && !btn.closest(MODAL_LAYER) && labels.some((x) => squash(x) === squash(btn.textContent ?? ''))) onConfirmClick(btn);
      },
      { capture: true, signal },
    );

    // The modal opened, or closed.
    const change = () => {
      const pc = pending;
      if (!pc) return;
      if (shown(doc, MODAL_LAYER)) pc.modal = true;
      else if (pc.modal) {
        drop();
        if (pc.ok) void ctx.caseAction('confirm', pc.orderId);
      }
    };
    return { change };
  },
};
